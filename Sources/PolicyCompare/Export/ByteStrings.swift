import Foundation

/// Distinct byte strings numbered 0, 1, 2, ... in order of first insertion, kept end to end in
/// one array.
///
/// The workbook numbers every distinct text of its sheets; at 10,000 generated plans that is
/// hundreds of thousands of quotes. As `String` objects keyed in a `Dictionary` each cost an
/// allocation, a header and a table entry besides its bytes; here each costs its bytes, an
/// end offset and a slot of a ``HashIndex``.
struct ByteStrings: Sendable {
    private var index = HashIndex()
    /// Every string's bytes, in order of insertion.
    private(set) var bytes: [UInt8] = []
    /// End of string `k` in `bytes` (its start is the end of string `k - 1`).
    private var ends: [Int] = []

    var count: Int { ends.count }

    /// The number of `string`, and whether it was added now.
    @discardableResult
    mutating func insert(_ string: UnsafeBufferPointer<UInt8>) -> (id: Int, inserted: Bool) {
        let (id, inserted) = bytes.withUnsafeBufferPointer { stored in
            ends.withUnsafeBufferPointer { ends in
                index.id(hash: Self.hash(string)) { id in
                    let range = Self.range(of: Int(id), ends: ends)
                    guard range.count == string.count else { return false }
                    guard let storedBase = stored.baseAddress, let base = string.baseAddress else { return range.isEmpty }
                    return memcmp(storedBase + range.lowerBound, base, range.count) == 0
                }
            }
        }
        if inserted {
            bytes.append(contentsOf: string)
            ends.append(bytes.count)
        }
        return (Int(id), inserted)
    }

    /// Calls `body` with the bytes of string `id`.
    func withBytes<R>(of id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = ends.withUnsafeBufferPointer { Self.range(of: id, ends: $0) }
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    private static func range(of id: Int, ends: UnsafeBufferPointer<Int>) -> Range<Int> {
        (id > 0 ? ends[id - 1] : 0)..<ends[id]
    }

    /// A multiply-and-mix hash, eight bytes at a time: enough for texts no one picks to collide.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01B3
            offset += 1
        }
        return hash ^ (hash >> 29)
    }
}
