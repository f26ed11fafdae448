/// The distinct spellings of a document's tokens (their strict folded keys), and each
/// token's spelling as a small integer.
///
/// A plan of 3,000 tokens has about 800 spellings. The stages after parsing (coding, finding
/// agencies, counting terms, hashing for reuse) each looked every token up in a dictionary of
/// strings; with spellings they look up each spelling once and the tokens by index. Spellings
/// are found with one cheap hash per token (``HashIndex``).
public struct TokenSpellings: Sendable, Hashable {
    /// Per segment (index for index with the tokeniser outputs), per token: its spelling.
    public let ids: [[Int32]]
    /// Per spelling, in order of first use: the folded scalar range of its first token.
    public let ranges: [Range<Int>]
    /// Per spelling: its folded key (the text of `ranges` in `folded.strict`).
    public let keys: [String]
    /// The UTF-8 bytes of `keys`, end to end, and where each key's bytes end (a key starts
    /// where the one before it ends): counting terms reads a document's syllables from here,
    /// and making a string of each again to look it up was most of that look-up.
    let utf8: [UInt8]
    let utf8Ends: [Int]
    /// Per spelling: the ``RunTable`` hash of its scalars in `folded.strict` and in
    /// `folded.loose`, so that the phrase matchers, which look each spelling up in three
    /// tables, do not hash it again (they hashed it six times a document).
    let strictHashes: [UInt64]
    let looseHashes: [UInt64]
    /// The spellings by the hash of their scalars in `folded.strict`, as they were found.
    private let index: HashIndex

    /// Number of distinct spellings.
    public var count: Int { ranges.count }

    /// The spellings of the tokens of `outputs`, keyed by `folded.strict`.
    public init(_ outputs: [Tokenizer.Output], folded: FoldedText) {
        var cache = Cache()
        self.init(outputs, folded: folded, cache: &cache)
    }

    /// ``init(_:folded:)`` with the keys, UTF-8 and loose hashes of spellings met in earlier
    /// documents in `cache`.
    ///
    /// Each token is hashed once, with the ``RunTable`` hash that the phrase matchers need
    /// anyway, so a new spelling's strict hash is the one it was found by (hashing every token
    /// for the index and every spelling again for the matchers cost about a fifth of this
    /// work). A spelling's key, UTF-8 and loose hash depend on its scalars alone, so they come
    /// from `cache` when a document read before used it (making them was about 330
    /// instructions a spelling); the spellings are still numbered here, in this document's
    /// order of first use, so nothing read from them depends on the cache.
    init(_ outputs: [Tokenizer.Output], folded: FoldedText, cache: inout Cache) {
        let tokenCount = outputs.reduce(0) { $0 + $1.tokens.count }
        // About one spelling per five tokens: room up front for the table that grows with them.
        var index = HashIndex(expected: tokenCount / 4)
        // Each token adds at most one spelling, so each spelling's columns are written in place
        // into buffers with room for every token and copied out at their count: appending to
        // arrays checked their uniqueness and capacity for every new spelling, and reading
        // `ranges` while appending to it opened an access to it for every token.
        let columns = UnsafeMutableRawPointer.allocate(byteCount: max(1, tokenCount) * Self.columnBytes,
                                                       alignment: MemoryLayout<Range<Int>>.alignment)
        defer { columns.deallocate() }
        let ranges = columns.bindMemory(to: Range<Int>.self, capacity: tokenCount)
        let hashes = (columns + tokenCount * MemoryLayout<Range<Int>>.stride).bindMemory(to: UInt64.self, capacity: 2 * tokenCount)
        let looseHashes = hashes + tokenCount
        ids = folded.strict.withUnsafeBufferPointer { scalars in
            outputs.map { output in
                output.tokens.withUnsafeBufferPointer { tokens in
                    [Int32](unsafeUninitializedCapacity: tokens.count) { ids, count in
                        guard let text = scalars.baseAddress else {
                            // An empty text: every token's range is cut to the empty run,
                            // the first spelling, which hashes as any empty run.
                            let empty = RunTable<Unicode.Scalar>.hash(of: scalars)
                            if !tokens.isEmpty, case .vacant(let slot) = index.probe(hash: empty, isItem: { _ in true }) {
                                Self.add(Int(index.insert(hash: empty, at: slot)), 0..<0, empty, ranges, hashes)
                            }
                            for t in tokens.indices { ids.initializeElement(at: t, to: 0) }
                            count = tokens.count
                            return
                        }
                        for t in tokens.indices {
                            let range = Self.clamped(tokens[t].range, scalars.count)
                            let start = text + range.lowerBound, length = range.count
                            let hash = RunTable<Unicode.Scalar>.hash(UnsafeRawPointer(start), length &* 4)
                            let probe = index.probe(hash: hash) { id in
                                let stored = ranges[Int(id)]  // clamped like `range`: within `scalars`
                                return stored.count == length && Self.same(start, length, text + stored.lowerBound)
                            }
                            switch probe {
                            case .found(let id):
                                ids.initializeElement(at: t, to: id)
                            case .vacant(let slot):
                                let id = index.insert(hash: hash, at: slot)
                                ids.initializeElement(at: t, to: id)
                                Self.add(Int(id), range, hash, ranges, hashes)
                            }
                        }
                        count = tokens.count
                    }
                }
            }
        }
        let count = index.count
        self.ranges = Array(UnsafeBufferPointer(start: ranges, count: count))
        strictHashes = Array(UnsafeBufferPointer(start: hashes, count: count))
        self.index = index
        // Each spelling's key, UTF-8 (written end to end into one array made with room for
        // the longest encoding, four bytes a scalar) and loose hash, from the cache.
        let capacity = self.ranges.reduce(0) { $0 + 4 * $1.count }
        var keys = [String]()
        keys.reserveCapacity(count)
        var ends = [Int]()
        ends.reserveCapacity(count)
        utf8 = folded.strict.withUnsafeBufferPointer { strict in
            folded.loose.withUnsafeBufferPointer { loose in
                [UInt8](unsafeUninitializedCapacity: capacity) { buffer, written in
                    written = 0
                    for k in 0..<count {
                        let range = ranges[k]  // clamped: within `strict`, and `loose` has its length
                        let entry = cache.entry(UnsafeBufferPointer(rebasing: strict[range]), hash: hashes[k],
                                                loose: UnsafeBufferPointer(rebasing: loose[range]),
                                                into: buffer.baseAddress.map { $0 + written })
                        keys.append(entry.key)
                        (looseHashes + k).initialize(to: entry.loose)
                        written &+= entry.bytes
                        ends.append(written)
                    }
                }
            }
        }
        self.looseHashes = Array(UnsafeBufferPointer(start: looseHashes, count: count))
        self.keys = keys
        utf8Ends = ends
    }

