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
    static func track(_ documents: [DocumentAnalysis], threshold: Double) -> [SloganHistory] {
        var groups: [(keys: Set<String>, words: [String], history: SloganHistory)] = []
        for document in documents {
            for slogan in document.slogans {
                let words = PhrasePattern.syllables(of: slogan.text, loose: false)
                let keys = Set(words)
                let year = document.metadata.year
                if let index = groups.firstIndex(where: { jaccard($0.keys, keys) >= threshold }) {
                    var history = groups[index].history
                    if !history.years.contains(year) { history.years.append(year) }
                    if !history.documents.contains(document.metadata.id) { history.documents.append(document.metadata.id) }
                    if !history.variants.contains(slogan.text) { history.variants.append(slogan.text) }
                    if words != groups[index].words { history.exact = false }
                    groups[index].history = history
                } else {
                    groups.append((keys, words, SloganHistory(text: slogan.text, firstYear: year, years: [year],
                                                              documents: [document.metadata.id], variants: [slogan.text], exact: true)))
                }
            }
        }
        return groups.map(\.history)
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
