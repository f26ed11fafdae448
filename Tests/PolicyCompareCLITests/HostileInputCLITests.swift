import Foundation
import TestSupport
import Testing
import PolicyCompare
@testable import PolicyCompareCLI

// Hostile input at the command line (issue 6): bad usage exits 2, bad data exits 1, messages go to
// stderr and name the file, line or field; nothing is written when the data is bad; reports
// appear whole or not at all; content that attacks spreadsheet and browser readers stays text;
// the same corpus gives the same bytes in any manifest order.

/// A corpus folder made for one test: directive files, a manifest, the shipped codebook.
struct HostileCorpus {
    struct Document {
        var id: String
        var year: Int
        var bytes: [UInt8]
        var title = "Tháng hành động vì trẻ em"
        var issuer = "Bộ Lao động - Thương binh và Xã hội"
        var level = "national"
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A folder holding `corpus/` and room for `--out` folders beside it.
    let folder: URL
    var corpus: URL { folder.appendingPathComponent("corpus") }
    var cli: CLI { CLI(currentDirectory: folder) }

    init(_ documents: [Document]) throws {
        folder = Scratch.path("hostile")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus/directives"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("Datasets/codebook.csv"),
                                         to: corpus.appendingPathComponent("codebook.csv"))
        for document in documents {
            try Data(document.bytes).write(to: corpus.appendingPathComponent("directives/\(document.id).txt"))
        }
        try writeManifest(documents)
    }

    /// The shipped corpus, copied.
    static func shipped() throws -> HostileCorpus {
        let manifest = try String(contentsOf: packageRoot.appendingPathComponent("Datasets/manifest.csv"), encoding: .utf8)
        let corpus = try HostileCorpus([])
        for name in try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Datasets/directives").path) {
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Datasets/directives/\(name)"),
                                             to: corpus.corpus.appendingPathComponent("directives/\(name)"))
        }
        try corpus.writeManifestText(manifest)
        return corpus
    }

    func writeManifest(_ documents: [Document]) throws {
        var text = "document_id,year,file,issuer,level,kind,title,date,number,source\n"
        for d in documents {
            text += "\(d.id),\(d.year),directives/\(d.id).txt,\(Self.field(d.issuer)),\(d.level),letter,\(Self.field(d.title)),,,\n"
        }
        try writeManifestText(text)
    }

    func writeManifestText(_ text: String) throws {
        try Data(text.utf8).write(to: corpus.appendingPathComponent("manifest.csv"))
    }

    static func field(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    func out(_ name: String = "Reports") -> URL { folder.appendingPathComponent(name) }

    func run(_ arguments: [String]) -> CLIResult { cli.run(arguments) }

    /// `compare` on this corpus into `out`.
    func compare(_ out: URL, _ extra: [String] = []) -> CLIResult {
        cli.run(["compare", "--corpus", corpus.path, "--out", out.path] + extra)
    }

    /// Every file of a folder (recursively) with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return result }
        for case let url as URL in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[String(url.path.dropFirst(folder.path.count))] = (try? Data(contentsOf: url)) ?? Data()
            } else {
                result[String(url.path.dropFirst(folder.path.count)) + "/"] = Data()
            }
        }
        return result
    }

    /// Temporary folders a run left beside its `--out`.
    func leftovers() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.contains("partial") || $0.hasPrefix(".") }
    }

    // MARK: Texts

    static let letter2018 = """
    BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
    Số: 100/LĐTBXH-TE
    Hà Nội, ngày 10 tháng 4 năm 2018
    Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương
    Tháng hành động vì trẻ em năm 2018 được tổ chức từ ngày 01/6 đến ngày 30/6/2018 với chủ đề “Chung tay vì trẻ em <script>alert(1)</script>”.
    1. Tổ chức các hoạt động phòng chống tảo hôn và phòng chống đuối nước cho trẻ em.
    2. Các khẩu hiệu:
    - Trẻ em hôm nay <script>alert(2)</script> thế giới ngày mai.
    - Hãy bảo vệ trẻ em khỏi bạo lực.
    - =1+2
    =HYPERLINK("http://evil.example/","Bấm vào đây")
    @SUM(1+1)*cmd|' /C calc'!A0
    +1+1 cộng thêm
    -1+2 trừ đi
    －1+1 toàn chiều rộng
    Nơi nhận:
    - Như trên;
    - Lưu: VT.
    """

    static let plan2019 = """
    ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG
    KẾ HOẠCH
    Triển khai Tháng hành động vì trẻ em năm 2019

    Thực hiện Công văn số 1332/LĐTBXH-TE ngày 08/4/2019, Ủy ban nhân dân tỉnh ban hành kế hoạch với chủ đề “Chung tay vì trẻ em nghèo”.
    I. MỤC ĐÍCH
    1. Phòng chống tảo hôn, bạo lực và xâm hại trẻ em.
    2. Tổ chức Diễn đàn trẻ em cấp tỉnh.
    II. TỔ CHỨC THỰC HIỆN
    Sở Lao động - Thương binh và Xã hội chủ trì, báo cáo kết quả trước ngày 05/7/2019.
    Nơi nhận:
    - Như trên;
    - Lưu: VT.
    """

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1]

    static var good: [Document] {
        [Document(id: "2018-molisa", year: 2018, bytes: Array(letter2018.utf8)),
         Document(id: "2019-kien-giang", year: 2019, bytes: Array(plan2019.utf8), issuer: "Ủy ban nhân dân tỉnh Kiên Giang", level: "provincial")]
    }

    /// The good documents plus a PNG saved as `.txt` and an empty file, in year 2019.
    static var withBadDocuments: [Document] {
        good + [Document(id: "2019-scan", year: 2019, bytes: png), Document(id: "2019-blank", year: 2019, bytes: [])]
    }
}

