import Foundation
import Testing
@testable import PolicyCompare

/// Which agency mentions are given a task: the rule in `TaskRule`, run through the parser as
/// every directive is, on short sentences and on the five shipped directives.
@Suite struct TaskRuleTests {
    /// Each line is a paragraph of its own, so a mention heads a segment only where a line
    /// starts with it.
    @Test("a mention is tasked after a trigger, a short time phrase, a head's title or \"các\"",
          arguments: [
            ("Tỉnh đề nghị trong năm 2014 Ủy ban nhân dân các tỉnh tập trung chỉ đạo.", [true]),
            ("Tỉnh đề nghị trong năm Ủy ban nhân dân các tỉnh tập trung chỉ đạo.", [true]),
            ("Tỉnh giao trong tháng 6 các Sở Y tế báo cáo.", [true]),
            // Other words between the trigger and the agency: not a task.
            ("Tỉnh đề nghị trong thời gian tới Sở Y tế báo cáo.", [false]),
            ("Tỉnh đề nghị trong năm học mới Sở Y tế báo cáo.", [false]),
            ("Tỉnh đề nghị năm 2014 Sở Y tế báo cáo.", [false]),
            // A request to an agency's head is the agency's task.
            ("Tỉnh đề nghị Giám đốc (Thủ trưởng) các sở, ban, ngành ban hành văn bản.", [true]),
            ("Định kỳ báo cáo hoặc ủy quyền cho Giám đốc Sở Lao động - Thương binh và Xã hội báo cáo.", [true]),
            ("Tỉnh mời Giám đốc Sở Y tế dự họp.", [false]),
            ("Tỉnh đề nghị với cấp ủy Đảng chỉ đạo các tổ chức chính trị - xã hội.", [true, true]),
            ("Tỉnh yêu cầu Sở Y tế báo cáo.", [true]),
            ("Tỉnh phối hợp chặt chẽ với Sở Y tế chọn địa điểm.", [true]),
            ("Tỉnh phối hợp chặt chẽ Sở Y tế chọn địa điểm.", [false]),
          ])
    func triggers(body: String, tasked: [Bool]) throws {
        #expect(try Fixtures.parse(body).actors.map(\.tasked) == tasked)
    }

    @Test("agencies listed together after a trigger or at a segment's head, joined only by commas, semicolons, \"và\", \"các\", are all tasked",
          arguments: [
            ("Đề nghị các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố báo cáo.", [true, true]),
            ("Tỉnh đề nghị Sở Y tế và Sở Giáo dục và Đào tạo phối hợp.", [true, true]),
            ("Tỉnh đề nghị Sở Y tế; các Sở Giáo dục và Đào tạo phối hợp.", [true, true]),
            ("Sở Y tế, Sở Giáo dục và Đào tạo: Tổ chức diễn đàn.", [true, true]),
            // A place name or level after an agency, and "đoàn thể" listed with the departments.
            ("Đài Phát thanh và Truyền hình Kiên Giang; Báo Kiên Giang: Xây dựng chương trình.", [true, true]),
            ("Tỉnh đề nghị các sở, ban, ngành, đoàn thể của tỉnh, Ủy ban nhân dân các huyện báo cáo.", [true, true]),
            ("Các sở, ban, ngành, đoàn thể cấp tỉnh; Ủy ban nhân dân cấp huyện tổ chức triển khai.", [true, true]),
            // An agency after other words stays merely mentioned.
            ("Giao Sở Y tế tổ chức hội nghị, mời Sở Giáo dục và Đào tạo dự.", [true, false]),
            ("Giao Sở Y tế tổ chức hội nghị và Sở Giáo dục và Đào tạo dự.", [true, false]),
            ("Giao Sở Y tế. Sở Giáo dục và Đào tạo dự họp.", [true, false]),
            ("Giao Sở Y tế: Sở Giáo dục và Đào tạo dự họp.", [true, false]),
            ("Đề nghị các sở, ban, ngành, chính quyền cơ sở, Ủy ban nhân dân các huyện báo cáo.", [true, false]),
            ("Báo cáo gửi về Sở Y tế và Ủy ban nhân dân tỉnh.", [false, false]),
            ("Tỉnh mời Sở Y tế, Sở Giáo dục và Đào tạo dự họp.", [false, false]),
            // "của" between two agencies is "of", not a list.
            ("Phối hợp với Cục Trẻ em của Bộ Lao động - Thương binh và Xã hội.", [true, false]),
          ])
    func lists(body: String, tasked: [Bool]) throws {
        #expect(try Fixtures.parse(body).actors.map(\.tasked) == tasked)
    }

