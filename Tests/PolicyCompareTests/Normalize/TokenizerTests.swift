import Foundation
import Testing
@testable import PolicyCompare

@Suite struct TokenizerTests {
    func tokens(_ text: String) -> (words: [String], sentences: [Int], kinds: [Token.Kind]) {
        let n = VietnameseNormalizer.normalize(text)
        let out = Tokenizer().tokenize(n.scalars, range: 0..<n.scalars.count)
        return (out.tokens.map { n.text($0.range) }, out.tokens.map(\.sentence), out.tokens.map(\.kind))
    }

    @Test func syllablesAndSentences() {
        let t = tokens("Trẻ em nghèo, trẻ em dân tộc; Hãy gọi 111. Xong")
        #expect(t.words == ["Trẻ", "em", "nghèo", "trẻ", "em", "dân", "tộc", "Hãy", "gọi", "111", "Xong"])
        #expect(t.sentences == [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2])
    }

    @Test("counts its word tokens as it makes them, not its numbers or codes; a segment's count is its own")
    func wordCount() {
        let n = VietnameseNormalizer.normalize("Số 20-CT/TW ngày 12 tháng 5, trẻ em 2019; UBND x2")
        let out = Tokenizer().tokenize(n.scalars, range: 0..<n.scalars.count)
        #expect(out.words == 7 && out.words == out.tokens.count { $0.kind == .word })
        #expect(Tokenizer().tokenize(n.scalars, range: 0..<2).words == 1 && Tokenizer().tokenize(n.scalars, range: 3..<11).words == 0)
        #expect(Tokenizer.Output(tokens: out.tokens, sentences: out.sentences, markedWords: out.markedWords) == out)
    }

    @Test("counts the words with a letter that carries a diacritic: tone marks, â ă ê ô ơ ư and đ; not numbers or codes")
    func markedWordCount() {
        func counts(_ text: String) -> (words: Int, marked: Int) {
            let n = VietnameseNormalizer.normalize(text)
            let out = Tokenizer().tokenize(n.scalars, range: 0..<n.scalars.count)
            return (out.words, out.markedWords)
        }
        #expect(counts("Trẻ em nghèo, trẻ em dân tộc; Hãy gọi 111. Xong") == (10, 7))
        #expect(counts("đi ĐẾN ơn ư â ê Ô ă") == (8, 8))
        #expect(counts("Children of the world, June 2019: 1555/QĐ-TTg") == (5, 0))
        #expect(counts("Chu de cua Thang hanh dong vi tre em") == (9, 0))
        // Decomposed marks count too, should a text keep them.
        #expect(counts("tre\u{309} em") == (2, 1))
    }

    @Test func documentCodesAreOneToken() {
        let t = tokens("Chỉ thị 20-CT/TW ngày 05/11/2012 và Quyết định 1555/QĐ-TTg")
        #expect(t.words.contains("20-CT/TW"))
        #expect(t.words.contains("05/11/2012"))
        #expect(t.words.contains("1555/QĐ-TTg"))
        #expect(t.kinds[t.words.firstIndex(of: "20-CT/TW") ?? 0] == .code)
    }

    @Test("a line end inside a range is a space: a sentence wrapped across lines stays one")
    func lineEndsDoNotSplitSentences() {
        let t = tokens("tăng cường lãnh đạo,\n\nchỉ đạo, kiểm tra.\nXong")
        #expect(t.sentences == [0, 0, 0, 0, 0, 0, 0, 0, 1])
    }

    @Test("a run of stops (\"...\", \"?!\") ends one sentence, which keeps the whole run")
    func stopRunsEndOneSentence() {
        let text = "Khám bệnh, trao quà, phẫu thuật,...\nPhối hợp?! Xong"
        let n = VietnameseNormalizer.normalize(text)
        let out = Tokenizer().tokenize(n.scalars, range: 0..<n.scalars.count)
        #expect(out.sentences.map { n.text($0) } == ["Khám bệnh, trao quà, phẫu thuật,...", "Phối hợp?!", "Xong"])
    }

    @Test func emailAndTimeDotsDoNotSplitSentences() {
        let t = tokens("gửi ptelangson@gmail.com trước ngày 05")
        #expect(Set(t.sentences) == [0])
    }

    @Test("a range reaching outside the text is cut to it; a range inside tokenises only its own scalars")
    func rangesAreClampedToTheText() {
        let n = VietnameseNormalizer.normalize("Trẻ em nghèo, trẻ em dân tộc; Hãy gọi 111. Xong")
        let whole = Tokenizer().tokenize(n.scalars, range: 0..<n.scalars.count)
        #expect(Tokenizer().tokenize(n.scalars, range: -5..<(n.scalars.count + 9)) == whole)
        #expect(Tokenizer().tokenize(n.scalars, range: n.scalars.count..<(n.scalars.count + 3)).tokens.isEmpty)
        let part = Tokenizer().tokenize(n.scalars, range: 4..<12)
        #expect(part.tokens.map { n.text($0.range) } == ["em", "nghèo"])
        #expect(part.tokens.allSatisfy { $0.range.lowerBound >= 4 && $0.range.upperBound <= 12 })
    }