/// A minimal RFC 4180 reader for checking written CSV files.
enum CSVCells {
    static func records(_ data: Data, delimiter: UInt8 = UInt8(ascii: ",")) -> [[String]] {
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") { field.append(b); i += 1 } else { quoted = false }
                } else {
                    field.append(b)
                }
            } else if b == UInt8(ascii: "\"") {
                quoted = true
            } else if b == delimiter {
                record.append(String(decoding: field, as: UTF8.self)); field = []
            } else if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A {
                record.append(String(decoding: field, as: UTF8.self)); field = []
                records.append(record); record = []
                i += 1
            } else {
                field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !record.isEmpty { record.append(String(decoding: field, as: UTF8.self)); records.append(record) }
        return records
    }

    /// A cell a spreadsheet would run as a formula: starts with = + - @ TAB CR LF or their full-width forms.
    static func isFormula(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        return "=+-@\t\r\n＝＋－＠".unicodeScalars.contains(first)
    }
}

/// Reads the entries of a STORED ZIP (an `.xlsx`) through its central directory.
enum StoredZip {
    static func entries(_ bytes: [UInt8]) -> [String: [UInt8]]? {
        func u16(_ at: Int) -> Int? { at + 2 <= bytes.count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func u32(_ at: Int) -> Int? { guard let lo = u16(at), let hi = u16(at + 2) else { return nil }; return lo | hi << 16 }
        guard bytes.count >= 22, let count = u16(bytes.count - 12), var position = u32(bytes.count - 6) else { return nil }
        var result: [String: [UInt8]] = [:]
        for _ in 0..<count {
            guard u32(position) == 0x0201_4B50, let method = u16(position + 10), let size = u32(position + 20),
                  let nameLength = u16(position + 28), let extra = u16(position + 30), let comment = u16(position + 32),
                  let offset = u32(position + 42), position + 46 + nameLength <= bytes.count else { return nil }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            guard method == 0, let localName = u16(offset + 26), let localExtra = u16(offset + 28) else { return nil }
            let start = offset + 30 + localName + localExtra
            guard start + size <= bytes.count else { return nil }
            result[name] = Array(bytes[start..<(start + size)])
            position += 46 + nameLength + extra + comment
        }
        return result
    }
}

// MARK: - Command line

@Suite("Hostile command lines: usage errors exit 2 on stderr, nothing on stdout")
struct HostileCommandLineTests {
    static let usage: [[String]] = [
        ["compare", "--frobnicate"],
        ["compare", "-y", "2019"],
        ["compare", "--years"],
        ["compare", "--out"],
        ["compare", "--years", "--out", "x"],
        ["compare", "--out", "a", "--out", "b"],
        ["compare", "--years=2019", "--years", "2018"],
        ["compare", "--out="],
        ["compare", "extra-argument"],
        ["compare", "--years", "2019,,2018"],
        ["compare", "--years", "２０１９"],
        ["compare", "--format", ""],
        ["code", "--years", "2019"],
        ["codebook"],
        ["codebook", "frobnicate"],
        ["inspect", "a", "b"],
        ["agreement", "--coding"],
        ["--frobnicate"],
    ]

    @Test("Bad usage exits 2 with a message on stderr that names the problem", arguments: usage)
    func badUsage(_ arguments: [String]) throws {
        let corpus = try HostileCorpus(HostileCorpus.good)
        let result = corpus.run(arguments)
        #expect(result.exitCode == 2, "\(arguments): exit \(result.exitCode), \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(arguments): stdout \(result.stdout.debugDescription)")
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.hasSuffix("\n"), "\(arguments): \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: corpus.out().path), "\(arguments) wrote Reports/")
    }

    @Test("--years naming a year twice is refused, naming the year; nothing is written")
    func repeatedYear() throws {
        let corpus = try HostileCorpus(HostileCorpus.good)
        let result = corpus.compare(corpus.out(), ["--years", "2019,2018,2019"])
        #expect(result.exitCode != 0 && result.stderr.contains("2019") && result.stdout.isEmpty, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: corpus.out().path))
    }

    @Test("--years or --baseline naming an absent year lists the years there are; nothing is written")
    func absentYear() throws {
        let corpus = try HostileCorpus(HostileCorpus.good)
        for extra in [["--years", "2018,2020"], ["--baseline", "2017"]] {
            let result = corpus.compare(corpus.out(), extra)
            #expect(result.exitCode == 1 && result.stdout.isEmpty, "\(extra): \(result)")
            #expect(result.stderr.contains("2018") && result.stderr.contains("2019"), "\(extra): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: corpus.out().path), "\(extra)")
        }
    }

    @Test("--out in a folder nobody can write (/proc), or under a file, is an error naming the path; nothing is left behind")
    func unwritableOut() throws {
        let corpus = try HostileCorpus(HostileCorpus.good)
        let file = corpus.folder.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: file)
        var targets = [file.appendingPathComponent("Reports")]
        if FileManager.default.fileExists(atPath: "/proc/self") { targets.append(URL(fileURLWithPath: "/proc/pc-hostile-\(UUID().uuidString)")) }
        for out in targets {
            let result = corpus.compare(out)
            #expect(result.exitCode == 1, "\(out.path): \(result)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains(out.path) || result.stderr.contains(out.deletingLastPathComponent().path), "\(result.stderr)")
            #expect(result.stderr.contains("--out"), "the message says how to fix it: \(result.stderr)")
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "mine")
        #expect(corpus.leftovers().isEmpty, "\(corpus.leftovers())")
    }

