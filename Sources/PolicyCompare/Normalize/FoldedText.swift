/// Case-folded and mark-folded copies of normalised text, scalar for scalar.
///
/// `strict` is lower case (tones kept): the key for ordinary patterns. `loose` also drops
/// tone and shape marks and reads "đ" as "d": the key for diacritic-insensitive patterns.
/// Both have exactly the normalised text's length, so a token's range indexes all three.
public struct FoldedText: Sendable, Hashable {
    public let strict: [Unicode.Scalar]
    public let loose: [Unicode.Scalar]

    public init(_ scalars: [Unicode.Scalar]) {
        let table = VietnameseLetters.shared
        var strict: [Unicode.Scalar] = []
        var loose: [Unicode.Scalar] = []
        strict.reserveCapacity(scalars.count)
        loose.reserveCapacity(scalars.count)
        for s in scalars {
            let lower = table.lowercase(s)
            strict.append(lower)
            loose.append(table.plainLetter(lower))
        }
        self.strict = strict
        self.loose = loose
    }
}
