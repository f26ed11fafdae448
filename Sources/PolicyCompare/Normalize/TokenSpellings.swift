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
    /// Each token is looked up once, in `cache`, and the cache marks each spelling with its
    /// number in this document when the document first uses it. A spelling's key, UTF-8 and
    /// hashes depend on its scalars alone, so they come from the cache whichever document put
    /// them there; the spellings are still numbered in this document's order of first use, so
    /// nothing read from them depends on the cache. (Looking each token up in a table of this
    /// document's spellings, by the ``RunTable`` hash, and each new spelling again in the cache
    /// was two look-ups for a spelling, a longer hash for every token, and a table to grow for
    /// every document.)
    init(_ outputs: [Tokenizer.Output], folded: FoldedText, cache: inout Cache) {
        let tokenCount = outputs.reduce(0) { $0 + $1.tokens.count }
        cache.begin(scalars: folded.strict.count)
        // Each token adds at most one spelling, so each spelling's columns are written in place
        // into buffers with room for every token and copied out at their count.
        let columns = UnsafeMutableRawPointer.allocate(byteCount: max(1, tokenCount) * Self.columnBytes,
                                                       alignment: MemoryLayout<Range<Int>>.alignment)
        defer { columns.deallocate() }
        var firsts = Firsts(columns, capacity: tokenCount)
        // An empty text is read through a one-scalar array: every token's range is cut to the
        // empty run, of which no scalar is read.
        let count = folded.strict.count
        let strictText = count > 0 ? folded.strict : ["\u{0}"], looseText = count > 0 ? folded.loose : ["\u{0}"]
        ids = strictText.withUnsafeBufferPointer { strict in
            looseText.withUnsafeBufferPointer { loose in
                outputs.map { output in
                    output.tokens.withUnsafeBufferPointer { tokens in
                        [Int32](unsafeUninitializedCapacity: tokens.count) { ids, initialized in
                            if let strict = strict.baseAddress, let loose = loose.baseAddress, let out = ids.baseAddress {
                                cache.number(tokens, in: Folded(strict: strict, loose: loose, count: count), ids: out, firsts: &firsts)
                            }
                            initialized = tokens.count
                        }
                    }
                }
            }
        }
        let spellings = firsts.count
        ranges = Array(UnsafeBufferPointer(start: firsts.ranges, count: spellings))
        strictHashes = Array(UnsafeBufferPointer(start: firsts.hashes, count: spellings))
        (keys, utf8, utf8Ends, looseHashes) = cache.columns(of: UnsafeBufferPointer(start: firsts.entries, count: spellings))
        index = HashIndex(distinct: strictHashes)
    }

    /// A document's folded scalars, strict and loose, through bare pointers, and their number.
    fileprivate struct Folded {
        let strict: UnsafePointer<Unicode.Scalar>
        let loose: UnsafePointer<Unicode.Scalar>
        let count: Int
    }

    /// Per spelling of one document, in its order of first use: the range and strict hash of
    /// its first token and its number in the cache, written into buffers with room for every
    /// token.
    fileprivate struct Firsts {
        let ranges: UnsafeMutablePointer<Range<Int>>
        let hashes: UnsafeMutablePointer<UInt64>
        let entries: UnsafeMutablePointer<Int32>
        private(set) var count = 0

        /// The columns laid out in `buffer`, of ``columnBytes`` a token for `capacity` tokens.
        init(_ buffer: UnsafeMutableRawPointer, capacity: Int) {
            ranges = buffer.bindMemory(to: Range<Int>.self, capacity: capacity)
            let hashes = buffer + capacity * MemoryLayout<Range<Int>>.stride
            self.hashes = hashes.bindMemory(to: UInt64.self, capacity: capacity)
            entries = (hashes + capacity * MemoryLayout<UInt64>.stride).bindMemory(to: Int32.self, capacity: capacity)
        }

        /// Adds the spelling of cache entry `entry`, first met as `range` with `hash`; returns its number.
        @inline(__always)
        mutating func add(_ range: Range<Int>, _ hash: UInt64, entry: Int32) -> Int32 {
            (ranges + count).initialize(to: range)
            (hashes + count).initialize(to: hash)
            (entries + count).initialize(to: entry)
            count &+= 1
            return Int32(truncatingIfNeeded: count &- 1)
        }
    }

    /// Bytes per token of the buffer of spelling columns (``Firsts``): a range, a hash and a
    /// cache entry.
    private static let columnBytes = MemoryLayout<Range<Int>>.stride + MemoryLayout<UInt64>.stride + MemoryLayout<Int32>.stride

    /// `range` clamped to `0..<count`; tokens' ranges already are, so that is two compares.
    @inline(__always)
    fileprivate static func clamped(_ range: Range<Int>, _ count: Int) -> Range<Int> {
        if range.lowerBound >= 0, range.upperBound <= count { return range }
        let lower = max(0, min(range.lowerBound, count))
        return lower..<max(lower, min(range.upperBound, count))
    }

    /// Whether the `count` scalars at `run` and at `stored` are the same, compared through bare
    /// pointers (a spelling is a few scalars; a call to `memcmp` would cost more than it): up
    /// to four scalars, nearly every syllable, as two words that overlap (or one scalar), with
    /// no loop; a longer run two scalars at a time.
    @inline(__always)
    fileprivate static func same(_ run: UnsafePointer<Unicode.Scalar>, _ count: Int, _ stored: UnsafePointer<Unicode.Scalar>) -> Bool {
        let stored = UnsafeRawPointer(stored), word = UnsafeRawPointer(run)
        let bytes = count &* 4
        if bytes <= 16 {
            guard bytes >= 8 else {
                return bytes == 0 || stored.load(as: UInt32.self) == word.load(as: UInt32.self)
            }
            return stored.loadUnaligned(as: UInt64.self) == word.loadUnaligned(as: UInt64.self)
                && stored.loadUnaligned(fromByteOffset: bytes &- 8, as: UInt64.self) == word.loadUnaligned(fromByteOffset: bytes &- 8, as: UInt64.self)
        }
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
    /// Every spelling met, by its scalars in `folded.strict`, with its key, UTF-8 and loose
    /// hash, kept from one document to the next by one worker (as ``ComposedWords`` is for the
    /// normaliser); each document's tokens are looked up here.
    ///
    /// A corpus repeats its spellings: each key is made once per worker instead of once per
    /// document. All three are functions of the spelling's strict scalars alone (the loose
    /// fold of a scalar is the plain letter of its strict fold), so what the cache answers
    /// never depends on what it holds or on which documents its worker read before. Each
    /// spelling is marked with the document that last used it and its number there, so a
    /// document numbers its spellings in the cache itself. It starts over before a document
    /// that could take it past ``limit`` scalars, so a corpus of ever-new spellings cannot
    /// grow it without bound: starting over costs nothing per look-up (unlike evicting the
    /// least used entry), and a corpus's own vocabulary stays far below the limit.
    struct Cache: Sendable {
        /// The spellings by ``key(_:_:)`` of their scalars.
        private var known = HashIndex(expected: 1024)
        /// The scalars of every spelling, end to end.
        private var scalars: [Unicode.Scalar] = []
        /// Per spelling: where its scalars start in `scalars` (high 32 bits) and their number.
        private var spans: [UInt64] = []
        /// Per spelling: the ``stamp`` of the last document that used it (high 32 bits) and its
        /// number in that document.
        private var marks: [UInt64] = []
        /// Per spelling: the ``RunTable`` hash of its strict and of its loose scalars.
        private var strictHashes: [UInt64] = []
        private var looseHashes: [UInt64] = []
        /// The UTF-8 of every spelling, end to end, and where each spelling's lies.
        private var bytes: [UInt8] = []
        private var byteRanges: [Range<Int>] = []
        private var keys: [String] = []
        /// The number of the document being read, from 1 (a mark of 0 is no document's).
        private var stamp: UInt32 = 0
        /// Scalars kept before the cache starts over (about 65,000 spellings of four).
        let limit: Int

        init(limit: Int = 1 << 18) {
            self.limit = limit
        }

        /// Number of distinct spellings held.
        var count: Int { keys.count }

        /// Number of scalars held.
        var heldScalars: Int { scalars.count }

        /// Starts a document of `count` scalars: its tokens hold no more scalars than that,
        /// so the cache first starts over if they could take it past ``limit`` (or when the
        /// stamps run out).
        mutating func begin(scalars count: Int) {
            if (scalars.count + count > limit && self.count > 0) || stamp == .max { self = Cache(limit: limit) }
            stamp += 1
        }

        /// The hash the cache finds a spelling by, of the `bytes` bytes (four a scalar) at `run`.
        ///
        /// Every token is looked up by it, and the ``RunTable`` hash (which the phrase matchers
        /// need) is kept with each spelling instead: a run of up to four scalars, nearly every
        /// syllable, is read as two words that overlap (or one scalar) and mixed with no loop,
        /// where the table's hash took a loop and a tail for most tokens. A longer run also
        /// mixes each word before its last two.
        @inline(__always)
        static func key(_ run: UnsafeRawPointer, _ bytes: Int) -> UInt64 {
            var hash = UInt64(truncatingIfNeeded: bytes) &* 0x9E37_79B9_7F4A_7C15
            guard bytes >= 8 else {
                return bytes == 0 ? hash : (hash ^ UInt64(run.load(as: UInt32.self))) &* 0xBF58_476D_1CE4_E5B9
            }
            var offset = 0
            while offset &+ 16 < bytes {
                hash = (hash ^ run.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x94D0_49BB_1331_11EB
                hash ^= hash >> 31
                offset &+= 8
            }
            hash = (hash ^ run.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            return (hash ^ run.loadUnaligned(fromByteOffset: bytes &- 8, as: UInt64.self)) &* 0x94D0_49BB_1331_11EB
        }

        /// Numbers `tokens`, cut to `text`, writing each one's number in the document into
        /// `ids` and each spelling the document has not used before into `firsts`.
        ///
        /// Runs of held spellings are numbered through bare pointers; a spelling not held is
        /// added (a call, which may move the arrays) and its token looked up again.
        fileprivate mutating func number(_ tokens: UnsafeBufferPointer<Token>, in text: Folded, ids: UnsafeMutablePointer<Int32>,
                                         firsts: inout Firsts) {
            var t = 0
            while t < tokens.count {
                let stamp = UInt64(stamp) << 32
                let miss: (key: UInt64, slot: Int)? = scalars.withUnsafeBufferPointer { held in
                    spans.withUnsafeBufferPointer { spans in
                        marks.withUnsafeMutableBufferPointer { marks in
                            // A held spelling of no scalars is compared with none, so any address will do.
                            let base = held.baseAddress ?? text.strict
                            while t < tokens.count {
                                let range = TokenSpellings.clamped(tokens[t].range, text.count)
                                let start = text.strict + range.lowerBound, length = range.count
                                let key = Self.key(UnsafeRawPointer(start), length &* 4)
                                let probe = known.probe(hash: key) { id in
                                    let span = spans[Int(id)]
                                    return Int(truncatingIfNeeded: span & 0xFFFF_FFFF) == length
                                        && TokenSpellings.same(start, length, base + Int(truncatingIfNeeded: span >> 32))
                                }
                                switch probe {
                                case .vacant(let slot):
                                    return (key, slot)
                                case .found(let entry):
                                    let mark = marks[Int(entry)]
                                    if mark & 0xFFFF_FFFF_0000_0000 == stamp {
                                        ids[t] = Int32(truncatingIfNeeded: mark)
                                    } else {
                                        let id = firsts.add(range, strictHashes[Int(entry)], entry: entry)
                                        marks[Int(entry)] = stamp | UInt64(UInt32(bitPattern: id))
                                        ids[t] = id
                                    }
                                }
                                t &+= 1
                            }
                            return nil
                        }
                    }
                }
                guard let miss else { return }
                let range = TokenSpellings.clamped(tokens[t].range, text.count)
                add(UnsafeBufferPointer(start: text.strict + range.lowerBound, count: range.count), key: miss.key,
                    loose: UnsafeBufferPointer(start: text.loose + range.lowerBound, count: range.count), at: miss.slot)
            }
        }

        /// Makes the key, UTF-8 and hashes of a spelling not held and keeps them under its
        /// ``key(_:_:)`` at the `slot` its look-up found vacant.
        @inline(never)
        private mutating func add(_ run: UnsafeBufferPointer<Unicode.Scalar>, key hash: UInt64, loose: UnsafeBufferPointer<Unicode.Scalar>,
                                  at slot: Int) {
            let key = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, 4 * run.count)) { buffer in
                var written = 0
                if let destination = buffer.baseAddress {
                    for scalar in run { written &+= UTF8Scalars.write(scalar.value, to: destination + written) }
                }
                let utf8 = UnsafeBufferPointer(start: buffer.baseAddress, count: written)
                byteRanges.append(bytes.count..<bytes.count + written)
                bytes.append(contentsOf: utf8)
                return String(decoding: utf8, as: UTF8.self)
            }
            known.insert(hash: hash, at: slot)
            spans.append(UInt64(scalars.count) << 32 | UInt64(run.count))
            marks.append(0)
            scalars.append(contentsOf: run)
            strictHashes.append(RunTable<Unicode.Scalar>.hash(of: run))
            looseHashes.append(RunTable<Unicode.Scalar>.hash(of: loose))
            keys.append(key)
        }

        /// The keys, UTF-8 (end to end, and where each key's ends) and loose hashes of the
        /// spellings held as `entries`, gathered in one pass through bare pointers.
        fileprivate func columns(of entries: UnsafeBufferPointer<Int32>) -> (keys: [String], utf8: [UInt8], ends: [Int], loose: [UInt64]) {
            let count = entries.count
            var utf8: [UInt8] = [], ends: [Int] = [], loose: [UInt64] = []
            let keys = [String](unsafeUninitializedCapacity: count) { keys, initialized in
                self.keys.withUnsafeBufferPointer { held in
                    byteRanges.withUnsafeBufferPointer { byteRanges in
                        bytes.withUnsafeBufferPointer { bytes in
                            looseHashes.withUnsafeBufferPointer { looseHashes in
                                let size = entries.reduce(0) { $0 + byteRanges[Int($1)].count }
                                utf8 = [UInt8](unsafeUninitializedCapacity: size) { utf8, written in
                                    ends = [Int](unsafeUninitializedCapacity: count) { ends, endsInitialized in
                                        loose = [UInt64](unsafeUninitializedCapacity: count) { loose, looseInitialized in
                                            written = 0
                                            for k in 0..<count {
                                                let entry = Int(entries[k]), range = byteRanges[entry]
                                                keys.initializeElement(at: k, to: held[entry])
                                                loose.initializeElement(at: k, to: looseHashes[entry])
                                                if let out = utf8.baseAddress, let source = bytes.baseAddress {
                                                    (out + written).initialize(from: source + range.lowerBound, count: range.count)
                                                }
                                                written += range.count
                                                ends.initializeElement(at: k, to: written)
                                            }
                                            looseInitialized = count
                                        }
                                        endsInitialized = count
                                    }
                                }
                            }
                        }
                    }
                }
                initialized = count
            }
            return (keys, utf8, ends, loose)
        }
    }
}
