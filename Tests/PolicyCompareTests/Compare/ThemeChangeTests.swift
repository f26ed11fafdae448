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
                (change.kept, change.added, change.removed) = ThemeChange.diff(ThemeChange.words(previous), ThemeChange.words(theme))
            }
            return change
        }
    }
}
