import Foundation

/// Every output file of a comparison, written into a folder in a fixed set, for
/// ``OutputFolder/write(to:produce:)`` to move into place.
///
/// The CSV files, the reports and the workbook do not depend on each other, so they are
/// rendered on all cores, and the CSV files are streamed to disk a megabyte at a time; every
/// byte is the same however many cores there are.
public enum ComparisonFiles {
    /// The formats `write` knows, in the order their files are listed.
    public static let formats = ["csv", "txt", "md", "html", "xlsx"]

    /// The names of the files that ``write(_:formats:csv:strings:toolVersion:into:)`` writes
    /// for `formats`, in the order it returns them.
    public static func names(formats: Set<String>) -> [String] {
        var names = formats.contains("csv") ? ComparisonTables.names.map { "\($0).csv" } + ["datapackage.json"] : []
        for (format, name) in [("txt", "report.txt"), ("md", "report.md"), ("html", "report.html"), ("xlsx", "comparison.xlsx")]
        where formats.contains(format) {
            names.append(name)
        }
        return names
    }

    /// The workbook's first sheets, in this order; the other tables follow in table order.
    static let sheetOrder = ["matrix_by_year", "changes", "coding_by_year", "evidence", "themes", "slogans", "references", "keyness", "reuse", "documents"]

    /// Writes the files of `comparison` in `formats` (a subset of ``formats``) into `folder`
    /// and returns their names.
    ///
    /// The tables are built first; the large ones generate their rows as they are written,
    /// so building them costs little. Then every file is a job of its own, and the jobs share
    /// the cores, longest first: the workbook (each table's first ``maxSheetRows`` rows), each
    /// table's CSV file streamed to disk, the reports. The data package comes last, as it
    /// describes the CSV files.
    ///
    /// - Throws: ``ExportError`` when the workbook cannot hold the tables, or the error of a
    ///   file that cannot be written (the first in the order of the returned names).
    public static func write(
        _ comparison: Comparison, formats: Set<String>, csv: CSVWriter, strings: ReportStrings, toolVersion: String,
        into folder: URL
    ) throws -> [String] {
        let writesCSV = formats.contains("csv"), writesWorkbook = formats.contains("xlsx")
        let tables = ComparisonTables.all(comparison)

        // Long jobs first, so the short ones even out the cores' work at the end: the
        // workbook, the two largest tables, the reports (about a second for 10,000 plans; not
        // sooner, beside the workbook's cells, to keep peak memory down), the other tables.
        var jobs: [Job] = writesWorkbook ? [.workbook] : []
        if writesCSV {
            let sizes = Parallel.map(tables) { estimatedCSVBytes($0, csv: csv) }
            jobs += tables.indices.sorted { (-sizes[$0], $0) < (-sizes[$1], $1) }.map(Job.csv)
        }
        jobs.insert(.reports, at: min(jobs.count, (writesWorkbook ? 1 : 0) + 2))
        let done = Parallel.map(jobs) { job in
            Result { () throws -> [String] in
                switch job {
                case .workbook:
                    try XLSXWriter.write(sheets(tables.map { ($0, $0.rows.count) }), to: folder.appendingPathComponent("comparison.xlsx"))
                    return ["comparison.xlsx"]
                case .csv(let index):
                    let name = "\(tables[index].name).csv"
                    try csv.write(tables[index], to: folder.appendingPathComponent(name))
                    return [name]
                case .reports:
                    return try reports(comparison, formats: formats, strings: strings, toolVersion: toolVersion).map { file in
                        try OutputFolder.write(file.bytes, to: folder.appendingPathComponent(file.name))
                        return file.name
                    }
                }
            }
        }
        let results = Dictionary(uniqueKeysWithValues: zip(jobs, done))
        func written(_ job: Job) throws -> [String] { try results[job]?.get() ?? [] }

        var names: [String] = []
        if writesCSV {
            for index in tables.indices { names += try written(.csv(index)) }
            let package = DataPackage.json(
                tables: tables, fieldTypes: tables.map(DataPackage.fieldTypes(of:)), csv: csv, name: "policycompare-comparison",
                title: "PolicyCompare comparison of directives",
                description: "Themes and activities of the compared directives by document and year, their change across years, and the evidence behind every count.")
            try OutputFolder.write(package, to: folder.appendingPathComponent("datapackage.json"))
            names.append("datapackage.json")
        }
        names += try written(.reports)
        names += try written(.workbook)
        // A quote or passage whose data could not be read back came out empty: let no file out.
        if let failure = comparison.documents.lazy.compactMap({
            $0.source.readFailure ?? $0.reuseTokens.readFailure ?? $0.coding.matches.readFailure
        }).first {
            throw ExportError.sourceUnreadable(failure)
        }
        return names
    }

