import Foundation
import Testing
@testable import PolicyCompare

@Suite("KeyPhrases")
struct KeyPhrasesTests {
    @Test("the shipped comparison joins 2014's 'bảo vệ chăm' and 'vệ chăm sóc' into 'bảo vệ chăm sóc', and leaves terms of other counts alone")
    func shippedPhrases() throws {
        let rows = try Self.realRows(options: ComparisonOptions().keyness).filter { $0.target == "2014" }
        func phrase(_ term: String) -> String? { rows.first { $0.term == term }?.phrase }
        #expect(phrase("bảo vệ chăm") == "bảo vệ chăm sóc")
        #expect(phrase("vệ chăm sóc") == "bảo vệ chăm sóc")
        #expect(phrase("vệ chăm") == "bảo vệ chăm sóc")
        #expect(phrase("chăm sóc trẻ") == "chăm sóc trẻ em")
        #expect(phrase("sóc") == "chăm sóc")
        // 23 in 2014 and 19 elsewhere, against 23 and 18 for "chăm sóc": one "chăm" is not followed by "sóc".
        #expect(phrase("chăm") == "chăm")
        #expect(phrase("nhóm") == "nhóm")
    }

    @Test("on the real directives, with every row kept, each term's phrase holds it and occurs exactly as often in the year and in the other years")
    func realPhrasesAreExact() throws {
        let options = KeynessOptions(minFrequency: 2, maxPValue: 1, maxRowsPerDirection: nil, includeUnderused: true)
        let rows = try Self.realRows(options: options)
        let corpus = try #require(Fixtures.corpus), codebook = try #require(Fixtures.codebook)
        let documents = try CorpusAnalyzer(codebook: codebook).analyze(corpus)
        let stopList = try DocumentAnalysis.bundledStopList()
        // Every run of up to 12 syllables counted, by year, from the documents' own sentences.
        let byYear = Dictionary(grouping: documents, by: \.metadata.year).mapValues { documents in
            TermCounts.count(sentences: documents.flatMap { Self.sentences(of: $0.terms) }, maxN: 12, stopList: stopList)
        }
        var joined = 0
        for row in rows where row.phrase != row.term {
            joined += 1
            let year = try #require(Int(row.target))
            let inYear = byYear[year]?.frequency(of: row.phrase) ?? -1
            let elsewhere = byYear.filter { $0.key != year }.values.reduce(0) { $0 + $1.frequency(of: row.phrase) }
            #expect(inYear == row.targetCount, "\(row.target) \(row.term) → \(row.phrase)")
            #expect(elsewhere == row.referenceCount, "\(row.target) \(row.term) → \(row.phrase)")
            #expect(" \(row.phrase) ".contains(" \(row.term) "))
        }
        #expect(joined > 50)
    }

    @Test("terms of equal counts are not joined when their overlap occurs more often: it also stands elsewhere")
    func overlapMustMatch() {
        let joined = Self.rows(target: [["a", "b", "c", "d"], ["a", "b", "c", "d"], ["x", "b", "c", "d"], ["a", "b", "c", "y"]])
        // "a b c" 3, "b c d" 3, but "b c" 4: one "a b c" ends "a b c y", one "b c d" starts "x b c d".
        #expect(joined["a b c"] == "a b c")
        #expect(joined["b c d"] == "b c d")
        let proven = Self.rows(target: Array(repeating: ["a", "b", "c", "d"], count: 3) + [["x", "y"]])
        #expect(proven["a b c"] == "a b c d")
        #expect(proven["b c d"] == "a b c d")
        #expect(proven["b c"] == "a b c d")
        #expect(proven["a"] == "a b c d")
        #expect(proven["x y"] == "x y")
    }

    @Test("chains join into one phrase")
    func chains() {
        let rows = Self.rows(target: Array(repeating: ["p", "q", "r", "s", "t"], count: 2))
        #expect(rows["p q r"] == "p q r s t")
        #expect(rows["q r s"] == "p q r s t")
        #expect(rows["r s t"] == "p q r s t")
        #expect(rows["s"] == "p q r s t")
    }

    @Test("a paragraph repeated word for word, all its rows kept, is one phrase, every term of it belonging to it")
    func longChain() {
        let paragraph = (0..<300).map { "s\($0)" }
        let rows = Self.rows(target: [paragraph, paragraph])
        #expect(rows.count == 300 + 299 + 298)
        #expect(rows.values.allSatisfy { $0 == paragraph.joined(separator: " ") })
    }

