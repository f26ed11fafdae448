import Foundation

/// A small RFC 4180 reader for the files researchers edit: manifests, codebooks, human codings.
///
/// It accepts CRLF or LF line ends, a leading UTF-8 BOM, quoted fields with doubled quotes
/// and line breaks, and reports the line and column of every problem.
public struct CSVReader: Sendable {
    /// One parsed record with the line it starts on (1-based, counting the header as line 1).
    public struct Record: Sendable, Hashable {
        public var line: Int
        public var fields: [String]
    }

    public var file: String
    public var delimiter: Character

    public init(file: String, delimiter: Character = ",") {
        self.file = file
        self.delimiter = delimiter
    }

    /// Splits `text` into records; blank lines are skipped.
    ///
    /// It works on the UTF-8 bytes: every byte the format gives a meaning to (quote, CR, LF,
    /// an ASCII delimiter) is ASCII, so a field's bytes are whole characters. Columns in
    /// messages count Unicode scalars, as an editor's column does.
    public func records(_ text: String) throws(CSVError) -> [Record] {
        var text = text
        let delimiterBytes = Array(String(delimiter).utf8)
        return try text.withUTF8 { bytes in
            Result { () throws(CSVError) in try records(bytes, delimiter: delimiterBytes) }
        }.get()
    }

