import Foundation
import Testing
@testable import PolicyCompare

// Hostile directives (issue 6): whatever a ministry or province publishes goes through decode,
// normalise, parse and code, and comes out as a clear error or as a directive that keeps the
// invariants below. The decoder's own cases (BOMs, UTF-16 detection, legacy tables, truncation
// at the byte level) are in Corpus/TextDecoderTests.swift; these tests run the whole pipeline.

/// The whole reading pipeline on bytes, and the invariants every reading must keep. Shared with
/// `FuzzTests`.
enum HostilePipeline {
    enum Failure: Error { case missing(String) }

    /// The outcome of reading bytes: a decoding error (a clear refusal) or a coded directive.
    enum Outcome {
        case rejected(DecodingError)
        case read(Directive, DocumentCoding)

        var directive: Directive? {
            if case .read(let d, _) = self { return d }
            return nil
        }
    }

    static let coder: Coder? = {
        guard let codebook = Fixtures.codebook, let abbreviations = try? Abbreviations.bundled() else { return nil }
        return Coder(codebook: codebook, abbreviations: abbreviations)
    }()

    static func metadata(_ id: String = "hostile", year: Int = 2019) -> DocumentMetadata {
        DocumentMetadata(id: id, year: year, file: "directives/\(id).txt", issuer: "Bộ Lao động - Thương binh và Xã hội",
                         level: "national", kind: "letter")
    }

    /// Decodes, normalises, parses and codes `bytes`. A `DecodingError` is a legitimate
    /// outcome; any other error is rethrown (and is a finding).
    static func run(_ bytes: [UInt8], source: String = "directives/hostile.txt", id: String = "hostile") throws -> Outcome {
        guard let reader = Fixtures.reader else { throw Failure.missing("DirectiveReader") }
        guard let coder else { throw Failure.missing("Coder") }
        let directive: Directive
        do {
            directive = try reader.read(bytes: bytes, source: source, metadata: metadata(id), inferMetadata: false)
        } catch let error as DecodingError {
            return .rejected(error)
        }
        return .read(directive, coder.code(directive))
    }

