import Testing
@testable import PolicyCompare

@Suite struct DecodingErrorTests {
    @Test("naming an error made without a source gives the error made with it, for every case")
    func namingReplacesTheSource() {
        let problem = ResourceError.missing("tcvn3.csv", folder: nil)
        let cases: [(String) -> DecodingError] = [
            { .empty(source: $0, byteCount: 3) },
            { .notPlainText(source: $0, looksLike: "a PDF document", evidence: "it starts with \"%PDF-\"", fix: "Export it.") },
            { .invalidUTF8(source: $0, offset: 7, byte: 0xC3, invalidCount: 2) },
            { .invalidUTF16(source: $0, offset: 4, encoding: .utf16LE) },
            { .unsupportedEncoding(source: $0, name: "UTF-32") },
            { .unrecognizedEncoding(source: $0, offset: 1, byte: 0xA9, candidates: "VNI 10%") },
            { .lettersLost(source: $0, damagedWords: 8, words: 32, offset: 3, example: "tri?n") },
            { .missingCodeTable(source: $0, problem: problem) },
            { .noBody(source: $0, byteCount: 12, hasLetters: false) },
            { .noBody(source: $0, byteCount: 40, hasLetters: true) },
        ]
        for make in cases {
            #expect(make("").naming("/corpus/directives/a.txt") == make("/corpus/directives/a.txt"))
            #expect(make("x").naming("").description == make("").description)
        }
    }

    @Test("an empty file says 0 bytes, a file of whitespace how many, one byte in the singular")
    func emptyCounts() {
        #expect(DecodingError.empty(source: "a.txt", byteCount: 0).description.hasPrefix("a.txt is empty (0 bytes); expected the text of a directive."))
        #expect(DecodingError.empty(source: "a.txt", byteCount: 1).description.hasPrefix("a.txt contains only whitespace (1 byte); expected"))
        #expect(DecodingError.empty(source: "a.txt", byteCount: 3).description.hasPrefix("a.txt contains only whitespace (3 bytes); expected"))
    }
}
