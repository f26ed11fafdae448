/// Picks the parts of a large input that encoding detection looks at, so that detection costs
/// the same for a 100 MB file as for a 1 MB one.
enum TextSample {
    /// Inputs up to this size are looked at whole (some 50,000 words).
    static let wholeLimit = 1 << 18
    /// The size of each of the chunks taken from larger inputs.
    static let chunkSize = 1 << 16
    /// How many chunks, spread evenly from the start to the end.
    static let chunkCount = 4

    /// Byte ranges to look at. Chunks of a larger input start after and end at an ASCII space or
    /// line feed, so they never split a character, a UTF-8 sequence or a VNI letter.
    static func ranges(of bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let count = bytes.count
        guard count > wholeLimit else { return [0..<count] }
        let step = (count - chunkSize) / (chunkCount - 1)
        var ranges: [Range<Int>] = []
        for chunk in 0..<chunkCount {
            var start = chunk * step
            var end = min(count, start + chunkSize)
            if start > 0 {
                while start < end && !isBreak(bytes[start - 1]) { start += 1 }
            }
            if end < count {
                while end > start && !isBreak(bytes[end - 1]) { end -= 1 }
            }
            if start < end {
                ranges.append(start..<end)
            }
        }
        return ranges.isEmpty ? [0..<count] : ranges
    }

    /// The sampled bytes, chunks joined by a line feed.
    static func bytes(of buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let ranges = ranges(of: buffer)
        var sample: [UInt8] = []
        sample.reserveCapacity(min(buffer.count, chunkCount * chunkSize + chunkCount))
        for (index, range) in ranges.enumerated() {
            if index > 0 { sample.append(0x0A) }
            sample.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[range]))
        }
        return sample
    }

    /// The sampled text of a string (which must be valid Unicode, as every `String` is).
    static func text(of string: String) -> String {
        var copy = string
        return copy.withUTF8 { buffer in
            guard buffer.count > wholeLimit else { return string }
            return String(decoding: bytes(of: buffer), as: UTF8.self)
        }
    }

    private static func isBreak(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A
    }
}
