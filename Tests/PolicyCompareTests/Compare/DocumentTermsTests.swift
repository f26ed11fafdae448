import Testing
@testable import PolicyCompare

@Suite("DocumentTerms")
struct DocumentTermsTests {
    let stopList: Set<String> = ["của", "và", "các", "năm"]

    private func terms(_ sentences: [[String]]) -> DocumentTerms {
        DocumentTerms(sentences: sentences, stopList: stopList)
    }

    @Test("documents merge to exactly what TermCounts counts from the same sentences")
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

    @Test("tokens numbered by spelling, out of order of first use, with sentence starts, count as their sentences")
    func bySpelling() {
        // One number per text, as TokenSpellings gives (keyed by the folded text).
        let pool = ["trẻ", "em", "của", "và", ",", ".", "2019", "các", "dân", "tộc", "x", "năm", "bé", "-"]
        var random = ExportFixtures.SeededRandom(seed: 11)
        let sentences = (0..<300).map { _ in
            (0..<Int.random(in: 0...12, using: &random)).map { _ in pool[Int.random(in: 0..<pool.count, using: &random)] }
        }
        let numbers = Dictionary(uniqueKeysWithValues: pool.reversed().enumerated().map { ($1, Int32($0)) })
        var starts: [Int32] = [], tokens: [Int32] = []
        for sentence in sentences {
            starts.append(Int32(tokens.count))
            tokens += sentence.compactMap { numbers[$0] }
        }
        let document = DocumentTerms(syllables: pool.reversed(), tokens: tokens, sentenceStarts: starts, stopList: DocumentTerms.stopKeys(stopList))
        let expected = TermCounts.count(sentences: sentences, maxN: 3, stopList: stopList)
        #expect(expected.frequencies[3, default: [:]].count > 50)
        #expect(DocumentTerms.merged([document]) == expected)

        // No starts: all one sentence; repeated starts and a first sentence before any start
        // change nothing.
        let whole = DocumentTerms(syllables: pool.reversed(), tokens: tokens, sentenceStarts: [], stopList: DocumentTerms.stopKeys(stopList))
        #expect(DocumentTerms.merged([whole]) == TermCounts.count(sentences: [sentences.flatMap { $0 }], maxN: 3, stopList: stopList))
        let repeated = DocumentTerms(syllables: pool.reversed(), tokens: tokens, sentenceStarts: Array(starts.dropFirst().flatMap { [$0, $0] }),
                                     stopList: DocumentTerms.stopKeys(stopList))
        #expect(DocumentTerms.merged([repeated]) == expected)
    }

    @Test("syllables are filed under their stable hashes, given or not; hashes that do not fit the syllables are not used")
    func syllableHashes() {
        let syllables = ["trẻ", "em", "của", ","]
        let tokens: [Int32] = [0, 1, 2, 0, 1, 3, 0, 1]
        let stopKeys = DocumentTerms.stopKeys(stopList)
        let hashed = syllables.map(StableHash.fnv1a)
        let given = DocumentTerms(syllables: syllables, hashes: hashed, tokens: tokens, sentenceStarts: [0], stopList: stopKeys)
        let computed = DocumentTerms(syllables: syllables, tokens: tokens, sentenceStarts: [0], stopList: stopKeys)
        let short = DocumentTerms(syllables: syllables, hashes: [1, 2], tokens: tokens, sentenceStarts: [0], stopList: stopKeys)
        #expect(given.syllableHashes == hashed && computed.syllableHashes == hashed && short.syllableHashes == hashed)
        #expect(terms([["trẻ", "em"]]).syllableHashes == ["trẻ", "em"].map(StableHash.fnv1a))
        let expected = TermCounts.count(sentences: [tokens.map { syllables[Int($0)] }], maxN: 3, stopList: stopList)
        #expect(DocumentTerms.merged([given]) == expected && DocumentTerms.merged([short, computed]) == DocumentTerms.merged([given, given]))
    }

