import Foundation
import Testing
@testable import PolicyCompare

@Suite struct FactExtractorTests {
    @Test("a programme name loses its words as Foundation's replacingOccurrences removes them",
          arguments: ["hành động quốc gia vì trẻ em", "quốc gia quốc gia về về trẻ em", "bảo vệ trẻ em", "về", "về ", "vềvề ", "quốc gia",
                      "quốc giaquốc gia ", "hỗ trợ về quốc gia về trẻ", "", " ", "vquốc gia ề ", "phòng chống tai nạn thương tích trẻ em"])
    func removesLikeFoundation(name: String) {
        let expected = name.replacingOccurrences(of: "quốc gia ", with: "").replacingOccurrences(of: "về ", with: "")
        let removed = FactExtractor.removingAll(FactExtractor.removingAll(name, Array("quốc gia ".utf8)), Array("về ".utf8))
        #expect(removed == expected)
        #expect(FactExtractor.removingAll(name, []) == name)
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

    @Test("phrases whose words no token spells find nothing, and the facts they open are absent")
    func absentPhrases() throws {
        let d = try Fixtures.parse("Đây là một văn bản ngắn về trẻ em, không có thời hạn nào.")
        #expect(d.theme == nil && d.period == nil && d.slogans.isEmpty && d.references.isEmpty && d.deadlines.isEmpty)
    }
}

