import Foundation
import Testing
@testable import PolicyCompare

@Suite("ReportBuilder")
struct ReportBuilderTests {
    @Test("numbers take the report language's decimal mark: 9.1 in English, 9,1 in Vietnamese, whose 1.000 is a thousand")
    func decimalMarkFollowsTheLanguage() throws {
        let en = try ReportStrings.bundled(.en), vi = try ReportStrings.bundled(.vi)
        #expect(en.decimal(9.06, places: 1) == "9.1" && vi.decimal(9.06, places: 1) == "9,1")
        #expect(en.decimal(-0.5, places: 2) == "-0.50" && vi.decimal(1, places: 2) == "1,00")
        let corpus = try #require(Fixtures.corpus), codebook = try #require(Fixtures.codebook)
        let c = try Comparison.compute(try CorpusAnalyzer(codebook: codebook).analyze(corpus), codebook: codebook)
        let english = TextReport.plain(ReportBuilder(strings: en, toolVersion: "test").build(c))
        let vietnamese = TextReport.plain(ReportBuilder(strings: vi, toolVersion: "test").build(c))
        #expect(english.contains("per 1,000 syllables 9.1 / 6.3 / 1.6 / 1.2"))
        #expect(english.contains("13 distinct slogans; 1 recurs in more than one year"), "a singular count takes the singular form")
        #expect(en("slogans.intro", one: 2, 13, 2).contains("; 2 recur in"))
        #expect(vietnamese.contains("trên 1.000 âm tiết 9,1 / 6,3 / 1,6 / 1,2"))
        let html = HTMLReport.render(ReportBuilder(strings: vi, toolVersion: "test").build(c), comparison: c, strings: vi)
        #expect(html.contains(", 1,2 / 1000</title>") && !html.contains(", 1.2 / 1000</title>"))
    }

    @Test("a stretch of a theme's words kept, added or removed in two places is quoted once")
    func themeStretchesQuotedOnce() throws {
        let corpus = try #require(Fixtures.corpus), codebook = try #require(Fixtures.codebook)
        var analyses = try CorpusAnalyzer(codebook: codebook).analyze(corpus)
        let index = try #require(analyses.firstIndex { $0.metadata.id == "2014-molisa" })
        let theme = try #require(analyses.first { $0.theme != nil }?.theme)
        analyses[index].theme = theme
        analyses[index].theme?.text = "Chung tay bảo vệ trẻ em, phòng chống dịch bệnh vì trẻ em"
        let c = try Comparison.compute(analyses, codebook: codebook)
        #expect(c.themes.first { $0.documentID == "2014-molisa" }?.keptRuns == ["trẻ em", "trẻ em"], "kept in two places")
        let report = TextReport.plain(ReportBuilder(strings: try ReportStrings.bundled(.en), toolVersion: "test").build(c))
        let line = try #require(report.split(separator: "\n").first { $0.hasPrefix("  - 2014: “Chung tay") })
        #expect(line.contains("Against 2013: kept “trẻ em”; added") && !line.contains("“trẻ em”, “trẻ em”"), "\(line)")
    }

    @Test("key terms are listed once per phrase: its own row's G2 and counts as in keyness.csv, or a joined phrase's strongest term's")
    func keyTermsByPhrase() throws {
        let corpus = try #require(Fixtures.corpus), codebook = try #require(Fixtures.codebook)
        let c = try Comparison.compute(try CorpusAnalyzer(codebook: codebook).analyze(corpus), codebook: codebook)
        let report = TextReport.plain(ReportBuilder(strings: try ReportStrings.bundled(.en), toolVersion: "test").build(c))
        let keyTerms = try #require(report.components(separatedBy: "Key terms by year").last)
        let line = try #require(keyTerms.split(separator: "\n").first { $0.hasPrefix("  - 2014: ") })
        // Joined: "vệ chăm" (G2 38.337) is the strongest of "bảo vệ chăm sóc", which has no row.
        #expect(line.hasPrefix("  - 2014: bảo vệ chăm sóc (G2 38.3, 21/12); chăm sóc trẻ em (G2 34.1, 17/8); "))
        #expect(!line.contains("; vệ chăm sóc") && !line.contains("; sóc trẻ em ("))
        // A phrase that is a row of its own shows that row: "kế hoạch" 7.581, not "kế" 7.671.
        let row = try #require(c.keyness.first { $0.target == "2013" && $0.term == "kế hoạch" })
        #expect(c.keyness.contains { $0.target == "2013" && $0.term == "kế" && $0.phrase == "kế hoạch" && $0.g2 > row.g2 })
        #expect(report.contains("; kế hoạch (G2 7.6, 7/20)"))
    }

