import Testing
@testable import PolicyCompare

@Suite("FoldedText")
struct FoldedTextTests {
    @Test("each folded scalar is the letter table's lower case and plain letter of the text's, on the real directives")
    func foldsScalarForScalar() throws {
        let corpus = try #require(Fixtures.corpus)
        let letters = VietnameseLetters.shared
        for document in corpus.documents {
            let decoded = try TextDecoder.decode(try corpus.bytes(of: document), source: document.file)
            let scalars = VietnameseNormalizer.normalize(decoded.text).scalars + ["Đ", "Ấ", "\u{300}", "😀", "Z"]
            let folded = FoldedText(scalars)
            #expect(folded.strict == scalars.map(letters.lowercase), "\(document.id)")
            #expect(folded.loose == scalars.map { letters.plainLetter(letters.lowercase($0)) }, "\(document.id)")
        }
        let empty = FoldedText([])
        #expect(empty.strict.isEmpty && empty.loose.isEmpty)
        #expect(FoldedText(["Đ", "Ấ"]).loose == ["d", "a"])
    }

    @Test("every scalar below and just past the folds' table folds as the letter table says")
    func foldsEveryScalarAroundTheTable() {
        let letters = VietnameseLetters.shared
        let scalars = (0..<0x2100).compactMap(Unicode.Scalar.init) + ["\u{1EFF}", "\u{1F00}", "\u{FFFD}", "😀", "\u{10FFFF}"]
        let folded = FoldedText(scalars)
        #expect(folded.strict == scalars.map(letters.lowercase))
        #expect(folded.loose == scalars.map { letters.plainLetter(letters.lowercase($0)) })
    }
}
