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

    @Test func documentCodesAreOneToken() {
        let t = tokens("Chỉ thị 20-CT/TW ngày 05/11/2012 và Quyết định 1555/QĐ-TTg")
        #expect(t.words.contains("20-CT/TW"))
        #expect(t.words.contains("05/11/2012"))
        #expect(t.words.contains("1555/QĐ-TTg"))
        #expect(t.kinds[t.words.firstIndex(of: "20-CT/TW") ?? 0] == .code)
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
}
