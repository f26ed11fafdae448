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
        // Written in place, each array at its final size: appending checked both arrays'
        // capacity and uniqueness for every scalar of every document.
        var loose: [Unicode.Scalar] = []
        strict = [Unicode.Scalar](unsafeUninitializedCapacity: scalars.count) { strict, initialized in
            loose = [Unicode.Scalar](unsafeUninitializedCapacity: scalars.count) { loose, looseInitialized in
                for (i, s) in scalars.enumerated() {
                    let lower = table.lowercase(s)
                    strict.initializeElement(at: i, to: lower)
                    loose.initializeElement(at: i, to: table.plainLetter(lower))
                }
                looseInitialized = scalars.count
            }
            initialized = scalars.count
        }
        self.loose = loose
    }
}
