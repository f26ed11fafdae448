/// Patterns of a codebook that load and can match but are most likely mistakes: a phrase of
/// several syllables typed without tone marks, and the same phrase twice in one cell.
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
        for cell in cells {
            let owner = cell.owner == "*" ? "the '*' row" : "'\(cell.owner)'"
            var first: [Key: (number: Int, text: String)] = [:]
            for (number, pattern, scope) in cell.entries {
                func warn(_ message: String) {
                    warnings.append(CodebookProblem(file: file, line: cell.line, column: cell.column, message: "\(cell.noun) \(number) '\(pattern.text)' of \(owner) \(message)"))
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
            }
        }
        return warnings
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
