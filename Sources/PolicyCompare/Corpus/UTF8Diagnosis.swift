/// Where and how badly bytes fail to be UTF-8, found by a scan that follows Unicode's table of
/// well-formed byte sequences (The Unicode Standard, table 3-7).
struct UTF8Diagnosis: Sendable, Hashable {
    /// The offset of the first invalid sequence, if any.
    private(set) var firstInvalid: Int?
    /// The byte at `firstInvalid`.
    private(set) var firstInvalidByte: UInt8 = 0
    /// Invalid sequences; an incomplete sequence cut off by the end of the bytes is not counted.
    private(set) var invalidCount = 0
    /// Well-formed sequences of two to four bytes.
    private(set) var multibyteCount = 0
    /// The offset of an incomplete sequence at the very end, if the bytes end inside one.
    private(set) var truncatedTail: Int?

    /// Scans `bytes`.
    init<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) where Bytes.Index == Int {
        let start = bytes.startIndex
        let end = bytes.endIndex
        var index = start
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: length = 0
            }
            var valid = length > 0
            var next = index + 1
            while valid && next < index + length {
                guard next < end else {
                    truncatedTail = index - start
                    return
                }
                let byte = bytes[next]
                let (lower, upper) = next == index + 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                if byte < lower || byte > upper {
                    valid = false
                } else {
                    next += 1
                }
            }
            if valid {
                multibyteCount += 1
                index += length
            } else {
                if firstInvalid == nil {
                    firstInvalid = index - start
                    firstInvalidByte = lead
                }
                invalidCount += 1
                index += 1
                // Clearly not UTF-8: the counts cover only the part scanned.
                if invalidCount > 1_000 && invalidCount > 2 * multibyteCount { return }
            }
        }
    }
}
