import Testing
@testable import PolicyCompare

@Suite("DocumentTerms")
struct DocumentTermsTests {
    let stopList: Set<String> = ["của", "và", "các", "năm"]

    private func terms(_ sentences: [[String]]) -> DocumentTerms {
        var builder = DocumentTerms.Builder(stopList: DocumentTerms.stopKeys(stopList))
        for sentence in sentences {
            for token in sentence { builder.append(token) }
            builder.endSentence()
        }
        return builder.finish()
    }

    @Test("compact counts merge to exactly what TermCounts counts from the same sentences")
    func sameAsTermCounts() {
        let sentences = [
            ["quyền", "của", "trẻ", "em", "và", "gia", "đình"],
            ["trẻ", "em", ",", "dân", "tộc", "thiểu", "số", "năm", "2019"],
            ["1332/lđtbxh-te", "trẻ", "em", "nghèo", ";", ";", "trẻ"],
            [",", "các"], [], ["em"],
        ]
        #expect(DocumentTerms.merged([terms(sentences)]) == TermCounts.count(sentences: sentences, maxN: 3, stopList: stopList))
    }

    @Test("merging documents equals counting all their sentences at once, in any order")
    func mergingDocuments() {
        let first = [["trẻ", "em", "nghèo"], ["dân", "tộc", "thiểu", "số"]]
        let second = [["bảo", "vệ", "trẻ", "em"], ["các", "trẻ", "em", "và", "dân", "tộc"]]
        let together = TermCounts.count(sentences: first + second, maxN: 3, stopList: stopList)
        #expect(DocumentTerms.merged([terms(first), terms(second)]) == together)
        #expect(DocumentTerms.merged([terms(second), terms(first)]) == together)
        #expect(DocumentTerms.merged([DocumentTerms]()) == TermCounts())
    }

    @Test("many documents over a large vocabulary (tables that grow many times) merge to the string path's counts")
    func largeVocabulary() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pool = (0..<3_000).map { "âm\($0)" } + ["của", "và", ",", "2019"]
        let documents = (0..<12).map { _ in (0..<60).map { _ in (0..<(5 + next(30))).map { _ in pool[next(pool.count)] } } }
        let expected = TermCounts.count(sentences: documents.flatMap { $0 }, maxN: 3, stopList: stopList)
        #expect(expected.frequencies[3, default: [:]].count > 10_000, "enough distinct terms to grow the tables")
        #expect(DocumentTerms.merged(documents.map(terms)) == expected)
        #expect(DocumentTerms.merged(documents.reversed().map(terms)) == expected)
    }

    @Test("random sentences: the compact path never differs from the string path")
    func randomSentences() {
        let pool = ["trẻ", "em", "của", "và", ",", ".", "2019", "các", "dân", "tộc", "x", "năm", "em", "bé", "-"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<200 {
            let sentences = (0..<next(5)).map { _ in (0..<next(12)).map { _ in pool[next(pool.count)] } }
            #expect(DocumentTerms.merged([terms(sentences)]) == TermCounts.count(sentences: sentences, maxN: 3, stopList: stopList), "\(sentences)")
        }
    }

    @Test("tokens added by spelling, their text looked up once per spelling, count as tokens added by text")
    func bySpelling() {
        // One spelling per text, as TokenSpellings gives (keyed by the folded text), numbered
        // out of order of first use.
        let pool = ["trẻ", "em", "của", "và", ",", ".", "2019", "các", "dân", "tộc", "x", "năm", "bé", "-"]
        var random = ExportFixtures.SeededRandom(seed: 11)
        let sentences = (0..<300).map { _ in
            (0..<Int.random(in: 0...12, using: &random)).map { _ in (Int.random(in: 0..<pool.count, using: &random), Int.random(in: 0...1, using: &random)) }
        }
        var byText = DocumentTerms.Builder(stopList: DocumentTerms.stopKeys(stopList))
        var bySpelling = DocumentTerms.Builder(stopList: DocumentTerms.stopKeys(stopList), spellings: pool.count)
        var lookedUp = 0
        for sentence in sentences {
            for (index, _) in sentence {
                byText.append(pool[index])
                let spelling = Int32(pool.count - 1 - index)
                if !bySpelling.appendKnown(spelling: spelling) {
                    lookedUp += 1
                    bySpelling.append(pool[index], spelling: spelling)
                }
            }
            byText.endSentence()
            bySpelling.endSentence()
        }
        #expect(lookedUp == pool.count)
        #expect(byText.finish() == bySpelling.finish())
    }
}