    @Test("an agency heading a segment that asks others (\"đề nghị\", \"yêu cầu\", \"giao\") is the one asking, not tasked",
          arguments: [
            ("Bộ Lao động - Thương binh và Xã hội đề nghị Ủy ban nhân dân các tỉnh báo cáo.", [false, true]),
            ("Ủy ban nhân dân tỉnh Kiên Giang đề nghị Sở Y tế báo cáo.", [false, true]),
            ("Sở Y tế yêu cầu các Trạm Y tế xã báo cáo.", [false, true]),
            ("Sở Y tế và Sở Giáo dục và Đào tạo giao Phòng Y tế huyện báo cáo.", [false, false, true]),
            // An agency given a task of its own: heading a segment, then doing, directing or joining.
            ("Sở Y tế chỉ đạo các Trạm Y tế xã tổ chức tiêm chủng.", [true, true]),
            ("Sở Y tế phối hợp các sở, ban, ngành tổ chức.", [true, true]),
            ("Sở Thông tin và Truyền thông: Đề nghị các cơ quan báo chí tuyên truyền.", [true]),
            ("Đề nghị Sở Y tế đề nghị Ủy ban nhân dân tỉnh hỗ trợ.", [true, true]),
          ])
    func issuer(body: String, tasked: [Bool]) throws {
        #expect(try Fixtures.parse(body).actors.map(\.tasked) == tasked)
    }

    @Test("an agency after \"do\" (\"by\") that directs or leads is tasked; after \"do\" as \"because\", or doing anything else, it is not",
          arguments: [
            ("Diễn đàn cấp huyện: do Ủy ban nhân dân cấp huyện chỉ đạo Phòng Lao động - Thương binh và Xã hội chủ trì tổ chức.", [true, true]),
            ("Diễn đàn do Sở Y tế chủ trì, phối hợp với Sở Giáo dục và Đào tạo.", [true, true]),
            ("Diễn đàn do Ủy ban nhân dân tỉnh Kiên Giang chỉ đạo.", [true]),
            ("Tỉnh chưa làm được do Sở Y tế chưa quan tâm.", [false]),
            ("Diễn đàn do Sở Y tế, chủ trì.", [false]),
            ("Văn bản do Sở Y tế ban hành.", [false]),
          ])
    func performer(body: String, tasked: [Bool]) throws {
        #expect(try Fixtures.parse(body).actors.map(\.tasked) == tasked)
    }

    @Test("the words come from task-words.tsv: every row has a known role and one phrase, and each role has phrases")
    func wordsTable() throws {
        let rows = try BundledResource.tsvRows("task-words.tsv")
        for row in rows {
            #expect(row.count == 2 && ["trigger", "title", "request", "performer"].contains(row[0]) && !row[1].isEmpty, "\(row)")
        }
        let words = try TaskRule.Words.bundled()
        #expect(words.triggers.count == rows.count { $0.first == "trigger" } && words.titles.count == 3 && words.requests.count == 3 && words.performed.count == 2)
        // A phrase is read in lower case and composed, and a row of another role or without a
        // phrase is left out.
        let custom = TaskRule.Words(rows: [["trigger", "Phối Hợp Với"], ["trigger", "phân co\u{302}ng"], ["bogus", "giao"], ["title"]])
        #expect(custom.triggers.map { Array(custom.words[$0]) } == [["phối", "hợp", "với"], ["phân", "công"]])
        #expect(custom.titles.isEmpty && custom.requests.isEmpty && custom.performed.isEmpty)
        #expect(custom.singles.map { custom.words[$0] } == ["các", "trong", "năm", "tháng", "và", "của", "cấp", "đoàn", "thể", "tỉnh", "huyện", "xã", "do"])
    }

