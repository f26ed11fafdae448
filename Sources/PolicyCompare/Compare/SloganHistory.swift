/// One slogan (or message) across the corpus: when it first appears and every year it recurs,
/// exactly or nearly.
public struct SloganHistory: Sendable, Hashable {
    /// The wording where it first appears.
    public var text: String
    public var firstYear: Int
    public var years: [Int]
    public var documents: [String]
    /// Every distinct wording grouped under this slogan, in order of appearance.
    public var variants: [String]
    /// True when every occurrence has the same words (ignoring case, tone placement and punctuation).
    public var exact: Bool

    /// Groups slogans whose syllable sets overlap at least `threshold` (Jaccard), in
    /// document order, each joining the first group it is close enough to.
    ///
    /// Groups are only ever appended, so the first group close to a set of syllables never
    /// changes once found: it is looked up once per distinct set, and a corpus where ten
    /// thousand plans repeat the same slogans costs one scan per wording, not per plan. So a
    /// wording's group, and whether it is a variant and an exact one, are settled when it is
    /// first met; a later occurrence only looks its wording up (hashing its set of syllables
    /// and comparing the sets for every occurrence was most of the cost), by its bytes:
    /// hashing a `String` of Vietnamese normalises it first, some 4,000 instructions a
    /// slogan. Wordings are told apart as strings are (canonical equivalence), so bytes not
    /// seen before are looked up as a string once.
    static func track(_ documents: [DocumentAnalysis], threshold: Double) -> [SloganHistory] {
        var groups: [Group] = []
        var groupOfKeys: [Set<String>: Int] = [:]
        // Plans repeat the same wordings: each is split into syllables and grouped once.
        var groupOfText: [String: Int] = [:]
        var groupOfBytes: [ExactText: Int] = [:]
        for document in documents {
            let year = document.metadata.year, id = document.metadata.id
            for slogan in document.slogans {
                let bytes = ExactText(slogan.text)
                if let index = groupOfBytes[bytes] {
                    groups[index].add(year: year, document: id)
                    continue
                }
                if let index = groupOfText[slogan.text] {
                    groupOfBytes[bytes] = index
                    groups[index].add(year: year, document: id)
                    continue
                }
                let words = PhrasePattern.syllables(of: slogan.text, loose: false)
                let keys = Set(words)
                let found = groupOfKeys[keys] ?? groups.firstIndex { jaccard($0.keys, keys) >= threshold }
                guard let index = found else {
                    groupOfKeys[keys] = groups.count
                    groupOfText[slogan.text] = groups.count
                    groupOfBytes[bytes] = groups.count
                    groups.append(Group(keys: keys, words: words, history: SloganHistory(
                        text: slogan.text, firstYear: year, years: [year], documents: [id],
                        variants: [slogan.text], exact: true)))
                    continue
                }
                groupOfKeys[keys] = index
                groupOfText[slogan.text] = index
                groupOfBytes[bytes] = index
                groups[index].add(variant: slogan.text, words: words)
                groups[index].add(year: year, document: id)
            }
        }
        return groups.map(\.history)
    }

    /// A slogan being grouped: the syllables of its first wording and what it has gathered.
    private struct Group {
        var keys: Set<String>
        var words: [String]
        var history: SloganHistory

        /// Records a wording met for the first time, which no group has yet.
        mutating func add(variant text: String, words: [String]) {
            history.variants.append(text)
            if words != self.words { history.exact = false }
        }

        /// Records one more occurrence. Documents come in order, so a document already
        /// recorded is the last one.
        mutating func add(year: Int, document: String) {
            if !history.years.contains(year) { history.years.append(year) }
            if history.documents.last != document { history.documents.append(document) }
        }
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