    /// Text that is only a list marker ("-", "IV.", "1.2.3.", "a)"): the parser drops such a line.
    static func isBareMarker(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.count == 1, "-+*•◦▪".contains(t) { return true }
        if t.count == 2, let first = t.first, first.isLowercase, t.last == ")" { return true }
        let body = t.hasSuffix(".") || t.hasSuffix(")") ? String(t.dropLast()) : t
        if !body.isEmpty, body.count <= 5, body.allSatisfy({ "IVXLC".contains($0) }) { return true }
        let groups = body.split(separator: ".", omittingEmptySubsequences: false)
        return !body.isEmpty && groups.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// Every invariant of a reading, as messages (empty when all hold):
    /// - the normalised text maps back into the source, in order;
    /// - segment paths are unique, parents come first, each segment's text is the source at its offsets;
    /// - every body character is in exactly one segment (list markers excepted), and no segment
    ///   holds text from outside the body;
    /// - every quote of a fact (theme, period, slogans, references, actors, deadlines) is the source at its offsets;
    /// - every evidence quote and sentence is the source at its offsets, inside its segment;
    /// - a category is present exactly when evidence exists, and counts equal evidence rows.
    static func violations(_ d: Directive, _ coding: DocumentCoding?) -> [String] {
        var problems: [String] = []
        let original = d.text.original
        let scalars = d.text.scalars
        func source(_ r: Range<Int>) -> String? {
            r.lowerBound >= 0 && r.upperBound <= original.count ? NormalizedText.string(original, r) : nil
        }
        func shown(_ text: String) -> String { String(text.prefix(60)).debugDescription }

        // Normalised text -> source map.
        if d.text.starts.count != scalars.count || d.text.ends.count != scalars.count {
            problems.append("normalised text has \(scalars.count) scalars but \(d.text.starts.count)/\(d.text.ends.count) map entries")
            return problems
        }
        var previous = 0
        for k in scalars.indices {
            let s = Int(d.text.starts[k]), e = Int(d.text.ends[k])
            if s < 0 || s > e || e > original.count {
                problems.append("normalised scalar \(k) maps to \(s)..<\(e), outside the source (\(original.count) scalars)")
                break
            }
            if s < previous {
                problems.append("normalised scalar \(k) maps back to \(s), before scalar \(k - 1) (\(previous)): the map is not in order")
                break
            }
            previous = s
        }

        // Segments.
        var paths = Set<String>()
        var coverage = [Int](repeating: 0, count: scalars.count)
        var markers = [Bool](repeating: false, count: scalars.count)
        for (index, segment) in d.segments.enumerated() {
            let name = "segment #\(index) '\(segment.path)'"
            if !paths.insert(segment.path).inserted { problems.append("\(name): path is used by an earlier segment") }
            if !segment.parent.isEmpty && !paths.contains(segment.parent) {
                problems.append("\(name): parent '\(segment.parent)' is not an earlier segment")
            }
            let r = segment.normalizedRange
            guard r.lowerBound >= 0, r.upperBound <= scalars.count, !r.isEmpty else {
                problems.append("\(name): normalised range \(r) is empty or outside the text (\(scalars.count))")
                continue
            }
            if source(segment.sourceRange) != segment.text {
                problems.append("\(name): text \(shown(segment.text)) is not the source at \(segment.sourceRange)")
            }
            for i in r { coverage[i] += 1 }
            if !segment.marker.isEmpty {
                var end = r.lowerBound
                while end > 0, scalars[end - 1] == " " || scalars[end - 1] == "\n" { end -= 1 }
                let marker = Array(segment.marker.unicodeScalars)
                let start = end - marker.count
                if start >= 0, Array(scalars[start..<end]) == marker {
                    for i in start..<end { markers[i] = true }
                }
            }
        }
        if let reader = Fixtures.reader {
            let layout = DocumentLayout(d.text, vocabulary: reader.parser.vocabulary)
            var body = [Bool](repeating: false, count: scalars.count)
            for line in layout.content {
                let bare = isBareMarker(NormalizedText.string(scalars, line.range))
                for i in line.range where i < scalars.count {
                    body[i] = true
                    if bare { markers[i] = true }
                }
                // Bold markers around a line ("**I. MỤC ĐÍCH**") are set aside like a marker.
                let r = line.range
                if r.count >= 3, r.upperBound <= scalars.count, scalars[r.lowerBound] == "*", scalars[r.lowerBound + 1] == "*" {
                    var i = r.lowerBound
                    while i < r.upperBound, scalars[i] == "*" || scalars[i] == " " { markers[i] = true; i += 1 }
                    var j = r.upperBound
                    while j > i, scalars[j - 1] == "*" || scalars[j - 1] == " " { j -= 1; markers[j] = true }
                }
            }
            // An inline clause marker whose clause is empty ("(i) (ii) ...") is dropped like a bare list marker.
            var i = 0
            while i < scalars.count {
                guard body[i], coverage[i] == 0, scalars[i] == "(" else { i += 1; continue }
                var j = i + 1
                while j < scalars.count, j - i <= 6, scalars[j] != ")" { j += 1 }
                if j < scalars.count, scalars[j] == ")",
                   ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].contains(NormalizedText.string(scalars, (i + 1)..<j)) {
                    for k in i...j { markers[k] = true }
                }
                i = j
            }
            var twice: [Int] = [], outside: [Int] = [], missing: [Int] = []
            for i in scalars.indices where scalars[i] != " " && scalars[i] != "\n" {
                if coverage[i] > 1 { twice.append(i) }
                else if coverage[i] == 1 && !body[i] { outside.append(i) }
                else if coverage[i] == 0 && body[i] && !markers[i] { missing.append(i) }
            }
            func describe(_ list: [Int], _ what: String) {
                guard let first = list.first else { return }
                let context = NormalizedText.string(scalars, max(0, first - 20)..<min(scalars.count, first + 20))
                problems.append("\(list.count) normalised characters \(what); the first, at \(first), in \(shown(context))")
            }
            describe(twice, "are in more than one segment")
            describe(outside, "outside the body (head, recipients, signature) are in a segment")
            describe(missing, "of the body are in no segment")
        }

        // Facts.
        var quotes: [(String, String, Range<Int>)] = []
        if let theme = d.theme { quotes.append(("theme", theme.text, theme.sourceRange)) }
        if let period = d.period { quotes.append(("period", period.quote, period.sourceRange)) }
        quotes += d.slogans.map { ("slogan", $0.text, $0.sourceRange) }
        quotes += d.references.map { ("reference \($0.key)", $0.quote, $0.sourceRange) }
        quotes += d.actors.map { ("actor \($0.id)", $0.quote, $0.sourceRange) }
        quotes += d.deadlines.map { ("deadline \($0.date)", $0.quote, $0.sourceRange) }
        for (what, quote, range) in quotes where source(range) != quote {
            problems.append("\(what): quote \(shown(quote)) is not the source at \(range)")
        }
        if d.tokens.count != d.segments.count {
            problems.append("\(d.tokens.count) token lists for \(d.segments.count) segments")
        }

        // Coding.
        guard let coding else { return problems }
        for e in coding.evidence {
            let name = "evidence \(e.categoryID) at \(e.matchRange)"
            if source(e.matchRange) != e.matched { problems.append("\(name): matched \(shown(e.matched)) is not the source at its offsets") }
            if source(e.sentenceRange) != e.sentence { problems.append("\(name): sentence \(shown(e.sentence)) is not the source at its offsets") }
            if !(e.sentenceRange.lowerBound <= e.matchRange.lowerBound && e.matchRange.upperBound <= e.sentenceRange.upperBound) {
                problems.append("\(name): match lies outside its sentence \(e.sentenceRange)")
            }
            if !d.segments.contains(where: { $0.path == e.segmentPath && $0.sourceRange.lowerBound <= e.matchRange.lowerBound
                && e.matchRange.upperBound <= $0.sourceRange.upperBound }) {
                problems.append("\(name): not inside its segment '\(e.segmentPath)'")
            }
        }
        if coding.counts.count != (coder?.codebook.categories.count ?? coding.counts.count) {
            problems.append("\(coding.counts.count) counts for \(coder?.codebook.categories.count ?? 0) categories")
        }
        for count in coding.counts {
            let rows = coding.evidence.count { $0.categoryID == count.categoryID }
            if count.present != (rows > 0) { problems.append("\(count.categoryID): present is \(count.present) but it has \(rows) evidence rows") }
            if count.matches != rows { problems.append("\(count.categoryID): \(count.matches) matches but \(rows) evidence rows") }
        }
        let coded = Set(coding.evidence.map(\.segmentPath))
        if !Set(coding.uncoded.map(\.segmentPath)).isDisjoint(with: coded) { problems.append("a segment is both coded and uncoded") }
        if coding.uncoded.count + d.segments.filter({ coded.contains($0.path) }).count != d.segments.count {
            problems.append("coded and uncoded segments do not add up to the \(d.segments.count) segments")
        }
        return problems
    }

