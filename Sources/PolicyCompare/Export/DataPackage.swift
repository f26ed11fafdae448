/// Writes `datapackage.json`, a Frictionless Data Package (v2) describing the CSVs beside it.
///
/// One tabular resource per table (`<name>.csv`) with a Table Schema of typed fields and the
/// table's primary key, so frictionless-py, the R package `frictionless` and others load the
/// CSVs as typed tables. Output is deterministic: fixed key order, two-space indent, NFC text.
///
/// `encoding` is `utf-8` for both CSV profiles: frictionless-py, pandas and readr strip the BOM
/// that the spreadsheet profile writes. Text that the spreadsheet profile prefixed with `'` is
/// still a valid `string` value. A writer whose numbers take a decimal comma (the `;`
/// delimiter) has every `number` field say so with `decimalChar`.
public enum DataPackage {
    /// The Data Package v2 profile, written as `$schema`.
    public static let profile = "https://datapackage.org/profiles/2.0/datapackage.json"

    /// The `datapackage.json` bytes for `tables` written by `csv`.
    ///
    /// - Parameters:
    ///   - csv: the writer of the CSV files; a delimiter other than `,` adds a `dialect`, and a
    ///     decimal separator other than `.` a `decimalChar` to each `number` field.
    ///   - name: package name, lower-case letters, digits, `-`, `_`, `.` (e.g. `policy-compare`).
    public static func json(tables: [Table], csv: CSVWriter, name: String, title: String, description: String) -> [UInt8] {
        json(tables: tables, fieldTypes: tables.map(fieldTypes(of:)), csv: csv, name: name, title: title, description: description)
    }

    /// The package of `tables` whose field types were taken beforehand (``fieldTypes(of:)``),
    /// so the tables may have been cut or emptied of their rows since.
    static func json(tables: [Table], fieldTypes: [[String]], csv: CSVWriter, name: String, title: String, description: String) -> [UInt8] {
        let package = JSONValue.object([
            ("$schema", .string(profile)),
            ("name", .string(name)),
            ("title", .string(title)),
            ("description", .string(description)),
            ("resources", .array(zip(tables, fieldTypes).map { resource(for: $0, types: $1, csv: csv) })),
        ])
        var out: [UInt8] = []
        package.write(to: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// The file a table is written to, relative to `datapackage.json`: `<name>.csv`.
    public static func path(for table: Table) -> String {
        "\(table.name).csv"
    }

    /// The Table Schema type of the column at `index`: its kind's name, except that a `date`
    /// column with any value that is not a full ISO 8601 date (`2019-06-01`), such as the partial
    /// `--05-25`, is typed `string` so that validators accept it.
    /// The Table Schema type of every column of `table`.
    static func fieldTypes(of table: Table) -> [String] {
        table.columns.indices.map { fieldType(ofColumnAt: $0, in: table) }
    }

    public static func fieldType(ofColumnAt index: Int, in table: Table) -> String {
        guard table.columns.indices.contains(index) else {
            return Column.Kind.string.rawValue
        }
        let kind = table.columns[index].kind
        guard kind == .date else {
            return kind.rawValue
        }
        let allFullDates = table.rows.allSatisfy { row in
            guard index < row.count else {
                return true
            }
            switch row[index] {
            case .date(let text), .text(let text):
                return text.isEmpty || isFullDate(text)
            case .quote(let quote):
                return quote.text.isEmpty || isFullDate(quote.text)
            case .empty:
                return true
            case .integer, .number, .significant, .boolean:
                return false
            }
        }
        return allFullDates ? Column.Kind.date.rawValue : Column.Kind.string.rawValue
    }

    private static func resource(for table: Table, types: [String], csv: CSVWriter) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(table.name)),
            ("type", .string("table")),
            ("path", .string(path(for: table))),
            ("format", .string("csv")),
            ("mediatype", .string("text/csv")),
            ("encoding", .string("utf-8")),
        ]
        if csv.delimiter != "," {
            members.append(("dialect", .object([
                ("delimiter", .string(String(csv.delimiter))),
                ("header", .bool(true)),
            ])))
        }
        members.append(("description", .string(table.description)))
        var schema: [(String, JSONValue)] = [
            ("fields", .array(table.columns.enumerated().map { index, column in
                let type = types[safe: index] ?? Column.Kind.string.rawValue
                var field: [(String, JSONValue)] = [
                    ("name", .string(column.name)),
                    ("type", .string(type)),
                    ("title", .string(column.title)),
                    ("description", .string(column.description)),
                ]
                if type == Column.Kind.number.rawValue, csv.decimalSeparator != "." {
                    field.append(("decimalChar", .string(String(csv.decimalSeparator))))
                }
                return .object(field)
            })),
        ]
        if !table.primaryKey.isEmpty {
            schema.append(("primaryKey", .array(table.primaryKey.map(JSONValue.string))))
        }
        members.append(("schema", .object(schema)))
        return .object(members)
    }

    /// `YYYY-MM-DD` with month 01-12 and day 01-31.
    private static func isFullDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return false
        }
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digitPositions.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }) else {
            return false
        }
        let month = Int(bytes[5] - UInt8(ascii: "0")) * 10 + Int(bytes[6] - UInt8(ascii: "0"))
        let day = Int(bytes[8] - UInt8(ascii: "0")) * 10 + Int(bytes[9] - UInt8(ascii: "0"))
        return (1...12).contains(month) && (1...31).contains(day)
    }
}

/// Just enough JSON for `datapackage.json`: objects keep their member order.
private indirect enum JSONValue {
    case string(String)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let text):
            Self.appendQuoted(text, to: &out)
        case .bool(let value):
            out.append(contentsOf: Array((value ? "true" : "false").utf8))
        case .array(let items):
            guard !items.isEmpty else {
                out.append(contentsOf: Array("[]".utf8))
                return
            }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                out.append(contentsOf: Array((index == 0 ? "\n" : ",\n").utf8))
                Self.appendIndent(indent + 1, to: &out)
                item.write(to: &out, indent: indent + 1)
            }
            out.append(UInt8(ascii: "\n"))
            Self.appendIndent(indent, to: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                out.append(contentsOf: Array("{}".utf8))
                return
            }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                out.append(contentsOf: Array((index == 0 ? "\n" : ",\n").utf8))
                Self.appendIndent(indent + 1, to: &out)
                Self.appendQuoted(key, to: &out)
                out.append(contentsOf: Array(": ".utf8))
                value.write(to: &out, indent: indent + 1)
            }
            out.append(UInt8(ascii: "\n"))
            Self.appendIndent(indent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func appendIndent(_ level: Int, to out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
    }

    /// A JSON string literal: NFC UTF-8, with `"`, `\` and control characters escaped.
    private static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in TextNormalization.nfc(text).utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: Array("\\\"".utf8))
            case UInt8(ascii: "\\"): out.append(contentsOf: Array("\\\\".utf8))
            case 0x0A: out.append(contentsOf: Array("\\n".utf8))
            case 0x0D: out.append(contentsOf: Array("\\r".utf8))
            case 0x09: out.append(contentsOf: Array("\\t".utf8))
            case 0x00..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