    /// Bytes per token of the buffer of spelling columns: a range and two hashes.
    private static let columnBytes = MemoryLayout<Range<Int>>.stride + 2 * MemoryLayout<UInt64>.stride

    /// Writes spelling `id`'s range and strict hash (its loose hash comes with its key).
    @inline(__always)
    private static func add(_ id: Int, _ range: Range<Int>, _ hash: UInt64, _ ranges: UnsafeMutablePointer<Range<Int>>,
                            _ hashes: UnsafeMutablePointer<UInt64>) {
        (ranges + id).initialize(to: range)
        (hashes + id).initialize(to: hash)
    }

    /// `range` clamped to `0..<count`; tokens' ranges already are, so that is two compares.
    @inline(__always)
    private static func clamped(_ range: Range<Int>, _ count: Int) -> Range<Int> {
        if range.lowerBound >= 0, range.upperBound <= count { return range }
        let lower = max(0, min(range.lowerBound, count))
        return lower..<max(lower, min(range.upperBound, count))
    }

    /// Whether the `count` scalars at `run` and at `stored` are the same, compared two at a
    /// time through bare pointers (a spelling is a few scalars; a call to `memcmp` would cost
    /// more than it).
    @inline(__always)
    fileprivate static func same(_ run: UnsafePointer<Unicode.Scalar>, _ count: Int, _ stored: UnsafePointer<Unicode.Scalar>) -> Bool {
        let stored = UnsafeRawPointer(stored), word = UnsafeRawPointer(run)
        let bytes = count &* 4
        var offset = 0
        while offset &+ 8 <= bytes {
            if stored.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != word.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset &+= 8
        }
        return offset == bytes || stored.load(fromByteOffset: offset, as: UInt32.self) == word.load(fromByteOffset: offset, as: UInt32.self)
    }

    /// The spelling whose key is `key` (its scalars, compared one for one), where `folded` is
    /// the text the spellings were found in; nil when no token spells it.
    ///
    /// The key's scalars are decoded onto the stack, not into an array: the phrases of the fact
    /// extractor look up some seventy words a document, and allocating was most of each.
    func spelling(of key: String, in folded: FoldedText) -> Int32? {
        var key = key
        return key.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: max(1, utf8.count)) { buffer in
                guard let out = buffer.baseAddress else { return nil }
                var count = 0, i = 0
                while i < utf8.count {
                    guard let (value, length) = UTF8Scalars.read(utf8, at: i) else { break }  // a String's UTF-8 is valid
                    (out + count).initialize(to: Unicode.Scalar(value) ?? "\u{FFFD}")
                    count += 1
                    i += length
                }
                let word = UnsafeBufferPointer(start: out, count: count)
                return folded.strict.withUnsafeBufferPointer { text in
                    index.find(hash: RunTable<Unicode.Scalar>.hash(of: word)) { id in
                        let range = ranges[Int(id)]
                        guard range.count == word.count, range.upperBound <= text.count else { return false }
                        guard let base = text.baseAddress else { return word.isEmpty }
                        return Self.same(out, word.count, base + range.lowerBound)
                    }
                }
            }
        }
    }
}

