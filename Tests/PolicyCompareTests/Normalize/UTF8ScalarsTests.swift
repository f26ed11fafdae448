import Foundation
import Testing
@testable import PolicyCompare

@Suite("UTF8Scalars")
struct UTF8ScalarsTests {
    /// Random text of 1- to 4-byte code points.
    private static func text(count: Int, seed: UInt64) -> String {
        var random = ExportFixtures.SeededRandom(seed: seed)
        let pools: [ClosedRange<UInt32>] = [0x20...0x7E, 0xC0...0x1B0, 0x1EA0...0x1EF9, 0x1F600...0x1F64F]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<count {
            let pool = pools[Int.random(in: 0..<pools.count, using: &random)]
            if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &random)) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    @Test("a word's scalar starts are its bytes that are not continuation bytes", arguments: [1, 2] as [UInt64])
    func startsInWord(seed: UInt64) {
        var random = ExportFixtures.SeededRandom(seed: seed)
        for _ in 0..<2_000 {
            let bytes = (0..<8).map { _ in UInt8.random(in: 0...255, using: &random) }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(UTF8Scalars.starts(inWord: word) == bytes.count { $0 & 0xC0 != 0x80 }, "\(bytes)")
        }
        #expect(UTF8Scalars.starts(inWord: 0) == 8)
        #expect(UTF8Scalars.starts(inWord: 0x8080_8080_8080_8080) == 0)
        #expect(UTF8Scalars.starts(inWord: 0xBFBF_BFBF_BFBF_BFBF) == 0)
        #expect(UTF8Scalars.starts(inWord: 0xC0C0_C0C0_C0C0_C0C0) == 8)
    }

    @Test("the scalar count of UTF-8 is the string's, at every length around a word", arguments: [3, 4] as [UInt64])
    func scalarCount(seed: UInt64) {
        for count in Array(0...40) + [1_000, 4_099] {
            var text = Self.text(count: count, seed: seed &+ UInt64(count))
            let counted = text.withUTF8 { UTF8Scalars.scalarCount($0) }
            #expect(counted == text.unicodeScalars.count, "\(count) code points")
        }
        #expect(UTF8Scalars.scalarCount(UnsafeBufferPointer(start: nil, count: 0)) == 0)
    }

