/// Inverted index from shared anchor shingles to the documents and positions that contain them.
///
/// Only winnowed anchors are indexed, not every shingle: about `2 / (window + 1)` of them,
/// which still guarantees an anchor in every identical run of the minimum passage length.
/// Only keys that can seed a pair are kept: found in 2 or more documents, and not in so many
/// that they are boilerplate.
///
/// Building and reading the index are bound by memory latency, not arithmetic, so it is laid
/// out for the cache and for all cores, with no shared mutable state:
/// - anchors are split by the top bits of their hash into partitions small enough that each
///   partition's hash table stays in cache, and partitions are built in parallel;
/// - kept keys are then numbered in order of first occurrence (document, then position) and
///   their postings laid out in that order, so a document that shares a passage with an
///   earlier one reads that passage's postings sequentially instead of one cache miss each;
/// - instead of a lookup per anchor, each document's keys are read off the laid-out postings
///   (the index transposed), in key order, so they need no sorting.
struct AnchorIndex: Sendable {
    /// One anchor shingle of one document (16 bytes: a corpus has millions; a document has
    /// fewer than 2^31 tokens and a corpus fewer than 2^31 documents).
    struct Anchor: Sendable {
        var hash: UInt64
        private var documentNumber: Int32
        private var positionNumber: Int32
        var document: Int { Int(documentNumber) }
        var position: Int { Int(positionNumber) }

        init(hash: UInt64, document: Int, position: Int) {
            self.hash = hash
            documentNumber = Int32(truncatingIfNeeded: document)
            positionNumber = Int32(truncatingIfNeeded: position)
        }
    }

    /// One occurrence of a key (8 bytes).
    struct Posting: Sendable {
        private var documentNumber: Int32
        private var positionNumber: Int32
        var document: Int { Int(documentNumber) }
        var position: Int { Int(positionNumber) }

        init(document: Int, position: Int) {
            documentNumber = Int32(truncatingIfNeeded: document)
            positionNumber = Int32(truncatingIfNeeded: position)
        }
    }

    /// A document chunk's anchors, grouped by partition (see ``partitioned(_:bits:)``).
    struct PartitionedAnchors: Sendable {
        var anchors: [Anchor] = []
        /// Anchors of partition `p` are `anchors[offsets[p]..<offsets[p + 1]]`.
        var offsets: [Int] = [0]
    }

    /// Keys of one partition, numbered in order of first occurrence, with their postings.
    private struct Partition: Sendable {
        /// Start of each key's postings; key `k`'s are `postingStart[k]..<postingStart[k + 1]`,
        /// empty for keys that were not kept.
        var postingStart: [Int] = [0]
        var postings: [Posting] = []
        /// Kept keys, ascending (hence by first occurrence).
        var keptKeys: [Int] = []
    }

    /// What a partition's table knows of one key while its anchors are read (24 bytes).
    private struct KeyTally {
        var hash: UInt64
        /// The document of its latest anchor, and that anchor's occurrence in it.
        var lastDocument: Int32 = -1
        var occurrences: Int32 = 0
        /// Documents holding it, and postings it keeps.
        var frequency: Int32 = 0
        var postingCount: Int32 = 0
    }

    /// Start of each key's postings: key `k`'s are `keyStart[k]..<keyStart[k + 1]`.
    private let keyStart: [Int]
    /// Postings of all kept keys, keys in order of first occurrence, each key's run by
    /// document then position.
    let postings: [Posting]
    /// Start of each document's keys in ``keyList``: document `d`'s are
    /// `keyList[documentKeyStart[d]..<documentKeyStart[d + 1]]`.
    private let documentKeyStart: [Int]
    /// Per document, the kept keys it holds, ascending, each once; all documents' end to end.
    let keyList: [Int32]
    /// Start of each key's documents in ``documentList``: key `k`'s are
    /// `documentList[keyDocumentStart[k]..<keyDocumentStart[k + 1]]`.
    private let keyDocumentStart: [Int]
    /// Per key, the documents holding it, ascending, each once; all keys' end to end (its
    /// postings without their positions and repeats, for counting the documents sharing keys).
    let documentList: [Int32]

    /// Where the postings of a key from ``keyList`` are in ``postings``.
    ///
    /// A range rather than a slice: a slice retains the shared array, and millions of
    /// retains from several threads on one reference count cost more than the lookups.
    func postingRange(of key: Int) -> Range<Int> {
        keyStart[key]..<keyStart[key + 1]
    }

    /// Where the documents holding a key from ``keyList`` are in ``documentList``.
    func documentRange(of key: Int) -> Range<Int> {
        keyDocumentStart[key]..<keyDocumentStart[key + 1]
    }

