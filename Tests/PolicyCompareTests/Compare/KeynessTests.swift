import Foundation
import Testing
@testable import PolicyCompare

@Suite("Keyness")
struct KeynessTests {
    /// One hand-checked case: counts a, b, c, d and the expected G2, p and Log Ratio.
    struct Case: Sendable, CustomTestStringConvertible {
        var a, b, c, d: Int
        var g2, p, logRatio: Double
        var testDescription: String { "a=\(a) b=\(b) c=\(c) d=\(d)" }
    }

    /// Expected values, worked by hand and checked with Python (`math`, and `scipy.stats.chi2.sf`
    /// for p):
    ///
    /// 1. a=10 b=5 c=1000 d=2000: E1 = 1000*15/3000 = 5, E2 = 2000*15/3000 = 10;
    ///    G2 = 2*(10 ln(10/5) + 5 ln(5/10)) = 2*(10 - 5) ln 2 = 10 ln 2 = 6.931471805599453;
    ///    p = erfc(sqrt(3.4657359)) = erfc(1.8616487) = 0.00846919650753501;
    ///    LR = log2((10/1000)/(5/2000)) = log2(4) = 2.
    /// 2. a=20 b=0 c=d=5000: E1 = E2 = 10; G2 = 2*(20 ln 2 + 0) = 40 ln 2 = 27.725887222397812;
    ///    p = 1.3977963343581477e-07; LR = log2((20/5000)/(0.5/5000)) = log2(40) = 5.321928094887363.
    /// 3. a=0 b=8 c=d=1000: E1 = E2 = 4; G2 = 2*(0 + 8 ln 2) = 16 ln 2 = 11.090354888959125;
    ///    p = 0.0008677787586975906; LR = log2((0.5/1000)/(8/1000)) = log2(1/16) = -4.
    /// 4. a=7 b=3 c=1234 d=5678: E1 = 12340/6912 = 1.7853009, E2 = 56780/6912 = 8.2146991;
    ///    7 ln(7/E1) = 7 * 1.3663232 = 9.5642621, 3 ln(3/E2) = 3 * -1.0073128 = -3.0219385;
    ///    G2 = 2*(9.5642621 - 3.0219385) = 13.084647283867799; p = 0.00029772588952373076;
    ///    LR = log2(7*5678/(3*1234)) = log2(10.7363587) = 3.424432875911422.
    /// 5. a=b=5 c=d=100: equal rates, G2 = 0, p = 1, LR = 0.
    static let cases: [Case] = [
        Case(a: 10, b: 5, c: 1000, d: 2000, g2: 6.931471805599453, p: 0.00846919650753501, logRatio: 2),
        Case(a: 20, b: 0, c: 5000, d: 5000, g2: 27.725887222397812, p: 1.3977963343581477e-07, logRatio: 5.321928094887363),
        Case(a: 0, b: 8, c: 1000, d: 1000, g2: 11.090354888959125, p: 0.0008677787586975906, logRatio: -4),
        Case(a: 7, b: 3, c: 1234, d: 5678, g2: 13.084647283867799, p: 0.00029772588952373076, logRatio: 3.424432875911422),
        Case(a: 5, b: 5, c: 100, d: 100, g2: 0, p: 1, logRatio: 0),
    ]

    @Test("G2, p-value and Log Ratio match hand-computed values", arguments: cases)
    func formulas(_ expected: Case) {
        let g2 = Keyness.logLikelihood(a: expected.a, b: expected.b, c: expected.c, d: expected.d)
        #expect(abs(g2 - expected.g2) < 1e-6)
        #expect(abs(Keyness.pValue(g2: g2) - expected.p) < 1e-6)
        #expect(abs(Keyness.logRatio(a: expected.a, b: expected.b, c: expected.c, d: expected.d) - expected.logRatio) < 1e-6)
    }

    @Test("p is 0.05 at the textbook critical value 3.84")
    func criticalValue() {
        #expect(abs(Keyness.pValue(g2: 3.841458820694124) - 0.05) < 1e-9)
        #expect(Keyness.pValue(g2: 0) == 1)
    }

    @Test("nothing to compare gives G2 0, never NaN")
    func degenerateCounts() {
        #expect(Keyness.logLikelihood(a: 0, b: 0, c: 100, d: 100) == 0)
        #expect(Keyness.logLikelihood(a: 3, b: 2, c: 0, d: 100) == 0)
        #expect(Keyness.logRatio(a: 3, b: 2, c: 100, d: 0) == 0)
        #expect(Keyness.compare(target: "2019", counts(["trẻ": 9]), reference: TermCounts()).isEmpty)
        // A target that is the whole corpus leaves no reference positions.
        var whole = DocumentTerms.Sum()
        whole.add(DocumentTerms(sentences: Array(repeating: ["trẻ"], count: 9), stopList: []))
        #expect(Keyness.compare(years: [2019], [2019: whole]).isEmpty)
        #expect(Keyness.compare(years: [2019, 2020], [2019: whole], options: .init(maxPValue: 1, includeUnderused: true)).isEmpty)
    }