    @Test("An output folder that holds other files and folders keeps them byte for byte")
    func outputFolderWithOtherFiles() throws {
        let corpus = try HostileCorpus(HostileCorpus.good)
        let out = corpus.out()
        try FileManager.default.createDirectory(at: out.appendingPathComponent("drafts/old"), withIntermediateDirectories: true)
        let mine: [String: String] = ["notes.txt": "mine", "report.txt.bak": "backup", ".hidden": "h", "drafts/old/report.txt": "draft",
                                      "Report.TXT": "other case"]
        for (name, text) in mine { try Data(text.utf8).write(to: out.appendingPathComponent(name)) }
        let result = corpus.compare(out)
        #expect(result.exitCode == 0, "\(result.stderr)")
        for (name, text) in mine {
            #expect((try? String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)) == text, "\(name) was changed or deleted")
        }
        #expect(corpus.leftovers().isEmpty, "\(corpus.leftovers())")
    }

    @Test("An output that would replace an input (a directive saved as report.txt, the codebook, the manifest) is refused; nothing is written")
    func outputsNeverReplaceInputs() throws {
        let corpus = try HostileCorpus.shipped()
        let manifest = corpus.corpus.appendingPathComponent("manifest.csv")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try FileManager.default.moveItem(at: corpus.corpus.appendingPathComponent("directives/2010-molisa.txt"),
                                         to: corpus.corpus.appendingPathComponent("report.txt"))
        try corpus.writeManifestText(text.replacingOccurrences(of: "directives/2010-molisa.txt", with: "report.txt"))
        let before = HostileCorpus.snapshot(corpus.corpus)
        let compare = corpus.compare(corpus.corpus)
        #expect(compare.exitCode == 1, "\(compare)")
        #expect(compare.stderr == "error: refusing to write \(corpus.corpus.path)/report.txt: that file is the text of document 2010-molisa, an input of this run, "
                + "and writing would replace it; pass --out another folder (or file) so that inputs and outputs stay apart; nothing was written\n")
        // Through a link to the corpus folder too, and for code's tables.
        let link = corpus.folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: corpus.corpus)
        #expect(corpus.compare(link, ["--format", "txt"]).exitCode == 1)
        #expect(corpus.compare(link, ["--format", "csv"]).exitCode == 0, "report.txt is not written: nothing is in the way")
        try FileManager.default.removeItem(at: link.appendingPathComponent("evidence.csv"))
        try FileManager.default.createSymbolicLink(at: link.appendingPathComponent("evidence.csv"),
                                                   withDestinationURL: corpus.corpus.appendingPathComponent("codebook.csv"))
        let code = corpus.run(["code", "--corpus", corpus.corpus.path, "--out", corpus.corpus.path])
        #expect(code.exitCode == 1 && code.stderr.contains("evidence.csv: that file is the codebook"), "\(code)")
        // codebook export onto the codebook or the manifest.
        for (file, role) in [("codebook.csv", "the codebook"), ("manifest.csv", "the corpus's manifest")] {
            let export = corpus.run(["codebook", "export", "--corpus", corpus.corpus.path, "--out", corpus.corpus.appendingPathComponent(file).path])
            #expect(export.exitCode == 1 && export.stderr.contains("\(file): that file is \(role)"), "\(export)")
        }
        var after = HostileCorpus.snapshot(corpus.corpus)
        for name in ComparisonFiles.names(formats: ["csv"]) { after["/" + name] = nil }
        #expect(after.keys.sorted() == before.keys.sorted(), "only the csv run's files were added")
        #expect(before.allSatisfy { after[$0.key] == $0.value }, "every input is as it was")
    }

    @Test("A directive with nothing to code (punctuation only, or a letter head only) is refused, or skipped with --skip-invalid")
    func nothingToCode() throws {
        let head = "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 12/LĐTBXH-TE\nKính gửi: Sở Lao động - Thương binh và Xã hội các tỉnh\n"
            + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n"
        for (bytes, says) in [(Array("... --- !!! 2019 ; (1) [2] *** §\n".utf8), "contains no words (34 bytes of punctuation, digits or symbols only)"),
                              (Array(head.utf8), "has no text to code: its only words are in the letter head")] {
            let corpus = try HostileCorpus(HostileCorpus.good + [HostileCorpus.Document(id: "2019-blank", year: 2019, bytes: bytes)])
            let refused = corpus.compare(corpus.out())
            #expect(refused.exitCode == 1 && refused.stderr.contains("2019-blank.txt \(says)"), "\(refused)")
            #expect(!FileManager.default.fileExists(atPath: corpus.out().path))
            let skipped = corpus.compare(corpus.out(), ["--skip-invalid"])
            #expect(skipped.exitCode == 0 && skipped.stderr.contains("2019-blank"), "\(skipped)")
            let documents = try String(contentsOf: corpus.out().appendingPathComponent("documents.csv"), encoding: .utf8)
            #expect(!documents.contains("2019-blank"))
        }
    }

    @Test("inspect of a broken file prints nothing on stdout (no half JSON), and the reason on stderr")
    func inspectBrokenFile() throws {
        let corpus = try HostileCorpus(HostileCorpus.good)
        let file = corpus.folder.appendingPathComponent("scan.txt")
        try Data(HostileCorpus.png).write(to: file)
        for extra in [[], ["--json"]] {
            let result = corpus.run(["inspect", file.path] + extra)
            #expect(result.exitCode == 1 && result.stdout.isEmpty, "\(result)")
            #expect(result.stderr.contains(file.path) && result.stderr.contains("PNG"), "\(result.stderr)")
        }
        let folder = corpus.run(["inspect", corpus.folder.path, "--json"])
        #expect(folder.exitCode == 1 && folder.stdout.isEmpty && folder.stderr.contains(corpus.folder.path), "\(folder)")
    }

    @Test("inspect --json of hostile text (controls, quotes, 30-level numbering) is valid JSON")
    func inspectHostileJSON() throws {
        let corpus = try HostileCorpus(HostileCorpus.good)
        var lines = ["Kính gửi: \"Ủy ban\" \\ các tỉnh\u{1}\u{7F}", "Chủ đề: “</script><script>alert(1)</script>”"]
        for depth in 1...30 { lines.append(Array(repeating: "1", count: depth).joined(separator: ".") + ". Nội dung \"\(depth)\"\t\u{0B}") }
        let file = corpus.folder.appendingPathComponent("deep.txt")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        let result = corpus.run(["inspect", file.path, "--json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((object?["segments"] as? [[String: Any]])?.count == 31)
    }
}

// MARK: - Bad data in the corpus

@Suite("Hostile corpora: bad manifest, codebook or document exits 1, names the place, writes nothing")
struct HostileCorpusCLITests {
    static let header = "document_id,year,file,issuer,level,kind,title,date,number,source\n"
    static let row2018 = "2018-molisa,2018,directives/2018-molisa.txt,Bộ,national,letter,,,,\n"

    static let manifests: [(name: String, text: String, says: [String])] = [
        ("missing column", "document_id,year,file,issuer,level\n2018-molisa,2018,directives/2018-molisa.txt,Bộ,national\n", ["manifest.csv:1", "kind"]),
        ("duplicate id", header + row2018 + "2018-molisa,2019,directives/2019-kien-giang.txt,X,provincial,plan,,,,\n", ["manifest.csv:3", "line 2"]),
        ("bad year", header + "2018-molisa,18,directives/2018-molisa.txt,Bộ,national,letter,,,,\n", ["manifest.csv:2", "'18'"]),
        ("missing file", header + row2018 + "x,2019,directives/none.txt,X,national,letter,,,,\n", ["manifest.csv:3", "directives/none.txt"]),
        ("unbalanced quote", header + "2018-molisa,2018,directives/2018-molisa.txt,\"Bộ,national,letter,,,,\n", ["manifest.csv:2", "never closes"]),
        ("path escaping", header + row2018 + "x,2019,../../etc/passwd,X,national,letter,,,,\n", ["manifest.csv:3", "has a '..' part"]),
        ("absolute path", header + row2018 + "x,2019,/etc/hostname,X,national,letter,,,,\n", ["manifest.csv:3", "outside the corpus"]),
        ("same file twice", header + row2018 + "x,2019,directives//2018-molisa.txt,X,national,letter,,,,\n", ["manifest.csv:3", "line 2"]),
        ("too many fields", header + "2018-molisa,2018,directives/2018-molisa.txt,Bộ,national,letter,,,,,extra\n", ["manifest.csv:2", "expected 10 fields"]),
        ("separated by ';'", header.replacingOccurrences(of: ",", with: ";") + row2018.replacingOccurrences(of: ",", with: ";"), ["manifest.csv:1", "separated by ';'"]),
        ("no rows", header, ["manifest.csv", "no documents"]),
        ("not UTF-8", "document_id,year,file,issuer,level,kind\n2018-molisa,2018,directives/2018-molisa.txt,B\u{00F4},national,letter\n", ["manifest.csv", "UTF-8"]),
    ]

    @Test("A bad manifest: exit 1, stderr names manifest.csv and the line, stdout empty, --out untouched",
          arguments: 0..<manifests.count)
    func badManifest(_ index: Int) throws {
        let (name, text, says) = Self.manifests[index]
        let corpus = try HostileCorpus(HostileCorpus.good)
        if name == "not UTF-8" {
            try Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }).write(to: corpus.corpus.appendingPathComponent("manifest.csv"))
        } else {
            try corpus.writeManifestText(text)
        }
        let result = corpus.compare(corpus.out())
        #expect(result.exitCode == 1, "\(name): \(result)")
        #expect(result.stdout.isEmpty, "\(name)")
        for part in says { #expect(result.stderr.contains(part), "\(name): \(result.stderr)") }
        #expect(!FileManager.default.fileExists(atPath: corpus.out().path), "\(name): reports written")
    }

    @Test("A symbolic link inside the corpus to a listed file is the same file listed twice")
    func linkToListedFile() throws {
        let corpus = try HostileCorpus(HostileCorpus.good)
        try FileManager.default.createSymbolicLink(at: corpus.corpus.appendingPathComponent("directives/alias.txt"),
                                                   withDestinationURL: corpus.corpus.appendingPathComponent("directives/2018-molisa.txt"))
        try corpus.writeManifestText(Self.header + Self.row2018 + "alias,2019,directives/alias.txt,X,national,letter,,,,\n")
        let result = corpus.compare(corpus.out())
        #expect(result.exitCode == 1 && result.stderr.contains("manifest.csv:3") && result.stderr.contains("already listed"), "\(result)")
    }

    static let codebooks: [(name: String, rows: String, says: String)] = [
        ("malformed CSV", "a,theme,,\"A,,,x,\n", "codebook.csv:2"),
        ("duplicate id", "a,theme,,A,,,x,\na,theme,,A,,,y,\n", "codebook.csv:3:1"),
        ("empty pattern", "a,theme,,A,,,x ; ,\n", "codebook.csv:2:7"),
        ("unknown dimension", "a,topic,,A,,,x,\n", "codebook.csv:2:2"),
        ("unknown parent", "a,theme,ghost,A,,,x,\n", "codebook.csv:2:3"),
        ("no patterns", "a,theme,,A,,,,\n", "codebook.csv:2:7"),
        ("a value past the header", "a,theme,,A,,,x,,stray\n", "codebook.csv:2: expected 8 fields"),
    ]

    @Test("A bad codebook: exit 1, stderr lists file:line:column, --out untouched", arguments: 0..<codebooks.count)
    func badCodebook(_ index: Int) throws {
        let (name, rows, says) = Self.codebooks[index]
        let corpus = try HostileCorpus(HostileCorpus.good)
        try Data(("category_id,dimension,parent_id,label_en,label_vi,definition,patterns,exclusions\n" + rows).utf8)
            .write(to: corpus.corpus.appendingPathComponent("codebook.csv"))
        let result = corpus.compare(corpus.out())
        #expect(result.exitCode == 1 && result.stdout.isEmpty, "\(name): \(result)")
        #expect(result.stderr.contains(says), "\(name): \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: corpus.out().path), "\(name): reports written")
    }
}

