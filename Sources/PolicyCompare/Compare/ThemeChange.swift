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
    /// The same words as the stretches they form in their theme (``runs(in:against:shared:)``):
    /// kept and added in this theme, removed in the previous one ("tạo cơ hội phát triển bình
    /// đẳng cho", "và"), for the report to quote apart.
    public var keptRuns: [String] = []
    public var addedRuns: [String] = []
    public var removedRuns: [String] = []
    /// True when the wording is the same as the previous theme's (ignoring case and punctuation).
    public var unchanged: Bool { previousTheme != nil && added.isEmpty && removed.isEmpty }

    /// One row per document, in comparison order.
    ///
    /// Plans repeat the same themes: each wording is split into syllables once, and the words
    /// kept, added and removed are worked out once for each pair of a previous theme and a
    /// theme (once per document, hashing every word of both, they were most of the cost).
    static func track(_ documents: [DocumentAnalysis], years: [Int]) -> [ThemeChange] {
        var themeOfYear: [Int: String] = [:]
        for document in documents {
            if let theme = document.theme?.text, themeOfYear[document.metadata.year] == nil {
                themeOfYear[document.metadata.year] = theme
            }
        }
        // Each year's previous theme, found once per year, not per document.
        var previousOfYear: [Int: (year: Int, theme: String)] = [:]
        var latest: (year: Int, theme: String)?
        var seen = Set<Int>()
        for year in years {
            // A year listed twice takes the years before its first place.
            if seen.insert(year).inserted, let latest { previousOfYear[year] = latest }
            if let theme = themeOfYear[year] { latest = (year, theme) }
        }
        var diffs: [Pair: Wording] = [:]
        return documents.map { document in
            let year = document.metadata.year
            let previous = previousOfYear[year]
            let theme = document.theme?.text
            var change = ThemeChange(documentID: document.metadata.id, year: year, theme: theme,
                                     previousYear: previous?.year, previousTheme: previous?.theme, kept: [], added: [], removed: [])
            if let theme, let previous {
                let pair = Pair(previous: previous.theme, theme: theme)
                let wording = diffs[pair] ?? Wording(previous: words(previous.theme), theme: words(theme))
                diffs[pair] = wording
                (change.kept, change.added, change.removed) = (wording.kept, wording.added, wording.removed)
                (change.keptRuns, change.addedRuns, change.removedRuns) = (wording.keptRuns, wording.addedRuns, wording.removedRuns)
            }
            return change
        }
    }

    /// A previous theme and a theme, whose words' difference is worked out once.
    private struct Pair: Hashable {
        var previous: String
        var theme: String
    }

    /// The difference of a pair's words, as words and as stretches.
    private struct Wording {
        var kept: [String], added: [String], removed: [String]
        var keptRuns: [String], addedRuns: [String], removedRuns: [String]

        init(previous: [String], theme: [String]) {
            (kept, added, removed) = ThemeChange.diff(previous, theme)
            keptRuns = ThemeChange.runs(in: theme, against: previous, shared: true)
            addedRuns = ThemeChange.runs(in: theme, against: previous, shared: false)
            removedRuns = ThemeChange.runs(in: previous, against: theme, shared: false)
        }
    }

    /// The stretches of the words `text` that the words `other` share (`shared`) or lack, in
    /// `text`'s order, each word matched once per occurrence, the first ones first, as ``diff(_:_:)``
    /// matches them: the words it keeps and adds are `runs(in: theme, against: previous,
    /// shared: true or false)`, those it removes `runs(in: previous, against: theme, shared:
    /// false)`. Against 2013's theme, 2019's removed words are "tạo cơ hội phát triển bình đẳng
    /// cho" and "và", not the one phrase "tạo cơ hội phát triển bình đẳng cho và" no theme says.
    static func runs(in text: [String], against other: [String], shared: Bool) -> [String] {
        var remaining: [String: Int] = [:]
        for word in other { remaining[word, default: 0] += 1 }
        var runs: [String] = []
        var current: [String] = []
        for word in text {
            let found = (remaining[word] ?? 0) > 0
            if found { remaining[word, default: 0] -= 1 }
            if found == shared {
                current.append(word)
            } else if !current.isEmpty {
                runs.append(current.joined(separator: " "))
                current = []
            }
        }
        if !current.isEmpty { runs.append(current.joined(separator: " ")) }
        return runs
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
