import Foundation

/// Normalises decoded Vietnamese text for matching while remembering where every piece came from.
///
/// One pass over the scalars: line ends to LF; tabs, no-break and other wide spaces to one
/// space (runs collapsed, lines trimmed); invisible characters and controls dropped; dashes
/// and quotes unified; "Ð" (eth) read as "Đ"; each word composed (NFC) with its tone mark
/// in the classic place. Word-processor field codes ("PAGE  1", "NUMPAGES", "MERGEFORMAT")
/// are removed first. Case is kept: matching folds case later, parsing needs it.
public enum VietnameseNormalizer {
    public static func normalize(_ text: String) -> NormalizedText {
        var words = ComposedWords()
        return normalize(text, words: &words)
    }

    /// ``normalize(_:)`` with the composed words of earlier texts in `words`, and this
    /// text's added to them.
    public static func normalize(_ text: String, words: inout ComposedWords) -> NormalizedText {
        normalize(scalars: NormalizedText.scalars(of: text), words: &words)
    }

    public static func normalize(scalars original: [Unicode.Scalar]) -> NormalizedText {
        var words = ComposedWords()
        return normalize(scalars: original, words: &words)
    }

    public static func normalize(scalars original: [Unicode.Scalar], words: inout ComposedWords) -> NormalizedText {
        let (out, starts, ends) = original.withUnsafeBufferPointer { normalize($0, words: &words) }
        return NormalizedText(original: original, scalars: out, starts: starts, ends: ends)
    }

    /// The normalised scalars of `original`, without its field-code lines, and where each
    /// came from. The builder reads the source through one buffer for the whole text:
    /// reading each word from an array it held retained and released the array per word,
    /// 1.5% of a 10,000-plan run's time.
    private static func normalize(_ original: UnsafeBufferPointer<Unicode.Scalar>, words: inout ComposedWords)
        -> (scalars: [Unicode.Scalar], starts: [Int32], ends: [Int32]) {
        var builder = Builder(original: original)
        swap(&builder.words, &words)
        defer { swap(&builder.words, &words) }
        var fieldCodes = FieldCodeLines()
        var i = 0
        let n = original.count
        // At each line's start (here, and after each line end below), a field-code line is
        // skipped to its end: its line end is kept.
        if let end = fieldCodes.fieldCodeEnd(lineStart: 0, in: original) { i = end }
        while i < n {
            let s = original[i]
            let v = s.value
            // An ASCII letter (most scalars) is a word scalar and never dropped: one test.
            if (v | 0x20) >= 0x61, (v | 0x20) <= 0x7A {
                builder.wordScalar(s, at: i)
                i += 1
                continue
            }
            if v < 0x80 {
                // Any other ASCII scalar (a digit, space or punctuation, a fifth of a plan's
                // scalars) ends a word, unless it is a control other than tab and the line
                // ends, which is dropped: ``isDropped(_:)`` and ``isWordScalar(_:)`` need not
                // test it against their non-ASCII ranges.
                if v < 0x20 ? (v < 0x09 || v > 0x0D) : v == 0x7F {
                    i += 1
                    continue
                }
            } else {
                // Invisible characters inside a word (soft hyphen, zero-width space and joiners,
                // word joiner, BOM) are dropped without ending the word, so "ho\u{AD}à" is "hòa".
                if isDropped(s) {
                    i += 1
                    continue
                }
                if isWordScalar(s) {
                    builder.wordScalar(s, at: i)
                    i += 1
                    continue
                }
            }
            builder.flushWord()
            switch v {
            case 0x0D:
                let end = (i + 1 < n && original[i + 1] == "\n") ? i + 2 : i + 1
                builder.newline(i..<end)
                // The empty line between CR and LF is no field code and changes nothing.
                i = fieldCodes.fieldCodeEnd(lineStart: end, in: original) ?? end
                continue
            case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                builder.newline(i..<i + 1)
                i = fieldCodes.fieldCodeEnd(lineStart: i + 1, in: original) ?? i + 1
                continue
            case 0x09, 0x20, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                builder.space(at: i)
            case 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF, 0x00...0x1F, 0x7F...0x9F:
                break
            case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
                builder.emit("-", i..<i + 1)
            case 0x201C...0x201F, 0xAB, 0xBB, 0x2033, 0xFF02:
                builder.emit("\"", i..<i + 1)
            case 0x2018...0x201B, 0x2032, 0xFF07:
                builder.emit("'", i..<i + 1)
            case 0x2026:
                for _ in 0..<3 { builder.emit(".", i..<i + 1) }
            default:
                builder.emit(s, i..<i + 1)
            }
            i += 1
        }
        builder.flushWord()
        builder.trimTrailingSpace()
        return (builder.out.array(), builder.starts.array(), builder.ends.array())
    }

