/// Turns the bytes of a directive file into text, detecting the encoding they are in.
///
/// Detection, in order:
/// 1. Binary formats by their leading bytes (PDF, images, ZIP/.docx, .doc, RTF, archives): error.
/// 2. Byte order marks: UTF-8, UTF-16 LE/BE; UTF-32: error.
/// 3. NUL bytes: mostly on odd offsets is UTF-16 LE, mostly on even offsets UTF-16 BE (ASCII
///    characters have a NUL high byte); otherwise binary data (error), except NUL padding at
///    the end, which is removed. Many other control bytes are binary data too (error).
/// 4. Strict UTF-8. Valid UTF-8 (or UTF-16) full of Latin-1 symbols and without the letters only
///    Unicode Vietnamese has is legacy text stored as Unicode ("KÕ ho¹ch"): each character
///    goes back to its Windows-1252 byte and is decoded as TCVN3 or VNI (or as UTF-8, for text
///    encoded twice), when that reads clearly better as Vietnamese.
/// 5. Not UTF-8: bytes that are mostly UTF-8 with a few bad ones are an error. Otherwise each of
///    TCVN3, VNI and Windows-1258 decodes (a sample of) the bytes, `SyllableScorer` measures the
///    share of words with diacritics that are well-formed Vietnamese syllables, and the best
///    decoding wins if at least 60% of its words are; if none is, the encoding is unrecognized,
///    or, when many words hold a "?" between letters, the text lost its letters to "?" (saved
///    as Windows-1252, which writes "?" for each letter it lacks): an error too.
///
/// The common case, valid UTF-8 without mojibake, costs one linear scan (``ByteProfile``) and one
/// validation, which also counts the lead bytes ``MojibakeEvidence`` weighs.
public enum TextDecoder {
    /// Decodes the bytes of a directive file.
    ///
    /// Truncated input: a UTF-8 file that ends inside a multi-byte character (a file cut off
    /// in the middle of "ệ") is decoded without that incomplete character, and a note gives
    /// its offset; so is UTF-16 that ends in half a code unit or a lone high surrogate. Invalid
    /// bytes anywhere else are an error: the decoder never returns replacement characters.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - source: the file's path, used only in error messages.
    /// - Returns: the text, the encoding it was in, and notes on what was detected or repaired.
    public static func decode(_ bytes: [UInt8], source: String) throws(DecodingError) -> DecodedText {
        guard !bytes.isEmpty else { throw .empty(source: source, byteCount: 0) }
        if let signature = FileSignature.match(bytes) {
            throw .notPlainText(source: source, looksLike: signature.looksLike,
                                evidence: "it starts with \(describe(signature.magic))", fix: signature.fix)
        }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw .unsupportedEncoding(source: source, name: "UTF-32")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try decodeUTF8(bytes, from: 3, to: bytes.count, encoding: .utf8BOM,
                                  notes: ["removed the UTF-8 byte order mark"], source: source)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            return try decodeUTF16(bytes, from: 2, littleEndian: littleEndian,
                                   notes: ["removed the UTF-16 byte order mark"], source: source)
        }

