/// Splits normalised text into syllable tokens, sentences, and case- or mark-folded keys.
///
/// Sentence (clause) boundaries are `.` `;` `:` `!` `?` and line ends (`.` and `:` only
/// when no letter or digit follows, so "gmail.com" and "10:30" stay inside); commas, quotes,
/// brackets, dashes and slashes between words are skipped, so a phrase can span them.
public struct Tokenizer: Sendable {
    public struct Output: Sendable, Hashable {
        public var tokens: [Token]
        /// Normalised scalar range of each sentence, indexed by `Token.sentence`.
        public var sentences: [Range<Int>]
    }

    public init() {}

    /// Tokenises `range` of `scalars`.
    public func tokenize(_ scalars: [Unicode.Scalar], range: Range<Int>) -> Output {
        scalars.withUnsafeBufferPointer { tokenize($0, range: range) }
    }

    /// Tokenises `range` of `scalars`, read through a bare pointer: every scalar of every
    /// segment passes here, and an array's bounds check was a fair part of each.
    private func tokenize(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, range: Range<Int>) -> Output {
        var tokens: [Token] = []
        var sentences: [Range<Int>] = []
        var sentenceStart = -1
        var sentenceEnd = -1
        var i = max(0, range.lowerBound)
        let end = min(range.upperBound, scalars.count)
        // About one token per five scalars in Vietnamese prose: room up front instead of
        // growing the array several times per segment.
        tokens.reserveCapacity(max(0, end - i) / 4)
        func closeSentence() {
            if sentenceStart >= 0 {
                sentences.append(sentenceStart..<sentenceEnd)
                sentenceStart = -1
            }
        }
        while i < end {
            let s = scalars[i]
            if VietnameseNormalizer.isWordScalar(s) || Self.isDigit(s) {
                let start = i
                let startsWithDigit = Self.isDigit(s)
                var hasLetter = !startsWithDigit
                var hasSeparator = false
                i += 1
                while i < end {
                    let c = scalars[i]
                    if VietnameseNormalizer.isWordScalar(c) {
                        hasLetter = true
                        i += 1
                    } else if Self.isDigit(c) {
                        i += 1
                    } else if startsWithDigit, (c == "/" || c == "-" || c == "." || c == "&"), i + 1 < end,
                              VietnameseNormalizer.isWordScalar(scalars[i + 1]) || Self.isDigit(scalars[i + 1]) {
                        hasSeparator = true
                        i += 1
                    } else {
                        break
                    }
                }
                if sentenceStart < 0 { sentenceStart = start }
                sentenceEnd = i
                let kind: Token.Kind = !startsWithDigit ? .word : (hasLetter || hasSeparator ? .code : .number)
                tokens.append(Token(range: start..<i, sentence: sentences.count, kind: kind))
                continue
            }
            switch s {
            case ".", ";", ":", "!", "?", "\n":
                // "gmail.com", "10:30": a stop followed by a letter or digit is not a boundary.
                if s == "." || s == ":", i + 1 < end, VietnameseNormalizer.isWordScalar(scalars[i + 1]) || Self.isDigit(scalars[i + 1]) {
                    break
                }
                if sentenceStart >= 0 { sentenceEnd = s == "\n" ? sentenceEnd : i + 1 }
                closeSentence()
            default:
                break
            }
            i += 1
        }
        closeSentence()
        return Output(tokens: tokens, sentences: sentences)
    }

    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
}
