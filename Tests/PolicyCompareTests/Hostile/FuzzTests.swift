import Foundation
import Testing
@testable import PolicyCompare

// Property and fuzz tests (issue 6): random bytes, random text and random mutations of the
// shipped directives go through decode, normalise, parse and code. Nothing may crash, and every
// reading keeps the invariants of `HostilePipeline.violations` (each body character in exactly
// one segment, every quote the source at its offsets, presence exactly when evidence exists).
//
// Reproducing a failure: every message names the case's seed. Run that case alone with
//     PC_FUZZ_SEED=0x... swift test --filter FuzzTests
// A crash kills the test process before it can report: the seed and input of the case being run
// are written first to $TMPDIR/policycompare-fuzz-<test>.last (and the input to .last.bin).
// PC_FUZZ_CASES=n changes the number of cases per test.

/// SplitMix64 (Steele, Lea & Flood, 2014): the same sequence for a seed on every platform and
/// Swift version, unlike the standard library's `random(in:)` algorithms.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
}

enum Fuzz {
    static let baseSeed: UInt64 = 0x5EED_2019_0601_0630

    /// Seeds of the cases of one test: derived from the base seed and the test's salt, or the one
    /// seed in PC_FUZZ_SEED.
    static func seeds(_ salt: UInt64, count: Int) -> [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        if let text = environment["PC_FUZZ_SEED"] {
            let digits = text.hasPrefix("0x") ? String(text.dropFirst(2)) : text
            if let seed = UInt64(digits, radix: text.hasPrefix("0x") ? 16 : 10) { return [seed] }
        }
        let n = environment["PC_FUZZ_CASES"].flatMap { Int($0) } ?? count
        var g = SplitMix64(seed: baseSeed ^ salt)
        return (0..<n).map { _ in g.next() }
    }

