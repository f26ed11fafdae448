import Testing
@testable import PolicyCompare

@Suite("CodingTables")
struct CodingTablesTests {
    @Test("evidence rows, generated per match, give each match's document, segment, category, dimension, pattern and quotes")
    func evidenceRows() throws {
        let corpus = try #require(Fixtures.corpus)
        let codebook = try #require(Fixtures.codebook)
        let codings = try CorpusAnalyzer(codebook: codebook).analyze(corpus).map(\.coding)  // spooled
        let dimensions = Dictionary(uniqueKeysWithValues: codebook.categories.map { ($0.id, $0.dimension.rawValue) })
        let expected: [[Cell]] = CodingTables.ordered(codings).flatMap { coding in
            coding.evidence.map { e in
                [.text(e.documentID), .integer(e.year), .text(e.segmentPath), .text(e.categoryID), .text(dimensions[e.categoryID] ?? ""),
                 .text(e.pattern), .text(e.matched), .integer(e.matchRange.lowerBound), .integer(e.matchRange.upperBound),
                 .text(e.sentence), .integer(e.sentenceRange.lowerBound), .integer(e.sentenceRange.upperBound)]
            }
        }
        let rows = Array(CodingTables.evidence(codings, codebook: codebook).rows).map { row in
            row.map { cell -> Cell in
                if case .quote(let quote) = cell { return .text(quote.text) }
                return cell
            }
        }
        #expect(rows.count > 500 && rows == expected)
        #expect(Set(rows.map { $0[4] }) == [.text("theme"), .text("activity")])
    }
}
