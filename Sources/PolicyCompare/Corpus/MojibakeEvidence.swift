/// Signs, counted over valid UTF-8, that legacy font-encoded text was stored as Unicode.
///
/// A .VnTime (TCVN3) or VNI document saved as Unicode reads as Latin-1: "KÕ ho¹ch", "nh©n
/// d©n", "Keá hoaïch"; UTF-8 read as Windows-1252 and saved again reads "Káº¿ hoáº¡ch". Such
/// text is full of Latin-1 symbols and letters Vietnamese does not use, and has none of the
/// letters that only Unicode Vietnamese has (ă đ ơ ư ĩ ũ, U+1EA0-U+1EF9, combining tones).
struct MojibakeEvidence: Sendable, Hashable {
    /// Latin-1 symbols (U+00A1-U+00BF), C1 controls and Latin-1 letters Vietnamese does not use.
    private(set) var suspicious = 0
    /// Letters only Unicode Vietnamese text has.
    private(set) var vietnamese = 0

    /// Counts over UTF-8 bytes that are known to be valid.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var suspicious = 0
        var vietnamese = 0
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            index += 1
            guard lead >= 0xC2, index < count else { continue }
            let next = bytes[index]
            switch lead {
            case 0xC2:
                if next != 0xA0 { suspicious += 1 }
            case 0xC3:
                if Self.foreignLatin1[Int(next & 0x3F)] { suspicious += 1 }
            case 0xC4:
                if next == 0x82 || next == 0x83 || next == 0x90 || next == 0x91 || next == 0xA8 || next == 0xA9 {
                    vietnamese += 1
                }
            case 0xC5:
                if next == 0xA8 || next == 0xA9 { vietnamese += 1 }
            case 0xC6:
                if next == 0xA0 || next == 0xA1 || next == 0xAF || next == 0xB0 { vietnamese += 1 }
            case 0xCC:
                if next == 0x80 || next == 0x81 || next == 0x83 || next == 0x89 || next == 0xA3 { vietnamese += 1 }
            case 0xE1:
                if next == 0xBA || next == 0xBB { vietnamese += 1 }
            default:
                break
            }
        }
        self.suspicious = suspicious
        self.vietnamese = vietnamese
    }

    /// Whether the text is worth trying to repair: it has suspicious characters, and at least as
    /// many of them as letters only Unicode Vietnamese has.
    var isWorthRepairing: Bool {
        suspicious > 0 && suspicious >= vietnamese
    }

    /// For U+00C0-U+00FF (indexed by the low six bits of the second UTF-8 byte): whether the
    /// character is not a Vietnamese letter (Ä Å Æ Ç Ë Î Ï Ð Ñ Ö × Ø Û Ü Þ ß and lower case).
    private static let foreignLatin1: [Bool] = {
        let vietnamese: Set<UInt32> = Set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý".unicodeScalars.map(\.value))
        return (0xC0...0xFF).map { !vietnamese.contains(UInt32($0)) }
    }()
}
