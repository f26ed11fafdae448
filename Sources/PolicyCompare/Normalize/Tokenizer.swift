import Foundation

/// Splits normalised text into syllable tokens, sentences, and case- or mark-folded keys.
///
/// Sentence (clause) boundaries are `.` `;` `:` `!` `?` (`.` and `:` only when no letter or
/// digit follows, so "gmail.com" and "10:30" stay inside); commas, quotes, brackets, dashes
/// and slashes between words are skipped, so a phrase can span them. A line end is a space:
/// a segment spans lines only where a sentence was broken across them (a wrapped line that
/// ``SegmentTreeBuilder`` joins), and a phrase may span the break.
public struct Tokenizer: Sendable {
    public struct Output: Sendable, Hashable {
        public let tokens: [Token]
        /// Normalised scalar range of each sentence, indexed by `Token.sentence`.
        public let sentences: [Range<Int>]
        /// Number of `.word` tokens (syllables): the tokeniser counts them as it makes them, and
        /// counting them again in the parser was a pass over every token of every document.
        public let words: Int
        /// Number of those words with a letter that carries a diacritic ("trẻ", "đ", "ư"),
        /// by which a text in another language, or Vietnamese typed without tone marks, shows.
        public let markedWords: Int

        init(tokens: [Token], sentences: [Range<Int>], markedWords: Int) {
            self.init(tokens: tokens, sentences: sentences, words: tokens.count { $0.kind == .word }, markedWords: markedWords)
        }

        fileprivate init(tokens: [Token], sentences: [Range<Int>], words: Int, markedWords: Int) {
            self.tokens = tokens
            self.sentences = sentences
            self.words = words
            self.markedWords = markedWords
        }
    }

    public init() {}

    /// Tokenises `range` of `scalars`.
    public func tokenize(_ scalars: [Unicode.Scalar], range: Range<Int>) -> Output {
        scalars.withUnsafeBufferPointer { tokenize($0, range: range) }
    }