    /// Where the keys `document` holds are in ``keyList``.
    func keyRange(of document: Int) -> Range<Int> {
        documentKeyStart[document]..<documentKeyStart[document + 1]
    }

    /// Number of hash bits that choose a partition for about `anchorCount` anchors: about
    /// 32,768 anchors per partition, so its table stays in cache.
    static func partitionBits(anchorCount: Int) -> Int {
        var bits = 0
        while bits < 12 && (anchorCount >> bits) > 32_768 { bits += 1 }
        return bits
    }

    /// `anchors` (in document and position order) grouped by partition, keeping that order
    /// within each partition.
    static func partitioned(_ anchors: [Anchor], bits: Int) -> PartitionedAnchors {
        let count = 1 << bits
        var offsets = [Int](repeating: 0, count: count + 1)
        for anchor in anchors {
            offsets[partition(of: anchor.hash, bits: bits) + 1] += 1
        }
        for index in 0..<count {
            offsets[index + 1] += offsets[index]
        }
        var cursor = offsets
        // Every place is written once (the offsets count each partition's anchors), so the
        // array is not filled first: copying the anchors only to overwrite them was a pass
        // over millions of them.
        let grouped = [Anchor](unsafeUninitializedCapacity: anchors.count) { buffer, initialized in
            for anchor in anchors {
                let index = partition(of: anchor.hash, bits: bits)
                buffer[cursor[index]] = anchor
                cursor[index] += 1
            }
            initialized = anchors.count
        }
        return PartitionedAnchors(anchors: grouped, offsets: offsets)
    }

    private static func partition(of hash: UInt64, bits: Int) -> Int {
        bits == 0 ? 0 : Int(hash >> UInt64(64 - bits))
    }

    /// Builds the index from every document chunk's partitioned anchors.
    ///
    /// - Parameters:
    ///   - chunks: document ranges, in order, covering all documents; `anchors[c]` holds the
    ///     anchors of `chunks[c]`, partitioned with `bits`.
    ///   - maxOccurrences: postings kept per key and document.
    ///   - documentFrequencies: how many documents a key must be found in to be kept.
    init(
        _ anchors: [PartitionedAnchors], chunks: [Range<Int>], bits: Int,
        maxOccurrences: Int, documentFrequencies: Range<Int>
    ) {
        let documentCount = chunks.last?.upperBound ?? 0
        let partitions = Parallel.map(1 << bits) { partition in
            Self.buildPartition(
                anchors, partition: partition, maxOccurrences: maxOccurrences, documentFrequencies: documentFrequencies
            )
        }
        let layout = Self.layOut(partitions, documentCount: documentCount)
        keyStart = layout.keyStart
        postings = layout.postings
        let transposed = Self.documentKeys(keyStart: layout.keyStart, postings: layout.postings, documentCount: documentCount)
        documentKeyStart = transposed.starts
        keyList = transposed.keys
        keyDocumentStart = transposed.keyDocumentStart
        documentList = transposed.documents
    }

    /// Per document, the keys it holds, ascending, each once, read off the laid-out postings.
    ///
    /// Keys are visited in their order, so each document's come out ascending without
    /// sorting; counted first, so each is written once in its place. Partitions handing each
    /// chunk its documents' keys, appended to a list per document and sorted, cost more.
    ///
    /// The same pass lists each key's documents once each (its postings without positions and
    /// repeats): counting the documents that share keys reads those, not the postings.
    private static func documentKeys(
        keyStart: [Int], postings: [Posting], documentCount: Int
    ) -> (starts: [Int], keys: [Int32], keyDocumentStart: [Int], documents: [Int32]) {
        let keyCount = keyStart.count - 1
        var starts = [Int](repeating: 0, count: documentCount + 1)
        var keyDocumentStart = [Int](repeating: 0, count: keyCount + 1)
        postings.withUnsafeBufferPointer { postings in
            starts.withUnsafeMutableBufferPointer { starts in
                for key in 0..<keyCount {
                    var previous = -1, count = 0
                    for posting in keyStart[key]..<keyStart[key + 1] where postings[posting].document != previous {
                        previous = postings[posting].document
                        starts[previous + 1] += 1
                        count += 1
                    }
                    keyDocumentStart[key + 1] = keyDocumentStart[key] + count
                }
                for document in 0..<documentCount {
                    starts[document + 1] += starts[document]
                }
            }
        }
        var cursor = starts
        let total = starts[documentCount]
        var documents: [Int32] = []
        let keys = [Int32](unsafeUninitializedCapacity: total) { keys, initialized in
            documents = [Int32](unsafeUninitializedCapacity: total) { documents, written in
                postings.withUnsafeBufferPointer { postings in
                    cursor.withUnsafeMutableBufferPointer { cursor in
                        var listed = 0
                        for key in 0..<keyCount {
                            var previous = -1
                            for posting in keyStart[key]..<keyStart[key + 1] where postings[posting].document != previous {
                                previous = postings[posting].document
                                keys[cursor[previous]] = Int32(truncatingIfNeeded: key)
                                cursor[previous] += 1
                                documents[listed] = Int32(truncatingIfNeeded: previous)
                                listed += 1
                            }
                        }
                    }
                }
                written = total
            }
            initialized = total
        }
        return (starts, keys, keyDocumentStart, documents)
    }

