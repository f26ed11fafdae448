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
}