    /// Reads bytes and records every violated invariant; returns the outcome.
    @discardableResult
    static func expectInvariants(_ bytes: [UInt8], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
        let outcome = try run(bytes)
        if case .read(let d, let coding) = outcome {
            for problem in violations(d, coding) {
                Issue.record("\(label): \(problem)", sourceLocation: sourceLocation)
            }
        }
        return outcome
    }

    /// A shipped directive's text.
    static func shipped(_ id: String) throws -> String {
        let data = try Data(contentsOf: Fixtures.datasets.appendingPathComponent("directives/\(id).txt"))
        guard let text = String(data: data, encoding: .utf8) else { throw Failure.missing("\(id) as UTF-8") }
        return text
    }
}

// MARK: - Encodings

/// Encoders for the forms researchers receive texts in.
enum HostileEncoding {
    static func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
    }

    /// Windows-1258 as Word writes it: shaped letters whole, tone marks as combining bytes after them.
    static func windows1258(_ text: String) -> [UInt8]? {
        guard let table = LegacyCodePage.windows1258 else { return nil }
        let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
        var out: [UInt8] = []
        for character in text {
            var tone: Unicode.Scalar?
            var rest = String.UnicodeScalarView()
            for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
                if tones.contains(scalar.value) { tone = scalar } else { rest.append(scalar) }
            }
            guard let base = table.encode(String(rest).precomposedStringWithCanonicalMapping) else { return nil }
            out += base
            if let tone {
                guard let mark = table.encode(String(Character(tone))) else { return nil }
                out += mark
            }
        }
        return out
    }

    static func vni(_ text: String) -> [UInt8]? {
        (try? LegacyCodePage.vni.get())?.encode(text.precomposedStringWithCanonicalMapping)
    }

    /// TCVN3 has no capitals with tone marks: those letters are lower-cased, as in a .VnTime file.
    static func tcvn3(_ text: String) -> [UInt8]? {
        guard let table = try? LegacyCodePage.tcvn3.get() else { return nil }
        let representable = String(text.precomposedStringWithCanonicalMapping.map { c in
            table.encode(String(c)) == nil ? Character(c.lowercased()) : c
        })
        return table.encode(representable)
    }
}

@Suite("Hostile directives: every reading keeps its invariants")
struct HostileDirectiveTests {
    static let ids = Fixtures.ids

    // MARK: Refused inputs

