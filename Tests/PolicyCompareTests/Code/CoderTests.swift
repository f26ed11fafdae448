import Foundation
import Testing
@testable import PolicyCompare

@Suite struct CoderTests {
    struct Case: Sendable, CustomStringConvertible {
        var category: String, hit: Bool, document: String, text: String, line: Int
        var description: String { "\(category) \(hit ? "hit" : "miss") line \(line)" }
    }

    static let cases: [Case] = {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/PolicyCompareTests/Fixtures/category-cases.csv")
        guard let text = try? String(contentsOf: url, encoding: .utf8),
              let table = try? CSVReader(file: url.path).table(text, required: ["category_id", "expected", "document_id", "text"]) else { return [] }
        return table.rows.map { Case(category: $0["category_id"], hit: $0["expected"] == "hit", document: $0["document_id"], text: $0["text"], line: $0.line) }
    }()

    static func coder() throws -> Coder {
        Coder(codebook: try #require(Fixtures.codebook), abbreviations: try Abbreviations.bundled())
    }

    @Test func everyCategoryHasATrueHitAndANearMiss() throws {
        let codebook = try #require(Fixtures.codebook)
        for category in codebook.categories {
            #expect(Self.cases.contains { $0.category == category.id && $0.hit }, "\(category.id) has no hit case")
            #expect(Self.cases.contains { $0.category == category.id && !$0.hit }, "\(category.id) has no near-miss case")
        }
    }

    @Test("overlapping matches keep the leftmost, then longest, then first pattern, and none that overlaps a kept one")
    func keepsLeftmostLongest() {
        func match(_ pattern: Int, _ tokens: Range<Int>) -> PhraseMatcher.Match { PhraseMatcher.Match(pattern: pattern, tokens: tokens) }
        var matches = [match(3, 4..<6), match(1, 0..<2), match(2, 0..<3), match(0, 0..<3), match(4, 2..<4), match(5, 3..<5), match(6, 5..<6)]
        Coder.keepLongestNonOverlapping(&matches)
        #expect(matches == [match(0, 0..<3), match(5, 3..<5), match(6, 5..<6)])
        var none: [PhraseMatcher.Match] = []
        Coder.keepLongestNonOverlapping(&none)
        #expect(none.isEmpty)
        // Against the selection written plainly, over pseudo-random sets.
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        for _ in 0..<200 {
            var set = (0..<next(12)).map { _ in
                let start = next(20)
                return match(next(5), start..<start + 1 + next(4))
            }
            let ordered = set.sorted { ($0.tokens.lowerBound, -$0.tokens.count, $0.pattern) < ($1.tokens.lowerBound, -$1.tokens.count, $1.pattern) }
            var expected: [PhraseMatcher.Match] = []
            for candidate in ordered where expected.last.map({ candidate.tokens.lowerBound >= $0.tokens.upperBound }) ?? true {
                expected.append(candidate)
            }
            // Ordered as the matcher orders them (by start, then pattern, then end), they are
            // not sorted again: the selection must be the same.
            var matcherOrder = set.sorted { ($0.tokens.lowerBound, $0.pattern, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.pattern, $1.tokens.upperBound) }
            Coder.keepLongestNonOverlapping(&matcherOrder)
            #expect(matcherOrder == expected)
            Coder.keepLongestNonOverlapping(&set)
            #expect(set == expected)
        }
    }

    @Test(arguments: cases)
    func categoryCase(_ c: Case) throws {
        if c.document != "synthetic" {
            let source = try String(contentsOf: Fixtures.datasets.appendingPathComponent("directives/\(c.document).txt"), encoding: .utf8)
            #expect(source.contains(c.text), "the case text is not verbatim from \(c.document)")
        }
        let coding = try Self.coder().code(try Fixtures.parse(c.text))
        let present = coding.counts.first { $0.categoryID == c.category }?.present
        #expect(present == c.hit, "\(c): \(coding.evidence.filter { $0.categoryID == c.category }.map(\.matched))")
    }

    @Test func theFieldFormulaAndAgencyNamesCodeNoTheme() throws {
        let coding = try Self.coder().code(try Fixtures.parse("Phối hợp với Sở Y tế và Sở Giáo dục và Đào tạo về công tác bảo vệ, chăm sóc và giáo dục trẻ em."))
        let themes = Set(try #require(Fixtures.codebook).categories.filter { $0.dimension == .theme }.map(\.id))
        #expect(!coding.counts.contains { themes.contains($0.categoryID) && $0.present }, "\(coding.evidence.map { "\($0.categoryID): \($0.matched)" })")
    }

    @Test func overlapsWithinACategoryCountOnceLongestWins() throws {
        let codebook = try CodebookLoader.check("""
            category_id,dimension,parent_id,label_en,label_vi,definition,patterns,exclusions
            poor,theme,,Poor,,,nghèo ; trẻ em nghèo ; trẻ em nghèo khó,
            other,theme,,Other,,,em nghèo,
            """, file: "t.csv").0
        let coder = Coder(codebook: try #require(codebook), abbreviations: try Abbreviations.bundled())
        let coding = coder.code(try Fixtures.parse("Hỗ trợ trẻ em nghèo khó; giúp trẻ em nghèo."))
        #expect(coding.counts.map(\.matches) == [2, 2])
        #expect(coding.evidence.filter { $0.categoryID == "poor" }.map(\.matched) == ["trẻ em nghèo khó", "trẻ em nghèo"])
        #expect(coding.counts.map(\.segments) == [1, 1])
    }

    /// The coder gathers a segment's matches of every category in one list and reads it once
    /// per category hit: on the real directives, each category's evidence must be what a coder
    /// with a third of the categories (every third one, and the exclusions that apply to them)
    /// finds, with the matches of the others no longer around it.
    @Test func eachCategoryCodedAsWithoutTheOthers() throws {
        let codebook = try #require(Fixtures.codebook)
        let abbreviations = try Abbreviations.bundled()
        let coder = Coder(codebook: codebook, abbreviations: abbreviations)
        let directives = try Fixtures.ids.map(Fixtures.directive)
        let codings = directives.map(coder.code)
        var checked = 0
        for third in 0..<3 {
            var part = codebook
            part.categories = codebook.categories.indices.filter { $0 % 3 == third }.map { codebook.categories[$0] }
            let ids = Set(part.categories.map(\.id))
            part.globalExclusions = codebook.globalExclusions.filter { $0.scope.isEmpty || !ids.isDisjoint(with: $0.scope) }
            let partCoder = Coder(codebook: part, abbreviations: abbreviations)
            for (directive, coding) in zip(directives, codings) {
                let partCoding = partCoder.code(directive)
                for id in ids {
                    let expected = partCoding.evidence(of: id)
                    #expect(coding.evidence(of: id) == expected, "\(id) in \(directive.metadata.id)")
                    checked += expected.count
                }
            }
        }
        #expect(checked > 500)
    }

    @Test func phrasesSkipCommasButNotSentenceBoundaries() throws {
        let codebook = try CodebookLoader.check("""
            category_id,dimension,parent_id,label_en,label_vi,definition,patterns,exclusions
            injury,theme,,Injury,,,tai nạn thương tích,
            fund,activity,,Funds,,,vận động ... ủng hộ,
            marriage,theme,,Marriage,,,~tao hon,
            month,activity,,Month,,,tháng hành động vì trẻ em,
            """, file: "t.csv").0
        let coder = Coder(codebook: try #require(codebook), abbreviations: try Abbreviations.bundled())
        func present(_ text: String) throws -> [Bool] { coder.code(try Fixtures.parse(text)).counts.map(\.present) }
        #expect(try present("phòng, chống tai nạn, thương tích trẻ em") == [true, false, false, false])
        #expect(try present("phòng chống tai nạn. Thương tích") == [false, false, false, false])
        #expect(try present("Vận động các tổ chức, cá nhân ủng hộ Quỹ") == [false, true, false, false])
        #expect(try present("Vận động các tổ chức, cá nhân, doanh nghiệp, đoàn thể và người dân ủng hộ") == [false, false, false, false])
        #expect(try present("phòng chống tảo hôn; phòng chong tao hon") == [false, false, true, false])
        #expect(try present("Tổ chức Lễ phát động Tháng HĐVTE và Tháng HDVTE") == [false, false, false, true])
    }

    @Test func shippedCorpusInvariants() throws {
        let coder = try Self.coder()
        for id in Fixtures.ids {
            let d = try Fixtures.directive(id)
            let coding = coder.code(d)
            for e in coding.evidence {
                // Every quote is the source's own text at its offsets, inside a coded segment.
                #expect(NormalizedText.string(d.text.original, e.matchRange) == e.matched)
                #expect(NormalizedText.string(d.text.original, e.sentenceRange) == e.sentence)
                #expect(e.sentenceRange.lowerBound <= e.matchRange.lowerBound && e.matchRange.upperBound <= e.sentenceRange.upperBound)
                #expect(d.segments.contains { $0.path == e.segmentPath && $0.sourceRange.contains(e.matchRange.lowerBound) })
            }
            for count in coding.counts {
                #expect(count.present == coding.evidence.contains { $0.categoryID == count.categoryID })
                #expect(count.matches == coding.evidence.count { $0.categoryID == count.categoryID })
            }
            // The evidence is kept as offsets and quoted on demand: every way of reading it agrees.
            let evidence = coding.evidence
            #expect(coding.evidenceCount == evidence.count && evidence.count > 0)
            #expect(evidence.indices.allSatisfy { coding.evidence(at: $0) == evidence[$0] })
            #expect(zip(evidence, evidence.dropFirst()).allSatisfy { ($0.matchRange.lowerBound, $0.categoryID) <= ($1.matchRange.lowerBound, $1.categoryID) })
            for count in coding.counts {
                #expect(coding.evidence(of: count.categoryID) == evidence.filter { $0.categoryID == count.categoryID })
            }
            #expect(coding.evidence(of: "no-such-category").isEmpty)
            let coded = Set(coding.evidence.map(\.segmentPath))
            #expect(Set(coding.uncoded.map(\.segmentPath)).isDisjoint(with: coded))
            #expect(coded.count + coding.uncoded.count == d.segments.count)
            // Uncoded segments are kept without their text and quoted from the source: the
            // quote is the segment's own text, role and syllables unchanged.
            #expect(!coding.uncoded.isEmpty)
            for uncoded in coding.uncoded {
                let segment = try #require(d.segments.first { $0.path == uncoded.segmentPath })
                #expect(uncoded.text == segment.text && uncoded.sourceRange == segment.sourceRange && uncoded.role == segment.role)
                #expect(!uncoded.text.isEmpty)
            }
        }
    }

    @Test("with the bundled tables, 'cơ sở y tế' and 'cán bộ y tế' are health content, not the Department or Ministry of Health")
    func boundWordsInTheBundledTables() throws {
        let codebook = try #require(Fixtures.codebook)
        let directive = try Fixtures.parse("I. NHIỆM VỤ\n1. Các cơ sở y tế khám sức khỏe cho trẻ em.\n2. Đề nghị Sở Y tế chỉ đạo cán bộ y tế tuyên truyền.")
        #expect(directive.actors.map(\.id) == ["doh"])
        let coding = Coder(codebook: codebook, abbreviations: try Abbreviations.bundled()).code(directive)
        let health = coding.evidence.filter { $0.categoryID == "health_nutrition" }.map(\.matched)
        #expect(health.filter { $0.lowercased() == "y tế" }.count == 2, "\(health)")
    }

    /// The coder encodes every spelling of a document once, up front, and keeps one set of
    /// buffers for the whole document; it must find exactly what a fresh state per segment
    /// (with its own spellings) finds.
    @Test func encodingsSharedAcrossSegmentsChangeNoMatch() throws {
        let codebook = try #require(Fixtures.codebook)
        let patterns = codebook.categories.flatMap { $0.patterns + $0.exclusions } + codebook.globalExclusions.map(\.pattern)
        let matcher = PhraseMatcher(patterns: patterns, abbreviations: try Abbreviations.bundled())
        var total = 0
        for id in Fixtures.ids {
            let d = try Fixtures.directive(id)
            var shared = matcher.documentState(d.spellings, folded: d.folded)
            for (s, output) in d.tokens.enumerated() {
                let fresh = matcher.matches(tokens: output.tokens, folded: d.folded)
                let reused = matcher.matches(tokens: output.tokens, spellings: d.spellings.ids[s], state: &shared)
                #expect(fresh.map(\.pattern) == reused.map(\.pattern) && fresh.map(\.tokens) == reused.map(\.tokens))
                total += fresh.count
            }
        }
        #expect(total > 100, "the real directives have matches to compare")
    }
}
