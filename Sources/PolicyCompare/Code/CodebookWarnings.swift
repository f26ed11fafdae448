/// Patterns of a codebook that load but are most likely mistakes: glob or regular-expression
/// syntax (`tảo*`, `(tảo|hôn)`), read as plain words; a phrase of several syllables typed
/// without tone marks; the same phrase twice in one cell; a pattern of function words only
/// (`và`), which matches nearly everywhere; and a pattern that can never count, since an
/// exclusion in its scope (its category's own, or a `*` row one) drops every match of it.
///
/// Whether a phrase without marks is a mistake, the codebook itself says. Vietnamese writes
/// some words without marks ("thanh tra", "lang thang", "trung thu", "vinh danh"), and its
/// marked phrases (patterns, exclusions and Vietnamese labels that carry a mark) show which: a
/// phrase they hold with marks ("tảo hôn" for "tao hon") was typed without them, and one with a
/// syllable they write bare ("tra" in "kiểm tra") was not, unless they hold it with marks. With
/// no such evidence either way, a phrase whose every word reads as a Vietnamese syllable is
/// taken as typed without marks; English or other words ("hiv", "game online") and numbers
/// ("1800 1567") are not. (A syllable the codebook writes only with marks, "dành" and "đánh"
/// but never "danh", proves nothing: "vinh danh" is right.)
enum CodebookWarnings {
    /// The patterns or exclusions of one row.
    struct Cell {
        /// The category id, or "*" for the global exclusions.
        var owner: String
        /// "pattern" or "exclusion", as the loader's messages number them.
        var noun: String
        var line: Int
        var column: Int
        /// Each phrase with the number of its `;` entry, and its `@id` scope (global row only).
        var entries: [(number: Int, pattern: PhrasePattern, scope: [String])]
    }

    /// The warnings for `cells`, in cell and entry order. `labels` are the rows' Vietnamese
    /// labels, read as the codebook's writing as its patterns are.
    static func find(_ cells: [Cell], labels: [String], file: String, words: inout ComposedWords) -> [CodebookProblem] {
        var built: Spellings?  // built at the first unmarked pattern: most codebooks have few
        var warnings: [CodebookProblem] = []
        let exclusions = Exclusions(cells)
        for cell in cells {
            let owner = cell.owner == "*" ? "the '*' row" : "'\(cell.owner)'"
            var first: [Key: (number: Int, text: String)] = [:]
            for (number, pattern, scope) in cell.entries {
                func warn(_ message: String) {
                    warnings.append(CodebookProblem(file: file, line: cell.line, column: cell.column, message: "\(cell.noun) \(number) '\(pattern.text)' of \(owner) \(message)"))
                }
                if let syntax = syntax(in: pattern.text) {
                    let read = pattern.syllables.joined(separator: " ")
                        + (pattern.near.isEmpty ? "" : " ... " + pattern.near.joined(separator: " "))
                    warn("holds \(syntax.characters), \(syntax.kind), but patterns are whole syllables, not globs or regular expressions: "
                         + "it is read as the plain words '\(read)'; list each phrase to match, separated by ';' (tảo hôn ; kết hôn sớm), "
                         + "and write '...N' for a gap of up to N syllables (tảo ...3 hôn)")
                }
                if isUnmarked(pattern) {
                    let spellings = built ?? Spellings(cells, labels: labels, words: &words)
                    built = spellings
                    let marked = spellings.markedForm(of: pattern)
                    if marked != nil || spellings.unattested(pattern) {
                        warn("carries no diacritic, so it matches only text typed without tone marks"
                             + (marked.map { ", not '\($0)'; write '\($0)'" } ?? ", unless Vietnamese writes these words without marks; write it with its tone marks")
                             + ", or '~\(pattern.text)' to match it with or without marks")
                    }
                }
                let key = Key(pattern: pattern, scope: scope)
                if let earlier = first[key] {
                    warn("repeats \(cell.noun) \(earlier.number) '\(earlier.text)' (the same once case, spaces and tone placement are set aside); remove one")
                } else {
                    first[key] = (number, pattern.text)
                }
                guard cell.noun == "pattern" else { continue }
                if let stops = stopList, isFunctionWords(pattern, stops) {
                    warn("holds only function words (those of Resources/stopwords.txt), which stand in nearly every sentence, so it would code nearly every document; "
                         + "write a phrase that names the topic, or remove it")
                }
                if let (exclusion, line) = exclusions.dropping(pattern, of: cell.owner, words: &words) {
                    warn("can never count: "
                         + (exclusion.owner == "*"
                            ? "the '*' row's exclusion \(exclusion.number) '\(exclusion.pattern.text)' (line \(line)) drops every match of it; remove the pattern, or "
                                + (exclusion.scope.isEmpty ? "limit the exclusion to other categories with '@id'" : "take '@\(cell.owner)' out of the exclusion's scope")
                            : "its exclusion \(exclusion.number) '\(exclusion.pattern.text)' drops every match of it; remove one of them, "
                                + "or write the exclusion as the longer phrase in which the pattern should not count"))
                }
            }
        }
        return warnings
    }