    /// Tokenises `range` of `scalars`, read through a bare pointer: every scalar of every
    /// segment passes here, and an array's bounds check was a fair part of each.
    ///
    /// Each scalar is classified by one look-up in ``classes`` (for the scalars below its
    /// end, which are nearly all of a Vietnamese text): testing letter ranges, digits and then
    /// each stop in turn took about twenty instructions for a space and a dozen for a letter.
    /// All the state lives inside the table's closure, with no nested function: captured by
    /// one, the arrays and positions were boxed, and every segment paid for dynamic
    /// exclusivity checks on them.
    private func tokenize(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, range: Range<Int>) -> Output {
        Self.classes.withUnsafeBufferPointer { classes in
            // Past the table, the letters with tone marks (U+1E00...U+1EFF) are tested first.
            @inline(__always) func classOf(_ s: Unicode.Scalar) -> UInt8 {
                if s.value < classes.count { return classes[Int(s.value)] }
                if s.value &- 0x1E00 < 0x100 || s.value &- 0x300 < 0x70 { return Self.letter | Self.marked }
                return VietnameseNormalizer.isWordScalar(s) ? Self.letter : 0
            }
            var tokens: [Token] = []
            var sentences: [Range<Int>] = []
            var sentenceStart = -1
            var sentenceEnd = -1
            var words = 0
            var markedWords = 0
            var i = max(0, range.lowerBound)
            let end = min(range.upperBound, scalars.count)
            // About one token per five scalars in Vietnamese prose, and a sentence per few dozen:
            // room up front for more than that instead of growing the arrays. With room for a
            // quarter of the scalars, short segments of numbers and short words ("1. Các") still
            // grew their tokens, and sentences, with no room, grew twice a segment: growing was
            // about a sixth of tokenising.
            tokens.reserveCapacity(max(0, end - i) / 3 + 1)
            sentences.reserveCapacity(max(0, end - i) / 32 + 1)
            while i < end {
                let c = classOf(scalars[i])
                if c & Self.wordOrDigit != 0 {
                    let start = i
                    let startsWithDigit = c & Self.letter == 0
                    var hasLetter = !startsWithDigit
                    var hasSeparator = false
                    i += 1
                    if !startsWithDigit {
                        // A word takes letters and digits, and nothing else.
                        var classes = c
                        while i < end {
                            let k = classOf(scalars[i])
                            guard k & Self.wordOrDigit != 0 else { break }
                            classes |= k
                            i += 1
                        }
                        markedWords &+= classes & Self.marked != 0 ? 1 : 0
                    } else {
                        while i < end {
                            let k = classOf(scalars[i])
                            if k & Self.letter != 0 {
                                hasLetter = true
                                i += 1
                            } else if k & Self.digit != 0 {
                                i += 1
                            } else if k & Self.separator != 0, i + 1 < end, classOf(scalars[i + 1]) & Self.wordOrDigit != 0 {
                                hasSeparator = true
                                i += 1
                            } else {
                                break
                            }
                        }
                    }
                    if sentenceStart < 0 { sentenceStart = start }
                    sentenceEnd = i
                    let kind: Token.Kind = !startsWithDigit ? .word : (hasLetter || hasSeparator ? .code : .number)
                    words &+= startsWithDigit ? 0 : 1
                    tokens.append(Token(range: start..<i, sentence: sentences.count, kind: kind))
                    continue
                }
                // "gmail.com", "10:30": a soft stop followed by a letter or digit is not a boundary.
                if c & Self.stop != 0,
                   c & Self.softStop == 0 || i + 1 >= end || classOf(scalars[i + 1]) & Self.wordOrDigit == 0,
                   sentenceStart >= 0 {
                    // "phẫu thuật,...", "?!": a run of stops ends the sentence together, so
                    // that its quote keeps the whole run, not "phẫu thuật,.".
                    while i + 1 < end, classOf(scalars[i + 1]) & Self.stop != 0 { i += 1 }
                    sentenceEnd = i + 1
                    sentences.append(sentenceStart..<sentenceEnd)
                    sentenceStart = -1
                }
                i += 1
            }
            if sentenceStart >= 0 { sentences.append(sentenceStart..<sentenceEnd) }
            return Output(tokens: tokens, sentences: sentences, words: words, markedWords: markedWords)
        }
    }

    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// Bits of a scalar's class in ``classes``.
    private static let letter: UInt8 = 1, digit: UInt8 = 2, wordOrDigit: UInt8 = 3
    /// Ends a sentence: `.` `;` `:` `!` `?`; a soft stop (`.` `:`) only when no letter or
    /// digit follows.
    private static let stop: UInt8 = 4, softStop: UInt8 = 8
    /// Joins the parts of a document code that starts with a digit: `/` `-` `.` `&`.
    private static let separator: UInt8 = 16
    /// A letter with a diacritic: Latin-1 and Latin Extended letters but a few without one
    /// ("ß", "æ", "ı"...), Latin Extended Additional (U+1E00...U+1EFF) and combining marks.
    private static let marked: UInt8 = 32

    /// The class of every scalar below U+0250 (ASCII, Latin-1 and Latin Extended-A and -B,
    /// where every Vietnamese letter but those of U+1E00...U+1EFF lies); a scalar past the
    /// table is a letter when ``VietnameseNormalizer/isWordScalar(_:)`` says so, and nothing else.
    static let classes: [UInt8] = (0..<0x250 as Range<UInt32>).map { value in
        guard let s = Unicode.Scalar(value) else { return 0 }
        var c: UInt8 = 0
        if VietnameseNormalizer.isWordScalar(s) { c |= letter }
        if isDigit(s) { c |= digit }
        if ".;:!?".unicodeScalars.contains(s) { c |= stop }
        if s == "." || s == ":" { c |= softStop }
        if "/-.&".unicodeScalars.contains(s) { c |= separator }
        if value >= 0xC0, c & letter != 0, s == "đ" || s == "Đ" || String(s).decomposedStringWithCanonicalMapping.unicodeScalars.count > 1 {
            c |= marked
        }
        return c
    }
}
