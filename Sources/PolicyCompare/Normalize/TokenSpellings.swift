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
    public init(_ outputs: [Tokenizer.Output], folded: FoldedText) {
        var index = HashIndex(expected: outputs.reduce(0) { $0 + $1.tokens.count } / 4)
        var ranges: [Range<Int>] = []
        var strictHashes: [UInt64] = []
        ids = folded.strict.withUnsafeBufferPointer { scalars in
            outputs.map { output in
                output.tokens.map { token in
                    let lower = max(0, min(token.range.lowerBound, scalars.count))
                    let upper = max(lower, min(token.range.upperBound, scalars.count))
                    let (id, inserted) = index.id(hash: HashIndex.hash(scalars, lower..<upper)) { id in
                        HashIndex.equal(scalars, ranges[Int(id)], scalars, lower..<upper)
                    }
                    if inserted {
                        ranges.append(lower..<upper)
                        strictHashes.append(RunTable<Unicode.Scalar>.hash(of: UnsafeBufferPointer(rebasing: scalars[lower..<upper])))
                    }
                    return id
                }
            }
        }
        self.ranges = ranges
        self.strictHashes = strictHashes
        self.index = index
        // The loose text has the strict one's length, so a spelling's range holds in both.
        looseHashes = folded.loose.withUnsafeBufferPointer { scalars in
            ranges.map { range in
                range.upperBound <= scalars.count ? RunTable<Unicode.Scalar>.hash(of: UnsafeBufferPointer(rebasing: scalars[range])) : 0
            }
        }
        keys = ranges.map { NormalizedText.string(folded.strict, $0) }
    }

    /// The spelling whose key is `key` (its scalars, compared one for one), where `folded` is
    /// the text the spellings were found in; nil when no token spells it.
    func spelling(of key: String, in folded: FoldedText) -> Int32? {
        let word = Array(key.unicodeScalars)
        return word.withUnsafeBufferPointer { word in
            folded.strict.withUnsafeBufferPointer { text in
                index.find(hash: HashIndex.hash(word, 0..<word.count)) { id in
                    HashIndex.equal(text, ranges[Int(id)], word, 0..<word.count)
                }
            }
        }
    }
}
