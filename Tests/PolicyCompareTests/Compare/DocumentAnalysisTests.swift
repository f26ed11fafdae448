import Testing
@testable import PolicyCompare

@Suite("DocumentAnalysis")
struct DocumentAnalysisTests {
    @Test("the reuse tokens and terms of the one pass over the tokens equal those taken from the directive apart", arguments: Fixtures.ids)
    func tokensAndTerms(id: String) throws {
        let directive = try Fixtures.directive(id)
        let coder = Coder(codebook: try #require(Fixtures.codebook), abbreviations: try Abbreviations.bundled())
        let stopList = try DocumentAnalysis.bundledStopList()
        let analysis = DocumentAnalysis(directive, coder: coder, stopList: stopList, bytes: [])
        let keys = directive.spellings.keys
        // Every token: its spelling's stable hash and its span in the source.
        var hashes: [UInt64] = [], spans: [Range<Int>] = []
        // Every sentence of every segment, as its tokens' folded keys.
        var sentences: [[String]] = []
        for (s, output) in directive.tokens.enumerated() {
            var sentence = -1
            for (t, token) in output.tokens.enumerated() {
                let key = keys[Int(directive.spellings.ids[s][t])]
                hashes.append(StableHash.fnv1a(key))
                spans.append(directive.text.originalRange(token.range))
                if token.sentence != sentence {
                    sentences.append([])
                    sentence = token.sentence
                }
                sentences[sentences.count - 1].append(key)
            }
        }
        #expect(hashes.count > 300)
        #expect(analysis.reuseHashes == hashes)
        #expect(analysis.reuseTokens.count == spans.count)
        #expect(spans.indices.allSatisfy { analysis.reuseTokens.span($0..<$0 + 1) == spans[$0] })
        #expect(analysis.terms.syllableHashes == keys.map(StableHash.fnv1a))
        #expect(DocumentTerms.merged([analysis.terms]) == TermCounts.count(sentences: sentences, maxN: DocumentTerms.maxN, stopList: stopList))
    }
}
