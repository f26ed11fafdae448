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

    /// The workbook's first sheets, in this order; the other tables follow in table order.
    static let sheetOrder = ["matrix_by_year", "changes", "coding_by_year", "evidence", "themes", "slogans", "references", "keyness", "reuse", "documents"]

    /// Writes the files of `comparison` in `formats` (a subset of ``formats``) into `folder`
    /// and returns their names.
    ///
    /// - Throws: ``ExportError`` when the workbook cannot hold the tables, or the error of a
    ///   file that cannot be written.
    public static func write(
        _ comparison: Comparison, formats: Set<String>, csv: CSVWriter, strings: ReportStrings, toolVersion: String,
        into folder: URL
    ) throws -> [String] {
        let tables = ComparisonTables.all(comparison)
        let jobs: [@Sendable () throws -> [File]] = [
            { formats.contains("csv") ? try csvFiles(tables, csv: csv, into: folder) : [] },
            { reports(comparison, formats: formats, strings: strings, toolVersion: toolVersion).map(File.rendered) },
            { formats.contains("xlsx") ? [.rendered(name: "comparison.xlsx", bytes: try workbook(tables).get())] : [] },
        ]
        var names: [String] = []
        for result in Parallel.map(jobs, { job in Result { () throws in try job() } }) {
            for file in try result.get() {
                switch file {
                case .written(let name):
                    names.append(name)
                case .rendered(let name, let bytes):
                    try OutputFolder.write(bytes, to: folder.appendingPathComponent(name))
                    names.append(name)
                }
            }
        }
        return names
    }

    /// An output file: already streamed into the folder, or rendered in memory to be written.
    private enum File: Sendable {
        case written(String)
        case rendered(name: String, bytes: [UInt8])
    }

    /// One CSV file per table, streamed into `folder`, then `datapackage.json` describing them.
    private static func csvFiles(_ tables: [Table], csv: CSVWriter, into folder: URL) throws -> [File] {
        let written = Parallel.map(tables) { table in
            Result { () throws in
                let name = "\(table.name).csv"
                try csv.write(table, to: folder.appendingPathComponent(name))
                return File.written(name)
            }
        }
        var files = try written.map { try $0.get() }
        files.append(.rendered(name: "datapackage.json", bytes: DataPackage.json(
            tables: tables, csv: csv, name: "policycompare-comparison", title: "PolicyCompare comparison of directives",
            description: "Themes and activities of the compared directives by document and year, their change across years, and the evidence behind every count.")))
        return files
    }

    private static func reports(
        _ comparison: Comparison, formats: Set<String>, strings: ReportStrings, toolVersion: String
    ) -> [(name: String, bytes: [UInt8])] {
        guard !formats.isDisjoint(with: ["txt", "md", "html"]) else { return [] }
        let report = ReportBuilder(strings: strings, toolVersion: toolVersion).build(comparison)
        var files: [(name: String, bytes: [UInt8])] = []
        if formats.contains("txt") { files.append((name: "report.txt", bytes: Array(TextReport.plain(report).utf8))) }
        if formats.contains("md") { files.append((name: "report.md", bytes: Array(TextReport.markdown(report).utf8))) }
        if formats.contains("html") { files.append((name: "report.html", bytes: Array(HTMLReport.render(report, comparison: comparison, strings: strings).utf8))) }
        return files
    }

    /// Data rows kept in a sheet. Excel's own limit is 1,048,575, but a workbook that large
    /// takes minutes to open and is no way to read a million quotes; the CSV files hold every
    /// row for R, pandas or a spreadsheet's import. (At 10,000 generated plans the uncut
    /// workbook was 879 MB.)
    public static let maxSheetRows = 100_000

    /// The workbook: ``sheetOrder`` first. Tables longer than `maxRows` keep their first
    /// `maxRows` rows, and a first sheet, `truncated`, lists them (the CSV holds every row).
    static func workbook(_ tables: [Table], maxRows: Int = maxSheetRows) -> Result<[UInt8], ExportError> {
        var sheets = sheetOrder.compactMap { name in tables.first { $0.name == name } } + tables.filter { !sheetOrder.contains($0.name) }
        var truncated = Table(name: "truncated", description: "Tables cut to keep the workbook readable; their CSV files hold every row.", columns: [
            Column("table", .string, title: "Table", description: "Name of the table (and of its sheet and CSV file)."),
            Column("rows", .integer, title: "Rows", description: "Rows in the full table."),
            Column("rows_in_sheet", .integer, title: "Rows in sheet", description: "Rows kept in the sheet (the first ones)."),
            Column("csv", .string, title: "Full table", description: "The CSV file with every row."),
        ], primaryKey: ["table"])
        let kept = max(0, min(maxRows, XLSXWriter.maxRows - 1))
        for i in sheets.indices where sheets[i].rows.count > kept {
            truncated.rows.append([.text(sheets[i].name), .integer(sheets[i].rows.count), .integer(kept), .text("\(sheets[i].name).csv")])
            sheets[i].rows.removeSubrange(kept...)
        }
        if !truncated.rows.isEmpty { sheets.insert(truncated, at: 0) }
        return Result { () throws(ExportError) in try XLSXWriter.workbook(sheets) }
    }
}
