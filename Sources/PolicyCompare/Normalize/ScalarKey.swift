/// A run of scalars as a dictionary key, hashed as one block of memory.
///
/// `ArraySlice<Unicode.Scalar>` hashes scalar by scalar through `Hasher.combine`, which put
/// the matcher's three lookups per token among the top costs of a large run; equality and
/// hashing here are the same relation, only done on the raw 32-bit values at once.
struct ScalarKey: Hashable {
    var scalars: ArraySlice<Unicode.Scalar>

    init(_ scalars: ArraySlice<Unicode.Scalar>) {
        self.scalars = scalars
    }

    init(_ text: String) {
        scalars = ArraySlice(Array(text.unicodeScalars))
    }

    static func == (lhs: ScalarKey, rhs: ScalarKey) -> Bool {
        lhs.scalars.count == rhs.scalars.count && lhs.scalars.withUnsafeBytes { left in
            rhs.scalars.withUnsafeBytes { right in left.elementsEqual(right) }
        }
    }

    func hash(into hasher: inout Hasher) {
        scalars.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
