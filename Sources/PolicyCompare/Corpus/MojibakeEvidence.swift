/// Signs, counted over valid UTF-8, that legacy font-encoded text was stored as Unicode.
///
/// A .VnTime (TCVN3) or VNI document saved as Unicode reads as Latin-1: "KÕ ho¹ch", "nh©n
/// d©n", "Keá hoaïch"; UTF-8 read as Windows-1252 and saved again reads "Káº¿ hoáº¡ch". Such
/// text is full of Latin-1 symbols and letters Vietnamese does not use, and has none of the
/// letters that only Unicode Vietnamese has (ă đ ơ ư ĩ ũ, U+1EA0-U+1EF9, combining tones).
struct MojibakeEvidence: Sendable, Hashable {
    /// Latin-1 symbols (U+0080-U+00BF but U+00A0), C1 controls and Latin-1 letters Vietnamese
    /// does not use (Ä Å Æ Ç Ë Î Ï Ð Ñ Ö × Ø Û Ü Þ ß and lower case). Counted only when
    /// `vietnamese` leaves a repair possible, 0 otherwise.
    private(set) var suspicious = 0
    /// Characters from the blocks that hold the letters only Unicode Vietnamese has: the
    /// UTF-8 lead bytes C4-C6 (U+0100-U+01BF: ă đ ĩ ũ ơ ư), CC (combining tone marks) and E1
    /// (U+1000-U+1FFF: ạ ả ấ ... ỹ); once `suspicious` is counted, without the "Ă" that stands
    /// before a Latin-1 symbol in UTF-8 read as Windows-1258.
    private(set) var vietnamese = 0

    /// Counts over UTF-8 bytes that are known to be valid.
    ///
    /// The first pass adds up a table value per byte without branching (gigabytes per second);
    /// it counts `vietnamese` and an upper bound of `suspicious` (the C2 and C3 lead bytes). Text
    /// that cannot be worth repairing by that bound, almost all Unicode Vietnamese, stops there.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var counts: UInt64 = 0
        var latin1Leads = 0, vietnamese = 0
        Self.leadCounts.withUnsafeBufferPointer { table in
            var start = 0
            while start < bytes.count {
                // Two 32-bit counters in one word: flush before the low one could overflow.
                let end = min(bytes.count, start + Int(UInt32.max))
                for index in start..<end {
                    counts &+= table[Int(bytes[index])]
                }
                latin1Leads += Int(counts & 0xFFFF_FFFF)
                vietnamese += Int(counts >> 32)
                counts = 0
                start = end
            }
        }
        self.init(utf8: bytes, latin1Leads: latin1Leads, vietnamese: vietnamese)
    }

    /// Counts over UTF-8 bytes that are known to be valid, whose lead bytes C2 and C3
    /// (`latin1Leads`) and those of the Vietnamese blocks (`vietnamese`) were counted while
    /// they were decoded (``UTF8Scalars/validScalars(_:checkpointEvery:)``, by ``leadCounts``).
    init(utf8 bytes: UnsafeBufferPointer<UInt8>, latin1Leads: Int, vietnamese: Int) {
        self.vietnamese = vietnamese
        guard latin1Leads > 0, latin1Leads >= 4 * vietnamese else { return }
        let count = bytes.count
        var index = 0
        while index + 1 < count {
            let lead = bytes[index]
            index += 1
            if lead == 0xC2 {
                if bytes[index] != 0xA0 { suspicious += 1 }
            } else if lead == 0xC3 {
                if Self.foreignLatin1[Int(bytes[index] & 0x3F)] { suspicious += 1 }
            } else if lead == 0xC4, bytes[index] == 0x82, index + 1 < count, bytes[index + 1] == 0xC2 {
                // "Ă" then a Latin-1 symbol ("KĂ­nh", "nhĂ¢n") is how UTF-8's lead byte C3 reads
                // in Windows-1258, not the Vietnamese capital, which letters follow.
                self.vietnamese -= 1
            }
        }
    }

    /// Whether the text is worth trying to repair: it has suspicious characters, at least four
    /// times as many as characters from the Vietnamese blocks (mojibake has next to none of
    /// those, while Unicode Vietnamese has one in every few words and a "©" or "°" now and then).
    var isWorthRepairing: Bool {
        suspicious > 0 && suspicious >= 4 * vietnamese
    }

    /// Per byte: 1 for the lead bytes C2 and C3 (U+0080-U+00FF), 1 << 32 for the lead bytes of
    /// the Vietnamese blocks, 0 otherwise.
    static let leadCounts: [UInt64] = (0...255).map { byte in
        switch byte {
        case 0xC2, 0xC3: 1
        case 0xC4, 0xC5, 0xC6, 0xCC, 0xE1: 1 << 32
        default: 0
        }
    }

    /// For U+00C0-U+00FF (indexed by the low six bits of the second UTF-8 byte): whether the
    /// character is not a Vietnamese letter.
    private static let foreignLatin1: [Bool] = {
        let vietnamese: Set<UInt32> = Set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý".unicodeScalars.map(\.value))
        return (0xC0...0xFF).map { !vietnamese.contains(UInt32($0)) }
    }()
}
