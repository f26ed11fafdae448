import Foundation
import Testing
@testable import PolicyCompare

@Suite struct DocumentLayoutTests {
    /// Lines of a normalised text, as scalar ranges (blank lines left out).
    private static func lines(_ text: NormalizedText) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for i in 0...text.scalars.count where i == text.scalars.count || text.scalars[i] == "\n" {
            if i > start { result.append(start..<i) }
            start = i + 1
        }
        return result
    }

    /// The fast path may only take a line the full checks would file as content.
    private static func agreesWithFullChecks(_ text: NormalizedText, _ range: Range<Int>, _ vocabulary: DocumentLayout.Vocabulary) -> Bool {
        guard DocumentLayout.isPlainProse(text.scalars, range) else { return true }
        let bare = DocumentLayout.bare(text.text(range))
        return !DocumentLayout.isNoiNhan(bare) && !DocumentLayout.isSignature(bare, vocabulary) && !DocumentLayout.isUpperCase(bare)
    }

    @Test func proseFastPathTakesOnlyContentLinesOfTheRealDirectives() throws {
        let vocabulary = try DocumentLayout.Vocabulary.bundled()
        var taken = 0, total = 0
        for id in Fixtures.ids {
            let text = try Fixtures.directive(id).text
            for range in Self.lines(text) {
                total += 1
                if DocumentLayout.isPlainProse(text.scalars, range) { taken += 1 }
                #expect(Self.agreesWithFullChecks(text, range, vocabulary), "\(id): \(text.text(range))")
            }
        }
        // It must also be the common case, or it saves nothing.
        #expect(taken * 2 > total)
    }

    @Test(arguments: [
        ("Nơi nhận:", false), ("**Nơi nhận:**", false), ("  nơi nhận: như trên", false), ("(Đã ký)", false),
        ("KT. BỘ TRƯỞNG", false), ("THỨ TRƯỞNG", false), ("I. MỤC ĐÍCH, YÊU CẦU", false), ("Đ", false),
        ("ĐẨY MẠNH TRUYỀN THÔNG", false), ("Tổ chức các hoạt động", true), ("**Tổ chức** tháng hành động", true),
        ("- Sở Lao động phối hợp", true), ("1. Mục đích", true), ("Ư\u{301}NG HỘ", false),
        ("Năm 2019, tiếp tục", true), ("**Nâng cao** chất lượng", true), ("ngày hội", true), ("NƠi nhận", false),
        ("No\u{31B}i nhận", false), ("noi nhận", false), ("N", false), ("Nhà nước", true),
    ])
    func proseFastPath(line: String, plain: Bool) throws {
        let text = VietnameseNormalizer.normalize(line)
        let range = 0..<text.scalars.count
        #expect(DocumentLayout.isPlainProse(text.scalars, range) == plain)
        #expect(Self.agreesWithFullChecks(text, range, try DocumentLayout.Vocabulary.bundled()))
    }

    /// Lines of the real directives and odd ones, normalised, each with its whole range.
    private static func headingCases() throws -> [(NormalizedText, Range<Int>)] {
        var cases: [(NormalizedText, Range<Int>)] = []
        for id in Fixtures.ids {
            let text = try Fixtures.directive(id).text
            cases += Self.lines(text).map { (text, $0) }
        }
        let odd = ["I. MỤC ĐÍCH, YÊU CẦU", "II.CHỦ ĐỀ", "IV) NHIỆM VỤ", "KT. CHỦ TỊCH", "kt. chủ tịch", "TM. ỦY BAN", "Q. GIÁM ĐỐC",
                   "NƠI NHẬN", "N. ĐIỀU", "III", "III ", "III**", "1 ", "1", "A(B)", "I.", "TL.", "q. giám đốc", "**II. HAI**",
                   "II. HAI **", " II. HAI", "II\u{301}. HAI", "ĐÃ KÝ", "X\u{200B}. Y", "ab. CD", "2019 - NĂM"]
        cases += odd.map { line in
            let text = VietnameseNormalizer.normalize(line)
            return (text, 0..<text.scalars.count)
        }
        return cases.filter { !$0.1.isEmpty }
    }

    @Test func plainHeadingFastPathTakesOnlyBodyContentLines() throws {
        let vocabulary = try DocumentLayout.Vocabulary.bundled()
        var taken = 0
        for (text, range) in try Self.headingCases() where DocumentLayout.isPlainHeading(text.scalars, range, vocabulary) {
            taken += 1
            let bare = DocumentLayout.bare(text.text(range))
            #expect(!DocumentLayout.isNoiNhan(bare) && !DocumentLayout.isSignature(bare, vocabulary), "\(text.text(range))")
        }
        #expect(taken >= 10)
    }

    @Test func aLineWithKeptEndsIsItsOwnBareForm() throws {
        var kept = 0
        for (text, range) in try Self.headingCases() where DocumentLayout.hasKeptEnds(text.scalars, range) {
            kept += 1
            let line = text.text(range)
            #expect(DocumentLayout.bare(line) == line && Self.bareByCharacters(line) == line, "\(line)")
        }
        #expect(kept >= 10)
    }

    /// `isUpperCase` by Character properties alone, as it was before its ASCII fast path.
    private static func upperCaseByCharacters(_ line: String) -> Bool {
        var letters = 0
        for c in line where c.isLetter {
            if c.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    @Test func upperCaseFastPathAgreesWithCharacterPropertiesOnEveryLineAndOddCases() throws {
        var lines: [String] = []
        for id in Fixtures.ids {
            let text = try Fixtures.directive(id).text
            lines += Self.lines(text).map { DocumentLayout.bare(text.text($0)) }
        }
        lines += ["a\u{301}BC", "A\u{301}BC", "ĐỀ ÁN", "Đ a", "ÀB", "x", "AB1", "KT. BỘ TRƯỞNG", "a\u{345}", "Ω a", "ǅA", "ĐÀ\u{20DD}b", "", "1 2 3", "\u{600}aAB",
                  "\tAB", "AB\u{7F}", "A\u{1}B", "ÂB\u{0}", "ÊaB", "ÊAB", "ĐỀ ÁN\u{1F600}", "A\u{1F600}b", "ẠB", "ẠBẶ\u{2013}"]
        #expect(lines.count > 200)
        #expect(lines.contains(where: DocumentLayout.isUpperCase) && !lines.allSatisfy(DocumentLayout.isUpperCase))
        for line in lines {
            #expect(DocumentLayout.isUpperCase(line) == Self.upperCaseByCharacters(line), "\(line)")
        }
    }

    @Test func threeWordsAgreesWithSplittingOnEveryLineAndOddCases() throws {
        var lines: [String] = []
        for id in Fixtures.ids {
            let text = try Fixtures.directive(id).text
            lines += Self.lines(text).map { DocumentLayout.bare(text.text($0)) }
        }
        lines += ["", " ", "A", "A B", "A  B ", "A B C", "  A   B   C  ", "A \u{301}B C", "A B\u{A0}C", "A\tB C", "A B C D"]
        #expect(lines.contains(where: DocumentLayout.hasThreeWords) && !lines.allSatisfy(DocumentLayout.hasThreeWords))
        for line in lines {
            #expect(DocumentLayout.hasThreeWords(line) == (line.split(separator: " ").count >= 3), "\(line)")
        }
    }

    /// `isPersonName` by Character operations alone, as it was before its table fast path.
    private static func personNameByCharacters(_ bare: String) -> Bool {
        let words = bare.split(separator: " ")
        guard (2...5).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.dropFirst().allSatisfy { $0.isLetter && $0.isLowercase }
        }
    }

    @Test func personNameFastPathAgreesWithCharacterOperationsOnEveryLineAndOddCases() throws {
        var lines: [String] = []
        for id in Fixtures.ids {
            let text = try Fixtures.directive(id).text
            lines += Self.lines(text).map { DocumentLayout.bare(text.text($0)) }
        }
        lines += ["Nguyễn Quang Tuấn", "Nguyễn  Quang", " Lê Văn ", "Lê", "A B C D E F", "Lê văn", "Lê Văn2", "Lê Va\u{301}n", "Ω Lê",
                  "Đặng Thị Hồng", "ǅonni Lê", "Lê Vă-n", "Nguyễn Quang Tuấn\n", "", "   "]
        var names = 0
        for line in lines {
            let expected = Self.personNameByCharacters(line)
            #expect(DocumentLayout.isPersonName(line) == expected, "\(line)")
            if expected { names += 1 }
        }
        #expect(names >= 4)
    }

    @Test("a signature line is a signature word alone or followed by more words, in capitals, dots and brackets read as spaces",
          arguments: [("CHỦ TỊCH", true), ("KT. CHỦ TỊCH", true), ("KT.CHỦ TỊCH", true), ("PHÓ CHỦ TỊCH UBND TỈNH", true),
                      ("(Đã ký)", true), ("Q. GIÁM ĐỐC", true), ("CHỦ TỊCHX", false), ("KTX", false), ("KẾ HOẠCH", false),
                      ("Chủ tịch", false), ("TỔ CHỨC THÁNG HÀNH ĐỘNG", false)])
    func signatures(line: String, isSignature: Bool) throws {
        let vocabulary = try DocumentLayout.Vocabulary.bundled()
        #expect(DocumentLayout.isSignature(line, vocabulary) == isSignature)
    }

    /// The head-line helpers as first written, with Character operations only.
    private static func startsByCharacters(_ text: String, _ lowercasePrefix: String) -> Bool {
        text.prefix(lowercasePrefix.count).lowercased() == lowercasePrefix
    }

    private static func bareByCharacters(_ line: String) -> String {
        var s = Substring(line)
        while s.hasPrefix("**") { s = s.dropFirst(2) }
        while s.hasSuffix("**") { s = s.dropLast(2) }
        return s.trimmingSpaces
    }

    private static func placeDateByCharacters(_ line: String) -> (String, String)? {
        guard let comma = line.firstIndex(of: ","), line.distance(from: line.startIndex, to: comma) <= 40 else { return nil }
        let place = line[..<comma].trimmingSpaces
        let words = line[line.index(after: comma)...].split(separator: " ")
        guard words.count >= 6, words[0] == "ngày", words[2] == "tháng", words[4] == "năm",
              let d = Int(words[1]), let m = Int(words[3]), let y = Int(words[5].prefix(4)),
              let date = ISODate.make(year: y, month: m, day: d) else { return nil }
        return (place, date)
    }

    private static func dropBulletByCharacters(_ line: String) -> String {
        var text = line.drop(while: { "-+•* ".contains($0) }).trimmingSpaces
        while let last = text.last, last == ";" || last == "," { text.removeLast() }
        return text
    }

    @Test func listLineHelpersAgreeWithCharacterOperationsOnEveryLineAndOddCases() throws {
        let vocabulary = try DocumentLayout.Vocabulary.bundled()
        var lines: [String] = []
        for id in Fixtures.ids {
            let text = try Fixtures.directive(id).text
            lines += Self.lines(text).map { DocumentLayout.bare(text.text($0)) }
        }
        lines += ["- Như trên;", "+ Lưu: VT,;", "• Sở;\u{37E}", "-\u{301} x", "*-+• x ;", "x\r\n", "\r\n-", "- ;;", ";", "-", "",
                  "–x", "-\u{200B}x", "•\u{301}", "•x", "+", "+\u{20DD}", "\u{2212} x", "- Sở\u{3000};", "-\u{A0}x\u{A0},", "KẾ HOẠCH", "Kế hoạch", "KÊ\u{301} HOẠCH", "KẾ HOẠCh", "THÔNG BÁO",
                  "•\u{A0} x \u{A0};", " \u{A0}-x", "x\u{A0}\u{A0};,", "\u{1}- x", "-•+* \u{A0}\u{A0} Sở ; ,", "\u{A0}", "• ;\u{A0}", "-\u{A0}•x"]
        #expect(lines.count > 200)
        for line in lines {
            #expect(DocumentLayout.dropBullet(line) == Self.dropBulletByCharacters(line), "\(line)")
            #expect(DocumentLayout.startsWithBullet(line) == (line.first.map { "-+•".contains($0) } ?? false), "\(line)")
            #expect((!DocumentLayout.hasLowercaseASCII(line) && vocabulary.titles.contains(line)) == vocabulary.titles.contains(line), "\(line)")
        }
        #expect(vocabulary.titles.contains("KÊ\u{301} HOẠCH"))
    }

    @Test func headLineHelpersAgreeWithCharacterOperationsOnEveryLineAndOddCases() throws {
        var lines: [String] = []
        for id in Fixtures.ids {
            let text = try Fixtures.directive(id).text
            lines += Self.lines(text).map { text.text($0) }
        }
        let place = String(repeating: "x", count: 39)
        lines += ["**Nơi nhận:**", "NƠI NHẬN", "N\u{323}ơi nhận", "-Nơi nhận", "Kính gửi:", "kính gửi", "*", "**", "***a***", "** **",
                  "*\u{301}*Nơi", "Hà Nội, ngày 5 tháng 6 năm 2019", "Hà Nội,  ngày 5 tháng 6 năm 2019 và thêm nữa",
                  "\(place)x, ngày 1 tháng 2 năm 2020", "\(place), ngày 1 tháng 2 năm 2020", "\(place)xx, ngày 1 tháng 2 năm 2020",
                  "A,\u{301} ngày 1 tháng 2 năm 2020", "A, ngày 1 tháng 2 năm", "A, ngày 31 tháng 2 năm 2020", "Hà Nội, nga\u{300}y 5 tha\u{301}ng 6 năm 2019",
                  "HÀ NỘI, NGÀY 5 THÁNG 6 NĂM 2019", "Hà Nội, ngày 5 tháng 6", "",
                  "Ha\u{300} Nội, ngày 5 tháng 6 năm 2019", "\(place)\u{301}x, ngày 1 tháng 2 năm 2020", "\(place)\u{301}xx, ngày 1 tháng 2 năm 2020",
                  "Hà Nội, ngày 5 tháng 6 năm 2019\u{301}", "Hà Nội\u{1F600}, ngày 5 tháng 6 năm 2019", ",ngày 5 tháng 6 năm 2019", "x, , ngày 5 tháng 6 năm 2019",
                  "\u{212A}ính gửi", "\u{212A}", "Ǹơi nhận", "N\u{300}ơi nhận", "İnh", " x ", "x\t", "\tx", "x\u{3000}", "\u{200B}x", "x\u{200B}",
                  "**x **", "* x", "\u{3000}", "KÍNH GỬI:", "Ki\u{301}nh gửi", "Kinh gửi", "Kính gửi\u{301}", "Kính gử", "Kính gửi", "nơi nhận\u{300}",
                  "Nơi nhận\u{20DD}", "NƠi nhận", "Nơi Nhận:", "Nơi nhậ", "Nhà nước", "Kế hoạch", "kính\u{3000}gửi", "K", "N", "Nơi nhận\u{1F600}",
                  "Năm 2019, trong bối cảnh", "Nă", "Năm\u{301}", "Nă\u{301}m", "nĂm", "NĂM", "Nǅi", "Nªi", "Nǆi", "Nơi nhận", "NƠI NHẬN:",
                  "Kỉnh gửi", "Kính gủi:", "Kính gửİ", "Nơi nhậǹ", "Nơ\u{301}i", "Nºi", "Nŉi", "Nßi", "Nơi nhận\u{301}",
                  "A, ngày +5 tháng 6 năm 2019", "A, ngày -5 tháng 6 năm 2019", "A, ngày 0000000000000000000005 tháng 06 năm 2019",
                  "A, ngày 99999999999999999999 tháng 6 năm 2019", "A, ngày 5 tháng 6 năm 2019.", "A, ngày 5 tháng 6 năm 20190",
                  "A, ngày 5 tháng 6 năm +201", "A, ngày 5 tháng 6 năm 2Ǹ19", "A, ngày 5 tháng 6 năm 201Ǹ", "A, ngày 5 tháng 6 năm ",
                  "A, ngày 5 tháng 6 năm 2019 và", "A,ngày  5   tháng 6 năm 2019", "A, ngày 5  tháng\u{A0}6 năm 2019", "A, ngày + tháng 6 năm 2019",
                  " Hà Nội\u{A0}, ngày 5 tháng 6 năm 2019", "Hà Nội, ngàyy 5 tháng 6 năm 2019", "Hà Nội, ngày 5 tháng 6 năm",
                  "\(place)ớ, ngày 1 tháng 2 năm 2020", "\(place)ớx, ngày 1 tháng 2 năm 2020"]
        #expect(lines.count > 200)
        var places = 0
        for line in lines {
            for prefix in ["nơi nhận", "kính gửi", "ơi"] {
                #expect(DocumentLayout.starts(line, with: prefix) == Self.startsByCharacters(line, prefix), "\(line) \(prefix)")
            }
            #expect(DocumentLayout.bare(line) == Self.bareByCharacters(line), "\(line)")
            let date = DocumentLayout.placeDate(line)
            let expected = Self.placeDateByCharacters(line)
            #expect(date?.0 == expected?.0 && date?.1 == expected?.1, "\(line)")
            if date != nil { places += 1 }
        }
        #expect(places >= 7)
    }

    @Test func bytePrefixAndColonAgreeWithCharacterOperationsOnEveryLineAndOddCases() throws {
        var lines: [String] = []
        for id in Fixtures.ids {
            let text = try Fixtures.directive(id).text
            lines += Self.lines(text).map { DocumentLayout.bare(text.text($0)) }
        }
        lines += ["BỘ Y TẾ", "BỘ\u{301} Y TẾ", "BỘ \u{301}Y", "B\u{323}\u{302}\u{301} Y", "BỘ", "ỦY BAN", "U\u{309}Y BAN", "ỦY BANX", "ỦY BAN\u{301}",
                  "Số: 5", "So\u{301}: 5", "Số\u{301}", "Độc lập - Tự do", "Độc lập\u{301}", "V/v", "V/v\u{301}", "\u{212A}T. CHỦ TỊCH", "KT. CHỦ TỊCH",
                  "CỤC ", "UBND", "UBNDx", "", " ", ":", "a:b", "a\u{301}:b", "a:\u{301}b", "x :\u{301} y: z", "Nơi nhận: Như trên;", "\u{1F600}:x", "\u{600}:x"]
        let prefixes = ["BỘ ", "SỞ ", "ỦY BAN", "UBND", "CỤC ", "Số", "Độc lập", "V/v", "V/V", "KT. ", "CHỦ TỊCH ", "(Đã ký", "k"]
        for line in lines {
            for prefix in prefixes {
                #expect(DocumentLayout.hasPrefix(line, prefix) == line.hasPrefix(prefix), "\(line) \(prefix)")
            }
            let expected = line.firstIndex(of: ":").map { line[line.index(after: $0)...].trimmingSpaces } ?? ""
            #expect(DocumentLayout.after(colonIn: line) == expected, "\(line)")
        }
    }

    @Test("a line counted as upper-cased already is unchanged by upper-casing, scalar by scalar and on every line")
    func uppercasedAlready() throws {
        for value in UInt32(0x20)...0x1EFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            if DocumentLayout.isUppercasedAlready(text) { #expect(text.uppercased() == text, "U+\(String(value, radix: 16))") }
        }
        var already = 0
        for id in Fixtures.ids {
            let text = try Fixtures.directive(id).text
            for range in Self.lines(text) {
                let line = text.text(range)
                if DocumentLayout.isUppercasedAlready(line) {
                    #expect(line.uppercased() == line, "\(line)")
                    already += 1
                }
            }
        }
        #expect(already >= 10)
    }

    @Test("a text starts with a prefix only if its first scalar may: every scalar but ASCII and the Kelvin sign is ruled out")
    func startsRulesOutOnlyWhatCannotStartThePrefix() {
        for prefix in ["nơi nhận", "kính gửi"] {
            let rest = String(prefix.dropFirst())
            for value in UInt32(0x80)..<0x30000 {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let line = String(scalar) + rest + ":"
                #expect(DocumentLayout.starts(line, with: prefix) == Self.startsByCharacters(line, prefix), "U+\(String(value, radix: 16))")
            }
        }
        #expect(DocumentLayout.starts("\u{212A}ính gửi:", with: "kính gửi"))
    }

    /// The signature rule without the first-word test.
    private static func signatureByWholeLine(_ bare: String, _ vocabulary: DocumentLayout.Vocabulary) -> Bool {
        guard DocumentLayout.isUpperCase(bare) || bare.hasPrefix("(Đã ký") else { return false }
        var spaced = String.UnicodeScalarView()
        for scalar in bare.uppercased().unicodeScalars { spaced.append(scalar == "." || scalar == "(" || scalar == ")" ? " " : scalar) }
        let words = String(spaced).split(separator: " ").joined(separator: " ")
        return vocabulary.signatures.contains { words == $0 || words.hasPrefix($0 + " ") }
    }

    @Test func signatureFirstWordTestAgreesWithTheWholeLineOnEveryLineAndOddCases() throws {
        let vocabulary = try DocumentLayout.Vocabulary.bundled()
        var lines: [String] = []
        for id in Fixtures.ids {
            let text = try Fixtures.directive(id).text
            lines += Self.lines(text).map { DocumentLayout.bare(text.text($0)) }
        }
        lines += ["(Đã ký)", "(đã ký)", "((KT.)) CHỦ TỊCH", ".KT", "kt. chủ tịch", "KT.\u{301} CHỦ TỊCH", "KT\u{301}. CHỦ TỊCH", "K\u{301}T",
                  "PHÓ  GIÁM ĐỐC", "PHÓ GIÁM", "Q", "Q.", "QUẢN LÝ", "ĐÃ KÝ", "Đã ký", "Đ\u{303}A KÝ", "", " ", ".()", "TM. ỦY BAN NHÂN DÂN",
                  "KT. \u{301}CHỦ TỊCH", "KT .\u{301}CHỦ TỊCH", "KT. CHỦ\u{3000}TỊCH", "(( KT )) . CHỦ  TỊCH .", "KT. CHỦ TỊCH ỦY BAN",
                  "KT. CHU\u{309} TỊCH", "TM.ỦY BAN", "ΣKT. CHỦ TỊCH", "KT.  PHÓ CHỦ TỊCH )"]
        var signatures = 0
        for line in lines {
            let expected = Self.signatureByWholeLine(line, vocabulary)
            #expect(DocumentLayout.isSignature(line, vocabulary) == expected, "\(line)")
            if expected { signatures += 1 }
        }
        #expect(signatures >= 8)
        #expect(DocumentLayout.firstSignatureWord(of: "(kt. chủ tịch") == "KT")
        #expect(DocumentLayout.signatureWords("(( KT.)) CHỦ  TỊCH. ") == "KT CHỦ TỊCH")
        // A space that carries a mark is no separator, as a Character.
        #expect(DocumentLayout.signatureWords("KT. \u{301}CHỦ") == "KT  \u{301}CHỦ")
        #expect(DocumentLayout.firstSignatureWord(of: " .() ").isEmpty)
    }

    @Test("a page number or running header left by a PDF or Word paste is a page artefact; an item, a year or prose is not",
          arguments: [
              ("2", true), ("12", true), ("- 2 -", true), ("-2-", true), ("– 2 –", true), ("Trang 2", true), ("trang 2", true),
              ("TRANG 12", true), ("Trang 2/3", true), ("Trang 2 / 3", true), ("Trang\t2", true),
              ("Kế hoạch số 58/KH-UBND ngày 24/5/2021 của UBND huyện Đông Hải\tTrang 2", true),
              ("Kế hoạch số 58/KH-UBND ngày 24/5/2021 của UBND huyện Đông Hải    TRANG 2/3", true),
              ("2.", false), ("2. Tổ chức các hoạt động", false), ("2019", false), ("1000", false), ("năm 2019", false), ("đến ngày 30/6", false),
              ("Xem phụ lục ở trang 2", false), ("Trang", false), ("- 2", false), ("2 -", false), ("a) 2", false), ("Trang 2/", false),
              ("2/3", false), ("XTrang 2", false), ("Trang 2019", false), ("-", false), ("- -", false), ("trAng 2 của kế hoạch", false),
              (String(repeating: "Tổ chức các hoạt động vì trẻ em ", count: 8) + "Trang 2", false),
          ])
    func pageArtefacts(line: String, isArtefact: Bool) {
        let text = VietnameseNormalizer.normalize(line)
        #expect(DocumentLayout.isPageArtefact(text.scalars, 0..<text.scalars.count) == isArtefact, "\(line)")
    }

    @Test func noLineOfTheRealDirectivesIsAPageArtefact() throws {
        for id in Fixtures.ids {
            let text = try Fixtures.directive(id).text
            for range in Self.lines(text) {
                #expect(!DocumentLayout.isPageArtefact(text.scalars, range), "\(id): \(text.text(range))")
            }
        }
    }

    @Test("the national motto is taken out of a head line wherever it stands, in any case and spacing",
          arguments: [
              ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ỦY BAN NHÂN DÂN"),
              ("ỦY BAN NHÂN DÂN\t\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ỦY BAN NHÂN DÂN"),
              ("HUYỆN BẮC QUANG Độc lập - Tự do - Hạnh phúc", "HUYỆN BẮC QUANG"),
              ("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** SỞ LAO ĐỘNG", "SỞ LAO ĐỘNG"),
              ("Cộng hòa xã hội chủ nghĩa Việt Nam", ""), ("ĐỘC LẬP – TỰ DO – HẠNH PHÚC", ""), ("Độc lập-Tự do-Hạnh Phúc", ""),
              ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc", ""),
          ])
    func mottos(line: String, rest: String) throws {
        let vocabulary = try DocumentLayout.Vocabulary.bundled()
        let text = VietnameseNormalizer.normalize(line)
        #expect(DocumentLayout.withoutMottos(text.scalars, 0..<text.scalars.count, vocabulary) == rest)
    }

    @Test func aLineWithoutTheWholeMottoKeepsIt() throws {
        let vocabulary = try DocumentLayout.Vocabulary.bundled()
        #expect(vocabulary.mottos.count == 2 && Set(vocabulary.mottoStarts) == ["c", "C", "đ", "Đ"])
        for line in ["ỦY BAN NHÂN DÂN", "Độc lập - Tự do", "CỘNG HÒA XÃ HỘI", "Số: 45/KH-UBND", "C", ""] {
            let text = VietnameseNormalizer.normalize(line)
            #expect(DocumentLayout.withoutMottos(text.scalars, 0..<text.scalars.count, vocabulary) == nil, "\(line)")
        }
    }

    @Test("a head's number and its place and date on one line are split where the number ends",
          arguments: [
              ("Số: 45/KH-UBND Bắc Quang, ngày 20 tháng 5 năm 2020", "45/KH-UBND", "Bắc Quang", "2020-05-20"),
              ("Số: 80 /KH-UBND Kiên Giang, ngày 14 tháng 5 năm 2019", "80/KH-UBND", "Kiên Giang", "2019-05-14"),
              ("Số: 1332/LĐT BXH-TE Hà Nội, ngày 08 tháng 4 năm 2019", "1332/LĐTBXH-TE", "Hà Nội", "2019-04-08"),
              ("Số: 12/KH-UBND TP. Hồ Chí Minh, ngày 1 tháng 6 năm 2020", "12/KH-UBND", "TP. Hồ Chí Minh", "2020-06-01"),
          ])
    func numberBesidePlaceDate(line: String, number: String, place: String, date: String) {
        let found = DocumentLayout.numberBesidePlaceDate(line)
        #expect(found?.number == number && found?.place == place && found?.date == date, "\(line)")
    }

    @Test func aNumberAloneHasNoPlaceBesideIt() {
        for line in ["Số: 80 /KH-UBND", "Số: 45/KH-UBND, ngày 20 tháng 5 năm 2020", "Số: 45/KH-UBND Bắc Quang, ngày 20 tháng 5", "Số: 45 Bắc Quang, ngày 20 tháng 5 năm 2020"] {
            #expect(DocumentLayout.numberBesidePlaceDate(line) == nil, "\(line)")
        }
    }
}
