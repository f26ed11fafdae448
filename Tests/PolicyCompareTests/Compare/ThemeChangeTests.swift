import Testing
@testable import PolicyCompare

@Suite("ThemeChange")
struct ThemeChangeTests {
    /// The real directives, twice over (so that themes and pairs of themes recur), with
    /// themes moved between them.
    private func documents() throws -> [DocumentAnalysis] {
        let corpus = try #require(Fixtures.corpus), codebook = try #require(Fixtures.codebook)
        let analyses = try CorpusAnalyzer(codebook: codebook).analyze(corpus)
        var twice = analyses + analyses.reversed()
        let themes = twice.map(\.theme)
        for index in twice.indices where index % 3 == 1 { twice[index].theme = themes[(index + 2) % themes.count] }
        return twice
    }

    @Test("each document's row is what working out every document's difference gives, for every order of years")
    func sameAsEveryDocument() throws {
        let documents = try documents()
        let years = Array(Set(documents.map(\.metadata.year))).sorted()
        #expect(documents.contains { $0.theme != nil } && years.count > 2)
        for order in [years, years.reversed(), [years[1], years[0]] + years.dropFirst(2), years + [years[0]], [years[1]] + years] {
            #expect(ThemeChange.track(documents, years: order) == Self.everyDocument(documents, years: order), "\(order)")
        }
    }

    /// The rows as first written: the previous theme found, and the words split and compared,
    /// for every document.
    private static func everyDocument(_ documents: [DocumentAnalysis], years: [Int]) -> [ThemeChange] {
        var themeOfYear: [Int: String] = [:]
        for document in documents {
            if let theme = document.theme?.text, themeOfYear[document.metadata.year] == nil {
                themeOfYear[document.metadata.year] = theme
            }
        }
        return documents.map { document in
            let year = document.metadata.year
            let position = years.firstIndex(of: year) ?? 0
            let previousYear = years.prefix(position).last { themeOfYear[$0] != nil }
            let previous = previousYear.flatMap { themeOfYear[$0] }
            var change = ThemeChange(documentID: document.metadata.id, year: year, theme: document.theme?.text,
                                     previousYear: previousYear, previousTheme: previous, kept: [], added: [], removed: [])
            if let theme = document.theme?.text, let previous {
                let (old, new) = (ThemeChange.words(previous), ThemeChange.words(theme))
                (change.kept, change.added, change.removed) = ThemeChange.diff(old, new)
                change.keptRuns = ThemeChange.runs(in: new, against: old, shared: true)
                change.addedRuns = ThemeChange.runs(in: new, against: old, shared: false)
                change.removedRuns = ThemeChange.runs(in: old, against: new, shared: false)
            }
            return change
        }
    }

    @Test("the words kept, added and removed are quoted as the stretches they form in their theme, not as one bag")
    func runs() throws {
        let old = "Tạo cơ hội phát triển bình đẳng cho trẻ em nghèo và trẻ em dân tộc thiểu số"
        let new = "Chung tay vì trẻ em nghèo, trẻ em dân tộc thiểu số"
        func runs(_ text: String, _ other: String, _ shared: Bool) -> [String] {
            ThemeChange.runs(in: ThemeChange.words(text), against: ThemeChange.words(other), shared: shared)
        }
        #expect(runs(old, new, false) == ["tạo cơ hội phát triển bình đẳng cho", "và"])
        #expect(runs(new, old, false) == ["chung tay vì"])
        #expect(runs(new, old, true) == ["trẻ em nghèo trẻ em dân tộc thiểu số"])
        // A repeated word is matched once per occurrence, the first ones first, as diff matches
        // it: 2013 against 2010 adds "nghèo và trẻ em dân tộc thiểu số", after the first "trẻ em".
        let first = "Tạo cơ hội phát triển bình đẳng cho trẻ em"
        #expect(runs(old, first, false) == ["nghèo và trẻ em dân tộc thiểu số"])
        #expect(runs(old, first, true) == ["tạo cơ hội phát triển bình đẳng cho trẻ em"])
        // The runs hold the words diff gives, no more, no fewer.
        for (a, b) in [(first, old), (old, new), (new, old), (new, first)] {
            let (kept, added, removed) = ThemeChange.diff(ThemeChange.words(a), ThemeChange.words(b))
            func words(_ stretches: [String]) -> [String] { stretches.flatMap { $0.split(separator: " ").map(String.init) } }
            #expect(words(runs(b, a, true)) == kept)
            #expect(words(runs(b, a, false)) == added)
            #expect(words(runs(a, b, false)).sorted() == removed.sorted())
        }
        #expect(runs("", old, true).isEmpty)
        let codebook = try #require(Fixtures.codebook)
        let c = try Comparison.compute(try CorpusAnalyzer(codebook: codebook).analyze(try #require(Fixtures.corpus)), codebook: codebook)
        let report = TextReport.plain(ReportBuilder(strings: try ReportStrings.bundled(.en), toolVersion: "test").build(c))
        #expect(report.contains("Against 2010: kept “tạo cơ hội phát triển bình đẳng cho trẻ em”; added “nghèo và trẻ em dân tộc thiểu số”."), "\(report)")
        #expect(report.contains("Against 2013: kept “trẻ em nghèo trẻ em dân tộc thiểu số”; added “chung tay vì”; removed “tạo cơ hội phát triển bình đẳng cho”, “và”."), "\(report)")
    }
}
