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
/// - instead of a lookup per anchor, each partition hands every document chunk the keys its
///   documents hold (the index transposed), and chunks collect them in parallel.
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
        /// Per document chunk, the (document, key) pairs of kept keys, by key.
        var holdings: [[(document: Int, key: Int)]] = []
    }

    /// Start of each key's postings: key `k`'s are `keyStart[k]..<keyStart[k + 1]`.
    private let keyStart: [Int]
    /// Postings of all kept keys, keys in order of first occurrence, each key's run by
    /// document then position.
    let postings: [Posting]
    /// Per document, the kept keys it holds, ascending, each once.
    let documentKeys: [[Int]]

    /// Where the postings of a key from ``documentKeys`` are in ``postings``.
    ///
    /// A range rather than a slice: a slice retains the shared array, and millions of
    /// retains from several threads on one reference count cost more than the lookups.
    func postingRange(of key: Int) -> Range<Int> {
        keyStart[key]..<keyStart[key + 1]
    }

    /// Number of hash bits that choose a partition for about `anchorCount` anchors: about
    /// 32,768 anchors per partition, so its table (about 1 MB) stays in cache.
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
        var chunkOfDocument = [Int](repeating: 0, count: documentCount)
        for (chunk, range) in chunks.enumerated() {
            for document in range { chunkOfDocument[document] = chunk }
        }
        let chunkLookup = chunkOfDocument
        let partitions = Parallel.map(1 << bits) { partition in
            var members: [Anchor] = []
            for chunk in anchors {
                members.append(contentsOf: chunk.anchors[chunk.offsets[partition]..<chunk.offsets[partition + 1]])
            }
            return Self.buildPartition(
                members, chunkOfDocument: chunkLookup, chunkCount: chunks.count,
                maxOccurrences: maxOccurrences, documentFrequencies: documentFrequencies
            )
        }

        let layout = Self.layOut(partitions, documentCount: documentCount)
        keyStart = layout.keyStart
        postings = layout.postings
        documentKeys = Parallel.map(Array(chunks.indices)) { chunk in
            let range = chunks[chunk]
            var keys = [[Int]](repeating: [], count: range.count)
            for (index, partition) in partitions.enumerated() {
                for holding in partition.holdings[chunk] {
                    keys[holding.document - range.lowerBound].append(layout.globalKey[index][holding.key])
                }
            }
            return keys.map { $0.sorted() }
        }.flatMap { $0 }
    }

    /// All partitions' kept keys renumbered in order of first occurrence, with their postings
    /// concatenated in that order; `globalKey[p][k]` is the new number of key `k` of partition `p`.
    private static func layOut(
        _ partitions: [Partition], documentCount: Int
    ) -> (keyStart: [Int], postings: [Posting], globalKey: [[Int]]) {
        // Bucket keys by the document of their first posting, then sort each bucket by
        // position (one anchor per position, so the order is total).
        var bucketStart = [Int](repeating: 0, count: documentCount + 1)
        for partition in partitions {
            for key in partition.keptKeys {
                bucketStart[partition.postings[partition.postingStart[key]].document + 1] += 1
            }
        }
        for document in 0..<documentCount {
            bucketStart[document + 1] += bucketStart[document]
        }
        var cursor = bucketStart
        var order = [(position: Int, partition: Int, key: Int)](repeating: (0, 0, 0), count: bucketStart[documentCount])
        for (index, partition) in partitions.enumerated() {
            for key in partition.keptKeys {
                let first = partition.postings[partition.postingStart[key]]
                order[cursor[first.document]] = (first.position, index, key)
                cursor[first.document] += 1
            }
        }
        for document in 0..<documentCount where bucketStart[document + 1] - bucketStart[document] > 1 {
            order[bucketStart[document]..<bucketStart[document + 1]].sort { $0.position < $1.position }
        }

        var globalKey = partitions.map { [Int](repeating: -1, count: $0.postingStart.count - 1) }
        var keyStart: [Int] = [0]
        keyStart.reserveCapacity(order.count + 1)
        var postings: [Posting] = []
        postings.reserveCapacity(partitions.reduce(0) { $0 + $1.postings.count })
        for (key, entry) in order.enumerated() {
            let partition = partitions[entry.partition]
            globalKey[entry.partition][entry.key] = key
            postings.append(contentsOf: partition.postings[partition.postingStart[entry.key]..<partition.postingStart[entry.key + 1]])
            keyStart.append(postings.count)
        }
        return (keyStart, postings, globalKey)
    }

    /// One partition from its anchors, in document and position order.
    private static func buildPartition(
        _ members: [Anchor], chunkOfDocument: [Int], chunkCount: Int,
        maxOccurrences: Int, documentFrequencies: Range<Int>
    ) -> Partition {
        var capacity = 16
        while capacity < members.count * 2 { capacity *= 2 }
        let mask = capacity - 1
        var tableHash = [UInt64](repeating: 0, count: capacity)
        var tableKey = [Int](repeating: -1, count: capacity)
        var keyOfMember = [Int](repeating: 0, count: members.count)
        var indexed = [Bool](repeating: false, count: members.count)
        var frequency: [Int] = []
        var postingCount: [Int] = []
        var lastDocument: [Int] = []
        var occurrences: [Int] = []
        for (member, anchor) in members.enumerated() {
            // The low bits pick the slot: the high bits are the same across a partition.
            var slot = Int(truncatingIfNeeded: anchor.hash) & mask
            while tableKey[slot] >= 0 && tableHash[slot] != anchor.hash {
                slot = (slot + 1) & mask
            }
            if tableKey[slot] < 0 {
                tableKey[slot] = frequency.count
                tableHash[slot] = anchor.hash
                frequency.append(0)
                postingCount.append(0)
                lastDocument.append(-1)
                occurrences.append(0)
            }
            let key = tableKey[slot]
            keyOfMember[member] = key
            if lastDocument[key] != anchor.document {
                lastDocument[key] = anchor.document
                occurrences[key] = 0
                frequency[key] += 1
            }
            if occurrences[key] < maxOccurrences {
                occurrences[key] += 1
                postingCount[key] += 1
                indexed[member] = true
            }
        }

        var starts = [Int](repeating: 0, count: frequency.count + 1)
        for key in frequency.indices {
            let kept = documentFrequencies.contains(frequency[key])
            starts[key + 1] = starts[key] + (kept ? postingCount[key] : 0)
        }
        var cursor = starts
        var postings = [Posting](repeating: Posting(document: 0, position: 0), count: starts[frequency.count])
        for (member, anchor) in members.enumerated() where indexed[member] {
            let key = keyOfMember[member]
            guard cursor[key] < starts[key + 1] else { continue }
            postings[cursor[key]] = Posting(document: anchor.document, position: anchor.position)
            cursor[key] += 1
        }

        var holdings = [[(document: Int, key: Int)]](repeating: [], count: chunkCount)
        var kept: [Int] = []
        for key in frequency.indices where starts[key + 1] > starts[key] {
            kept.append(key)
            var previous = -1
            for posting in postings[starts[key]..<starts[key + 1]] where posting.document != previous {
                previous = posting.document
                holdings[chunkOfDocument[posting.document]].append((posting.document, key))
            }
        }
        return Partition(postingStart: starts, postings: postings, keptKeys: kept, holdings: holdings)
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