        let profile = ByteProfile(bytes)
        var end = bytes.count
        var notes: [String] = []
        if profile.nuls > 0 {
            // NUL bytes only at the end are padding (UTF-16 text has them all through).
            if profile.trailingNuls == profile.nuls && profile.trailingNuls < bytes.count {
                end -= profile.trailingNuls
                notes.append("removed \(profile.trailingNuls) NUL bytes padding the end of the file")
            } else if let littleEndian = profile.utf16LittleEndian {
                let share = littleEndian ? profile.oddNuls : profile.evenNuls
                let note = "no byte order mark: read as UTF-16 \(littleEndian ? "little" : "big")-endian because "
                    + "\(share) of its \(profile.nuls) NUL bytes are at \(littleEndian ? "odd" : "even") offsets"
                return try decodeUTF16(bytes, from: 0, littleEndian: littleEndian, notes: [note], source: source)
            } else {
                throw .notPlainText(
                    source: source, looksLike: "binary data rather than text",
                    evidence: "\(profile.nuls) NUL bytes, the first at offset \(profile.firstNul ?? 0), "
                        + "not arranged like UTF-16 text",
                    fix: binaryFix)
            }
        }
        if profile.isMostlyControls {
            let offset = profile.firstControl ?? 0
            throw .notPlainText(
                source: source, looksLike: "binary data rather than text",
                evidence: "\(profile.controls) control bytes, the first (\(hex(bytes[offset]))) at offset \(offset)",
                fix: binaryFix)
        }
        return try decodeUTF8(bytes, from: 0, to: end, encoding: .utf8, notes: notes, source: source)
    }

    // MARK: UTF-8

    /// Decodes `bytes[start..<end]` as UTF-8, or, when it is not and there is no byte order mark,
    /// as the legacy encoding that reads best.
    private static func decodeUTF8(
        _ bytes: [UInt8], from start: Int, to end: Int, encoding: TextEncoding, notes: [String], source: String
    ) throws(DecodingError) -> DecodedText {
        let slice = bytes[start..<end]
        // Text that is all of the file's bytes, decoded as they are, keeps them as its source.
        let file = start == 0 && end == bytes.count && encoding == .utf8 && notes.isEmpty ? bytes : nil
        if let decoded = decodedUTF8(slice, file: file, encoding: encoding, notes: notes, checkControls: encoding == .utf8BOM) {
            return try finishUnicode(decoded, byteCount: bytes.count, source: source)
        }
        let diagnosis = UTF8Diagnosis(slice)
        if diagnosis.invalidCount == 0, let tail = diagnosis.truncatedTail {
            let dropped = slice.count - tail
            let note = "dropped an incomplete UTF-8 character at the end of the file (\(dropped) byte"
                + "\(dropped == 1 ? "" : "s") from offset \(start + tail)): the file looks cut off"
            if let decoded = decodedUTF8(slice.prefix(tail), file: nil, encoding: encoding, notes: notes + [note], checkControls: encoding == .utf8BOM) {
                return try finishUnicode(decoded, byteCount: bytes.count, source: source)
            }
        }
        let offset = start + (diagnosis.firstInvalid ?? 0)
        if encoding == .utf8BOM || diagnosis.multibyteCount >= diagnosis.invalidCount {
            throw .invalidUTF8(source: source, offset: offset, byte: diagnosis.firstInvalidByte,
                               invalidCount: max(1, diagnosis.invalidCount))
        }
        return try decodeLegacy(slice, invalidOffset: offset, invalidByte: diagnosis.firstInvalidByte,
                                notes: notes, byteCount: bytes.count, source: source)
    }

    // MARK: UTF-16

    /// Decodes `bytes[start...]` as UTF-16 in the given byte order.
    private static func decodeUTF16(
        _ bytes: [UInt8], from start: Int, littleEndian: Bool, notes: [String], source: String
    ) throws(DecodingError) -> DecodedText {
        var notes = notes
        let encoding: TextEncoding = littleEndian ? .utf16LE : .utf16BE
        let available = max(0, bytes.count - start)
        var units: [UInt16] = []
        units.reserveCapacity(available / 2)
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            while index + 1 < buffer.count {
                let first = UInt16(buffer[index])
                let second = UInt16(buffer[index + 1])
                units.append(littleEndian ? first | second << 8 : first << 8 | second)
                index += 2
            }
        }
        if available % 2 == 1 {
            notes.append("dropped a lone byte at the end of the file (offset \(bytes.count - 1)): the file looks cut off")
        }
        if let text = String(validating: units, as: UTF16.self) {
            return try finishUnicode(unicode(text, encoding: encoding, notes: notes, checkControls: true),
                                     byteCount: bytes.count, source: source)
        }
        var index = 0
        while index < units.count {
            let unit = units[index]
            if (0xD800...0xDBFF).contains(unit) {
                if index + 1 < units.count && (0xDC00...0xDFFF).contains(units[index + 1]) {
                    index += 2
                    continue
                }
                if index + 1 == units.count, let text = String(validating: units.dropLast(), as: UTF16.self) {
                    notes.append("dropped half a UTF-16 surrogate pair at the end of the file (offset "
                                 + "\(start + 2 * index)): the file looks cut off")
                    return try finishUnicode(unicode(text, encoding: encoding, notes: notes, checkControls: true),
                                             byteCount: bytes.count, source: source)
                }
                break
            }
            if (0xDC00...0xDFFF).contains(unit) {
                break
            }
            index += 1
        }
        throw .invalidUTF16(source: source, offset: start + 2 * index, encoding: encoding)
    }

    // MARK: Unicode text

    /// Decoded Unicode text and what its checks read from its UTF-8.
    private struct DecodedUnicode {
        var decoded: DecodedText
        /// The UTF-8's byte profile, for text that must be checked for control characters.
        var profile: ByteProfile?
        var isBlank: Bool
        var mojibake: MojibakeEvidence
    }

    /// `bytes` as scalars, with what ``finishUnicode(_:byteCount:source:)`` checks; nil when
    /// they are not well-formed UTF-8. `file`, when given, is the whole file that `bytes` are
    /// all of, kept as the text's ``DecodedText/source``.
    private static func decodedUTF8(
        _ bytes: ArraySlice<UInt8>, file: [UInt8]?, encoding: TextEncoding, notes: [String], checkControls: Bool
    ) -> DecodedUnicode? {
        bytes.withUnsafeBufferPointer { utf8 in
            UTF8Scalars.validScalars(utf8, checkpointEvery: SourceText.step).map { decoded in
                let source = file.map { SourceText(utf8: $0, decoded: decoded) }
                return DecodedUnicode(decoded: DecodedText(scalars: decoded.scalars, encoding: encoding, notes: notes, source: source),
                                      profile: checkControls ? ByteProfile(utf8) : nil, isBlank: isBlank(decoded.scalars),
                                      mojibake: decoded.mojibake)
            }
        }
    }

    /// `text`, with what ``finishUnicode(_:byteCount:source:)`` checks.
    private static func unicode(_ text: String, encoding: TextEncoding, notes: [String], checkControls: Bool) -> DecodedUnicode {
        var text = text
        let (profile, mojibake) = text.withUTF8 { utf8 in (checkControls ? ByteProfile(utf8) : nil, MojibakeEvidence(utf8: utf8)) }
        return DecodedUnicode(decoded: DecodedText(text: text, encoding: encoding, notes: notes),
                              profile: profile, isBlank: isBlank(text), mojibake: mojibake)
    }

    /// Checks decoded Unicode text for emptiness, control characters and legacy mojibake.
    private static func finishUnicode(_ unicode: DecodedUnicode, byteCount: Int, source: String) throws(DecodingError) -> DecodedText {
        let decoded = unicode.decoded
        if let profile = unicode.profile, profile.nuls > 0 || profile.isMostlyControls {
            let count = profile.nuls + profile.controls
            throw .notPlainText(
                source: source, looksLike: "binary data rather than text",
                evidence: "it decodes as \(decoded.encoding.displayName) to \(count) control characters (NUL included)",
                fix: binaryFix)
        }
        guard !unicode.isBlank else { throw .empty(source: source, byteCount: byteCount) }
        if unicode.mojibake.isWorthRepairing,
           let repaired = try repairMojibake(decoded.text, encoding: decoded.encoding, notes: decoded.notes, source: source) {
            return repaired
        }
        return decoded
    }

    /// One way legacy text stored as Unicode can be turned back into what it says.
    private enum Repair {
        case legacy(LegacyCodePage)
        /// UTF-8 read as Windows-1252 (`nil`) or as this code page, and encoded again.
        case doubleUTF8(LegacyCodePage?)

        func apply(_ text: String) -> String? {
            switch self {
            case .legacy(let table): table.repair(text)
            case .doubleUTF8(nil): TextDecoder.undoDoubleUTF8(text, byte: LegacyCodePage.windows1252Byte)
            case .doubleUTF8(let table?): TextDecoder.undoDoubleUTF8(text, byte: table.byte)
            }
        }
    }

    /// The text as TCVN3, VNI or UTF-8 behind mojibake, when one of them reads clearly better
    /// as Vietnamese than the text as it is: at least 60% of its words are well-formed, 15
    /// points more than before, and at least two more words are (so that "© 2019" does not
    /// become "â 2019").
    private static func repairMojibake(
        _ text: String, encoding: TextEncoding, notes: [String], source: String
    ) throws(DecodingError) -> DecodedText? {
        let scorer = try loadScorer(source: source)
        let repairs: [Repair] = [
            .legacy(try loadTable(LegacyCodePage.tcvn3, source: source)),
            .legacy(try loadTable(LegacyCodePage.vni, source: source)),
            .doubleUTF8(nil),
        ] + (LegacyCodePage.windows1258.map { [.doubleUTF8($0)] } ?? [])
        let sample = TextSample.text(of: text)
        let before = scorer.score(sample)
        var best: (repair: Repair, score: SyllableScorer.Score)?
        for repair in repairs {
            guard let repaired = repair.apply(sample) else { continue }
            let score = scorer.score(repaired)
            guard score.isPlausible, score.share >= before.share + 0.15,
                  score.wellFormed >= before.wellFormed + 2 else {
                continue
            }
            if best.map({ score.share > $0.score.share }) ?? true {
                best = (repair, score)
            }
        }
        guard let best, let repaired = best.repair.apply(text) else { return nil }
        let evidence = "\(best.score.percent)% of words with diacritics are well-formed Vietnamese after "
            + "the repair, \(before.percent)% before"
        switch best.repair {
        case .legacy(let table):
            let example = table.encoding == .vni ? "Keá hoaïch" : "KÕ ho¹ch"
            let note = "repaired \(table.encoding.displayName) font-encoded text stored as \(encoding.displayName) "
                + "(mojibake such as \"\(example)\"): converted from \(table.encoding.displayName) font encoding; "
                + evidence
            return DecodedText(text: repaired, encoding: table.encoding, notes: notes + [note])
        case .doubleUTF8(let table):
            let (name, example) = table == nil ? ("Windows-1252", "Káº¿ hoáº¡ch") : ("Windows-1258", "KĂ­nh gá»­i")
            let note = "repaired UTF-8 text that had been read as \(name) and encoded again (mojibake such as "
                + "\"\(example)\"); \(evidence)"
            return DecodedText(text: repaired, encoding: encoding, notes: notes + [note])
        }
    }

    /// The text whose UTF-8 bytes were read in a code page (`byte` gives the byte each of its
    /// characters came from: ``LegacyCodePage/windows1252Byte(for:)``) and encoded again, or `nil`.
    static func undoDoubleUTF8(_ text: String, byte: (UInt32) -> UInt8?) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let byte = byte(scalar.value) else { return nil }
            bytes.append(byte)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    // MARK: Legacy encodings

    /// Decodes bytes that are not UTF-8 with the legacy table whose output reads best as Vietnamese.
    private static func decodeLegacy(
        _ bytes: ArraySlice<UInt8>, invalidOffset: Int, invalidByte: UInt8, notes: [String], byteCount: Int,
        source: String
    ) throws(DecodingError) -> DecodedText {
        let scorer = try loadScorer(source: source)
        // On a tie (a short text whose only non-ASCII bytes are Latin-1 letters such as "á"),
        // the first wins: Windows-1258 and VNI read those bytes as themselves, TCVN3 does not.
        var tables: [LegacyCodePage] = []
        if let windows1258 = LegacyCodePage.windows1258 {
            tables.append(windows1258)
        }
        tables.append(try loadTable(LegacyCodePage.vni, source: source))
        tables.append(try loadTable(LegacyCodePage.tcvn3, source: source))
        let sample = bytes.withUnsafeBufferPointer { TextSample.bytes(of: $0) }
        let scores = tables.map { scorer.score($0.decode(sample)) }
        let summary = zip(tables, scores)
            .map { "\($0.encoding.displayName) \($1.percent)%" }
            .joined(separator: ", ")
        var bestIndex: Int?
        for (index, score) in scores.enumerated() where score.isPlausible {
            if let current = bestIndex {
                let best = scores[current]
                if score.share > best.share || (score.share == best.share && score.wellFormed > best.wellFormed) {
                    bestIndex = index
                }
            } else {
                bestIndex = index
            }
        }
        guard let bestIndex else {
            // Only here are the whole file's bytes read for "?": text that lost its letters to
            // "?" (``LostLetterEvidence``) reads as Vietnamese in none of the tables.
            if let lost = lostLetters(bytes, source: source) { throw lost }
            throw .unrecognizedEncoding(source: source, offset: invalidOffset, byte: invalidByte, candidates: summary)
        }
        let table = tables[bestIndex]
        let text = bytes.withUnsafeBufferPointer { table.decode($0) }
        guard !isBlank(text) else { throw .empty(source: source, byteCount: byteCount) }
        let conversion = table.encoding == .windows1258
            ? "decoded as Windows-1258: tone marks are combining characters until the text is normalised (NFC)"
            : "converted from \(table.encoding.displayName) font encoding"
        let detection = "detected: not UTF-8 (byte \(hex(invalidByte)) at offset \(invalidOffset)); "
            + "well-formed Vietnamese words: \(summary)"
        return DecodedText(text: text, encoding: table.encoding, notes: notes + [conversion, detection])
    }

    /// The error for `bytes` when they look like text that lost its letters to "?", else nil.
    private static func lostLetters(_ bytes: ArraySlice<UInt8>, source: String) -> DecodingError? {
        bytes.withUnsafeBufferPointer { buffer in
            let evidence = LostLetterEvidence(buffer)
            guard evidence.isLikely, let example = evidence.example else { return nil }
            return .lettersLost(source: source, damagedWords: evidence.damaged, words: evidence.words,
                                offset: bytes.startIndex + example.lowerBound, example: evidence.exampleText(in: buffer))
        }
    }

    // MARK: Helpers

    private static let binaryFix = "Check that this is the directive's text file; if it is a document, "
        + "export the document as plain text (UTF-8) and try again."

    private static func loadScorer(source: String) throws(DecodingError) -> SyllableScorer {
        switch SyllableScorer.shared {
        case .success(let scorer): return scorer
        case .failure(let problem): throw .missingCodeTable(source: source, problem: problem)
        }
    }

    private static func loadTable(
        _ table: Result<LegacyCodePage, ResourceError>, source: String
    ) throws(DecodingError) -> LegacyCodePage {
        switch table {
        case .success(let table): return table
        case .failure(let problem): throw .missingCodeTable(source: source, problem: problem)
        }
    }

    /// Whether the text has nothing but whitespace and invisible format characters.
    static func isBlank(_ text: String) -> Bool {
        isBlank(text.unicodeScalars)
    }

    /// Whether `scalars` are nothing but whitespace and invisible format characters.
    static func isBlank<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) -> Bool {
        for scalar in scalars {
            switch scalar.value {
            case 0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060, 0x00AD:
                continue
            default:
                if !scalar.properties.isWhitespace { return false }
            }
        }
        return true
    }

    /// Leading bytes as a reader would recognise them: `"%PDF-"`, or hex.
    private static func describe(_ magic: [UInt8]) -> String {
        if magic.allSatisfy({ (0x20..<0x7F).contains($0) }) {
            return "\"\(String(decoding: magic, as: UTF8.self))\""
        }
        return "the bytes " + magic.map(hex).joined(separator: " ")
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return byte < 0x10 ? "0x0" + digits : "0x" + digits
    }
}
