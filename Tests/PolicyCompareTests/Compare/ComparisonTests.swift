import Foundation
import Testing
@testable import PolicyCompare

@Suite struct ChangeStatusTests {
    @Test(arguments: [
        ([true, true, true], ChangeStatus.continuing),
        ([false, true, true], .new),
        ([false, false, true], .new),
        ([true, false, false], .dropped),
        ([true, true, false], .dropped),
        ([true, false, true], .intermittent),
        ([false, true, false], .intermittent),
        ([false, false, false], .absent),
        ([true], .continuing),
        ([false], .absent),
    ])
    func rules(presence: [Bool], status: ChangeStatus) {
        #expect(ChangeStatus.of(presence) == status)
    }

    @Test func baselineChanges() {
        #expect(BaselineChange.of(baseline: false, year: true) == .gained)
        #expect(BaselineChange.of(baseline: true, year: false) == .lost)
        #expect(BaselineChange.of(baseline: true, year: true) == .kept)
        #expect(BaselineChange.of(baseline: false, year: false) == BaselineChange.none)
    }
}

@Suite struct ComparisonTests {
    static let codebook = """
        category_id,dimension,parent_id,label_en,label_vi,definition,patterns,exclusions
        marriage,theme,,Child marriage,Tảo hôn,,tảo hôn,
        drowning,theme,,Drowning,Đuối nước,,đuối nước,
        climate,theme,,Climate,Biến đổi khí hậu,,biến đổi khí hậu,
        online,theme,,Online,Môi trường mạng,,môi trường mạng,
        water,theme,,Water,Nước sạch,,nước sạch,
        """

    /// A small corpus: 2010 and 2013 one letter each, 2019 two plans.
    static func corpus() throws -> (Corpus, Codebook) {
        let root = try Fixtures.temporaryFolder()
        let files = [
            ("a2010", 2010, "national", "Phòng chống đuối nước. Ứng phó biến đổi khí hậu. Cung cấp nước sạch."),
            ("b2013", 2013, "national", "Phòng chống đuối nước và tảo hôn."),
            ("c2019", 2019, "provincial", "Phòng chống đuối nước, tảo hôn. Cung cấp nước sạch."),
            ("d2019", 2019, "provincial", "An toàn trên môi trường mạng; phòng chống tảo hôn."),
        ]
        var manifest = "document_id,year,file,issuer,level,kind\n"
        for (id, year, level, text) in files {
            try Data(text.utf8).write(to: root.appendingPathComponent("\(id).txt"))
            manifest += "\(id),\(year),\(id).txt,Test,\(level),letter\n"
        }
        try Data(manifest.utf8).write(to: root.appendingPathComponent("manifest.csv"))
        let codebook = try #require(try CodebookLoader.check(codebook, file: "t.csv").0)
        return (try Corpus.load(root), codebook)
    }

    static func compare(_ options: ComparisonOptions = .init()) throws -> Comparison {
        let (corpus, codebook) = try corpus()
        let analyses = try CorpusAnalyzer(codebook: codebook).analyze(corpus)
        return try Comparison.compute(analyses, codebook: codebook, options: options)
    }

    @Test func statusesOnAHandMadeCorpus() throws {
        let c = try Self.compare()
        #expect(c.years == [2010, 2013, 2019])
        let status = Dictionary(uniqueKeysWithValues: c.changes.map { ($0.categoryID, $0.status) })
        #expect(status == ["drowning": .continuing, "marriage": .new, "climate": .dropped, "water": .intermittent, "online": .new])
        let marriage = try #require(c.changes.first { $0.categoryID == "marriage" })
        #expect(marriage.firstYear == 2013 && marriage.lastYear == 2019 && marriage.yearsPresent == [2013, 2019])
        #expect(c.changes.first { $0.categoryID == "online" }?.firstYear == 2019)
    }

    @Test func yearsHoldSeveralDocuments() throws {
        let c = try Self.compare()
        let marriage2019 = try #require(c.row(year: 2019, category: "marriage"))
        #expect((marriage2019.documentsPresent, marriage2019.documentsTotal, marriage2019.matches) == (2, 2, 2))
        let online2019 = try #require(c.row(year: 2019, category: "online"))
        #expect((online2019.documentsPresent, online2019.documentsTotal) == (1, 2))
        #expect(abs(marriage2019.per1000 - 2000.0 / Double(marriage2019.syllables)) < 1e-9)
        #expect(c.caveats.contains(.severalDocuments(year: 2019, count: 2)))
        #expect(c.caveats.contains { if case .mixedLevels = $0 { true } else { false } })
    }

