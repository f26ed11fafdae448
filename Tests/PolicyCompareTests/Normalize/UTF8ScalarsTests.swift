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
}
