import Testing
@testable import PolicyCompare

@Suite("CharacterCount")
struct CharacterCountTests {
    /// Every scalar counted from the bytes: tab, line feed, printable ASCII, U+00A0-02FF, U+1E00-1EFF.
    static let counted: [Unicode.Scalar] = ([0x09, 0x0A] + Array(0x20...0x7E) + Array(0xA0...0x2FF) + Array(0x1E00...0x1EFF))
        .compactMap { Unicode.Scalar(UInt32($0)) }

    /// ``CharacterCount/of(utf8:)`` of `text`'s bytes.
    private func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { CharacterCount.of(utf8: $0) }
    }

    @Test("no two scalars of the set join into one character, in any of many orders")
    func scalarsOfTheSetStandAlone() {
        var random = ExportFixtures.SeededRandom(seed: 12)
        var orders = [Self.counted, Self.counted.reversed(), Self.counted.flatMap { [$0, $0] }]
        for _ in 0..<40 { orders.append(Self.counted.shuffled(using: &random)) }
        for order in orders {
            let text = NormalizedText.string(order)
            #expect(text.count == order.count)
            #expect(count(text) == text.count)
        }
        for scalar in Self.counted {
            for neighbour in ["a", "ệ", "\n", "\t", " ", "\u{A0}", "\u{2FF}", "\u{1EF9}"] as [Unicode.Scalar] {
                #expect(NormalizedText.string([scalar, neighbour]).count == 2 && NormalizedText.string([neighbour, scalar]).count == 2)
            }
        }
    }

    @Test("text with any other scalar is counted by String.count", arguments: [
        "e\u{301}", "a\r\nb", "a\rb", "👍🏽", "🇻🇳", "\u{1100}\u{1161}", "x\u{200D}y", "\u{80}", "\u{7F}", "ǵ\u{300}", "",
        "Tháng hành động vì trẻ em năm 2019", "Tha\u{301}ng ha\u{300}nh",
    ])
    func otherTextIsCountedByString(text: String) {
        #expect(count(text) == text.count)
    }

    @Test("the fast path counts what String.count counts on every real directive's sentences")
    func realDirectives() throws {
        for id in Fixtures.ids {
            let text = try Fixtures.directive(id).text.original.map(String.init).joined()
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(count(String(line)) == line.count)
            }
            #expect(count(text) == text.count)
        }
    }

    @Test("a first line's characters up to a limit: counted from the bytes when the scalars before its end are in the set, else nil",
          arguments: [4, 5, 6] as [UInt64])
    func firstLines(seed: UInt64) {
        var random = ExportFixtures.SeededRandom(seed: seed)
        let pieces = ["a", "ệ", "ư", " ", "\t", "\n", "Đ", "\u{A0}", "e\u{302}\u{301}", "\r\n", "\r", "😀", "\u{85}"]
        let inSet = Set(Self.counted)
        var counted = 0
        for _ in 0..<600 {
            let text = (0..<Int.random(in: 0...80, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
            for limit in [0, 1, 7, 59, 1_000] {
                let fast = Array(text.utf8).withUnsafeBufferPointer { CharacterCount.firstLine($0, limit: limit) }
                // Counted from the bytes when every scalar before the line feed or the limit is in the set.
                var scalars = 0
                var inSetToTheEnd = true
                for scalar in text.unicodeScalars {
                    if scalars == limit || scalar == "\n" { break }
                    guard inSet.contains(scalar) else {
                        inSetToTheEnd = false
                        break
                    }
                    scalars += 1
                }
                if fast != nil { counted += 1 }
                #expect(fast == (inSetToTheEnd ? min(firstLine.count, limit) : nil), "\(text.debugDescription) \(limit)")
            }
        }
        #expect(counted > 600)
        #expect(Array("Kế hoạch\nsố 2".utf8).withUnsafeBufferPointer { CharacterCount.firstLine($0, limit: 59) } == 8)
        #expect(Array("Kế hoạch số 2".utf8).withUnsafeBufferPointer { CharacterCount.firstLine($0, limit: 4) } == 4)
        #expect(Array("Ke\u{302}\u{301} hoạch".utf8).withUnsafeBufferPointer { CharacterCount.firstLine($0, limit: 59) } == nil)
        #expect(Array("Kế\r\nhoạch".utf8).withUnsafeBufferPointer { CharacterCount.firstLine($0, limit: 59) } == nil)
    }
}