    /// One file (or, for the reports, a set of files) that ``write(_:formats:csv:strings:toolVersion:into:)`` writes.
    private enum Job: Hashable, Sendable {
        case workbook
        case csv(Int)
        case reports
    }

    /// The size of `table`'s CSV file, estimated from up to `samples` rows spread evenly over
    /// it: what orders the files' jobs, longest first. (Row counts put the 254,000 reuse rows
    /// of 10,000 generated plans, about a kilobyte each, after 330,000 coding rows of 135
    /// bytes, and one core wrote the reuse file alone for over a second at the end.)
    static func estimatedCSVBytes(_ table: Table, csv: CSVWriter, samples: Int = 32) -> Int {
        let count = table.rows.count
        let picked = min(count, max(1, samples))
        guard picked > 0 else { return 0 }
        var sample = table
        sample.rows = Table.Rows((0..<picked).map { table.rows[$0 * count / picked] })
        return csv.write(sample).count * count / picked
    }

    /// Rows a sheet keeps under a cap of `maxRows` (never more than a worksheet holds).
    private static func keptRows(_ maxRows: Int) -> Int {
        max(0, min(maxRows, XLSXWriter.maxRows - 1))
    }

    private static func reports(
        _ comparison: Comparison, formats: Set<String>, strings: ReportStrings, toolVersion: String
    ) -> [(name: String, bytes: [UInt8])] {
        guard !formats.isDisjoint(with: ["txt", "md", "html"]) else { return [] }
        let report = ReportBuilder(strings: strings, toolVersion: toolVersion).build(comparison)
        var files: [(name: String, bytes: [UInt8])] = []
        // In NFC, as the CSV files are: a Windows-1258 or legacy source holds its tone marks
        // apart ("e" + U+0309), and the reports quote the source.
        func nfc(_ text: String) -> [UInt8] { Array(TextNormalization.nfc(text).utf8) }
        if formats.contains("txt") { files.append((name: "report.txt", bytes: nfc(TextReport.plain(report)))) }
        if formats.contains("md") { files.append((name: "report.md", bytes: nfc(TextReport.markdown(report)))) }
        if formats.contains("html") { files.append((name: "report.html", bytes: nfc(HTMLReport.render(report, comparison: comparison, strings: strings)))) }
        return files
    }

    /// Data rows kept in a sheet. Excel's own limit is 1,048,575, but a workbook that large
    /// takes minutes to open and is no way to read a million quotes; the CSV files hold every
    /// row for R, pandas or a spreadsheet's import. (At 10,000 generated plans the uncut
    /// workbook was 879 MB.)
    public static let maxSheetRows = 100_000

    /// The workbook's sheets: ``sheetOrder`` first. Tables longer than `maxRows` keep their first
    /// `maxRows` rows, and a first sheet, `truncated`, lists them (the CSV holds every row).
    /// Each table comes with its full row count, as its rows may have been cut already.
    static func sheets(_ tables: [(table: Table, rows: Int)], maxRows: Int = maxSheetRows) -> [Table] {
        var sheets = sheetOrder.compactMap { name in tables.first { $0.table.name == name } } + tables.filter { !sheetOrder.contains($0.table.name) }
        var truncated = Table(name: "truncated", description: "Tables cut to keep the workbook readable; their CSV files hold every row.", columns: [
            Column("table", .string, title: "Table", description: "Name of the table (and of its sheet and CSV file)."),
            Column("rows", .integer, title: "Rows", description: "Rows in the full table."),
            Column("rows_in_sheet", .integer, title: "Rows in sheet", description: "Rows kept in the sheet (the first ones)."),
            Column("csv", .string, title: "Full table", description: "The CSV file with every row."),
        ], primaryKey: ["table"])
        let kept = keptRows(maxRows)
        for i in sheets.indices where sheets[i].rows > kept {
            let name = sheets[i].table.name
            truncated.rows.append([.text(name), .integer(sheets[i].rows), .integer(kept), .text("\(name).csv")])
            if sheets[i].table.rows.count > kept { sheets[i].table.rows.removeSubrange(kept...) }
        }
        return (truncated.rows.isEmpty ? [] : [truncated]) + sheets.map(\.table)
    }
}
