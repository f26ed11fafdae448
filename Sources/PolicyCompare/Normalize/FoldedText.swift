/// Case-folded and mark-folded copies of normalised text, scalar for scalar.
///
/// `strict` is lower case (tones kept): the key for ordinary patterns. `loose` also drops
/// tone and shape marks and reads "đ" as "d": the key for diacritic-insensitive patterns.
/// Both have exactly the normalised text's length, so a token's range indexes all three.
public struct FoldedText: Sendable, Hashable {
    public let strict: [Unicode.Scalar]
    public let loose: [Unicode.Scalar]

    public init(_ scalars: [Unicode.Scalar]) {
        let count = scalars.count
        // Written in place, each array at its final size: appending checked both arrays'
        // capacity and uniqueness for every scalar of every document. Both folds of a scalar
        // below ``Self/pairsEnd`` (all Vietnamese text) come from one look-up, read through bare
        // pointers: the letter table's two look-ups and their range tests were about 2.5% of
        // analysing a document.
        var loose: [Unicode.Scalar] = []
        strict = [Unicode.Scalar](unsafeUninitializedCapacity: count) { strict, initialized in
            loose = [Unicode.Scalar](unsafeUninitializedCapacity: count) { loose, looseInitialized in
                scalars.withUnsafeBufferPointer { source in
                    Self.pairs.withUnsafeBufferPointer { pairs in
                        for i in 0..<count {
                            let scalar = source[i]
                            let (lower, plain) = scalar.value < Self.pairsEnd ? pairs[Int(scalar.value)] : Self.fold(scalar)
                            strict.initializeElement(at: i, to: lower)
                            loose.initializeElement(at: i, to: plain)
                        }
                    }
                }
                looseInitialized = count
            }
            initialized = count
        }
        self.loose = loose
    }

    /// The scalars that ``pairs`` holds the folds of: every Vietnamese letter is below it.
    private static let pairsEnd: UInt32 = 0x1F00

    /// `scalar`'s lower case and the plain letter of that, from ``VietnameseLetters``.
    private static func fold(_ scalar: Unicode.Scalar) -> (Unicode.Scalar, Unicode.Scalar) {
        let table = VietnameseLetters.shared
        let lower = table.lowercase(scalar)
        return (lower, table.plainLetter(lower))
    }

    /// ``fold(_:)`` of each scalar below ``pairsEnd``, by value (none of them is a surrogate).
    private static let pairs: [(Unicode.Scalar, Unicode.Scalar)] = (0..<pairsEnd).map { value in
        Unicode.Scalar(value).map(fold) ?? ("\u{FFFD}", "\u{FFFD}")
    }
}