    @Test("a Vietnamese report names the manifest's levels and common kinds in Vietnamese; an English one, and an unknown code, as written")
    func levelsAndKindsFollowTheLanguage() throws {
        let en = try ReportStrings.bundled(.en), vi = try ReportStrings.bundled(.vi)
        let corpus = try #require(Fixtures.corpus), codebook = try #require(Fixtures.codebook)
        let c = try Comparison.compute(try CorpusAnalyzer(codebook: codebook).analyze(corpus), codebook: codebook)
        let english = TextReport.plain(ReportBuilder(strings: en, toolVersion: "test").build(c))
        let vietnamese = TextReport.plain(ReportBuilder(strings: vi, toolVersion: "test").build(c))
        // The corpus table's row of a document: its cells, split at runs of two spaces or more.
        func row(_ report: String, _ id: String) -> [String] {
            let line = report.split(separator: "\n").first { $0.hasPrefix("  \(id) ") } ?? ""
            return line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        #expect(row(english, "2019-kien-giang").prefix(4) == ["2019-kien-giang", "2019", "provincial", "plan"])
        #expect(english.contains("2010: national; 2013: national; 2014: national; 2019: provincial"))
        #expect(row(vietnamese, "2019-kien-giang").prefix(4) == ["2019-kien-giang", "2019", "tỉnh", "kế hoạch"])
        #expect(row(vietnamese, "2010-molisa").prefix(4) == ["2010-molisa", "2010", "trung ương", "công văn"])
        #expect(vietnamese.contains("2010: trung ương; 2013: trung ương; 2014: trung ương; 2019: tỉnh"))
        #expect(!vietnamese.contains("provincial") && !vietnamese.contains("national"))
        #expect(vi.code("level", "commune") == "xã" && vi.code("kind", "memo") == "memo" && en.code("level", "district") == "district")
        #expect(vi.code("kind", "Plan") == "kế hoạch" && vi.code("level", "PROVINCIAL") == "tỉnh", "in any case")
        #expect(ReportBuilder.byRank(["provincial", "ward", "commune", "national", "district"]) == ["national", "provincial", "district", "commune", "ward"])
    }

    @Test("a long quote is cut at spaces: every word shown is whole, as in the source")
    func quotesAreCutBetweenWords() {
        let words = (0..<80).map { "từ\($0)" }
        let sentence = words.joined(separator: " ")
        for match in ["từ0", "từ40", "từ79", "từ33 từ34"] {
            let quote = ReportBuilder.shorten(sentence, around: match)
            let inner = quote.trimmingCharacters(in: CharacterSet(charactersIn: "…"))
            #expect(sentence.contains(inner), "\(match): not the source's words")
            let shown = inner.split(separator: " ").map(String.init)
            #expect(shown.allSatisfy(words.contains), "\(match): a word was cut: \(quote)")
            #expect(quote.contains(match) && inner.count <= 220 + 2 * ReportBuilder.wordReach, "\(match): \(quote)")
            #expect(quote.hasPrefix("…") == (shown.first != words.first) && quote.hasSuffix("…") == (shown.last != words.last), "\(match): \(quote)")
        }
        // The report's example from 2019-kien-giang: the window began one letter into "Thực".
        let kienGiang = "Thực hiện hiệu quả hơn các chính sách, chương trình và vận động xã hội để giảm khoảng cách về cơ hội phát triển và tiếp cận các dịch vụ chăm sóc y tế, giáo dục, bảo vệ, chăm sóc trẻ em, nước sạch và các dịch vụ phúc lợi xã hội của trẻ em giữa các vùng kinh tế - xã hội"
        let quote = ReportBuilder.shorten(kienGiang, around: "giảm khoảng cách")
        let sourceWords = Set(kienGiang.split(separator: " "))
        #expect(quote.trimmingCharacters(in: CharacterSet(charactersIn: "…")).split(separator: " ").allSatisfy(sourceWords.contains), "\(quote)")
        #expect(quote.hasPrefix("Thực hiện") && quote.hasSuffix("…"), "\(quote)")
        // A run of 500 letters without a space is cut where it must be, near the window.
        let long = String(repeating: "a", count: 500) + " tảo hôn"
        let cut = ReportBuilder.shorten(long, around: "tảo hôn")
        #expect(cut.hasPrefix("…") && cut.hasSuffix("tảo hôn") && cut.count <= 222, "\(cut.count)")
    }

    @Test("the quote of a category's year is its shortest sentence of 60 characters or more, else its longest shorter one")
    func shortestEvidence() throws {
        let corpus = try #require(Fixtures.corpus)
        let codebook = try #require(Fixtures.codebook)
        let c = try Comparison.compute(try CorpusAnalyzer(codebook: codebook).analyze(corpus), codebook: codebook)
        var fullCases = 0, shortCases = 0
        let requests = codebook.categories.flatMap { category in c.years.map { ReportBuilder.QuoteRequest(categoryID: category.id, year: $0) } }
        let quotes = ReportBuilder.shortestEvidence(requests, in: c)
        for category in codebook.categories.map(\.id) {
            for year in c.years {
                let all = c.documents.filter { $0.metadata.year == year }.flatMap { $0.coding.evidence(of: category) }
                let full = all.filter { $0.sentence.count >= 60 }
                let expected = full.isEmpty
                    ? all.min { (-$0.sentence.count, $0.documentID, $0.matchRange.lowerBound) < (-$1.sentence.count, $1.documentID, $1.matchRange.lowerBound) }
                    : full.min { ($0.sentence.count, $0.documentID, $0.matchRange.lowerBound) < ($1.sentence.count, $1.documentID, $1.matchRange.lowerBound) }
                #expect(quotes[ReportBuilder.QuoteRequest(categoryID: category, year: year)] == expected, "\(category) \(year)")
                if !full.isEmpty { fullCases += 1 } else if !all.isEmpty { shortCases += 1 }
            }
        }
        #expect(fullCases > 50 && shortCases > 0, "both rules are exercised (\(fullCases) and \(shortCases))")
        #expect(quotes.count == fullCases + shortCases, "a quote for every category and year with evidence, and no other")
        let one = try #require(requests.first { quotes[$0] != nil })
        #expect(ReportBuilder.shortestEvidence([one], in: c) == [one: quotes[one]], "asked alone, the same quote")
    }
}
