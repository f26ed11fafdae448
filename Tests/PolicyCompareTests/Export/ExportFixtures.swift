import Foundation
import TestSupport
@testable import PolicyCompare

/// Tables and byte helpers shared by the export tests.
enum ExportFixtures {
    /// "Hỗ trợ người lao động" in NFC and the same words decomposed (NFD), which Swift's `==`
    /// cannot tell apart.
    static let vietnameseNFC = "Hỗ trợ người lao động"
    static let vietnameseNFD = "Ho\u{0302}\u{0303} tro\u{031B}\u{0323} ngu\u{031B}o\u{031B}\u{0300}i lao \u{0111}o\u{0302}\u{0323}ng"

    static let formulaLike = "=HYPERLINK(\"http://x\")"
    static let messy = "a, \"quoted\"\nline"

    /// A tidy year-by-category table with every cell kind and the awkward cases readers trip on.
    static let codingByYear = Table(
        name: "coding_by_year",
        description: "One row per year and policy category: documents present and keyword matches.",
        columns: [
            Column("year", .integer, title: "Year", description: "Year the directive was issued."),
            Column("category_id", .string, title: "Category", description: "Stable category id."),
            Column("label_vi", .string, title: "Label (Vietnamese)", description: "Category label in Vietnamese."),
            Column("label_en", .string, title: "Label (English)", description: "Category label in English."),
            Column("matches", .integer, title: "Matches", description: "Keyword matches in that year's documents."),
            Column("change", .number, title: "Change", description: "Change in matches per 1,000 words since the year before."),
            Column("present", .boolean, title: "Present", description: "Whether any document of the year mentions the category."),
            Column("note", .string, title: "Note", description: "Free-text note by the coder."),
        ],
        rows: [
            [.integer(2010), .text("support"), .text(vietnameseNFD), .text("Support for workers"),
             .integer(12), .number(-0.5, places: 1), .boolean(true), .text(formulaLike)],
            [.integer(2010), .text("insurance"), .text("Bảo hiểm xã hội"), .text("Social insurance"),
             .integer(-3), .number(1.25, places: 2), .boolean(false), .text("@SUM(A1)")],
            [.integer(2013), .text("training"), .text("Đào tạo nghề"), .text("Vocational training"),
             .integer(0), .number(-0.0001, places: 3), .boolean(true), .text("-1 item")],
            [.integer(2014), .text("safety"), .text("An toàn, vệ sinh lao động"), .text("Safety; hygiene"),
             .integer(7), .number(.nan, places: 2), .boolean(false), .text(messy)],
            [.integer(2019), .text("wages"), .text("Tiền lương \"tối thiểu\""), .text("Minimum wage"),
             .integer(1_000_000), .number(1234567.891, places: 2), .empty, .text("＝full-width equals")],
            [.integer(2019), .text("other"), .text("Khác"), .text("Other"),
             .integer(1), .number(3, places: 0), .boolean(true), .text("+84 phone, \t tab")],
        ],
        primaryKey: ["year", "category_id"]
    )

    static let documents = Table(
        name: "documents",
        description: "One row per directive in the corpus.",
        columns: [
            Column("document_id", .string, title: "Document", description: "File stem of the directive."),
            Column("issued", .date, title: "Issued", description: "Date the directive was issued."),
            Column("title_vi", .string, title: "Title (Vietnamese)", description: "Title as printed."),
            Column("words", .integer, title: "Words", description: "Word count."),
        ],
        rows: [
            [.text("2010-molisa"), .date("2010-03-15"), .text("Chỉ thị về công tác an toàn lao động"), .integer(2_345)],
            [.text("2019-kien-giang"), .date("2019-06-01"), .text("Chỉ thị tăng cường quản lý lao động"), .integer(1_802)],
            [.text("2019-lang-son"), .empty, .text("Chỉ thị (chưa rõ ngày)"), .integer(997)],
        ],
        primaryKey: ["document_id"]
    )

    /// A partial date (`--05-25`) cannot be a Table Schema `date`; a long name tests sheet names.
    static let partialDates = Table(
        name: "segment_matches_by_category_and_year",
        description: "One row per matched segment.",
        columns: [
            Column("segment_id", .integer, title: "Segment", description: "Segment number."),
            Column("day", .date, title: "Day", description: "Day mentioned, possibly without a year."),
        ],
        rows: [
            [.integer(1), .date("--05-25")],
            [.integer(2), .date("2014-01-31")],
        ],
        primaryKey: ["segment_id"]
    )

    /// One column, no primary key. (A record of one empty value is written as `""`, tested in
    /// CSVWriterTests; it is not used here because frictionless reports an all-empty row as an error.)
    static let keywords = Table(
        name: "keywords",
        description: "One row per keyword.",
        columns: [Column("keyword", .string, title: "Keyword", description: "Keyword as searched.")],
        rows: [[.text("lao động")], [.text("- list marker")], [.text("an toàn")]]
    )

    static let all = [codingByYear, documents, partialDates, keywords]

    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `needle` occurs in `haystack` as a byte sequence.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else {
            return true
        }
        guard haystack.count >= needle.count else {
            return false
        }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    /// Writes the CSVs, `datapackage.json` and `comparison.xlsx` for `tables` into `folder`,
    /// the layout `Tests/readers/check_outputs.py` checks.
    static func writeOutputFolder(_ tables: [Table], csv: CSVWriter, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for table in tables {
            try Data(csv.write(table)).write(to: folder.appendingPathComponent(DataPackage.path(for: table)))
        }
        let package = DataPackage.json(
            tables: tables, csv: csv, name: "policy-compare-sample",
            title: "PolicyCompare sample output",
            description: "Sample tables written by the PolicyCompare export tests for the reader checks."
        )
        try Data(package).write(to: folder.appendingPathComponent("datapackage.json"))
        try Data(XLSXWriter.workbook(tables)).write(to: folder.appendingPathComponent("comparison.xlsx"))
    }

    /// A fresh folder under the system temporary directory.
    static func temporaryFolder(_ label: String) -> URL {
        Scratch.path(label)
    }

    /// The full path of an executable on PATH, if any.
    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Runs a program; its exit status and combined output.
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// SplitMix64: a small deterministic generator, so the randomised checks are the same on every run.
    struct SeededRandom: RandomNumberGenerator {
        private var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
