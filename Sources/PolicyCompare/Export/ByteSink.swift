/// Where the writers put the bytes they render: an array, or for the largest files a
/// ``GrowableBuffer``, whose appends skip the array's uniqueness and capacity checks.
protocol ByteSink: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>)
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
}

extension GrowableBuffer: ByteSink where Element == UInt8 {
    @inline(__always)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(contentsOf: bytes)
    }
}