// MARK: - Columns that are not read

@Suite("Columns a reader does not use: the researcher's own pass silently, a misspelt known one is a warning")
struct UnknownColumnCLITests {
    @Test("A misspelt manifest column is a warning on stderr naming file, column and the name meant; the run goes on")
    func misspeltManifestColumn() throws {
        let corpus = try HostileCorpus(HostileCorpus.good)
        var text = "document_id,year,file,issuer,level,kind,tittle,notes\n"
        for d in HostileCorpus.good { text += "\(d.id),\(d.year),directives/\(d.id).txt,X,\(d.level),letter,Kế hoạch,mine\n" }
        try corpus.writeManifestText(text)
        let warning = "warning: \(corpus.corpus.appendingPathComponent("manifest.csv").path):1:7: column 'tittle' is not one PolicyCompare reads, so its values are ignored; did you mean 'title'? Rename the column to use them\n"
        let compared = corpus.compare(corpus.out())
        #expect(compared.exitCode == 0 && compared.stderr == warning, "\(compared)")
        let coded = corpus.run(["code", "--corpus", corpus.corpus.path, "--out", corpus.out("coded").path])
        #expect(coded.exitCode == 0 && coded.stderr == warning, "\(coded)")
        let inspected = corpus.run(["inspect", HostileCorpus.good[0].id, "--corpus", corpus.corpus.path])
        #expect(inspected.exitCode == 0 && inspected.stderr == warning, "\(inspected)")
    }

