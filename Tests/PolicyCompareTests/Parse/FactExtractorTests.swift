import Foundation
import Testing
@testable import PolicyCompare

@Suite struct FactExtractorTests {
    @Test("a programme name loses its words as Foundation's replacingOccurrences removes them",
          arguments: ["hành động quốc gia vì trẻ em", "quốc gia quốc gia về về trẻ em", "bảo vệ trẻ em", "về", "về ", "vềvề ", "quốc gia",
                      "quốc giaquốc gia ", "hỗ trợ về quốc gia về trẻ", "", " ", "vquốc gia ề ", "phòng chống tai nạn thương tích trẻ em"])
    func removesLikeFoundation(name: String) {
        let expected = name.replacingOccurrences(of: "quốc gia ", with: "").replacingOccurrences(of: "về ", with: "")
        let removed = FactExtractor.removingAll(FactExtractor.removingAll(Array(name.utf8), Array("quốc gia ".utf8)), Array("về ".utf8))
        #expect(String(decoding: removed, as: UTF8.self) == expected)
        #expect(FactExtractor.removingAll(Array(name.utf8), []) == Array(name.utf8))
    }

    @Test("a key has a hyphen as Foundation's contains finds one",
          arguments: ["2011-2015", "2011", "-", "", "-2015", "2011-", "a-\u{301}b", "\u{301}-b", "x\u{301}-", "a\u{301}-\u{301}b-c", "đ-đ", "ư-", "--", "a\u{2010}b", "a\u{2212}b"])
    func hyphenAsFoundation(key: String) {
        #expect(FactExtractor.containsHyphen(key) == key.contains("-"))
    }

    @Test("a programme's years are the parts between \"-\" of four characters that Int reads, as splitting finds them",
          arguments: ["2011-2015", "2011", "2011-", "-2011", "--2011--2015", "20112015", "2011-2015-2020", "+201-+2011", "-201",
                      "201a-2015", "1e34", "0x12-2015", "", "-", "2011\u{301}-2015", "2011-\u{301}2015", "2011-\u{301}", "đ-2011",
                      "２０１１-2015", "2011 -2015", "\u{301}-2011"])
    func yearsAsSplitting(key: String) {
        var years: [String] = []
        FactExtractor.appendYears(of: key, to: &years)
        #expect(years == key.split(separator: "-").filter { $0.count == 4 && Int($0) != nil }.map(String.init))
    }

    @Test("a mention is tasked after a trigger, or after one and \"các\", or at the start of its segment")
    func taskedAfterTriggers() throws {
        let body = """
            Giao Sở Lao động - Thương binh và Xã hội chủ trì việc này.
            Đề nghị các Sở Lao động - Thương binh và Xã hội báo cáo.
            Tỉnh mời Sở Lao động - Thương binh và Xã hội dự họp.
            Tỉnh phối hợp với Đoàn TNCS Hồ Chí Minh tổ chức.
            Tỉnh đã mời các Đoàn TNCS Hồ Chí Minh dự họp.
            """
        let actors = try Fixtures.parse(body).actors
        #expect(actors.map(\.tasked) == [true, true, false, true, false])
    }

    @Test("a cited type is matched word by word within one sentence, longest first; commas do not split it, a full stop does",
          arguments: [
            ("Thực hiện Kế hoạch liên ngành số 5/KH-LN của Bộ.", ["Kế hoạch liên ngành"]),
            ("Thực hiện Kế hoạch số 7/KH-UBND của tỉnh.", ["Kế hoạch"]),
            ("Thực hiện Kế hoạch, liên ngành số 5/KH-LN của Bộ.", ["Kế hoạch liên ngành"]),
            ("Thực hiện Kế hoạch. Liên ngành số 5/KH-LN của Bộ.", []),
            ("Thực hiện Kế. Hoạch số 7/KH-UBND của tỉnh.", []),
            ("Không có văn bản nào được dẫn.", []),
          ])
    func referenceTypesWithinOneSentence(body: String, types: [String]) throws {
        #expect(try Fixtures.parse(body).references.map(\.type) == types)
    }

    @Test("a date code's parts are read as splitting at \"/\" and Int read them",
          arguments: ["05/7/2019", "01/6", "1/2/3/4", "//5//6", "5/", "/5", "5", "", "+5/-6", "5/6/abc", "5/6/", "99999999999999999999/1",
                      "123456789012345678/1", "1234567890123456789/1", "9223372036854775808/1", "1/2/3/\u{301}x", "5/\u{301}6",
                      "1/2/3/\u{301}", "5/6/2019\u{301}", "1/2/3\u{301}", "2019-05/6", "1e3/2", "5/6/2019/", "０5/6"])
    func slashParts(word: String) {
        let parts = word.split(separator: "/").map { Int($0) }
        let expected = parts.count >= 2 && parts.count <= 3 ? (parts[0], parts[1], parts.count == 3 ? parts[2] : nil) : nil
        let found = FactExtractor.slashParts(word)
        #expect((found == nil) == (expected == nil))
        if let found, let expected {
            #expect(found.0 == expected.0 && found.1 == expected.1 && found.2 == expected.2)
        }
    }

    @Test("deadlines open with either phrase, and without one of their words there are none")
    func deadlineOpeners() throws {
        let both = try Fixtures.parse("Báo cáo gửi trước ngày 05/7/2019. Hội nghị tổ chức vào ngày 01/6/2019.")
        #expect(both.deadlines.map { "\($0.kind.rawValue) \($0.date)" } == ["due 2019-07-05", "event 2019-06-01"])
        let due = try Fixtures.parse("Các đơn vị gửi kết quả trước ngày 05/7/2019 và 10/7/2019.")
        #expect(due.deadlines.map { "\($0.kind.rawValue) \($0.date)" } == ["due 2019-07-05", "due 2019-07-10"])
        let reporting = try Fixtures.parse("Các đơn vị báo cáo vào các ngày 25/5 và 20/11 hằng năm.")
        #expect(reporting.deadlines.map { "\($0.kind.rawValue) \($0.date)" } == ["reporting_date --05-25", "reporting_date --11-20"])
        #expect(try Fixtures.parse("Gửi trước tháng 7 và vào tháng 8.").deadlines.isEmpty)
        // "báo cáo" in the sentence, as two words or inside longer ones, makes a date a reporting one.
        let words = try Fixtures.parse("Các đơn vị gửi báo cáo vào ngày 25/5/2019. Hội nghị họp vào ngày 20/11/2019.")
        #expect(words.deadlines.map { "\($0.kind.rawValue) \($0.date)" } == ["reporting_date 2019-05-25", "event 2019-11-20"])
    }

    @Test("phrases whose words no token spells find nothing, and the facts they open are absent")
    func absentPhrases() throws {
        let d = try Fixtures.parse("Đây là một văn bản ngắn về trẻ em, không có thời hạn nào.")
        #expect(d.theme == nil && d.period == nil && d.slogans.isEmpty && d.references.isEmpty && d.deadlines.isEmpty)
    }
}

