import Testing
@testable import PolicyCompare

@Suite("FieldCodeLines")
struct FieldCodeLinesTests {
    private func normalized(_ text: String) -> String {
        let n = VietnameseNormalizer.normalize(text)
        return n.text(0..<n.scalars.count)
    }

    private func mayBeFieldCode(_ line: String) -> Bool {
        Array(line.unicodeScalars).withUnsafeBufferPointer(FieldCodeLines.mayBeFieldCode)
    }

    /// The field-code lines of `text` as ``FieldCodeLines`` finds them, judging every line
    /// (split at each line end scalar) in order.
    private func fieldCodeLines(_ text: String) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        return scalars.withUnsafeBufferPointer { buffer in
            var lines = FieldCodeLines()
            var found: [Range<Int>] = []
            var start = 0
            while true {
                let end = (start..<buffer.count).first(where: { VietnameseNormalizer.isLineBreak(buffer[$0]) }) ?? buffer.count
                if lines.isFieldCode(UnsafeBufferPointer(rebasing: buffer[start..<end])) { found.append(start..<end) }
                guard end < buffer.count else { break }
                start = end + 1
            }
            return found
        }
    }

    @Test("the field-code prefilter passes every field code line, invisible characters and case included")
    func fieldCodePrefilter() {
        for line in ["PAGE  1", "page 2", "NUMPAGES 3", " SECTIONPAGES", "PA\u{AD}GE 4", "P\u{200B}AGE", "* MERGEFORMAT", "Trang 1 PAGE nói về"] {
            #expect(mayBeFieldCode(line), "\(line)")
        }
        for line in ["Trang 1", "PAG E", "Kế hoạch", "1", "", "MERGE FORMAT", "PÂGE"] {
            #expect(!mayBeFieldCode(line), "\(line)")
        }
        // Lines the prefilter passes are still judged by the full rule.
        #expect(normalized("a\nPA\u{AD}GE 3\nb") == "a\n\nb")
    }

    @Test("a field code of 48 scalars is found and one of 49 is not, at the start, middle and end of a text")
    func longestFieldCode() {
        let longest = "PAGE " + String(repeating: "1", count: 43)
        let tooLong = longest + "1"
        #expect(longest.unicodeScalars.count == FieldCodeLines.longest)
        #expect(fieldCodeLines(longest) == [0..<48])
        #expect(fieldCodeLines(tooLong).isEmpty)
        #expect(fieldCodeLines("Kế hoạch\n" + longest + "\nTiếp") == [9..<57])
        #expect(fieldCodeLines("Kế hoạch\n" + tooLong + "\nTiếp").isEmpty)
        #expect(fieldCodeLines("Kế hoạch\r\n" + longest) == [10..<58])
        #expect(normalized("Kế hoạch\n" + longest + "\nTiếp") == "Kế hoạch\n\nTiếp")
        #expect(normalized("Kế hoạch\n" + tooLong + "\nTiếp") == "Kế hoạch\n" + tooLong + "\nTiếp")
    }

    @Test("a page number counts only on the line after a PAGE field; empty lines between change nothing, a long line does")
    func pageNumbers() {
        #expect(fieldCodeLines("PAGE\n2\nTiếp") == [0..<4, 5..<6])
        #expect(fieldCodeLines("PAGE\n\n\u{200B}\n2") == [0..<4, 8..<9])
        #expect(fieldCodeLines("PAGE\n" + String(repeating: "trẻ em ", count: 10) + "\n2").map(\.lowerBound) == [0])
        #expect(fieldCodeLines("Trang\n2").isEmpty)
        #expect(fieldCodeLines("PAGE 1\u{2028}2\u{0C}MERGEFORMAT").count == 3)
    }

    @Test("an empty line is no field code and changes nothing, after a PAGE field or not")
    func emptyLines() {
        let page = Array("PAGE".unicodeScalars), two = Array("2".unicodeScalars)
        var lines = FieldCodeLines()
        var found: [Bool] = []
        for line in [[], page, [], [], two, two] {
            found.append(line.withUnsafeBufferPointer { lines.isFieldCode($0) })
        }
        #expect(found == [false, true, false, false, true, false])
    }

    @Test("what a field-code line emitted is taken back, at the start, middle and end of a text, after any line end", arguments: [
        ("PAGE 1\nKế hoạch", "\nKế hoạch"),
        ("Kế  hoạch  \r\n  PAGE  1  \r\nTiếp", "Kế hoạch\n\nTiếp"),
        ("Kế hoạch\u{2028}NUMPAGES 3\u{85}\u{AD}4\u{0B}Tiếp", "Kế hoạch\n\n\nTiếp"),
        ("Kế hoạch\nPAGE\n\n2", "Kế hoạch\n\n\n"),
        ("Kế hoạch\n \u{2026}PAGE \u{2026}", "Kế hoạch\n...PAGE ..."),
        ("Kế hoạch\n* MERGEFORMAT ", "Kế hoạch\n"),
        ("PA\u{AD}GE 2\r", "\n"),
    ])
    func fieldCodeLinesTakenBack(_ text: String, _ expected: String) {
        #expect(normalized(text) == expected)
        #expect(VietnameseNormalizer.normalize(text) == VietnameseNormalizerReferenceTests.reference(text))
    }
}