    @Test("A misspelt codebook column is a warning from compare and codebook check; a column of one's own is not")
    func misspeltCodebookColumn() throws {
        let corpus = try HostileCorpus(HostileCorpus.good)
        let codebook = corpus.corpus.appendingPathComponent("codebook.csv")
        try Data(("category_id,dimension,parent_id,label_en,label_vi,definition,patterns,Exclusion,notes\n"
            + "child_marriage,theme,,Child marriage,Tảo hôn,,tảo hôn,tảo hôn giả,mine\n").utf8).write(to: codebook)
        let warning = "warning: \(codebook.path):1:8: column 'Exclusion' is not one PolicyCompare reads, so its values are ignored; did you mean 'exclusions'? Rename the column to use them\n"
        let checked = corpus.run(["codebook", "check", codebook.path])
        #expect(checked.exitCode == 0 && checked.stdout.contains("OK, 1 categories") && checked.stderr == warning, "\(checked)")
        let compared = corpus.compare(corpus.out())
        #expect(compared.exitCode == 0 && compared.stderr == warning, "\(compared)")
        let shipped = try HostileCorpus(HostileCorpus.good).compare(corpus.out("shipped"))
        #expect(shipped.exitCode == 0 && shipped.stderr.isEmpty, "\(shipped)")
    }
}

// MARK: - One bad document among many

