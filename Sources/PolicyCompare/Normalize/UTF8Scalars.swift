/// The one UTF-8 encoder of the pipeline, for the hot loops that write straight into a
/// buffer (legacy decoding, strings built from scalars).
enum UTF8Writer {
    /// Writes the UTF-8 bytes of a scalar value known to be valid; returns how many.
    @inline(__always)
    static func write(_ value: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if value < 0x80 {
            out.initialize(to: UInt8(truncatingIfNeeded: value))
            return 1
        }
        if value < 0x800 {
            out.initialize(to: UInt8(truncatingIfNeeded: 0xC0 | value >> 6))
            (out + 1).initialize(to: UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
            return 2
        }
        if value < 0x1_0000 {
            out.initialize(to: UInt8(truncatingIfNeeded: 0xE0 | value >> 12))
            (out + 1).initialize(to: UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F))
            (out + 2).initialize(to: UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
            return 3
        }
        out.initialize(to: UInt8(truncatingIfNeeded: 0xF0 | value >> 18))
        (out + 1).initialize(to: UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F))
        (out + 2).initialize(to: UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F))
        (out + 3).initialize(to: UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        return 4
    }
}