    @Test("a needle's bytes are found anywhere in the bytes, and only there")
    func containsNeedle() {
        func contains(_ text: String, _ needle: StaticString) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { UTF8Scalars.contains($0, needle) }
        }
        #expect(contains("Hà Nội, ngày 5 tháng 6", "ng") && contains("Hà Nội, ngày 5 tháng 6", "th") && contains("a,b", ","))
        #expect(contains("page", "page") && contains("xxpage", "page") && contains("pagexx", "page"))
        #expect(!contains("pag", "page") && !contains("NGÀY", "ng") && !contains("", ",") && !contains("p a g e", "page"))
        #expect(contains("", "") && contains("abc", ""))
    }

    /// What the standard library makes of `bytes`: their scalars when they are well-formed.
    private static func reference(_ bytes: [UInt8]) -> [Unicode.Scalar]? {
        String(validating: bytes, as: UTF8.self).map { Array($0.unicodeScalars) }
    }

    private static func decoded(_ bytes: [UInt8]) -> [Unicode.Scalar]? {
        bytes.withUnsafeBufferPointer { UTF8Scalars.validScalars($0, checkpointEvery: 64)?.scalars }
    }

    @Test("every sequence of one or two bytes, and every lead of three or four bytes with every second byte and edge values after it, alone and followed by ASCII, is accepted exactly when the standard library accepts it, with its scalars")
    func validScalarsShortSequences() {
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF0, 0xFF]
        var mismatches: [[UInt8]] = []
        // Alone, each sequence is read as one of the last eight bytes; followed by eight more,
        // as a whole scalar read without testing for the end.
        let after = Array("Kehoach.".utf8)
        func check(_ bytes: [UInt8]) {
            if Self.decoded(bytes) != Self.reference(bytes) { mismatches.append(bytes) }
            if Self.decoded(bytes + after) != Self.reference(bytes + after) { mismatches.append(bytes + after) }
        }
        for a in 0...255 as ClosedRange<UInt8> {
            check([a])
            for b in 0...255 as ClosedRange<UInt8> { check([a, b]) }
        }
        for lead in 0xE0...0xFF as ClosedRange<UInt8> {
            for b in 0...255 as ClosedRange<UInt8> {
                for c in edges {
                    check([lead, b, c])
                    if lead >= 0xF0 { for d in edges { check([lead, b, c, d]) } }
                }
            }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }

    @Test("surrogates, overlong forms and the largest code point")
    func validScalarsEdges() {
        #expect(Self.decoded([0xF4, 0x8F, 0xBF, 0xBF]) == [Unicode.Scalar(0x10FFFF)!])
        #expect(Self.decoded([0xF4, 0x90, 0x80, 0x80]) == nil)  // above U+10FFFF
        #expect(Self.decoded([0xED, 0x9F, 0xBF]) == [Unicode.Scalar(0xD7FF)!] && Self.decoded([0xED, 0xA0, 0x80]) == nil)  // a surrogate
        #expect(Self.decoded([0xE0, 0x80, 0xAF]) == nil && Self.decoded([0xC0, 0xAF]) == nil)  // overlong "/"
        #expect(Self.decoded(Array("Kế hoạch 🙂".utf8)) == Array("Kế hoạch 🙂".unicodeScalars))
        #expect(Self.decoded([]) == [])
    }

    @Test("a bad or cut byte at every place in and around runs of ASCII read eight bytes at a time is refused")
    func validScalarsAroundASCIIWords() {
        let ascii = Array("Thang hanh dong vi tre em 2019".utf8)
        for length in [7, 8, 9, 16, 17, ascii.count] {
            let text = Array(ascii.prefix(length))
            #expect(Self.decoded(text) == Self.reference(text))
            for place in 0..<length {
                for byte in [0x80, 0xBF, 0xC0, 0xC3, 0xE1, 0xF0, 0xFF] as [UInt8] {
                    var bad = text
                    bad[place] = byte
                    #expect(Self.decoded(bad) == Self.reference(bad), "\(bad)")
                    let cut = Array(text.prefix(place)) + [byte]
                    #expect(Self.decoded(cut) == Self.reference(cut), "\(cut)")
                }
                var letter = text
                letter.replaceSubrange(place..<place + 1, with: Array("ệ".utf8))
                #expect(Self.decoded(letter) == Self.reference(letter), "\(letter)")
            }
        }
    }

    @Test("random text, cut anywhere and with bytes changed, decodes as the standard library decodes it", arguments: [5, 6, 7] as [UInt64])
    func validScalarsRandom(seed: UInt64) {
        var random = ExportFixtures.SeededRandom(seed: seed)
        for round in 0..<400 {
            var bytes = Array(Self.text(count: Int.random(in: 0...120, using: &random), seed: seed &* 1_000 &+ UInt64(round)).utf8)
            switch round % 4 {
            case 0: break
            case 1: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
            case 2: if !bytes.isEmpty { bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random) }
            default: bytes.insert(UInt8.random(in: 0x80...0xFF, using: &random), at: Int.random(in: 0...bytes.count, using: &random))
            }
            #expect(Self.decoded(bytes) == Self.reference(bytes), "seed \(seed), round \(round): \(bytes)")
        }
    }

    /// Scalars in runs of one pool each, so that checkpoints and the ends of words fall at every
    /// place in a scalar.
    private static func runs(count: Int, pools: [ClosedRange<UInt32>], random: inout ExportFixtures.SeededRandom) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        while scalars.count < count {
            let pool = pools[Int.random(in: 0..<pools.count, using: &random)]
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &random)) { scalars.append(scalar) }
            }
        }
        return Array(scalars.prefix(count))
    }

    /// Checks what `validScalars` finds in `bytes` while decoding against separate passes: the
    /// standard library's scalars, a byte-by-byte count for the checkpoints, `needsNFC(utf8:)`.
    private static func checkDecodedLayout(_ bytes: [UInt8], step: Int, _ comment: Comment) {
        let decoded = bytes.withUnsafeBufferPointer { UTF8Scalars.validScalars($0, checkpointEvery: step) }
        #expect(decoded?.scalars == reference(bytes), comment)
        var checkpoints: [Int32] = [], scalar = 0
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            if scalar % step == 0 { checkpoints.append(Int32(offset)) }
            scalar += 1
        }
        #expect(decoded?.checkpoints == checkpoints, comment)
        #expect(decoded?.isNFC == !bytes.withUnsafeBufferPointer(TextNormalization.needsNFC(utf8:)), comment)
        #expect(decoded?.mojibake == bytes.withUnsafeBufferPointer { MojibakeEvidence(utf8: $0) }, comment)
        if step == SourceText.step {
            #expect(decoded?.checkpoints == bytes.withUnsafeBufferPointer(SourceText.checkpoints(utf8:)).checkpoints, comment)
        }
    }

    @Test("checkpoints and the NFC check made while decoding are those of separate passes over the bytes", arguments: [11, 12] as [UInt64])
    func decodedLayoutMatchesSeparatePasses(seed: UInt64) {
        var random = ExportFixtures.SeededRandom(seed: seed)
        // ASCII, Latin-1 and Vietnamese letters, emoji: NFC-stable. Combining marks, conjoining
        // jamo, composition exclusions (U+0958-095F): not.
        let stable: [ClosedRange<UInt32>] = [0x20...0x7E, 0xC0...0x1B0, 0x1EA0...0x1EF9, 0x1F600...0x1F64F]
        let unstable: [ClosedRange<UInt32>] = [0x300...0x36F, 0x1100...0x1112, 0x958...0x95F]
        for count in [0, 1, 7, 8, 9, 63, 64, 65, 127, 128, 129, 1_000] {
            for pools in [stable, stable + unstable] {
                let bytes = Array(String(String.UnicodeScalarView(Self.runs(count: count, pools: pools, random: &random))).utf8)
                for step in [1, 3, 64] {
                    Self.checkDecodedLayout(bytes, step: step, "\(count) scalars, step \(step): \(bytes)")
                }
            }
        }
    }

    @Test("a scalar that NFC could change is found wherever it falls around a checkpoint", arguments: [0, 1, 62, 63, 64, 65, 127, 128])
    func unstableScalarAtEveryPlace(position: Int) {
        for mark in ["\u{301}", "\u{1100}", "\u{958}", "ế"] as [Unicode.Scalar] {
            var scalars = Array(repeating: "ệ" as Unicode.Scalar, count: 130)
            scalars[position] = mark
            for count in [position + 1, 130] {
                let bytes = Array(String(String.UnicodeScalarView(scalars.prefix(count))).utf8)
                Self.checkDecodedLayout(bytes, step: 64, "\(mark) at \(position) of \(count)")
            }
        }
    }

    @Test("exactly 64 and 65 scalars of every width make one and two checkpoints")
    func checkpointsAtTheEdge() {
        for scalar in ["a", "ơ", "ệ", "🙂"] as [Unicode.Scalar] {
            for count in [64, 65] {
                let bytes = Array(String(repeating: String(scalar), count: count).utf8)
                let decoded = bytes.withUnsafeBufferPointer { UTF8Scalars.validScalars($0, checkpointEvery: 64) }
                #expect(decoded?.checkpoints == (count == 64 ? [0] : [0, Int32(64 * String(scalar).utf8.count)]))
                #expect(decoded?.scalars.count == count && decoded?.isNFC == true)
            }
        }
        let empty = [UInt8]().withUnsafeBufferPointer { UTF8Scalars.validScalars($0, checkpointEvery: 64) }
        #expect(empty?.scalars == [] && empty?.checkpoints == [] && empty?.isNFC == true)
    }

    @Test("every shipped directive's checkpoints and NFC check made while decoding are those of separate passes")
    func shippedDirectivesDecodedLayout() throws {
        let corpus = try #require(Fixtures.corpus)
        for document in corpus.documents {
            let bytes = try corpus.bytes(of: document)
            guard String(validating: bytes, as: UTF8.self) != nil else { continue }
            Self.checkDecodedLayout(bytes, step: 64, "\(document.file)")
            let nfd = Array(String(decoding: bytes, as: UTF8.self).decomposedStringWithCanonicalMapping.utf8)
            Self.checkDecodedLayout(nfd, step: 64, "\(document.file) in NFD")
        }
    }
}
