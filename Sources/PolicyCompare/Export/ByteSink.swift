/// Where the writers put the bytes they render: an array, a ``GrowableBuffer``, whose
/// appends skip the array's uniqueness and capacity checks, or for the largest files a
/// ``StreamedFile/Sink``, which renders into the file's own blocks.
protocol ByteSink: ~Copyable {
    /// Bytes appended so far.
    var count: Int { get }
    mutating func append(_ byte: UInt8)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Appends the low `count` bytes of `word` (at most 8), its lowest byte first: a number's
    /// digits, gathered in one register, with one store rather than one append each.
    mutating func append(word: UInt64, count: Int)
}

extension ByteSink where Self: ~Copyable {
    /// Appends `bytes` through their buffer: `append(contentsOf:)` with an array goes through
    /// the generic sequence path, about twice the time for the few bytes of an XML tag or a
    /// line end, which the writers append several times per cell.
    @inline(__always)
    mutating func appendBytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { appendBytes($0) }
    }
}

extension Array: ByteSink where Element == UInt8 {
    @inline(__always)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(contentsOf: bytes)
    }

    mutating func append(word: UInt64, count: Int) {
        for k in 0..<Swift.min(Swift.max(count, 0), 8) { append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(k)))) }
    }
}

extension GrowableBuffer: ByteSink where Element == UInt8 {
    @inline(__always)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(contentsOf: bytes)
    }
}
