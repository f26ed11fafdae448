import Testing
@testable import PolicyCompare

@Suite("RunTable")
struct RunTableTests {
    private func insert(_ text: String, into strings: inout RunTable<UInt8>) -> (id: Int, inserted: Bool) {
        strings.insert(text)
    }

    private func text(_ id: Int, of strings: RunTable<UInt8>) -> String {
        strings.withElements(of: id) { String(decoding: $0, as: UTF8.self) }
    }

    @Test("equal byte runs get one number, in order of first insertion; bytes decide, not Unicode equivalence")
    func numbersByBytes() {
        var strings = RunTable<UInt8>()
        let texts = ["trẻ em", "", "Hòa", "trẻ em", "Hoa\u{300}", "", "Hòa"]
        let results = texts.map { insert($0, into: &strings) }
        #expect(results.map(\.id) == [0, 1, 2, 0, 3, 1, 2])
        #expect(results.map(\.inserted) == [true, true, true, false, true, false, false])
        #expect(strings.count == 4)
        #expect((0..<4).map { text($0, of: strings) } == ["trẻ em", "", "Hòa", "Hoa\u{300}"])
        #expect(strings.elements == Array("trẻ emHòaHoa\u{300}".utf8), "kept end to end")
        #expect(texts.map { strings.id(of: $0) } == [0, 1, 2, 0, 3, 1, 2] && strings.id(of: "trẻ") == nil)
    }

    @Test("thousands of texts of every length stay apart and read back", arguments: [1, 2] as [UInt64])
    func many(seed: UInt64) {
        var random = ExportFixtures.SeededRandom(seed: seed)
        var strings = RunTable<UInt8>()
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

    @Test("runs filed under a caller's hash (FNV-1a here) are numbered and found as under the table's own", arguments: [3, 4] as [UInt64])
    func callerHashes(seed: UInt64) {
        var random = ExportFixtures.SeededRandom(seed: seed)
        var own = RunTable<UInt8>(), given = RunTable<UInt8>()
        for _ in 0..<4_000 {
            let length = Int.random(in: 0..<12, using: &random)
            let word = String((0..<length).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x61...0x63, using: &random))) })
            let expected = own.insert(word)
            #expect(given.insert(word, hash: StableHash.fnv1a(word)) == expected, "\(word)")
        }
        #expect(given.count == own.count && given.count > 1_000, "enough runs to grow the table")
        #expect(given.elements == own.elements)
    }

    @Test("the hash reads eight bytes at a time, then four, then the rest one by one, and depends on all of them")
    func hashCoversEveryByte() {
        // Every length from 0 to 24 bytes: each tail of the eight-byte steps (none, four, or
        // one to three bytes after them) changes the hash when any of its bytes does.
        for length in 0...24 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let original = bytes.withUnsafeBytes(RunTable<UInt8>.hash)
            var seen: Set<UInt64> = [original]
            for position in bytes.indices {
                var changed = bytes
                changed[position] ^= 0x80
                seen.insert(changed.withUnsafeBytes(RunTable<UInt8>.hash))
            }
            #expect(seen.count == length + 1, "\(length) bytes")
            #expect(Array(bytes.dropLast()).withUnsafeBytes(RunTable<UInt8>.hash) != original || length == 0, "the length counts")
        }
        let base = Array("Tháng hành động vì trẻ em năm 2019".utf8)
        let hashes = (0..<base.count).map { position -> UInt64 in
            var changed = base
            changed[position] ^= 1
            return changed.withUnsafeBytes(RunTable<UInt8>.hash)
        }
        let original = base.withUnsafeBytes(RunTable<UInt8>.hash)
        #expect(!hashes.contains(original))
        #expect(Set(hashes).count == hashes.count)
    }

    @Test("the hash is the multiply-and-mix of eight bytes, then four, then single bytes, for every length and alignment")
    func hashMatchesItsDefinition() {
        // The definition, with words put together byte by byte and checked arithmetic.
        func reference(_ bytes: [UInt8]) -> UInt64 {
            func word(_ at: Int, _ count: Int) -> UInt64 {
                (0..<count).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
            }
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            func mix(_ word: UInt64) {
                hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
                hash ^= hash >> 31
            }
            var offset = 0
            while offset + 8 <= bytes.count {
                mix(word(offset, 8))
                offset += 8
            }
            if offset + 4 <= bytes.count {
                mix(word(offset, 4))
                offset += 4
            }
            while offset < bytes.count {
                hash = (hash ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01B3
                offset += 1
            }
            return hash ^ (hash >> 29)
        }
        let text = Array("Trẻ em là tương lai của đất nước; 20-CT/TW ngày 05/7/2019.".utf8)
        for start in 0..<9 {
            for length in 0...(text.count - start) {
                let bytes = Array(text[start..<start + length])
                text.withUnsafeBytes { raw in
                    #expect(RunTable<UInt8>.hash(UnsafeRawBufferPointer(rebasing: raw[start..<start + length])) == reference(bytes), "\(start), \(length)")
                }
            }
        }
        #expect(RunTable<UInt8>.hash(UnsafeRawBufferPointer(start: nil, count: 0)) == reference([]))
    }

    @Test("scalar runs are numbered in order of first insertion, and found inside a larger text")
    func numbersAndFinds() {
        var vocabulary = RunTable<Unicode.Scalar>()
        let words = ["trẻ", "em", "trẻ", "hoà", "hòa", "em", "ubnd"]
        #expect(words.map { vocabulary.insert($0) } == [0, 1, 0, 2, 3, 1, 4], "scalars decide: hoà and hòa differ")
        #expect(vocabulary.count == 5)
        let text = Array("quyền trẻ em và ubnd".unicodeScalars)
        text.withUnsafeBufferPointer { text in
            #expect(vocabulary.id(of: 6..<9, in: text) == 0)
            #expect(vocabulary.id(of: 10..<12, in: text) == 1)
            #expect(vocabulary.id(of: 16..<20, in: text) == 4)
            #expect(vocabulary.id(of: 0..<5, in: text) == nil)
            #expect(vocabulary.id(of: 6..<8, in: text) == nil, "a prefix of a word is not the word")
        }
        #expect(vocabulary.id(of: "hòa") == 3 && vocabulary.id(of: "") == nil)
    }

    @Test("thousands of scalar runs stay apart and are all found again")
    func many() {
        var vocabulary = RunTable<Unicode.Scalar>()
        let words = (0..<5_000).map { "w\($0)" }
        let ids = words.map { vocabulary.insert($0) }
        #expect(ids == Array(0..<5_000))
        #expect(words.map { vocabulary.id(of: $0) } == ids.map(Optional.some))
        #expect(vocabulary.id(of: "w5000") == nil)
    }
}
