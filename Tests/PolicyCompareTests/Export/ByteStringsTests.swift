import Testing
@testable import PolicyCompare

@Suite("ByteStrings")
struct ByteStringsTests {
    private func insert(_ text: String, into strings: inout ByteStrings) -> (id: Int, inserted: Bool) {
        var text = text
        return text.withUTF8 { strings.insert($0) }
    }

    private func text(_ id: Int, of strings: ByteStrings) -> String {
        strings.withBytes(of: id) { String(decoding: $0, as: UTF8.self) }
    }

    @Test("equal bytes get one number, in order of first insertion; bytes decide, not Unicode equivalence")
    func numbersByBytes() {
        var strings = ByteStrings()
        let texts = ["trẻ em", "", "Hòa", "trẻ em", "Hoa\u{300}", "", "Hòa"]
        let results = texts.map { insert($0, into: &strings) }
        #expect(results.map(\.id) == [0, 1, 2, 0, 3, 1, 2])
        #expect(results.map(\.inserted) == [true, true, true, false, true, false, false])
        #expect(strings.count == 4)
        #expect((0..<4).map { text($0, of: strings) } == ["trẻ em", "", "Hòa", "Hoa\u{300}"])
        #expect(strings.bytes == Array("trẻ emHòaHoa\u{300}".utf8), "kept end to end")
    }

    @Test("thousands of texts of every length stay apart and read back", arguments: [1, 2] as [UInt64])
    func many(seed: UInt64) {
        var random = ExportFixtures.SeededRandom(seed: seed)
        var strings = ByteStrings()
        var expected: [String] = []
        for _ in 0..<5_000 {
            let length = Int.random(in: 0..<40, using: &random)
            let word = String((0..<length).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x61...0x64, using: &random))) })
            let (id, inserted) = insert(word, into: &strings)
            if inserted { expected.append(word) }
            #expect(text(id, of: strings) == word)
        }
        #expect(strings.count == expected.count && expected.count > 1_000)
        #expect((0..<strings.count).map { text($0, of: strings) } == expected)
    }

    @Test("the hash reads eight bytes at a time and the rest one by one, and depends on all of them")
    func hashCoversEveryByte() {
        let base = Array("Tháng hành động vì trẻ em năm 2019".utf8)
        let hashes = (0..<base.count).map { position -> UInt64 in
            var changed = base
            changed[position] ^= 1
            return changed.withUnsafeBufferPointer(ByteStrings.hash)
        }
        let original = base.withUnsafeBufferPointer(ByteStrings.hash)
        #expect(!hashes.contains(original))
        #expect(Set(hashes).count == hashes.count)
    }
}
