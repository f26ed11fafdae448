/// A document's decoded source kept compactly (UTF-8) with an index for quoting by
/// code-point offsets in constant time per quote.
public struct SourceText: Sendable, Hashable {
    private static let step = 64
    private let bytes: [UInt8]
    /// Byte offset of every `step`-th scalar.
    private let checkpoints: [Int32]
    public let scalarCount: Int

    public init(_ scalars: [Unicode.Scalar]) {
        bytes = Array(NormalizedText.string(scalars).utf8)
        var checkpoints: [Int32] = []
        checkpoints.reserveCapacity(scalars.count / Self.step + 1)
        var scalar = 0
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            if scalar % Self.step == 0 { checkpoints.append(Int32(truncatingIfNeeded: offset)) }
            scalar += 1
        }
        self.checkpoints = checkpoints
        scalarCount = scalars.count
    }

    /// The text between two code-point offsets ("" when out of range).
    public func quote(_ range: Range<Int>) -> String {
        guard range.lowerBound >= 0, range.upperBound <= scalarCount, let start = byteOffset(range.lowerBound),
              let end = byteOffset(range.upperBound) else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private func byteOffset(_ scalar: Int) -> Int? {
        if scalar == scalarCount { return bytes.count }
        guard let checkpoint = checkpoints[safe: scalar / Self.step] else { return nil }
        var offset = Int(checkpoint)
        var remaining = scalar % Self.step
        while remaining > 0, offset < bytes.count {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }
}
