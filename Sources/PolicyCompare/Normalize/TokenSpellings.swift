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
    ///
    /// Each token is hashed once, with the ``RunTable`` hash that the phrase matchers need
    /// anyway, so a new spelling's strict hash is the one it was found by (hashing every token
    /// for the index and every spelling again for the matchers cost about a fifth of this
    /// work); a spelling's loose hash is taken when it is first seen, in the same pass.
    public init(_ outputs: [Tokenizer.Output], folded: FoldedText) {
        var index = HashIndex(expected: outputs.reduce(0) { $0 + $1.tokens.count } / 4)
        var ranges: [Range<Int>] = []
        var strictHashes: [UInt64] = []
        var looseHashes: [UInt64] = []
        ids = folded.strict.withUnsafeBufferPointer { scalars in
            folded.loose.withUnsafeBufferPointer { loose in
                outputs.map { output in
                    output.tokens.withUnsafeBufferPointer { tokens in
                        [Int32](unsafeUninitializedCapacity: tokens.count) { ids, count in
                            for (t, token) in tokens.enumerated() {
                                let lower = max(0, min(token.range.lowerBound, scalars.count))
                                let upper = max(lower, min(token.range.upperBound, scalars.count))
                                let run = UnsafeBufferPointer(rebasing: scalars[lower..<upper])
                                let hash = RunTable<Unicode.Scalar>.hash(of: run)
                                let probe = ranges.withUnsafeBufferPointer { ranges in
                                    index.probe(hash: hash) { id in Self.same(scalars, ranges[Int(id)], run) }
                                }
                                switch probe {
                                case .found(let id):
                                    ids.initializeElement(at: t, to: id)
                                case .vacant(let slot):
                                    ids.initializeElement(at: t, to: index.insert(hash: hash, at: slot))
                                    ranges.append(lower..<upper)
                                    strictHashes.append(hash)
                                    // The loose text has the strict one's length, so the range holds in both.
                                    looseHashes.append(upper <= loose.count ? RunTable<Unicode.Scalar>.hash(of: UnsafeBufferPointer(rebasing: loose[lower..<upper])) : 0)
                                }
                            }
                            count = tokens.count
                        }
                    }
                }
            }
        }
        self.ranges = ranges
        self.strictHashes = strictHashes
        self.looseHashes = looseHashes
        self.index = index
        keys = ranges.map { NormalizedText.string(folded.strict, $0) }
    }

    /// Whether `text[range]` holds the scalars of `run`, compared one for one through bare
    /// pointers (a spelling is a few scalars; a call to `memcmp` would cost more than it).
    @inline(__always)
    private static func same(_ text: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, _ run: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard range.count == run.count, range.upperBound <= text.count else { return false }
        guard let textBase = text.baseAddress, let runBase = run.baseAddress else { return true }
        let stored = textBase + range.lowerBound
        var i = 0
        while i < run.count {
            if stored[i] != runBase[i] { return false }
            i &+= 1
        }
        return true
    }

    /// The spelling whose key is `key` (its scalars, compared one for one), where `folded` is
    /// the text the spellings were found in; nil when no token spells it.
    func spelling(of key: String, in folded: FoldedText) -> Int32? {
        let word = NormalizedText.scalars(of: key)
        return word.withUnsafeBufferPointer { word in
            folded.strict.withUnsafeBufferPointer { text in
                index.find(hash: RunTable<Unicode.Scalar>.hash(of: word)) { id in
                    Self.same(text, ranges[Int(id)], word)
                }
            }
        }
    }
}
