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

    /// The text a cell shows, whether held as a string or as a quote of the source.
    private static func text(_ cell: Cell) -> String? {
        switch cell {
        case .text(let text): text
        case .quote(let quote): quote.text
        default: nil
        }
    }
}
