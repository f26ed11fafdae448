import Testing
@testable import PolicyCompare

@Suite("NormalizedText")
struct NormalizedTextTests {
    @Test("UTF-8 of scalars equals the string's bytes, in an array of exactly that size")
    func utf8() {
        var random = ExportFixtures.SeededRandom(seed: 9)
        let pools: [ClosedRange<UInt32>] = [0x20...0x7E, 0xC0...0x7FF, 0x1EA0...0x1EF9, 0x1F600...0x1F64F]
        let scalars = (0..<3_000).compactMap { _ in
            Unicode.Scalar(UInt32.random(in: pools[Int.random(in: 0..<pools.count, using: &random)], using: &random))
        }
        let bytes = NormalizedText.utf8(scalars)
        #expect(bytes == Array(NormalizedText.string(scalars).utf8))
        #expect(bytes.capacity < bytes.count + 64, "a source is kept for the whole run: no spare capacity beyond rounding")
        #expect(NormalizedText.utf8([]).isEmpty)
    }
}