    @Test("one compared year is a caveat: its statuses say no more than present in that year")
    func aSingleYearIsACaveat() throws {
        let one = try Self.compare(ComparisonOptions(years: [2019]))
        #expect(one.caveats.contains(.singleYear(2019)))
        #expect(!(try Self.compare()).caveats.contains { if case .singleYear = $0 { true } else { false } })
        let report = TextReport.plain(ReportBuilder(strings: try ReportStrings.bundled(.en), toolVersion: "test").build(one))
        #expect(report.contains("only 2019 is compared: nothing can be new, dropped or intermittent, so \"continuing\" below means no more than \"present in 2019\""))
        let vi = TextReport.plain(ReportBuilder(strings: try ReportStrings.bundled(.vi), toolVersion: "test").build(one))
        #expect(vi.contains("chỉ so sánh năm 2019"))
        #expect(report.contains("2 documents in 1 compared year (2019)."), "singular for one year")
    }

    @Test("a document whose period, else letter-head date, else manifest date states another year than its manifest row is a caveat and a note")
    func aYearTheTextContradicts() throws {
        let corpus = try #require(Fixtures.corpus), codebook = try #require(Fixtures.codebook)
        var analyses = try CorpusAnalyzer(codebook: codebook).analyze(corpus)
        let shipped = try Comparison.compute(analyses, codebook: codebook)
        #expect(!shipped.caveats.contains { if case .yearDiffers = $0 { true } else { false } }, "the real directives agree with their manifest")
        let index = try #require(analyses.firstIndex { $0.metadata.id == "2019-kien-giang" })
        analyses[index].metadata.year = 2020
        let relabelled = try Comparison.compute(analyses, codebook: codebook)
        let kienGiang = Caveat.YearDifference(documentID: "2019-kien-giang", manifestYear: 2020, statedYear: 2019, basis: .period, date: "2019-06-01")
        #expect(relabelled.caveats.contains(.yearDiffers([kienGiang])))
        // 2014 states no period, no date of issue, and its manifest row no date: its year is the manifest's, whatever that is.
        let index2014 = try #require(analyses.firstIndex { $0.metadata.id == "2014-molisa" })
        analyses[index2014].metadata.year = 2015
        #expect(try Comparison.compute(analyses, codebook: codebook).caveats.contains(.yearDiffers([kienGiang])))
        // With a date in its manifest row, that date speaks.
        analyses[index2014].metadata.date = "2014-04-10"
        // 2013's period states no year ("từ ngày 01 tháng 6 đến ngày 30 tháng 6"): its letter head's date speaks, and outranks the manifest's.
        let index2013 = try #require(analyses.firstIndex { $0.metadata.id == "2013-molisa" })
        analyses[index2013].letterDate = "2014-05-02"
        analyses[index2013].metadata.date = "2013-05-02"
        let dated = try Comparison.compute(analyses, codebook: codebook)
        #expect(dated.caveats.contains(.yearDiffers([
            Caveat.YearDifference(documentID: "2013-molisa", manifestYear: 2013, statedYear: 2014, basis: .letterDate, date: "2014-05-02"),
            Caveat.YearDifference(documentID: "2014-molisa", manifestYear: 2015, statedYear: 2014, basis: .manifestDate, date: "2014-04-10"),
            kienGiang,
        ])))
        let report = TextReport.plain(ReportBuilder(strings: try ReportStrings.bundled(.en), toolVersion: "test").build(dated))
        #expect(report.contains("a document states another year than its manifest row: 2013-molisa (manifest 2013, issued 2014-05-02 by its letter head); "
                                + "2014-molisa (manifest 2015, date column 2014-04-10); 2019-kien-giang (manifest 2020, month of action from 2019-06-01)"))
        let csv = String(decoding: CSVWriter(profile: .plain).write(ComparisonTables.documents(dated)), as: UTF8.self)
        let rows = csv.split(whereSeparator: \.isNewline)
        #expect(rows.contains { $0.hasPrefix("2019-kien-giang,2020,") && $0.hasSuffix(",\"manifest year 2020, but its month of action is from 2019-06-01; check the year column of manifest.csv\"") })
        #expect(rows.contains { $0.hasPrefix("2013-molisa,2013,") && $0.hasSuffix(",\"manifest year 2013, but its letter head dates it 2014-05-02; check the year column of manifest.csv\"") })
        #expect(rows.contains { $0.hasPrefix("2014-molisa,2015,") && $0.hasSuffix(",\"manifest year 2015, but its date column gives 2014-04-10; check the year column of manifest.csv\"") })
        #expect(rows.filter { $0.contains("manifest year") }.count == 3)
    }

    @Test("a document dated by nothing but its body, filed under a year its body never names, is a caveat and a note: the year it names instead")
    func aYearOnlyTheBodyNames() throws {
        var corpus = try #require(Fixtures.corpus)
        let codebook = try #require(Fixtures.codebook)
        // 2013-molisa has no date in its head or manifest row, and its period states no year; its body names "năm 2013".
        let index = try #require(corpus.manifest.documents.firstIndex { $0.id == "2013-molisa" })
        corpus.manifest.documents[index].year = 2019
        let analyses = try CorpusAnalyzer(codebook: codebook).analyze(corpus)
        let misfiled = try #require(analyses.first { $0.metadata.id == "2013-molisa" })
        let named = try #require(misfiled.namedYear)
        #expect(named.year == 2013 && named.mentions >= 2)
        let c = try Comparison.compute(analyses, codebook: codebook)
        let difference = Caveat.YearDifference(documentID: "2013-molisa", manifestYear: 2019, statedYear: 2013, basis: .namedYear,
                                               date: "2013", mentions: named.mentions)
        #expect(c.caveats.contains(.yearDiffers([difference])))
        #expect(difference.description == "manifest year 2019, but its text names the year 2013 (\(named.mentions) times) and never 2019; check the year column of manifest.csv")
        let report = TextReport.plain(ReportBuilder(strings: try ReportStrings.bundled(.en), toolVersion: "test").build(c))
        #expect(report.contains("2013-molisa (manifest 2019; its text names the year 2013, never 2019)"))
        let vi = TextReport.plain(ReportBuilder(strings: try ReportStrings.bundled(.vi), toolVersion: "test").build(c))
        #expect(vi.contains("2013-molisa (manifest 2019; văn bản nêu năm 2013, không nêu năm 2019)"))
        // Filed under its own year, or with a date in its manifest row, the body is not asked.
        #expect(try CorpusAnalyzer(codebook: codebook).analyze(try #require(Fixtures.corpus)).allSatisfy { $0.namedYear == nil })
        corpus.manifest.documents[index].date = "2013-05-02"
        let dated = try #require(try CorpusAnalyzer(codebook: codebook).analyze(corpus).first { $0.metadata.id == "2013-molisa" })
        #expect(dated.namedYear == nil)
    }

    @Test("a category present in a year only through unnumbered context paragraphs is a caveat naming the year, category and documents")
    func contextOnlyMentions() throws {
        let codebook = try #require(Fixtures.codebook)
        let c = try Comparison.compute(try CorpusAnalyzer(codebook: codebook).analyze(try #require(Fixtures.corpus)), codebook: codebook)
        let expected = [Caveat.ContextMention(year: 2010, categoryID: "climate_change", documentIDs: ["2010-molisa"]),
                        Caveat.ContextMention(year: 2014, categoryID: "equal_opportunity", documentIDs: ["2014-molisa"]),
                        Caveat.ContextMention(year: 2014, categoryID: "child_labour_and_justice", documentIDs: ["2014-molisa"])]
        #expect(c.caveats.contains(.contextOnly(expected)))
        // Each rests on paragraphs p1, p2, ... of the body's top level, as evidence.csv shows.
        for mention in expected {
            let document = try #require(c.documents.first { $0.metadata.id == mention.documentIDs.first })
            let paths = document.coding.evidence.filter { $0.categoryID == mention.categoryID }.map(\.segmentPath)
            #expect(!paths.isEmpty && paths.allSatisfy { $0.first == "p" && !$0.contains(".") }, "\(mention.categoryID): \(paths)")
        }
        // Climate change is mentioned in 2010's context and nowhere else; 2010's monitoring has a numbered match too.
        let monitoring = try #require(c.documents.first { $0.metadata.id == "2010-molisa" }?.coding.counts.first { $0.categoryID == "monitoring_inspection" })
        #expect(monitoring.contextMatches > 0 && monitoring.contextMatches < monitoring.matches)
        let report = TextReport.plain(ReportBuilder(strings: try ReportStrings.bundled(.en), toolVersion: "test").build(c))
        #expect(report.contains("not through a numbered task: Climate change (Biến đổi khí hậu) in 2010 (2010-molisa); Equal development opportunity (Cơ hội phát triển bình đẳng) in 2014"))
        // The same years by category, as the reports read them.
        #expect(c.contextOnlyYears == ["climate_change": [2010], "equal_opportunity": [2014], "child_labour_and_justice": [2014]], "\(c.contextOnlyYears)")
        // The category's own line marks those years.
        #expect(report.contains("  - Climate change (Biến đổi khí hậu): present in 2010 (context only); per 1,000 syllables"), "\(report)")
        #expect(report.contains("present in 2010, 2013, 2014 (context only), 2019; per 1,000 syllables"), "\(report)")
        // A continuing category is quoted from the first and the last compared year.
        #expect(report.contains("""
          - Children in special circumstances (Trẻ em có hoàn cảnh đặc biệt): present in 2010, 2013, 2014, 2019; per 1,000 syllables 6.0 / 3.1 / 3.2 / 3.3
              “vận động tổ chức, cá nhân đỡ đầu, giúp đỡ trẻ em có hoàn cảnh đặc biệt.”
              (2010-molisa -3, matched: hoàn cảnh đặc biệt)
              “xây dựng các Mô hình trợ giúp trẻ em có hoàn cảnh đặc biệt dựa vào cộng đồng;”
              (2019-kien-giang IV.10.-6, matched: hoàn cảnh đặc biệt)
        """), "\(report)")
        // In a year of several documents, a category that only some mention says how many.
        #expect(report.contains("  - Online safety (An toàn trên môi trường mạng): present in 2019 (1/2 documents); per 1,000 syllables"), "\(report)")
    }

    @Test("a document that states neither the month's theme nor its period is a caveat: 2014-molisa, a year's priorities letter")
    func noThemeOrPeriod() throws {
        let codebook = try #require(Fixtures.codebook)
        let c = try Comparison.compute(try CorpusAnalyzer(codebook: codebook).analyze(try #require(Fixtures.corpus)), codebook: codebook)
        #expect(c.caveats.contains(.noThemeOrPeriod(["2014-molisa"])))
        let report = TextReport.plain(ReportBuilder(strings: try ReportStrings.bundled(.en), toolVersion: "test").build(c))
        #expect(report.contains("2014-molisa states neither the month's theme nor its period: it may be guidance of another kind"))
        var many = c
        many.caveats = [.noThemeOrPeriod((1...32).map { "d\($0)" })]
        let text = TextReport.plain(ReportBuilder(strings: try ReportStrings.bundled(.en), toolVersion: "test").build(many))
        #expect(text.contains("d29, d30, and 2 more (documents.csv: theme and period_start empty) state neither"), "\(text)")
    }

    @Test("years between the first and the last compared year that are not compared are a caveat, as spans; consecutive years give none")
    func yearGaps() throws {
        let codebook = try #require(Fixtures.codebook)
        let analyses = try CorpusAnalyzer(codebook: codebook).analyze(try #require(Fixtures.corpus))
        let c = try Comparison.compute(analyses, codebook: codebook)
        #expect(c.caveats.contains(.yearGaps([2011, 2012, 2015, 2016, 2017, 2018])))
        let report = TextReport.plain(ReportBuilder(strings: try ReportStrings.bundled(.en), toolVersion: "test").build(c))
        #expect(report.hasPrefix("PolicyCompare report: Month of Action for Children directives, 2010, 2013, 2014, 2019\n"), "the title names no year the corpus lacks")
        #expect(report.contains("In brief\n--------\nOf the codebook's 33 categories: 8 continuing, 12 new, 1 dropped, 12 intermittent, 0 absent (the rules are below). 6 warnings under The corpus say"))
        let builder = ReportBuilder(strings: try ReportStrings.bundled(.en), toolVersion: "test")
        #expect(builder.title(years: [2019, 2013]) == "2013, 2019" && builder.title(years: [2013, 2014, 2015]) == "2013-2015"
                && builder.title(years: [2019]) == "2019" && builder.title(years: Array(2005...2020).filter { $0 % 4 != 0 }) == "2005-2019, 12 years")
        #expect(ReportBuilder(strings: try ReportStrings.bundled(.vi), toolVersion: "test").title(years: Array(2005...2020).filter { $0 % 4 != 0 }) == "2005-2019, 12 năm")
        #expect(report.contains("\nStatuses follow the rules above: an instrument cited in one compared year only is dropped if that is the first year, new if it is the last, intermittent otherwise.\n"))
        #expect(report.contains("No document of 2010, 2014 lists slogans: a slogan's first year, and whether it recurs, can only count the years that list some."))
        #expect(report.contains("  - the compared years leave gaps: 2011-2012, 2015-2018 are not compared (no document in the corpus, or left out by --years); \"new from\" a year means"), "\(report)")
        // --years 2019,2013: the gaps are those between the years, in any order given.
        let picked = try Comparison.compute(analyses, codebook: codebook, options: ComparisonOptions(years: [2019, 2013]))
        #expect(picked.caveats.contains(.yearGaps([2014, 2015, 2016, 2017, 2018])), "2014 is in the corpus but not compared")
        let adjacent = try Comparison.compute(analyses, codebook: codebook, options: ComparisonOptions(years: [2013, 2014]))
        #expect(!adjacent.caveats.contains { if case .yearGaps = $0 { true } else { false } })
        #expect(ReportBuilder.spans([2011]) == "2011" && ReportBuilder.spans([2011, 2013, 2014, 2015, 2017]) == "2011, 2013-2015, 2017")
    }

    @Test("a document without numbered sections or items has no context paragraphs: its paragraphs are its body")
    func unnumberedDocumentHasNoContext() throws {
        let coder = Coder(codebook: try #require(Fixtures.codebook), abbreviations: try Abbreviations.bundled())
        let prose = try Fixtures.parse("Năm 2021, các địa phương tổ chức phòng chống đuối nước cho trẻ em.\n\nTổ chức diễn đàn trẻ em.\n", year: 2021)
        #expect(coder.code(prose).counts.allSatisfy { $0.contextMatches == 0 } && coder.code(prose).counts.contains { $0.matches > 0 })
        let numbered = try Fixtures.parse("Năm 2021, các địa phương tổ chức phòng chống đuối nước cho trẻ em.\n\n1. Tổ chức diễn đàn trẻ em.\n", year: 2021)
        let counts = coder.code(numbered).counts
        let injury = try #require(counts.first { $0.categoryID == "injury_drowning" })
        #expect(injury.matches > 0 && injury.contextMatches == injury.matches)
        #expect(counts.filter { $0.categoryID == "participation" }.allSatisfy { $0.contextMatches == 0 })
    }

    @Test("the year a body names counts only when it never names the manifest year, and at least twice")
    func namedYearRule() {
        #expect(DirectiveParser.namedYear([2013: 5, 2012: 2], otherThan: 2019) == Directive.NamedYear(year: 2013, mentions: 5))
        #expect(DirectiveParser.namedYear([2013: 5, 2019: 1], otherThan: 2019) == nil, "names its manifest year too")
        #expect(DirectiveParser.namedYear([2013: 1], otherThan: 2019) == nil, "named once")
        #expect(DirectiveParser.namedYear([2013: 3, 2014: 3], otherThan: 2019) == Directive.NamedYear(year: 2014, mentions: 3), "the later on a tie")
        #expect(DirectiveParser.namedYear([:], otherThan: 2019) == nil)
    }

    @Test("year rows add each document's first count of the category's id, whatever order the codebook lists them in")
    func yearRowsWhateverTheCodebookOrder() throws {
        let (corpus, codebook) = try Self.corpus()
        let analyses = try CorpusAnalyzer(codebook: codebook).analyze(corpus)
        // Compared with the categories reversed, one of them twice and one the codings lack.
        var other = codebook
        other.categories.reverse()
        other.categories.append(other.categories[1])
        var extra = other.categories[0]
        extra.id = "not_coded"
        other.categories.append(extra)
        let c = try Comparison.compute(analyses, codebook: other)
        #expect(c.byYear.count == 3 * other.categories.count)
        for row in c.byYear {
            let documents = analyses.filter { $0.metadata.year == row.year }
            let counts = documents.compactMap { $0.coding.counts.first { $0.categoryID == row.categoryID } }
            #expect(row.documentsTotal == documents.count && row.syllables == documents.reduce(0) { $0 + $1.coding.syllables })
            #expect(row.matches == counts.reduce(0) { $0 + $1.matches } && row.documentsPresent == counts.count { $0.present },
                    "\(row.year) \(row.categoryID)")
        }
        #expect(c.byYear.contains { $0.categoryID == "marriage" && $0.matches > 0 })
        #expect(c.byYear.filter { $0.categoryID == "not_coded" }.allSatisfy { $0.matches == 0 && $0.documentsPresent == 0 })
    }

    @Test func baselineAndYearSelection() throws {
        let c = try Self.compare(ComparisonOptions(years: [2019, 2010], baseline: 2010))
        #expect(c.years == [2010, 2019] && c.baselineYear == 2010)
        let ordered = try Self.compare(ComparisonOptions(years: [2010, 2019]))
        #expect(c.byYear == ordered.byYear && c.changes == ordered.changes && c.themes == ordered.themes, "named out of order, compared in time order")
        let climate = try #require(c.changes.first { $0.categoryID == "climate" })
        #expect(climate.baseline.map(\.change) == [.lost])
        #expect(climate.status == .dropped, "present in 2010, absent in 2019, whatever the order named")
        let marriage = try #require(c.changes.first { $0.categoryID == "marriage" })
        #expect(marriage.baseline.first?.change == .gained && marriage.status == .new)
        #expect(try Self.compare(ComparisonOptions(years: [2019, 2013])).baselineYear == 2013, "the default baseline is the earliest year")
        #expect(throws: ComparisonError.yearNotInCorpus(2014, available: [2010, 2013, 2019])) { try Self.compare(ComparisonOptions(years: [2010, 2014])) }
        #expect(throws: ComparisonError.baselineNotCompared(2013, years: [2010, 2019])) { try Self.compare(ComparisonOptions(years: [2010, 2019], baseline: 2013)) }
        #expect(throws: ComparisonError.duplicateYear(2010)) { try Self.compare(ComparisonOptions(years: [2010, 2010])) }
    }

    @Test func themeDiffByHand() {
        let (kept, added, removed) = ThemeChange.diff(["tạo", "cơ", "hội", "cho", "trẻ", "em"], ["chung", "tay", "vì", "trẻ", "em", "nghèo"])
        #expect(kept == ["trẻ", "em"])
        #expect(added == ["chung", "tay", "vì", "nghèo"])
        #expect(removed == ["tạo", "cơ", "hội", "cho"])
        let repeated = ThemeChange.diff(["trẻ", "em"], ["trẻ", "em", "trẻ", "em"])
        #expect(repeated.1 == ["trẻ", "em"] && repeated.2.isEmpty)
    }
}

@Suite struct RealCorpusComparisonTests {
    static let comparison: Comparison? = {
        guard let corpus = Fixtures.corpus, let codebook = Fixtures.codebook,
              let analyses = try? CorpusAnalyzer(codebook: codebook).analyze(corpus) else { return nil }
        return try? Comparison.compute(analyses, codebook: codebook)
    }()

    @Test func themesAndTheirWording() throws {
        let c = try #require(Self.comparison)
        let byDocument = Dictionary(uniqueKeysWithValues: c.themes.map { ($0.documentID, $0) })
        #expect(byDocument["2014-molisa"]?.theme == nil)
        let t2013 = try #require(byDocument["2013-molisa"])
        #expect(t2013.previousYear == 2010 && t2013.removed.isEmpty)
        #expect(t2013.added == ["nghèo", "và", "trẻ", "em", "dân", "tộc", "thiểu", "số"])
        let t2019 = try #require(byDocument["2019-lang-son"])
        #expect(t2019.previousYear == 2013, "2014 states no theme, so 2019 is compared with 2013")
        #expect(t2019.added == ["chung", "tay", "vì"])
    }

    @Test func sloganRecurrence() throws {
        let c = try #require(Self.comparison)
        let listen = try #require(c.slogans.first { $0.text.hasPrefix("Lắng nghe trẻ em bằng trái tim") })
        #expect(listen.firstYear == 2013 && listen.years == [2013, 2019] && listen.exact)
        #expect(listen.documents == ["2013-molisa", "2019-kien-giang", "2019-lang-son"])
        #expect(c.slogans.count == 13)
        #expect(c.slogans.filter { $0.years.count > 1 }.count == 1)
    }

    @Test func referencesOverTime() throws {
        let c = try #require(Self.comparison)
        let ct20 = try #require(c.references.first { $0.key == "20-CT/TW" })
        #expect(ct20.years == [2013, 2014, 2019] && ct20.status == .new && ct20.date == "2012-11-05")
        #expect(c.references.first { $0.key == "55-CT/TW" }?.status == .dropped)
        #expect(c.references.first { $0.key == "1332/LĐTBXH-TE" }?.mentions == ["2019-lang-son": 1, "2019-kien-giang": 1])
    }

    @Test func reuseBetweenTheTwoProvincialPlans() throws {
        let c = try #require(Self.comparison)
        let share = try #require(c.reuse.shares.first { $0.documentID == "2019-lang-son" && $0.sourceID == "2019-kien-giang" })
        #expect(share.share > 0.4, "Lạng Sơn's plan follows the same ministry guidance as Kiên Giang's")
        let texts = c.reuse.passages.filter { $0.documentA == "2019-kien-giang" && $0.documentB == "2019-lang-son" }.compactMap { p -> String? in
            guard let a = c.documents.first(where: { $0.metadata.id == p.documentA }), let r = a.reuseTokens.span(p.tokensA) else { return nil }
            return a.quote(r)
        }
        #expect(texts.contains { $0.contains("Vận động các tổ chức, cá nhân ủng hộ Quỹ Bảo trợ trẻ em") })
        #expect(texts.contains { $0.contains("Thực hiện hiệu quả hơn các chính sách, chương trình và vận động xã hội") })
        #expect(texts.contains { $0.contains("Không để trẻ em nào bị bỏ lại phía sau") })
    }

    @Test func continuityAndNewPriorities() throws {
        let c = try #require(Self.comparison)
        let status = Dictionary(uniqueKeysWithValues: c.changes.map { ($0.categoryID, $0.status) })
        for id in ["equal_opportunity", "poor_ethnic_minority", "special_circumstances", "participation", "communication", "direct_support", "planning_integration", "monitoring_inspection"] {
            #expect(status[id] == .continuing, "\(id)")
        }
        for id in ["violence_abuse", "injury_drowning", "child_friendly_communes", "protection_services", "reporting", "coordination"] {
            #expect(status[id] == .new && c.changes.first { $0.categoryID == id }?.firstYear == 2014, "\(id)")
        }
        for id in ["child_marriage", "hotline_111", "online_safety", "skills_training"] {
            #expect(status[id] == .new && c.changes.first { $0.categoryID == id }?.firstYear == 2019, "\(id)")
        }
        #expect(status["climate_change"] == .dropped)
    }

    @Test(arguments: ReportStrings.Language.allCases)
    func reportsInBothLanguagesHaveNoMissingStrings(_ language: ReportStrings.Language) throws {
        let c = try #require(Self.comparison)
        let report = ReportBuilder(strings: try ReportStrings.bundled(language), toolVersion: "test").build(c)
        let text = TextReport.plain(report)
        #expect(!text.contains("{0}") && !text.contains("{1}"))
        // Every key the builder asks for exists: no dotted key such as "theme.against" is left in the text.
        let keys = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Sources/PolicyCompare/Resources/report-strings.tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: "\t").first.map(String.init) }
        #expect(keys.count > 50)
        for key in keys where key.contains(".") { #expect(!text.contains(key), "untranslated key \(key)") }
        for prefix in ["reading.", "corpus.", "theme.", "priorities.", "slogans.", "references.", "actors.", "keyness.", "reuse.", "caveats.", "settings.", "caveat.", "col.", "status.", "rule."] {
            #expect(!text.replacingOccurrences(of: ".csv", with: "_csv").contains(" \(prefix)"), "a key starting with \(prefix) is missing from report-strings.tsv")
        }
        #expect(text.contains("Chung tay vì trẻ em nghèo, trẻ em dân tộc thiểu số"))
        #expect(text.contains(language == .en ? "Child marriage (Tảo hôn)" : "Tảo hôn (Child marriage)"))
        let markdown = TextReport.markdown(report)
        #expect(markdown.hasPrefix("# "))
    }

    @Test func markdownEscapesDocumentText() {
        #expect(TextReport.escape("<script>alert(1)</script> *x* | y") == "&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\| y")
    }
}
