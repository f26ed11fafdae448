import Foundation

/// A Vietnamese legacy byte encoding (TCVN3, VNI Windows or Windows-1258) as a decoding table.
///
/// Each byte decodes to one scalar, except in VNI, where a base letter followed by a modifier
/// byte (tone, circumflex, breve) decodes to one precomposed letter. Bytes the table does not
/// list decode as Windows-1252, the code page such font-encoded text was stored in.
struct LegacyCodePage: Sendable {
    /// The encoding this table decodes.
    let encoding: TextEncoding
    /// The scalar value of every byte that is not part of a pair (256 entries).
    private let singles: [UInt32]
    /// Whether a byte can start a base-plus-modifier pair (256 entries).
    private let startsPair: [Bool]
    /// `pairs[base << 8 | modifier]` is the scalar value of a pair, or 0; empty without pairs.
    private let pairs: [UInt32]
    /// The bytes of every scalar the table can produce, for encoding (tests and round trips).
    private let encoder: [UInt32: [UInt8]]

    /// Builds a table from single-byte and two-byte entries laid over Windows-1252.
    init(encoding: TextEncoding, singles overrides: [UInt8: UInt32], pairs pairEntries: [UInt16: UInt32]) {
        var singles = Self.windows1252
        for (byte, value) in overrides {
            singles[Int(byte)] = value
        }
        var startsPair = [Bool](repeating: false, count: 256)
        var pairs: [UInt32] = []
        if !pairEntries.isEmpty {
            pairs = [UInt32](repeating: 0, count: 65_536)
            for (key, value) in pairEntries {
                pairs[Int(key)] = value
                startsPair[Int(key >> 8)] = true
            }
            // Upper- and lower-case VNI modifiers differ by 0x20. Text whose case was changed
            // after typing ("Aù") still means the letter of its base, so accept either form.
            for (key, value) in pairEntries {
                let swapped = Int(key ^ 0x20)
                if pairs[swapped] == 0 {
                    pairs[swapped] = value
                }
            }
        }
        var encoder: [UInt32: [UInt8]] = [:]
        for byte in 0...255 where encoder[singles[byte]] == nil {
            encoder[singles[byte]] = [UInt8(byte)]
        }
        for (byte, value) in overrides {
            encoder[value] = [byte]
        }
        for (key, value) in pairEntries {
            encoder[value] = [UInt8(truncatingIfNeeded: key >> 8), UInt8(truncatingIfNeeded: key)]
        }
        self.encoding = encoding
        self.singles = singles
        self.startsPair = startsPair
        self.pairs = pairs
        self.encoder = encoder
    }

    /// The one byte that decodes to `value`, if any: text that was read in this code page goes
    /// back to its bytes through it (UTF-8 read as Windows-1258, a Vietnamese Windows's "ANSI",
    /// whose five undefined bytes Foundation and Windows read as the C1 controls of the same value).
    func byte(for value: UInt32) -> UInt8? {
        guard let bytes = encoder[value], bytes.count == 1 else { return nil }
        return bytes.first
    }

    // MARK: Decoding

