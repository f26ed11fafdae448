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

    @Test("scalars decoded from a string's UTF-8 are its scalars, in an array of exactly that size")
    func scalarsOfText() throws {
        var random = ExportFixtures.SeededRandom(seed: 10)
        let pools: [ClosedRange<UInt32>] = [0x00...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x1_0000...0x10_FFFF]
        var texts = ["", "a", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}", "e\u{301}", "Tháng hành động vì trẻ em 😀"]
        for length in [1, 2, 3, 50, 3_000] {
            let scalars = (0..<length).compactMap { _ in
                Unicode.Scalar(UInt32.random(in: pools[Int.random(in: 0..<pools.count, using: &random)], using: &random))
            }
            texts.append(NormalizedText.string(scalars))
        }
        for id in Fixtures.ids { texts.append(try Fixtures.directive(id).text.original.map(String.init).joined()) }
        for text in texts {
            let scalars = NormalizedText.scalars(of: text)
            #expect(scalars == Array(text.unicodeScalars))
            #expect(scalars.capacity < scalars.count + 16)
        }
    }

    @Test("a string made of scalars has exactly those scalars, at every length on both sides of the stack buffer's bounds")
    func stringOfScalars() {
        let pool: [Unicode.Scalar] = ["a", "ệ", "Đ", "\u{300}", "😀", " ", "7", "\u{10FFFF}", "ư"]
        for length in 0...40 {
            let scalars = (0..<length).map { pool[($0 * 7 + length) % pool.count] }
            let text = NormalizedText.string(scalars)
            #expect(Array(text.unicodeScalars) == scalars, "length \(length)")
            #expect(NormalizedText.string(scalars[...].dropFirst()) == String(String.UnicodeScalarView(scalars.dropFirst())))
        }
        let long = Array(repeating: Unicode.Scalar("ạ"), count: 300)
        #expect(NormalizedText.string(long) == String(repeating: "ạ", count: 300))
    }
}
