import Foundation

/// Keyness: which terms distinguish a target text group (a year) from a reference.
///
/// For a term of size n with frequency a in the target and b in the reference, and
/// c and d n-gram positions of that size in target and reference (see ``TermCounts``):
///
/// - expected frequencies `E1 = c * (a + b) / (c + d)`, `E2 = d * (a + b) / (c + d)`;
/// - log-likelihood `G2 = 2 * (a * ln(a / E1) + b * ln(b / E2))`, where a zero count
///   contributes 0 (the limit of x ln x), as in Dunning (1993) and Rayson and Garside (2000);
/// - p-value: the upper tail of chi-square with one degree of freedom,
///   `p = erfc(sqrt(G2 / 2))`;
/// - effect size: Hardie's (2014) Log Ratio `log2((a / c) / (b / d))`, with a zero count
///   replaced by 0.5 so a term absent from one side gets a finite, conservative value.
///
/// G2 says how sure we are that the frequencies differ; Log Ratio says by how much (one unit
/// is a doubling). Rows carry both because G2 grows with corpus size while Log Ratio does not.
public enum Keyness {
    /// Compares `targetCounts` with `reference` and returns the key terms of the target.
    ///
    /// Rows are sorted by direction (`over` first), then G2 descending, then term in UTF-8
    /// byte order, and cut to `options.maxRowsPerDirection` per direction. No rows come out
    /// when either side has no positions of a size.
    public static func compare(
        target: String,
        _ targetCounts: TermCounts,
        reference: TermCounts,
        options: KeynessOptions = .init()
    ) -> [KeynessRow] {
        var over: [KeynessRow] = []
        var under: [KeynessRow] = []
        for n in options.sizes {
            let c = targetCounts.total(n: n)
            let d = reference.total(n: n)
            guard c > 0, d > 0 else { continue }
            let targetTerms = targetCounts.frequencies[n] ?? [:]
            let referenceTerms = reference.frequencies[n] ?? [:]
            // Without under-used rows, a row needs the target's count to reach minFrequency;
            // most terms of a year occur once or twice, and only the others are looked up in
            // the reference (a set of every term and two look-ups each were most of the work).
            for (term, a) in targetTerms where options.includeUnderused || a >= options.minFrequency {
                let b = referenceTerms[term] ?? 0
                guard let row = row(target: target, term: term.string, n: n, a: a, b: b, c: c, d: d, options: options) else { continue }
                if row.direction == .over { over.append(row) } else { under.append(row) }
            }
            if options.includeUnderused {
                // A term the target lacks has all its count in the reference.
                for (term, b) in referenceTerms where targetTerms[term] == nil {
                    guard let row = row(target: target, term: term.string, n: n, a: 0, b: b, c: c, d: d, options: options) else { continue }
                    under.append(row)
                }
            }
        }
        func counts(_ run: ArraySlice<Substring>) -> (target: Int, reference: Int) {
            let text = run.joined(separator: " ")
            return (targetCounts.frequency(of: text), reference.frequency(of: text))
        }
        return KeyPhrases.join(strongest(over, limit: options.maxRowsPerDirection), overlapCounts: counts)
            + KeyPhrases.join(strongest(under, limit: options.maxRowsPerDirection), overlapCounts: counts)
    }

    /// The rows of each of `years` against the rest of the corpus, year after year: each
    /// year's are those of ``compare(target:_:reference:options:)`` with the year's counts in
    /// `sums` as target and the other years' together as reference.
    ///
    /// The counts stay keyed by syllable number: a year's terms are looked up in the corpus's
    /// sum through the numbers there of its syllables, a reference count is the corpus's less
    /// the year's, and a term's text is made only for a row. Keying every term of every year
    /// and of the corpus by its text first was over 5% of a run of two hundred plans, for the
    /// few hundred terms that make rows.
    static func compare(years: [Int], _ sums: [Int: DocumentTerms.Sum], options: KeynessOptions = .init()) -> [KeynessRow] {
        var corpus = DocumentTerms.Sum()
        var numbers: [Int: [Int32]] = [:]
        for year in sums.keys.sorted() {
            if let sum = sums[year] { numbers[year] = corpus.add(sum) }
        }
        let whole = corpus, renumbering = numbers
        return Parallel.map(years) { year in
            rows(target: year, sums[year] ?? DocumentTerms.Sum(), numbers: renumbering[year] ?? [], within: whole, options: options)
        }.flatMap { $0 }
    }

