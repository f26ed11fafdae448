import Testing
@testable import PolicyCompare

@Suite("ByteWord")
struct ByteWordTests {
    /// Words whose bytes are drawn mostly from a few values next to the ones tested (so that
    /// near misses and repeats are common), some wholly at random.
    static func words(seed: UInt64) -> [UInt64] {
        var random = ExportFixtures.SeededRandom(seed: seed)
        let near: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x26, 0x2C, 0x3C, 0x3E, 0x5F, 0x7F, 0x80, 0xEE, 0xEF, 0xF0, 0xFF]
        return (0..<4_000).map { n in
            if n % 4 == 0 { return random.next() }
            return (0..<8).reduce(UInt64(0)) { word, k in
                let byte = Bool.random(using: &random) ? near.randomElement(using: &random) ?? 0 : UInt8.random(in: 0...255, using: &random)
                return word | UInt64(byte) << UInt64(8 * k)
            }
        }
    }

    static func bytes(of word: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64(8 * $0)) }
    }

    @Test("a word xor a repeated byte has a zero byte exactly when the word holds that byte", arguments: [1, 2] as [UInt64])
    func findsEqualBytes(seed: UInt64) {
        for word in Self.words(seed: seed) {
            let bytes = Self.bytes(of: word)
            for target in [0x00, 0x0A, 0x0D, 0x22, 0x26, 0x2C, 0x5F, 0xEF, 0xFF] as [UInt8] {
                let found = ByteWord.zeroBytes(word ^ ByteWord.repeating(target)) != 0
                #expect(found == bytes.contains(target), "word \(String(word, radix: 16)), byte \(target)")
            }
        }
    }

    @Test("a word has a byte below a bound up to 0x80 exactly when one of its bytes is", arguments: [3, 4] as [UInt64])
    func findsBytesBelow(seed: UInt64) {
        for word in Self.words(seed: seed) {
            let bytes = Self.bytes(of: word)
            for bound in [0x01, 0x20, 0x21, 0x7F, 0x80] as [UInt8] {
                #expect((ByteWord.bytes(below: bound, in: word) != 0) == bytes.contains { $0 < bound },
                        "word \(String(word, radix: 16)), bound \(bound)")
            }
        }
    }

    @Test("the marks are high bits only, and a repeated byte fills every byte")
    func shapes() {
        #expect(ByteWord.repeating(0xAB) == 0xABAB_ABAB_ABAB_ABAB)
        #expect(ByteWord.zeroBytes(0) == ByteWord.highs)
        #expect(ByteWord.zeroBytes(0x0101_0101_0101_0101) == 0)
        for word in Self.words(seed: 5) {
            #expect(ByteWord.zeroBytes(word) & ~ByteWord.highs == 0 && ByteWord.bytes(below: 0x20, in: word) & ~ByteWord.highs == 0)
        }
    }
}