@Suite("--skip-invalid: one bad document among many")
struct SkipInvalidTests {
    @Test("Without --skip-invalid a bad document stops compare before writing: exit 1, its file and why on stderr")
    func defaultStopsBeforeWriting() throws {
        let corpus = try HostileCorpus(HostileCorpus.good + [HostileCorpus.Document(id: "2019-scan", year: 2019, bytes: HostileCorpus.png)])
        let result = corpus.compare(corpus.out())
        #expect(result.exitCode == 1 && result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains("directives/2019-scan.txt") && result.stderr.contains("PNG"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("Nothing was written. The manifest lists this file: fix it, remove its row, or pass --skip-invalid to compare the other documents without it.\n"),
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: corpus.out().path), "--out was created")
        #expect(corpus.leftovers().isEmpty, "\(corpus.leftovers())")
    }

    @Test("Without --skip-invalid several bad documents are all named in one error, in manifest order; nothing is written")
    func everyBadDocumentIsNamed() throws {
        let corpus = try HostileCorpus(HostileCorpus.withBadDocuments)
        let result = corpus.compare(corpus.out())
        #expect(result.exitCode == 1 && result.stdout.isEmpty, "\(result)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first == "error: 2 listed files cannot be read:", "\(result.stderr)")
        #expect(lines.dropFirst().first?.hasPrefix("  2019-scan (directives/2019-scan.txt): ") == true && lines.contains { $0.hasPrefix("  2019-blank (directives/2019-blank.txt): ") },
                "\(result.stderr)")
        #expect(!result.stderr.contains(corpus.folder.path), "paths are relative to the corpus: \(result.stderr)")
        #expect(result.stderr.hasSuffix("Nothing was written. The manifest lists these files: fix them, remove their rows, or pass --skip-invalid to compare the other documents without them.\n"),
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: corpus.out().path), "--out was created")
    }

    @Test("With --skip-invalid the rest is compared; report.txt and report.md list each skipped document and why; stderr warns")
    func skipsAndReports() throws {
        let corpus = try HostileCorpus(HostileCorpus.withBadDocuments)
        let out = corpus.out()
        let result = corpus.compare(out, ["--skip-invalid"])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.lowercased().contains("warning"), "no warning on stderr: \(result.stderr)")
        #expect(result.stderr.contains("2019-scan") && result.stderr.contains("2019-blank"), "\(result.stderr)")
        for name in ["report.txt", "report.md"] {
            let report = (try? String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)) ?? ""
            #expect(report.contains("Skipped documents"), "\(name) has no 'Skipped documents' section")
            let lines = report.split(separator: "\n")
            #expect(lines.contains { $0.contains("2019-scan") && $0.contains("PNG") }, "\(name) does not list 2019-scan with its reason")
            #expect(lines.contains { $0.contains("2019-blank") && $0.contains("empty") }, "\(name) does not list 2019-blank with its reason")
            #expect(!report.contains(corpus.folder.path), "\(name) names a path of this machine: the same corpus elsewhere would differ")
        }
        let documents = CSVCells.records((try? Data(contentsOf: out.appendingPathComponent("documents.csv"))) ?? Data())
        #expect(Set(documents.dropFirst().compactMap(\.first)) == ["2018-molisa", "2019-kien-giang"], "\(documents.map(\.first))")
    }

    @Test("code takes --skip-invalid as compare does: without it, nothing is written and the error names each file; with it, the rest is coded, a warning for each left out")
    func codeSkipsInvalid() throws {
        let corpus = try HostileCorpus(HostileCorpus.withBadDocuments)
        let stopped = corpus.run(["code", "--corpus", corpus.corpus.path, "--out", corpus.out().path])
        #expect(stopped.exitCode == 1 && stopped.stdout.isEmpty, "\(stopped)")
        #expect(stopped.stderr.hasPrefix("error: 2 listed files cannot be read:")
                && stopped.stderr.hasSuffix("or pass --skip-invalid to code the other documents without them.\n"), "\(stopped.stderr)")
        #expect(!FileManager.default.fileExists(atPath: corpus.out().path), "--out was created")
        let coded = corpus.run(["code", "--corpus", corpus.corpus.path, "--out", corpus.out().path, "--skip-invalid"])
        #expect(coded.exitCode == 0 && coded.stdout.hasPrefix("coded 2 documents with"), "\(coded)")
        let warnings = coded.stderr.split(separator: "\n")
        #expect(warnings.count == 2 && warnings.contains { $0.hasPrefix("warning: skipped 2019-scan: ") } && warnings.contains { $0.hasPrefix("warning: skipped 2019-blank: ") },
                "\(coded.stderr)")
        let rows = CSVCells.records((try? Data(contentsOf: corpus.out().appendingPathComponent("coding_by_document.csv"))) ?? Data())
        #expect(Set(rows.dropFirst().compactMap(\.first)) == ["2018-molisa", "2019-kien-giang"], "\(rows.map(\.first))")
        let nothing = try HostileCorpus([HostileCorpus.Document(id: "2019-blank", year: 2019, bytes: [])])
        let none = nothing.run(["code", "--corpus", nothing.corpus.path, "--out", nothing.out().path, "--skip-invalid"])
        #expect(none.exitCode == 1 && none.stderr.hasPrefix("error: no document of the corpus could be read, so nothing was written:\n  2019-blank ("), "\(none)")
        #expect(!FileManager.default.fileExists(atPath: nothing.out().path))
    }

    @Test("A plan in English and one typed without tone marks: compared, with a warning, a report caveat and a note in documents.csv")
    func fewDiacritics() throws {
        let english = """
        PEOPLE'S COMMITTEE OF KIEN GIANG PROVINCE
        PLAN
        Month of Action for Children 2020
        I. PURPOSE
        1. Prevent child marriage, violence and abuse against children, and drowning.
        2. Hold a provincial children's forum so that children can voice their opinions on matters that concern them.
        II. IMPLEMENTATION
        The Department of Labour, Invalids and Social Affairs leads and reports the results before 05/7/2020.
        """
        let unmarked = HostileCorpus.plan2019.folding(options: .diacriticInsensitive, locale: nil)
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
        let corpus = try HostileCorpus(HostileCorpus.good + [
            HostileCorpus.Document(id: "2020-english", year: 2020, bytes: Array(english.utf8), level: "provincial"),
            HostileCorpus.Document(id: "2021-unmarked", year: 2021, bytes: Array(unmarked.utf8), level: "provincial"),
        ])
        let out = corpus.out()
        let result = corpus.compare(out)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.contains("warning: few syllables carry a diacritic in 2020-english (0%), 2021-unmarked (0%), where Vietnamese prose marks about 80%; "
                                       + "a text in another language, or typed without tone marks, is matched only by the codebook's ~ patterns "
                                       + "and its patterns written without marks, so its categories are likely undercounted"),
                "\(result.stderr)")
        let report = (try? String(contentsOf: out.appendingPathComponent("report.txt"), encoding: .utf8)) ?? ""
        #expect(report.contains("few syllables carry a diacritic in 2020-english (0%); 2021-unmarked (0%)"), "\(report)")
        #expect(report.contains("is matched only by the codebook's ~ patterns and its patterns written without marks"), "\(report)")
        let documents = CSVCells.records((try? Data(contentsOf: out.appendingPathComponent("documents.csv"))) ?? Data())
        let notes = try #require(documents.first?.firstIndex(of: "notes"))
        for row in documents.dropFirst() {
            let flagged = row[notes].contains("of its") && row[notes].contains("syllables carry a diacritic (Vietnamese prose: about 80%)")
            #expect(flagged == ["2020-english", "2021-unmarked"].contains(row[0]), "\(row[0]): \(row[notes])")
        }
        let coded = corpus.run(["code", "--corpus", corpus.corpus.path, "--out", corpus.out("coded").path])
        #expect(coded.exitCode == 0 && coded.stderr.contains("warning: few syllables carry a diacritic in 2020-english (0%), 2021-unmarked (0%)")
                && coded.stderr.hasSuffix("check the file (policy-compare inspect notes it)\n"), "\(coded)")
        // Marked Vietnamese alone gives no such warning.
        let good = try HostileCorpus(HostileCorpus.good)
        let plain = good.compare(good.out())
        #expect(plain.exitCode == 0 && !plain.stderr.contains("diacritic"), "\(plain)")
    }

    @Test("One skipped document, one compared, one coded: said in the singular")
    func singular() throws {
        let corpus = try HostileCorpus([HostileCorpus.good[0], HostileCorpus.Document(id: "2019-blank", year: 2019, bytes: [])])
        let result = corpus.compare(corpus.out(), ["--skip-invalid"])
        #expect(result.exitCode == 0 && result.stdout.hasPrefix("compared 1 document over 2018;"), "\(result)")
        let report = (try? String(contentsOf: corpus.out().appendingPathComponent("report.txt"), encoding: .utf8)) ?? ""
        #expect(report.contains("1 document of the corpus could not be read and is left out of this comparison (--skip-invalid):"), "\(report)")
        let one = try HostileCorpus([HostileCorpus.good[0]])
        let coded = one.run(["code", "--corpus", one.corpus.path, "--out", one.out().path])
        #expect(coded.exitCode == 0 && coded.stdout.hasPrefix("coded 1 document with"), "\(coded)")
    }

    @Test("A year typo in the manifest: the run warns, naming the document and the year its text states")
    func yearTypo() throws {
        var documents = HostileCorpus.good
        documents[0].year = 2017
        let corpus = try HostileCorpus(documents)
        let result = corpus.compare(corpus.out())
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.contains("warning: 2018-molisa: manifest year 2017, but its month of action is from 2018-06-01; check the year column of manifest.csv\n"),
                "\(result.stderr)")
    }

    @Test("--skip-invalid, then --years naming a year whose only document was skipped: the error lists what was skipped")
    func yearLeftOnlyWithSkippedDocuments() throws {
        let corpus = try HostileCorpus(HostileCorpus.good + [HostileCorpus.Document(id: "2017-blank", year: 2017, bytes: [])])
        let result = corpus.compare(corpus.out(), ["--skip-invalid", "--years", "2017,2018"])
        #expect(result.exitCode == 1 && result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.hasPrefix("error: --years names 2017, but the corpus has no document for it; available years: 2018, 2019; nothing was written. --skip-invalid left out 1 unreadable document, whose years count as absent:\n  2017-blank ("), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: corpus.out().path))
    }

    @Test("--skip-invalid with every document invalid is an error (exit 1), nothing written")
    func everythingInvalid() throws {
        let corpus = try HostileCorpus([HostileCorpus.Document(id: "2019-scan", year: 2019, bytes: HostileCorpus.png),
                                        HostileCorpus.Document(id: "2019-blank", year: 2019, bytes: [])])
        let result = corpus.compare(corpus.out(), ["--skip-invalid"])
        #expect(result.exitCode == 1 && result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains("2019-scan") || result.stderr.contains("directives/2019-scan.txt"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: corpus.out().path))
    }

    @Test("--skip-invalid is a flag: given twice or with a value it is a usage error (exit 2)")
    func flagUsage() throws {
        let corpus = try HostileCorpus(HostileCorpus.good)
        #expect(corpus.compare(corpus.out(), ["--skip-invalid"]).exitCode == 0, "--skip-invalid is not accepted")
        for extra in [["--skip-invalid", "--skip-invalid"], ["--skip-invalid=yes"]] {
            let result = corpus.compare(corpus.out("R2"), extra)
            #expect(result.exitCode == 2 && result.stdout.isEmpty, "\(extra): \(result)")
        }
    }
}