    /// The rows of `year`, whose counts are `sum` and part of `corpus`, where its syllable
    /// numbered k is numbered `numbers[k]`.
    private static func rows(target year: Int, _ sum: DocumentTerms.Sum, numbers: [Int32], within corpus: DocumentTerms.Sum,
                             options: KeynessOptions) -> [KeynessRow] {
        let target = String(year)
        // Positions of each size in the year and in the rest of the corpus, by size less one;
        // no rows of a size either lacks or that the options leave out.
        let sizes = (1...DocumentTerms.maxN).map { n in
            (n: n, c: sum.total(n: n), d: corpus.total(n: n) - sum.total(n: n))
        }
        let compared = sizes.map { options.sizes.contains($0.n) && $0.c > 0 && $0.d > 0 }
        var over: [KeynessRow] = []
        var under: [KeynessRow] = []
        func renumbered(_ id: Int32, _ numbers: [Int32]) -> Int32 {
            id < 0 ? -1 : numbers[Int(id)]
        }
        sum.forEachTerm { term, a in
            let (n, c, d) = sizes[term.size - 1]
            guard compared[n - 1], options.includeUnderused || a >= options.minFrequency else { return }
            let inCorpus = DocumentTerms.Gram(a: renumbered(term.a, numbers), b: renumbered(term.b, numbers), c: renumbered(term.c, numbers))
            let b = corpus.frequency(of: inCorpus) - a
            guard let row = row(target: target, term: sum.text(of: term), n: n, a: a, b: b, c: c, d: d, options: options) else { return }
            if row.direction == .over { over.append(row) } else { under.append(row) }
        }
        if options.includeUnderused {
            // A term the year lacks has all the corpus's count in the reference.
            var local = [Int32](repeating: -1, count: corpus.syllableCount)
            for (k, number) in numbers.enumerated() { local[Int(number)] = Int32(truncatingIfNeeded: k) }
            corpus.forEachTerm { term, b in
                let (n, c, d) = sizes[term.size - 1]
                guard compared[n - 1] else { return }
                let inYear = DocumentTerms.Gram(a: renumbered(term.a, local), b: renumbered(term.b, local), c: renumbered(term.c, local))
                // A syllable the year never met has the number -1 there, which no term of it has.
                guard inYear.a < 0 || (term.b >= 0 && inYear.b < 0) || (term.c >= 0 && inYear.c < 0)
                    || sum.frequency(of: inYear) == 0 else { return }
                guard let row = row(target: target, term: corpus.text(of: term), n: n, a: 0, b: b, c: c, d: d, options: options) else { return }
                under.append(row)
            }
        }
        // The runs that key terms share, looked up by their syllables' text: only the kept
        // rows' overlaps are, a few per year.
        func counts(_ run: ArraySlice<Substring>) -> (target: Int, reference: Int) {
            // The run as a term of `table`'s syllable numbers; nil when it lacks one of them.
            func gram(_ table: DocumentTerms.Sum) -> DocumentTerms.Gram? {
                guard let first = run.first, let a = table.number(of: first) else { return nil }
                guard run.count == 2 else { return run.count == 1 ? DocumentTerms.Gram(a: a, b: -1) : nil }
                guard let last = run.last, let b = table.number(of: last) else { return nil }
                return DocumentTerms.Gram(a: a, b: b)
            }
            guard let inCorpus = gram(corpus) else { return (-1, -1) }
            let target = gram(sum).map { sum.frequency(of: $0) } ?? 0
            return (target, corpus.frequency(of: inCorpus) - target)
        }
        return KeyPhrases.join(strongest(over, limit: options.maxRowsPerDirection), overlapCounts: counts)
            + KeyPhrases.join(strongest(under, limit: options.maxRowsPerDirection), overlapCounts: counts)
    }

