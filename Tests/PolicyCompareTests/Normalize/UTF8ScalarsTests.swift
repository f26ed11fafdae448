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
        bytes.withUnsafeBufferPointer(UTF8Scalars.validScalars)
    }

    @Test("every sequence of one or two bytes, and every lead of three or four bytes with every second byte and edge values after it, is accepted exactly when the standard library accepts it, with its scalars")
    func validScalarsShortSequences() {
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF0, 0xFF]
        var mismatches: [[UInt8]] = []
        func check(_ bytes: [UInt8]) {
            if Self.decoded(bytes) != Self.reference(bytes) { mismatches.append(bytes) }
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
}
