import Foundation

/// Unicode NFC for exported text, paying for normalisation only when text might not be NFC.
///
/// `precomposedStringWithCanonicalMapping` is slow, and almost every cell is already NFC, so a
/// cheap scan decides first. Swift's `==` treats NFC and NFD as equal, but pandas, pivot tables
/// and byte-comparing readers do not.
enum TextNormalization {
    /// `text` in NFC.
    static func nfc(_ text: String) -> String {
        needsNFC(text) ? text.precomposedStringWithCanonicalMapping : text
    }

    /// False only when `text` is certainly NFC already.
    ///
    /// Every scalar below U+0300 is NFC-stable with combining class 0, and in UTF-8 those are
    /// exactly the bytes below 0xCC, so most text is cleared by one byte scan; precomposed
    /// Vietnamese (U+1E00-1EFF, lead bytes E1 B8-BB) is skipped without decoding. Any other
    /// scalar is decoded and checked with ``mayChangeUnderNFC(_:)``.
    static func needsNFC(_ text: String) -> Bool {
        let scanned = text.utf8.withContiguousStorageIfAvailable(needsNFC(utf8:))
        if let scanned {
            return scanned
        }
        return text.unicodeScalars.contains(where: mayChangeUnderNFC)
    }

    /// ``needsNFC(_:)`` over valid UTF-8 bytes.
    ///
    /// Eight bytes at a time up to the next byte of 0xCC or above: most of a cell is ASCII
    /// and the two-byte letters below U+0300.
    static func needsNFC(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            if index + 8 <= count, let base = bytes.baseAddress {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                // The top bit of each byte of 0xCC or above: its low seven bits plus 0x34
                // carry into bit 7 (never into the next byte) exactly when they are 0x4C or more.
                let high = ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & word & 0x8080_8080_8080_8080
                guard high != 0 else {
                    index += 8
                    continue
                }
                index += high.trailingZeroBitCount >> 3
            }
            let lead = bytes[index]
            if lead < 0xCC {  // ASCII, continuation bytes, and leads of U+0080-02FF
                index += 1
                continue
            }
            if lead == 0xE1, index + 1 < count, (0xB8...0xBB).contains(bytes[index + 1]) {
                index += 3
                continue
            }
            guard let (value, length) = UTF8Scalars.read(bytes, at: index), let scalar = Unicode.Scalar(value) else { return true }
            if mayChangeUnderNFC(scalar) {
                return true
            }
            index += length
        }
        return false
    }

    /// Whether a scalar can be changed by NFC, alone or together with its neighbours.
    ///
    /// Covers NFC_Quick_Check=No (exactly the Full_Composition_Exclusion scalars) and
    /// NFC_Quick_Check=Maybe (combining marks, and conjoining jamo that compose into Hangul
    /// syllables), plus every scalar with a non-zero combining class, which reordering may move.
    static func mayChangeUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Below U+0300, and the precomposed Latin of Vietnamese (U+1E00-1EFF): NFC-stable starters
        // (TextNormalizationTests checks every scalar), skipped without a property lookup.
        if value < 0x300 || (0x1E00...0x1EFF).contains(value) {
            return false
        }
        if (0x1100...0x11FF).contains(value) {
            return true
        }
        let properties = scalar.properties
        if properties.canonicalCombiningClass != .notReordered || properties.isFullCompositionExclusion {
            return true
        }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