    static func hex(_ seed: UInt64) -> String {
        let digits = String(seed, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }

    /// Notes the case about to run, so a crash leaves its seed and input behind.
    static func begin(_ test: String, seed: UInt64, input: [UInt8]) {
        let folder = FileManager.default.temporaryDirectory
        try? Data("\(test) seed \(hex(seed)) (PC_FUZZ_SEED=\(hex(seed)))\n".utf8)
            .write(to: folder.appendingPathComponent("policycompare-fuzz-\(test).last"))
        try? Data(input).write(to: folder.appendingPathComponent("policycompare-fuzz-\(test).last.bin"))
    }

    /// Runs bytes through the pipeline and records every broken invariant with the seed.
    static func check(_ test: String, seed: UInt64, bytes: [UInt8], what: String,
                      sourceLocation: SourceLocation = #_sourceLocation) -> HostilePipeline.Outcome? {
        begin(test, seed: seed, input: bytes)
        let outcome: HostilePipeline.Outcome
        do {
            outcome = try HostilePipeline.run(bytes)
        } catch {
            Issue.record("seed \(hex(seed)) (\(what)): reading threw a non-decoding error: \(error)", sourceLocation: sourceLocation)
            return nil
        }
        switch outcome {
        case .rejected(let error):
            let message = error.description
            if !message.contains("directives/hostile.txt") {
                Issue.record("seed \(hex(seed)) (\(what)): the error does not name the file: \(message)", sourceLocation: sourceLocation)
            }
        case .read(let d, let coding):
            for problem in HostilePipeline.violations(d, coding).prefix(5) {
                Issue.record("seed \(hex(seed)) (\(what)): \(problem)", sourceLocation: sourceLocation)
            }
        }
        return outcome
    }

    /// Applies one to five random edits to a directive's text: deleted, repeated, swapped, joined and
    /// split lines, renumbering, control, invisible and combining characters, NFD, case, punctuation.
    static func mutate(_ text: String, _ g: inout SplitMix64) -> (text: String, applied: [String]) {
        var lines = text.components(separatedBy: "\n")
        var applied: [String] = []
        for _ in 0..<g.int(1...5) {
            guard !lines.isEmpty else { break }
            let at = g.below(lines.count)
            switch g.below(11) {
            case 0:
                let n = g.int(1...min(8, lines.count - at))
                lines.removeSubrange(at..<at + n)
                applied.append("deleted \(n) lines at \(at)")
            case 1:
                lines.insert(lines[at], at: g.below(lines.count + 1))
                applied.append("repeated line \(at)")
            case 2:
                lines.swapAt(at, g.below(lines.count))
                applied.append("swapped line \(at)")
            case 3:
                for k in lines.indices where g.chance(30) {
                    let trimmed = lines[k].drop { $0 == " " }
                    let rest = trimmed.drop { $0.isNumber || $0 == "." || $0 == ")" || "IVXLC-+*•".contains($0) }
                    lines[k] = g.pick(Fuzz.markers) + " " + rest.drop { $0 == " " }
                }
                applied.append("renumbered")
            case 4:
                var scalars = Array(lines[at].unicodeScalars)
                let controls: [UInt8] = [1, 2, 7, 8, 0x0B, 0x0C, 0x1A, 0x1B, 0x1F, 0x7F, 0x0D, 0x09]
                for _ in 0..<g.int(1...4) {
                    let control = Unicode.Scalar(g.pick(controls))
                    scalars.insert(control, at: g.below(scalars.count + 1))
                }
                lines[at] = String(String.UnicodeScalarView(scalars))
                applied.append("control characters in line \(at)")
            case 5:
                var scalars = Array(lines[at].unicodeScalars)
                let odd: [Unicode.Scalar] = ["\u{200B}", "\u{200D}", "\u{FEFF}", "\u{00AD}", "\u{202E}", "\u{2028}", "\u{0301}", "\u{0302}", "\u{0110}", "\u{00D0}", "\u{1F476}"]
                for _ in 0..<g.int(1...4) { scalars.insert(g.pick(odd), at: g.below(scalars.count + 1)) }
                lines[at] = String(String.UnicodeScalarView(scalars))
                applied.append("invisible or combining characters in line \(at)")
            case 6:
                lines[at] = lines[at].decomposedStringWithCanonicalMapping
                applied.append("NFD line \(at)")
            case 7:
                lines[at] = g.chance(50) ? lines[at].uppercased() : lines[at].lowercased()
                applied.append("case of line \(at)")
            case 8:
                if at + 1 < lines.count {
                    let next = lines.remove(at: at + 1)
                    lines[at] += g.pick([" ", "", "; ", " (i) ", " (ii) "]) + next
                    applied.append("joined lines \(at) and \(at + 1)")
                }
            case 9:
                let words = lines[at].split(separator: " ", omittingEmptySubsequences: false)
                if words.count > 1 {
                    let cut = g.int(1...words.count - 1)
                    lines[at] = words[..<cut].joined(separator: " ")
                    lines.insert(words[cut...].joined(separator: " "), at: at + 1)
                    applied.append("split line \(at)")
                }
            default:
                lines[at] = String(lines[at].filter { !$0.isPunctuation })
                applied.append("removed punctuation of line \(at)")
            }
        }
        return (lines.joined(separator: "\n"), applied)
    }

    // MARK: Material

    static let syllables = ["trẻ", "em", "tháng", "hành", "động", "vì", "bảo", "vệ", "chăm", "sóc", "giáo", "dục", "tảo", "hôn",
                            "phòng", "chống", "tai", "nạn", "thương", "tích", "đuối", "nước", "Ủy", "ban", "nhân", "dân", "tỉnh",
                            "Sở", "Lao", "Thương", "binh", "Xã", "hội", "tổ", "chức", "truyền", "thông", "kế", "hoạch", "năm",
                            "hoà", "thuỷ", "qúy", "hòang", "nghèo", "dân", "tộc", "thiểu", "số", "khẩu", "hiệu", "thông", "điệp"]
    static let phrases = ["Chủ đề: “Chung tay vì trẻ em”", "với chủ đề \"Trẻ em hôm nay\"", "từ ngày 01/6 đến ngày 30/6/2019",
                          "trước ngày 05/7/2019", "vào các ngày 25/5 và 20/11", "Công văn số 1332/LĐT BXH-TE ngày 08/4/2019",
                          "Nghị định số 80/2017/NĐ-CP", "Luật Trẻ em", "Chương trình bảo vệ trẻ em giai đoạn 2011 - 2015",
                          "Chương trình quốc gia giai đoạn", "giai đoạn 2016-2020", "Các khẩu hiệu:", "Thông điệp:",
                          "UBND", "HĐVTE", "LĐTBXH", "Sở Y tế", "Đoàn TNCS Hồ Chí Minh", "đề nghị", "phối hợp với", "chủ trì",
                          "Kính gửi:", "Nơi nhận:", "TL. BỘ TRƯỞNG", "PHỤ LỤC", "Số: 80/KH-UBND", "Kiên Giang, ngày 14 tháng 5 năm 2019",
                          "(i)", "(ii)", "(iii)", "(iv)", "PAGE  1", "MERGEFORMAT", "=HYPERLINK(\"x\")", "<script>", "năm 2019", "2019",
                          "ngày 31 tháng 13 năm 99999999999999999999", "01/02/03/04", "0/0", "99/99/9999", "1-", "-1"]
    static let markers = ["I.", "II.", "IV)", "XLC.", "1.", "2)", "5.1.", "5.1", "10.2.3.", "999.", "1000.", "a)", "đ)", "-", "+", "*",
                          "•", "◦", "▪", "- -", "--", "(i)", "", "", "", "", "**", "A.", "1..", ".1"]
    static let separators = [" ", " ", " ", ", ", ". ", "; ", ": ", "! ", "? ", "\t", "\u{A0}", "\u{3000}", " - ", " – ", "/", "\"", "“", "”",
                             "(", ")", "...", "…", "\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{202E}", "\u{0301}", "\u{0323}\u{0309}", "\u{1}",
                             "\u{1B}", "\u{7F}", "\u{85}", "\u{1F476}", "\u{E000}", "＝", "＋"]
    static let lineEnds = ["\n", "\n", "\n", "\r\n", "\r", "\n\n", "\u{2028}", "\u{0B}", "\u{0C}"]

    /// Random directive-like text: lines of markers, syllables, phrases and odd characters.
    static func text(_ g: inout SplitMix64) -> String {
        var out = ""
        for _ in 0..<g.int(0...40) {
            if g.chance(60) { out += g.pick(markers) + (g.chance(85) ? " " : "") }
            for _ in 0..<g.int(0...25) {
                if g.chance(12) { out += g.pick(phrases) } else {
                    var word = g.pick(syllables)
                    if g.chance(8) { word = word.uppercased() }
                    if g.chance(5) { word = word.decomposedStringWithCanonicalMapping }
                    out += word
                }
                out += g.chance(75) ? " " : g.pick(separators)
            }
            out += g.pick(lineEnds)
        }
        return out
    }

    /// Random bytes of several kinds: noise, text with controls, random scalars, magic prefixes, UTF-16, legacy-looking.
    static func bytes(_ g: inout SplitMix64) -> (kind: String, bytes: [UInt8]) {
        let length = g.int(0...2_048)
        switch g.below(7) {
        case 0:
            return ("noise", (0..<length).map { _ in g.byte() })
        case 1:
            return ("ASCII with controls", (0..<length).map { _ in g.chance(3) ? UInt8(g.below(32)) : UInt8(g.int(32...126)) })
        case 2:
            var view = String.UnicodeScalarView()
            for _ in 0..<length / 3 {
                let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x00...0x1F, 0xA0...0x24F, 0x300...0x36F, 0x1EA0...0x1EF9,
                                                     0x2000...0x206F, 0xFE00...0xFFFD, 0x1F300...0x1F6FF, 0xE000...0xF8FF]
                let range = g.pick(ranges)
                if let scalar = Unicode.Scalar(range.lowerBound + UInt32(g.below(Int(range.upperBound - range.lowerBound) + 1))) {
                    view.append(scalar)
                }
            }
            return ("random scalars", Array(String(view).utf8))
        case 3:
            let prefixes: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0, 0], Array("%PDF-".utf8),
                                       [0x50, 0x4B, 0x03, 0x04], [0x1F, 0x8B], Array("{\\rtf".utf8), [0, 0, 0xFE, 0xFF]]
            return ("magic prefix", g.pick(prefixes) + Array(text(&g).utf8.prefix(length)))
        case 4:
            let littleEndian = g.chance(50)
            var bytes = HostileEncoding.utf16(String(text(&g).prefix(length)), littleEndian: littleEndian)
            for _ in 0..<g.int(0...3) where !bytes.isEmpty { bytes[g.below(bytes.count)] = g.byte() }
            if g.chance(30), !bytes.isEmpty { bytes.removeLast(g.int(1...min(3, bytes.count))) }
            return ("UTF-16 \(littleEndian ? "LE" : "BE") without BOM, damaged", bytes)
        case 5:
            var bytes: [UInt8] = []
            while bytes.count < length {
                bytes += Array(g.pick(syllables).utf8.filter { $0 < 0x80 })
                bytes += (0..<g.int(0...2)).map { _ in UInt8(g.int(0x80...0xFF)) }
                bytes.append(g.chance(90) ? 0x20 : 0x0A)
            }
            return ("legacy-looking bytes", bytes)
        default:
            var bytes = Array(text(&g).utf8.prefix(length))
            for _ in 0..<g.int(1...4) where !bytes.isEmpty { bytes[g.below(bytes.count)] = g.byte() }
            return ("UTF-8 text with flipped bytes", bytes)
        }
    }
}

