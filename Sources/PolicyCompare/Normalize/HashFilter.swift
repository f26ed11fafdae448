/// A set of 64-bit hashes that answers "certainly not held" or "perhaps held": one bit per
/// hash, chosen by its top bits (a Bloom filter with one hash function).
///
/// The phrase matchers look every spelling of every document up in their vocabularies, and
/// about five look-ups in six fail: a failed look-up in a ``RunTable`` probed its index through
/// two closures and cost some twenty-five instructions, where a bit of this filter costs a
/// shift and a load. It never answers "not held" for a hash it holds, so a caller that looks up
/// only what it may hold finds what it found before.
struct HashFilter: Sendable, Hashable {
    /// The bits, 64 to a word.
    private(set) var words: [UInt64]

    /// How many top bits of a hash choose its bit: 2^15 bits (4 KB) hold a vocabulary of a
    /// few thousand syllables with few false "perhaps" answers.
    private static let bitCount = 15

    init() {
        words = Array(repeating: 0, count: (1 << Self.bitCount) / 64)
    }

    /// A filter holding the ``RunTable/hash(of:)`` of every run of `table`, the hash that
    /// ``RunTable/id(of:in:hash:)`` looks them up by.
    init(_ table: RunTable<Unicode.Scalar>) {
        self.init()
        for id in 0..<table.count { insert(table.withElements(of: id) { RunTable<Unicode.Scalar>.hash(of: $0) }) }
    }

    mutating func insert(_ hash: UInt64) {
        let bit = Self.bit(hash)
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// Whether `hash` may be held (false: it certainly is not).
    func mayHold(_ hash: UInt64) -> Bool {
        words.withUnsafeBufferPointer { Self.mayHold(hash, in: $0) }
    }

    /// ``mayHold(_:)`` with the ``words`` of a filter already in hand, for a caller that tests
    /// many hashes in a loop.
    @inline(__always)
    static func mayHold(_ hash: UInt64, in words: UnsafeBufferPointer<UInt64>) -> Bool {
        let bit = Self.bit(hash)
        return words[bit &>> 6] &>> UInt64(bit & 63) & 1 != 0
    }

    /// The bit of `hash`: its top bits, which the multiplications of the hashes of
    /// ``RunTable`` mix best (``HashIndex`` places items by the low ones).
    @inline(__always)
    private static func bit(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash &>> UInt64(64 - bitCount))
    }
}
