import Foundation
import Testing
@testable import PolicyCompare

@Suite("ComparisonFiles")
struct ComparisonFilesTests {
    private func table(_ name: String, rows: Int) -> Table {
        Table(name: name, description: "Test.", columns: [Column("n", .integer, title: "N", description: "Row number.")],
              rows: (0..<rows).map { [.integer($0)] })
    }

    @Test("sheets longer than the cap keep their first rows, and a first sheet lists what was cut")
    func sheetCap() throws {
        let tables = [table("documents", rows: 3), table("evidence", rows: 8), table("reuse", rows: 5)]
        let bytes = try XLSXWriter.workbook(ComparisonFiles.sheets(tables.map { ($0, $0.rows.count) }, maxRows: 5))
        let reader = try ZipTestReader(bytes)
        let workbook = try #require(reader.text("xl/workbook.xml"))
        #expect(workbook.contains("<sheet name=\"truncated\" sheetId=\"1\""))
        // truncated, then evidence (cut to 5 rows), reuse (5 rows: not cut), documents.
        let cut = try #require(reader.text("xl/worksheets/sheet2.xml"))
        #expect(cut.contains("<row r=\"6\"") && !cut.contains("<row r=\"7\""))
        let list = try #require(reader.text("xl/worksheets/sheet1.xml"))
        #expect(list.contains("<row r=\"2\"") && !list.contains("<row r=\"3\""), "only evidence is listed")
        let strings = try #require(reader.text("xl/sharedStrings.xml"))
        #expect(strings.contains(">evidence.csv</t>") && !strings.contains(">reuse.csv</t>"))
    }

    @Test("nothing is cut: no truncated sheet, and the order puts the summary tables first")
    func noCut() throws {
        let tables = [table("documents", rows: 2), table("matrix_by_year", rows: 2), table("extra", rows: 1)]
        let reader = try ZipTestReader(XLSXWriter.workbook(ComparisonFiles.sheets(tables.map { ($0, $0.rows.count) })))
        let workbook = try #require(reader.text("xl/workbook.xml"))
        #expect(!workbook.contains("truncated"))
        let names = ["matrix_by_year", "documents", "extra"].map { "<sheet name=\"\($0)\"" }
        let positions = names.compactMap { workbook.range(of: $0)?.lowerBound }
        #expect(positions.count == 3 && positions == positions.sorted())
    }

    @Test("a table cut before it reaches the workbook is listed with its full row count")
    func cutBeforehand() throws {
        var evidence = table("evidence", rows: 4)
        evidence.rows.removeSubrange(2...)
        let reader = try ZipTestReader(XLSXWriter.workbook(ComparisonFiles.sheets([(evidence, 9)], maxRows: 2)))
        let list = try #require(reader.text("xl/worksheets/sheet1.xml"))
        #expect(list.contains("<v>9</v>") && list.contains("<v>2</v>"))
        let sheet = try #require(reader.text("xl/worksheets/sheet2.xml"))
        #expect(sheet.contains("<row r=\"3\"") && !sheet.contains("<row r=\"4\""))
    }
}