extension TokenSpellings {
    /// The key, UTF-8 and loose hash of every spelling met, by its scalars in `folded.strict`,
    /// kept from one document to the next by one worker (as ``ComposedWords`` is for the
    /// normaliser).
    ///
    /// A corpus repeats its spellings: each is made once per worker instead of once per
    /// document. All three are functions of the spelling's strict scalars alone (the loose
    /// fold of a scalar is the plain letter of its strict fold), so what the cache answers
    /// never depends on what it holds or on which documents its worker read before. It starts
    /// over once it holds ``limit`` scalars, so a corpus of ever-new spellings cannot grow it
    /// without bound: starting over costs nothing per look-up (unlike evicting the least used
    /// entry), and a corpus's own vocabulary stays far below the limit.
    struct Cache: Sendable {
        /// Where one spelling's scalars and UTF-8 lie in the flat arrays, its loose hash and key.
        private struct Entry: Sendable {
            var scalars: Range<Int>
            var bytes: Range<Int>
            var loose: UInt64
            var key: String
        }

        private var known = HashIndex(expected: 1024)
        private var scalars: [Unicode.Scalar] = []
        private var bytes: [UInt8] = []
        private var entries: [Entry] = []
        /// Scalars kept before the cache starts over (about 65,000 spellings of four).
        let limit: Int

        init(limit: Int = 1 << 18) {
            self.limit = limit
        }

        /// Number of distinct spellings held.
        var count: Int { entries.count }

        /// The key of the spelling whose strict scalars are `run` (with the ``RunTable`` hash
        /// `hash`) and loose scalars `loose`, its loose hash, and its UTF-8, written at
        /// `destination` (room for four bytes a scalar; nil only for an empty run), with their
        /// number.
        @inline(__always)
        mutating func entry(_ run: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt64, loose: UnsafeBufferPointer<Unicode.Scalar>,
                            into destination: UnsafeMutablePointer<UInt8>?) -> (key: String, bytes: Int, loose: UInt64) {
            let probe = scalars.withUnsafeBufferPointer { held in
                entries.withUnsafeBufferPointer { entries in
                    known.probe(hash: hash) { id in
                        let stored = entries[Int(id)].scalars
                        guard stored.count == run.count else { return false }
                        guard let word = run.baseAddress, let base = held.baseAddress else { return true }  // both empty
                        return TokenSpellings.same(word, run.count, base + stored.lowerBound)
                    }
                }
            }
            switch probe {
            case .found(let id):
                let entry = entries[Int(id)]
                if let destination, !entry.bytes.isEmpty {
                    bytes.withUnsafeBufferPointer { bytes in
                        guard let base = bytes.baseAddress else { return }
                        destination.initialize(from: base + entry.bytes.lowerBound, count: entry.bytes.count)
                    }
                }
                return (entry.key, entry.bytes.count, entry.loose)
            case .vacant(let slot):
                return add(run, hash: hash, loose: loose, at: slot, into: destination)
            }
        }

        /// Makes the key, UTF-8 and loose hash of a spelling not held and keeps them under
        /// `hash` at the `slot` its look-up found vacant (or starts over, full).
        @inline(never)
        private mutating func add(_ run: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt64, loose: UnsafeBufferPointer<Unicode.Scalar>,
                                  at slot: Int, into destination: UnsafeMutablePointer<UInt8>?) -> (key: String, bytes: Int, loose: UInt64) {
            var written = 0
            if let destination {
                for scalar in run { written &+= UTF8Scalars.write(scalar.value, to: destination + written) }
            }
            let utf8 = UnsafeBufferPointer(start: destination, count: written)
            let key = String(decoding: utf8, as: UTF8.self), looseHash = RunTable<Unicode.Scalar>.hash(of: loose)
            var slot = slot
            if scalars.count + run.count > limit, count > 0 {
                self = Cache(limit: limit)  // empty now, so the spelling goes in whatever its size
                if case .vacant(let free) = known.probe(hash: hash, isItem: { _ in false }) { slot = free }
            }
            known.insert(hash: hash, at: slot)
            entries.append(Entry(scalars: scalars.count..<scalars.count + run.count, bytes: bytes.count..<bytes.count + written,
                                 loose: looseHash, key: key))
            scalars.append(contentsOf: run)
            bytes.append(contentsOf: utf8)
            return (key, written, looseHash)
        }
    }
}
