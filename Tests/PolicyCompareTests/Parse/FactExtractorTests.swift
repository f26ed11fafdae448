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
}
