/// The composed form (NFC, tone mark in the classic place) of every non-ASCII word the
/// normaliser has met, kept from one document to the next.
///
/// Composing depends on nothing but the word, and a corpus repeats its words: 10,000 plans
/// use a few thousand distinct ones, each composed once per worker instead of once per
/// document. Word `k` is `spellings[spellingEnds[k - 1]..<spellingEnds[k]]`, composed
/// `composed[composedEnds[k - 1]..<composedEnds[k]]`, all in flat arrays. The cache starts
/// over once it holds ``limit`` scalars, so a corpus of ever-new words cannot grow it
/// without bound; what it answers never depends on what it holds.
public struct ComposedWords: Sendable {
    private var known = HashIndex(expected: 512)
    private var spellings: [Unicode.Scalar] = []
    private var spellingEnds: [Int] = []
    private(set) var composed: [Unicode.Scalar] = []
    private var composedEnds: [Int] = []
    /// Scalars kept (spellings and composed forms) before the cache starts over.
    let limit: Int

    public init(limit: Int = 1 << 20) {
        self.limit = limit
    }

    /// Number of distinct words held.
    var count: Int { spellingEnds.count }

    /// Where `word`'s composed form lies in ``composed``, composing it with `compose` the
    /// first time.
    mutating func range(of word: UnsafeBufferPointer<Unicode.Scalar>, compose: (UnsafeBufferPointer<Unicode.Scalar>) -> [Unicode.Scalar]) -> Range<Int> {
        let hash = HashIndex.hash(word, 0..<word.count)
        let probe = spellings.withUnsafeBufferPointer { spellings in
            spellingEnds.withUnsafeBufferPointer { ends in
                known.probe(hash: hash) { id in
                    HashIndex.equal(spellings, Self.range(of: Int(id), ends: ends), word, 0..<word.count)
                }
            }
        }
        let id: Int32
        switch probe {
        case .found(let found):
            id = found
        case .vacant(let slot):
            let form = compose(word)
            if spellings.count + composed.count + word.count + form.count > limit, count > 0 {
                self = ComposedWords(limit: limit)  // empty now, so the word goes in whatever its size
                return range(of: word) { _ in form }
            }
            id = known.insert(hash: hash, at: slot)
            spellings.append(contentsOf: word)
            spellingEnds.append(spellings.count)
            composed.append(contentsOf: form)
            composedEnds.append(composed.count)
        }
        return composedEnds.withUnsafeBufferPointer { Self.range(of: Int(id), ends: $0) }
    }

    private static func range(of id: Int, ends: UnsafeBufferPointer<Int>) -> Range<Int> {
        (id > 0 ? ends[id - 1] : 0)..<ends[id]
    }
}