    /// A minimal .docx: a STORED ZIP holding word/document.xml, as Word would hand it over.
    static let docx: [UInt8] = {
        let name = Array("word/document.xml".utf8)
        let body = Array("<w:document><w:body><w:p><w:r><w:t>Tháng hành động vì trẻ em</w:t></w:r></w:p></w:body></w:document>".utf8)
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v & 0xFFFF) + u16(v >> 16 & 0xFFFF) }
        let local = [0x50, 0x4B, 0x03, 0x04] + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(body.count) + u32(body.count)
            + u16(name.count) + u16(0) + name + body
        let central = [0x50, 0x4B, 0x01, 0x02] + u16(20) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(body.count)
            + u32(body.count) + u16(name.count) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(0) + name
        let end = [0x50, 0x4B, 0x05, 0x06] + u16(0) + u16(0) + u16(1) + u16(1) + u32(central.count) + u32(local.count) + u16(0)
        return local + central + end
    }()

    static let refused: [(name: String, bytes: [UInt8], says: String)] = [
        ("empty file", [], "is empty"),
        ("whitespace only", Array(" \r\n\t \u{3000}\n\u{2028}\u{200B}\n".utf8), "only whitespace"),
        ("JPEG photo of a page", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [UInt8](repeating: 0x80, count: 64), "JPEG image"),
        ("GIF scan", Array("GIF89a".utf8) + [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00], "GIF image"),
        ("PDF export", Array("%PDF-1.5\n%\u{E2}\u{E3}\n1 0 obj << /Type /Catalog >>\nendobj\n".utf8), "PDF document"),
        (".docx saved instead of .txt", docx, ".docx"),
        ("NUL bytes inside UTF-8 text", Array("Tháng hành động vì trẻ em\n".utf8) + [0, 0, 0] + Array("Nội dung kế hoạch năm 2019.\n".utf8), "NUL"),
        ("UTF-8 damaged in the middle", Array("Kế hoạch triển khai Tháng hành động".utf8) + [0xC3, 0x28] + Array(" vì trẻ em năm 2019".utf8), "offset"),
    ]

    @Test("Broken files are refused with an error that names the file, says what it looks like and how to fix it",
          arguments: 0..<refused.count)
    func refusedInputs(_ index: Int) throws {
        let input = Self.refused[index]
        let outcome = try HostilePipeline.run(input.bytes, source: "Datasets/directives/bad-input.txt")
        guard case .rejected(let error) = outcome else {
            Issue.record("\(input.name): read without error; expected a refusal mentioning \(input.says)")
            return
        }
        let message = error.description
        #expect(message.hasPrefix("Datasets/directives/bad-input.txt"), "\(input.name): \(message)")
        #expect(message.contains(input.says), "\(input.name): \(message)")
        #expect(message.contains("expected") || message.contains("Expected"), "\(input.name): says what was expected: \(message)")
        #expect(message.contains("try again") || message.contains("export") || message.contains("Save As"), "\(input.name): gives a fix: \(message)")
    }

    // MARK: Every encoding reads to the same structure and coding

    static let forms = ["UTF-8 NFD", "UTF-8 BOM CRLF", "UTF-16LE no BOM", "UTF-16BE no BOM", "Windows-1258", "VNI", "TCVN3", "UTF-8 mojibake of VNI"]

    static func encode(_ text: String, as form: String) -> [UInt8]? {
        switch form {
        case "UTF-8 NFD": Array(text.decomposedStringWithCanonicalMapping.utf8)
        case "UTF-8 BOM CRLF": [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        case "UTF-16LE no BOM": HostileEncoding.utf16(text, littleEndian: true)
        case "UTF-16BE no BOM": HostileEncoding.utf16(text, littleEndian: false)
        case "Windows-1258": HostileEncoding.windows1258(text)
        case "VNI": HostileEncoding.vni(text)
        case "TCVN3": HostileEncoding.tcvn3(text)
        case "UTF-8 mojibake of VNI":
            HostileEncoding.vni(text).map { bytes in
                Array(String(String.UnicodeScalarView(bytes.compactMap { Unicode.Scalar(LegacyCodePage.windows1252[Int($0)]) })).utf8)
            }
        default: nil
        }
    }

    @Test("Each shipped directive in each encoding: same segments and coding as UTF-8, quotes are the source's own",
          arguments: forms)
    func encodingsReadAlike(_ form: String) throws {
        for id in Self.ids {
            let text = try HostilePipeline.shipped(id)
            guard case .read(let reference, let referenceCoding) = try HostilePipeline.run(Array(text.utf8)) else {
                Issue.record("\(id) does not read as UTF-8")
                continue
            }
            let bytes = try #require(Self.encode(text, as: form), "\(id) cannot be written as \(form)")
            let outcome = try HostilePipeline.expectInvariants(bytes, "\(id) as \(form)")
            guard case .read(let d, let coding) = outcome else {
                Issue.record("\(id) as \(form) was refused: \(outcome)")
                continue
            }
            // TCVN3 lower-cases capitals with tones, which changes what the layout sees; it only keeps the invariants.
            guard form != "TCVN3" else { continue }
            #expect(d.segments.map(\.path) == reference.segments.map(\.path), "\(id) as \(form): segment paths differ")
            // Segment texts are the source's own wording: compare them as NFC with LF line ends.
            func plain(_ text: String) -> String { text.precomposedStringWithCanonicalMapping.replacingOccurrences(of: "\r\n", with: "\n") }
            #expect(d.segments.map { plain($0.text) } == reference.segments.map(\.text), "\(id) as \(form): segment texts differ")
            #expect(coding.counts == referenceCoding.counts, "\(id) as \(form): coding differs")
            #expect(d.theme?.text.precomposedStringWithCanonicalMapping == reference.theme?.text, "\(id) as \(form): theme differs")
        }
    }

    @Test("UTF-8 cut off inside a letter reads, with a note, and keeps the invariants")
    func truncatedDirective() throws {
        let bytes = Array(try HostilePipeline.shipped("2019-lang-son").utf8)
        // Cut inside the last multi-byte letter of the first 3,000 bytes.
        var cut = 3_000
        while cut > 0 && bytes[cut] & 0xC0 != 0x80 { cut -= 1 }
        let outcome = try HostilePipeline.expectInvariants(Array(bytes[..<cut]), "cut at \(cut)")
        guard case .read(let d, _) = outcome else {
            Issue.record("a truncated UTF-8 file is refused: \(outcome)")
            return
        }
        #expect(d.notes.contains { $0.contains("cut off") })
    }

    @Test("Control characters, zero-width and bidi marks, emoji and private-use letters inside the text")
    func strangeCharacters() throws {
        var text = try HostilePipeline.shipped("2013-molisa")
        for (needle, replacement) in [("trẻ em", "tr\u{200B}ẻ\u{00AD} em"), ("Tháng", "\u{202E}Tháng\u{202C}"), ("năm", "n\u{0007}ăm"),
                                      ("hành", "hành\u{1F476}"), ("Bộ", "\u{E000}Bộ"), ("Xã hội", "Xã\u{00A0}\u{00A0}hội"), (":", ":\u{FEFF}")] {
            if let range = text.range(of: needle) { text.replaceSubrange(range, with: replacement) }
        }
        let outcome = try HostilePipeline.expectInvariants(Array(text.utf8), "strange characters")
        #expect(outcome.directive != nil, "\(outcome)")
    }

    // MARK: Size

    @Test("A single 1 MB line of prose (sentences, no line break) is one segment and keeps the invariants")
    func oneMegabyteLine() throws {
        let words = ["tổ", "chức", "các", "hoạt", "động", "phòng,", "chống", "tảo", "hôn", "cho", "trẻ", "em", "vùng", "sâu", "vùng", "xa."]
        var line = ""
        var k = 0
        while line.utf8.count < 1_000_000 {
            line += (k % words.count == 0 ? "Đề nghị " : "") + words[k % words.count] + " "
            k += 1
        }
        let outcome = try HostilePipeline.expectInvariants(Array(line.utf8), "1 MB line")
        guard case .read(let d, let coding) = outcome else {
            Issue.record("a 1 MB line is refused: \(outcome)")
            return
        }
        #expect(d.segments.count == 1)
        #expect(coding.counts.first { $0.categoryID == "child_marriage" }?.present == true)
    }

    @Test("A long line without sentence stops: evidence does not copy the whole sentence for every match")
    func longSentenceEvidenceIsBounded() throws {
        // 100 KB of one "sentence" (commas only) with "tảo hôn" every 20 phrases: over 100 matches.
        var line = "Đề nghị"
        var k = 0
        while line.utf8.count < 100_000 {
            line += k % 20 == 0 ? " phòng, chống tảo hôn," : " tổ chức hoạt động cho trẻ em,"
            k += 1
        }
        guard case .read(_, let coding) = try HostilePipeline.expectInvariants(Array(line.utf8), "long sentence") else {
            Issue.record("refused")
            return
        }
        let matches = coding.evidence.count
        let quoted = coding.evidence.reduce(0) { $0 + $1.sentence.utf8.count }
        #expect(matches > 100)
        // Every match quotes the full 100 KB sentence: evidence grows as matches x sentence length
        // (a 1 MB line with 20,000 matches needs 20 GB). A bounded context would be a few hundred bytes per match.
        #expect(quoted <= 4 * line.utf8.count,
                "\(matches) evidence rows quote \(quoted) bytes of sentence for a \(line.utf8.count)-byte text")
    }

    @Test("A 1 MB 'word' without spaces, and a 1 MB run of list numbers, keep the invariants",
          arguments: ["ệ", "a", "1.", "(i)", "-"])
    func oneMegabyteToken(_ unit: String) throws {
        let count = 1_000_000 / unit.utf8.count
        let outcome = try HostilePipeline.expectInvariants(Array(("Nội dung: " + String(repeating: unit, count: count) + "\n").utf8), "1 MB of \(unit)")
        #expect(outcome.directive != nil, "\(outcome)")
    }

    /// Writes a 50 MB directive (the shipped texts repeated) into a fresh temporary folder.
    static func fiftyMegabyteFile() throws -> (folder: URL, file: URL) {
        let folder = try Fixtures.temporaryFolder()
        let file = folder.appendingPathComponent("huge.txt")
        var unit = Array(try Self.ids.map(HostilePipeline.shipped).joined(separator: "\n").utf8)
        unit.append(0x0A)
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        var written = 0
        while written < 50 * 1024 * 1024 {
            try handle.write(contentsOf: unit)
            written += unit.count
        }
        try handle.close()
        return (folder, file)
    }

    /// The whole pipeline on 50 MB takes over 20 minutes in a debug build (FactExtractor works
    /// per token with String keys, and `slogans()` is quadratic in segments): it runs in release
    /// builds (`swift test -c release -Xswiftc -enable-testing`) or with PC_LARGE_INPUTS=1.
    static let largeInputs: Bool = {
        if ProcessInfo.processInfo.environment["PC_LARGE_INPUTS"] != nil { return true }
        #if DEBUG
        return false
        #else
        return true
        #endif
    }()

    @Test("A 50 MB directive file is decoded whole, from samples, without error; nothing is timed")
    func fiftyMegabytesDecode() throws {
        let (folder, file) = try Self.fiftyMegabyteFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = Array(try Data(contentsOf: file))
        #expect(bytes.count >= 50 * 1024 * 1024)
        let decoded = try TextDecoder.decode(bytes, source: file.path)
        #expect(decoded.encoding == .utf8 && decoded.notes.isEmpty)
        #expect(decoded.text.utf8.count == bytes.count)
    }

    @Test("A 50 MB directive goes through normalise, parse and code; quotes stay the source's own; nothing is timed",
          .enabled(if: HostileDirectiveTests.largeInputs, "50 MB through a debug build takes over 20 minutes; set PC_LARGE_INPUTS=1 or test in release"))
    func fiftyMegabytesPipeline() throws {
        let (folder, file) = try Self.fiftyMegabyteFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try HostilePipeline.run(Array(try Data(contentsOf: file)), source: file.path)
        guard case .read(let d, let coding) = outcome else {
            Issue.record("a 50 MB text is refused: \(outcome)")
            return
        }
        #expect(d.segments.count > 10_000)
        #expect(coding.counts.contains { $0.present })
        for e in coding.evidence.suffix(50) {
            #expect(NormalizedText.string(d.text.original, e.matchRange) == e.matched)
        }
        for segment in d.segments.suffix(50) {
            #expect(NormalizedText.string(d.text.original, segment.sourceRange) == segment.text)
        }
    }

    // MARK: Structure

    @Test("Numbering 30 levels deep nests 30 levels, each under its parent")
    func thirtyLevels() throws {
        var lines = ["Kính gửi: Ủy ban nhân dân các tỉnh", "Bộ đề nghị các địa phương thực hiện các nội dung sau:"]
        for depth in 1...30 {
            lines.append(Array(repeating: "2", count: depth).joined(separator: ".") + ". Hoạt động cấp \(depth) phòng chống tảo hôn và đuối nước")
        }
        let outcome = try HostilePipeline.expectInvariants(Array(lines.joined(separator: "\n").utf8), "30 levels")
        let d = try #require(outcome.directive)
        let items = d.segments.filter { $0.role == .item || $0.role == .heading }
        #expect(items.count == 30)
        #expect(items.map(\.depth) == Array(0..<30))
        #expect(items.last?.path == Array(repeating: "2", count: 30).joined(separator: "."))
        for (parent, child) in zip(items, items.dropFirst()) { #expect(child.parent == parent.path) }
    }

    @Test("Thirty levels of mixed markers (Roman, numbers, letters, bullets) keep the invariants")
    func thirtyMixedLevels() throws {
        let markers = ["I.", "1.", "1.1.", "a)", "-", "+", "*", "•", "1.1.1.", "1.1.1.1."]
        var lines = ["Nội dung kế hoạch:"]
        for depth in 0..<30 {
            lines.append("\(markers[depth % markers.count]) Mục \(depth) về trẻ em có hoàn cảnh đặc biệt")
        }
        let outcome = try HostilePipeline.expectInvariants(Array(lines.joined(separator: "\n").utf8), "mixed levels")
        let d = try #require(outcome.directive)
        let lost = (0..<30).filter { k in !d.segments.contains { $0.text.hasPrefix("Mục \(k) ") } }
        #expect(lost.isEmpty, "items that are not segments of their own (merged into the line before): \(lost.map { lines[$0 + 1] })")
    }

    @Test("A lettered item after a line without final punctuation is an item, not a continuation of that line")
    func letterItemAfterUnfinishedLine() throws {
        let text = "1. Tổ chức các hoạt động sau\na) tuyên truyền phòng chống tảo hôn\nb) tập huấn kỹ năng\n"
        let d = try #require(try HostilePipeline.expectInvariants(Array(text.utf8), "letter items").directive)
        #expect(d.segments.map(\.path) == ["1", "1.a", "1.b"], "\(d.segments.map { ($0.path, $0.text) })")
    }

    @Test("A lower-case line after the recipients block does not pull 'Nơi nhận' into the body")
    func continuationDoesNotCrossTheRecipients() throws {
        let text = "Các đơn vị thực hiện kế hoạch\nNơi nhận:\n- Như trên;\nbáo cáo kết quả về Bộ\n"
        let d = try #require(try HostilePipeline.expectInvariants(Array(text.utf8), "recipients").directive)
        #expect(d.recipients == ["Như trên"])
        #expect(!d.segments.contains { $0.text.contains("Nơi nhận") || $0.text.contains("Như trên") },
                "recipients are coded as body: \(d.segments.map(\.text))")
    }

    @Test("An invisible character inside a word (soft hyphen, zero-width joiner) does not stop tone placement",
          arguments: [("ho\u{00AD}à bình", "hòa bình"), ("thu\u{200D}ỷ sản", "thủy sản"), ("kho\u{200B}ẻ mạnh", "khỏe mạnh")])
    func invisibleCharacterInsideAWord(_ input: String, _ expected: String) {
        let normalized = VietnameseNormalizer.normalize(input)
        #expect(NormalizedText.string(normalized.scalars, 0..<normalized.scalars.count) == expected)
    }

    @Test("Inline clauses followed by more prose do not give two segments the same path")
    func clauseTailPathIsUnique() throws {
        let text = "2. Các hoạt động gồm (i) truyền thông; (ii) tập huấn. Các đơn vị thực hiện\nThực hiện nghiêm túc nội dung trên.\n"
        let outcome = try HostilePipeline.expectInvariants(Array(text.utf8), "clause tail")
        let d = try #require(outcome.directive)
        let paths = d.segments.map(\.path)
        #expect(Set(paths).count == paths.count, "duplicate segment paths: \(paths)")
    }

    @Test("Prose with no structure over many lines is all body: paragraphs at the top level, and coded")
    func proseWithoutStructure() throws {
        let text = """
        Trong những năm qua công tác chăm lo cho trẻ em đã đạt được nhiều kết quả quan trọng
        Tuy nhiên tình trạng tảo hôn vẫn còn xảy ra ở nhiều địa phương miền núi
        Các cơ quan cần phối hợp chặt chẽ để phòng chống đuối nước cho trẻ em trong dịp hè
        """
        let outcome = try HostilePipeline.expectInvariants(Array(text.utf8), "prose")
        guard case .read(let d, let coding) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(d.segments.count == 3)
        #expect(d.segments.allSatisfy { $0.role == .paragraph && $0.part == .body && $0.depth == 0 })
        #expect(coding.counts.first { $0.categoryID == "child_marriage" }?.present == true)
    }

    @Test("A directive written in English reads, keeps the invariants and codes no Vietnamese category")
    func englishDirective() throws {
        let text = """
        MINISTRY OF LABOUR, INVALIDS AND SOCIAL AFFAIRS
        SOCIALIST REPUBLIC OF VIET NAM
        No: 1332/LDTBXH-TE
        Hanoi, 8 April 2019

        To: People's Committees of provinces and cities

        In order to implement the Month of Action for Children in 2019, the Ministry requests:
        I. PURPOSE AND REQUIREMENTS
        1. Raise awareness of child protection, care and education; prevent child marriage, drowning and injury.
        2. Mobilise resources to support poor children and ethnic minority children.
        a) Organise the launch ceremony on 1 June.
        - Report the results before 5 July 2019.
        II. THEME
        The theme of the month is "Join hands for poor children and ethnic minority children".
        Recipients:
        - As above;
        - Archive.
        MINISTER
        """
        let outcome = try HostilePipeline.expectInvariants(Array(text.utf8), "English")
        guard case .read(let d, let coding) = outcome else {
            Issue.record("an English directive is refused: \(outcome)")
            return
        }
        #expect(!d.segments.isEmpty)
        let present = coding.counts.filter(\.present).map(\.categoryID)
        #expect(present.isEmpty, "English text codes Vietnamese categories: \(present) from \(coding.evidence.map(\.matched))")
    }

    @Test("A document that is all capitals or all head matter has no body, codes nothing, and does not crash")
    func noBodyAtAll() throws {
        for text in ["BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKẾ HOẠCH\n",
                     "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n", "Kính gửi:\n- Ủy ban nhân dân các tỉnh\n", "- \n+ \n* \nIV.\n1.\na)\n"] {
            let outcome = try HostilePipeline.expectInvariants(Array(text.utf8), text.debugDescription)
            guard case .read(_, let coding) = outcome else { continue }
            #expect(coding.syllables >= 0 && coding.counts.allSatisfy { coding.rate($0).isFinite })
        }
    }
}

