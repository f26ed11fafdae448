import Foundation
import Testing
@testable import PolicyCompare

@Suite("CorpusAnalyzer")
struct CorpusAnalyzerTests {
    /// The real directives under a manifest that lists them in `ids`' order.
    private func corpus(listing ids: [String]) throws -> Corpus {
        let real = try #require(Fixtures.corpus)
        let root = try Fixtures.temporaryFolder()
        var manifest = "document_id,year,file,issuer,level,kind\n"
        for id in ids {
            let document = try #require(real.documents.first { $0.id == id })
            try Data(real.bytes(of: document)).write(to: root.appendingPathComponent("\(id).txt"))
            manifest += "\(id),\(document.year),\(id).txt,Test,\(document.level),\(document.kind)\n"
        }
        try Data(manifest.utf8).write(to: root.appendingPathComponent("manifest.csv"))
        return try Corpus.load(root)
    }

    @Test("the corpus and the analyzer read at once are those read in turn; a corpus error comes before a codebook error")
    func loadsCorpusAndCodebookTogether() throws {
        let codebookURL = Fixtures.datasets.appendingPathComponent("codebook.csv")
        let (corpus, analyzer) = try CorpusAnalyzer.load(corpus: Fixtures.datasets, codebook: codebookURL)
        #expect(corpus == (try Corpus.load(Fixtures.datasets)))
        #expect(analyzer.coder.codebook == (try CodebookLoader.load(codebookURL)))
        let missing = try Fixtures.temporaryFolder().appendingPathComponent("none")
        #expect(throws: CorpusError.self) { try CorpusAnalyzer.load(corpus: missing, codebook: missing.appendingPathComponent("codebook.csv")) }
        #expect(throws: CodebookError.self) { try CorpusAnalyzer.load(corpus: Fixtures.datasets, codebook: missing.appendingPathComponent("codebook.csv")) }
    }

    @Test("documents are read year by year but come back in manifest order, with the same analyses and year sums")
    func manifestOrder() throws {
        let codebook = try #require(Fixtures.codebook)
        let analyzer = try CorpusAnalyzer(codebook: codebook)
        // Years out of order, and the two 2019 plans apart.
        let shuffled = ["2019-lang-son", "2010-molisa", "2014-molisa", "2019-kien-giang", "2013-molisa"]
        let corpus = try corpus(listing: shuffled)
        let sorted = try self.corpus(listing: shuffled.sorted())
        let terms = YearTerms(), sortedTerms = YearTerms()
        let analyses = try analyzer.analyze(corpus, terms: terms)
        let reference = try analyzer.analyze(sorted, terms: sortedTerms)
        #expect(analyses.map(\.metadata.id) == shuffled)
        for analysis in analyses {
            let same = try #require(reference.first { $0.metadata.id == analysis.metadata.id })
            #expect(analysis.coding.counts == same.coding.counts)
            #expect(analysis.coding.evidence == same.coding.evidence)
            #expect(analysis.actors == same.actors)
        }
        let years = [2010, 2013, 2014, 2019]
        #expect(terms.takeCounts(years) == sortedTerms.takeCounts(years))

        // The first unreadable document in manifest order is the error, wherever its year falls.
        let broken = try self.corpus(listing: shuffled)
        for id in ["2014-molisa", "2019-lang-son"] {
            try Data([0, 1, 2, 0, 0, 0]).write(to: broken.root.appendingPathComponent("\(id).txt"))
        }
        let error = #expect(throws: (any Error).self) { try analyzer.analyze(broken) }
        #expect(String(describing: try #require(error)).contains("2019-lang-son.txt"))
        let (kept, skipped) = analyzer.analyzeSkippingInvalid(broken)
        #expect(kept.map(\.metadata.id) == ["2010-molisa", "2019-kien-giang", "2013-molisa"])
        #expect(skipped.map(\.documentID) == ["2019-lang-son", "2014-molisa"])
    }
}
