/// Counts, in one pass over a file's bytes, what tells text from binary data and UTF-16 from UTF-8.
struct ByteProfile: Sendable, Hashable {
    /// The number of bytes.
    private(set) var count = 0
    /// NUL bytes at even offsets (the high byte of UTF-16 big-endian ASCII).
    private(set) var evenNuls = 0
    /// NUL bytes at odd offsets (the high byte of UTF-16 little-endian ASCII).
    private(set) var oddNuls = 0
    /// The offset of the first NUL byte, if any.
    private(set) var firstNul: Int?
    /// NUL bytes that end the file (padding).
    private(set) var trailingNuls = 0
    /// C0 control bytes other than tab, line feed, vertical tab, form feed, carriage return and
    /// DOS end-of-file (0x1A), plus DEL; NUL is counted apart.
    private(set) var controls = 0
    /// The offset of the first such control byte, if any.
    private(set) var firstControl: Int?

    /// Profiles `bytes`.
    init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { ByteProfile($0) }
    }

    /// Profiles the bytes in `buffer`.
    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        count = buffer.count
        // Most files have no NUL or control byte at all: find that out first, and do the
        // detailed pass only when there is one.
        guard Self.hasSpecial(buffer) else { return }
        var index = 0
        for byte in buffer {
            if byte < 0x20 || byte == 0x7F {
                if byte == 0 {
                    if index & 1 == 0 { evenNuls += 1 } else { oddNuls += 1 }
                    if firstNul == nil { firstNul = index }
                } else if !(0x09...0x0D).contains(byte) && byte != 0x1A {
                    controls += 1
                    if firstControl == nil { firstControl = index }
                }
            }
            index += 1
        }
        for byte in buffer.reversed() {
            guard byte == 0 else { break }
            trailingNuls += 1
        }
    }

    /// Whether `buffer` has a byte that ``isSpecial`` marks.
    ///
    /// Eight bytes at a time: a word with no byte below 0x20 and no DEL has none, and only a
    /// word with one (a line end, a tab) is looked up byte by byte.
    private static func hasSpecial(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        isSpecial.withUnsafeBufferPointer { isSpecial in
            var index = 0
            if let base = buffer.baseAddress {
                while index + 8 <= buffer.count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    // A byte below 0x20 borrows in `word - 0x20…` with its top bit clear, and
                    // no byte borrows before the first that does, so the test is exact for
                    // the word (which byte it marks is not); DEL is a zero byte of `word ^ 0x7F…`.
                    let del = word ^ 0x7F7F_7F7F_7F7F_7F7F
                    let low = (word &- 0x2020_2020_2020_2020) & ~word | (del &- 0x0101_0101_0101_0101) & ~del
                    if low & 0x8080_8080_8080_8080 != 0 {
                        for offset in index..<index + 8 where isSpecial[Int(buffer[offset])] != 0 { return true }
                    }
                    index += 8
                }
            }
            while index < buffer.count {
                if isSpecial[Int(buffer[index])] != 0 { return true }
                index += 1
            }
            return false
        }
    }

    /// 1 for NUL, DEL and the C0 controls other than tab, line feed, vertical tab, form feed,
    /// carriage return and DOS end-of-file; 0 for every other byte.
    private static let isSpecial: [UInt8] = (0...255).map { byte in
        byte == 0x7F || (byte < 0x20 && !(0x09...0x0D).contains(byte) && byte != 0x1A) ? 1 : 0
    }

    /// All NUL bytes.
    var nuls: Int { evenNuls + oddNuls }

    /// `true` for UTF-16 little-endian, `false` for big-endian, `nil` when the NUL bytes do not
    /// look like UTF-16: text without a byte order mark is taken as UTF-16 when at least 90% of
    /// its NUL bytes share one parity and they make at least a fifth of its code units (ASCII
    /// letters, digits and spaces, most of any Vietnamese text, have a NUL high byte).
    var utf16LittleEndian: Bool? {
        let units = count / 2
        guard units > 0 else { return nil }
        if oddNuls * 5 >= units && oddNuls >= 9 * evenNuls { return true }
        if evenNuls * 5 >= units && evenNuls >= 9 * oddNuls { return false }
        return nil
    }

    /// Whether control bytes make this binary data: more than 2 of them and more than 1% of bytes.
    var isMostlyControls: Bool {
        controls > 2 && controls * 100 > count
    }
}
