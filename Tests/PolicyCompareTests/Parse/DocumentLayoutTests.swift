import Foundation
import Testing
@testable import PolicyCompare

@Suite struct DocumentLayoutTests {
    /// Lines of a normalised text, as scalar ranges (blank lines left out).
    private static func lines(_ text: NormalizedText) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for i in 0...text.scalars.count where i == text.scalars.count || text.scalars[i] == "\n" {
            if i > start { result.append(start..<i) }
            start = i + 1
        }
        return result
    }

    /// The fast path may only take a line the full checks would file as content.
    private static func agreesWithFullChecks(_ text: NormalizedText, _ range: Range<Int>, _ vocabulary: DocumentLayout.Vocabulary) -> Bool {
        guard DocumentLayout.isPlainProse(text.scalars, range) else { return true }
        let bare = DocumentLayout.bare(text.text(range))
        return !DocumentLayout.isNoiNhan(bare) && !DocumentLayout.isSignature(bare, vocabulary) && !DocumentLayout.isUpperCase(bare)
    }

    @Test func proseFastPathTakesOnlyContentLinesOfTheRealDirectives() throws {
        let vocabulary = try DocumentLayout.Vocabulary.bundled()
        var taken = 0, total = 0
        for id in Fixtures.ids {
            let text = try Fixtures.directive(id).text
            for range in Self.lines(text) {
                total += 1
                if DocumentLayout.isPlainProse(text.scalars, range) { taken += 1 }
                #expect(Self.agreesWithFullChecks(text, range, vocabulary), "\(id): \(text.text(range))")
            }
        }
        // It must also be the common case, or it saves nothing.
        #expect(taken * 2 > total)
    }

    @Test(arguments: [
        ("Nơi nhận:", false), ("**Nơi nhận:**", false), ("  nơi nhận: như trên", false), ("(Đã ký)", false),
        ("KT. BỘ TRƯỞNG", false), ("THỨ TRƯỞNG", false), ("I. MỤC ĐÍCH, YÊU CẦU", false), ("Đ", false),
        ("ĐẨY MẠNH TRUYỀN THÔNG", false), ("Tổ chức các hoạt động", true), ("**Tổ chức** tháng hành động", true),
        ("- Sở Lao động phối hợp", true), ("1. Mục đích", true), ("Ư\u{301}NG HỘ", false),
    ])
    func proseFastPath(line: String, plain: Bool) throws {
        let text = VietnameseNormalizer.normalize(line)
        let range = 0..<text.scalars.count
        #expect(DocumentLayout.isPlainProse(text.scalars, range) == plain)
        #expect(Self.agreesWithFullChecks(text, range, try DocumentLayout.Vocabulary.bundled()))
    }

    /// `isUpperCase` by Character properties alone, as it was before its ASCII fast path.
    private static func upperCaseByCharacters(_ line: String) -> Bool {
        var letters = 0
        for c in line where c.isLetter {
            if c.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    @Test func upperCaseFastPathAgreesWithCharacterPropertiesOnEveryLineAndOddCases() throws {
        var lines: [String] = []
        for id in Fixtures.ids {
            let text = try Fixtures.directive(id).text
            lines += Self.lines(text).map { DocumentLayout.bare(text.text($0)) }
        }
        lines += ["a\u{301}BC", "A\u{301}BC", "ĐỀ ÁN", "Đ a", "ÀB", "x", "AB1", "KT. BỘ TRƯỞNG", "a\u{345}", "Ω a", "ǅA", "ĐÀ\u{20DD}b", "", "1 2 3", "\u{600}aAB"]
        #expect(lines.count > 200)
        #expect(lines.contains(where: DocumentLayout.isUpperCase) && !lines.allSatisfy(DocumentLayout.isUpperCase))
        for line in lines {
            #expect(DocumentLayout.isUpperCase(line) == Self.upperCaseByCharacters(line), "\(line)")
        }
    }

    @Test("a signature line is a signature word alone or followed by more words, in capitals, dots and brackets read as spaces",
          arguments: [("CHỦ TỊCH", true), ("KT. CHỦ TỊCH", true), ("KT.CHỦ TỊCH", true), ("PHÓ CHỦ TỊCH UBND TỈNH", true),
                      ("(Đã ký)", true), ("Q. GIÁM ĐỐC", true), ("CHỦ TỊCHX", false), ("KTX", false), ("KẾ HOẠCH", false),
                      ("Chủ tịch", false), ("TỔ CHỨC THÁNG HÀNH ĐỘNG", false)])
    func signatures(line: String, isSignature: Bool) throws {
        let vocabulary = try DocumentLayout.Vocabulary.bundled()
        #expect(DocumentLayout.isSignature(line, vocabulary) == isSignature)
    }
}