    /// Decodes bytes in this encoding.
    func decode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    /// Decodes bytes in this encoding.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        decodeUnits(bytes)
    }

    /// Converts legacy text that was read as Windows-1252 or Latin-1 back into what it says.
    ///
    /// A .VnTime document saved as Unicode turns each font byte into the Windows-1252 character
    /// with that code ("KÕ ho¹ch"). Every scalar that has such a byte goes back to it and is
    /// decoded with this table; other scalars (Vietnamese letters typed in Unicode, CJK) are kept.
    func repair(_ text: String) -> String {
        let punctuation = Self.windows1252Punctuation
        var units: [UInt32] = []
        units.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value > 0xFF, let byte = punctuation[value] {
                units.append(UInt32(byte))
            } else {
                units.append(value)
            }
        }
        return units.withUnsafeBufferPointer { decodeUnits($0) }
    }

    /// The bytes of `text` in this encoding, or `nil` when a scalar has no code in it (TCVN3 has
    /// no capital letters with tone marks). Expects NFC text.
    func encode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let code = encoder[scalar.value] else { return nil }
            bytes.append(contentsOf: code)
        }
        return bytes
    }

    /// Decodes units that are bytes (below 0x100) or scalars to pass through (0x100 and above).
    ///
    /// Writes UTF-8 straight into a buffer with room for the longest possible output (4 bytes
    /// per unit), then makes the string from what was written.
    private func decodeUnits<Unit: FixedWidthInteger & UnsignedInteger>(_ units: UnsafeBufferPointer<Unit>) -> String {
        let capacity = units.count * 4
        let utf8 = [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
            written = 0
            guard let base = out.baseAddress else { return }
            singles.withUnsafeBufferPointer { singles in
                startsPair.withUnsafeBufferPointer { startsPair in
                    pairs.withUnsafeBufferPointer { pairs in
                        var position = 0
                        let hasPairs = pairs.count == 65_536
                        let count = units.count
                        var index = 0
                        while index < count {
                            let unit = UInt32(truncatingIfNeeded: units[index])
                            index += 1
                            if unit < 0x80 && !(hasPairs && startsPair[Int(unit)]) {
                                (base + position).initialize(to: UInt8(truncatingIfNeeded: unit))
                                position += 1
                                continue
                            }
                            var value = unit
                            if unit <= 0xFF {
                                value = singles[Int(unit)]
                                if hasPairs && startsPair[Int(unit)] && index < count {
                                    let next = UInt32(truncatingIfNeeded: units[index])
                                    if next <= 0xFF {
                                        let pair = pairs[Int(unit << 8 | next)]
                                        if pair != 0 {
                                            value = pair
                                            index += 1
                                        }
                                    }
                                }
                            }
                            position += UTF8Scalars.write(value, to: base + position)
                        }
                        written = position
                    }
                }
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    // MARK: Windows-1252

    /// The Windows-1252 scalar value of each byte; the five bytes it leaves undefined, and any
    /// byte Foundation cannot decode, keep their Latin-1 value (a C1 control).
    static let windows1252: [UInt32] = (0...255).map { byte in
        guard byte >= 0x80, byte < 0xA0,
              let text = String(bytes: [UInt8(byte)], encoding: .windowsCP1252),
              text.unicodeScalars.count == 1,
              let scalar = text.unicodeScalars.first
        else { return UInt32(byte) }
        return scalar.value
    }

    /// Windows-1252 punctuation (0x80-0x9F) by scalar value.
    private static let windows1252Punctuation: [UInt32: UInt8] = {
        var bytes: [UInt32: UInt8] = [:]
        for byte in 0x80..<0xA0 where windows1252[byte] > 0xFF {
            bytes[windows1252[byte]] = UInt8(byte)
        }
        return bytes
    }()

    /// The Windows-1252 (or, for its gaps, Latin-1) byte that decodes to `value`, if any.
    static func windows1252Byte(for value: UInt32) -> UInt8? {
        if value <= 0xFF {
            return UInt8(truncatingIfNeeded: value)
        }
        return windows1252Punctuation[value]
    }

    // MARK: Bundled tables

    /// TCVN3 (ABC), from `Resources/legacy-tcvn3.tsv`.
    static let tcvn3: Result<LegacyCodePage, ResourceError> = load(.tcvn3, from: "legacy-tcvn3.tsv")

    /// VNI Windows, from `Resources/legacy-vni.tsv`.
    static let vni: Result<LegacyCodePage, ResourceError> = load(.vni, from: "legacy-vni.tsv")

    /// Windows-1258 as Foundation decodes it (code page 1258, `0x8000_0508`), or `nil` when this
    /// Foundation lacks it. Its tone marks are combining characters, so output is not NFC.
    static let windows1258: LegacyCodePage? = {
        let encoding = String.Encoding(rawValue: 0x8000_0508)
        guard let text = String(bytes: (0...255).map { UInt8($0) }, encoding: encoding) else { return nil }
        let scalars = text.unicodeScalars.map(\.value)
        guard scalars.count == 256 else { return nil }
        var singles: [UInt8: UInt32] = [:]
        for (byte, value) in scalars.enumerated() {
            singles[UInt8(truncatingIfNeeded: byte)] = value
        }
        return LegacyCodePage(encoding: .windows1258, singles: singles, pairs: [:])
    }()

    /// Reads a table whose rows are `bytes (hex, space-separated) <TAB> U+scalar <TAB> ...`.
    static func load(_ encoding: TextEncoding, from fileName: String) -> Result<LegacyCodePage, ResourceError> {
        let rows: [[String]]
        do {
            rows = try BundledResource.tsvRows(fileName)
        } catch {
            return .failure(error)
        }
        var singles: [UInt8: UInt32] = [:]
        var pairs: [UInt16: UInt32] = [:]
        for row in rows {
            guard row.count >= 2 else { return .failure(.unreadable(fileName)) }
            let fields = row[0].split(separator: " ")
            let codes = fields.compactMap { UInt8($0, radix: 16) }
            guard codes.count == fields.count else { return .failure(.unreadable(fileName)) }
            let scalarHex = row[1].hasPrefix("U+") ? row[1].dropFirst(2) : Substring(row[1])
            guard let value = UInt32(scalarHex, radix: 16), Unicode.Scalar(value) != nil else {
                return .failure(.unreadable(fileName))
            }
            switch codes.count {
            case 1:
                singles[codes[0]] = value
            case 2:
                pairs[UInt16(codes[0]) << 8 | UInt16(codes[1])] = value
            default:
                return .failure(.unreadable(fileName))
            }
        }
        guard !singles.isEmpty || !pairs.isEmpty else { return .failure(.unreadable(fileName)) }
        return .success(LegacyCodePage(encoding: encoding, singles: singles, pairs: pairs))
    }
}
