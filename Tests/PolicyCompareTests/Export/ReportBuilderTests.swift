import Testing
@testable import PolicyCompare

@Suite("ReportBuilder")
struct ReportBuilderTests {
    @Test("the quote of a category's year is its shortest sentence of 60 characters or more, else its longest shorter one")
    func shortestEvidence() throws {
        let corpus = try #require(Fixtures.corpus)
        let codebook = try #require(Fixtures.codebook)
        let c = try Comparison.compute(try CorpusAnalyzer(codebook: codebook).analyze(corpus), codebook: codebook)
        var fullCases = 0, shortCases = 0
        let requests = codebook.categories.flatMap { category in c.years.map { ReportBuilder.QuoteRequest(categoryID: category.id, year: $0) } }
        let quotes = ReportBuilder.shortestEvidence(requests, in: c)
        for category in codebook.categories.map(\.id) {
            for year in c.years {
                let all = c.documents.filter { $0.metadata.year == year }.flatMap { $0.coding.evidence(of: category) }
                let full = all.filter { $0.sentence.count >= 60 }
                let expected = full.isEmpty
                    ? all.min { (-$0.sentence.count, $0.documentID, $0.matchRange.lowerBound) < (-$1.sentence.count, $1.documentID, $1.matchRange.lowerBound) }
                    : full.min { ($0.sentence.count, $0.documentID, $0.matchRange.lowerBound) < ($1.sentence.count, $1.documentID, $1.matchRange.lowerBound) }
                #expect(quotes[ReportBuilder.QuoteRequest(categoryID: category, year: year)] == expected, "\(category) \(year)")
                if !full.isEmpty { fullCases += 1 } else if !all.isEmpty { shortCases += 1 }
            }
        }
        #expect(fullCases > 50 && shortCases > 0, "both rules are exercised (\(fullCases) and \(shortCases))")
        #expect(quotes.count == fullCases + shortCases, "a quote for every category and year with evidence, and no other")
        let one = try #require(requests.first { quotes[$0] != nil })
        #expect(ReportBuilder.shortestEvidence([one], in: c) == [one: quotes[one]], "asked alone, the same quote")
    }
}
