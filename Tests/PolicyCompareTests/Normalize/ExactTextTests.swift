import Foundation
import Testing
@testable import PolicyCompare

@Suite("ExactText, SpaceTrimming, ArrayTrimming and scalar strings")
struct ExactTextTests {
    @Test("keys are equal exactly when their bytes are, and hash alike when equal")
    func byteEquality() {
        let nfc = "Thương binh và Xã hội"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(nfc == nfd)  // String: canonical equivalence
        #expect(ExactText(nfc) != ExactText(nfd))  // bytes differ
        #expect(ExactText(nfc) == ExactText(String(decoding: Array(nfc.utf8), as: UTF8.self)))
        let built = NormalizedText.string(Array(nfc.unicodeScalars))
        #expect(ExactText(built) == ExactText(nfc))
        #expect(Set([ExactText(nfc), ExactText(built), ExactText("")]).count == 2)
        #expect(ExactText("a") < ExactText("b"))
        #expect(ExactText("z") < ExactText("á"))  // UTF-8 byte order, not alphabetical
    }

    @Test("scalars are encoded to the same UTF-8 as Swift's own, for every length")
    func scalarEncoding() {
        let text = "A ơ ệ € 𝒜 😀 \u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"
        let scalars = Array(text.unicodeScalars)
        #expect(Array(NormalizedText.string(scalars).utf8) == Array(text.utf8))
        #expect(NormalizedText.string(scalars, 2..<5) == String(String.UnicodeScalarView(scalars[2..<5])))
        #expect(NormalizedText.string(scalars, 5..<99) == String(String.UnicodeScalarView(scalars[5...])))
        #expect(NormalizedText.string([Unicode.Scalar]()).isEmpty)
    }

    @Test("trimmingSpaces trims what Foundation's .whitespaces trims, nothing more")
    func trimming() {
        let samples = ["  a b  ", "\t\u{00A0}Kính gửi:\u{3000}", "\n x \n", "", "   ", "\u{2003}ệ\u{200B}", "a"]
        for sample in samples {
            #expect(sample.trimmingSpaces == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
            #expect(Substring(sample).trimmingSpaces == sample.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test("a trimmed array keeps its elements in storage of about their size")
    func arrayTrimming() {
        var grown: [UInt64] = []
        for value in 0..<1_000 { grown.append(UInt64(value)) }
        grown.reserveCapacity(4_000)
        let trimmed = grown.trimmed
        #expect(trimmed == grown)
        #expect(trimmed.capacity < 2_000 && grown.capacity >= 4_000)
        #expect([Int]().trimmed.isEmpty)
    }
}
