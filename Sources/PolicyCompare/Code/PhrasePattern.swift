import Foundation

/// One dictionary entry: a phrase of whole syllables, optionally diacritic-insensitive or
/// split into "A ... B" (B within a window of syllables after A).
///
/// Syntax: `tảo hôn`; `~tao hon` (ignore tone and shape marks); `vận động ... ủng hộ`
/// (within 6 syllables); `vận động ...10 ủng hộ` (within 10).
public struct PhrasePattern: Sendable, Hashable {
    public static let defaultWindow = 6
    public static let maxWindow = 50

    /// The pattern as written.
    public var text: String
    /// Folded syllables of the phrase (or of its part A).
    public var syllables: [String]
    /// Folded syllables of part B of a proximity pattern.
    public var near: [String]
    /// Maximum number of syllables between the end of A and the start of B.
    public var window: Int
    /// Match on mark-folded keys ("đ" = "d", no tones or shapes).
    public var loose: Bool

    /// Why a pattern cannot be used.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case empty
        case nothingToMatch(String)
        case badWindow(String)
        case twoProximities(String)
        case missingPart(String)
        case spansSentence(String)
        case abbreviation(String, form: String, expansion: String)
        /// The one-character ellipsis "…" (U+2026), which the text reads as three full stops.
        case ellipsisCharacter(String)
        /// An invisible character that the normaliser drops, between two letters or digits:
        /// the pattern as written, the character, its 1-based position (in characters), the
        /// pattern as read, and as written with a space in the character's place.
        case invisible(String, Unicode.Scalar, position: Int, readAs: String, spaced: String)

        public var description: String {
            switch self {
            case .empty: "the pattern is empty; remove the extra separator or write a phrase"
            case .nothingToMatch(let text): "pattern '\(text)' normalises to nothing (no letters or digits); write the words to match"
            case .badWindow(let text): "pattern '\(text)' has a bad window after '...'; write '...N' with N from 1 to \(PhrasePattern.maxWindow), e.g. 'vận động ...8 ủng hộ'"
            case .twoProximities(let text): "pattern '\(text)' has more than one '...'; a pattern joins at most two phrases"
            case .missingPart(let text): "pattern '\(text)' needs a phrase on both sides of '...'"
            case .spansSentence(let text): "pattern '\(text)' crosses a sentence stop (. ; : ! ?), so it can never match; remove the punctuation or split it into two patterns"
            case .abbreviation(let text, let form, let expansion):
                "pattern '\(text)' contains the abbreviation '\(form)', which is expanded in the text before matching, so it can never match; write '\(Self.spelledOut(text, form, expansion))' instead"
            case .ellipsisCharacter(let text):
                "pattern '\(text)' holds the ellipsis character '…' (U+2026, which Word and phones type for three full stops), which reads as a sentence stop, so it can never match; "
                    + "for a gap, type three full stops: '\(text.replacingOccurrences(of: "…", with: "..."))'"
            case .invisible(let text, let scalar, let position, let readAs, let spaced):
                "pattern '\(Self.visible(text))' holds an invisible \(Self.name(scalar)) at character \(position), which is dropped, so the pattern is read as '\(readAs)'; "
                    + "delete it, or type a space in its place if it parts two words ('\(spaced)')"
            }
        }

        /// "U+200B ZERO WIDTH SPACE"; a control, which has no name, by its code alone.
        static func name(_ scalar: Unicode.Scalar) -> String {
            scalar.properties.name.map { "\(code(scalar)) \($0)" } ?? "\(code(scalar)) (a control character)"
        }

        /// "U+00AD": the scalar's code in four hexadecimal digits or more.
        static func code(_ scalar: Unicode.Scalar) -> String {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }

        /// `text` with each character the normaliser drops shown as `<U+200B>`, so that a
        /// message quoting it shows where it is.
        static func visible(_ text: String) -> String {
            var shown = ""
            for scalar in text.unicodeScalars {
                if VietnameseNormalizer.isDropped(scalar) {
                    shown += "<\(code(scalar))>"
                } else {
                    shown.unicodeScalars.append(scalar)
                }
            }
            return shown
        }

