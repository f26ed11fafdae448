extension Array where Element == UInt8 {
    /// Appends `bytes` through their buffer: `append(contentsOf:)` with an array goes through
    /// the generic sequence path, about twice the time for the few bytes of an XML tag or a
    /// line end, which the writers append several times per cell.
    @inline(__always)
    mutating func appendBytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }
}
