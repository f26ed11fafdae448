import Foundation
import Testing
@testable import PolicyCompare

@Suite struct DirectiveParserTests {
    @Test(arguments: [
        ("2010-molisa", "Tạo cơ hội phát triển bình đẳng cho trẻ em"),
        ("2013-molisa", "Tạo cơ hội phát triển bình đẳng cho trẻ em nghèo và trẻ em dân tộc thiểu số"),
        ("2019-lang-son", "Chung tay vì trẻ em nghèo, trẻ em dân tộc thiểu số"),
        ("2019-kien-giang", "Chung tay vì trẻ em nghèo, trẻ em dân tộc thiểu số"),
    ])
    func officialTheme(id: String, theme: String) throws {
        #expect(try Fixtures.directive(id).theme?.text == theme)
    }

    @Test("a parse without quotes differs from a full parse only in its segments' texts and its actors' and deadlines' quotes, on every real directive",
          arguments: Fixtures.ids)
    func parseWithoutSegmentTexts(id: String) throws {
        let full = try Fixtures.directive(id)
        let parser = try #require(Fixtures.reader).parser
        var cache = TokenSpellings.Cache()
        let lean = parser.parse(full.text, metadata: full.metadata, encoding: full.encoding, notes: full.notes, inferMetadata: false,
                                quotingSegments: false, spellings: &cache)
        #expect(lean.segments.allSatisfy { $0.text.isEmpty })
        #expect(full.segments.contains { segment in !segment.text.isEmpty })
        var blanked = full.segments
        for i in blanked.indices { blanked[i].text = "" }
        #expect(lean.segments == blanked)
        #expect(lean.theme == full.theme && lean.period == full.period && lean.slogans == full.slogans)
        #expect(lean.references == full.references)
        #expect(lean.actors.allSatisfy { $0.quote.isEmpty } && lean.deadlines.allSatisfy { $0.quote.isEmpty })
        #expect(!full.actors.isEmpty && full.actors.allSatisfy { !$0.quote.isEmpty })
        #expect(full.deadlines.allSatisfy { !$0.quote.isEmpty })
        var unquotedActors = full.actors, unquotedDeadlines = full.deadlines
        for i in unquotedActors.indices { unquotedActors[i].quote = "" }
        for i in unquotedDeadlines.indices { unquotedDeadlines[i].quote = "" }
        #expect(lean.actors == unquotedActors && lean.deadlines == unquotedDeadlines)
        #expect(lean.tokens == full.tokens && lean.spellings == full.spellings && lean.syllableCount == full.syllableCount)
        #expect(!full.slogans.isEmpty || !full.references.isEmpty)
    }

