/// The number of characters (extended grapheme clusters) of a text, found from its UTF-8 when
/// every scalar of it is certainly a character of its own.
///
/// `String.count` runs Unicode's grapheme-breaking rules over every scalar. The report picks
/// each category's quote by the length of every matching sentence of a year (2% of the CPU
/// of a 10,000-plan run went to counting them), and nearly all of them are precomposed
/// Vietnamese. A scalar among tab, line feed, printable ASCII, U+00A0-02FF and
/// U+1E00-1EFF never joins a neighbour of that set into one character (no combining mark,
/// joiner, CR or Hangul jamo among them; `CharacterCountTests` checks every one), so such a
/// text has as many characters as scalars. Any other text is counted by `String.count`.
enum CharacterCount {
    /// The number of characters of valid UTF-8 `bytes`.
    static func of(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        scalarsIfEachIsACharacter(bytes) ?? String(decoding: bytes, as: UTF8.self).count
    }

    /// The number of scalars in valid UTF-8 `bytes` when all are in the set above, else nil.
    static func scalarsIfEachIsACharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0, index = 0
        while index < bytes.count {
            guard let length = lengthOfCharacterScalar(bytes, at: index) else { return nil }
            index += length
            count += 1
        }
        return count
    }

    /// The characters of the first line of valid UTF-8 `bytes` (up to its first line feed),
    /// counted up to `limit`, when every scalar before that point is in the set above; nil
    /// otherwise (a carriage return included, which is not in the set).
    static func firstLine(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        var count = 0, index = 0
        while count < limit, index < bytes.count, bytes[index] != 0x0A {
            guard let length = lengthOfCharacterScalar(bytes, at: index) else { return nil }
            index += length
            count += 1
        }
        return count
    }

    /// The length in bytes of the scalar at `index` of valid UTF-8 `bytes` when it is in the
    /// set above, else nil.
    @inline(__always)
    private static func lengthOfCharacterScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        if lead < 0x80 {
            return lead >= 0x20 && lead != 0x7F || lead == 0x09 || lead == 0x0A ? 1 : nil
        }
        if lead >= 0xC2 && lead <= 0xCB {
            // U+0080-02FF; of those, only U+0080-009F (C1 controls) are left out.
            return lead > 0xC2 || (index + 1 < bytes.count && bytes[index + 1] >= 0xA0) ? 2 : nil
        }
        if lead == 0xE1, index + 1 < bytes.count, (0xB8...0xBB).contains(bytes[index + 1]) {
            return 3  // U+1E00-1EFF
        }
        return nil
    }
}
