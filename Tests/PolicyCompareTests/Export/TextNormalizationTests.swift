import Foundation
import Testing
@testable import PolicyCompare

@Suite("TextNormalization")
struct TextNormalizationTests {
    @Test("NFD Vietnamese becomes NFC bytes; NFC text is returned as it is")
    func vietnamese() {
        #expect(TextNormalization.needsNFC(ExportFixtures.vietnameseNFD))
        #expect(Array(TextNormalization.nfc(ExportFixtures.vietnameseNFD).utf8) == Array(ExportFixtures.vietnameseNFC.utf8))
        #expect(!TextNormalization.needsNFC(ExportFixtures.vietnameseNFC))
        #expect(!TextNormalization.needsNFC("plain ASCII, Latin-1 café"))
        #expect(TextNormalization.needsNFC("\u{212B}"))  // ANGSTROM SIGN is not NFC (it becomes Å)
        #expect(TextNormalization.needsNFC("\u{1100}\u{1161}"))  // conjoining jamo compose to 가
    }

    /// The byte scan decodes two-, three- and four-byte sequences itself; it must agree with
    /// the scalar check on every kind, and at the very end of the text.
    @Test("the byte scan agrees with the scalar check for every UTF-8 length")
    func byteScan() {
        let samples = [
            "Tháng hành động vì trẻ em", "e\u{301}", "x\u{0344}", "ấ\u{323}", "\u{212B}", "\u{2126}",
            "\u{1F600} ok", "𝒜 \u{1D15E}", "\u{0374}", "ϓ", "\u{FB1D}", "\u{0F73}", "ok\u{300}", "\u{1EA1}\u{1EA1}",
        ]
        for sample in samples {
            let byScalars = sample.unicodeScalars.contains(where: TextNormalization.mayChangeUnderNFC)
            #expect(TextNormalization.needsNFC(sample) == byScalars, "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The byte scan reads eight bytes at a time up to a byte of 0xCC or above, and the last
    /// few byte by byte: every lead byte must still be seen, wherever it falls.
    @Test("the word-at-a-time scan sees every two-byte scalar and marks at every place in and after a word")
    func wordScanSeesEveryPlace() {
        var scalars: [Unicode.Scalar] = (0x80...0x7FF).compactMap { Unicode.Scalar(UInt32($0)) }
        scalars += ["ệ", "ế", "\u{212B}", "\u{1100}", "\u{1F600}", "\u{1D15E}", "\u{FB1D}"]
        var mismatches: [String] = []
        for length in [1, 7, 8, 9, 15, 16, 17] {
            for place in 0..<length {
                for scalar in scalars {
                    var text = String.UnicodeScalarView(repeatElement("a", count: length))
                    text.replaceSubrange(text.index(text.startIndex, offsetBy: place)..<text.index(text.startIndex, offsetBy: place + 1), with: [scalar])
                    let sample = String(text)
                    let byScalars = sample.unicodeScalars.contains(where: TextNormalization.mayChangeUnderNFC)
                    let scanned = Array(sample.utf8).withUnsafeBufferPointer(TextNormalization.needsNFC(utf8:))
                    if scanned != byScalars { mismatches.append("\(String(scalar.value, radix: 16)) at \(place) of \(length)") }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(![UInt8]().withUnsafeBufferPointer(TextNormalization.needsNFC(utf8:)))
    }

    /// The quick check may send NFC text through normalisation, but must never skip text that
    /// NFC would change. Checked for every scalar up to U+2FFFF (all decompositions live there).
    @Test("the quick check never skips a scalar that NFC changes or that composes with a predecessor")
    func quickCheckIsSafe() {
        var unsafe: [String] = []
        for value in UInt32(0x300)..<0x3_0000 {
            guard let scalar = Unicode.Scalar(value) else {
                continue
            }
            let single = String(Character(scalar))
            if !TextNormalization.mayChangeUnderNFC(scalar),
               Array(single.precomposedStringWithCanonicalMapping.utf8) != Array(single.utf8) {
                unsafe.append(String(value, radix: 16))
            }
            // Every scalar after the first in a decomposition can combine with what precedes it.
            let decomposed = Array(single.decomposedStringWithCanonicalMapping.unicodeScalars)
            for later in decomposed.dropFirst() where !TextNormalization.mayChangeUnderNFC(later) {
                unsafe.append(String(later.value, radix: 16))
            }
        }
        #expect(unsafe.isEmpty, "scalars wrongly taken as NFC-stable: \(unsafe.prefix(20))")
    }
}
