/// Inverted index from shared anchor shingles to the documents and positions that contain them.
///
/// Only winnowed anchors are indexed, not every shingle: about `2 / (window + 1)` of them,
/// which still guarantees an anchor in every identical run of the minimum passage length.
/// Only keys that can seed a pair are kept (found in 2 or more documents, and not in so many
/// that they are boilerplate), and each anchor stores its key's postings range directly, so
/// the per-document passes read their anchors sequentially and touch the postings only for
/// the few anchors that are shared.
///
/// Keys are grouped by sorting the anchors' hashes (bucketed on their top bits, then sorted
/// per bucket) rather than through a hash table: millions of random probes into a table far
/// larger than the cache cost more than two sequential passes. Postings are stored flat
/// (compressed sparse rows) in document order.
struct AnchorIndex: Sendable {
    /// One document's anchor shingles, in text order.
    struct Anchors: Sendable {
        var hashes: [UInt64] = []
        var positions: [Int] = []
    }

    /// Per document, the range of its anchors in the `anchor…` arrays.
    private(set) var documentAnchors: [Range<Int>] = []
    /// Token position where each anchor shingle starts.
    private(set) var anchorPosition: [Int] = []
    /// Postings of each anchor's key; empty when the key cannot seed a pair.
    private(set) var anchorPostings: [Range<Int>] = []
    /// Whether the anchor is among the first `maxOccurrences` of its key in its document,
    /// i.e. has a posting of its own.
    private(set) var anchorIndexed: [Bool] = []
    /// Whether the anchor is its key's first occurrence in its document.
    private(set) var anchorFirstInDocument: [Bool] = []
    private(set) var postingDocument: [Int] = []
    private(set) var postingPosition: [Int] = []

    /// Indexes the anchors of each document (position `d` is document `d`).
    ///
    /// - Parameters:
    ///   - maxOccurrences: postings kept per key and document.
    ///   - documentFrequencies: how many documents a key must be found in to be kept.
    init(_ documents: [Anchors], maxOccurrences: Int, documentFrequencies: Range<Int>) {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(documents.count)
        var entries: [Entry] = []
        entries.reserveCapacity(documents.reduce(0) { $0 + $1.hashes.count })
        var positions: [Int] = []
        positions.reserveCapacity(entries.capacity)
        for (document, anchors) in documents.enumerated() {
            let start = entries.count
            for (hash, position) in zip(anchors.hashes, anchors.positions) {
                entries.append(Entry(hash: hash, anchor: entries.count, document: document, position: position))
            }
            positions.append(contentsOf: anchors.positions)
            ranges.append(start..<entries.count)
        }
        documentAnchors = ranges
        anchorPosition = positions
        Self.sortByHash(&entries)

        var postings = [Range<Int>](repeating: 0..<0, count: entries.count)
        var indexed = [Bool](repeating: false, count: entries.count)
        var first = [Bool](repeating: false, count: entries.count)
        var postingDocuments: [Int] = []
        var postingPositions: [Int] = []
        var groupStart = 0
        while groupStart < entries.count {
            let hash = entries[groupStart].hash
            var groupEnd = groupStart + 1
            var documentCount = 1
            while groupEnd < entries.count && entries[groupEnd].hash == hash {
                if entries[groupEnd].document != entries[groupEnd - 1].document { documentCount += 1 }
                groupEnd += 1
            }
            // Within a group entries are in anchor order, hence by document then position.
            let keep = documentFrequencies.contains(documentCount)
            let postingStart = postingDocuments.count
            var lastDocument = -1
            var occurrences = 0
            for member in groupStart..<groupEnd {
                let entry = entries[member]
                if entry.document != lastDocument {
                    lastDocument = entry.document
                    occurrences = 0
                    first[entry.anchor] = true
                }
                if occurrences < maxOccurrences {
                    occurrences += 1
                    indexed[entry.anchor] = true
                    if keep {
                        postingDocuments.append(entry.document)
                        postingPositions.append(entry.position)
                    }
                }
            }
            if keep {
                let range = postingStart..<postingDocuments.count
                for member in groupStart..<groupEnd {
                    postings[entries[member].anchor] = range
                }
            }
            groupStart = groupEnd
        }
        anchorPostings = postings
        anchorIndexed = indexed
        anchorFirstInDocument = first
        postingDocument = postingDocuments
        postingPosition = postingPositions
    }

    /// An anchor with what indexing needs of it, so sorting and grouping read contiguous memory.
    private struct Entry {
        var hash: UInt64
        var anchor: Int
        var document: Int
        var position: Int

        /// Hash order, then anchor order (document, then position).
        func precedes(_ other: Entry) -> Bool {
            hash != other.hash ? hash < other.hash : anchor < other.anchor
        }
    }

    /// Sorts `entries` by hash, then anchor number.
    ///
    /// Hashes are uniform, so one counting pass on their top bits spreads them over buckets
    /// of a few dozen entries, which an insertion sort then finishes in place.
    private static func sortByHash(_ entries: inout [Entry]) {
        var bits = 1
        while bits < 24 && (1 << bits) * 16 < entries.count { bits += 1 }
        let shift = UInt64(64 - bits)
        let bucketCount = 1 << bits
        var bucketStart = [Int](repeating: 0, count: bucketCount + 1)
        for entry in entries {
            bucketStart[Int(entry.hash >> shift) + 1] += 1
        }
        for bucket in 0..<bucketCount {
            bucketStart[bucket + 1] += bucketStart[bucket]
        }
        var cursor = bucketStart
        var bucketed = entries
        for entry in entries {
            let bucket = Int(entry.hash >> shift)
            bucketed[cursor[bucket]] = entry
            cursor[bucket] += 1
        }
        for bucket in 0..<bucketCount {
            let lower = bucketStart[bucket]
            let upper = bucketStart[bucket + 1]
            guard upper - lower > 1 else { continue }
            for next in (lower + 1)..<upper {
                let entry = bucketed[next]
                var slot = next
                while slot > lower && entry.precedes(bucketed[slot - 1]) {
                    bucketed[slot] = bucketed[slot - 1]
                    slot -= 1
                }
                bucketed[slot] = entry
            }
        }
        entries = bucketed
    }

    /// The token hashes of `tokens` and their anchor shingles.
    static func fingerprint(_ tokens: [String], shingleSize: Int, window: Int) -> (tokens: [UInt64], anchors: Anchors) {
        let hashes = tokens.map(StableHash.fnv1a)
        var anchors = Anchors()
        winnow(hashes, shingleSize: shingleSize, window: window) { hash, position in
            anchors.hashes.append(hash)
            anchors.positions.append(position)
        }
        return (hashes, anchors)
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
        var shingles = [UInt64](repeating: 0, count: shingleCount)
        for start in 0..<shingleCount {
            shingles[start] = StableHash.combine(tokens, from: start, count: shingleSize)
        }
        let width = min(max(1, window), shingleCount)
        var queue = [Int](repeating: 0, count: shingleCount)
        var head = 0
        var tail = 0
        var lastEmitted = -1
        for position in 0..<shingleCount {
            while tail > head && shingles[queue[tail - 1]] >= shingles[position] {
                tail -= 1
            }
            queue[tail] = position
            tail += 1
            let windowStart = position - width + 1
            while queue[head] < windowStart {
                head += 1
            }
            if windowStart >= 0 && queue[head] != lastEmitted {
                lastEmitted = queue[head]
                emit(shingles[lastEmitted], lastEmitted)
            }
        }
    }
}
