/// The pipeline's one UTF-8 encoder and decoder for hot loops: writing scalars straight into
/// a buffer (legacy decoding, strings built from scalars), reading them back from valid
/// UTF-8 (a string's scalars, the NFC check), and validating a file's bytes while decoding them.
enum UTF8Scalars {
    /// Whether the bytes of `needle` occur in `bytes`: the byte prefilters of the
    /// normaliser's field codes and the letter head's date lines.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let length = needle.utf8CodeUnitCount
        guard bytes.count >= length else { return false }
        guard length > 0 else { return true }
        return needle.withUTF8Buffer { needle in
            // Each place is tested by its first byte before the rest are compared.
            let first = needle[0]
            for start in 0...(bytes.count - length) where bytes[start] == first {
                var k = 1
                while k < length, bytes[start + k] == needle[k] { k += 1 }
                if k == length { return true }
            }
            return false
        }
    }

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

    /// How many scalars start in the eight bytes of `word`: every byte but a continuation
    /// byte (10xxxxxx) starts one. Counting a word at a time is how long UTF-8 is measured in
    /// scalars (a document's scalar count, its quoting checkpoints, a quote's byte offsets).
    @inline(__always)
    static func starts(inWord word: UInt64) -> Int {
        // A continuation byte has its top bit set and the next one clear; shifting left by
        // one moves each byte's bit 6 under its bit 7 (bit 7 of a byte lands in the next
        // byte's bit 0, outside the mask). The flags, one per byte, are added up with one
        // multiply into the top byte (at most 8, so no byte overflows): the x86-64 baseline
        // has no popcount instruction, and `nonzeroBitCount` compiled to about 30 instructions.
        let continuations = (word & ~(word << 1) & 0x8080_8080_8080_8080) >> 7
        return 8 - Int(truncatingIfNeeded: (continuations &* 0x0101_0101_0101_0101) >> 56)
    }

    /// How many scalars start in `bytes` (their count, when the bytes are valid UTF-8).
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0, offset = 0
        while offset + 8 <= bytes.count {
            count += starts(inWord: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            offset += 8
        }
        while offset < bytes.count {
            if bytes[offset] & 0xC0 != 0x80 { count += 1 }
            offset += 1
        }
        return count
    }

    /// Well-formed UTF-8 decoded, with what a ``SourceText`` of the same bytes needs to know of
    /// them, found in the same pass.
    struct Decoded {
        var scalars: [Unicode.Scalar]
        /// The byte offset of every `step`-th scalar (scalars 0, step, 2·step, …).
        var checkpoints: [Int32]
        /// True when no scalar could change under NFC: what
        /// ``TextNormalization/needsNFC(utf8:)`` of the bytes denies.
        var isNFC: Bool
        /// The signs of legacy text stored as Unicode, from the lead bytes counted here.
        var mojibake: MojibakeEvidence
    }

    /// The scalars of `bytes` when they are well-formed UTF-8 (exactly when
    /// `String(validating:as:)` accepts them), validated and decoded in one pass, with the byte
    /// offset of every `step`-th scalar and whether any could change under NFC; nil when they
    /// are not well-formed.
    ///
    /// A file's text was validated into a string and then decoded again into scalars for the
    /// normaliser, and its source then read the bytes twice more for its checkpoints and its
    /// NFC check: four passes, and a copy, where one does. Runs of ASCII (two bytes on average
    /// in Vietnamese, between letters with diacritics) are widened up to eight bytes at a time.
    /// All but the last eight bytes are read without testing for the end (a word, or a whole
    /// multi-byte scalar, is always there); only those last bytes are read one scalar at a time.
    /// The lead bytes that ``MojibakeEvidence`` counts are counted as their scalars are
    /// decoded, one look-up each, instead of in a pass of its own over every byte.
    static func validScalars(_ bytes: UnsafeBufferPointer<UInt8>, checkpointEvery step: Int) -> Decoded? {
        let count = bytes.count
        // At most 2^32 - 1 scalars between checkpoints, for the lead counters below.
        let step = max(1, min(step, Int(UInt32.max)))
        var wellFormed = true, isNFC = true
        var checkpoints: [Int32] = []
        checkpoints.reserveCapacity(count / step + 1)
        var latin1Leads = 0, vietnameseLeads = 0
        // A scalar takes at least one byte: room for as many scalars as bytes, so that the
        // bytes need not be counted first.
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            MojibakeEvidence.leadCounts.withUnsafeBufferPointer { leadCounts in
                guard let start = buffer.baseAddress, let base = bytes.baseAddress else { return }
                // Scalars are written as their values (a `Unicode.Scalar` is its `UInt32`): those
                // of well-formed UTF-8 need no second check.
                let out = UnsafeMutableRawPointer(start)
                var i = 0, n = 0
                defer { initialized = n }
                // Eight bytes can be read from every offset up to this one.
                let lastWord = count - 8
                // The lead counts of the scalars since the last checkpoint: two 32-bit counters
                // in one word, which `step` keeps from overflowing.
                var leads: UInt64 = 0
                defer {
                    latin1Leads += Int(truncatingIfNeeded: leads & 0xFFFF_FFFF)
                    vietnameseLeads += Int(truncatingIfNeeded: leads >> 32)
                }
                while i < count {
                    // The scalars up to the next checkpoint, without testing for it per scalar.
                    checkpoints.append(Int32(truncatingIfNeeded: i))
                    latin1Leads += Int(truncatingIfNeeded: leads & 0xFFFF_FFFF)
                    vietnameseLeads += Int(truncatingIfNeeded: leads >> 32)
                    leads = 0
                    let end = n + step
                    while n < end, i <= lastWord {
                        let lead = base[i]
                        if lead < 0x80 {
                            // The ASCII bytes that start the next eight (one at least), widened
                            // together; all eight are written, within the room (`n` is at most
                            // `i`), and those after the ASCII are written over later.
                            let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                            let ascii = min((word & 0x8080_8080_8080_8080).trailingZeroBitCount >> 3, end - n)
                            let wide = SIMD8<UInt32>(truncatingIfNeeded: UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<UInt8>.self))
                            out.storeBytes(of: wide, toByteOffset: n &* 4, as: SIMD8<UInt32>.self)
                            n += ascii
                            i += ascii
                            continue
                        }
                        let (value, length) = multibyte(base + i)
                        guard length > 0 else { wellFormed = false; return }
                        if isNFC, mayChangeUnderNFC(value) { isNFC = false }
                        leads &+= leadCounts[Int(lead)]
                        out.storeBytes(of: value, toByteOffset: n &* 4, as: UInt32.self)
                        n += 1
                        i += length
                    }
                    while n < end, i < count {
                        let lead = base[i]
                        var value = UInt32(lead), length = 1
                        if lead >= 0x80 {
                            guard i + (lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4) <= count else { wellFormed = false; return }
                            (value, length) = multibyte(base + i)
                            guard length > 0 else { wellFormed = false; return }
                            if isNFC, mayChangeUnderNFC(value) { isNFC = false }
                            leads &+= leadCounts[Int(lead)]
                        }
                        out.storeBytes(of: value, toByteOffset: n &* 4, as: UInt32.self)
                        n += 1
                        i += length
                    }
                }
            }
        }
        guard wellFormed else { return nil }
        return Decoded(scalars: scalars, checkpoints: checkpoints, isNFC: isNFC,
                       mojibake: MojibakeEvidence(utf8: bytes, latin1Leads: latin1Leads, vietnamese: vietnameseLeads))
    }

    /// Whether the scalar `value` of well-formed UTF-8 could change under NFC; those below
    /// U+0300 are NFC-stable starters (see `needsNFC(utf8:)`) and are not looked at further.
    @inline(__always)
    private static func mayChangeUnderNFC(_ value: UInt32) -> Bool {
        guard value >= 0x300, let scalar = Unicode.Scalar(value) else { return false }
        return TextNormalization.mayChangeUnderNFC(scalar)
    }

    /// The value and length of the multi-byte scalar whose lead byte (0x80 or above) starts
    /// `bytes`, whose whole length (by its lead) can be read; length 0 when its bytes are not
    /// well-formed (the Unicode Standard's table 3-7: no overlong forms, no surrogates, nothing
    /// above U+10FFFF).
    ///
    /// Continuation bytes (10xxxxxx) are those below 0x40 once their top bit is flipped, which
    /// leaves their six bits of value; the narrower second bytes of table 3-7 (after E0, ED,
    /// F0 and F4) are tested on the value they make, and lone continuation bytes, C0, C1 and
    /// F5...FF by the lead.
    @inline(__always)
    private static func multibyte(_ bytes: UnsafePointer<UInt8>) -> (value: UInt32, length: Int) {
        let lead = bytes[0], bits = UInt32(bytes[0])
        if lead < 0xE0 {
            let b1 = bytes[1] ^ 0x80
            guard lead >= 0xC2, b1 < 0x40 else { return (0, 0) }
            return ((bits & 0x1F) << 6 | UInt32(b1), 2)
        }
        if lead < 0xF0 {
            let b1 = bytes[1] ^ 0x80, b2 = bytes[2] ^ 0x80
            let value = (bits & 0x0F) << 12 | UInt32(b1) << 6 | UInt32(b2)
            // At least U+0800 (not overlong after E0) and not a surrogate (D800...DFFF after ED).
            guard b1 | b2 < 0x40, value >= 0x800, value & 0xF800 != 0xD800 else { return (0, 0) }
            return (value, 3)
        }
        let b1 = bytes[1] ^ 0x80, b2 = bytes[2] ^ 0x80, b3 = bytes[3] ^ 0x80
        let value = (bits & 0x07) << 18 | UInt32(b1) << 12 | UInt32(b2) << 6 | UInt32(b3)
        guard lead < 0xF5, b1 | b2 | b3 < 0x40, value >= 0x1_0000, value <= 0x10_FFFF else { return (0, 0) }
        return (value, 4)
    }

    /// The value of the scalar that starts at `index` in valid UTF-8 `bytes`, and its length
    /// in bytes; nil when its bytes would run past the end.
    @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int)? {
        let lead = UInt32(bytes[index])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return nil }
        var value = length == 1 ? lead : lead & (0x7F >> length)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }
}
