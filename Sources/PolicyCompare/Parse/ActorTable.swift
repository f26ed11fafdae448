import Foundation

/// The agencies PolicyCompare recognises, from `Resources/actors.tsv`, compiled for matching.
struct ActorTable: Sendable {
    struct Entry: Sendable, Hashable {
        var id: String
        var name: String
        var nameEnglish: String
    }

    let entries: [Entry]
    /// Pattern index -> entry index.
    let owner: [Int]
    let matcher: PhraseMatcher

    static func bundled(abbreviations: Abbreviations) throws(ResourceError) -> ActorTable {
        var entries: [Entry] = []
        var patterns: [PhrasePattern] = []
        var owner: [Int] = []
        // The variants repeat their words ("ủy ban", "nhân dân"): each is composed once.
        var words = ComposedWords()
        for row in try BundledResource.tsvRows("actors.tsv") where row.count >= 3 {
            let entry = Entry(id: row[0], name: row[1], nameEnglish: row[2])
            let variants = [row[1]] + (row.count > 3 ? row[3].components(separatedBy: ";") : [])
            for variant in variants {
                guard let pattern = try? PhrasePattern.parse(variant, words: &words) else { continue }
                patterns.append(pattern)
                owner.append(entries.count)
            }
            entries.append(entry)
        }
        return ActorTable(entries: entries, owner: owner, matcher: PhraseMatcher(patterns: patterns, abbreviations: abbreviations))
    }
}
