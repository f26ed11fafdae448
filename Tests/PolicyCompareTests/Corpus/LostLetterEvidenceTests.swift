import Testing
@testable import PolicyCompare

@Suite struct LostLetterEvidenceTests {
    private func evidence(_ text: String) -> (LostLetterEvidence, String) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { (LostLetterEvidence($0), LostLetterEvidence($0).exampleText(in: $0)) }
    }

    @Test("words with a '?' between letters are counted, the first shown from its leading '?' to its last letter")
    func damagedWords() {
        let (found, example) = evidence("?i?u ki?n t?t, sao? ?? B?")
        #expect((found.words, found.damaged, found.example, example) == (5, 3, 0..<4, "?i?u"))
        #expect(found.isLikely)
    }

    @Test("question marks after words, before none, or in one URL are not lost letters", arguments: [
        "Why? What?? Who ?", "Xem index.php?id=3 ngay", "?? ? ?",
    ])
    func questionMarks(text: String) {
        let (found, example) = evidence(text)
        #expect(!found.isLikely)
        #expect(found.damaged <= 1 && (found.damaged == 0) == example.isEmpty)
    }
}
