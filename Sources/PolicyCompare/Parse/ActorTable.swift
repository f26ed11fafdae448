import Foundation

/// The agencies PolicyCompare recognises, from `Resources/actors.tsv`, compiled for matching,
/// and the words that tell whether a mention is given a task, from `Resources/task-words.tsv`.
struct ActorTable: Sendable {
    struct Entry: Sendable, Hashable {
        var id: String
        var name: String
        var nameEnglish: String
    }

    let entries: [Entry]
    /// Pattern index -> entry index.
    let owner: [Int]
    /// Pattern index -> the commas in its wording ("Các sở, ban, ngành" has two): a mention
    /// may hold no more.
    let commas: [Int]
    let matcher: PhraseMatcher
    let taskWords: TaskRule.Words

    static func bundled(abbreviations: Abbreviations) throws(ResourceError) -> ActorTable {
        var entries: [Entry] = []
        var patterns: [PhrasePattern] = []
        var owner: [Int] = []
        var commas: [Int] = []
        // The variants repeat their words ("ủy ban", "nhân dân"): each is composed once.
        var words = ComposedWords()
        for row in try BundledResource.tsvRows("actors.tsv") where row.count >= 3 {
            let entry = Entry(id: row[0], name: row[1], nameEnglish: row[2])
            let variants = [row[1]] + (row.count > 3 ? row[3].components(separatedBy: ";") : [])
            for variant in variants {
                guard let pattern = try? PhrasePattern.parse(variant, words: &words) else { continue }
                patterns.append(pattern)
                owner.append(entries.count)
                commas.append(variant.count { $0 == "," })
            }
            entries.append(entry)
        }
        return ActorTable(entries: entries, owner: owner, commas: commas, matcher: PhraseMatcher(patterns: patterns, abbreviations: abbreviations),
                          taskWords: try TaskRule.Words.bundled())
    }
}