    /// All partitions' kept keys renumbered in order of first occurrence, with their postings
    /// concatenated in that order.
    private static func layOut(_ partitions: [Partition], documentCount: Int) -> (keyStart: [Int], postings: [Posting]) {
        // Every partition's postings end to end first, so a kept key's run is a range of one
        // array: copying them key by key from each partition retained the partition per key.
        var pooled: [Posting] = []
        pooled.reserveCapacity(partitions.reduce(0) { $0 + $1.postings.count })
        // Each kept key's run in `pooled`, with the document and position of its first posting.
        var runs: [(document: Int32, position: Int32, start: Int, end: Int)] = []
        runs.reserveCapacity(partitions.reduce(0) { $0 + $1.keptKeys.count })
        for partition in partitions {
            let base = pooled.count
            pooled.append(contentsOf: partition.postings)
            for key in partition.keptKeys {
                let start = base + partition.postingStart[key], end = base + partition.postingStart[key + 1]
                let first = pooled[start]
                runs.append((Int32(truncatingIfNeeded: first.document), Int32(truncatingIfNeeded: first.position), start, end))
            }
        }
        // Bucket runs by the document of their first posting, then sort each bucket by
        // position (one anchor per position, so the order is total).
        var bucketStart = [Int](repeating: 0, count: documentCount + 1)
        for run in runs {
            bucketStart[Int(run.document) + 1] += 1
        }
        for document in 0..<documentCount {
            bucketStart[document + 1] += bucketStart[document]
        }
        var cursor = bucketStart
        var order = [Int](repeating: 0, count: runs.count)
        for (index, run) in runs.enumerated() {
            order[cursor[Int(run.document)]] = index
            cursor[Int(run.document)] += 1
        }
        for document in 0..<documentCount where bucketStart[document + 1] - bucketStart[document] > 1 {
            order[bucketStart[document]..<bucketStart[document + 1]].sort { runs[$0].position < runs[$1].position }
        }

        var keyStart: [Int] = [0]
        keyStart.reserveCapacity(order.count + 1)
        let postings = [Posting](unsafeUninitializedCapacity: pooled.count) { postings, initialized in
            var written = 0
            pooled.withUnsafeBufferPointer { pooled in
                for index in order {
                    for posting in runs[index].start..<runs[index].end where written < postings.count {
                        postings[written] = pooled[posting]
                        written += 1
                    }
                    keyStart.append(written)
                }
            }
            initialized = written
        }
        return (keyStart, postings)
    }

