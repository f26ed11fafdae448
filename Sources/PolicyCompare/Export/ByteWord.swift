/// Eight bytes at a time: the word tests the writers use to find any of a few bytes in a
/// text without looking at each byte.
///
/// In `zeroBytes(x)` the high bit of `x`'s lowest zero byte is set, and no bit is set when `x`
/// has no zero byte (bytes above the lowest zero one may be marked too, by the borrow: the
/// tests say whether a word holds such a byte, not where). Testing `word ^ repeating(b)`
/// finds a byte equal to `b`, and several tests joined with `|` are checked once.
enum ByteWord {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// `byte` in each of the eight bytes of a word.
    @inline(__always)
    static func repeating(_ byte: UInt8) -> UInt64 {
        UInt64(byte) &* ones
    }

    /// The high bits of `x`'s zero bytes (see above).
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        (x &- ones) & ~x & highs
    }

    /// Not zero exactly when a byte of `word` is below `bound`, for a bound up to 0x80; as in
    /// ``zeroBytes(_:)``, the lowest such byte's high bit is set and a borrow may mark others.
    @inline(__always)
    static func bytes(below bound: UInt8, in word: UInt64) -> UInt64 {
        (word &- repeating(bound)) & ~word & highs
    }
}
