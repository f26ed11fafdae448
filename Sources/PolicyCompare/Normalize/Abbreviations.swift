/// Known abbreviations, expanded to their syllables before matching ("HĐVTE" -> "hành động vì trẻ em").
///
/// The table is data (`Resources/abbreviations.tsv`); forms are compared mark-folded, so
/// "HĐVTE" and "HDVTE" are one entry.
public struct Abbreviations: Sendable, Hashable {
    /// Mark-folded lower-case form -> expansion as written in the table.
    public let expansions: [String: String]

    public init(expansions: [String: String]) {
        self.expansions = expansions
    }

    /// The table shipped with the library.
    public static func bundled() throws(ResourceError) -> Abbreviations {
        var expansions: [String: String] = [:]
        for row in try BundledResource.tsvRows("abbreviations.tsv") where row.count >= 2 {
            let key = PhrasePattern.syllables(of: row[0], loose: true).joined()
            expansions[key] = row[1]
        }
        return Abbreviations(expansions: expansions)
    }
}
