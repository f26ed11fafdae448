import Testing
@testable import PolicyCompare

@Suite("ReportBuilder")
struct ReportBuilderTests {
    @Test("the leading items are a stable sort's first ones, ties in input order", arguments: [1, 2, 3] as [UInt64])
    func leadingMatchesAStableSort(seed: UInt64) {
        var random = ExportFixtures.SeededRandom(seed: seed)
        // Few distinct keys, so there are many ties; the label records the input order.
        let items = (0..<2_000).map { (key: Int.random(in: 0..<20, using: &random), label: $0) }
        let byKey: ((key: Int, label: Int), (key: Int, label: Int)) -> Bool = { $0.key > $1.key }
        let stable = items.enumerated().sorted { byKey($0.element, $1.element) || (!byKey($1.element, $0.element) && $0.offset < $1.offset) }.map(\.element)
        for count in [0, 1, 3, 30, 1_999, 2_000, 2_500] {
            let leading = ReportBuilder.leading(count, of: items, by: byKey)
            #expect(leading.map(\.label) == stable.prefix(count).map(\.label), "count \(count)")
        }
        #expect(ReportBuilder.leading(3, of: [(key: Int, label: Int)](), by: byKey).isEmpty)
    }

    @Test("the quote of a category's year is its shortest sentence of 60 characters or more, else its longest shorter one")
    func shortestEvidence() throws {
        let corpus = try #require(Fixtures.corpus)
        let codebook = try #require(Fixtures.codebook)
        let c = try Comparison.compute(try CorpusAnalyzer(codebook: codebook).analyze(corpus), codebook: codebook)
        var fullCases = 0, shortCases = 0
        for category in codebook.categories.map(\.id) {
            for year in c.years {
                let all = c.documents.filter { $0.metadata.year == year }.flatMap { $0.coding.evidence(of: category) }
                let full = all.filter { $0.sentence.count >= 60 }
                let expected = full.isEmpty
                    ? all.min { (-$0.sentence.count, $0.documentID, $0.matchRange.lowerBound) < (-$1.sentence.count, $1.documentID, $1.matchRange.lowerBound) }
                    : full.min { ($0.sentence.count, $0.documentID, $0.matchRange.lowerBound) < ($1.sentence.count, $1.documentID, $1.matchRange.lowerBound) }
                #expect(ReportBuilder.shortestEvidence(category, year: year, in: c) == expected, "\(category) \(year)")
                if !full.isEmpty { fullCases += 1 } else if !all.isEmpty { shortCases += 1 }
            }
        }
        #expect(fullCases > 50 && shortCases > 0, "both rules are exercised (\(fullCases) and \(shortCases))")
    }
}