@Suite("Fuzz: random input never crashes and keeps the invariants")
struct FuzzTests {
    static let directives: [(id: String, text: String)] = Fixtures.ids.compactMap { id in
        (try? HostilePipeline.shipped(id)).map { (id, $0) }
    }

    @Test("Random bytes: decoding gives text or a DecodingError, never replacement characters; text reads whole")
    func randomBytes() throws {
        for seed in Fuzz.seeds(0xB17E5, count: 300) {
            var g = SplitMix64(seed: seed)
            let (kind, bytes) = Fuzz.bytes(&g)
            Fuzz.begin("randomBytes", seed: seed, input: bytes)
            do {
                let decoded = try TextDecoder.decode(bytes, source: "random.bin")
                #expect(!TextDecoder.isBlank(decoded.text), "seed \(Fuzz.hex(seed)) (\(kind)): decoded to blank text")
                let hadReplacement = bytes.count >= 2 && zip(bytes, bytes.dropFirst()).contains { ($0 == 0xFF && $1 == 0xFD) || ($0 == 0xFD && $1 == 0xFF) || ($0 == 0xBF && $1 == 0xBD) }
                if !hadReplacement {
                    #expect(!decoded.text.unicodeScalars.contains("\u{FFFD}"),
                            "seed \(Fuzz.hex(seed)) (\(kind)): decoded as \(decoded.encoding) with U+FFFD replacement characters")
                }
            } catch {
                #expect(error.description.contains("random.bin"), "seed \(Fuzz.hex(seed)) (\(kind)): \(error)")
            }
            _ = Fuzz.check("randomBytes", seed: seed, bytes: bytes, what: kind)
        }
    }

    @Test("Random directive-like text: normalise, parse and code keep the invariants")
    func randomText() throws {
        for seed in Fuzz.seeds(0x7E47, count: 250) {
            var g = SplitMix64(seed: seed)
            let text = Fuzz.text(&g)
            _ = Fuzz.check("randomText", seed: seed, bytes: Array(text.utf8), what: "random text of \(text.unicodeScalars.count) scalars")
        }
    }

    @Test("Mutated shipped directives (deleted, repeated and swapped lines, renumbering, control characters, NFD, truncation)")
    func mutatedDirectives() throws {
        let directives = Self.directives
        try #require(directives.count == 5)
        for seed in Fuzz.seeds(0x0D1EC7, count: 200) {
            var g = SplitMix64(seed: seed)
            // Small directives more often: they are cheaper and as rich in structure.
            let source = g.chance(70) ? directives[g.below(3)] : g.pick(directives)
            let (text, edits) = Fuzz.mutate(source.text, &g)
            var applied = edits
            var bytes = Array(text.utf8)
            if g.chance(15), !bytes.isEmpty {
                bytes = Array(bytes.prefix(g.below(bytes.count)))
                applied.append("truncated at byte \(bytes.count)")
            }
            _ = Fuzz.check("mutatedDirectives", seed: seed, bytes: bytes, what: "\(source.id): " + applied.joined(separator: ", "))
        }
    }

    @Test("Random corpora of mutated directives: compare, tables, workbook and reports never crash; document order changes no byte")
    func mutatedCorpora() throws {
        let reader = try #require(Fixtures.reader)
        let codebook = try #require(Fixtures.codebook)
        let coder = try #require(HostilePipeline.coder)
        let stopList = try DocumentAnalysis.bundledStopList()
        let strings = try ReportStrings.bundled(.en)
        func outputs(_ documents: [DocumentAnalysis]) throws -> [String: [UInt8]] {
            let comparison = try Comparison.compute(documents, codebook: codebook)
            let tables = ComparisonTables.all(comparison)
            var files: [String: [UInt8]] = [:]
            for table in tables { files[table.name + ".csv"] = CSVWriter().write(table) }
            files["comparison.xlsx"] = try XLSXWriter.workbook(tables)
            let report = ReportBuilder(strings: strings, toolVersion: "fuzz").build(comparison)
            files["report.txt"] = Array(TextReport.plain(report).utf8)
            files["report.md"] = Array(TextReport.markdown(report).utf8)
            files["report.html"] = Array(HTMLReport.render(report, comparison: comparison, strings: strings).utf8)
            return files
        }
        for seed in Fuzz.seeds(0xC0A9, count: 12) {
            var g = SplitMix64(seed: seed)
            var analyses: [DocumentAnalysis] = []
            var described: [String] = []
            for k in 0..<g.int(2...4) {
                let source = g.chance(70) ? Self.directives[g.below(3)] : g.pick(Self.directives)
                let (text, applied) = Fuzz.mutate(source.text, &g)
                let year = g.pick([2010, 2013, 2019])
                let id = "d\(k)-\(source.id)"
                let bytes = Array(text.utf8)
                Fuzz.begin("mutatedCorpora", seed: seed, input: bytes)
                guard let directive = try? reader.read(bytes: bytes, source: "d\(k).txt", metadata: HostilePipeline.metadata(id, year: year),
                                                       inferMetadata: false) else { continue }
                analyses.append(DocumentAnalysis(directive, coder: coder, stopList: stopList, bytes: bytes))
                described.append("\(id) (\(year)): " + applied.joined(separator: ", "))
            }
            guard !analyses.isEmpty else { continue }
            let first = try outputs(analyses)
            var shuffled = analyses
            for i in shuffled.indices.reversed() where i > 0 { shuffled.swapAt(i, g.below(i + 1)) }
            let second = try outputs(shuffled)
            for name in first.keys.sorted() where first[name] != second[name] {
                Issue.record("seed \(Fuzz.hex(seed)): \(name) changes when the documents come in another order; corpus: \(described)")
            }
        }
    }

    @Test("Normalising directive-like text is a projection: normalising the result again changes nothing")
    func normalizerIsIdempotent() throws {
        for seed in Fuzz.seeds(0x1DE3, count: 300) {
            var g = SplitMix64(seed: seed)
            let text = Fuzz.text(&g)
            Fuzz.begin("normalizerIsIdempotent", seed: seed, input: Array(text.utf8))
            let once = VietnameseNormalizer.normalize(text)
            let onceText = NormalizedText.string(once.scalars, 0..<once.scalars.count)
            let twice = VietnameseNormalizer.normalize(onceText)
            if twice.scalars != once.scalars {
                let common = min(once.scalars.count, twice.scalars.count)
                let i = (0..<common).first { once.scalars[$0] != twice.scalars[$0] } ?? common
                let context = NormalizedText.string(once.scalars, max(0, i - 15)..<min(once.scalars.count, i + 15))
                Issue.record("seed \(Fuzz.hex(seed)): normalising again changes the text at \(i), in \(context.debugDescription) -> \(NormalizedText.string(twice.scalars, max(0, i - 15)..<min(twice.scalars.count, i + 15)).debugDescription)")
            }
            #expect(once.starts.count == once.scalars.count)
            for k in once.scalars.indices where !(Int(once.starts[k]) <= Int(once.ends[k]) && Int(once.ends[k]) <= once.original.count) {
                Issue.record("seed \(Fuzz.hex(seed)): scalar \(k) maps outside the source")
                break
            }
        }
    }

    @Test("Random manifests and codebooks: a CSV, manifest or codebook error with a line, never a crash; loaded codebooks code")
    func randomManifestsAndCodebooks() throws {
        let root = try Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("d"), withIntermediateDirectories: true)
        for name in ["a.txt", "b.txt"] { try Data("Nội dung.\n".utf8).write(to: root.appendingPathComponent("d/\(name)")) }
        let manifestFields = ["document_id", "year", "file", "issuer", "level", "kind", "title", "date", "x", "a", "b", "2019", "19", "d/a.txt",
                              "d/b.txt", "d/./a.txt", "../a.txt", "/etc/hosts", "national", "provincial", "letter", "2019-02-30", "",
                              "\"q\"\"uo,te\"", "\"open", "tr\u{1}ẻ", "\u{FEFF}document_id"]
        let codebookFields = ["category_id", "dimension", "parent_id", "label_en", "patterns", "exclusions", "*", "theme", "activity",
                              "a", "b", "tảo hôn", "~tao hon", "vận động ... ủng hộ", "x ...99 y", "a ... b ... c", "; ;", "!!!",
                              "sở y tế @a @zz", "UBND", "\"x;y\"", "\"", "", "trẻ em", "...", "~", "@", "...0 a"]
        let sample = try Fixtures.parse("Tổ chức các hoạt động phòng chống tảo hôn và vận động các tổ chức ủng hộ trẻ em. UBND tỉnh.")
        for seed in Fuzz.seeds(0xC5F, count: 300) {
            var g = SplitMix64(seed: seed)
            let fields = g.chance(50) ? manifestFields : codebookFields
            var text = ""
            for line in 0..<g.int(0...6) {
                let count = line == 0 && g.chance(70) ? fields.count : g.int(1...10)
                text += (0..<count).map { i in line == 0 && g.chance(80) ? fields[i % fields.count] : g.pick(fields) }
                    .joined(separator: g.chance(95) ? "," : ";")
                text += g.pick(["\n", "\r\n", "\r", "\"\n"])
            }
            Fuzz.begin("randomManifestsAndCodebooks", seed: seed, input: Array(text.utf8))
            do {
                _ = try Manifest.parse(text, file: "m.csv", root: root)
            } catch {
                #expect(error.description.contains("m.csv") || error.description.contains("no document"), "seed \(Fuzz.hex(seed)): \(error)")
            }
            do {
                let (codebook, problems) = try CodebookLoader.check(text, file: "cb.csv")
                for problem in problems { #expect(problem.line >= 1 && problem.column >= 1, "seed \(Fuzz.hex(seed)): \(problem)") }
                if let codebook, problems.isEmpty {
                    let coding = Coder(codebook: codebook, abbreviations: try Abbreviations.bundled()).code(sample)
                    #expect(coding.counts.count == codebook.categories.count, "seed \(Fuzz.hex(seed))")
                }
            } catch {
                #expect("\(error)".contains("cb.csv"), "seed \(Fuzz.hex(seed)): \(error)")
            }
        }
    }
}