    /// The glob or regular-expression characters in a pattern as written, named, and what
    /// they are: `*` and `?` are wildcards of globs (quanteda's default syntax), the others
    /// regular expressions'. Nil when it holds none. None of them is a letter, so the pattern
    /// reads without them (`tảo*` as `tảo`, `(tảo|hôn)` as `tảo hôn`).
    static func syntax(in text: String) -> (characters: String, kind: String)? {
        // All ASCII, so read as bytes, and told by a switch: a codebook's every pattern is read
        // at every run of compare, and testing each byte against two lists of them was a tenth
        // of the loader's time.
        var found: [UInt8] = []
        var onlyGlobs = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "*"), UInt8(ascii: "?"): break
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                 UInt8(ascii: "|"), UInt8(ascii: "+"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "$"):
                onlyGlobs = false
            default: continue
            }
            if !found.contains(byte) { found.append(byte) }
        }
        guard !found.isEmpty else { return nil }
        let quoted = found.map { "'\(Character(Unicode.Scalar($0)))'" }
        let characters = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " and " + quoted[quoted.count - 1]
        let kind = onlyGlobs
            ? (found.count == 1 ? "a glob wildcard" : "glob wildcards") + " (quanteda's default pattern syntax)"
            : "regular-expression syntax"
        return (characters, kind)
    }

    /// The bundled stop list (``DocumentAnalysis/bundledStopList()``) as strict and loose keys.
    private static let stopList: (strict: Set<String>, loose: Set<String>)? = {
        guard let words = try? DocumentAnalysis.bundledStopList() else { return nil }
        var composed = ComposedWords()
        var strict: Set<String> = [], loose: Set<String> = []
        for word in words {
            strict.formUnion(PhrasePattern.syllables(of: word, loose: false, words: &composed))
            loose.formUnion(PhrasePattern.syllables(of: word, loose: true, words: &composed))
        }
        return (strict, loose)
    }()

    /// Whether every syllable of `pattern` (both parts of a proximity pattern) is a function word.
    private static func isFunctionWords(_ pattern: PhrasePattern, _ stops: (strict: Set<String>, loose: Set<String>)) -> Bool {
        let keys = pattern.loose ? stops.loose : stops.strict
        return (pattern.syllables + pattern.near).allSatisfy(keys.contains)
    }

    /// The exclusions of a codebook by the category they apply to, to find a pattern that
    /// one of them drops every match of.
    private struct Exclusions {
        typealias Entry = (owner: String, number: Int, pattern: PhrasePattern, scope: [String])
        /// Each category's own exclusions (from its first row, as the loader keeps).
        var own: [String: [Entry]] = [:]
        /// The `*` rows' exclusions, each with its line.
        var global: [(entry: Entry, line: Int)] = []
        /// The indices in `global` of the exclusions of each first part: only these can cover
        /// a pattern of that first part (or, for a `~` exclusion, of that part without marks).
        /// Testing each of the shipped codebook's patterns against each of its exclusions
        /// took longer than the rest of the warnings.
        var byFirstPart: [[String]: [Int]] = [:]
        /// Whether a `*` row holds a `~` exclusion, which the mark-folded form of a marked
        /// pattern is looked up for.
        var hasLoose = false

        init(_ cells: [Cell]) {
            for cell in cells where cell.noun == "exclusion" {
                let entries = cell.entries.map { (owner: cell.owner, number: $0.number, pattern: $0.pattern, scope: $0.scope) }
                if cell.owner == "*" {
                    for entry in entries {
                        byFirstPart[entry.pattern.syllables, default: []].append(global.count)
                        hasLoose = hasLoose || entry.pattern.loose
                        global.append((entry, cell.line))
                    }
                } else if own[cell.owner] == nil {
                    own[cell.owner] = entries
                }
            }
        }

        /// The first exclusion that drops every match of `pattern` of category `owner`, with
        /// its line: its own first, then the `*` rows' that apply to it.
        func dropping(_ pattern: PhrasePattern, of owner: String, words: inout ComposedWords) -> (Entry, Int)? {
            var folded: [String]?  // the pattern's syllables without marks, made when a ~ exclusion needs them
            for exclusion in own[owner] ?? [] where Self.covers(exclusion.pattern, pattern, folded: &folded, words: &words) {
                return (exclusion, 0)
            }
            var candidates = byFirstPart[pattern.syllables] ?? []
            if hasLoose && !pattern.loose {
                let plain = folded ?? PhrasePattern.syllables(of: pattern.syllables.joined(separator: " "), loose: true, words: &words)
                folded = plain
                if plain != pattern.syllables { candidates = (candidates + (byFirstPart[plain] ?? [])).sorted() }
            }
            for index in candidates {
                let (exclusion, line) = global[index]
                if (exclusion.scope.isEmpty || exclusion.scope.contains(owner)) && Self.covers(exclusion.pattern, pattern, folded: &folded, words: &words) {
                    return (exclusion, line)
                }
            }
            return nil
        }

        /// Whether `exclusion` matches wherever `pattern` does, over at least the same
        /// syllables, so that it drops every match of it (a match is dropped when an exclusion
        /// covers all its syllables): the same phrase; a `~` one that is the pattern without
        /// marks; or a proximity pattern of the same parts and a window as wide or wider (it
        /// finds the same nearest second part). A longer exclusion (`tảo hôn giả`) drops only
        /// some matches, and a shorter one (`em` for `trẻ em`) covers none.
        static func covers(_ exclusion: PhrasePattern, _ pattern: PhrasePattern, folded: inout [String]?, words: inout ComposedWords) -> Bool {
            guard exclusion.near.isEmpty == pattern.near.isEmpty, exclusion.syllables.count == pattern.syllables.count else { return false }
            if !exclusion.near.isEmpty {
                return exclusion.loose == pattern.loose && exclusion.syllables == pattern.syllables
                    && exclusion.near == pattern.near && exclusion.window >= pattern.window
            }
            if exclusion.loose == pattern.loose { return exclusion.syllables == pattern.syllables }
            guard exclusion.loose else { return false }
            let plain = folded ?? PhrasePattern.syllables(of: pattern.syllables.joined(separator: " "), loose: true, words: &words)
            folded = plain
            return exclusion.syllables == plain
        }
    }

    /// A phrase as the matcher sees it: equal keys match the same text.
    private struct Key: Hashable {
        var syllables: [String]
        var near: [String]
        var window: Int
        var loose: Bool
        var scope: [String]

        init(pattern: PhrasePattern, scope: [String]) {
            syllables = pattern.syllables
            near = pattern.near
            window = pattern.near.isEmpty ? 0 : pattern.window
            loose = pattern.loose
            self.scope = scope
        }
    }

    /// Whether `pattern` is one that marks would matter to: not `~`, two or more syllables
    /// that hold a letter, and none of its syllables with a diacritic.
    private static func isUnmarked(_ pattern: PhrasePattern) -> Bool {
        guard !pattern.loose else { return false }
        let syllables = pattern.syllables + pattern.near
        return syllables.allSatisfy(isBare) && syllables.count { $0.unicodeScalars.contains { $0.properties.isAlphabetic } } >= 2
    }

    /// Whether a strict syllable key carries no mark. Keys are lower case and NFC, so a tone
    /// or shape mark, or "đ", makes a scalar beyond ASCII; a foreign letter (é) counts as marked.
    private static func isBare(_ syllable: String) -> Bool {
        syllable.utf8.allSatisfy { $0 < 0x80 }
    }

    /// How the codebook writes its syllables where it writes marks.
    private struct Spellings {
        /// Syllables written without a mark inside a phrase that carries one.
        var bare: Set<String> = []
        /// The phrases that carry a mark, as strict keys, to find a phrase's marked form in.
        var phrases: [[String]] = []
        /// Each of `phrases` with its marks taken off ("đ" as "d"), folded once: comparing every
        /// run of every phrase letter by letter with each unmarked pattern was most of the
        /// check, which `compare` and `code` make at every run.
        var plain: [[String]] = []

        init(_ cells: [Cell], labels: [String], words: inout ComposedWords) {
            var texts: [[String]] = []
            for label in labels {
                let normalized = VietnameseNormalizer.normalize(label, words: &words)
                let folded = FoldedText(normalized.scalars)
                texts.append(Tokenizer().tokenize(normalized.scalars, range: 0..<normalized.scalars.count).tokens
                    .filter { $0.kind == .word }.map { NormalizedText.string(folded.strict, $0.range) })
            }
            for cell in cells {
                for entry in cell.entries where !entry.pattern.loose {
                    texts.append(entry.pattern.syllables)
                    if !entry.pattern.near.isEmpty { texts.append(entry.pattern.near) }
                }
            }
            let letters = VietnameseLetters.shared
            for text in texts where !text.allSatisfy(CodebookWarnings.isBare) {
                phrases.append(text)
                plain.append(text.map { syllable in
                    guard !CodebookWarnings.isBare(syllable) else { return syllable }
                    // As UTF-8 bytes: appending scalars to a string cost thousands of instructions each.
                    var bytes: [UInt8] = []
                    bytes.reserveCapacity(syllable.utf8.count)
                    for scalar in syllable.unicodeScalars {
                        UTF8.encode(letters.plainLetter(scalar)) { bytes.append($0) }
                    }
                    return String(decoding: bytes, as: UTF8.self)
                })
                bare.formUnion(text.filter(CodebookWarnings.isBare))
            }
        }

        /// Whether an unmarked `pattern` holds no syllable the codebook writes bare, and each of
        /// its words reads as a Vietnamese syllable: nothing shows it written so on purpose.
        func unattested(_ pattern: PhrasePattern) -> Bool {
            let syllables = pattern.syllables + pattern.near
            return !syllables.contains(where: bare.contains)
                && syllables.allSatisfy { !$0.unicodeScalars.contains { $0.properties.isAlphabetic } || SyllableShape.shared?.reads($0) ?? true }
        }

        /// `pattern` as the codebook's marked phrases write it, when they hold each of its parts.
        func markedForm(of pattern: PhrasePattern) -> String? {
            guard let first = find(pattern.syllables) else { return nil }
            guard !pattern.near.isEmpty else { return first }
            guard let near = find(pattern.near) else { return nil }
            return first + (pattern.window == PhrasePattern.defaultWindow ? " ... " : " ...\(pattern.window) ") + near
        }

        /// The first run of a marked phrase that carries a mark and whose mark-folded syllables
        /// are `syllables`.
        private func find(_ syllables: [String]) -> String? {
            for (phrase, folded) in zip(phrases, plain) where phrase.count >= syllables.count {
                for start in 0...(phrase.count - syllables.count) where folded[start..<(start + syllables.count)].elementsEqual(syllables) {
                    let run = phrase[start..<(start + syllables.count)]
                    if !run.allSatisfy(CodebookWarnings.isBare) { return run.joined(separator: " ") }
                }
            }
            return nil
        }
    }
}
