import Foundation
import Testing
@testable import PolicyCompare

@Suite("VietnameseLetters")
struct VietnameseLettersTests {
    let table = VietnameseLetters.shared
    static let bases = Array("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY".unicodeScalars)
    static let tones: [Unicode.Scalar] = ["\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]

    /// The NFC scalar of `base` with combining `mark`.
    private func composed(_ base: Unicode.Scalar, _ mark: Unicode.Scalar) -> Unicode.Scalar? {
        let nfc = (String(Character(base)) + String(Character(mark))).precomposedStringWithCanonicalMapping.unicodeScalars
        return nfc.count == 1 ? nfc.first : nil
    }

    @Test("all 144 vowel forms split into base and tone, and compose back")
    func vowelForms() throws {
        var forms = 0
        for base in Self.bases {
            let baseParts = table.parts(base), isVowel = table.isVowel(base)
            #expect(baseParts?.base == base && baseParts?.tone == 0 && isVowel, "\(base)")
            for (i, mark) in Self.tones.enumerated() {
                let letter = try #require(composed(base, mark), "\(base) + tone \(i + 1)")
                let parts = try #require(table.parts(letter))
                let back = table.compose(base, tone: UInt8(i + 1)), isVowel = table.isVowel(letter)
                #expect(parts.base == base && parts.tone == UInt8(i + 1) && back == letter, "\(letter)")
                #expect(!isVowel, "isVowel takes a base, without tone: \(letter)")
                forms += 1
            }
        }
        #expect(forms + Self.bases.count == 144)
    }

    /// The unmarked letter of each base: "ă", "â" -> "a", "Ơ" -> "O", ...
    static let unmarked: [Unicode.Scalar: Unicode.Scalar] = {
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (bases, plain) in [("aăâ", "a"), ("eê", "e"), ("i", "i"), ("oôơ", "o"), ("uư", "u"), ("y", "y"),
                               ("AĂÂ", "A"), ("EÊ", "E"), ("I", "I"), ("OÔƠ", "O"), ("UƯ", "U"), ("Y", "Y")] {
            for base in bases.unicodeScalars { map[base] = plain.unicodeScalars.first }
        }
        return map
    }()

    @Test("lower case and plain letters of every scalar below U+3000; vowel flags")
    func everyScalar() {
        var vowelForms = 0
        for value in UInt32(0)..<0x3000 {
            guard let s = Unicode.Scalar(value) else { continue }
            let lowered = String(Character(s)).lowercased().unicodeScalars
            let expectedLower = lowered.count == 1 ? lowered.first ?? s : s
            let lower = table.lowercase(s), plainLetter = table.plainLetter(s), isVowel = table.isVowel(s), parts = table.parts(s)
            #expect(lower == expectedLower, "lower case of U+\(String(value, radix: 16))")
            // Plain: a vowel form's unmarked vowel, đ as d, anything else itself.
            let expectedPlain: Unicode.Scalar
            if let parts, let plain = Self.unmarked[parts.base] {
                expectedPlain = plain
                vowelForms += 1
                #expect(isVowel == (parts.tone == 0), "U+\(String(value, radix: 16)): a base is a vowel, a toned form is not")
            } else {
                expectedPlain = value == 0x110 ? "D" : value == 0x111 ? "d" : s
                #expect(!isVowel, "U+\(String(value, radix: 16)) is no vowel form")
            }
            #expect(plainLetter == expectedPlain, "plain letter of U+\(String(value, radix: 16))")
        }
        #expect(vowelForms == 144)
        let shaped = ["ơ", "Ư", "â", "o", "đ"].map { table.isShapedVowel(Unicode.Scalar($0) ?? " ") }
        #expect(shaped == [true, true, true, false, false])
    }

    @Test("lower case of every scalar from U+3000 to the end of Unicode, past the table")
    func lowercaseBeyondTheTable() {
        var mismatches: [String] = []
        for value in UInt32(0x3000)...0x10FFFF {
            guard let s = Unicode.Scalar(value) else { continue }
            let lowered = s.properties.lowercaseMapping.unicodeScalars
            let expected = lowered.count == 1 ? lowered.first ?? s : s
            if table.lowercase(s) != expected { mismatches.append("U+\(String(value, radix: 16))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(table.lowercase("\u{10400}") == "\u{10428}")  // Deseret: a case pair past the BMP
    }
}
