import Foundation
import Testing
@testable import PolicyCompare

/// Sentences from the Month of Action for Children directives (Datasets/directives), as received.
private enum Sentences {
    static let molisa2010 = "Để nâng cao nhận thức và trách nhiệm của toàn xã hội về công tác bảo vệ, chăm sóc và "
        + "giáo dục trẻ em nói chung, trẻ em có hoàn cảnh đặc biệt, trẻ em vùng núi, vùng sâu, vùng xa nói riêng, "
        + "đảm bảo cho mọi trẻ em có cơ hội bình đẳng tiếp cận với các dịch vụ xã hội, Bộ Lao động - Thương binh và "
        + "Xã hội phát động Tháng hành động vì trẻ em năm 2010 triển khai từ Trung ương đến cơ sở với chủ đề: "
        + "“Tạo cơ hội phát triển bình đẳng cho trẻ em”."
    static let molisa2013 = "Để triển khai kế hoạch Tháng hành động vì trẻ em năm 2013, Bộ Lao động - Thương binh "
        + "và Xã hội đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương:"
    static let molisa2014 = "Tuy nhiên, công tác bảo vệ, chăm sóc trẻ em cũng đang đứng trước khó khăn, thách thức "
        + "mới. Tình trạng phân hóa giàu nghèo, phân tầng xã hội, bất bình đẳng về cơ hội phát triển giữa các nhóm "
        + "trẻ em dẫn đến nguy cơ gia tăng trẻ em lao động, trẻ em lang thang, tai nạn thương tích trẻ em, trẻ em vi "
        + "phạm pháp luật; tình trạng trẻ em bị bạo lực, xâm hại diễn ra phức tạp."
    static let kienGiang2019 = "- Quan tâm, tạo điều kiện để mọi trẻ em có một mùa hè an toàn, lành mạnh; tổ chức "
        + "tốt việc phối hợp giữa nhà trường, gia đình và chính quyền cơ sở, các đoàn thể trong việc quản lý, giám "
        + "sát, hướng dẫn trẻ em vui chơi an toàn, lành mạnh, phòng, chống tai nạn, thương tích, đặc biệt là tai "
        + "nạn đuối nước."
    static let langSon2019 = "Để các hoạt động Tháng hành động vì trẻ em năm 2019 được tổ chức đồng bộ và có hiệu "
        + "quả, Sở Lao động – Thương binh và Xã hội đề nghị các sở, ban, ngành, đoàn thể của tỉnh, UBND các huyện, "
        + "thành phố chỉ đạo, tổ chức triển khai thực hiện Tháng hành động vì trẻ em năm 2019 với các nội dung hoạt "
        + "động cụ thể như sau:"

    static let all = [molisa2010, molisa2013, molisa2014, kienGiang2019, langSon2019]
    static let title = "Tháng hành động vì trẻ em"
}