    @Test("a parse with a spelling cache warmed by the other directives, or one at its cap, equals a parse with a fresh cache, on every real directive")
    func warmSpellingCache() throws {
        let parser = try #require(Fixtures.reader).parser
        let directives = try Fixtures.ids.map { try Fixtures.directive($0) }
        var warm = TokenSpellings.Cache(), tiny = TokenSpellings.Cache(limit: 16)
        // The first directive comes again last, when every one of its spellings is held.
        for directive in directives + directives.prefix(1) {
            var fresh = TokenSpellings.Cache()
            func parse(_ cache: inout TokenSpellings.Cache) -> Directive {
                parser.parse(directive.text, metadata: directive.metadata, encoding: directive.encoding, notes: directive.notes,
                             inferMetadata: false, quotingSegments: false, spellings: &cache)
            }
            let expected = parse(&fresh), id = directive.metadata.id
            #expect(expected.spellings == directive.spellings, "\(id)")
            for other in [parse(&warm), parse(&tiny)] {
                #expect(other.spellings == expected.spellings && other.spellings.keys.map { Array($0.utf8) } == expected.spellings.keys.map { Array($0.utf8) },
                        "\(id)")
                #expect(other.spellings.utf8 == expected.spellings.utf8 && other.spellings.utf8Ends == expected.spellings.utf8Ends, "\(id)")
                #expect(other.spellings.looseHashes == expected.spellings.looseHashes, "\(id)")
                #expect(other.segments == expected.segments && other.actors == expected.actors, "\(id)")
                #expect(other.references == expected.references && other.deadlines == expected.deadlines, "\(id)")
                #expect(other.theme == expected.theme && other.slogans == expected.slogans, "\(id)")
            }
            // Capped, it starts over before each directive: it holds this one's spellings only.
            #expect(tiny.count == expected.spellings.count && tiny.heldScalars <= directive.text.scalars.count)
        }
        #expect(warm.count >= directives.map(\.spellings.count).max() ?? 1)
    }

    @Test("a first section heading in capitals right after the title is the body's first section, not a head line dropped")
    func firstSectionInCapitalsAfterTheTitle() throws {
        let text = """
            ỦY BAN NHÂN DÂN HUYỆN MINH HÓA

            KẾ HOẠCH
            Triển khai Tháng hành động vì trẻ em năm 2021

            I. PHÒNG CHỐNG TẢO HÔN VÀ ĐUỐI NƯỚC
            1. Tăng cường tuyên truyền.
            II. NỘI DUNG
            1. Tổ chức Lễ phát động.
            """
        let directive = try Fixtures.parse(text)
        #expect(directive.segments.map(\.path) == ["I", "I.1", "II", "II.1"])
        #expect(directive.segments.first?.text == "PHÒNG CHỐNG TẢO HÔN VÀ ĐUỐI NƯỚC" && directive.segments.first?.role == .section)
        let coding = Coder(codebook: try #require(Fixtures.codebook), abbreviations: try Abbreviations.bundled()).code(directive)
        let present = Set(coding.counts.filter(\.present).map(\.categoryID))
        #expect(present.isSuperset(of: ["child_marriage", "injury_drowning"]), "the heading's words are coded: \(present)")
    }

    @Test("a plan typed without a blank line after its title: the title ends where the body starts, and the body is coded",
          arguments: [
              // What follows the title, and the body's first segment paths.
              ("I. MỤC ĐÍCH\n1. Phòng chống đuối nước cho trẻ em.", ["I", "I.1"]),
              ("1. Phòng chống đuối nước cho trẻ em.\n2. Tổ chức diễn đàn.", ["1", "2"]),
              ("a) Phòng chống đuối nước cho trẻ em.", ["a"]),
              ("- Phòng chống đuối nước cho trẻ em.", ["-1"]),
              ("Thực hiện Công văn số 1332/LĐTBXH-TE ngày 08/4/2019 của Bộ, Ủy ban nhân dân xã phòng chống đuối nước cho trẻ em", ["p1"]),
              ("Nhằm phòng chống đuối nước cho trẻ em, Ủy ban nhân dân xã ban hành kế hoạch như sau", ["p1"]),
              ("Ủy ban nhân dân xã ban hành kế hoạch phòng chống đuối nước cho trẻ em như sau:", ["p1"]),
              ("Ủy ban nhân dân xã ban hành kế hoạch phòng chống đuối nước cho trẻ em, bảo đảm mọi trẻ em được học bơi và được bảo vệ "
               + "an toàn trong dịp hè, với sự tham gia của gia đình, nhà trường và cộng đồng dân cư ở mọi thôn bản", ["p1"]),
          ])
    func titleWithoutBlankLine(_ body: String, _ paths: [String]) throws {
        for head in ["", "ỦY BAN NHÂN DÂN XÃ AN BÌNH\n"] {
            let directive = try Fixtures.parse(head + "KẾ HOẠCH\nTriển khai Tháng hành động vì trẻ em năm 2021\ntrên địa bàn xã\n" + body)
            #expect(directive.letterHead.title == "KẾ HOẠCH Triển khai Tháng hành động vì trẻ em năm 2021 trên địa bàn xã", "\(head)\(body)")
            #expect(Array(directive.segments.map(\.path).prefix(paths.count)) == paths, "\(body)")
            let coding = Coder(codebook: try #require(Fixtures.codebook), abbreviations: try Abbreviations.bundled()).code(directive)
            #expect(coding.counts.contains { $0.categoryID == "injury_drowning" && $0.present }, "\(body)")
        }
        // A title line ending in a full stop is the title's last.
        let stopped = try Fixtures.parse("KẾ HOẠCH\nTriển khai Tháng hành động vì trẻ em năm 2021.\nỦy ban nhân dân xã phòng chống đuối nước cho trẻ em")
        #expect(stopped.letterHead.title == "KẾ HOẠCH Triển khai Tháng hành động vì trẻ em năm 2021." && stopped.segments.map(\.path) == ["p1"])
    }

    @Test("the real directives mark most syllables; the same text without its marks, or a text in English, has few diacritics and a note saying so")
    func fewDiacritics() throws {
        for id in Fixtures.ids {
            let directive = try Fixtures.directive(id)
            let share = Double(directive.markedSyllableCount) / Double(directive.syllableCount)
            #expect(share > 0.8 && !directive.hasFewDiacritics, "\(id): \(share)")
            #expect(!directive.notes.contains { $0.contains("diacritic") }, "\(id)")
            let source = try String(contentsOf: Fixtures.datasets.appendingPathComponent("directives/\(id).txt"), encoding: .utf8)
            let unmarked = try Fixtures.parse(source.folding(options: .diacriticInsensitive, locale: nil)
                .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D"), id: id)
            #expect(unmarked.markedSyllableCount == 0 && unmarked.hasFewDiacritics, "\(id)")
            let note = "only 0% of its \(unmarked.syllableCount) syllables carry a diacritic (Vietnamese prose: about 80%): it may be in another language or typed without tone marks"
            #expect(unmarked.notes.contains { $0.hasPrefix(note) && $0.contains("which only the codebook's ~ patterns and its patterns written without marks match") },
                    "\(id): \(unmarked.notes)")
        }
        let english = try Fixtures.parse("Prevent child marriage, violence and abuse against children, and drowning. Hold a children's forum in the province, "
                                         + "so that children can voice their opinions on matters that concern them, before the end of June.")
        #expect(english.syllableCount >= 20 && english.markedSyllableCount == 0 && english.hasFewDiacritics)
        // Too short a text to judge: a heading or a line of names says nothing about its language.
        let short = try Fixtures.parse("Children's forum, Kien Giang")
        #expect(short.markedSyllableCount == 0 && !short.hasFewDiacritics && short.notes.isEmpty)
    }

    @Test func year2014StatesNoTheme() throws {
        let d = try Fixtures.directive("2014-molisa")
        #expect(d.theme == nil)
        #expect(d.slogans.isEmpty)
        #expect(d.period == nil)
    }

    @Test func periods() throws {
        #expect(try Fixtures.directive("2010-molisa").period == nil)
        let p2013 = try #require(try Fixtures.directive("2013-molisa").period)
        #expect((p2013.start, p2013.end) == ("2013-06-01", "2013-06-30"))
        #expect(p2013.quote == "từ ngày 01 tháng 6 đến ngày 30 tháng 6")
        let lang = try #require(try Fixtures.directive("2019-lang-son").period)
        #expect((lang.start, lang.end) == ("2019-06-01", "2019-06-30"))
        let kien = try #require(try Fixtures.directive("2019-kien-giang").period)
        #expect((kien.start, kien.end, kien.quote) == ("2019-06-01", "2019-06-30", "Từ ngày 01/6 đến ngày 30/6/2019"))
    }

    @Test("a period typed otherwise: without 'ngày' or 'từ', with a dash, in one code token, 'đến hết', the year after 'năm', in capitals, a whole month; its year is the text's",
          arguments: [
              "từ ngày 01/6 đến ngày 30/6 năm 2021", "từ ngày 01/6 đến 30/6/2021", "từ 01/6/2021 đến 30/6/2021", "Từ ngày 01 - 30/6/2021",
              "từ ngày 01/6 – 30/6/2021", "từ ngày 01/6/2021 đến hết ngày 30/6/2021", "từ ngày 01/6 đến hết 30/6/2021",
              "TỪ NGÀY 01/6 ĐẾN NGÀY 30/6 NĂM 2021", "từ ngày 01 đến ngày 30 tháng 6 năm 2021",
              "1/6 - 30/6/2021", "01/6-30/6/2021", "từ 1-30/6/2021", "từ ngày 01-30/6/2021",
              "trong tháng 6/2021", "trong tháng 6 năm 2021",
          ])
    func periodVariants(_ stated: String) throws {
        let directive = try Fixtures.parse("1. Thời gian tổ chức Tháng hành động: \(stated).", year: 2019)
        let period = try #require(directive.period, "\(stated)")
        #expect((period.start, period.end, period.quote) == ("2021-06-01", "2021-06-30", stated))
    }

    @Test("a period that ends before it starts is kept as written, with a note to check it; one in order has no note")
    func periodEndingBeforeItStarts() throws {
        let reversed = try Fixtures.parse("1. Thời gian tổ chức Tháng hành động: từ ngày 30/6 đến ngày 01/6/2021.", year: 2021)
        let period = try #require(reversed.period)
        #expect((period.start, period.end) == ("2021-06-30", "2021-06-01"))
        #expect(reversed.notes == ["its period ends (2021-06-01) before it starts (2021-06-30), as 'từ ngày 30/6 đến ngày 01/6/2021' reads: check the dates in the text"])
        let ordered = try Fixtures.parse("1. Thời gian tổ chức Tháng hành động: từ ngày 01/6 đến ngày 30/6/2021.", year: 2021)
        #expect(ordered.period != nil && ordered.notes.isEmpty)
        for id in Fixtures.ids { #expect(!(try Fixtures.directive(id).notes.contains { $0.contains("period ends") }), "\(id)") }
    }

    @Test("numbers that are not a period: no month, a clock time, a dash between unrelated numbers, no day or month that exists")
    func notPeriods() throws {
        for text in ["Thời gian: từ 7 đến 9 giờ sáng.", "Thời gian: trẻ em từ 6 - 15 tuổi.", "Thời gian: từ năm 2019 đến năm 2021.",
                     "Từ ngày 01/6 đến ngày 30/6/2021 các xã báo cáo kết quả.", "Thời gian: trẻ em từ 6-15 tuổi.",
                     "Thời gian: 7 - 9 giờ sáng, 7h30-11h30.", "Thời gian: trẻ em 6 - 15 tuổi.", "Thời gian: từ 1-30/13/2021.",
                     "Thời gian: 32/6-30/6/2021.", "Thời gian: 1-15-30/6/2021.", "Thời gian: 20-CT/TW, 1555/QĐ-TTg.",
                     "Thời gian: trong tháng 13/2021.", "Thời gian: trong tháng 6/7.", "Thời gian: trong năm 2021.",
                     "Trong tháng 6/2021 các xã báo cáo kết quả.", "1/6 - 30/6/2021 các xã báo cáo."] {
            #expect(try Fixtures.parse(text).period == nil, "\(text)")
        }
    }

    @Test("a plan with hard line wraps reads as the same plan unwrapped: the same segments, codes, deadlines and evidence words")
    func hardWrappedLines() throws {
        let unwrapped = """
            1. Các xã xây dựng và triển khai Kế hoạch phòng, chống tai nạn thương tích cho trẻ em.
            2. Phòng Lao động - Thương binh và Xã hội tổng hợp, báo cáo Ủy ban nhân dân huyện trước ngày 03/7/2020.
            II. NỘI DUNG
            2
            Tổ chức các hoạt động truyền thông.
            """
        let wrapped = """
            1. Các xã xây dựng và triển khai Kế
            hoạch phòng, chống tai nạn
            thương tích cho trẻ em.
            2. Phòng Lao động - Thương binh và Xã hội tổng hợp, báo cáo Ủy ban nhân dân huyện trước ngày
            03/7/2020.
            II. NỘI DUNG
            2
            Tổ chức các hoạt động truyền thông.
            """
        let a = try Fixtures.parse(unwrapped), b = try Fixtures.parse(wrapped)
        #expect(b.segments.map(\.path) == a.segments.map(\.path), "a heading in capitals and a bare number are not continued")
        #expect(b.deadlines.map(\.date) == ["2020-07-03"] && a.deadlines.map(\.date) == b.deadlines.map(\.date))
        let coder = Coder(codebook: try #require(Fixtures.codebook), abbreviations: try Abbreviations.bundled())
        let (codingA, codingB) = (coder.code(a), coder.code(b))
        #expect(codingB.counts == codingA.counts)
        #expect(codingB.evidence.map(\.matched).map { $0.replacingOccurrences(of: "\n", with: " ") } == codingA.evidence.map(\.matched))
    }

    @Test("dates listed after 'vào (các) ngày': a day without its month takes the next date's; one of the same month without a year takes its year",
          arguments: [
              ("Tổ chức diễn đàn vào các ngày 28, 29/5/2021.", ["2021-05-28", "2021-05-29"]),
              ("Tổ chức vào ngày 28 và 29/5/2020.", ["2020-05-28", "2020-05-29"]),
              ("Tổ chức vào ngày 28/5 và 29/5/2020.", ["2020-05-28", "2020-05-29"]),
              ("Tổ chức vào ngày 30/12 và 05/1/2021.", ["--12-30", "2021-01-05"]),
              ("Tổ chức vào ngày 1/6 và 30/6.", ["--06-01", "--06-30"]),
              ("Tổ chức vào ngày 28.", []),
              ("Tổ chức vào ngày 29/02/2019.", []),
              ("Tổ chức vào ngày 29/02/2020.", ["2020-02-29"]),
              ("Tổ chức vào ngày 31/4 và 30/4/2021.", ["2021-04-30"]),
          ])
    func listedDates(_ text: String, _ dates: [String]) throws {
        #expect(try Fixtures.parse(text).deadlines.map(\.date) == dates)
    }

    @Test("a plan exported with Markdown bold markers: its headings are sections, not bullets, and its theme is read")
    func boldMarkers() throws {
        let d = try Fixtures.parse("""
            KẾ HOẠCH
            Triển khai Tháng hành động vì trẻ em năm 2020

            **I. MỤC ĐÍCH, YÊU CẦU**
            - Bảo vệ trẻ em.
            **II. CHỦ ĐỀ VÀ THỜI GIAN**
            **1. Chủ đề:** "Bảo vệ trẻ em trong thiên tai, dịch bệnh"
            2. Hỗ trợ
            1.000 trẻ em nghèo.
            """)
        #expect(d.segments.map(\.path) == ["I", "I.-1", "II", "II.1", "II.2"], "\(d.segments.map(\.text))")
        #expect(d.segments.first?.text == "MỤC ĐÍCH, YÊU CẦU" && d.segments.first?.role == .section)
        #expect(d.theme?.text == "Bảo vệ trẻ em trong thiên tai, dịch bệnh")
        #expect(d.segments.last?.text == "Hỗ trợ\n1.000 trẻ em nghèo.", "'1.000' is a figure, not item 1.000")
    }

    @Test("a theme stated a few words after 'chủ đề', after 'là'; a quote inside the theme does not end it early",
          arguments: [
              ("1. Chủ đề Tháng hành động năm 2021 là \"Chung tay bảo vệ trẻ em, ngăn ngừa xâm hại trẻ em\".", "Chung tay bảo vệ trẻ em, ngăn ngừa xâm hại trẻ em"),
              ("1. Chủ đề: \"Trẻ em là tương lai của đất nước\"", "Trẻ em là tương lai của đất nước"),
              ("1. Chủ đề của năm nay rất quan trọng là điều ai cũng biết, \"không phải\".", nil),
          ] as [(String, String?)])
    func themeAfterLa(_ text: String, _ theme: String?) throws {
        #expect(try Fixtures.parse(text).theme?.text == theme)
    }

    @Test("a title on one line, kind and subject; lettered items 'a.'; a loose file's year from its title")
    func oneLineTitleAndLetteredItems() throws {
        let text = """
            ỦY BAN NHÂN DÂN
            XÃ TÂN PHÚ

            KẾ HOẠCH Tổ chức Tháng hành động vì trẻ em năm 2022

            1) Mục đích, yêu cầu
            a. Tuyên truyền nâng cao nhận thức.
            b. Phòng chống đuối nước cho trẻ em.
            3) Thông điệp truyền thông
            a. Hãy gọi 111 để bảo vệ trẻ em;
            b. Mùa hè an toàn cho trẻ em.
            """
        let reader = try #require(Fixtures.reader)
        let d = reader.parser.parse(VietnameseNormalizer.normalize(text),
                                    metadata: DocumentMetadata(id: "x", year: 0, file: "", issuer: "", level: "", kind: ""), inferMetadata: true)
        #expect(d.letterHead.title == "KẾ HOẠCH Tổ chức Tháng hành động vì trẻ em năm 2022")
        #expect(d.letterHead.issuer == "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ")
        #expect(d.metadata.year == 2022 && d.notes.contains("year 2022 inferred from 'năm 2022' in the title"))
        #expect(d.segments.map(\.path) == ["1", "1.a", "1.b", "3", "3.a", "3.b"])
        #expect(d.slogans.map(\.text) == ["Hãy gọi 111 để bảo vệ trẻ em", "Mùa hè an toàn cho trẻ em"])
        // Under its superior's line, the second body's line is the issuer.
        let ward = try Fixtures.parse("UBND THÀNH PHỐ RẠCH GIÁ\nỦY BAN NHÂN DÂN PHƯỜNG AN HÒA\nSố: 15/KH-UBND\n\nKẾ HOẠCH\nTổ chức Tháng hành động\n\n1. Nội dung.")
        #expect(ward.letterHead.issuer == "ỦY BAN NHÂN DÂN PHƯỜNG AN HÒA" && ward.letterHead.number == "15/KH-UBND")
    }

    @Test("a table pasted as lines: its header row names columns and is not coded; its rows are not taken for wrapped lines")
    func pastedTable() throws {
        let d = try Fixtures.parse("II. NHIỆM VỤ\nSTT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\n"
                                   + "1\tTuyên truyền phòng chống đuối nước\tPhòng LĐTBXH\tUBND các xã\tTháng 6\n"
                                   + "2\tTổ chức diễn đàn trẻ em\tHuyện đoàn\tPhòng GD&ĐT\tTháng 6\n"
                                   + "Các xã báo cáo kết quả trước ngày\n30/6/2022.\n")
        #expect(d.segments.map(\.path) == ["II", "II.p1", "II.p2", "II.p3"], "\(d.segments.map(\.text))")
        #expect(d.segments.last?.text == "Các xã báo cáo kết quả trước ngày\n30/6/2022.", "a date continues a wrapped line")
        let coding = Coder(codebook: try #require(Fixtures.codebook), abbreviations: try Abbreviations.bundled()).code(d)
        #expect(!coding.evidence.contains { $0.segmentPath == "II.p1" && $0.matched.lowercased() == "phối hợp" }, "the header row is not coded")
        for header in ["STT Nội dung Ghi chú", "stt\tnội dung\tghi chú", "Số TT\tNội dung\tThời gian", "SỐ TT Nội dung Thời gian",
                       "| TT | Nội dung | Cơ quan phối hợp |", "|STT|Nội dung|", "|---|---|:---:|"] {
            let n = VietnameseNormalizer.normalize(header)
            #expect(DocumentLayout.isTableHeader(n.scalars, 0..<n.scalars.count), "\(header)")
        }
        for line in ["Sở Y tế chủ trì", "STT", "STT Nội", "Số thứ tự các xã", "Sttx Nội dung Ghi chú", "| 1 | Tuyên truyền | Phòng LĐTBXH |", "| TTYT huyện |"] {
            let n = VietnameseNormalizer.normalize(line)
            #expect(!DocumentLayout.isTableHeader(n.scalars, 0..<n.scalars.count), "\(line)")
        }
    }

    @Test("agencies as plans abbreviate them; a comma the agency's name lacks ends a mention; district bodies are not provincial ones")
    func actorsAsAbbreviated() throws {
        let d = try Fixtures.parse("""
            1. Giao Sở LĐ-TB&XH chủ trì; Phòng LĐ-TB&XH các huyện phối hợp.
            2. Giao Sở LĐTB&XH, Sở GD&ĐT, Phòng GD&ĐT thực hiện.
            3. Đề nghị Hội LHPN tỉnh, UBMTTQ tỉnh, Sở TT&TT, Sở VH-TT-DL tuyên truyền.
            4. Giao Công an huyện, Phòng Văn hóa và Thông tin phối hợp với Công an tỉnh.
            5. Đề nghị các đoàn thể của tỉnh, UBND các huyện chỉ đạo; các sở, ngành theo dõi.
            6. Huyện đoàn, Phòng Y tế, Trung tâm Y tế huyện, Trạm Y tế xã và UBND phường thực hiện.
            """)
        #expect(d.actors.map(\.id) == ["dolisa", "labour_office", "dolisa", "doet", "education_office", "womens_union", "fatherland_front", "doic",
                                       "doculture", "district_police", "culture_office", "police", "mass_organisations", "district_committee",
                                       "provincial_departments", "district_youth_union", "health_office", "health_centre", "commune_health_station",
                                       "commune_committee"])
        #expect(!d.actors.contains { $0.id == "provincial_party_committee" }, "'tỉnh, UBND' is no 'Tỉnh ủy'")
        #expect(d.actors.first { $0.id == "district_committee" }?.quote == "UBND các huyện")
    }

    static let slogans2019 = [
        "Chung tay vì trẻ em nghèo, trẻ em dân tộc thiểu số", "Không để trẻ em nào bị bỏ lại phía sau",
        "Tạo cơ hội phát triển bình đẳng cho mọi trẻ em", "Lắng nghe trẻ em bằng trái tim, bảo vệ trẻ em bằng hành động",
        "Mùa hè an toàn, lành mạnh cho mọi trẻ em", "Hãy gọi 111 để bảo vệ trẻ em",
    ]

    @Test("slogans under a heading without a number: the bullets right after it, up to the next segment that is not one",
          arguments: ["THÔNG ĐIỆP TRUYỀN THÔNG", "Thông điệp truyền thông:", "CÁC KHẨU HIỆU:"])
    func slogansUnderAnUnnumberedHeading(_ heading: String) throws {
        let d = try Fixtures.parse("""
            1. Tổ chức truyền thông.
            \(heading)
            - Hãy gọi 111 để bảo vệ trẻ em;
            + chú thích lồng bên dưới
            - Không để trẻ em nào bị bỏ lại phía sau.
            Các xã báo cáo kết quả.
            - Một việc khác.
            """)
        #expect(d.slogans.map(\.text) == ["Hãy gọi 111 để bảo vệ trẻ em", "Không để trẻ em nào bị bỏ lại phía sau"], "\(d.segments.map(\.path))")
        // A paragraph that mentions messages in passing lists nothing.
        let passing = try Fixtures.parse("Các xã tuyên truyền thông điệp của Tháng hành động.\n- Hãy gọi 111 để bảo vệ trẻ em.")
        #expect(passing.slogans.isEmpty)
    }

    @Test func slogans() throws {
        #expect(try Fixtures.directive("2019-lang-son").slogans.map(\.text) == Self.slogans2019)
        #expect(try Fixtures.directive("2019-kien-giang").slogans.map(\.text) == Self.slogans2019)
        let s2013 = try Fixtures.directive("2013-molisa").slogans
        #expect(s2013.count == 8)
        #expect(s2013.first?.text == "Tạo cơ hội cho trẻ em nghèo, trẻ em dân tộc thiểu số đến trường")
        #expect(s2013.map(\.text).contains("Lắng nghe trẻ em bằng trái tim, bảo vệ trẻ em bằng hành động"))
        #expect(s2013.allSatisfy { $0.segmentPath.hasPrefix("A1.") })
        #expect(try Fixtures.directive("2010-molisa").slogans.isEmpty)
    }

    @Test(arguments: [
        ("2010-molisa", ["55-CT/TW", "Chương trình hành động vì trẻ em 2001-2010", "Chương trình hành động vì trẻ em 2011-2020", "Chương trình bảo vệ trẻ em 2011-2015"]),
        ("2013-molisa", ["20-CT/TW", "Chương trình hành động vì trẻ em 2012-2020", "1555/QĐ-TTg"]),
        ("2014-molisa", ["20-CT/TW", "Chương trình hành động vì trẻ em 2012-2020", "Chương trình bảo vệ trẻ em 2011-2015", "37/2010/QĐ-TTg",
                         "548/QĐ-LĐTBXH", "2158/QĐ-TTg", "Chương trình phòng chống tai nạn thương tích trẻ em 2013-2015", "55a/2013/QĐ-TTg",
                         "39/KHLN-BLĐTBXH-BGDĐT"]),
        ("2019-lang-son", ["1332/LĐTBXH-TE", "1415/VP-KGVX"]),
        ("2019-kien-giang", ["1332/LĐTBXH-TE", "80/2017/NĐ-CP", "Luật Trẻ em", "Luật Giao thông đường bộ", "20-CT/TW", "73-KH/TU", "18/CT-TTg"]),
    ])
    func referenceKeys(id: String, keys: [String]) throws {
        var seen: [String] = []
        for reference in try Fixtures.directive(id).references where !seen.contains(reference.key) { seen.append(reference.key) }
        #expect(seen == keys)
    }

    @Test("a named law is one key however its name is cased, written as law names are: \"Luật Trẻ em\"")
    func namedLawKey() throws {
        let d = try Fixtures.parse("1. Tuyên truyền Luật trẻ em, Luật TRẺ EM và Luật Trẻ em; Luật giao thông đường bộ.\n")
        #expect(d.references.map(\.key) == ["Luật Trẻ em", "Luật Trẻ em", "Luật Trẻ em", "Luật Giao thông đường bộ"])
    }

    @Test func theMinistryLetterNumberMatchesHoweverItIsTyped() throws {
        // "1332 /LĐTBXH-TE" (Lạng Sơn) and "1332/LĐT BXH-TE" (Kiên Giang) are one instrument.
        let lang = try Fixtures.directive("2019-lang-son").references.first
        let kien = try Fixtures.directive("2019-kien-giang").references.first
        #expect(lang?.key == "1332/LĐTBXH-TE" && kien?.key == "1332/LĐTBXH-TE")
        #expect(lang?.type == "Công văn" && lang?.date == "2019-04-08" && kien?.date == "2019-04-08")
        #expect(kien?.quote == "Công văn số 1332/LĐT BXH-TE ngày 08/4/2019")
    }

    @Test func recipientsAndSignatureAreNotBody() throws {
        let lang = try Fixtures.directive("2019-lang-son")
        #expect(lang.recipients.contains("Lưu: VT, PTEBĐG."))
        #expect(lang.signature == ["GIÁM ĐỐC", "Nguyễn Quang Tuấn"])
        #expect(!lang.segments.contains { $0.text.contains("Nguyễn Quang Tuấn") || $0.text.contains("Lãnh đạo Sở") || $0.text.contains("PAGE") })
        let kien = try Fixtures.directive("2019-kien-giang")
        #expect(kien.signature == ["KT.CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
        #expect(kien.recipients.count == 9)
        #expect(!kien.segments.contains { $0.text.contains("Văn phòng Chính phủ (A+B)") || $0.text.contains("CHỦ TỊCH") })
        let d2013 = try Fixtures.directive("2013-molisa")
        #expect(d2013.recipients == ["Như trên", "Bộ trưởng (để b/c)", "Lưu: VT, Cục BVCSTE."])
        #expect(!d2013.segments.contains { $0.text.contains("Như trên") || $0.text.contains("Kính gửi") })
    }

    @Test func letterHeads() throws {
        let kien = try Fixtures.directive("2019-kien-giang")
        #expect(kien.letterHead.number == "80/KH-UBND")
        #expect(kien.letterHead.place == "Kiên Giang" && kien.letterHead.date == "2019-05-14")
        #expect(kien.letterHead.title == "KẾ HOẠCH Triển khai Tháng hành động vì trẻ em năm 2019 trên địa bàn tỉnh Kiên Giang")
        let lang = try Fixtures.directive("2019-lang-son")
        #expect(lang.letterHead.date == "2019-04-25")
        #expect(lang.letterHead.addressees == ["Các sở, ban, ngành, đoàn thể của tỉnh", "UBND các huyện, thành phố"])
        #expect(try Fixtures.directive("2010-molisa").letterHead.addressees == ["Ủy ban nhân dân các tỉnh, thành phố"])
    }

    @Test func segmentPaths() throws {
        let kien = try Fixtures.directive("2019-kien-giang")
        let paths = kien.segments.map(\.path)
        for path in ["p1", "I", "I.1", "I.1.-1", "I.1.-2", "I.2", "I.2.p1", "II", "II.1", "II.1.*1", "II.1.*1.-6", "II.2", "III.3.*2",
                     "IV.1.p1", "IV.1.-8", "IV.2.-3", "IV.9.*4.-3", "IV.10.-7", "V", "V.p2"] {
            #expect(paths.contains(path), "missing \(path)")
        }
        #expect(kien.segments.first { $0.path == "IV.2.-3" }?.text.hasPrefix("Phối hợp với Sở Lao động-Thương binh") == true)
        #expect(kien.segments.first { $0.path == "IV" }?.role == .section)
        // A sentence broken over a blank line is one segment.
        #expect(kien.segments.first { $0.path == "IV.8.p1" }?.text.contains("chỉ đạo, kiểm tra việc thực hiện Chỉ thị") == true)

        let lang = try Fixtures.directive("2019-lang-son")
        #expect(lang.segments.map(\.path).starts(with: ["p1", "p2", "p3", "1", "2", "2.-1", "2.-2", "3", "4", "4.-1"]))
        #expect(lang.segments.contains { $0.path == "5.2.-6.+3" })
        #expect(lang.segments.first { $0.path == "1" }?.role == .theme)
        #expect(lang.segments.first { $0.path == "4.-6" }?.role == .slogan)

        let d2014 = try Fixtures.directive("2014-molisa")
        #expect(d2014.segments.map(\.path).contains("3.(iv)"))
        #expect(d2014.segments.first { $0.path == "2.(ii)" }?.role == .clause)
        #expect(d2014.segments.first { $0.path == "2.(ii)" }?.text == "Nghiên cứu, xây dựng và thực hiện các chính sách, chương trình, kế hoạch bảo vệ, chăm sóc và giáo dục trẻ em;")
        #expect(d2014.segments.map(\.path).suffix(3) == ["9", "10", "11"])

        let d2010 = try Fixtures.directive("2010-molisa")
        #expect(d2010.segments.map(\.path) == ["p1", "p2", "p3", "p4", "-1", "-2", "-3", "-4", "p5", "1", "2", "3", "4"])
    }

    @Test func segmentTextsAreTheSourceAtTheirOffsetsAndNeverOverlap() throws {
        for id in Fixtures.ids {
            let d = try Fixtures.directive(id)
            var last = -1
            for segment in d.segments {
                #expect(NormalizedText.string(d.text.original, segment.sourceRange) == segment.text)
                #expect(segment.sourceRange.lowerBound >= last, "\(id) \(segment.path) overlaps the previous segment")
                last = segment.sourceRange.upperBound
                #expect(!segment.text.hasPrefix("- ") && !segment.text.hasPrefix("+ "))
            }
        }
    }

    @Test func actorsAndDeadlines() throws {
        let kien = try Fixtures.directive("2019-kien-giang")
        let tasked = Set(kien.actors.filter(\.tasked).map(\.id))
        for id in ["dolisa", "doet", "doh", "police", "youth_union", "doculture", "doic", "womens_union", "farmers_union", "fatherland_front", "propaganda_board", "district_committee"] {
            #expect(tasked.contains(id), "\(id) should be tasked")
        }
        // "Đoàn TNCS Hồ Chí Minh" and the full name resolve to one actor.
        #expect(kien.actors.contains { $0.id == "youth_union" && $0.quote == "Đoàn TNCS Hồ Chí Minh" })
        #expect(kien.deadlines.map { "\($0.kind.rawValue) \($0.date)" } == ["event 2019-05-31", "due 2019-05-27", "due 2019-07-05"])
        let lang = try Fixtures.directive("2019-lang-son")
        #expect(lang.deadlines.map(\.date) == ["2019-07-05"])
        let d2014 = try Fixtures.directive("2014-molisa")
        #expect(d2014.deadlines.map { "\($0.kind.rawValue) \($0.date)" } == ["reporting_date --05-25", "reporting_date --11-20"])
    }

    @Test("a date after \"vào ngày\" is a reporting date only when its sentence says \"báo cáo\", the two words side by side")
    func reportingDatesNeedTheWordsSideBySide() throws {
        let reader = try #require(Fixtures.reader)
        func kinds(_ body: String) throws -> [String] {
            let text = "ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 12/KH-UBND\nKiên Giang, ngày 10 tháng 5 năm 2019\n\n"
                + "KẾ HOẠCH\nTổ chức Tháng hành động vì trẻ em năm 2019\n\nI. NỘI DUNG\n" + body + "\n"
            let metadata = DocumentMetadata(id: "dates", year: 2019, file: "dates.txt", issuer: "", level: "province", kind: "plan")
            return try reader.read(bytes: Array(text.utf8), source: "dates.txt", metadata: metadata, inferMetadata: false)
                .deadlines.map { "\($0.kind.rawValue) \($0.date)" }
        }
        #expect(try kinds("1. Các đơn vị gửi báo cáo kết quả vào ngày 31/5/2019 và 20/11/2019.")
                == ["reporting_date 2019-05-31", "reporting_date 2019-11-20"])
        #expect(try kinds("1. Tổ chức lễ phát động vào ngày 31/5/2019 tại tỉnh, có Báo Cáo viên tham dự.") == ["reporting_date 2019-05-31"])
        #expect(try kinds("1. Tổ chức lễ phát động vào ngày 31/5/2019 tại tỉnh.") == ["event 2019-05-31"])
        #expect(try kinds("1. Tổ chức lễ phát động vào ngày 31/5/2019, thông báo trên báo chí, cáo thị.") == ["event 2019-05-31"])
        // Punctuation is not a token: "báo, cáo" is still the two words side by side.
        #expect(try kinds("1. Tổ chức lễ phát động vào ngày 31/5/2019, thông báo, cáo thị.") == ["reporting_date 2019-05-31"])
        #expect(try kinds("1. Gửi báo cáo trước. Tổ chức lễ phát động vào ngày 31/5/2019.") == ["event 2019-05-31"])
        #expect(try kinds("1. Hoàn thành trước ngày 31/5/2019, gửi báo cáo.") == ["due 2019-05-31"])
    }

    @Test func looseFileInfersYearAndIssuer() throws {
        let reader = try #require(Fixtures.reader)
        let folder = try Fixtures.temporaryFolder()
        let copy = folder.appendingPathComponent("unlisted.txt")
        try FileManager.default.copyItem(at: Fixtures.datasets.appendingPathComponent("directives/2019-kien-giang.txt"), to: copy)
        let d = try reader.read(file: copy)
        #expect(d.metadata.year == 2019 && d.metadata.yearInferred)
        #expect(d.metadata.issuer == "Ủy ban nhân dân tỉnh Kiên Giang" && d.metadata.issuerInferred)
        let copy2010 = folder.appendingPathComponent("2010.txt")
        try FileManager.default.copyItem(at: Fixtures.datasets.appendingPathComponent("directives/2010-molisa.txt"), to: copy2010)
        let d2010 = try reader.read(file: copy2010)
        #expect(d2010.metadata.year == 2010 && d2010.metadata.issuer == "Bộ Lao động - Thương binh và Xã hội")
    }

    @Test func proseWithoutStructureIsOneBody() throws {
        let d = try Fixtures.parse("Đây là một văn bản không có cấu trúc nào, chỉ là một đoạn văn về trẻ em.")
        #expect(d.segments.map(\.path) == ["p1"])
        #expect(d.segments.first?.role == .paragraph)
    }

    @Test("a heading about slogans lists them unless it has clauses of its own (\";\", or the Greek question mark that NFC reads as one)")
    func sloganHeadingsWithoutClauses() throws {
        let list = "\n- Chung tay vì trẻ em nghèo\n- Hãy gọi 111 để bảo vệ trẻ em\n"
        #expect(try Fixtures.parse("1. Các khẩu hiệu tuyên truyền:" + list).slogans.count == 2)
        #expect(try Fixtures.parse("1. Treo khẩu hiệu; in tờ rơi:" + list).slogans.isEmpty)
        #expect(try Fixtures.parse("1. Treo khẩu hiệu\u{37E} in tờ rơi:" + list).slogans.isEmpty)
    }

    /// A district plan's head, its columns stacked one per line, and its body.
    private static let stackedHead = """
        ỦY BAN NHÂN DÂN
        HUYỆN BẮC QUANG
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Số: 45/KH-UBND
        Bắc Quang, ngày 20 tháng 5 năm 2020
        KẾ HOẠCH
        Tổ chức Tháng hành động vì trẻ em năm 2020

        """
    private static let planBody = "I. MỤC ĐÍCH, YÊU CẦU\n1. Phòng chống đuối nước cho trẻ em.\n2. Tổ chức diễn đàn trẻ em.\n"

    @Test("a letter head pasted with its two columns on one line reads as the same head stacked, and is not body",
          arguments: [
              "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN BẮC QUANG                    Độc lập - Tự do - Hạnh phúc\n"
                  + "Số: 45/KH-UBND                     Bắc Quang, ngày 20 tháng 5 năm 2020\n",
              "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN BẮC QUANG\tĐộc lập - Tự do - Hạnh phúc\nSố: 45/KH-UBND\t\t\tBắc Quang, ngày 20 tháng 5 năm 2020\n",
              "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN BẮC QUANG Độc lập - Tự do - Hạnh phúc\nSố: 45/KH-UBND Bắc Quang, ngày 20 tháng 5 năm 2020\n",
              "ỦY BAN NHÂN DÂN\nHUYỆN BẮC QUANG\nCộng hòa xã hội chủ nghĩa Việt Nam\nĐỘC LẬP-TỰ DO-HẠNH PHÚC\nSố: 45/KH-UBND\nBắc Quang, ngày 20 tháng 5 năm 2020\n",
              // The columns read line by line, in turn: the issuer's place after the motto.
              "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN BẮC QUANG\nĐộc lập - Tự do - Hạnh phúc\nSố: 45/KH-UBND\nBắc Quang, ngày 20 tháng 5 năm 2020\n",
          ])
    func letterHeadWithColumnsOnOneLine(_ columns: String) throws {
        let stacked = try Fixtures.parse(Self.stackedHead + Self.planBody)
        #expect(stacked.letterHead.issuer == "ỦY BAN NHÂN DÂN HUYỆN BẮC QUANG" && stacked.letterHead.number == "45/KH-UBND")
        #expect(stacked.letterHead.place == "Bắc Quang" && stacked.letterHead.date == "2020-05-20")
        #expect(stacked.letterHead.title == "KẾ HOẠCH Tổ chức Tháng hành động vì trẻ em năm 2020")
        let pasted = try Fixtures.parse(columns + "KẾ HOẠCH\nTổ chức Tháng hành động vì trẻ em năm 2020\n\n" + Self.planBody)
        #expect(pasted.letterHead == stacked.letterHead)
        #expect(pasted.segments.map(\.path) == ["I", "I.1", "I.2"])
        #expect(pasted.segments.map(\.text) == stacked.segments.map(\.text) && pasted.syllableCount == stacked.syllableCount)
    }

    /// A plan's head numbered 58/KH-UBND, its items, and the page breaks a PDF or Word paste left after them.
    private static let pagedHead = "ỦY BAN NHÂN DÂN\nHUYỆN ĐÔNG HẢI\nSố: 58/KH-UBND\nĐông Hải, ngày 24 tháng 5 năm 2021\n\n"
        + "KẾ HOẠCH\nTổ chức Tháng hành động vì trẻ em năm 2021\n\n"
    private static let pagedItems = ["I. MỤC ĐÍCH, YÊU CẦU\n1. Phòng chống đuối nước cho trẻ em.\n", "2. Tổ chức diễn đàn trẻ em.\n",
                                     "3. Tiếp tục thực hiện Kế hoạch số 37/KH-UBND ngày 10/3/2020 của Ủy ban nhân dân tỉnh.\n"]

    @Test("page numbers and a running header from a PDF or Word paste are no body: not segments, not coded, not counted, not cited")
    func pageArtefactsAreDropped() throws {
        let header = "Kế hoạch số 58/KH-UBND ngày 24/5/2021 của UBND huyện Đông Hải\tTrang "
        let clean = try Fixtures.parse(Self.pagedHead + Self.pagedItems.joined())
        let breaks = ["\n2\n\n- 3 -\n", header + "3\n", "Trang 4/5\n\n" + header + "4\n"]
        let pasted = try Fixtures.parse(Self.pagedHead + zip(Self.pagedItems, breaks).map { $0 + $1 }.joined())
        #expect(pasted.segments.map(\.path) == ["I", "I.1", "I.2", "I.3"])
        #expect(pasted.segments.map(\.text) == clean.segments.map(\.text) && pasted.syllableCount == clean.syllableCount)
        #expect(pasted.letterHead == clean.letterHead && pasted.letterHead.number == "58/KH-UBND")
        #expect(pasted.references.map(\.key) == ["37/KH-UBND"] && clean.references.map(\.key) == ["37/KH-UBND"])
        let coder = Coder(codebook: try #require(Fixtures.codebook), abbreviations: try Abbreviations.bundled())
        #expect(coder.code(pasted).counts == coder.code(clean).counts)
    }

    @Test("a sentence broken by a page number or running header is one sentence again once they are dropped")
    func pageBrokenSentenceIsRejoined() throws {
        let header = "Kế hoạch số 58/KH-UBND ngày 24/5/2021 của UBND huyện Đông Hải\tTrang 2\n"
        let whole = "4. Tổ chức các hoạt động vui chơi, giải trí cho trẻ em tại các xã.\n"
        let clean = try Fixtures.parse(Self.pagedHead + Self.pagedItems.joined() + whole)
        for page in ["\n2\n\n", "\n- 2 -\n\n", "\n\n" + header + "\n", "\nTrang 2/3\n" + header] {
            let broken = whole.replacingOccurrences(of: "các hoạt động ", with: "các hoạt động" + page)
            let pasted = try Fixtures.parse(Self.pagedHead + Self.pagedItems.joined() + broken)
            #expect(pasted.segments.map(\.path) == ["I", "I.1", "I.2", "I.3", "I.4"], "\(page.debugDescription)")
            // The parser reads the sentence whole; its quote keeps the source's wording, page number and all.
            let last = try #require(pasted.segments.last), cleanLast = try #require(clean.segments.last)
            #expect(Self.words(pasted.text.text(last.normalizedRange)) == Self.words(clean.text.text(cleanLast.normalizedRange)))
            #expect(last.text.hasPrefix("Tổ chức các hoạt động") && last.text.contains(page.trimmingCharacters(in: .newlines)))
            #expect(pasted.syllableCount == clean.syllableCount && pasted.actors == clean.actors && pasted.references == clean.references)
            let coder = Coder(codebook: try #require(Fixtures.codebook), abbreviations: try Abbreviations.bundled())
            #expect(coder.code(pasted).counts == coder.code(clean).counts, "\(page.debugDescription)")
        }
        // A page number between two whole sentences joins nothing.
        let next = try Fixtures.parse(Self.pagedHead + Self.pagedItems.joined() + whole + "\n3\n\nvui chơi cho trẻ em.\n")
        #expect(next.segments.last?.text == "vui chơi cho trẻ em.")
    }

    private static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: \.isWhitespace)
    }

    @Test("a directive does not cite its own number from its letter head; the same number dated otherwise is another document")
    func ownNumberIsNoReference() throws {
        let own = "4. Các xã báo cáo kết quả thực hiện Kế hoạch số 58/KH-UBND ngày 24/5/2021 về Ủy ban nhân dân huyện.\n"
        let other = "5. Tiếp tục thực hiện Kế hoạch số 58/KH-UBND ngày 10/3/2020 của Ủy ban nhân dân tỉnh.\n"
        let undated = "6. Các phòng, ban thực hiện nghiêm Kế hoạch số 58 /KH-UBND.\n"
        let d = try Fixtures.parse(Self.pagedHead + Self.pagedItems.joined() + own + other + undated)
        #expect(d.references.map(\.key) == ["37/KH-UBND", "58/KH-UBND"] && d.references.last?.date == "2020-03-10")
        // Without a number in its head, every citation is listed.
        let headless = try Fixtures.parse(Self.pagedItems.joined() + own + other + undated)
        #expect(headless.references.map(\.key) == ["37/KH-UBND", "58/KH-UBND", "58/KH-UBND", "58/KH-UBND"])
    }
}
