/// A document's official theme and how its wording differs from the previous stated theme.
public struct ThemeChange: Sendable, Hashable {
    public var documentID: String
    public var year: Int
    /// The theme as written; nil when the document states none.
    public var theme: String?
    /// The closest earlier compared year that states a theme, and that theme.
    public var previousYear: Int?
    public var previousTheme: String?
    /// Words (lower case) of this theme found in the previous one, new in this one, and dropped from it.
    public var kept: [String]
    public var added: [String]
    public var removed: [String]
    /// True when the wording is the same as the previous theme's (ignoring case and punctuation).
    public var unchanged: Bool { previousTheme != nil && added.isEmpty && removed.isEmpty }

    /// One row per document, in comparison order.
    static func track(_ documents: [DocumentAnalysis], years: [Int]) -> [ThemeChange] {
        var themeOfYear: [Int: String] = [:]
        for document in documents {
            if let theme = document.theme?.text, themeOfYear[document.metadata.year] == nil {
                themeOfYear[document.metadata.year] = theme
            }
        }
        // Plans repeat the same themes: each wording is split into syllables once.
        var wordsOfText: [String: [String]] = [:]
        func cachedWords(_ text: String) -> [String] {
            if let known = wordsOfText[text] { return known }
            let split = words(text)
            wordsOfText[text] = split
            return split
        }
        return documents.map { document in
            let year = document.metadata.year
            let position = years.firstIndex(of: year) ?? 0
            let previousYear = years.prefix(position).last { themeOfYear[$0] != nil }
            let previous = previousYear.flatMap { themeOfYear[$0] }
            var change = ThemeChange(documentID: document.metadata.id, year: year, theme: document.theme?.text,
                                     previousYear: previousYear, previousTheme: previous, kept: [], added: [], removed: [])
            if let theme = document.theme?.text, let previous {
                (change.kept, change.added, change.removed) = diff(cachedWords(previous), cachedWords(theme))
            }
            return change
        }
    }

    static func words(_ text: String) -> [String] {
        PhrasePattern.syllables(of: text, loose: false)
    }

    /// Words of `new` also in `old` (in `new`'s order), words only in `new`, words only in `old`,
    /// counted as multisets so a repeated word is matched once per occurrence.
    static func diff(_ old: [String], _ new: [String]) -> ([String], [String], [String]) {
        var remaining: [String: Int] = [:]
        for word in old { remaining[word, default: 0] += 1 }
        var kept: [String] = [], added: [String] = []
        for word in new {
            if let n = remaining[word], n > 0 {
                kept.append(word)
                remaining[word] = n - 1
            } else {
                added.append(word)
            }
        }
        var removed: [String] = []
        for word in old where (remaining[word] ?? 0) > 0 {
            removed.append(word)
            remaining[word, default: 0] -= 1
        }
        return (kept, added, removed)
    }
}
