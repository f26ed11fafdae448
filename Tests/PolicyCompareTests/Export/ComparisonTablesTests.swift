import Foundation
import Testing
@testable import PolicyCompare

@Suite("ComparisonTables")
struct ComparisonTablesTests {
    /// The shipped corpus, compared.
    private static func comparison() throws -> Comparison {
        let corpus = try #require(Fixtures.corpus)
        let codebook = try #require(Fixtures.codebook)
        return try Comparison.compute(try CorpusAnalyzer(codebook: codebook).analyze(corpus), codebook: codebook)
    }

    @Test("every table's rows read in one pass, each written over the last, are the rows read one by one")
    func passesAgree() throws {
        let tables = ComparisonTables.all(try Self.comparison())
        #expect(tables.contains { $0.rows.isGenerated })
        for table in tables {
            var read: [[Cell]] = []
            var pass = table.rows.makeIterator()
            var row: [Cell] = []
            while pass.next(into: &row) { read.append(row) }
            #expect(read == table.rows.indices.map { table.rows[$0] }, "\(table.name)")
        }
    }

    @Test("actor rows, generated per document, count each agency's mentions and tasks, by agency id")
    func actorRows() throws {
        let c = try Self.comparison()
        let rows = Array(ComparisonTables.actors(c).rows)
        var expected: [[Cell]] = []
        for d in c.documents {
            for id in Set(d.actors.map(\.id)).sorted() {
                let mentions = d.actors.filter { $0.id == id }
                let first = try #require(mentions.first)
                let tasked = mentions.count(where: \.tasked)
                expected.append([.text(d.metadata.id), .integer(d.metadata.year), .text(id), .text(first.name), .text(first.nameEnglish),
                                 .integer(mentions.count), .integer(tasked), .boolean(tasked > 0), .text(first.segmentPath)])
            }
        }
        #expect(rows.count > 20 && rows == expected)
    }

    @Test("uncoded rows, generated per document, list every uncoded segment in year and document order")
    func uncodedRows() throws {
        let c = try Self.comparison()
        let codings = c.documents.map(\.coding).sorted { ($0.year, $0.documentID) < ($1.year, $1.documentID) }
        let rows = Array(CodingTables.uncoded(codings).rows)
        let expected: [[String?]] = codings.flatMap { coding in coding.uncoded.map { [coding.documentID, $0.segmentPath, $0.text] } }
        #expect(rows.count > 20 && rows.map { [$0[0], $0[2], $0[6]].map(Self.text) } == expected)
    }

    @Test("reuse rows, from spooled tokens and sources, give each passage's documents, source spans and quotes")
    func reuseRows() throws {
        let c = try Self.comparison()
        let rows = Array(ComparisonTables.reuse(c).rows)
        let byID = Dictionary(uniqueKeysWithValues: c.documents.map { ($0.metadata.id, $0) })
        var expected: [[String?]] = []
        for p in c.reuse.passages {
            let a = try #require(byID[p.documentA]), b = try #require(byID[p.documentB])
            let ra = try #require(a.reuseTokens.span(p.tokensA)), rb = try #require(b.reuseTokens.span(p.tokensB))
            let excerpt = { (d: DocumentAnalysis, r: Range<Int>) in
                r.count > ComparisonTables.excerptLimit ? d.quote(r.lowerBound..<r.lowerBound + ComparisonTables.excerptLimit) + "…" : d.quote(r)
            }
            expected.append([p.documentA, p.documentB, String(ra.lowerBound), String(ra.upperBound), String(rb.lowerBound),
                             String(rb.upperBound), excerpt(a, ra), excerpt(b, rb)])
        }
        let shown = rows.map { row in [0, 2, 4, 5, 6, 7, 11, 12].map { index -> String? in
            if case .integer(let value) = row[index] { return String(value) }
            return Self.text(row[index])
        } }
        #expect(rows.count > 10 && shown == expected)
    }

    /// The reuse tables' CSV bytes rendered from their generated records, and from the same
    /// rows stored as cells (which writers write cell by cell), for every writer: the same.
    private static func expectReuseRecordsMatchCells(_ c: Comparison) throws {
        for table in [ComparisonTables.reuse(c), ComparisonTables.reuseShares(c)] {
            #expect(table.rows.csvRecords != nil)
            let stored = Table(name: table.name, description: table.description, columns: table.columns, rows: Array(table.rows))
            #expect(stored.rows.csvRecords == nil)
            for writer in try CodingTablesTests.writers() {
                #expect(writer.write(table) == writer.write(stored), "\(table.name), \(writer.profile), \(writer.delimiter)")
            }
        }
    }

    @Test("actors and uncoded records rendered straight to CSV bytes are the cells' bytes, on the shipped directives")
    func actorAndUncodedRecords() throws {
        let c = try Self.comparison()
        for table in [ComparisonTables.actors(c), CodingTables.uncoded(c.documents.map(\.coding))] {
            #expect(table.rows.count > 20 && table.rows.csvRecords != nil)
            let stored = Table(name: table.name, description: table.description, columns: table.columns, rows: Array(table.rows))
            for writer in try CodingTablesTests.writers() {
                #expect(writer.write(table) == writer.write(stored), "\(table.name), \(writer.profile), \(writer.delimiter)")
            }
        }
    }

