/// How the matcher reads a document's words: known abbreviations, expanded to their syllables
/// before matching ("HĐVTE" -> "hành động vì trẻ em"), and bound words, two-syllable words
/// inside which no phrase starts ("cơ sở y tế" holds no "Sở Y tế").
///
/// The tables are data (`Resources/abbreviations.tsv`, `Resources/bound-words.tsv`); forms
/// are compared mark-folded, so "HĐVTE" and "HDVTE" are one entry.
public struct Abbreviations: Sendable, Hashable {
    /// Mark-folded lower-case form -> expansion as written in the table.
    public let expansions: [String: String]
    /// Words of two syllables ("cơ sở") at whose second syllable no phrase starts when the
    /// first stands right before it.
    public let boundWords: [String]

    public init(expansions: [String: String], boundWords: [String] = []) {
        self.expansions = expansions
        self.boundWords = boundWords
    }

    /// The table shipped with the library.
    public static func bundled() throws(ResourceError) -> Abbreviations {
        var expansions: [String: String] = [:]
        for row in try BundledResource.tsvRows("abbreviations.tsv") where row.count >= 2 {
            let key = PhrasePattern.syllables(of: row[0], loose: true).joined()
            expansions[key] = row[1]
        }
        let bound = try BundledResource.tsvRows("bound-words.tsv").compactMap(\.first)
        return Abbreviations(expansions: expansions, boundWords: bound)
    }
}
