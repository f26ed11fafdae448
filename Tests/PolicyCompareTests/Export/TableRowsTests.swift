import Foundation
import Testing
@testable import PolicyCompare

@Suite("Table.Rows")
struct TableRowsTests {
    private static let stored: [[Cell]] = (0..<7).map { [.integer($0), .text("row \($0)")] }
    private static func generated(_ count: Int = 7) -> Table.Rows {
        Table.Rows(count: count) { [.integer($0), .text("row \($0)")] }
    }

    @Test("generated rows read as the same rows stored")
    func sameAsStored() {
        let rows = Self.generated()
        #expect(rows.isGenerated)
        #expect(rows.count == 7)
        #expect(Array(rows) == Self.stored)
        #expect(rows == Table.Rows(Self.stored))
        #expect(rows.hashValue == Table.Rows(Self.stored).hashValue)
        #expect(rows[3] == [.integer(3), .text("row 3")])
        #expect(rows != Self.generated(6))
    }

    @Test("cutting the end keeps the rest generated; any other change stores the rows")
    func mutation() {
        var cut = Self.generated()
        cut.removeSubrange(4...)
        #expect(cut.isGenerated)
        #expect(Array(cut) == Array(Self.stored.prefix(4)))

        var appended = Self.generated()
        appended.append([.integer(7), .text("row 7")])
        #expect(!appended.isGenerated)
        #expect(Array(appended) == Self.stored + [[.integer(7), .text("row 7")]])

        var changed = Self.generated()
        changed[0] = [.empty]
        #expect(!changed.isGenerated)
        #expect(Array(changed) == [[.empty]] + Self.stored.dropFirst())

        var emptied = Self.generated()
        emptied = []
        #expect(emptied.isEmpty && !emptied.isGenerated)
        #expect(Table.Rows(count: -3) { _ in [] }.isEmpty)
    }

    @Test("rows generated from groups follow the groups in order, empty groups included")
    func groups() {
        let counts = [0, 2, 0, 0, 3, 1, 0]
        let rows = CodingTables.generatedRows(counts) { g, i in [.integer(g), .integer(i)] }
        let expected: [[Cell]] = counts.indices.flatMap { g in (0..<counts[g]).map { [.integer(g), .integer($0)] } }
        #expect(Array(rows) == expected)
        #expect(CodingTables.generatedRows([]) { _, _ in [] }.isEmpty)
        #expect(CodingTables.generatedRows([0, 0]) { _, _ in [] }.isEmpty)
    }

    @Test("a generated table writes the same CSV and workbook bytes as the stored one")
    func writers() throws {
        let columns = [Column("n", .integer, title: "N", description: "Number."), Column("t", .string, title: "T", description: "Text.")]
        let stored = Table(name: "t", description: "Test.", columns: columns, rows: Self.stored)
        let generated = Table(name: "t", description: "Test.", columns: columns, rows: Self.generated())
        let csv = try CSVWriter(delimiter: ",")
        #expect(csv.write(generated) == csv.write(stored))
        #expect(try XLSXWriter.workbook([generated]) == XLSXWriter.workbook([stored]))
    }
}