    @Test("syllables given as UTF-8 and ends count as the same strings; ends that fall back or run past the bytes are cut")
    func syllablesAsUTF8() {
        let syllables = ["trẻ", "em", "của", ",", "2019", "năm"]
        let tokens: [Int32] = [0, 1, 2, 0, 1, 3, 0, 1, 4, 5, 0, 1]
        let stopKeys = DocumentTerms.stopKeys(stopList)
        let utf8 = Array(syllables.joined().utf8)
        let ends = syllables.indices.map { syllables[...$0].joined().utf8.count }
        let strings = DocumentTerms(syllables: syllables, tokens: tokens, sentenceStarts: [0, 6], stopList: stopKeys)
        let bytes = DocumentTerms(utf8: utf8, ends: ends, hashes: syllables.map(StableHash.fnv1a), tokens: tokens, sentenceStarts: [0, 6], stopList: stopKeys)
        let rehashed = DocumentTerms(utf8: utf8, ends: ends, hashes: [], tokens: tokens, sentenceStarts: [0, 6], stopList: stopKeys)
        #expect(bytes == strings && rehashed == strings)
        #expect(DocumentTerms.merged([bytes]) == TermCounts.count(sentences: [tokens[..<6].map { syllables[Int($0)] }, tokens[6...].map { syllables[Int($0)] }],
                                                                  maxN: 3, stopList: stopList))
        // Ends out of order or past the bytes: each text is cut to a run of the bytes.
        let cut = DocumentTerms(utf8: Array("treem".utf8), ends: [3, 1, 5, 99], hashes: [], tokens: [0, 1, 2, 3, 0], sentenceStarts: [0], stopList: stopKeys)
        #expect(cut.utf8Ends == [3, 3, 5, 5])
        #expect(DocumentTerms.merged([cut]) == TermCounts.count(sentences: [["tre", "", "em", "", "tre"]], maxN: 3, stopList: stopList))
    }

    @Test("adding one to each of many terms at once counts as adding them one at a time, through growth and counts past UInt32.max")
    func gramTableAddsTogether() {
        typealias Gram = DocumentTerms.Gram
        var random = ExportFixtures.SeededRandom(seed: 21)
        let grams = (0..<30_000).map { _ in
            Gram(a: Int32.random(in: 0..<60, using: &random), b: Int32.random(in: 0..<60, using: &random),
                 c: Bool.random(using: &random) ? -1 : Int32.random(in: 0..<40, using: &random))
        }
        let big = grams[0]
        var single = DocumentTerms.GramTable(), together = DocumentTerms.GramTable()
        single.add(big, Int(UInt32.max) - 3)
        together.add(big, Int(UInt32.max) - 3)
        let terms = [big, big] + grams + [big, big, big]
        for gram in terms { single.add(gram, 1) }
        terms.withUnsafeBufferPointer { together.addOne(toEach: $0) }
        func frequencies(_ table: DocumentTerms.GramTable) -> [Gram: Int] {
            var frequencies: [Gram: Int] = [:]
            table.forEach { frequencies[$0] = $1 }
            return frequencies
        }
        #expect(together.count == single.count && single.count > 10_000, "enough terms to grow the table")
        #expect(frequencies(together) == frequencies(single))
        #expect(frequencies(together)[big] == Int(UInt32.max) - 3 + terms.filter { $0 == big }.count)
    }

    @Test("sums of documents split between workers, added together, equal the sum of all of them")
    func sumsAdded() {
        var state: UInt64 = 0x5851_F42D_4C95_7F2D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // Each worker meets syllables (stop, number, punctuation, words) the other never does.
        let shared = ["trẻ", "em", "của", "và", ",", "2019", "dân", "tộc"]
        let pools = [shared + (0..<400).map { "âm\($0)" } + ["năm", ";"], shared + (0..<400).map { "ơn\($0)" } + ["các", "1999", "-"]]
        let documents = (0..<16).map { d in
            (0..<40).map { _ in (0..<(1 + next(14))).map { _ in pools[d % 2][next(pools[d % 2].count)] } }
        }
        let expected = TermCounts.count(sentences: documents.flatMap { $0 }, maxN: 3, stopList: stopList)
        // -1: even documents to the first worker, odd ones to the second; else the first
        // `split` documents to the first.
        for split in [-1, 0, 1, 8, 16] {
            var first = DocumentTerms.Sum(), second = DocumentTerms.Sum()
            for (d, document) in documents.enumerated() {
                if split < 0 ? d % 2 == 0 : d < split { first.add(terms(document)) } else { second.add(terms(document)) }
            }
            var together = first
            together.add(second)
            #expect(together.counts() == expected, "split \(split)")
            var reversed = second
            reversed.add(first)
            #expect(reversed.counts() == expected, "split \(split), other way")
        }
        var empty = DocumentTerms.Sum()
        empty.add(DocumentTerms.Sum())
        #expect(empty.counts() == TermCounts())
    }

    @Test("the gram table counts as a dictionary does, across growth, in any order of adding")
    func gramTableAgainstDictionary() {
        var random = ExportFixtures.SeededRandom(seed: 23)
        var table = DocumentTerms.GramTable()
        var expected: [DocumentTerms.Gram: Int] = [:]
        for _ in 0..<60_000 {
            let a = Int32.random(in: 0..<300, using: &random), b = Int32.random(in: 0..<300, using: &random)
            let gram = Bool.random(using: &random) ? DocumentTerms.Gram(a: a, b: b)
                : DocumentTerms.Gram(a: a, b: b, c: Int32.random(in: 0..<3, using: &random))
            let frequency = Int.random(in: 1...3, using: &random)
            table.add(gram, frequency)
            expected[gram, default: 0] += frequency
        }
        var counted: [DocumentTerms.Gram: Int] = [:]
        table.forEach { gram, frequency in counted[gram] = frequency }
        #expect(expected.count > 20_000, "enough distinct terms to grow the table")
        #expect(table.count == expected.count)
        #expect(counted == expected)
    }

    @Test("a frequency past what a slot holds (UInt32.max) is kept whole")
    func gramTableLargeFrequencies() {
        var table = DocumentTerms.GramTable()
        let big = DocumentTerms.Gram(a: 0, b: 1), small = DocumentTerms.Gram(a: 1, b: 0, c: 2)
        table.add(big, Int(UInt32.max) - 2)
        table.add(big, 1)
        table.add(small, 7)
        table.add(big, 1)
        table.add(big, 5_000_000_000)
        table.add(small, Int(UInt32.max))
        var counted: [DocumentTerms.Gram: Int] = [:]
        table.forEach { gram, frequency in counted[gram] = frequency }
        #expect(counted == [big: Int(UInt32.max) + 5_000_000_000, small: Int(UInt32.max) + 7])
    }

    @Test("edge cases count as the string path: one-token documents, stop syllables and numbers at piece ends, punctuation runs, sentence ends")
    func edgeCases() {
        let cases: [[[String]]] = [
            [], [[]], [["em"]], [["của"]], [[","]], [["2019"]], [["trẻ"], ["em"]], [["trẻ", "em"], ["nghèo", "khó"]],
            [["của", "trẻ", "em", "và"]], [["và", "2019", "các"]], [["trẻ", "của", "em", "và", "bé"]],
            [[",", "trẻ", "em", ","], [";", ";"], ["em", ",", "trẻ"]], [["trẻ", "em", "nghèo"], [], ["em", "nghèo", "trẻ"]],
            [["trẻ", ",", "em", ",", "nghèo"]], [["trẻ", "em", ",", "của", "em"]],
        ]
        for sentences in cases {
            #expect(DocumentTerms.merged([terms(sentences)]) == TermCounts.count(sentences: sentences, maxN: 3, stopList: stopList), "\(sentences)")
        }
        // No term spans the end of a sentence; positions are counted within each.
        let two = DocumentTerms.merged([terms([["trẻ", "em"], ["nghèo", "khó"]])])
        #expect(two.frequency(of: "em nghèo") == 0 && two.frequency(of: "trẻ em") == 1 && two.frequency(of: "nghèo khó") == 1)
        #expect(two.total(n: 1) == 4 && two.total(n: 2) == 2 && two.total(n: 3) == 0)
        // One-token documents, each alone in its sum and all together.
        let tokens = ["em", "của", ",", "2019", "em"]
        for token in tokens {
            let one = DocumentTerms.merged([terms([[token]])])
            #expect(one.total(n: 1) == (token == "," ? 0 : 1) && one.total(n: 2) == 0 && one.total(n: 3) == 0, "\(token)")
        }
        #expect(DocumentTerms.merged(tokens.map { terms([[$0]]) }) == TermCounts.count(sentences: tokens.map { [$0] }, maxN: 3, stopList: stopList))
    }

    @Test("the real directives: each document and each year's sum count as the string path counts their sentences")
    func realDirectives() throws {
        let corpus = try #require(Fixtures.corpus), codebook = try #require(Fixtures.codebook)
        let analyzer = try CorpusAnalyzer(codebook: codebook)
        var sentencesByYear: [Int: [[String]]] = [:], termsByYear: [Int: [DocumentTerms]] = [:]
        for document in try analyzer.analyze(corpus) {
            let sentences = Self.sentences(of: document.terms)
            #expect(DocumentTerms.merged([document.terms]) == TermCounts.count(sentences: sentences, maxN: 3, stopList: analyzer.stopList),
                    "\(document.metadata.id)")
            sentencesByYear[document.metadata.year, default: []] += sentences
            termsByYear[document.metadata.year, default: []].append(document.terms)
        }
        #expect(termsByYear.values.contains { $0.count == 1 } && termsByYear.values.contains { $0.count > 1 }, "years of one document and of more")
        for (year, terms) in termsByYear {
            let expected = TermCounts.count(sentences: sentencesByYear[year] ?? [], maxN: 3, stopList: analyzer.stopList)
            #expect(DocumentTerms.merged(terms) == expected, "\(year)")
            #expect(DocumentTerms.merged(terms.reversed()) == expected, "\(year), reversed")
        }
    }

    /// The sentences of `terms` as token texts, split where its sentences start.
    private static func sentences(of terms: DocumentTerms) -> [[String]] {
        let texts = terms.utf8Ends.indices.map { k in
            String(decoding: terms.utf8[(k > 0 ? terms.utf8Ends[k - 1] : 0)..<terms.utf8Ends[k]], as: UTF8.self)
        }
        var sentences: [[String]] = [], start = 0
        for next in terms.sentenceStarts.map(Int.init) + [terms.tokens.count] {
            let end = min(max(start, next), terms.tokens.count)
            sentences.append(terms.tokens[start..<end].map { texts[Int($0)] })
            start = end
        }
        return sentences
    }
}
