/// Signs, counted over bytes that are not UTF-8, that a text lost its letters to "?".
///
/// Vietnamese saved as "ANSI" on a Windows set to a Western language (code page 1252; Python's
/// `text.encode('cp1252', 'replace')`) keeps the letters that code page has (á à â ê ô ...) and
/// writes "?" for every other one (đ ă ơ ư, and most letters with a tone): "ĐÔNG HẢI" becomes
/// "?ÔNG H?I", "triển khai" "tri?n khai". A real question mark ends a word; a lost letter
/// leaves a "?" with letters on both sides, in a third or more of the words.
struct LostLetterEvidence: Sendable, Hashable {
    /// Words: runs of letters and "?" that hold a letter.
    private(set) var words = 0
    /// Words with a "?" between two letters ("tri?n", "Th??ng").
    private(set) var damaged = 0
    /// The bytes of the first such word, from its first letter or "?" to its last letter.
    private(set) var example: Range<Int>?

    /// Counts over `bytes`, read as Windows-1252 (ranges are offsets into `bytes`).
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0, lastLetter = -1
        // Whether the run holds a letter, has a "?" after its last letter, holds a "?" between two.
        var letters = false, pending = false, damagedWord = false
        for index in 0...bytes.count {
            let byte = index < bytes.count ? bytes[index] : UInt8(ascii: " ")
            if Self.isLetter[Int(byte)] {
                if !letters {
                    letters = true
                    words += 1
                } else if pending, !damagedWord {
                    damagedWord = true
                    damaged += 1
                }
                pending = false
                lastLetter = index
            } else if byte == UInt8(ascii: "?") {
                // Before any letter, "?" starts the word ("?i?u" for "điều"); after one, it
                // stands between two when a letter follows.
                pending = letters
            } else {
                if damagedWord, example == nil { example = runStart..<(lastLetter + 1) }
                letters = false
                pending = false
                damagedWord = false
                runStart = index + 1
            }
        }
    }

    /// Whether the text looks like it lost its letters: at least three words, and a tenth of
    /// all, hold a "?" between letters (Vietnamese saved so has a third or more).
    var isLikely: Bool {
        damaged >= 3 && damaged * 10 >= words
    }

    /// The first damaged word of `bytes` (the bytes counted) as Windows-1252 text, at most
    /// 40 bytes of it.
    func exampleText(in bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let example, example.upperBound <= bytes.count else { return "" }
        let shown = bytes[example.lowerBound..<min(example.upperBound, example.lowerBound + 40)]
        return String(String.UnicodeScalarView(shown.compactMap { Unicode.Scalar(LegacyCodePage.windows1252[Int($0)]) }))
    }

    /// Whether a byte is a letter in Windows-1252 (ASCII letters, À-ÿ but × and ÷, and a few
    /// more such as Š and œ).
    private static let isLetter: [Bool] = LegacyCodePage.windows1252.map { value in
        Unicode.Scalar(value)?.properties.isAlphabetic ?? false
    }
}
