import Foundation

/// The Vietnamese letter table: every toned and shaped vowel split into its parts.
///
/// Built once from Unicode's own composition (so it cannot drift from NFC), it lets the
/// normaliser place tone marks and fold case or diacritics with table look-ups instead of
/// calling Foundation's normalisation per word, which is slow on Linux.
struct VietnameseLetters: Sendable {
    /// A letter as its shaped base (e.g. "ơ") and its tone (0 none, 1 grave, 2 acute, 3 hook, 4 tilde, 5 dot).
    struct Parts: Sendable {
        var base: Unicode.Scalar
        var tone: UInt8
    }

    static let shared = VietnameseLetters()

    /// The tone (1...5) of a combining tone mark, nil for any other scalar value (U+0340/0341
    /// are legacy aliases of grave/acute). A switch, not a dictionary: it runs per letter.
    static func toneMark(_ value: UInt32) -> UInt8? {
        switch value {
        case 0x300, 0x340: 1
        case 0x301, 0x341: 2
        case 0x309: 3
        case 0x303: 4
        case 0x323: 5
        default: nil
        }
    }

    private static let toneScalars: [Unicode.Scalar] = ["\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]

    /// True for the combining shape marks: circumflex, breve, horn.
    static func isShapeMark(_ value: UInt32) -> Bool {
        value == 0x302 || value == 0x306 || value == 0x31B
    }

    private var composed: [UInt64: Unicode.Scalar] = [:]
    private var shaped: [UInt64: Unicode.Scalar] = [:]

    /// Per scalar below ``tableEnd``, looked up by index (every Vietnamese letter is below it):
    /// lower case, plain letter, vowel flags, and parts. A dictionary per look-up (SipHash) was
    /// among the normaliser's and the folder's top costs.
    private static let tableEnd: UInt32 = 0x1F00
    private var lowerTable = [UInt32](repeating: 0, count: Int(tableEnd))
    private var plainTable = [UInt32](repeating: 0, count: Int(tableEnd))
    private var vowelTable = [Bool](repeating: false, count: Int(tableEnd))
    private var shapedVowelTable = [Bool](repeating: false, count: Int(tableEnd))
    /// Base scalar << 8 | tone, 0 for a scalar that is no vowel form.
    private var partsTable = [UInt32](repeating: 0, count: Int(tableEnd))

    private init() {
        var parts: [UInt32: Parts] = [:]
        var lower: [UInt32: Unicode.Scalar] = [:]
        var plain: [UInt32: Unicode.Scalar] = [:]
        var vowels: Set<UInt32> = []
        var shapedVowels: Set<UInt32> = []
        let plainVowels = Array("aeiouyAEIOUY".unicodeScalars)
        let shapes: [(Unicode.Scalar, Unicode.Scalar)] = [
            ("a", "\u{302}"), ("a", "\u{306}"), ("e", "\u{302}"), ("o", "\u{302}"), ("o", "\u{31B}"), ("u", "\u{31B}"),
            ("A", "\u{302}"), ("A", "\u{306}"), ("E", "\u{302}"), ("O", "\u{302}"), ("O", "\u{31B}"), ("U", "\u{31B}"),
        ]
        var bases = plainVowels
        for (base, mark) in shapes {
            guard let s = Self.compose([base, mark]) else { continue }
            shaped[Self.key(base, mark)] = s
            bases.append(s)
            shapedVowels.insert(s.value)
            plain[s.value] = base
        }
        for base in bases {
            vowels.insert(base.value)
            parts[base.value] = Parts(base: base, tone: 0)
            composed[Self.key(base, 0)] = base
            if plain[base.value] == nil { plain[base.value] = base }
            for (i, mark) in Self.toneScalars.enumerated() {
                guard let s = Self.compose([base, mark]) else { continue }
                let tone = UInt8(i + 1)
                parts[s.value] = Parts(base: base, tone: tone)
                composed[Self.key(base, UInt32(tone))] = s
                plain[s.value] = plain[base.value] ?? base
            }
        }
        // Case pairs for every vowel form, plus đ/Đ.
        for value in parts.keys {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let lowered = Character(scalar).lowercased().unicodeScalars
            if lowered.count == 1, let l = lowered.first { lower[value] = l }
        }
        lower[0x110] = "\u{111}"
        plain[0x110] = "D"
        plain[0x111] = "d"
        for v in Array(vowels) {
            if let l = lower[v] { vowels.insert(l.value) }
        }
        for (value, letter) in parts where value < Self.tableEnd {
            partsTable[Int(value)] = letter.base.value << 8 | UInt32(letter.tone)
        }
        for (value, l) in lower where value < Self.tableEnd { lowerTable[Int(value)] = l.value }
        // Every other scalar below the table's end maps as Unicode has it, or to itself, so
        // that ``lowercase(_:)`` never asks Unicode's properties for one (quotes, dashes and
        // combining marks asked hundreds of times a plan).
        for value in 0x80..<Self.tableEnd where lowerTable[Int(value)] == 0 {
            lowerTable[Int(value)] = Unicode.Scalar(value).map { Self.unicodeLowercase($0).value } ?? value
        }
        for (value, p) in plain where value < Self.tableEnd { plainTable[Int(value)] = p.value }
        for value in vowels where value < Self.tableEnd { vowelTable[Int(value)] = true }
        for value in shapedVowels where value < Self.tableEnd { shapedVowelTable[Int(value)] = true }
    }

    /// The parts of a vowel form (toned or not), nil for any other scalar.
    func parts(_ s: Unicode.Scalar) -> Parts? {
        guard s.value < Self.tableEnd else { return nil }
        let packed = partsTable[Int(s.value)]
        guard packed != 0, let base = Unicode.Scalar(packed >> 8) else { return nil }
        return Parts(base: base, tone: UInt8(truncatingIfNeeded: packed))
    }

    private static func compose(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar? {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        let nfc = String(s).precomposedStringWithCanonicalMapping.unicodeScalars
        return nfc.count == 1 ? nfc.first : nil
    }

    private static func key(_ base: Unicode.Scalar, _ mark: Unicode.Scalar) -> UInt64 {
        UInt64(base.value) << 32 | UInt64(mark.value)
    }

    private static func key(_ base: Unicode.Scalar, _ tone: UInt32) -> UInt64 {
        UInt64(base.value) << 32 | UInt64(tone)
    }

    /// The base with a shape mark applied ("o" + horn = "ơ"), if Vietnamese has it.
    func shape(_ base: Unicode.Scalar, with mark: Unicode.Scalar) -> Unicode.Scalar? {
        shaped[Self.key(base, mark)]
    }

    /// The letter for a shaped base and a tone.
    func compose(_ base: Unicode.Scalar, tone: UInt8) -> Unicode.Scalar? {
        composed[Self.key(base, UInt32(tone))]
    }

    /// Lower case of a letter: ASCII, then the table, then Unicode's single-scalar mapping
    /// (General Punctuation, U+2000-U+206F, has no case, so is itself).
    func lowercase(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x80 {
            return (s.value >= 0x41 && s.value <= 0x5A) ? Unicode.Scalar(s.value + 32) ?? s : s
        }
        if s.value < Self.tableEnd { return Unicode.Scalar(lowerTable[Int(s.value)]) ?? s }
        if s.value >= 0x2000, s.value <= 0x206F { return s }
        return Self.unicodeLowercase(s)
    }

    /// Unicode's lower case of `s` when it is one scalar, else `s`.
    private static func unicodeLowercase(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let mapping = s.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? (mapping.first ?? s) : s
    }

    /// The letter without tone or shape marks, "đ" as "d" (case kept).
    func plainLetter(_ s: Unicode.Scalar) -> Unicode.Scalar {
        guard s.value >= 0x80, s.value < Self.tableEnd, plainTable[Int(s.value)] != 0 else { return s }
        return Unicode.Scalar(plainTable[Int(s.value)]) ?? s
    }

    func isVowel(_ s: Unicode.Scalar) -> Bool { s.value < Self.tableEnd && vowelTable[Int(s.value)] }

    /// True for ă â ê ô ơ ư in either case (without tone: pass a base).
    func isShapedVowel(_ s: Unicode.Scalar) -> Bool { s.value < Self.tableEnd && shapedVowelTable[Int(s.value)] }
}
