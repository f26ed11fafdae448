import Testing
@testable import PolicyCompare

@Suite("SingleScalarCharacters")
struct SingleScalarCharactersTests {
    @Test("a scalar of the two ranges has the letter and case properties its character has, and no other scalar is answered for")
    func agreesWithCharacter() {
        let table = SingleScalarCharacters.shared
        var letters = 0
        for value in Array(UInt32(0x20)...0x2FF) + Array(UInt32(0x1E00)...0x1EFF) {
            guard let scalar = Unicode.Scalar(value), let properties = table.properties(scalar) else {
                Issue.record("no properties for U+\(String(value, radix: 16))")
                continue
            }
            let character = Character(scalar)
            #expect(properties.contains(.letter) == character.isLetter, "U+\(String(value, radix: 16))")
            #expect(properties.contains(.lowercase) == character.isLowercase, "U+\(String(value, radix: 16))")
            #expect(properties.contains(.uppercase) == character.isUppercase, "U+\(String(value, radix: 16))")
            if properties.contains(.letter) { letters += 1 }
        }
        #expect(letters > 600)
        #expect(table.properties("ệ") == [.letter, .lowercase])
        #expect(table.properties("Đ") == [.letter, .uppercase])
        for outside: Unicode.Scalar in ["\n", "\u{1F}", "\u{300}", "\u{200D}", "\u{20DD}", "Ω", "😀", "\u{1F00}"] {
            #expect(table.properties(outside) == nil, "U+\(String(outside.value, radix: 16))")
        }
    }

    @Test("a string of scalars from the two ranges has one character per scalar")
    func oneCharacterPerScalar() {
        let values = Array(UInt32(0x20)...0x2FF) + Array(UInt32(0x1E00)...0x1EFF)
        let text = String(String.UnicodeScalarView(values.compactMap(Unicode.Scalar.init)))
        #expect(text.count == values.count)
        #expect(text.unicodeScalars.count == values.count)
    }
}