    @Test("with the semicolon delimiter every number field of every table has a decimal comma, and every other field is as with tab")
    func decimalCommaInEveryTable() throws {
        let semicolon = try CSVWriter(profile: .plain, delimiter: ";"), tab = try CSVWriter(profile: .plain, delimiter: "\t")
        var commas = 0
        for table in ComparisonTables.all(try Self.comparison()) {
            // Records rendered straight to bytes and cells alike, read back field by field.
            let withComma = try CSVReader(file: table.name, delimiter: ";").records(ExportFixtures.text(semicolon.write(table)))
            let withTab = try CSVReader(file: table.name, delimiter: "\t").records(ExportFixtures.text(tab.write(table)))
            #expect(withComma.count == withTab.count, "\(table.name)")
            var differing: [String] = []
            for (a, b) in zip(withComma, withTab) {
                for (index, column) in table.columns.enumerated() where index < a.fields.count && index < b.fields.count {
                    let expected = column.kind == .number ? b.fields[index].replacingOccurrences(of: ".", with: ",") : b.fields[index]
                    if a.fields[index] != expected { differing.append("line \(a.line) \(column.name): \(a.fields[index]), not \(expected)") }
                    if column.kind == .number, a.fields[index].contains(",") { commas += 1 }
                }
            }
            #expect(differing.isEmpty, "\(table.name): \(differing.count) fields, first \(differing.prefix(3))")
        }
        #expect(commas > 500)
    }

    @Test("keyness p-values are written with 6 significant digits, in exponent form below 0.0001: none of the shipped corpus's reads 0")
    func keynessPValues() throws {
        let c = try Self.comparison()
        let table = ComparisonTables.keyness(c)
        let column = try #require(table.columns.firstIndex { $0.name == "p_value" })
        let records = try CSVReader(file: "keyness.csv").records(ExportFixtures.text(CSVWriter(profile: .plain).write(table)))
        let written = records.dropFirst().map { $0.fields[column] }
        let expected = c.keyness.filter { $0.direction == .over }.map(\.pValue)
        #expect(written.count == expected.count && written.count > 50)
        var tiny = 0
        for (text, p) in zip(written, expected) {
            let read = try #require(Double(text), "\(text)")
            #expect(p > 0 && read > 0 && abs(read - p) <= p * 5e-6, "\(text) for \(p)")
            #expect(text.contains("e-") == (read < 0.0001), "\(text)")
            if p < 0.0001 { tiny += 1 }
        }
        // At six decimals these read 0.000000.
        #expect(tiny >= 10)
    }

    /// Reuse options that find many short and long passages in a small corpus.
    private static let eagerReuse = ReuseOptions(shingleSize: 4, minPassageTokens: 4, maxGap: 32, maxPartnersPerDocument: 100)

    @Test("reuse and reuse_shares records rendered straight to CSV bytes are the cells' bytes, on the shipped directives")
    func reuseRecordsOfTheShippedDirectives() throws {
        let corpus = try #require(Fixtures.corpus)
        let codebook = try #require(Fixtures.codebook)
        let c = try Comparison.compute(try CorpusAnalyzer(codebook: codebook).analyze(corpus), codebook: codebook,
                                       options: ComparisonOptions(reuse: Self.eagerReuse))
        let rows = Array(ComparisonTables.reuse(c).rows)
        #expect(rows.count > 100)
        // Both kinds of excerpt: whole, and cut with "…".
        #expect(rows.contains { Self.text($0[11])?.hasSuffix("…") == true } && rows.contains { Self.text($0[11])?.hasSuffix("…") == false })
        try Self.expectReuseRecordsMatchCells(c)
    }

    @Test("reuse records are the cells' bytes for decomposed text, quotes, delimiters, tabs and long passages")
    func reuseRecordsOfAwkwardText() throws {
        let root = try Fixtures.temporaryFolder()
        let codebook = try #require(Fixtures.codebook)
        let shared = "Phòng chống \"đuối nước\", tảo hôn; trẻ em\tđược bảo vệ. =Tăng cường truyền thông, giáo dục. "
        let long = String(repeating: "Các cơ quan, đơn vị triển khai \"Tháng hành động vì trẻ em\" năm nay; ", count: 30)
        let files = [
            // Decomposed (NFD) text: its quotes are normalised when written.
            ("nfd-2019", 2019, ("Kế hoạch. " + shared + long + "Hết.").decomposedStringWithCanonicalMapping),
            ("quotes-2020", 2020, "Chỉ thị. " + shared + long + "Xong."),
            ("plain-2021", 2021, "Công văn số 1. " + long + shared + "Kết thúc."),
        ]
        var manifest = "document_id,year,file,issuer,level,kind\n"
        for (id, year, text) in files {
            try Data(text.utf8).write(to: root.appendingPathComponent("\(id).txt"))
            manifest += "\(id),\(year),\(id).txt,Test,national,letter\n"
        }
        try Data(manifest.utf8).write(to: root.appendingPathComponent("manifest.csv"))
        let analyses = try CorpusAnalyzer(codebook: codebook).analyze(try Corpus.load(root))
        #expect(analyses.contains { !$0.coding.source.isNFC })
        let c = try Comparison.compute(analyses, codebook: codebook, options: ComparisonOptions(reuse: Self.eagerReuse))
        let rows = Array(ComparisonTables.reuse(c).rows)
        #expect(rows.count >= 2 && rows.contains { Self.text($0[11])?.hasSuffix("…") == true })
        try Self.expectReuseRecordsMatchCells(c)
    }

    /// The text a cell shows, whether held as a string or as a quote of the source.
    private static func text(_ cell: Cell) -> String? {
        switch cell {
        case .text(let text): text
        case .quote(let quote): quote.text
        default: nil
        }
    }
}
