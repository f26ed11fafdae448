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

    @Test("a pass row by row reads the rows of the collection, rows written over one another included")
    func readIntoOneArray() {
        // Rows of changing lengths, each written over the row before by its filler.
        let lengths = [3, 3, 1, 0, 4, 4, 2]
        let filled = Table.Rows(count: lengths.count, filler: {
            { index, cells in
                Table.Rows.fill(&cells, count: lengths[index]) { c in
                    for k in c.indices { c[k] = k == 0 ? .integer(index) : .text("\(index).\(k)") }
                }
            }
        })
        let expected: [[Cell]] = lengths.indices.map { index in (0..<lengths[index]).map { $0 == 0 ? .integer(index) : .text("\(index).\($0)") } }
        for rows in [filled, Table.Rows(expected), Self.generated(), Table.Rows(Self.stored)] {
            var read: [[Cell]] = []
            // Each row kept as it is passed: a later row must not change it.
            var pass = rows.makeIterator()
            var row: [Cell] = []
            while pass.next(into: &row) { read.append(row) }
            #expect(read == Array(rows))
            #expect(read == rows.indices.map { rows[$0] })
        }
        #expect(Array(filled) == expected)
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

    /// Counts the readers a table makes (the factory runs on any thread).
    private final class Readers: @unchecked Sendable {
        private let lock = NSLock()
        private var made = 0
        var count: Int { lock.withLock { made } }
        func add() { lock.withLock { made += 1 } }
    }

    @Test("each pass over generated rows gets its own reader, which may keep state from row to row")
    func readers() {
        let readers = Readers()
        // A reader that counts the rows it read: right only if no one else reads through it.
        let rows = Table.Rows(count: 5) {
            readers.add()
            var read = 0
            return { i in
                read += 1
                return [.integer(i), .integer(read)]
            }
        }
        let expected: [[Cell]] = (0..<5).map { [.integer($0), .integer($0 + 1)] }
        #expect(Array(rows) == expected)
        #expect(Array(rows) == expected)
        #expect(readers.count == 2)
        #expect(rows[4] == [.integer(4), .integer(1)])
        #expect(readers.count == 3)
        // Two passes at once, as a table's CSV file and its sheet are written.
        let passes = Parallel.map(2) { _ in Array(rows) }
        #expect(passes == [expected, expected])
    }

    @Test("a row's group is found by stepping on from the last row's, or by halving, alike")
    func groupOfRow() {
        var random = ExportFixtures.SeededRandom(seed: 31)
        for _ in 0..<200 {
            let counts = (0..<Int.random(in: 1...12, using: &random)).map { _ in [0, 0, 1, 2, 5].randomElement(using: &random) ?? 0 }
            let offsets = counts.indices.map { counts[..<$0].reduce(0, +) }
            let total = counts.reduce(0, +)
            var near = 0
            for index in 0..<total {
                let expected = offsets.lastIndex { $0 <= index } ?? 0
                near = CodingTables.group(of: index, in: offsets, near: near)
                #expect(near == expected)
                #expect(CodingTables.group(of: index, in: offsets, near: Int.random(in: 0..<counts.count, using: &random)) == expected)
                #expect(counts[expected] > 0)
            }
        }
    }
}
