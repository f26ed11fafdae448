extension UnsafeBufferPointer<Unicode.Scalar> {
    /// The index of the first `scalar` in `start..<end`, or `end` when there is none.
    ///
    /// Eight scalars are compared at once (the layout's line breaks and the builder's "(" are
    /// looked for through every scalar of a document, a few instructions each one by one).
    func index(of scalar: Unicode.Scalar, from start: Int, to end: Int) -> Int {
        var i = Swift.max(start, 0)
        let end = Swift.min(end, count)
        if let base = UnsafeRawPointer(baseAddress) {
            let wanted = SIMD8<UInt32>(repeating: scalar.value)
            let stride = MemoryLayout<Unicode.Scalar>.stride
            while i + 8 <= end {
                let block = base.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<UInt32>.self)
                if any(block .== wanted) { break }
                i += 8
            }
        }
        while i < end, self[i] != scalar { i += 1 }
        return i
    }
}