// MARK: - Codebooks

@Suite("Hostile codebooks: every problem is named with its line and column")
struct HostileCodebookTests {
    static let header = "category_id,dimension,parent_id,label_en,label_vi,definition,patterns,exclusions\n"

    func problems(_ rows: String, header: String = HostileCodebookTests.header) throws -> [CodebookProblem] {
        try CodebookLoader.check(header + rows, file: "cb.csv").1
    }

    @Test("Malformed CSV is a CSV error with the line", arguments: [
        ("a,theme,,\"A,,,x,\n", "never closes"),
        ("a,theme,,\"A\"x,,,x,\n", "text follows a closing quote"),
        ("a,theme,,A,,,x\n", "expected 8 fields"),
        ("a,theme,,A,,,x,,extra\n", "expected 8 fields"),
        ("a,theme,,A \"quoted\",,,x,\n", "appears inside an unquoted field"),
    ])
    func malformedCSV(_ rows: String, _ message: String) {
        do {
            _ = try problems(rows)
            Issue.record("malformed CSV accepted: \(rows.debugDescription)")
        } catch {
            #expect("\(error)".contains("cb.csv:2"), "\(error)")
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test("A codebook with only a header, or a duplicated column, is refused")
    func emptyAndDuplicateColumns() throws {
        #expect(try problems("").map(\.message).contains { $0.contains("no categories") })
        do {
            _ = try problems("a,theme,A,x\n", header: "category_id,dimension,label_en,patterns,patterns\n")
            Issue.record("a duplicated column was accepted")
        } catch {
            #expect("\(error)".contains("appears twice"))
        }
    }

    @Test("A codebook saved in Windows-1258 instead of UTF-8 is refused with the fix")
    func notUTF8() throws {
        let url = try Fixtures.temporaryFolder().appendingPathComponent("cb.csv")
        var bytes = Array(Self.header.utf8)
        bytes += Array("child_marriage,theme,,Child marriage,T".utf8) + [0xE3, 0xF5, 0xEC] + Array(",,t,\n".utf8)
        try Data(bytes).write(to: url)
        do {
            _ = try CodebookLoader.load(url)
            Issue.record("a Windows-1258 codebook loaded")
        } catch {
            #expect(error.description.contains(url.path) && error.description.contains("UTF-8"), "\(error)")
        }
    }

    @Test("A category whose patterns are only separators has no usable pattern")
    func onlySeparators() throws {
        let p = try problems("a,theme,,A,,,; ;,\n")
        #expect(!p.isEmpty)
        #expect(p.allSatisfy { $0.line == 2 && $0.column == 7 }, "\(p)")
    }

    @Test("The '*' row with patterns, or with a dimension, is a problem")
    func globalRowMisuse() throws {
        let p = try problems("*,theme,,All,,,tảo hôn,sở y tế\na,theme,,A,,,x,\n")
        #expect(p.contains { $0.column == 2 && $0.message.contains("dimension '*'") }, "\(p)")
        #expect(p.contains { $0.column == 7 && $0.message.contains("exclusions only") }, "\(p)")
    }

    @Test("A category that names itself as parent is a problem")
    func selfParent() throws {
        let p = try problems("a,theme,a,A,,,x,\n")
        #expect(p.contains { $0.column == 3 && $0.message.contains("itself") }, "\(p)")
    }

    @Test("A pattern written as an abbreviation can never match (text abbreviations are expanded first)",
          arguments: ["UBND", "~HDVTE", "tuyên truyền ... UBND"])
    func abbreviationPatternCannotMatch(_ pattern: String) throws {
        let p = try problems("a,activity,,A,,,\(pattern),\n")
        #expect(p.contains { $0.line == 2 && $0.column == 7 }, "pattern '\(pattern)' can never match, but no problem is reported: \(p)")
        // And indeed it never matches, even in a text that contains it.
        let codebook = try #require(try CodebookLoader.check(Self.header + "a,activity,,A,,,\(pattern),\n", file: "cb.csv").0)
        let coder = Coder(codebook: codebook, abbreviations: try Abbreviations.bundled())
        let d = try Fixtures.parse("Đề nghị UBND các tỉnh tuyên truyền về Tháng HĐVTE và UBND tỉnh.")
        #expect(coder.code(d).counts.first?.present == false)
    }

    @Test("The fix for a pattern with an abbreviation spells it out and keeps the rest of the pattern")
    func abbreviationFixKeepsTheRest() throws {
        let p = try problems("a,activity,,A,,,UBND huyện,\n")
        #expect(p.contains { $0.message.contains("contains the abbreviation 'UBND'") && $0.message.hasSuffix("write 'Ủy ban nhân dân huyện' instead") }, "\(p)")
    }

    @Test("A pattern that spans a sentence stop can never match as written")
    func patternAcrossSentences() throws {
        let p = try problems("a,theme,,A,,,tảo hôn. trẻ em,\n")
        #expect(p.contains { $0.line == 2 && $0.column == 7 }, "no problem for a pattern with '.' inside: \(p)")
    }

    @Test("Unknown dimension, unknown parent, duplicate id and empty pattern are all listed at once, in order")
    func everyProblemAtOnce() throws {
        let p = try problems("a,topic,,A,,,x,\nb,theme,ghost,B,,,x ; ,\nb,theme,,B2,,,y,\nc,activity,,C,,,,\n")
        #expect(p.map(\.line) == p.map(\.line).sorted())
        #expect(Set(p.map(\.line)) == [2, 3, 4, 5], "\(p.map(\.description))")
    }
}