    /// The review's cases in the shipped directives: every mention of the agency in the segment
    /// has the flag.
    @Test("the shipped directives task the agencies their sentences address",
          arguments: [
            // "…đề nghị trong năm 2014 Ủy ban nhân dân các tỉnh, thành phố tập trung chỉ đạo…"
            ("2014-molisa", "p2", "provincial_committee", true),
            ("2014-molisa", "p2", "molisa", false),
            // "…báo cáo hoặc ủy quyền cho Giám đốc Sở Lao động - Thương binh và Xã hội báo cáo … về Bộ…"
            ("2014-molisa", "11", "dolisa", true),
            ("2014-molisa", "11", "molisa", false),
            // "Bộ Lao động - Thương binh và Xã hội đề nghị Ủy ban nhân dân các tỉnh…"
            ("2010-molisa", "p5", "molisa", false),
            ("2010-molisa", "p5", "provincial_committee", true),
            ("2010-molisa", "2", "party_committees", true),
            ("2013-molisa", "p3", "molisa", false),
            ("2013-molisa", "p3", "provincial_committee", true),
            ("2013-molisa", "3", "party_committees", true),
            // "…đề nghị các sở, ban, ngành, đoàn thể của tỉnh, UBND các huyện, thành phố chỉ đạo…"
            ("2019-lang-son", "p3", "dolisa", false),
            ("2019-lang-son", "p3", "provincial_departments", true),
            ("2019-lang-son", "p3", "district_committee", true),
            ("2019-lang-son", "5.2", "district_committee", true),
            ("2019-lang-son", "6", "district_committee", true),
            ("2019-lang-son", "6", "dolisa", false),
            ("2019-lang-son", "p4", "dolisa", false),
            // "Đài Phát thanh và Truyền hình Kiên Giang; Báo Kiên Giang: Xây dựng…"
            ("2019-kien-giang", "IV.6.-2", "radio_tv", true),
            ("2019-kien-giang", "IV.6.-2", "provincial_newspaper", true),
            ("2019-kien-giang", "IV.6", "doic", true),
            ("2019-kien-giang", "IV.6", "radio_tv", true),
            ("2019-kien-giang", "IV.6", "provincial_newspaper", true),
            ("2019-kien-giang", "IV.6.-1", "doic", true),
            // "…phối hợp với Tỉnh đoàn Kiên Giang, các sở, ban, ngành…", "Phối hợp với Sở Giáo dục
            // và Đào tạo, Đoàn TNCS Hồ Chí Minh…": the partners listed after a trigger.
            ("2019-kien-giang", "III.3.*2", "provincial_departments", true),
            ("2019-kien-giang", "IV.1.-5", "youth_union", true),
            ("2019-kien-giang", "IV.4", "traffic_safety_board", true),
            ("2019-kien-giang", "IV.4", "dot", true),
            // "Các sở, ban, ngành, đoàn thể cấp tỉnh; Ủy ban nhân dân cấp huyện và các cơ quan…"
            ("2019-kien-giang", "V.p2", "provincial_departments", true),
            ("2019-kien-giang", "V.p2", "district_committee", true),
            ("2019-kien-giang", "V.p2", "provincial_committee", false),
            ("2019-kien-giang", "V.p2", "dolisa", false),
            // "…Ủy ban nhân dân tỉnh đề nghị Giám đốc (Thủ trưởng) các sở, ban, ngành … theo hệ thống;
            // Chủ tịch UBND các huyện, thành phố ban hành…": the districts follow other words.
            ("2019-kien-giang", "V.p1", "provincial_departments", true),
            ("2019-kien-giang", "V.p1", "provincial_committee", false),
            ("2019-kien-giang", "V.p1", "district_committee", false),
            // Later in a sentence after other words: "…gửi về Bộ … và Ủy ban nhân dân tỉnh",
            // "…cử 01 đại diện lãnh đạo Công an tỉnh tham gia".
            ("2019-kien-giang", "IV.1.-8", "molisa", false),
            ("2019-kien-giang", "IV.1.-8", "provincial_committee", false),
            ("2019-kien-giang", "IV.7.p1", "police", false),
            ("2019-kien-giang", "IV.9.*4.-1", "youth_union", false),
            // "Diễn đàn cấp huyện: do UBND cấp huyện chỉ đạo Phòng Lao động-Thương binh và Xã hội chủ trì…",
            // "…phối hợp chặt chẽ với Sở Lao động - Thương binh và Xã hội chọn địa điểm…".
            ("2019-kien-giang", "III.3.*1", "district_committee", true),
            ("2019-kien-giang", "III.3.*1", "labour_office", true),
            ("2019-kien-giang", "IV.10.-7.*1", "dolisa", true),
          ])
    func shippedDirectives(id: String, path: String, actor: String, tasked: Bool) throws {
        let mentions = try Fixtures.directive(id).actors.filter { $0.segmentPath == path && $0.id == actor }
        #expect(!mentions.isEmpty, "\(id) \(path) names no \(actor)")
        for mention in mentions {
            #expect(mention.tasked == tasked, "\(id) \(path) “\(mention.quote)”")
        }
    }
}