    /// Letters and combining marks form words; everything else separates them.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        // Latin letters and combining diacritics, all of Vietnamese, without a property
        // lookup (VietnameseNormalizerTests checks these ranges against the properties).
        if v >= 0xC0 && v <= 0x24F { return v != 0xD7 && v != 0xF7 }
        if (v >= 0x300 && v <= 0x36F) || (v >= 0x1E00 && v <= 0x1EFF) { return true }
        if v == 0xAD { return false }
        let properties = s.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
    }

    /// Line ends the normaliser turns into LF: U+000A...U+000D, U+0085, U+2028 and U+2029
    /// (two comparisons for an ASCII scalar).
    @inline(__always)
    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v &- 0x0A <= 3 || (v >= 0x85 && (v == 0x85 || v &- 0x2028 <= 1))
    }

    /// Invisible characters and controls the normaliser drops without ending a word.
    static func isDropped(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0xAD || (0x200B...0x200D).contains(v) || v == 0x2060 || v == 0xFEFF
            || (v < 0x20 && !(0x09...0x0D).contains(v)) || ((0x7F...0x9F).contains(v) && v != 0x85)
    }

    /// Accumulates the normalised scalars and their origins.
    private struct Builder: ~Copyable {
        /// The text being normalised, valid while the builder is.
        let original: UnsafeBufferPointer<Unicode.Scalar>
        let table = VietnameseLetters.shared
        /// The normalised scalars, and the original range of each (appended three values a
        /// scalar: growable buffers, not arrays, whose appends cost several times as much).
        var out: GrowableBuffer<Unicode.Scalar>
        var starts: GrowableBuffer<Int32>
        var ends: GrowableBuffer<Int32>
        var pendingSpace: Int? = nil
        var wordStart = -1
        var wordEnd = -1
        /// The word's scalars when an invisible character was dropped inside it; a word
        /// without one is `original[wordStart..<wordEnd]`, read in place.
        var gappedWord: [Unicode.Scalar] = []
        /// Composed form of every non-ASCII word met so far, by this text and the ones before.
        var words = ComposedWords(limit: 0)

        init(original: UnsafeBufferPointer<Unicode.Scalar>) {
            self.original = original
            out = GrowableBuffer(capacity: original.count)
            starts = GrowableBuffer(capacity: original.count)
            ends = GrowableBuffer(capacity: original.count)
        }

        mutating func emit(_ s: Unicode.Scalar, _ origin: Range<Int>) {
            emitPendingSpace()
            append(s, origin)
        }

        /// The space that a run of spaces became, before what follows it on the line.
        private mutating func emitPendingSpace() {
            if let space = pendingSpace {
                pendingSpace = nil
                if let last = out.last, last != "\n" {
                    append(" ", space..<space + 1)
                }
            }
        }

        @inline(__always)
        private mutating func append(_ s: Unicode.Scalar, _ origin: Range<Int>) {
            out.append(s)
            starts.append(Int32(truncatingIfNeeded: origin.lowerBound))
            ends.append(Int32(truncatingIfNeeded: origin.upperBound))
        }

        mutating func space(at i: Int) {
            if pendingSpace == nil { pendingSpace = i }
        }

        mutating func newline(_ origin: Range<Int>) {
            pendingSpace = nil
            trimTrailingSpace()
            append("\n", origin)
        }

        mutating func trimTrailingSpace() {
            while out.last == " " {
                out.removeLast()
                starts.removeLast()
                ends.removeLast()
            }
        }

        mutating func wordScalar(_ s: Unicode.Scalar, at i: Int) {
            if wordStart < 0 {
                wordStart = i
            } else if i != wordEnd || !gappedWord.isEmpty {
                // After a dropped character the word's scalars are no longer a run of the original.
                if gappedWord.isEmpty { gappedWord.append(contentsOf: UnsafeBufferPointer(rebasing: original[wordStart..<wordEnd])) }
                gappedWord.append(s)
            }
            wordEnd = i + 1
        }

        /// Composes the buffered word, places its tone, and emits it mapped to the word's range.
        mutating func flushWord() {
            guard wordStart >= 0 else { return }
            emitPendingSpace()
            if gappedWord.isEmpty {
                flush(UnsafeBufferPointer(rebasing: original[wordStart..<wordEnd]), inPlace: true)
            } else {
                let word = gappedWord
                word.withUnsafeBufferPointer { flush($0, inPlace: false) }
                gappedWord.removeAll(keepingCapacity: true)
            }
            wordStart = -1
        }

        /// Emits `word` (the buffered word's scalars) whole: one pass per array, not through
        /// ``emit(_:_:)`` scalar by scalar. A word read `inPlace` is `original[wordStart..<wordEnd]`.
        private mutating func flush(_ word: UnsafeBufferPointer<Unicode.Scalar>, inPlace: Bool) {
            if inPlace, word.allSatisfy({ $0.value < 0x80 }) {
                // ASCII in place: as it is, letter k from place wordStart + k. (With a dropped
                // character inside, letters no longer sit at wordStart + k: such a word comes
                // from its whole range, as a composed word does.)
                out.append(contentsOf: word)
                var place = Int32(truncatingIfNeeded: wordStart)
                for _ in word.indices {
                    starts.append(place)
                    place &+= 1
                    ends.append(place)
                }
                return
            }
            let composed = words.range(of: word) { Self.compose(Array($0), table: table) }
            words.composed.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[composed])) }
            starts.append(Int32(truncatingIfNeeded: wordStart), times: composed.count)
            ends.append(Int32(truncatingIfNeeded: wordEnd), times: composed.count)
        }

        private static func compose(_ word: [Unicode.Scalar], table: VietnameseLetters) -> [Unicode.Scalar] {
            var letters: [ToneMarks.Letter] = []
            letters.reserveCapacity(word.count)
            for raw in word {
                let s: Unicode.Scalar = switch raw.value {
                case 0xD0, 0x189: "\u{110}"
                case 0xF0: "\u{111}"
                default: raw
                }
                if let parts = table.parts(s) {
                    letters.append(ToneMarks.Letter(base: parts.base, tone: parts.tone))
                } else if s.value < 0x80 {
                    letters.append(ToneMarks.Letter(base: s, tone: 0))  // an ASCII consonant
                } else if let tone = VietnameseLetters.toneMark(s.value) {
                    guard let last = letters.last, last.tone == 0, table.isVowel(last.base) else { return fallback(word) }
                    letters[letters.count - 1].tone = tone
                } else if VietnameseLetters.isShapeMark(s.value) {
                    guard let last = letters.last, let shaped = table.shape(last.base, with: s) else { return fallback(word) }
                    letters[letters.count - 1].base = shaped
                } else if s.properties.generalCategory == .nonspacingMark {
                    return fallback(word)
                } else if s.value >= 0x80, s.value != 0x110, s.value != 0x111,
                          s.properties.canonicalCombiningClass == .notReordered,
                          String(s).decomposedStringWithCanonicalMapping.unicodeScalars.count > 1 {
                    // A precomposed letter Vietnamese does not use ("ǵ"): treat the word as
                    // foreign, exactly as its decomposed spelling is treated.
                    return fallback(word)
                } else {
                    letters.append(ToneMarks.Letter(base: s, tone: 0))
                }
            }
            ToneMarks.place(&letters, table: table)
            return letters.map { letter in
                letter.tone == 0 ? letter.base : (table.compose(letter.base, tone: letter.tone) ?? letter.base)
            }
        }

        /// Words with marks Vietnamese does not use: plain NFC, no tone placement.
        private static func fallback(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
            Array(NormalizedText.string(word, 0..<word.count).precomposedStringWithCanonicalMapping.unicodeScalars)
        }
    }
}
