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
    /// thousand plans repeat the same slogans costs one scan per wording, not per plan.
    static func track(_ documents: [DocumentAnalysis], threshold: Double) -> [SloganHistory] {
        var groups: [Group] = []
        var groupOfKeys: [Set<String>: Int] = [:]
        // Plans repeat the same wordings: each is split into syllables once.
        var syllablesOfText: [String: (words: [String], keys: Set<String>)] = [:]
        for document in documents {
            for slogan in document.slogans {
                let words: [String], keys: Set<String>
                if let known = syllablesOfText[slogan.text] {
                    (words, keys) = known
                } else {
                    words = PhrasePattern.syllables(of: slogan.text, loose: false)
                    keys = Set(words)
                    syllablesOfText[slogan.text] = (words, keys)
                }
                let year = document.metadata.year
                let found = groupOfKeys[keys] ?? groups.firstIndex { jaccard($0.keys, keys) >= threshold }
                guard let index = found else {
                    groupOfKeys[keys] = groups.count
                    groups.append(Group(keys: keys, words: words, history: SloganHistory(
                        text: slogan.text, firstYear: year, years: [year], documents: [document.metadata.id],
                        variants: [slogan.text], exact: true), variants: [slogan.text]))
                    continue
                }
                groupOfKeys[keys] = index
                groups[index].add(slogan.text, words: words, year: year, document: document.metadata.id)
            }
        }
        return groups.map(\.history)
    }

    /// A slogan being grouped: the syllables of its first wording and what it has gathered.
    private struct Group {
        var keys: Set<String>
        var words: [String]
        var history: SloganHistory
        var variants: Set<String>

        /// Records one more occurrence. Documents come in order, so a document already
        /// recorded is the last one.
        mutating func add(_ text: String, words: [String], year: Int, document: String) {
            if !history.years.contains(year) { history.years.append(year) }
            if history.documents.last != document { history.documents.append(document) }
            if variants.insert(text).inserted { history.variants.append(text) }
            if words != self.words { history.exact = false }
        }
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