// MARK: - Reports appear whole or not at all

@Suite("Atomic output: previous reports survive failed runs; files the tool did not write are never deleted")
struct AtomicOutputTests {
    @Test("A run that fails on bad data leaves the previous reports byte for byte")
    func badDataKeepsPreviousReports() throws {
        let corpus = try HostileCorpus(HostileCorpus.good)
        let out = corpus.out()
        #expect(corpus.compare(out).exitCode == 0)
        let before = HostileCorpus.snapshot(out)
        try Data(HostileCorpus.png).write(to: corpus.corpus.appendingPathComponent("directives/2019-kien-giang.txt"))
        let result = corpus.compare(out, ["--lang", "vi"])
        #expect(result.exitCode == 1)
        #expect(HostileCorpus.snapshot(out) == before, "previous reports changed")
        #expect(corpus.leftovers().isEmpty, "\(corpus.leftovers())")
    }

    @Test("A run that fails while moving reports into place leaves every previous report as it was")
    func failureWhileMovingKeepsPreviousReports() throws {
        let corpus = try HostileCorpus(HostileCorpus.good)
        let out = corpus.out()
        #expect(corpus.compare(out, ["--format", "csv,txt,md"]).exitCode == 0)
        // Something in the way of the last file to move: report.md is now a folder holding the user's file.
        let blocker = out.appendingPathComponent("report.md")
        try FileManager.default.removeItem(at: blocker)
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: false)
        try Data("mine".utf8).write(to: blocker.appendingPathComponent("keep.txt"))
        let before = HostileCorpus.snapshot(out)
        let result = corpus.compare(out, ["--format", "csv,txt,md", "--lang", "vi"])
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr.contains("report.md"), "\(result.stderr)")
        let after = HostileCorpus.snapshot(out)
        let changed = before.keys.filter { before[$0] != after[$0] }.sorted()
        #expect(changed.isEmpty, "a failed run replaced some previous reports and not others: \(changed)")
        #expect(FileManager.default.fileExists(atPath: blocker.appendingPathComponent("keep.txt").path))
        #expect(corpus.leftovers().isEmpty, "\(corpus.leftovers())")
    }

    @Test("A folder at the temporary name beside --out holds the user's files: the run does not delete them")
    func neverDeletesForeignTemporaryFolder() throws {
        let corpus = try HostileCorpus(HostileCorpus.good)
        let out = corpus.out()
        let pid = ProcessInfo.processInfo.processIdentifier
        let foreign = corpus.folder.appendingPathComponent(".\(out.lastPathComponent).partial-\(pid)")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: foreign.appendingPathComponent("thesis.docx"))
        let result = corpus.compare(out)
        #expect(result.exitCode == 0, "\(result)")
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("thesis.docx").path),
                "the run deleted \(foreign.path)/thesis.docx, a file it did not write")
    }

    @Test("--out a new nested folder: created whole, with nothing beside it")
    func newNestedFolder() throws {
        let corpus = try HostileCorpus(HostileCorpus.good)
        let out = corpus.folder.appendingPathComponent("a/b/Reports")
        let result = corpus.compare(out)
        #expect(result.exitCode == 0, "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path) == ["Reports"])
    }
}

