/// The years side by side: presence and intensity of every category, change status, key
/// terms, themes, slogans, references, actors and reused passages.
public struct Comparison: Sendable {
    /// Per year and category.
    public struct YearCategory: Sendable, Hashable {
        public var year: Int
        public var categoryID: String
        public var documentsPresent: Int
        public var documentsTotal: Int
        public var matches: Int
        public var syllables: Int
        public var per1000: Double { syllables > 0 ? Double(matches) * 1000 / Double(syllables) : 0 }
        public var present: Bool { documentsPresent > 0 }
    }

    /// A category's course over the compared years.
    public struct CategoryChange: Sendable, Hashable {
        public var categoryID: String
        public var status: ChangeStatus
        public var firstYear: Int?
        public var lastYear: Int?
        public var yearsPresent: [Int]
        /// Against the baseline year, for every other compared year.
        public var baseline: [BaselineRow]
    }

    /// One compared year against the baseline year, for one category.
    public struct BaselineRow: Sendable, Hashable {
        public var year: Int
        public var change: BaselineChange
        /// Matches per 1,000 syllables in the year minus in the baseline year.
        public var per1000Change: Double
    }

    public var years: [Int]
    public var baselineYear: Int
    /// Documents of the compared years, in year order then id.
    public var documents: [DocumentAnalysis]
    public var codebook: Codebook
    public var byYear: [YearCategory]
    public var changes: [CategoryChange]
    public var keyness: [KeynessRow]
    public var themes: [ThemeChange]
    public var slogans: [SloganHistory]
    public var references: [ReferenceHistory]
    public var reuse: ReuseResult
    /// Things a reader should know before trusting a comparison (mixed levels, lengths).
    public var caveats: [Caveat]
    /// Documents of the corpus left out because they could not be read (`--skip-invalid`).
    public var skipped: [SkippedDocument] = []