    /// One partition from every chunk's anchors of it, in document and position order.
    ///
    /// Read in place from the chunks (gathering them into one array first copied every
    /// anchor), through buffers, with the table holding only key numbers (4 bytes a slot,
    /// its keys' hashes and counts in one record each): the table is as large as twice the
    /// anchors, and filling a table of hashes and numbers was most of building it.
    private static func buildPartition(
        _ anchors: [PartitionedAnchors], partition: Int, maxOccurrences: Int, documentFrequencies: Range<Int>
    ) -> Partition {
        let memberCount = anchors.reduce(0) { $0 + $1.offsets[partition + 1] - $1.offsets[partition] }
        var capacity = 16
        while capacity < memberCount * 2 { capacity *= 2 }
        let mask = capacity - 1
        let limit = Int32(clamping: maxOccurrences)
        var table = [Int32](repeating: -1, count: capacity)
        var keyCount = 0
        // Per member, its key, or -1 when it is past its key's postings for its document.
        var keyOfMember: [Int32] = []
        // At most one key per member.
        let tallies = [KeyTally](unsafeUninitializedCapacity: memberCount) { tallies, initialized in
            keyOfMember = [Int32](unsafeUninitializedCapacity: memberCount) { keyOfMember, written in
                table.withUnsafeMutableBufferPointer { table in
                    var member = 0
                    for chunk in anchors {
                        chunk.anchors.withUnsafeBufferPointer { chunkAnchors in
                            for index in chunk.offsets[partition]..<chunk.offsets[partition + 1] where member < keyOfMember.count {
                                let anchor = chunkAnchors[index]
                                // The low bits pick the slot: the high bits are the same across a partition.
                                var slot = Int(truncatingIfNeeded: anchor.hash) & mask
                                var key = Int(table[slot])
                                while key >= 0 && tallies[key].hash != anchor.hash {
                                    slot = (slot + 1) & mask
                                    key = Int(table[slot])
                                }
                                if key < 0 {
                                    key = keyCount
                                    keyCount += 1
                                    table[slot] = Int32(truncatingIfNeeded: key)
                                    tallies.initializeElement(at: key, to: KeyTally(hash: anchor.hash))
                                }
                                let document = Int32(truncatingIfNeeded: anchor.document)
                                if tallies[key].lastDocument != document {
                                    tallies[key].lastDocument = document
                                    tallies[key].occurrences = 0
                                    tallies[key].frequency += 1
                                }
                                if tallies[key].occurrences < limit {
                                    tallies[key].occurrences += 1
                                    tallies[key].postingCount += 1
                                    keyOfMember[member] = Int32(truncatingIfNeeded: key)
                                } else {
                                    keyOfMember[member] = -1
                                }
                                member += 1
                            }
                        }
                    }
                    written = member
                }
            }
            initialized = keyCount
        }

        var starts = [Int](repeating: 0, count: tallies.count + 1)
        var kept: [Int] = []
        for key in tallies.indices {
            let keep = documentFrequencies.contains(Int(tallies[key].frequency))
            starts[key + 1] = starts[key] + (keep ? Int(tallies[key].postingCount) : 0)
            if keep && tallies[key].postingCount > 0 { kept.append(key) }
        }
        var cursor = starts
        let total = starts[tallies.count]
        let postings = [Posting](unsafeUninitializedCapacity: total) { postings, initialized in
            keyOfMember.withUnsafeBufferPointer { keyOfMember in
                cursor.withUnsafeMutableBufferPointer { cursor in
                    var member = 0
                    for chunk in anchors {
                        chunk.anchors.withUnsafeBufferPointer { chunkAnchors in
                            for index in chunk.offsets[partition]..<chunk.offsets[partition + 1] where member < keyOfMember.count {
                                let key = Int(keyOfMember[member])
                                member += 1
                                guard key >= 0, cursor[key] < starts[key + 1] else { continue }
                                postings[cursor[key]] = Posting(document: chunkAnchors[index].document, position: chunkAnchors[index].position)
                                cursor[key] += 1
                            }
                        }
                    }
                }
            }
            initialized = total
        }
        return Partition(postingStart: starts, postings: postings, keptKeys: kept)
    }

    /// Calls `emit` with the hash and start of each anchor shingle of `tokens`, in order.
    ///
    /// Winnowing (Schleimer et al. 2003): in every window of `window` consecutive shingle
    /// hashes, the smallest is an anchor (the rightmost on ties); identical text yields
    /// identical anchors whatever surrounds it, once a window lies inside it. A text with
    /// fewer shingles than a window gets its single smallest. A monotonic queue keeps this
    /// linear for any window size.
    static func winnow(_ tokens: [UInt64], shingleSize: Int, window: Int, emit: (UInt64, Int) -> Void) {
        let shingleCount = tokens.count - shingleSize + 1
        guard shingleCount > 0 else { return }
        let width = min(max(1, window), shingleCount)
        // The queue holds each candidate's hash beside its position, increasing from head to
        // tail. It never holds more than `width + 1` candidates (those of the window, and the
        // shingle just added), so it is a ring of that many on the stack: a queue as long as
        // the document was two arrays allocated and zeroed per document. It is read through
        // buffers: every shingle passes through it, and the arrays' checks were most of this loop.
        var capacity = 1
        while capacity <= width { capacity <<= 1 }
        let mask = capacity - 1
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { hashes in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: capacity) { positions in
                var head = 0
                var tail = 0
                var lastEmitted = -1
                for position in 0..<shingleCount {
                    let hash = StableHash.combine(tokens, from: position, count: shingleSize)
                    while tail > head && hashes[(tail - 1) & mask] >= hash {
                        tail -= 1
                    }
                    hashes[tail & mask] = hash
                    positions[tail & mask] = position
                    tail += 1
                    let windowStart = position - width + 1
                    while positions[head & mask] < windowStart {
                        head += 1
                    }
                    if windowStart >= 0 && positions[head & mask] != lastEmitted {
                        lastEmitted = positions[head & mask]
                        emit(hashes[head & mask], lastEmitted)
                    }
                }
            }
        }
    }
}