    /// Target: 1000 unigram positions; reference: 2000.
    /// "đuối" and "xâm" both a=10 b=5: G2 = 6.931471805599453 (case 1), p = 0.0085.
    /// "gọi" a=4 b=0: E1 = 4/3, G2 = 2 * 4 ln 3 = 8.788898309344878, p = 0.0030, LR = log2(4/0.25) = 4.
    /// "em" a=976 b=1990: under-used, G2 = 0.244, p = 0.62.
    var target: TermCounts { counts(["đuối": 10, "xâm": 10, "gọi": 4, "em": 976]) }
    var reference: TermCounts { counts(["đuối": 5, "xâm": 5, "em": 1990]) }

    @Test("rows: over-used terms above minFrequency and below maxPValue, by G2 then UTF-8 bytes")
    func rowsAndOrder() {
        let rows = Keyness.compare(target: "2019", target, reference: reference)
        // Equal G2: "xâm" (0x78) sorts before "đuối" (0xC4 0x91) in byte order.
        #expect(rows.map(\.term) == ["xâm", "đuối"])
        let first = rows.first
        #expect(first?.target == "2019")
        #expect(first?.n == 1)
        #expect(first?.targetCount == 10)
        #expect(first?.referenceCount == 5)
        #expect(first?.targetTotal == 1000)
        #expect(first?.referenceTotal == 2000)
        #expect(first?.direction == .over)
        #expect(abs((first?.g2 ?? 0) - 6.931471805599453) < 1e-6)
        #expect(abs((first?.pValue ?? 1) - 0.00846919650753501) < 1e-6)
        #expect(abs((first?.logRatio ?? 0) - 2) < 1e-6)
        // The same call gives the same rows.
        #expect(Keyness.compare(target: "2019", target, reference: reference) == rows)
    }

    @Test("minFrequency, maxPValue and maxRowsPerDirection filter rows")
    func filters() {
        let lower = Keyness.compare(target: "2019", target, reference: reference, options: .init(minFrequency: 4))
        #expect(lower.map(\.term) == ["gọi", "xâm", "đuối"])
        #expect(abs((lower.first?.g2 ?? 0) - 8.788898309344878) < 1e-6)
        #expect(abs((lower.first?.logRatio ?? 0) - 4) < 1e-6)
        let strict = Keyness.compare(target: "2019", target, reference: reference, options: .init(maxPValue: 0.005))
        #expect(strict.isEmpty)
        let capped = Keyness.compare(target: "2019", target, reference: reference, options: .init(maxRowsPerDirection: 1))
        #expect(capped.map(\.term) == ["xâm"])
    }

    @Test("under-used terms come after over-used ones when asked for")
    func underused() {
        let all = Keyness.compare(
            target: "2019", target, reference: reference,
            options: .init(maxPValue: 1, includeUnderused: true)
        )
        #expect(all.map(\.term) == ["xâm", "đuối", "em"])
        #expect(all.last?.direction == .under)
        #expect(all.last.map { $0.logRatio < 0 } == true)

        // "hè" is absent from the target and 8 times in the reference (case 3): G2 = 16 ln 2.
        let summer = Keyness.compare(
            target: "2019", counts(["trẻ": 1000]), reference: counts(["trẻ": 992, "hè": 8]),
            options: .init(includeUnderused: true)
        )
        #expect(summer.map(\.term) == ["hè"])
        #expect(summer.first?.targetCount == 0)
        #expect(abs((summer.first?.g2 ?? 0) - 11.090354888959125) < 1e-6)
        #expect(abs((summer.first?.logRatio ?? 0) + 4) < 1e-6)
    }

    @Test("n-gram sizes are compared against their own totals")
    func sizes() {
        // Target: "trẻ em" 6 times in 2-token sentences, "em" alone 6 times: 18 unigram, 6 bigram positions.
        let target = TermCounts.count(
            sentences: Array(repeating: ["trẻ", "em"], count: 6) + Array(repeating: ["em"], count: 6),
            stopList: []
        )
        let reference = counts(["trẻ": 50, "em": 50])
        let rows = Keyness.compare(target: "2019", target, reference: reference, options: .init(maxPValue: 1, sizes: 2...3))
        // The reference has no bigram positions, so no size-2 row can be computed.
        #expect(rows.isEmpty)
        let unigrams = Keyness.compare(target: "2019", target, reference: reference, options: .init(maxPValue: 1, sizes: 1...1))
        #expect(unigrams.allSatisfy { $0.n == 1 && $0.targetTotal == 18 })
    }

