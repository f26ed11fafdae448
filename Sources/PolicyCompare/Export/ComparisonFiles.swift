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
    /// Tables are built on all cores, each streamed to its CSV file and let go at once, so a
    /// corpus's millions of evidence rows are never all in memory twice; the workbook keeps
    /// each table's first ``maxSheetRows`` rows. Then the reports and the workbook are
    /// rendered side by side.
    ///
    /// - Throws: ``ExportError`` when the workbook cannot hold the tables, or the error of a
    ///   file that cannot be written.
    public static func write(
        _ comparison: Comparison, formats: Set<String>, csv: CSVWriter, strings: ReportStrings, toolVersion: String,
        into folder: URL
    ) throws -> [String] {
        let writesCSV = formats.contains("csv"), writesWorkbook = formats.contains("xlsx")
        let sheetRows = keptRows(maxSheetRows)
        let built = Parallel.map(ComparisonTables.builders(comparison)) { build in
            Result { () throws -> Built in
                var table = build()
                let rows = table.rows.count
                var fieldTypes: [String] = []
                if writesCSV {
                    try csv.write(table, to: folder.appendingPathComponent("\(table.name).csv"))
                    fieldTypes = DataPackage.fieldTypes(of: table)
                }
                if !writesWorkbook {
                    table.rows = []
                } else if rows > sheetRows {
                    table.rows.removeSubrange(sheetRows...)
                }
                return Built(table: table, rows: rows, fieldTypes: fieldTypes)
            }
        }
        let tables = try built.map { try $0.get() }

        var names: [String] = []
        if writesCSV {
            names = tables.map { "\($0.table.name).csv" }
            let package = DataPackage.json(
                tables: tables.map(\.table), fieldTypes: tables.map(\.fieldTypes), csv: csv, name: "policycompare-comparison",
                title: "PolicyCompare comparison of directives",
                description: "Themes and activities of the compared directives by document and year, their change across years, and the evidence behind every count.")
            try OutputFolder.write(package, to: folder.appendingPathComponent("datapackage.json"))
            names.append("datapackage.json")
        }
        // Each job writes its files and returns their names.
        let jobs: [@Sendable () throws -> [String]] = [
            {
                try reports(comparison, formats: formats, strings: strings, toolVersion: toolVersion).map { file in
                    try OutputFolder.write(file.bytes, to: folder.appendingPathComponent(file.name))
                    return file.name
                }
            },
            {
                guard writesWorkbook else { return [] }
                try XLSXWriter.write(sheets(tables.map { ($0.table, $0.rows) }), to: folder.appendingPathComponent("comparison.xlsx"))
                return ["comparison.xlsx"]
            },
        ]
        for result in Parallel.map(jobs, { job in Result { () throws in try job() } }) {
            names += try result.get()
        }
        return names
    }

    /// What is kept of a table once its CSV file is written: its first rows (for the
    /// workbook), how many rows it had, and its columns' types in the data package.
    private struct Built: Sendable {
        var table: Table
        var rows: Int
        var fieldTypes: [String]
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