/// `bytes` read as Windows-1258 the way Foundation (and Windows) reads that code page, its five
/// undefined bytes as C1 controls, and written again as UTF-8: what a Vietnamese Windows's
/// Notepad makes of a UTF-8 file it opens as "ANSI" and saves as UTF-8.
private func asWindows1258(_ bytes: [UInt8]) throws -> [UInt8] {
    Array(try #require(String(bytes: bytes, encoding: String.Encoding(rawValue: 0x8000_0508))).utf8)
}

/// NFC scalars: Swift's `==` on strings ignores NFC versus NFD, these do not.
private func scalars(_ text: String) -> [UInt32] {
    text.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
}

private func bytes(hex: String) -> [UInt8] {
    hex.split(separator: " ").compactMap { UInt8($0, radix: 16) }
}

/// Decodes and returns the error, or `nil` when decoding succeeded.
private func decodingError(_ bytes: [UInt8], source: String) -> DecodingError? {
    do {
        _ = try TextDecoder.decode(bytes, source: source)
        return nil
    } catch {
        return error
    }
}

private func table(_ result: Result<LegacyCodePage, ResourceError>) throws -> LegacyCodePage {
    try result.get()
}

/// TCVN3 has no capitals with tone marks (.VnTimeH sets them from lower-case codes): lower-case
/// exactly those letters, as a TCVN3 document would hold them.
private func tcvn3Representable(_ text: String) throws -> String {
    let tcvn3 = try table(LegacyCodePage.tcvn3)
    return String(text.precomposedStringWithCanonicalMapping.map { character in
        tcvn3.encode(String(character)) == nil ? Character(character.lowercased()) : character
    })
}

@Suite("TextDecoder")
struct TextDecoderTests {
    // MARK: Unicode

    @Test("UTF-8 without a byte order mark decodes unchanged")
    func utf8Plain() throws {
        let decoded = try TextDecoder.decode(Array(Sentences.molisa2010.utf8), source: "a.txt")
        #expect(decoded.encoding == .utf8)
        #expect(scalars(decoded.text) == scalars(Sentences.molisa2010))
        #expect(decoded.notes.isEmpty)
    }

    @Test("only text that is all of the file's bytes as they are keeps them as its source")
    func sourceOnlyForUnchangedUTF8() throws {
        let plain = Array(Sentences.molisa2010.utf8), nfd = Array(Sentences.title.decomposedStringWithCanonicalMapping.utf8)
        for bytes in [plain, nfd] {
            let source = try #require(try TextDecoder.decode(bytes, source: "a.txt").source)
            #expect(source == SourceText(utf8: bytes))
            #expect(source.isNFC == (bytes == plain))
        }
        let mojibake = Array("KÕ ho¹ch triÓn khai Th¸ng hµnh ®éng v× trÎ em cña ñy ban nh©n d©n tØnh".utf8)
        var utf16LE: [UInt8] = [0xFF, 0xFE]
        for unit in Sentences.title.utf16 { utf16LE += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let changed: [[UInt8]] = [
            [0xEF, 0xBB, 0xBF] + plain,  // byte order mark
            plain + [0, 0, 0],  // NUL padding
            Array(plain.dropLast(2)),  // cut inside "”"
            mojibake,
            utf16LE,
        ]
        for bytes in changed {
            #expect(try TextDecoder.decode(bytes, source: "a.txt").source == nil, "\(bytes.prefix(4))")
        }
    }

    @Test("UTF-8 keeps decomposed text as it is: decoding does not normalise")
    func utf8KeepsNFD() throws {
        let nfd = Sentences.title.decomposedStringWithCanonicalMapping
        let decoded = try TextDecoder.decode(Array(nfd.utf8), source: "a.txt")
        #expect(Array(decoded.text.unicodeScalars) == Array(nfd.unicodeScalars))
    }

    @Test("UTF-8 with a byte order mark loses the mark")
    func utf8BOM() throws {
        let decoded = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(Sentences.molisa2013.utf8), source: "a.txt")
        #expect(decoded.encoding == .utf8BOM)
        #expect(scalars(decoded.text) == scalars(Sentences.molisa2013))
        #expect(decoded.text.unicodeScalars.first?.value != 0xFEFF)
    }

    @Test("UTF-16 with a byte order mark, both byte orders", arguments: [true, false])
    func utf16WithBOM(littleEndian: Bool) throws {
        let units = Array(Sentences.molisa2014.utf16)
        var data: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in units {
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            data += littleEndian ? [low, high] : [high, low]
        }
        let decoded = try TextDecoder.decode(data, source: "a.txt")
        #expect(decoded.encoding == (littleEndian ? .utf16LE : .utf16BE))
        #expect(scalars(decoded.text) == scalars(Sentences.molisa2014))
    }

    @Test("UTF-16 without a byte order mark is told by where its NUL bytes are", arguments: [true, false])
    func utf16WithoutBOM(littleEndian: Bool) throws {
        var data: [UInt8] = []
        for unit in Sentences.kienGiang2019.utf16 {
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            data += littleEndian ? [low, high] : [high, low]
        }
        let decoded = try TextDecoder.decode(data, source: "a.txt")
        #expect(decoded.encoding == (littleEndian ? .utf16LE : .utf16BE))
        #expect(scalars(decoded.text) == scalars(Sentences.kienGiang2019))
        #expect(decoded.notes.contains { $0.contains("no byte order mark") })
    }

    @Test("UTF-16 with an unpaired surrogate is an error naming its offset")
    func utf16UnpairedSurrogate() {
        let data: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00]
        #expect(decodingError(data, source: "bad16.txt") == .invalidUTF16(source: "bad16.txt", offset: 4, encoding: .utf16LE))
    }

    // MARK: Windows-1258

    @Test("Windows-1258 with combining tones decodes to text that is NFC-equal to the original")
    func windows1258Title() throws {
        let data = try #require(Fixtures.windows1258Bytes(Sentences.title))
        #expect(data == [0x54, 0x68, 0x61, 0xEC, 0x6E, 0x67, 0x20, 0x68, 0x61, 0xCC, 0x6E, 0x68, 0x20, 0xF0, 0xF4,
                         0xF2, 0x6E, 0x67, 0x20, 0x76, 0x69, 0xCC, 0x20, 0x74, 0x72, 0x65, 0xD2, 0x20, 0x65, 0x6D])
        let decoded = try TextDecoder.decode(data, source: "cp1258.txt")
        #expect(decoded.encoding == .windows1258)
        #expect(scalars(decoded.text) == scalars(Sentences.title))
        // Not normalised: the tone marks stay combining characters.
        #expect(decoded.text.unicodeScalars.contains { $0.value == 0x301 })
    }

    @Test("Windows-1258 directive sentences are detected and decoded", arguments: Sentences.all)
    func windows1258Sentences(sentence: String) throws {
        for precomposed in [false, true] {
            let data = try #require(Fixtures.windows1258Bytes(sentence, precomposed: precomposed))
            let decoded = try TextDecoder.decode(data, source: "cp1258.txt")
            #expect(decoded.encoding == .windows1258)
            #expect(scalars(decoded.text) == scalars(sentence))
        }
    }

    @Test("A short Windows-1258 text with only Latin-1 letters is read as Windows-1258, not TCVN3")
    func windows1258Short() throws {
        let decoded = try TextDecoder.decode([0x54, 0x68, 0xE1, 0x6E, 0x67, 0x20, 0x6E, 0xE0, 0x79], source: "short.txt")
        #expect(decoded.encoding == .windows1258)
        #expect(decoded.text == "Tháng này")
    }

    @Test("The Windows-1258 table matches what Foundation decodes")
    func windows1258MatchesFoundation() throws {
        let table = try #require(LegacyCodePage.windows1258)
        let data = try #require(Fixtures.windows1258Bytes(Sentences.molisa2010))
        let foundation = try #require(String(bytes: data, encoding: String.Encoding(rawValue: 0x8000_0508)))
        #expect(Array(table.decode(data).unicodeScalars) == Array(foundation.unicodeScalars))
    }

    // MARK: TCVN3

    @Test("TCVN3 bytes written by glibc iconv decode to the sentence they came from")
    func tcvn3FromIconv() throws {
        // `iconv -f UTF-8 -t TCVN5712-1` of the lower-cased sentences, whose letters are all in VN3.
        let cases: [(String, String)] = [
            ("62 e9 20 6c 61 6f 20 ae e9 6e 67 20 2d 20 74 68 ad ac 6e 67 20 62 69 6e 68 20 76 b5 20 78 b7 20 68 e9 "
             + "69 20 ae d2 20 6e 67 68 de 20 f1 79 20 62 61 6e 20 6e 68 a9 6e 20 64 a9 6e 20 63 b8 63 20 74 d8 6e 68",
             "bộ lao động - thương binh và xã hội đề nghị ủy ban nhân dân các tỉnh"),
            ("6e 67 75 79 d4 6e 20 74 68 de 20 6b 69 6d 20 74 69 d5 6e 3b 20 6b 68 75 79 d5 6e 20 6b 68 dd 63 68 20 "
             + "74 72 ce 20 65 6d 20 ae ad ee 63 20 62 b6 6f 20 76 d6 2c 20 63 68 a8 6d 20 73 e3 63 20 76 b5 20 67 69 "
             + "b8 6f 20 64 f4 63",
             "nguyễn thị kim tiến; khuyến khích trẻ em được bảo vệ, chăm sóc và giáo dục"),
        ]
        for (hex, expected) in cases {
            let decoded = try TextDecoder.decode(bytes(hex: hex), source: "tcvn3.txt")
            #expect(decoded.encoding == .tcvn3)
            #expect(scalars(decoded.text) == scalars(expected))
            #expect(decoded.notes.contains("converted from TCVN3 (ABC) font encoding"))
        }
    }

    @Test("TCVN3 directive sentences round-trip exactly", arguments: Sentences.all)
    func tcvn3RoundTrip(sentence: String) throws {
        let text = try tcvn3Representable(sentence)
        let data = try #require(try table(LegacyCodePage.tcvn3).encode(text))
        let decoded = try TextDecoder.decode(data, source: "tcvn3.txt")
        #expect(decoded.encoding == .tcvn3)
        #expect(scalars(decoded.text) == scalars(text))
    }

    @Test("The TCVN3 table maps 74 bytes, one letter each, and decodes the letters it encodes")
    func tcvn3Table() throws {
        let tcvn3 = try table(LegacyCodePage.tcvn3)
        let rows = try BundledResource.tsvRows("legacy-tcvn3.tsv")
        #expect(rows.count == 74)
        #expect(Set(rows.map { $0[1] }).count == 74)
        for row in rows {
            let letter = row[2]
            let code = try #require(tcvn3.encode(letter))
            #expect(code.count == 1 && code[0] >= 0xA1)
            #expect(tcvn3.decode(code) == letter)
        }
        #expect(tcvn3.decode([0xA9, 0xAE, 0xB8, 0xAD, 0xA7]) == "âđáưĐ")
    }

    // MARK: VNI

    @Test("Hand-written VNI bytes decode to the right letters")
    func vniKnownText() throws {
        let cases: [(String, String)] = [
            ("Boä Lao ñoäng - Thöông binh vaø Xaõ hoäi", "Bộ Lao động - Thương binh và Xã hội"),
            ("Xin chaøo caùc baïn", "Xin chào các bạn"),
            ("Vieät Nam, ÑAÛNG, Uûy ban, nguyeãn, khuyûu, kyõ, ñöôïc, hoïc, thöôûng", "Việt Nam, ĐẢNG, Ủy ban, nguyễn, khuỷu, kỹ, được, học, thưởng"),
        ]
        for (latin1, expected) in cases {
            let data = latin1.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
            let decoded = try TextDecoder.decode(data, source: "vni.txt")
            #expect(decoded.encoding == .vni)
            #expect(scalars(decoded.text) == scalars(expected))
            #expect(decoded.notes.contains("converted from VNI Windows font encoding"))
        }
    }

    @Test("VNI directive sentences round-trip exactly", arguments: Sentences.all)
    func vniRoundTrip(sentence: String) throws {
        let data = try #require(try table(LegacyCodePage.vni).encode(sentence.precomposedStringWithCanonicalMapping))
        let decoded = try TextDecoder.decode(data, source: "vni.txt")
        #expect(decoded.encoding == .vni)
        #expect(scalars(decoded.text) == scalars(sentence))
    }

    @Test("The VNI table covers all 134 Vietnamese letters, each decoding back to itself")
    func vniTable() throws {
        let vni = try table(LegacyCodePage.vni)
        let rows = try BundledResource.tsvRows("legacy-vni.tsv")
        #expect(rows.count == 134)
        #expect(Set(rows.map { $0[0] }).count == 134)
        #expect(Set(rows.map { $0[1] }).count == 134)
        for row in rows {
            let letter = row[2]
            let code = try #require(vni.encode(letter))
            #expect(vni.decode(code) == letter)
        }
        // A capital base with a lower-case modifier (text whose case was changed) keeps its meaning.
        #expect(vni.decode([0x41, 0xF9]) == "Á")
    }

    // MARK: Mojibake

    @Test("TCVN3 text stored as UTF-8 mojibake is converted back, with a note")
    func tcvn3Mojibake() throws {
        let mojibake = "KÕ ho¹ch triÓn khai Th¸ng hµnh ®éng v× trÎ em cña ñy ban nh©n d©n tØnh"
        let decoded = try TextDecoder.decode(Array(mojibake.utf8), source: "vntime.txt")
        #expect(decoded.encoding == .tcvn3)
        #expect(scalars(decoded.text) == scalars("Kế hoạch triển khai Tháng hành động vì trẻ em của ủy ban nhân dân tỉnh"))
        #expect(decoded.notes.contains { $0.contains("mojibake") && $0.contains("TCVN3") })
    }

    @Test("TCVN3 mojibake keeps Windows-1252 quotes and the soft hyphen that means ư")
    func tcvn3MojibakeDirective() throws {
        let text = try tcvn3Representable(Sentences.molisa2010)
        let data = try #require(try table(LegacyCodePage.tcvn3).encode(text))
        let mojibake = String(data.map { Character(Unicode.Scalar(LegacyCodePage.windows1252[Int($0)]) ?? " ") })
        #expect(mojibake.contains("\u{AD}"))
        var utf16LE: [UInt8] = [0xFF, 0xFE]
        for unit in mojibake.utf16 {
            utf16LE += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        for stored in [Array(mojibake.utf8), utf16LE] {
            let decoded = try TextDecoder.decode(stored, source: "vntime.txt")
            #expect(decoded.encoding == .tcvn3)
            #expect(scalars(decoded.text) == scalars(text))
        }
    }

    @Test("VNI text stored as UTF-8 mojibake is converted back")
    func vniMojibake() throws {
        let data = try #require(try table(LegacyCodePage.vni).encode(Sentences.molisa2013.precomposedStringWithCanonicalMapping))
        let mojibake = String(data.map { Character(Unicode.Scalar(LegacyCodePage.windows1252[Int($0)]) ?? " ") })
        let decoded = try TextDecoder.decode(Array(mojibake.utf8), source: "vni-as-utf8.txt")
        #expect(decoded.encoding == .vni)
        #expect(scalars(decoded.text) == scalars(Sentences.molisa2013))
    }

    @Test("UTF-8 read as Windows-1252 and encoded again is repaired")
    func doubleUTF8() throws {
        let twice = String(Sentences.molisa2014.utf8.map { Character(Unicode.Scalar(LegacyCodePage.windows1252[Int($0)]) ?? " ") })
        let decoded = try TextDecoder.decode(Array(twice.utf8), source: "twice.txt")
        #expect(decoded.encoding == .utf8)
        #expect(scalars(decoded.text) == scalars(Sentences.molisa2014))
        #expect(decoded.notes.contains { $0.contains("encoded again") })
    }

    @Test("UTF-8 read as Windows-1258 (a Vietnamese Windows's \"ANSI\") and encoded again is repaired, with a note")
    func doubleUTF8ThroughWindows1258() throws {
        let twice = try asWindows1258(Array(Sentences.molisa2014.utf8))
        #expect(String(decoding: twice, as: UTF8.self).contains("Ä‘"), "đ read as Windows-1258")
        let decoded = try TextDecoder.decode(twice, source: "ansi.txt")
        #expect(decoded.encoding == .utf8)
        #expect(scalars(decoded.text) == scalars(Sentences.molisa2014))
        #expect(decoded.notes.contains { $0.contains("read as Windows-1258 and encoded again") }, "\(decoded.notes)")
    }

    @Test("Unicode Vietnamese with a few Latin-1 symbols is left alone")
    func genuineLatin1Symbols() throws {
        let texts = [
            "© 2019 Bộ Lao động - Thương binh và Xã hội; nhiệt độ 30°C ± 2°; «Tháng hành động vì trẻ em»",
            "Giá ¼ cũ", "© Sở", "© 2019 UNICEF", "Nhiệt độ 30°C", "«UNICEF»",
        ]
        for text in texts {
            let decoded = try TextDecoder.decode(Array(text.utf8), source: "a.txt")
            #expect(decoded.encoding == .utf8)
            #expect(Array(decoded.text.unicodeScalars) == Array(text.unicodeScalars))
            #expect(decoded.notes.isEmpty)
        }
    }

    // MARK: Not text

    @Test("Binary formats are errors that name the file, the format and the fix", arguments: [
        (Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8), "a PDF document", "pdftotext"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "a PNG image", "OCR"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "a ZIP archive", "Plain Text (.txt)"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], "Office 97-2003", "Plain Text (.txt)"),
    ])
    func binaryFormats(data: [UInt8], looksLike: String, fix: String) throws {
        let error = try #require(decodingError(data, source: "Datasets/raw/chi-thi.bin"))
        guard case .notPlainText(let source, let format, _, _) = error else {
            Issue.record("expected notPlainText, got \(error)")
            return
        }
        #expect(source == "Datasets/raw/chi-thi.bin")
        #expect(format.contains(looksLike))
        #expect(error.description.hasPrefix("Datasets/raw/chi-thi.bin is not a plain-text file: this looks like"))
        #expect(error.description.contains(fix))
        #expect(error.description.contains("expected the text of a directive"))
    }

    @Test("A PDF error says to export the document as plain text")
    func pdfMessage() throws {
        let error = try #require(decodingError(Array("%PDF-1.4".utf8), source: "ct.pdf"))
        #expect(error.description.contains("ct.pdf"))
        #expect(error.description.contains("this looks like a PDF document"))
        #expect(error.description.contains("export the document as plain text (UTF-8) and try again"))
    }

    @Test("NUL bytes that are not UTF-16, and runs of control bytes, are binary data")
    func binaryData() throws {
        var noise: [UInt8] = []
        var state: UInt32 = 12345
        for _ in 0..<4096 {
            state = state &* 1_103_515_245 &+ 12345
            noise.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        let nulError = try #require(decodingError(noise, source: "noise.dat"))
        #expect(nulError.description.contains("noise.dat"))
        #expect(nulError.description.contains("binary data"))
        #expect(nulError.description.contains("export the document as plain text (UTF-8) and try again"))

        let controls = Array("abc".utf8) + [UInt8](repeating: 0x01, count: 10) + Array("def".utf8)
        let controlError = try #require(decodingError(controls, source: "ctl.txt"))
        #expect(controlError.description.contains("control bytes"))
    }

    @Test("NUL padding at the end of a text file is removed with a note")
    func nulPadding() throws {
        let decoded = try TextDecoder.decode(Array(Sentences.title.utf8) + [0, 0, 0, 0, 0], source: "padded.txt")
        #expect(decoded.text == Sentences.title)
        #expect(decoded.notes.contains { $0.contains("NUL") })
    }

    @Test("UTF-32 is named as unsupported")
    func utf32() {
        #expect(decodingError([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00], source: "u32.txt")
                == .unsupportedEncoding(source: "u32.txt", name: "UTF-32"))
    }

    // MARK: Empty, truncated, damaged

    @Test("Empty and whitespace-only files are errors that say a directive was expected")
    func empty() throws {
        #expect(decodingError([], source: "empty.txt") == .empty(source: "empty.txt", byteCount: 0))
        let blank = Array(" \n\t\r\n\u{00A0}\u{FEFF}".utf8)
        #expect(decodingError(blank, source: "blank.txt") == .empty(source: "blank.txt", byteCount: blank.count))
        #expect(decodingError([0xEF, 0xBB, 0xBF], source: "bom.txt") == .empty(source: "bom.txt", byteCount: 3))
        let message = DecodingError.empty(source: "empty.txt", byteCount: 0).description
        #expect(message.contains("empty.txt is empty"))
        #expect(message.contains("expected the text of a directive"))
    }

    @Test("UTF-8 cut off inside a character loses only that character, with a note giving its offset")
    func truncatedUTF8() throws {
        let full = Array("Tháng hành động vì trẻ em Việt".utf8)
        let cut = Array(full.dropLast(3))  // "ệ" is 3 bytes and "t" 1: the first byte of "ệ" remains
        let decoded = try TextDecoder.decode(cut, source: "cut.txt")
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == "Tháng hành động vì trẻ em Vi")
        #expect(decoded.notes.contains { $0.contains("incomplete UTF-8 character") && $0.contains("offset \(cut.count - 1)") })
    }

    @Test("UTF-8 with a damaged byte in the middle is an error naming the offset")
    func damagedUTF8() throws {
        let prefix = Array("Tháng hành động".utf8)
        let data = prefix + [0x93] + Array(" vì trẻ em".utf8)
        let error = try #require(decodingError(data, source: "damaged.txt"))
        #expect(error == .invalidUTF8(source: "damaged.txt", offset: prefix.count, byte: 0x93, invalidCount: 1))
        #expect(error.description.contains("byte 0x93 at offset \(prefix.count)"))
        #expect(error.description.contains("UTF-8"))
    }

    @Test("Bytes that read as no supported encoding are an error listing what was tried")
    func unrecognized() throws {
        let french = Array("Le café crème coûte très cher à Besançon; où êtes-vous?".unicodeScalars.map { UInt8($0.value) })
        let error = try #require(decodingError(french, source: "fr.txt"))
        guard case .unrecognizedEncoding(let source, let offset, _, let candidates) = error else {
            Issue.record("expected unrecognizedEncoding, got \(error)")
            return
        }
        #expect(source == "fr.txt")
        #expect(offset == 6)
        #expect(candidates.contains("TCVN3") && candidates.contains("VNI") && candidates.contains("Windows-1258"))
        #expect(error.description.contains("Convert the file to UTF-8"))
    }

    // MARK: Letters lost to "?"

    /// `text` as Windows saves it as "ANSI" on a Western-language system (Python's
    /// `text.encode('cp1252', 'replace')`): each character code page 1252 lacks becomes "?".
    private static func windows1252Replacing(_ text: String) -> [UInt8] {
        let bytes = Dictionary(LegacyCodePage.windows1252.enumerated().map { ($1, UInt8($0)) }, uniquingKeysWith: { first, _ in first })
        return text.precomposedStringWithCanonicalMapping.unicodeScalars.map { bytes[$0.value] ?? UInt8(ascii: "?") }
    }

    @Test("Vietnamese saved as Windows-1252 ('?' for every letter it lacks) is an error naming the file, a damaged word and the fix")
    func lettersLostToQuestionMarks() throws {
        let data = Self.windows1252Replacing(Sentences.molisa2013)
        #expect(String(decoding: data.prefix(14), as: UTF8.self) == "?? tri?n khai ")
        let error = try #require(decodingError(data, source: "ansi.txt"))
        #expect(error == .lettersLost(source: "ansi.txt", damagedWords: 8, words: 32, offset: 3, example: "tri?n"))
        for part in ["ansi.txt", "8 of its 32 words", "\"tri?n\"", "offset 3", "code page 1252", "cannot be recovered", "save it again as UTF-8"] {
            #expect(error.description.contains(part), "\(part)")
        }
    }

    @Test("Every shipped directive saved as Windows-1252 with '?' for its lost letters is that error, not a legacy conversion")
    func shippedDirectivesWithLostLetters() throws {
        for (name, text) in try Self.shippedDirectives() {
            let error = try #require(decodingError(Self.windows1252Replacing(text), source: name), "\(name)")
            guard case .lettersLost(let source, let damaged, let words, _, let example) = error else {
                Issue.record("\(name): expected lettersLost, got \(error)")
                continue
            }
            #expect(source == name)
            #expect(damaged * 4 > words, "\(name): \(damaged) of \(words)")
            #expect(example.contains("?") && example.first != "?" && example.last != "?", "\(name): \(example)")
        }
    }

    @Test("Real question marks, and a URL's, leave UTF-8 as it was and legacy text decoded as before")
    func realQuestionMarks() throws {
        let text = Sentences.molisa2010 + " Vì sao? Trẻ em cần gì? Xem http://molisa.gov.vn/index.php?id=3&lang=vi hoặc gọi 111?"
        let utf8 = try TextDecoder.decode(Array(text.utf8), source: "a.txt")
        #expect(utf8.encoding == .utf8 && utf8.notes.isEmpty)
        #expect(Array(utf8.text.unicodeScalars) == Array(text.unicodeScalars))
        let tcvn3Text = try tcvn3Representable(text)
        let forms: [(bytes: [UInt8], encoding: TextEncoding, expected: String)] = [
            (try #require(Fixtures.windows1258Bytes(text)), .windows1258, text),
            (try #require(try table(LegacyCodePage.vni).encode(text)), .vni, text),
            (try #require(try table(LegacyCodePage.tcvn3).encode(tcvn3Text)), .tcvn3, tcvn3Text),
        ]
        for form in forms {
            let decoded = try TextDecoder.decode(form.bytes, source: "a.txt")
            #expect(decoded.encoding == form.encoding)
            #expect(scalars(decoded.text) == scalars(form.expected))
        }
    }

    // MARK: Shipped directives

    /// The directive texts shipped in `Datasets/directives`.
    private static func shippedDirectives() throws -> [(name: String, text: String)] {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Datasets/directives")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            return (name, try #require(String(data: data, encoding: .utf8)))
        }
    }

    @Test("Every shipped directive is detected and decoded exactly in every supported form")
    func shippedDirectivesInEveryEncoding() throws {
        let directives = try Self.shippedDirectives()
        #expect(directives.count == 5)
        let tcvn3 = try table(LegacyCodePage.tcvn3)
        let vni = try table(LegacyCodePage.vni)
        func asWindows1252(_ bytes: [UInt8]) -> [UInt8] {
            Array(String(String.UnicodeScalarView(bytes.compactMap { Unicode.Scalar(LegacyCodePage.windows1252[Int($0)]) })).utf8)
        }
        for (name, original) in directives {
            let text = original.precomposedStringWithCanonicalMapping
            let tcvn3Text = try tcvn3Representable(text)
            let tcvn3Bytes = try #require(tcvn3.encode(tcvn3Text))
            let vniBytes = try #require(vni.encode(text))
            var utf16LE: [UInt8] = []
            for unit in text.utf16 {
                utf16LE += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
            let cases: [(form: String, bytes: [UInt8], encoding: TextEncoding, expected: String)] = [
                ("UTF-8", Array(text.utf8), .utf8, text),
                ("UTF-16 LE without BOM", utf16LE, .utf16LE, text),
                ("Windows-1258", try #require(Fixtures.windows1258Bytes(text)), .windows1258, text),
                ("Windows-1258 precomposed", try #require(Fixtures.windows1258Bytes(text, precomposed: true)), .windows1258, text),
                ("TCVN3", tcvn3Bytes, .tcvn3, tcvn3Text),
                ("VNI", vniBytes, .vni, text),
                ("TCVN3 mojibake", asWindows1252(tcvn3Bytes), .tcvn3, tcvn3Text),
                ("VNI mojibake", asWindows1252(vniBytes), .vni, text),
                ("UTF-8 encoded twice", asWindows1252(Array(text.utf8)), .utf8, text),
                ("UTF-8 read as Windows-1258 and encoded again", try asWindows1258(Array(text.utf8)), .utf8, text),
            ]
            for form in cases {
                let decoded = try TextDecoder.decode(form.bytes, source: name)
                #expect(decoded.encoding == form.encoding, "\(name) as \(form.form)")
                #expect(scalars(decoded.text) == scalars(form.expected), "\(name) as \(form.form)")
            }
        }
    }

    // MARK: Large input

    @Test("A large TCVN3 input is detected from samples and decoded whole")
    func largeLegacyInput() throws {
        let text = try tcvn3Representable(Sentences.all.joined(separator: "\n"))
        let unit = try #require(try table(LegacyCodePage.tcvn3).encode(text + "\n"))
        var data: [UInt8] = []
        while data.count <= TextSample.wholeLimit * 2 {
            data += unit
        }
        let decoded = try TextDecoder.decode(data, source: "big.txt")
        #expect(decoded.encoding == .tcvn3)
        #expect(decoded.text.utf8.count > data.count)
        #expect(decoded.text.hasPrefix(String(text.prefix(40))))
    }
}