    @Test("the real directives' years, under every kind of options, give the rows of testing every term of either side, against the reference or by syllable number within the corpus")
    func realYearsAgainstEveryTerm() throws {
        let corpus = try #require(Fixtures.corpus), codebook = try #require(Fixtures.codebook)
        let documents = try CorpusAnalyzer(codebook: codebook).analyze(corpus)
        let years = Dictionary(grouping: documents, by: \.metadata.year).mapValues { DocumentTerms.merged($0.map(\.terms)) }
        #expect(years.count > 1)
        // The years summed as the comparison sums them, the latest year's documents first so
        // that syllables are numbered differently in each year and in the corpus.
        let store = YearTerms()
        for document in documents.reversed() { store.add(document.terms, year: document.metadata.year) }
        let sums = store.takeSums(years.keys.sorted())
        // Compared in an order of their own, and with a year of no documents (no rows).
        let order = years.keys.sorted().reversed() + [1999]
        var all = TermCounts()
        for counts in years.values { all.add(counts) }
        let options: [KeynessOptions] = [
            .init(), .init(minFrequency: 1), .init(minFrequency: 0, maxPValue: 1, maxRowsPerDirection: nil),
            .init(minFrequency: 3, maxPValue: 1, maxRowsPerDirection: nil, includeUnderused: true),
            .init(minFrequency: 5, maxRowsPerDirection: 10, includeUnderused: true), .init(minFrequency: 2, sizes: 2...3),
        ]
        var rows = 0
        for option in options {
            var expectedByYear: [KeynessRow] = []
            for year in order {
                let target = years[year] ?? TermCounts()
                var reference = all
                reference.subtract(target)
                let expected = Self.everyTerm(target: String(year), target, reference: reference, options: option)
                rows += expected.count
                #expect(Keyness.compare(target: String(year), target, reference: reference, options: option) == expected, "\(year) \(option)")
                expectedByYear += expected
            }
            // Reference counts read off the corpus's sum as rows need them: the same rows.
            #expect(Keyness.compare(years: Array(order), sums, options: option) == expectedByYear, "\(option) by number")
        }
        #expect(rows > 100)
    }

    /// Keyness as first written: every term of the target (and of the reference, with
    /// under-used rows) tested against both counts.
    private static func everyTerm(target: String, _ targetCounts: TermCounts, reference: TermCounts, options: KeynessOptions) -> [KeynessRow] {
        var over: [KeynessRow] = [], under: [KeynessRow] = []
        for n in options.sizes {
            let c = targetCounts.total(n: n), d = reference.total(n: n)
            guard c > 0, d > 0 else { continue }
            let targetTerms = targetCounts.frequencies[n] ?? [:], referenceTerms = reference.frequencies[n] ?? [:]
            var candidates = Set(targetTerms.keys)
            if options.includeUnderused { candidates.formUnion(referenceTerms.keys) }
            for term in candidates {
                let a = targetTerms[term] ?? 0, b = referenceTerms[term] ?? 0
                guard Double(a) * Double(d) != Double(b) * Double(c) else { continue }
                let direction: KeynessRow.Direction = Double(a) * Double(d) > Double(b) * Double(c) ? .over : .under
                guard (direction == .over ? a : b) >= options.minFrequency, direction == .over || options.includeUnderused else { continue }
                let g2 = Keyness.logLikelihood(a: a, b: b, c: c, d: d), p = Keyness.pValue(g2: g2)
                guard p <= options.maxPValue else { continue }
                let row = KeynessRow(target: target, term: term.string, n: n, targetCount: a, referenceCount: b, targetTotal: c, referenceTotal: d,
                                     g2: g2, pValue: p, logRatio: Keyness.logRatio(a: a, b: b, c: c, d: d), direction: direction)
                if direction == .over { over.append(row) } else { under.append(row) }
            }
        }
        func strongest(_ rows: [KeynessRow]) -> [KeynessRow] {
            let sorted = rows.sorted { $0.g2 != $1.g2 ? $0.g2 > $1.g2 : $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
            let kept = options.maxRowsPerDirection.map { Array(sorted.prefix($0)) } ?? sorted
            // Phrases from the counts by text, which the comparison by syllable number must match.
            return KeyPhrases.join(kept) { run in
                let text = run.joined(separator: " ")
                return (targetCounts.frequency(of: text), reference.frequency(of: text))
            }
        }
        return strongest(over) + strongest(under)
    }

    /// Counts of one-token sentences: `frequencies` gives each token's frequency.
    private func counts(_ frequencies: [String: Int]) -> TermCounts {
        let sentences = frequencies.keys.sorted().flatMap { token in
            Array(repeating: [token], count: frequencies[token] ?? 0)
        }
        return TermCounts.count(sentences: sentences, stopList: [])
    }
}