    private func records(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: [UInt8]) throws(CSVError) -> [Record] {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quotedField = false
        var line = 1
        var recordLine = 1
        var column = 1
        let n = bytes.count
        // A leading byte order mark is not part of the first field.
        var i = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0

        func isDelimiter(at i: Int) -> Bool {
            guard !delimiter.isEmpty, i + delimiter.count <= n, bytes[i] == delimiter[0] else { return false }
            return delimiter.indices.allSatisfy { bytes[i + $0] == delimiter[$0] }
        }
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quotedField = false
        }
        func endRecord() {
            let blank = fields.isEmpty && field.isEmpty && !quotedField
            endField()
            if !blank { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        let first = delimiter.first
        /// Whether `byte` ends a run of plain bytes outside quotes.
        func isSpecial(_ byte: UInt8) -> Bool {
            byte == quote || byte == cr || byte == lf || byte == first
        }
        /// The scalars that start in `run` (one per byte that does not continue a character).
        func scalars(in run: Range<Int>) -> Int {
            var count = 0
            for k in run where bytes[k] & 0xC0 != 0x80 { count += 1 }
            return count
        }

        while i < n {
            let byte = bytes[i]
            if inQuotes {
                // A run of bytes without a quote or line end is the field's as it is.
                if byte != quote && byte != lf {
                    let start = i
                    while i < n, bytes[i] != quote, bytes[i] != lf { i += 1 }
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                    column += scalars(in: start..<i)
                    continue
                }
                if byte == quote {
                    if i + 1 < n && bytes[i + 1] == quote {
                        field.append(quote)
                        column += 2
                        i += 2
                        continue
                    }
                    inQuotes = false
                    column += 1
                    i += 1
                    if i < n && !isDelimiter(at: i) && bytes[i] != lf && bytes[i] != cr {
                        throw .unexpectedAfterQuote(file: file, line: line, column: column)
                    }
                    continue
                }
                // A line feed inside the quotes: the field goes on on the next line.
                line += 1
                column = 1
                field.append(byte)
                i += 1
                continue
            }
            if isDelimiter(at: i) {
                endField()
                column += 1
                i += delimiter.count
                continue
            }
            switch byte {
            case quote:
                guard field.isEmpty && !quotedField else {
                    throw .quoteInsideField(file: file, line: line, column: column)
                }
                inQuotes = true
                quotedField = true
                column += 1
            case cr, lf:
                if byte == cr && i + 1 < n && bytes[i + 1] == lf { i += 1 }
                endRecord()
                line += 1
                recordLine = line
                column = 1
            default:
                // The run of plain bytes up to the next quote, line end or delimiter.
                let start = i
                i += 1
                while i < n, !isSpecial(bytes[i]) { i += 1 }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                column += scalars(in: start..<i)
                continue
            }
            i += 1
        }
        if inQuotes {
            throw .unterminatedQuote(file: file, line: recordLine)
        }
        if !field.isEmpty || !fields.isEmpty || quotedField {
            endRecord()
        }
        return records
    }

    /// Parses a table with a header row into rows keyed by column name.
    ///
    /// `required` columns must be present; every row must have as many fields as the header.
    /// What a spreadsheet leaves behind is let pass: columns without a name in the header
    /// (when they hold no value) and rows of empty fields only, which are skipped as blank
    /// lines are. A row with more fields than the header stays an error even when the extra
    /// ones are empty: an unquoted comma in a value shifts the fields after it.
    public func table(_ text: String, required: [String]) throws(CSVError) -> CSVTable {
        if required.count > 1, let other = otherDelimiter(text) {
            throw .otherDelimiter(file: file, found: other, expected: delimiter)
        }
        let all = try records(text)
        guard let header = all.first else {
            throw .empty(file: file)
        }
        let names = header.fields.map(\.trimmingSpaces)
        var seen = Set<String>()
        for (i, name) in names.enumerated() where !name.isEmpty {
            if !seen.insert(name).inserted {
                throw .duplicateColumn(file: file, column: i + 1, name: name)
            }
        }
        let missing = required.filter { !seen.contains($0) }
        if !missing.isEmpty {
            throw .missingColumns(file: file, missing: missing, found: names.filter { !$0.isEmpty })
        }
        let unnamed = names.indices.filter { names[$0].isEmpty }
        // One index of the columns for every row (a dictionary per row was a third of reading
        // a manifest of ten thousand documents).
        let positions = Dictionary(uniqueKeysWithValues: names.enumerated().filter { !$0.element.isEmpty }.map { ($0.element, $0.offset) })
        var rows: [CSVTable.Row] = []
        rows.reserveCapacity(all.count - 1)
        for record in all.dropFirst() {
            let fields = record.fields
            if fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            guard fields.count == names.count else {
                throw .wrongFieldCount(file: file, line: record.line, expected: names.count, found: record.fields.count)
            }
            if let column = unnamed.first(where: { !fields[$0].trimmingSpaces.isEmpty }) {
                throw .valueWithoutColumn(file: file, line: record.line, column: column + 1)
            }
            rows.append(CSVTable.Row(line: record.line, fields: fields, positions: positions))
        }
        return CSVTable(file: file, columns: names, rows: rows)
    }

    /// `;` or a tab when `text`'s first line that is not blank (its header) has one of them and
    /// not the delimiter: a file saved by a spreadsheet in a locale that separates with it.
    private func otherDelimiter(_ text: String) -> Character? {
        var rest = text[...]
        var header = rest.prefix { !$0.isNewline }
        while header.allSatisfy(\.isWhitespace), header.endIndex < rest.endIndex {
            rest = rest[rest.index(after: header.endIndex)...]
            header = rest.prefix { !$0.isNewline }
        }
        guard !header.contains(delimiter) else { return nil }
        return [";", "\t"].first { $0 != delimiter && header.contains($0) }
    }
}

/// A parsed CSV file: its header and its rows, each with its line number.
public struct CSVTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var line: Int
        /// The fields, in the header's order.
        public var fields: [String]
        /// Each column's position among the fields (the same for every row of a table).
        let positions: [String: Int]

        /// The trimmed value of a column, or "" when the column is absent.
        public subscript(_ column: String) -> String {
            self[position: positions[column]]
        }

