/// `Character`'s letter and case properties, read from a table, for text whose characters
/// are each one scalar.
///
/// In U+0020-U+02FF and U+1E00-U+1EFF (Latin letters, Vietnamese's precomposed ones among
/// them, digits, punctuation and modifier letters) no scalar is a combining mark, joiner,
/// prepend or line break, so a string of them has one character per scalar. For such a
/// string the table answers what `Character` would: it holds what `Character` answered for
/// each scalar, asked once. Iterating characters costs grapheme breaking and a property
/// look-up per character; a line of a letter head took about 20,000 instructions.
struct SingleScalarCharacters: Sendable {
    struct Properties: OptionSet, Sendable {
        let rawValue: UInt8
        static let letter = Properties(rawValue: 1)
        static let lowercase = Properties(rawValue: 2)
        static let uppercase = Properties(rawValue: 4)
    }

    static let shared = SingleScalarCharacters()

    private static let low: ClosedRange<UInt32> = 0x20...0x2FF
    private static let high: ClosedRange<UInt32> = 0x1E00...0x1EFF
    private let table: [Properties]

    private init() {
        var table: [Properties] = []
        for value in Array(Self.low) + Array(Self.high) {
            guard let scalar = Unicode.Scalar(value) else {
                table.append([])
                continue
            }
            let character = Character(scalar)
            var properties: Properties = []
            if character.isLetter { properties.insert(.letter) }
            if character.isLowercase { properties.insert(.lowercase) }
            if character.isUppercase { properties.insert(.uppercase) }
            table.append(properties)
        }
        self.table = table
    }

    /// What `Character(scalar)` says of itself; nil when `scalar` is outside the two ranges
    /// (it might join its neighbours into one character).
    @inline(__always)
    func properties(_ scalar: Unicode.Scalar) -> Properties? {
        let value = scalar.value
        if Self.low.contains(value) { return table[Int(value - Self.low.lowerBound)] }
        if Self.high.contains(value) { return table[Self.low.count + Int(value - Self.high.lowerBound)] }
        return nil
    }
}
