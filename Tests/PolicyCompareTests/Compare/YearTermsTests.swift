import Testing
@testable import PolicyCompare

@Suite("YearTerms")
struct YearTermsTests {
    private func terms(_ sentences: [[String]]) -> DocumentTerms {
        DocumentTerms(sentences: sentences, stopList: ["của"])
    }

    private var documents: [(year: Int, terms: DocumentTerms)] {
        [
            (2010, terms([["quyền", "của", "trẻ", "em"], ["trẻ", "em", "nghèo"]])),
            (2013, terms([["phòng", "chống", "đuối", "nước"]])),
            (2010, terms([["trẻ", "em", "dân", "tộc"], ["đuối", "nước"]])),
            (2019, terms([["tảo", "hôn", ";", "trẻ", "em"]])),
            (2013, terms([["trẻ", "em"], ["phòng", "chống", "tảo", "hôn"]])),
        ]
    }

    @Test("each year's counts are its documents merged, whatever order and thread they arrive in")
    func sums() {
        let documents = documents
        let expected = Dictionary(grouping: documents, by: \.year).mapValues { DocumentTerms.merged($0.map(\.terms)) }
        #expect(expected[2010]?.totals[1] == 13, "4 + 3 + 4 + 2 unigram positions in 2010")

        let serial = YearTerms(), reversed = YearTerms(), parallel = YearTerms()
        for d in documents { serial.add(d.terms, year: d.year) }
        for d in documents.reversed() { reversed.add(d.terms, year: d.year) }
        _ = Parallel.map(documents.count * 20) { i in parallel.add(documents[i % documents.count].terms, year: documents[i % documents.count].year) }

        let years = [2010, 2013, 2019, 2020]
        let serialCounts = serial.takeCounts(years)
        #expect(serialCounts == expected.merging([2020: TermCounts()]) { a, _ in a })
        #expect(reversed.takeCounts(years) == serialCounts)
        #expect(serial.takeCounts(years) == Dictionary(uniqueKeysWithValues: years.map { ($0, TermCounts()) }),
                "the counts were handed over: nothing is left")
        let twenty = Dictionary(grouping: (0..<20).flatMap { _ in documents }, by: \.year).mapValues { DocumentTerms.merged($0.map(\.terms)) }
        #expect(parallel.takeCounts([2010, 2013, 2019]) == twenty)
        #expect(YearTerms().takeCounts([2010]) == [2010: TermCounts()])
    }

    @Test("documents counted into workers' shards and by add(_:year:) sum as if counted in one place")
    func shards() {
        let documents = documents
        let expected = Dictionary(grouping: documents, by: \.year).mapValues { DocumentTerms.merged($0.map(\.terms)) }
        let years = [2010, 2013, 2019]
        for assignment in [[0, 0, 0, 0, 0], [0, 1, 2, 0, 1], [2, 2, 1, 1, 2], [1, 0, 1, 0, 1]] {
            let terms = YearTerms()
            let shards = [terms.shard(), terms.shard()]
            for (d, worker) in zip(documents, assignment) {
                if worker < shards.count { shards[worker].add(d.terms, year: d.year) } else { terms.add(d.terms, year: d.year) }
            }
            #expect(terms.takeCounts(years) == expected, "\(assignment)")
        }
        let unused = YearTerms()
        _ = unused.shard()
        #expect(unused.takeCounts([2010]) == [2010: TermCounts()])
    }

    @Test("the analyzer hands the counts over and the comparison's keyness is the same")
    func analyzerAndComparison() throws {
        let corpus = try #require(Fixtures.corpus), codebook = try #require(Fixtures.codebook)
        let analyzer = try CorpusAnalyzer(codebook: codebook)
        let kept = try analyzer.analyze(corpus)
        // A store's counts are read once (``YearTerms/takeCounts(_:)``): one store per reading.
        let terms = YearTerms(), again = YearTerms(), forSome = YearTerms()
        let handed = try analyzer.analyze(corpus, terms: terms)
        _ = try analyzer.analyze(corpus, terms: again)
        _ = try analyzer.analyze(corpus, terms: forSome)
        #expect(handed.allSatisfy { $0.terms == DocumentTerms() })
        #expect(kept.allSatisfy { $0.terms != DocumentTerms() })

        let years = Array(Set(kept.map(\.metadata.year))).sorted()
        let expected = Dictionary(grouping: kept, by: \.metadata.year).mapValues { DocumentTerms.merged($0.map(\.terms)) }
        #expect(again.takeCounts(years) == expected)

        let before = try Comparison.compute(kept, codebook: codebook)
        let after = try Comparison.compute(handed, codebook: codebook, terms: terms)
        #expect(!before.keyness.isEmpty)
        #expect(after.keyness == before.keyness)
        let some = ComparisonOptions(years: [2019, 2010])
        #expect(try Comparison.compute(handed, codebook: codebook, options: some, terms: forSome).keyness
            == Comparison.compute(kept, codebook: codebook, options: some).keyness)
    }
}
