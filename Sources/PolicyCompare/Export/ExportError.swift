/// Why a table could not be exported: what was expected, what was found, and how to fix it.
public enum ExportError: Error, CustomStringConvertible, Sendable, Hashable {
    /// A CSV delimiter other than comma, semicolon or tab.
    case unsupportedDelimiter(Character)
    /// A table with more data rows than one spreadsheet can hold.
    case tooManyRows(table: String, rows: Int, limit: Int)
    /// A table with more columns than one spreadsheet can hold.
    case tooManyColumns(table: String, columns: Int, limit: Int)
    /// A workbook needs at least one sheet.
    case noTables
    /// A ZIP entry path that is empty, absolute, contains `..`, a backslash or a NUL.
    case invalidZipPath(String)
    /// Two ZIP entries with the same path.
    case duplicateZipPath(String)
    /// The archive would need ZIP64 (an entry or the archive at 4 GiB or more, or 65,535 entries).
    case zipTooLarge(path: String, bytes: Int)
    /// A document's source could not be read back from the run's temporary file.
    case sourceUnreadable(String)

    public var description: String {
        switch self {
        case .unsupportedDelimiter(let found):
            let shown = found == "\t" ? "TAB" : "\"\(found)\""
            return "unsupported CSV delimiter \(shown): expected \",\" (comma), \";\" (semicolon) or a TAB; "
                + "use \";\" for comma-decimal locales such as Vietnamese, or XLSX for spreadsheet users"
        case .tooManyRows(let table, let rows, let limit):
            return "table \"\(table)\" has \(rows) data rows but a spreadsheet sheet holds at most \(limit) "
                + "below its header row; split the table (e.g. by year) or export it as CSV only"
        case .tooManyColumns(let table, let columns, let limit):
            return "table \"\(table)\" has \(columns) columns but a spreadsheet sheet holds at most \(limit); "
                + "make the table tidy (one column per variable, observations as rows) or export it as CSV only"
        case .noTables:
            return "cannot write a workbook without tables: expected at least one table to become a sheet"
        case .invalidZipPath(let path):
            return "invalid ZIP entry path \"\(path)\": expected a non-empty relative path with \"/\" separators, "
                + "without a leading \"/\", \"..\" components, backslashes or NUL characters"
        case .duplicateZipPath(let path):
            return "duplicate ZIP entry path \"\(path)\": each entry needs its own path; rename one of them"
        case .zipTooLarge(let path, let bytes):
            return "ZIP entry \"\(path)\" (\(bytes) bytes) does not fit a ZIP archive without ZIP64 "
                + "(at most 4 GiB in all and 65,535 entries); split the output into smaller files"
        case .sourceUnreadable(let reason):
            return "could not read a document's source back from the run's temporary file (\(reason)), so no output was "
                + "written; check that the temporary folder (TMPDIR) is on a working disk with free space, and run again"
        }
    }
}