// MARK: - Content that attacks readers

@Suite("Content that attacks readers stays text in CSV, XLSX, HTML and Markdown")
struct ReaderAttackTests {
    /// One compare of the corpus with formula and script lines, shared by the tests below.
    static func reports() throws -> URL {
        var documents = HostileCorpus.good
        documents[0].title = "=cmd|' /C calc'!A0"
        documents[1].issuer = "@SUM(1+1) Ủy ban"
        let corpus = try HostileCorpus(documents)
        let result = corpus.compare(corpus.out())
        try #require(result.exitCode == 0, "\(result.stderr)")
        return corpus.out()
    }

    @Test("Spreadsheet CSV: no text cell starts like a formula, and the attacks are there as neutralised text")
    func csvCells() throws {
        let out = try Self.reports()
        var found: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name.hasSuffix(".csv") {
            let records = CSVCells.records(try Data(contentsOf: out.appendingPathComponent(name)))
            for (line, record) in records.enumerated() {
                for cell in record {
                    if CSVCells.isFormula(cell) && Double(cell) == nil {
                        Issue.record("\(name) record \(line + 1): cell \(cell.debugDescription) would run as a formula")
                    }
                    for attack in ["'=HYPERLINK(", "'@SUM(1+1)*cmd", "'=cmd|", "'@SUM(1+1) Ủy ban", "'=1+2", "'+1+1", "'-1+2", "'－1+1"] where cell.hasPrefix(attack) {
                        found.insert(attack)
                    }
                }
            }
        }
        #expect(found == ["'=HYPERLINK(", "'@SUM(1+1)*cmd", "'=cmd|", "'@SUM(1+1) Ủy ban", "'=1+2", "'+1+1", "'-1+2", "'－1+1"],
                "attacks that did not reach the CSVs as neutralised text: \(found)")
    }

    @Test("XLSX: no cell is a formula; the attack lines are shared strings")
    func xlsxCells() throws {
        let out = try Self.reports()
        let bytes = Array(try Data(contentsOf: out.appendingPathComponent("comparison.xlsx")))
        let entries = try #require(StoredZip.entries(bytes), "comparison.xlsx is not a STORED ZIP")
        let strings = String(decoding: try #require(entries["xl/sharedStrings.xml"]), as: UTF8.self)
        for attack in ["=HYPERLINK(", "@SUM(1+1)*cmd", "=cmd|", "=1+2"] {
            #expect(strings.contains(attack), "\(attack) is not a shared string")
        }
        for (name, data) in entries where name.hasPrefix("xl/worksheets/") {
            let xml = String(decoding: data, as: UTF8.self)
            #expect(!xml.contains("<f>") && !xml.contains("<f ") && !xml.contains("t=\"str\""), "\(name) holds a formula cell")
        }
    }

    @Test("report.html: <script> from a directive is escaped text; the page has no script element")
    func htmlEscapes() throws {
        let out = try Self.reports()
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!html.lowercased().contains("<script"), "report.html contains a <script> element")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the theme's <script> did not reach the page as text")
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(!markdown.contains("<script>"), "report.md passes raw HTML to Markdown viewers")
    }
}

// MARK: - Determinism

@Suite("Determinism: manifest order and repeated runs do not change a byte")
struct DeterminismCLITests {
    @Test("The shipped corpus with its manifest rows reversed, and run twice, gives byte-identical outputs")
    func reorderedManifest() throws {
        let corpus = try HostileCorpus.shipped()
        let first = corpus.out("A")
        #expect(corpus.compare(first).exitCode == 0)
        let manifest = try String(contentsOf: corpus.corpus.appendingPathComponent("manifest.csv"), encoding: .utf8)
        var lines = manifest.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let header = lines.removeFirst()
        try corpus.writeManifestText(([header] + lines.reversed()).joined(separator: "\r\n") + "\r\n")
        let reversed = corpus.out("B")
        let again = corpus.out("C")
        #expect(corpus.compare(reversed).exitCode == 0)
        #expect(corpus.compare(again).exitCode == 0)
        let a = HostileCorpus.snapshot(first), b = HostileCorpus.snapshot(reversed), c = HostileCorpus.snapshot(again)
        #expect(a.count == 20)
        for name in a.keys.sorted() {
            #expect(a[name] == b[name], "\(name) differs when the manifest lists the files in another order")
            #expect(b[name] == c[name], "\(name) differs between two runs")
        }
    }
}
