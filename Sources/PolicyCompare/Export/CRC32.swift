/// CRC-32 as used by ZIP, gzip and PNG (reflected polynomial 0xEDB88320), table-driven.
///
/// Feed bytes with ``update(_:)`` as they come, or call ``checksum(_:)`` once.
public struct CRC32: Sendable, Hashable {
    /// The checksum of the bytes fed so far.
    public var value: UInt32 { ~state }

    private var state: UInt32 = 0xFFFF_FFFF

    public init() {}

    /// The CRC-32 of `bytes`, e.g. `0xCBF43926` for the ASCII bytes of `"123456789"`.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }

    /// Feeds more bytes.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(buffer: buffer)
        }
        if done == nil {
            for byte in bytes {
                state = Self.table[Int((state ^ UInt32(byte)) & 0xFF)] ^ (state >> 8)
            }
        }
    }

    /// Slicing-by-8: eight table lookups per eight bytes, then one byte at a time.
    ///
    /// The loop runs to the last whole eight bytes, found once: testing `count - index >= 8`
    /// checked two sums for overflow in every turn, a sixth of the loop's instructions.
    private mutating func update(buffer: UnsafeBufferPointer<UInt8>) {
        var crc = state
        var index = 0
        let count = buffer.count
        let wholeEights = count & ~7
        Self.table.withUnsafeBufferPointer { t in
            while index < wholeEights {
                let low = crc ^ (UInt32(buffer[index])
                    | UInt32(buffer[index + 1]) << 8
                    | UInt32(buffer[index + 2]) << 16
                    | UInt32(buffer[index + 3]) << 24)
                let high = UInt32(buffer[index + 4])
                    | UInt32(buffer[index + 5]) << 8
                    | UInt32(buffer[index + 6]) << 16
                    | UInt32(buffer[index + 7]) << 24
                crc = t[7 * 256 + Int(low & 0xFF)]
                    ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((low >> 16) & 0xFF)]
                    ^ t[4 * 256 + Int(low >> 24)]
                    ^ t[3 * 256 + Int(high & 0xFF)]
                    ^ t[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ t[1 * 256 + Int((high >> 16) & 0xFF)]
                    ^ t[Int(high >> 24)]
                index &+= 8
            }
            while index < count {
                crc = t[Int((crc ^ UInt32(buffer[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        state = crc
    }

    /// Eight 256-entry tables: table k maps a byte to its CRC after k further zero bytes.
    private static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
            table[byte] = crc
        }
        for slice in 1..<8 {
            for byte in 0..<256 {
                let previous = table[(slice - 1) * 256 + byte]
                table[slice * 256 + byte] = (previous >> 8) ^ table[Int(previous & 0xFF)]
            }
        }
        return table
    }()
}