    /// The row of `term`, of size `n`, with a of c positions in the target and b of d in the
    /// reference; nil when `options` leave it out (no direction, too rare where it is
    /// over-used, under-used when those are not asked for, or above the largest p-value).
    /// The term's text is made only for a row.
    private static func row(target: String, term: @autoclosure () -> String, n: Int, a: Int, b: Int, c: Int, d: Int,
                            options: KeynessOptions) -> KeynessRow? {
        guard let direction = direction(a: a, b: b, c: c, d: d) else { return nil }
        let overusedCount = direction == .over ? a : b
        guard overusedCount >= options.minFrequency else { return nil }
        if direction == .under && !options.includeUnderused { return nil }
        let g2 = logLikelihood(a: a, b: b, c: c, d: d)
        let p = pValue(g2: g2)
        guard p <= options.maxPValue else { return nil }
        return KeynessRow(
            target: target, term: term(), n: n,
            targetCount: a, referenceCount: b, targetTotal: c, referenceTotal: d,
            g2: g2, pValue: p, logRatio: logRatio(a: a, b: b, c: c, d: d),
            direction: direction
        )
    }

    /// Log-likelihood G2 of frequencies a (of c positions) against b (of d positions).
    ///
    /// Returns 0 when there is nothing to compare (a + b = 0, or c or d is 0).
    public static func logLikelihood(a: Int, b: Int, c: Int, d: Int) -> Double {
        guard a + b > 0, c > 0, d > 0 else { return 0 }
        let observed = Double(a + b)
        let all = Double(c + d)
        let e1 = Double(c) * observed / all
        let e2 = Double(d) * observed / all
        let g2 = 2 * (xLogRatio(Double(a), e1) + xLogRatio(Double(b), e2))
        // Rounding can leave a tiny negative value when the rates are equal; G2 is never below 0.
        return max(0, g2)
    }

    /// Upper-tail probability of `g2` under chi-square with one degree of freedom.
    ///
    /// For one degree of freedom the chi-square variable is the square of a standard normal,
    /// so `P(X > g2) = P(|Z| > sqrt(g2)) = erfc(sqrt(g2 / 2))`: no incomplete gamma needed.
    public static func pValue(g2: Double) -> Double {
        guard g2 > 0 else { return 1 }
        return erfc((g2 / 2).squareRoot())
    }

    /// Hardie's Log Ratio `log2((a / c) / (b / d))`, a zero count taken as 0.5.
    ///
    /// Returns 0 when c or d is 0 (no relative frequency to compare).
    public static func logRatio(a: Int, b: Int, c: Int, d: Int) -> Double {
        guard c > 0, d > 0 else { return 0 }
        let adjustedA = a == 0 ? 0.5 : Double(a)
        let adjustedB = b == 0 ? 0.5 : Double(b)
        return log2((adjustedA / Double(c)) / (adjustedB / Double(d)))
    }

    /// `over` when the target rate a/c exceeds the reference rate b/d, `under` when it is
    /// lower, `nil` when they are equal (no direction to report).
    private static func direction(a: Int, b: Int, c: Int, d: Int) -> KeynessRow.Direction? {
        // Cross-multiplied in Double: exact for any realistic corpus, and immune to Int overflow.
        let targetSide = Double(a) * Double(d)
        let referenceSide = Double(b) * Double(c)
        if targetSide > referenceSide { return .over }
        if targetSide < referenceSide { return .under }
        return nil
    }

    /// `x * ln(x / expected)`, with the limit 0 at x = 0.
    private static func xLogRatio(_ x: Double, _ expected: Double) -> Double {
        x > 0 ? x * log(x / expected) : 0
    }

    private static func strongest(_ rows: [KeynessRow], limit: Int?) -> [KeynessRow] {
        let sorted = rows.sorted { lhs, rhs in
            if lhs.g2 != rhs.g2 { return lhs.g2 > rhs.g2 }
            return lhs.term.utf8.lexicographicallyPrecedes(rhs.term.utf8)
        }
        guard let limit else { return sorted }
        return Array(sorted.prefix(max(0, limit)))
    }
}