        /// `text` with `form` spelt out as `expansion` ("UBND huyện" -> "Ủy ban nhân dân huyện").
        static func spelledOut(_ text: String, _ form: String, _ expansion: String) -> String {
            guard let range = text.range(of: form, options: [.caseInsensitive, .diacriticInsensitive]) else { return expansion }
            return text.replacingCharacters(in: range, with: expansion)
        }
    }

    public static func parse(_ raw: String) throws(Problem) -> PhrasePattern {
        var words = ComposedWords()
        return try parse(raw, words: &words)
    }

    /// ``parse(_:)`` with the composed words of earlier phrases in `words`, and this one's
    /// added to them: a table of many patterns repeats its words, and composing a word anew
    /// for each phrase was most of the cost of parsing it.
    static func parse(_ raw: String, words: inout ComposedWords) throws(Problem) -> PhrasePattern {
        var text = hasTrimmedEnds(raw) ? raw : raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw .empty }
        let original = text
        var loose = false
        if text.hasPrefix("~") {
            loose = true
            text.removeFirst()
        }
        let parts = hasEllipsis(text) ? text.components(separatedBy: "...") : [text]
        guard parts.count <= 2 else { throw .twoProximities(original) }
        let first = syllables(of: parts[0], loose: loose, words: &words)
        var near: [String] = []
        var window = defaultWindow
        if parts.count == 2 {
            var rest = Substring(parts[1])
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            if !digits.isEmpty {
                guard let n = Int(digits), (1...maxWindow).contains(n) else { throw .badWindow(original) }
                window = n
                rest = rest.dropFirst(digits.count)
            } else if let c = rest.first, !c.isWhitespace {
                throw .badWindow(original)
            }
            near = syllables(of: String(rest), loose: loose, words: &words)
            guard !first.isEmpty, !near.isEmpty else { throw .missingPart(original) }
        }
        guard !first.isEmpty else { throw .nothingToMatch(original) }
        return PhrasePattern(text: original, syllables: first, near: near, window: window, loose: loose)
    }

    /// A problem that makes a parsed pattern unable to match: a sentence stop inside a
    /// phrase, or an abbreviation that the text expands before matching. `words` holds the
    /// composed words of earlier phrases (a codebook's patterns share their words) and takes
    /// this pattern's.
    func unmatchable(abbreviations: Abbreviations, words: inout ComposedWords) -> Problem? {
        let phrase = text.hasPrefix("~") ? String(text.dropFirst()) : text
        for part in Self.hasEllipsis(phrase) ? phrase.components(separatedBy: "...") : [phrase] {
            let normalized = VietnameseNormalizer.normalize(part, words: &words)
            let tokens = Tokenizer().tokenize(normalized.scalars, range: 0..<normalized.scalars.count).tokens
            // The text reads "…" as three full stops, a sentence stop: Word types it for "...".
            if Set(tokens.map(\.sentence)).count > 1 { return text.contains("…") ? .ellipsisCharacter(text) : .spansSentence(text) }
            let folded = FoldedText(normalized.scalars)
            for token in tokens where token.kind == .word {
                let key = NormalizedText.string(folded.loose, token.range)
                if let expansion = abbreviations.expansions[key] {
                    return .abbreviation(text, form: normalized.text(token.range), expansion: expansion)
                }
            }
        }
        return nil
    }

    /// An invisible character that the normaliser drops (a soft hyphen, zero-width space or
    /// joiner, word joiner, BOM or control) between two letters or digits of the pattern:
    /// dropped, it joins them into one word, so "tảo<U+200B>hôn" is read as "tảohôn" and
    /// matches nothing. One beside a space or at an end joins nothing and is let pass, as a
    /// line break at an end of a cell is.
    func invisibleJoin() -> Problem? {
        guard text.unicodeScalars.contains(where: VietnameseNormalizer.isDropped) else { return nil }
        let scalars = Array(text.unicodeScalars)
        func joins(_ scalar: Unicode.Scalar) -> Bool {
            VietnameseNormalizer.isWordScalar(scalar) || ("0"..."9").contains(scalar)
        }
        func string(_ part: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: part)
            return String(view)
        }
        var i = 0
        while i < scalars.count {
            guard VietnameseNormalizer.isDropped(scalars[i]) else {
                i += 1
                continue
            }
            var end = i
            while end < scalars.count && VietnameseNormalizer.isDropped(scalars[end]) { end += 1 }
            if i > 0, end < scalars.count, joins(scalars[i - 1]), joins(scalars[end]) {
                let read = syllables.joined(separator: " ")
                    + (near.isEmpty ? "" : (window == Self.defaultWindow ? " ... " : " ...\(window) ") + near.joined(separator: " "))
                return .invisible(text, scalars[i], position: string(scalars[..<i]).count + 1, readAs: read,
                                  spaced: Problem.visible(string(scalars[..<i]) + " " + string(scalars[end...])))
            }
            i = end
        }
        return nil
    }

    /// Whether `text` holds three full stops in a row. Without them `components(separatedBy: "...")`
    /// returns `[text]` (no other text is canonically equivalent to full stops): most patterns
    /// have none, and Foundation's search cost some 14,000 instructions a pattern.
    static func hasEllipsis(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            run = byte == UInt8(ascii: ".") ? run + 1 : 0
            if run == 3 { return true }
        }
        return false
    }

    /// Whether `text` starts and ends with a scalar that trimming `.whitespaces` keeps (a letter,
    /// or printable ASCII other than the space), so that trimming returns it as it is: most
    /// patterns do, and Foundation's trimming cost some 16,000 instructions a pattern.
    static func hasTrimmedEnds(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        func kept(_ scalar: Unicode.Scalar) -> Bool { (0x21...0x7E).contains(scalar.value) || scalar.properties.isAlphabetic }
        return kept(first) && kept(last)
    }

    /// Normalises and folds a phrase exactly as text is, and splits it into syllable keys.
    static func syllables(of phrase: String, loose: Bool) -> [String] {
        var words = ComposedWords()
        return syllables(of: phrase, loose: loose, words: &words)
    }

    /// ``syllables(of:loose:)`` with the composed words of earlier phrases in `words`, and this
    /// one's added to them.
    static func syllables(of phrase: String, loose: Bool, words: inout ComposedWords) -> [String] {
        let normalized = VietnameseNormalizer.normalize(phrase, words: &words)
        let folded = FoldedText(normalized.scalars)
        let keys = loose ? folded.loose : folded.strict
        return Tokenizer().tokenize(normalized.scalars, range: 0..<normalized.scalars.count).tokens.map {
            NormalizedText.string(keys, $0.range)
        }
    }
}
