import Testing
@testable import PolicyCompare

@Suite("CharacterCount")
struct CharacterCountTests {
    /// Every scalar counted from the bytes: tab, line feed, printable ASCII, U+00A0-02FF, U+1E00-1EFF.
    static let counted: [Unicode.Scalar] = ([0x09, 0x0A] + Array(0x20...0x7E) + Array(0xA0...0x2FF) + Array(0x1E00...0x1EFF))
        .compactMap { Unicode.Scalar(UInt32($0)) }

    @Test("no two scalars of the set join into one character, in any of many orders")
    func scalarsOfTheSetStandAlone() {
        var random = ExportFixtures.SeededRandom(seed: 12)
        var orders = [Self.counted, Self.counted.reversed(), Self.counted.flatMap { [$0, $0] }]
        for _ in 0..<40 { orders.append(Self.counted.shuffled(using: &random)) }
        for order in orders {
            let text = NormalizedText.string(order)
            #expect(text.count == order.count)
            #expect(CharacterCount.of(text) == text.count)
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
        #expect(CharacterCount.of(text) == text.count)
    }

    @Test("the fast path counts what String.count counts on every real directive's sentences")
    func realDirectives() throws {
        for id in Fixtures.ids {
            let text = try Fixtures.directive(id).text.original.map(String.init).joined()
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(CharacterCount.of(String(line)) == line.count)
            }
            #expect(CharacterCount.of(text) == text.count)
        }
    }
}