    @Test("rows whose joins would run in a circle, or branch, stay apart; a continuation or predecessor inside another gives way to it; join never traps")
    func cyclesAndBranches() {
        func row(_ term: String, _ a: Int) -> KeynessRow {
            KeynessRow(target: "2019", term: term, n: term.split(separator: " ").count, targetCount: a, referenceCount: 0,
                       targetTotal: 100, referenceTotal: 100, g2: 1, pValue: 0.5, logRatio: 1, direction: .over)
        }
        // Counts that claim every overlap matches: a cycle "a b a" → "b a b" → "a b a".
        let cycle = KeyPhrases.join([row("a b a", 5), row("b a b", 5)]) { _ in (5, 0) }
        #expect(cycle.map(\.phrase) == ["a b a", "b a b"])
        // Two rows continuing the same overlap: neither is chosen.
        let branch = KeyPhrases.join([row("a b c", 5), row("b c d", 5), row("b c e", 5)]) { _ in (5, 0) }
        #expect(branch.map(\.phrase) == ["a b c", "b c d", "b c e"])
        // Two predecessors of one row: no join into it.
        let merge = KeyPhrases.join([row("a b c", 5), row("x b c", 5), row("c d", 5)]) { _ in (5, 0) }
        #expect(merge.map(\.phrase) == ["a b c", "x b c", "c d"])
        // Of two continuations one inside the other, the longer; of two predecessors likewise.
        let longer = KeyPhrases.join([row("a b", 5), row("b c", 5), row("b c d", 5)]) { _ in (5, 0) }
        #expect(longer.map(\.phrase) == ["a b c d", "a b c d", "a b c d"])
        let outer = KeyPhrases.join([row("b c", 5), row("a b c", 5), row("c d", 5)]) { _ in (5, 0) }
        #expect(outer.map(\.phrase) == ["a b c d", "a b c d", "a b c d"])
        // A term inside two phrases of the same length that are not joined: it keeps its own.
        let tie = KeyPhrases.join([row("x a", 5), row("a y", 5), row("a", 5)]) { _ in (6, 0) }
        #expect(tie.map(\.phrase) == ["x a", "a y", "a"])
        // A term twice inside a longer one: its counts cannot prove that it lies only there.
        let twice = KeyPhrases.join([row("u v u", 2), row("u", 2)]) { _ in (2, 0) }
        #expect(twice.map(\.phrase) == ["u v u", "u"])
        #expect(KeyPhrases.join([]) { _ in (0, 0) }.isEmpty)
    }

    /// Each over-used term of `target`'s sentences against one reference sentence, every row
    /// kept, by its term: its phrase.
    private static func rows(target sentences: [[String]]) -> [String: String] {
        let target = TermCounts.count(sentences: sentences, stopList: [])
        let reference = TermCounts.count(sentences: [["k", "l", "m", "n"]], stopList: [])
        let rows = Keyness.compare(target: "2019", target, reference: reference,
                                   options: KeynessOptions(minFrequency: 1, maxPValue: 1, maxRowsPerDirection: nil))
        return Dictionary(rows.map { ($0.term, $0.phrase) }, uniquingKeysWith: { first, _ in first })
    }

    /// The keyness rows of the real directives' years, as the comparison computes them.
    private static func realRows(options: KeynessOptions) throws -> [KeynessRow] {
        let corpus = try #require(Fixtures.corpus), codebook = try #require(Fixtures.codebook)
        let documents = try CorpusAnalyzer(codebook: codebook).analyze(corpus)
        let store = YearTerms()
        for document in documents { store.add(document.terms, year: document.metadata.year) }
        let years = Set(documents.map(\.metadata.year)).sorted()
        return Keyness.compare(years: years, store.takeSums(years), options: options)
    }

    /// The sentences of a document's terms, as syllable texts.
    private static func sentences(of terms: DocumentTerms) -> [[String]] {
        let texts = terms.utf8Ends.indices.map { k in
            String(decoding: terms.utf8[(k > 0 ? terms.utf8Ends[k - 1] : 0)..<terms.utf8Ends[k]], as: UTF8.self)
        }
        let starts = terms.sentenceStarts.map(Int.init) + [terms.tokens.count]
        return zip(starts, starts.dropFirst()).map { start, end in terms.tokens[start..<end].map { texts[Int($0)] } }
    }
}
