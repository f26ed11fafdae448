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

    /// The field-code lines of `text` as ``FieldCodeLines`` finds them, calling it at each
    /// line start as the normaliser does.
    private func fieldCodeLines(_ text: String) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        return scalars.withUnsafeBufferPointer { buffer in
            var lines = FieldCodeLines()
            var found: [Range<Int>] = []
            var start = 0
            while start <= buffer.count {
                if let end = lines.fieldCodeEnd(lineStart: start, in: buffer) { found.append(start..<end) }
                guard let next = (start..<buffer.count).first(where: { VietnameseNormalizer.isLineBreak(buffer[$0]) }) else { break }
                start = next + 1
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

    @Test("a start at or past the end of the text, or before it, is no field code")
    func startsOutsideTheText() {
        let scalars = Array("PAGE\n".unicodeScalars)
        scalars.withUnsafeBufferPointer { buffer in
            var lines = FieldCodeLines()
            #expect(lines.fieldCodeEnd(lineStart: 0, in: buffer) == 4)
            #expect(lines.fieldCodeEnd(lineStart: 5, in: buffer) == nil)
            #expect(lines.fieldCodeEnd(lineStart: 9, in: buffer) == nil && lines.fieldCodeEnd(lineStart: -1, in: buffer) == nil)
        }
    }
}
