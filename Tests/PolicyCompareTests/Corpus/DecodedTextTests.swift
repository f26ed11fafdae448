import Testing
@testable import PolicyCompare

@Suite("DecodedText")
struct DecodedTextTests {
    @Test("a shipped file decoded as scalars has the text, scalars, equality and hash of the same text held as a string")
    func scalarsAndStringAgree() throws {
        let corpus = try #require(Fixtures.corpus)
        for document in corpus.documents {
            let bytes = try corpus.bytes(of: document)
            let decoded = try TextDecoder.decode(bytes, source: document.file)
            let text = decoded.text
            let asString = DecodedText(text: text, encoding: decoded.encoding, notes: decoded.notes)
            #expect(decoded.scalars == Array(text.unicodeScalars), "\(document.file)")
            #expect(asString.scalars == decoded.scalars, "\(document.file)")
            #expect(decoded == asString && decoded.hashValue == asString.hashValue, "\(document.file)")
            if decoded.encoding == .utf8, decoded.notes.isEmpty {
                #expect(Array(text.utf8) == bytes, "\(document.file)")
            }
        }
    }

    @Test("setting the text replaces the scalars; texts, encodings and notes all decide equality")
    func settingTheText() {
        var decoded = DecodedText(scalars: Array("Kế hoạch".unicodeScalars), encoding: .utf8)
        decoded.text = "Tháng hành động"
        #expect(decoded.scalars == Array("Tháng hành động".unicodeScalars))
        #expect(decoded == DecodedText(text: "Tháng hành động", encoding: .utf8))
        #expect(decoded != DecodedText(text: "Tháng hành động", encoding: .utf8BOM))
        #expect(decoded != DecodedText(text: "Tháng hành động", encoding: .utf8, notes: ["a note"]))
        #expect(decoded != DecodedText(scalars: Array("Kế hoạch".unicodeScalars), encoding: .utf8))
    }

    @Test("setting the text drops the source made from the file's bytes")
    func settingTheTextDropsTheSource() throws {
        let bytes = Array("Kế hoạch".utf8)
        var decoded = try TextDecoder.decode(bytes, source: "a.txt")
        #expect(decoded.source == SourceText(utf8: bytes))
        decoded.text = "Tháng hành động"
        #expect(decoded.source == nil)
    }
}