    /// Compares the documents of `all` in the years of `options`.
    ///
    /// `terms`, when given, holds the documents' n-gram counts by year and hands them over (``YearTerms/takeSums(_:)``: a store serves one comparison; their own ``DocumentAnalysis/terms``
    /// then being empty, as ``CorpusAnalyzer`` leaves them when it fills a ``YearTerms``);
    /// otherwise the documents' own counts are summed.
    public static func compute(
        _ all: [DocumentAnalysis], codebook: Codebook, options: ComparisonOptions = .init(), terms: YearTerms? = nil
    ) throws(ComparisonError) -> Comparison {
        guard !all.isEmpty else { throw .noDocuments }
        let available = Array(Set(all.map(\.metadata.year))).sorted()
        var seen = Set<Int>()
        for year in options.years ?? [] {
            guard available.contains(year) else { throw .yearNotInCorpus(year, available: available) }
            guard seen.insert(year).inserted else { throw .duplicateYear(year) }
        }
        // Statuses (new, dropped), previous years and baselines read the years in time order,
        // whatever order they were named in.
        let years = options.years?.sorted() ?? available
        let baselineYear = options.baseline ?? years.first ?? 0
        guard years.contains(baselineYear) else { throw .baselineNotCompared(baselineYear, years: years) }
        let order = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($0.element, $0.offset) })
        let documents = all.filter { order[$0.metadata.year] != nil }
            .sorted { (order[$0.metadata.year] ?? 0, $0.metadata.id) < (order[$1.metadata.year] ?? 0, $1.metadata.id) }

        var byYear: [YearCategory] = []
        var table: [Int: [String: YearCategory]] = [:]
        // Each category's row adds, over the year's documents, the document's first count
        // with the category's id. One pass per year over the documents' counts, each id
        // looked up once: not a search of every document's counts for every category, which
        // also copied every document (all it holds retained) for every category.
        let categories = codebook.categories
        let firstIndex = Dictionary(categories.enumerated().map { ($0.element.id, $0.offset) }) { first, _ in first }
        let slots = categories.map { firstIndex[$0.id] ?? 0 }
        var yearOfDocument: [Int: [Int]] = [:]
        for d in documents.indices { yearOfDocument[documents[d].metadata.year, default: []].append(d) }
        for year in years {
            var matches = [Int](repeating: 0, count: categories.count), present = matches
            var counted = [Bool](repeating: false, count: categories.count)
            var syllables = 0
            let docs = yearOfDocument[year] ?? []
            for d in docs {
                let coding = documents[d].coding
                syllables += coding.syllables
                for i in counted.indices { counted[i] = false }
                for (position, count) in coding.counts.enumerated() {
                    // Codings list their counts in codebook order, so the id at the same place
                    // is nearly always the one.
                    let slot = position < categories.count && categories[position].id == count.categoryID
                        ? slots[position] : firstIndex[count.categoryID]
                    guard let slot, !counted[slot] else { continue }
                    counted[slot] = true
                    matches[slot] += count.matches
                    if count.present { present[slot] += 1 }
                }
            }
            for (c, category) in categories.enumerated() {
                let row = YearCategory(year: year, categoryID: category.id, documentsPresent: present[slots[c]], documentsTotal: docs.count,
                                       matches: matches[slots[c]], syllables: syllables)
                byYear.append(row)
                table[year, default: [:]][category.id] = row
            }
        }

        let changes = codebook.categories.map { category -> CategoryChange in
            let rows = years.compactMap { table[$0]?[category.id] }
            let present = rows.map(\.present)
            let yearsPresent = rows.filter(\.present).map(\.year)
            let base = table[baselineYear]?[category.id]
            let baseline = rows.filter { $0.year != baselineYear }.map { row in
                BaselineRow(year: row.year, change: BaselineChange.of(baseline: base?.present ?? false, year: row.present),
                            per1000Change: row.per1000 - (base?.per1000 ?? 0))
            }
            return CategoryChange(categoryID: category.id, status: ChangeStatus.of(present), firstYear: yearsPresent.first,
                                  lastYear: yearsPresent.last, yearsPresent: yearsPresent, baseline: baseline)
        }

        var keyness: [KeynessRow] = []
        if years.count > 1 {
            // Each document is summed once, into its year; a year's reference is the whole
            // corpus minus that year, so the cost does not grow with years times documents.
            // Its counts are read off the corpus's as rows need them, never built.
            let sums: [Int: DocumentTerms.Sum]
            if let terms {
                sums = terms.takeSums(years)
            } else {
                let store = YearTerms()
                for doc in documents { store.add(doc.terms, year: doc.metadata.year) }
                sums = store.takeSums(years)
            }
            keyness = Keyness.compare(years: years, sums, options: options.keyness)
        }

        let reuse = TextReuse.detect(documents.map { ReuseInput(documentID: $0.metadata.id, tokens: $0.reuseTokens) }, options: options.reuse)
        // Four independent serial passes over the documents, two on each core.
        let ((themes, slogans), (references, caveats)) = Parallel.both(
            { (ThemeChange.track(documents, years: years), SloganHistory.track(documents, threshold: options.sloganSimilarity)) },
            { (ReferenceHistory.track(documents, years: years), Caveat.find(documents, years: years)) })

        return Comparison(
            years: years, baselineYear: baselineYear, documents: documents, codebook: codebook, byYear: byYear, changes: changes,
            keyness: keyness, themes: themes, slogans: slogans, references: references, reuse: reuse, caveats: caveats)
    }

    /// The row for a year and category.
    public func row(year: Int, category: String) -> YearCategory? {
        byYear.first { $0.year == year && $0.categoryID == category }
    }

    /// By category, the years in which it is present only through context paragraphs (the
    /// ``Caveat/contextOnly(_:)`` caveat), for the reports to mark.
    public var contextOnlyYears: [String: Set<Int>] {
        var years: [String: Set<Int>] = [:]
        for case .contextOnly(let mentions) in caveats {
            for mention in mentions { years[mention.categoryID, default: []].insert(mention.year) }
        }
        return years
    }
}
