/// Why `TextDecoder` could not turn a file's bytes into the text of a directive.
///
/// Every case carries the `source` it was given (a file path) and says, in `description`, what
/// was expected, what was found and how to fix the file.
public enum DecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file has no bytes (`byteCount` 0) or only whitespace.
    case empty(source: String, byteCount: Int)
    /// The file is not plain text: a PDF, an image, an archive or office file, or binary data.
    /// `looksLike` names the format ("a PDF document"), `evidence` says what gave it away and
    /// `fix` says how to get plain text out of it.
    case notPlainText(source: String, looksLike: String, evidence: String, fix: String)
    /// The file is mostly UTF-8 (or says it is, with a byte order mark) but has bytes that are not
    /// valid UTF-8; `offset` is the first of `invalidCount` invalid sequences (a lower bound when
    /// a file with a byte order mark has over a thousand: the scan stops there).
    case invalidUTF8(source: String, offset: Int, byte: UInt8, invalidCount: Int)
    /// The file is UTF-16 but has an unpaired surrogate at byte `offset`.
    case invalidUTF16(source: String, offset: Int, encoding: TextEncoding)
    /// A byte order mark names an encoding that is not supported (UTF-32).
    case unsupportedEncoding(source: String, name: String)
    /// The file is not UTF-8 (first invalid byte at `offset`) and no supported legacy encoding
    /// reads as Vietnamese; `candidates` lists the share of well-formed words each one gave.
    case unrecognizedEncoding(source: String, offset: Int, byte: UInt8, candidates: String)
    /// The file is not UTF-8, no supported legacy encoding reads it as Vietnamese, and
    /// `damagedWords` of its `words` hold a "?" between letters, the first at byte `offset`
    /// (`example`): it was saved in a code page without Vietnamese letters (Windows-1252,
    /// "ANSI" on a Western-language Windows), which wrote "?" for each one it lacks.
    case lettersLost(source: String, damagedWords: Int, words: Int, offset: Int, example: String)
    /// A bundled code table could not be loaded: the installation is broken.
    case missingCodeTable(source: String, problem: ResourceError)
    /// The text decodes but has nothing to code: no letters at all (`hasLetters` false: only
    /// punctuation, digits or symbols), or words only in the letter head and its end.
    case noBody(source: String, byteCount: Int, hasLetters: Bool)

    public var description: String {
        switch self {
        case .empty(let source, let byteCount):
            if byteCount == 0 {
                return "\(Self.name(source)) is empty (0 bytes); expected the text of a directive. "
                    + "Check that the path is right, or export the document again as plain text (UTF-8) and try again."
            }
            return "\(Self.name(source)) contains only whitespace (\(byteCount) \(byteCount == 1 ? "byte" : "bytes")); expected the text of a directive. "
                + "Check that the path is right, or export the document again as plain text (UTF-8) and try again."
        case .notPlainText(let source, let looksLike, let evidence, let fix):
            return "\(Self.name(source)) is not a plain-text file: this looks like \(looksLike) (\(evidence)); "
                + "expected the text of a directive as plain text. \(fix)"
        case .invalidUTF8(let source, let offset, let byte, let invalidCount):
            let more = invalidCount > 1 ? " and \(invalidCount - 1) more invalid sequence\(invalidCount == 2 ? "" : "s")" : ""
            return "\(Self.name(source)) is not valid UTF-8: byte \(Self.hex(byte)) at offset \(offset)\(more) cannot be decoded, "
                + "while the rest of the file reads as UTF-8. Expected UTF-8 text; the file is damaged or mixes encodings. "
                + "Re-export the document as plain text (UTF-8), or repair the bytes near offset \(offset), and try again."
        case .invalidUTF16(let source, let offset, let encoding):
            return "\(Self.name(source)) reads as \(encoding.displayName) but has an unpaired surrogate at byte offset \(offset); "
                + "expected well-formed UTF-16 text. The file is damaged or truncated: "
                + "re-export the document as plain text (UTF-8) and try again."
        case .unsupportedEncoding(let source, let name):
            return "\(Self.name(source)) starts with a \(name) byte order mark; expected UTF-8, UTF-16, Windows-1258, "
                + "TCVN3 (ABC) or VNI text. Convert it to UTF-8 (for example `iconv -f \(name) -t UTF-8`) and try again."
        case .unrecognizedEncoding(let source, let offset, let byte, let candidates):
            return "\(Self.name(source)) is not UTF-8 (byte \(Self.hex(byte)) at offset \(offset) is invalid) and does not read as "
                + "Vietnamese in any supported legacy encoding (well-formed words: \(candidates)). Expected Vietnamese text "
                + "in UTF-8, UTF-16, Windows-1258, TCVN3 (ABC) or VNI. Convert the file to UTF-8 (for example with "
                + "UniKey's converter, or `iconv -f ENCODING -t UTF-8`) and try again."
        case .lettersLost(let source, let damagedWords, let words, let offset, let example):
            return "\(Self.name(source)) has lost letters to \"?\": \(damagedWords) of its \(words) words hold a \"?\" between letters, "
                + "the first at byte offset \(offset) (\"\(example)\"), and no supported legacy encoding reads it as Vietnamese. "
                + "Saving Vietnamese as \"ANSI\" on a Windows set to a Western language (code page 1252) does this: every letter "
                + "that code page lacks is written as \"?\" (\"ĐÔNG HẢI\" becomes \"?ÔNG H?I\"), and the letters cannot be "
                + "recovered from this file. Expected Vietnamese text in UTF-8, UTF-16, Windows-1258, TCVN3 (ABC) or VNI. "
                + "Open the original document, save it again as UTF-8 (in Notepad: Save As, Encoding UTF-8; in Word: "
                + "Plain Text, Unicode (UTF-8)), and try again."
        case .missingCodeTable(let source, let problem):
            return "cannot decode \(Self.name(source)): \(problem)"
        case .noBody(let source, let byteCount, false):
            return "\(Self.name(source)) contains no words (\(byteCount) \(byteCount == 1 ? "byte" : "bytes") of punctuation, digits or symbols only); "
                + "expected the text of a directive. Check that the path is right, or export the document again as plain text (UTF-8) and try again."
        case .noBody(let source, _, true):
            return "\(Self.name(source)) has no text to code: its only words are in the letter head and its end (issuer, number, date, "
                + "\"Kính gửi\", signature, \"Nơi nhận\"); expected the directive's body. Check that the whole document was exported, "
                + "or remove its manifest row."
        }
    }

    /// The same error about the file at `source`: a caller that names the file only when
    /// decoding fails (building a file's path for every document cost more than decoding
    /// some of them) decodes with an empty source and names it here.
    func naming(_ source: String) -> DecodingError {
        switch self {
        case .empty(_, let byteCount): .empty(source: source, byteCount: byteCount)
        case .notPlainText(_, let looksLike, let evidence, let fix):
            .notPlainText(source: source, looksLike: looksLike, evidence: evidence, fix: fix)
        case .invalidUTF8(_, let offset, let byte, let invalidCount):
            .invalidUTF8(source: source, offset: offset, byte: byte, invalidCount: invalidCount)
        case .invalidUTF16(_, let offset, let encoding): .invalidUTF16(source: source, offset: offset, encoding: encoding)
        case .unsupportedEncoding(_, let name): .unsupportedEncoding(source: source, name: name)
        case .unrecognizedEncoding(_, let offset, let byte, let candidates):
            .unrecognizedEncoding(source: source, offset: offset, byte: byte, candidates: candidates)
        case .lettersLost(_, let damagedWords, let words, let offset, let example):
            .lettersLost(source: source, damagedWords: damagedWords, words: words, offset: offset, example: example)
        case .missingCodeTable(_, let problem): .missingCodeTable(source: source, problem: problem)
        case .noBody(_, let byteCount, let hasLetters): .noBody(source: source, byteCount: byteCount, hasLetters: hasLetters)
        }
    }

    /// The file name as shown in a message; an empty `source` reads as "the input".
    private static func name(_ source: String) -> String {
        source.isEmpty ? "the input" : source
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return byte < 0x10 ? "0x0" + digits : "0x" + digits
    }
}
