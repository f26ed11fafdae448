import Foundation
import Testing
@testable import PolicyCompare

@Suite struct VietnameseNormalizerTests {
    func normalized(_ text: String) -> String {
        let n = VietnameseNormalizer.normalize(text)
        return n.text(0..<n.scalars.count)
    }

    @Test(arguments: [
        ("hoà", "hòa"), ("Hoá", "Hóa"), ("thuỷ", "thủy"), ("Uỷ ban", "Ủy ban"), ("khoẻ", "khỏe"), ("xoè", "xòe"),
        ("qúy", "quý"), ("gìa", "già"), ("hòang", "hoàng"), ("tòan", "toàn"), ("ngoại", "ngoại"), ("khuỷu", "khuỷu"),
        ("người", "người"), ("thuở", "thuở"), ("huýt", "huýt"), ("của", "của"), ("giữ", "giữ"), ("gìn", "gìn"),
    ])
    func tonePlacementIsCanonical(input: String, expected: String) {
        #expect(normalized(input).bytes == expected.precomposedStringWithCanonicalMapping.bytes)
    }

    @Test func decomposedInputBecomesComposed() {
        let nfd = "Tháng hành động vì trẻ em".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > "Tháng hành động vì trẻ em".unicodeScalars.count)
        #expect(normalized(nfd).bytes == "Tháng hành động vì trẻ em".bytes)
    }

    @Test func windows1258StyleCombiningTonesCompose() {
        // CP1258 writes the base letter (often precomposed with its shape) then a combining tone.
        let cp1258 = "Tha\u{301}ng ha\u{300}nh đô\u{323}ng"
        #expect(normalized(cp1258).bytes == "Tháng hành động".bytes)
    }

    @Test func spacesDashesAndQuotesAreUnified() {
        #expect(normalized("trẻ\u{00A0}em\t\tnghèo\u{200B}  và") == "trẻ em nghèo và")
        #expect(normalized("Lao động – Thương binh — Xã hội") == "Lao động - Thương binh - Xã hội")
        #expect(normalized("chủ đề “Chung tay” ‘x’") == "chủ đề \"Chung tay\" 'x'")
        #expect(normalized("  đầu dòng  \r\n cuối  ") == "đầu dòng\ncuối")
        #expect(normalized("Ðoàn") == "Đoàn")
    }

    @Test("a word quotes back to all of its original scalars, invisible characters inside it included")
    func wordsMapBackToTheirWholeRange() {
        let source = "te\u{200B}st ho\u{AD}à trẻ\u{AD}em x"
        let text = VietnameseNormalizer.normalize(source)
        #expect(text.text(0..<text.scalars.count) == "test hòa trẻem x")
        let words = text.text(0..<text.scalars.count).split(separator: " ").map(String.init)
        var start = 0
        var quotes: [String] = []
        for word in words {
            let range = start..<start + word.unicodeScalars.count
            quotes.append(text.quote(range))
            // Each letter of a word comes from within the word's original range.
            let whole = text.originalRange(range)
            for k in range { #expect(whole.contains(text.originalRange(k..<k + 1).lowerBound), "\(word), letter \(k - start)") }
            start = range.upperBound + 1
        }
        #expect(quotes == ["te\u{200B}st", "ho\u{AD}à", "trẻ\u{AD}em", "x"])
        // A word without a dropped character maps letter for letter.
        let plain = VietnameseNormalizer.normalize("ab cd")
        #expect((0..<5).map { plain.originalRange($0..<$0 + 1) } == (0..<5).map { $0..<$0 + 1 })
    }

    @Test func wordProcessorPageFieldsAreRemoved() {
        let signed = normalized("Nguyễn Quang Tuấn\n\n\nPAGE  \n1\n")
        #expect(signed.hasPrefix("Nguyễn Quang Tuấn"))
        #expect(!signed.contains("PAGE") && !signed.contains("1"))
        #expect(!normalized("a\nPAGE 12\nb").contains("PAGE"))
        #expect(normalized("Trang 1 PAGE nói về") == "Trang 1 PAGE nói về")
    }

    @Test func quotesComeFromTheOriginalWording() {
        let original = "Uỷ  ban\u{00A0}nhân dân tỉnh Kiên Giang".decomposedStringWithCanonicalMapping
        let n = VietnameseNormalizer.normalize(original)
        let text = n.text(0..<n.scalars.count)
        #expect(text == "Ủy ban nhân dân tỉnh Kiên Giang")
        // The normalised "Ủy ban" maps back to the source's own "Uỷ  ban" (NFD, two spaces).
        let quote = n.quote(0..<6)
        #expect(quote.bytes == "Uỷ  ban".decomposedStringWithCanonicalMapping.bytes)
        let range = n.originalRange(0..<6)
        #expect(NormalizedText.string(n.original, range).bytes == quote.bytes)
    }

    @Test(arguments: ["Nội dung\n\u{200B}PAGE 1\nTiếp", "Nội dung\u{2028}PAGE 1\u{2028}Tiếp", "Nội dung\u{0C}PAGE\u{0C}2\u{0C}Tiếp", "tảo\u{200B}em hòa\u{1}em"])
    func normalisingTwiceChangesNothing(_ input: String) {
        let once = normalized(input)
        #expect(normalized(once).bytes == once.bytes)
        #expect(!once.contains("PAGE"))
    }

    @Test func wordScalarFastPathsAgreeWithUnicodeProperties() {
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let byProperties = value < 0x80
                ? scalar.properties.isAlphabetic
                : value != 0xAD && (scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark)
            #expect(VietnameseNormalizer.isWordScalar(scalar) == byProperties, "U+\(String(value, radix: 16))")
        }
    }

    @Test("line breaks are exactly U+000A...U+000D, U+0085, U+2028 and U+2029, of every code point")
    func lineBreaks() {
        let breaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]
        var wrong: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if VietnameseNormalizer.isLineBreak(scalar) != breaks.contains(value) { wrong.append(value) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map { String($0, radix: 16) })")
    }

    @Test("a field code is found on the first line, the last, after CR LF and beside empty lines")
    func fieldCodeLinePlaces() {
        #expect(normalized("PAGE 1\nKế hoạch") == "\nKế hoạch")
        #expect(normalized("Kế hoạch\nPAGE 1") == "Kế hoạch\n")
        #expect(normalized("Kế hoạch\r\nPAGE\r\n2\r\nTiếp") == "Kế hoạch\n\n\nTiếp")
        #expect(normalized("Kế hoạch\n\nPAGE\n\n2\nTiếp") == "Kế hoạch\n\n\n\n\nTiếp")
    }

    @Test("every ASCII scalar between two letters: letters join them, controls vanish, spaces and line ends stay, the rest as it is")
    func everyASCIIScalarBetweenLetters() {
        for value in UInt8(0)..<0x80 {
            let s = Character(Unicode.Scalar(value))
            let expected: String = switch value {
            case 0x09, 0x20: "a b"
            case 0x0A, 0x0B, 0x0C, 0x0D: "a\nb"
            case 0x00..<0x20, 0x7F: "ab"
            default: "a\(s)b"
            }
            #expect(normalized("a\(s)b") == expected, "U+\(String(value, radix: 16))")
        }
        #expect(normalized("Kế\u{1}hoạch 2019\u{7F}") == "Kếhoạch 2019")
    }
}