    /// The tokeniser as it was written before it read scalars through its class table: each
    /// scalar tested against the letter ranges, the digits and each stop in turn.
    private func reference(_ scalars: [Unicode.Scalar], range: Range<Int>) -> Tokenizer.Output {
        func isWordOrDigit(_ s: Unicode.Scalar) -> Bool { VietnameseNormalizer.isWordScalar(s) || Tokenizer.isDigit(s) }
        var tokens: [Token] = [], sentences: [Range<Int>] = []
        var sentenceStart = -1, sentenceEnd = -1
        var markedWords = 0
        var i = max(0, range.lowerBound)
        let end = min(range.upperBound, scalars.count)
        func closeSentence() {
            if sentenceStart >= 0 {
                sentences.append(sentenceStart..<sentenceEnd)
                sentenceStart = -1
            }
        }
        while i < end {
            let s = scalars[i]
            if isWordOrDigit(s) {
                let start = i
                let startsWithDigit = Tokenizer.isDigit(s)
                var hasLetter = !startsWithDigit, hasSeparator = false
                i += 1
                while i < end {
                    let c = scalars[i]
                    if VietnameseNormalizer.isWordScalar(c) {
                        hasLetter = true
                        i += 1
                    } else if Tokenizer.isDigit(c) {
                        i += 1
                    } else if startsWithDigit, "/-.&".unicodeScalars.contains(c), i + 1 < end, isWordOrDigit(scalars[i + 1]) {
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
                if kind == .word, scalars[start..<i].contains(where: isMarked) { markedWords += 1 }
                continue
            }
            if ".;:!?".unicodeScalars.contains(s),
               !((s == "." || s == ":") && i + 1 < end && isWordOrDigit(scalars[i + 1])) {
                if sentenceStart >= 0 {
                    while i + 1 < end, ".;:!?".unicodeScalars.contains(scalars[i + 1]) { i += 1 }
                    sentenceEnd = i + 1
                }
                closeSentence()
            }
            i += 1
        }
        closeSentence()
        return Tokenizer.Output(tokens: tokens, sentences: sentences, markedWords: markedWords)
    }

    /// A letter with a diacritic: one that decomposes, "đ", a combining mark, or any of Latin
    /// Extended Additional.
    func isMarked(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if (0x1E00...0x1EFF).contains(v) || (0x300..<0x370).contains(v) { return true }
        return v >= 0xC0 && v < 0x250 && VietnameseNormalizer.isWordScalar(s)
            && (s == "đ" || s == "Đ" || String(s).decomposedStringWithCanonicalMapping.unicodeScalars.count > 1)
    }

    @Test("on the real directives, every segment tokenises as the scalar-by-scalar tests do")
    func realDirectivesMatchTheReference() throws {
        for id in Fixtures.ids {
            let directive = try Fixtures.directive(id)
            let scalars = directive.text.scalars
            #expect(!directive.segments.isEmpty, "\(id)")
            for segment in directive.segments {
                let range = segment.normalizedRange
                #expect(Tokenizer().tokenize(scalars, range: range) == reference(scalars, range: range), "\(id) \(range)")
            }
            let whole = 0..<scalars.count
            #expect(Tokenizer().tokenize(scalars, range: whole) == reference(scalars, range: whole), "\(id)")
        }
    }

    @Test("every scalar up to U+2FFF and some beyond is classified as the scalar tests classify it, alone, in words and in codes")
    func everyScalarMatchesTheReference() {
        let values = Array(0..<0x3000 as Range<UInt32>) + [0xAC00, 0xFEFF, 0xFF21, 0x1_0400, 0x1_D400, 0x10_FFFD]
        for value in values {
            guard let s = Unicode.Scalar(value) else { continue }
            // Alone, after a letter, after a digit, between digits (a code's separator), before
            // a letter and a digit (a soft stop), and at the end of the range.
            let texts: [[Unicode.Scalar]] = [[s], ["a", s, "b"], ["1", s, "2"], ["1", s, "x", " ", s, "9", ".", s], [s, s, "\n", s]]
            for scalars in texts {
                #expect(Tokenizer().tokenize(scalars, range: 0..<scalars.count) == reference(scalars, range: 0..<scalars.count),
                        "U+\(String(value, radix: 16, uppercase: true))")
            }
        }
        #expect(Tokenizer.classes.count == 0x250)
    }

    @Test("stops, separators and codes at the edges of a range")
    func edgesMatchTheReference() {
        let texts = ["20-CT/TW.", "1.", "a.b", "10:30", "x:", "1/", "1/-2", "05/7/2019 và 1555/QĐ-TTg; xong!", "?!.;:\n\n",
                     "Điều 1.Trẻ em", "ǅǆ ɐɑ ΩΣ Жж 漢字 ٣ ꙮ", "H\u{300}oa", "1&2 A&B 3&", "\u{1E00}\u{1EFF}\u{1F00}"]
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            for lower in 0...scalars.count {
                for upper in lower...scalars.count {
                    #expect(Tokenizer().tokenize(scalars, range: lower..<upper) == reference(scalars, range: lower..<upper), "\(text) \(lower)..<\(upper)")
                }
            }
        }
    }
}