        /// The trimmed value of the column at `position` (``CSVTable/position(of:)``), or ""
        /// for none: for a reader of many rows, which looks each column up once.
        public subscript(position position: Int?) -> String {
            guard let position, position >= 0, position < fields.count else { return "" }
            return fields[position].trimmingSpaces
        }
    }
    public var file: String
    /// The header's names in order; "" for a column without a name.
    public var columns: [String]
    public var rows: [Row]

    /// The position of a column among each row's fields; nil when the table has none of that name.
    public func position(of column: String) -> Int? {
        columns.firstIndex(of: column)
    }

    /// The index (1-based) of a column, for error messages.
    public func columnNumber(_ name: String) -> Int {
        (columns.firstIndex(of: name) ?? columns.count) + 1
    }
}

/// Malformed CSV: where it is and how to repair it.
public enum CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty(file: String)
    case unterminatedQuote(file: String, line: Int)
    case quoteInsideField(file: String, line: Int, column: Int)
    case unexpectedAfterQuote(file: String, line: Int, column: Int)
    case duplicateColumn(file: String, column: Int, name: String)
    case missingColumns(file: String, missing: [String], found: [String])
    case wrongFieldCount(file: String, line: Int, expected: Int, found: Int)
    case otherDelimiter(file: String, found: Character, expected: Character)
    case valueWithoutColumn(file: String, line: Int, column: Int)

    public var description: String {
        switch self {
        case .empty(let file):
            "\(file): the file is empty; expected a header row of column names"
        case .unterminatedQuote(let file, let line):
            "\(file):\(line): a quoted field opened on this line never closes; add the closing \" (and write a \" inside a field as \"\")"
        case .quoteInsideField(let file, let line, let column):
            "\(file):\(line):\(column): a \" appears inside an unquoted field; quote the whole field and double the inner quote (\"\")"
        case .unexpectedAfterQuote(let file, let line, let column):
            "\(file):\(line):\(column): text follows a closing quote; a quoted field must end at a delimiter or the end of the line"
        case .duplicateColumn(let file, let column, let name):
            "\(file):1:\(column): column '\(name)' appears twice in the header; keep one"
        case .missingColumns(let file, let missing, let found):
            "\(file):1: missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); \(found.isEmpty ? "the header has no column names" : "the header has \(found.joined(separator: ", "))"); \(Self.repair(missing: missing, found: found))"
        case .wrongFieldCount(let file, let line, let expected, let found):
            "\(file):\(line): expected \(expected) fields as in the header, found \(found); check for a missing or extra delimiter, or quote fields that contain one"
        case .otherDelimiter(let file, let found, let expected):
            "\(file):1: the columns are separated by \(Self.name(found, plural: true)), not \(Self.name(expected, plural: true)); save the file as comma-separated CSV (in Excel: Save As, 'CSV UTF-8 (Comma delimited)'), or replace each \(Self.name(found, plural: false)) between columns with \(Self.name(expected, plural: false))"
        case .valueWithoutColumn(let file, let line, let column):
            "\(file):\(line):\(column): a value in a column that has no name in the header; name the column in the header row or delete the value (if a field holds a comma, quote the whole field)"
        }
    }

    /// A delimiter as a message names it.
    private static func name(_ delimiter: Character, plural: Bool) -> String {
        delimiter == "\t" ? (plural ? "tabs" : "tab") : "'\(delimiter)'"
    }

    /// How to mend a header that lacks `missing`: rename each header name that nearly is a
    /// missing column (`Year`, `document id`), add the others.
    private static func repair(missing: [String], found: [String]) -> String {
        var renames: [String] = []
        var added: [String] = []
        var unused = found.filter { !missing.contains($0) }
        for column in missing {
            if let index = unused.firstIndex(where: { UnknownColumn.closest(to: $0, among: [column]) != nil }) {
                renames.append("'\(unused[index])' to '\(column)'")
                unused.remove(at: index)
            } else {
                added.append(column)
            }
        }
        var steps: [String] = []
        if !renames.isEmpty { steps.append("rename \(renames.joined(separator: ", "))") }
        if !added.isEmpty { steps.append("add the missing column\(added.count == 1 ? "" : "s") \(added.joined(separator: ", ")) to the header row") }
        return steps.joined(separator: ", and ")
    }
}
