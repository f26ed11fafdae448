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
    public func records(_ text: String) throws(CSVError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var quotedField = false
        var line = 1
        var recordLine = 1
        var column = 1
        var chars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        let delimiterScalar = delimiter.unicodeScalars.first ?? ","
        var atStart = true

        func endRecord() {
            fields.append(field)
            let blank = fields.count == 1 && fields[0].isEmpty && !quotedField
            if !blank { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            quotedField = false
        }

        while let c = pending ?? chars.next() {
            pending = nil
            if atStart {
                atStart = false
                if c == "\u{FEFF}" { continue }
            }
            if inQuotes {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" {
                            field.unicodeScalars.append("\"")
                            column += 2
                        } else {
                            inQuotes = false
                            column += 1
                            if next != delimiterScalar && next != "\n" && next != "\r" {
                                throw .unexpectedAfterQuote(file: file, line: line, column: column)
                            }
                            pending = next
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1; column = 1 } else { column += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                if field.isEmpty && !quotedField {
                    inQuotes = true
                    quotedField = true
                    column += 1
                } else {
                    throw .quoteInsideField(file: file, line: line, column: column)
                }
            case delimiterScalar:
                fields.append(field)
                field = ""
                quotedField = false
                column += 1
            case "\r":
                if let next = chars.next(), next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
                column = 1
            case "\n":
                endRecord()
                line += 1
                recordLine = line
                column = 1
            default:
                field.unicodeScalars.append(c)
                column += 1
            }
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
    public func table(_ text: String, required: [String]) throws(CSVError) -> CSVTable {
        let all = try records(text)
        guard let header = all.first else {
            throw .empty(file: file)
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        for (i, name) in names.enumerated() {
            if !seen.insert(name).inserted {
                throw .duplicateColumn(file: file, column: i + 1, name: name)
            }
        }
        let missing = required.filter { !seen.contains($0) }
        if !missing.isEmpty {
            throw .missingColumns(file: file, missing: missing, found: names)
        }
        var rows: [CSVTable.Row] = []
        for record in all.dropFirst() {
            guard record.fields.count == names.count else {
                throw .wrongFieldCount(file: file, line: record.line, expected: names.count, found: record.fields.count)
            }
            rows.append(CSVTable.Row(line: record.line, values: Dictionary(uniqueKeysWithValues: zip(names, record.fields))))
        }
        return CSVTable(file: file, columns: names, rows: rows)
    }
}

/// A parsed CSV file: its header and its rows, each with its line number.
public struct CSVTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var values: [String: String]

        /// The trimmed value of a column, or "" when the column is absent.
        public subscript(_ column: String) -> String {
            (values[column] ?? "").trimmingCharacters(in: .whitespaces)
        }
    }
    public var file: String
    public var columns: [String]
    public var rows: [Row]

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
            "\(file):1: missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); the header has \(found.joined(separator: ", ")); add the missing column\(missing.count == 1 ? "" : "s") to the header row"
        case .wrongFieldCount(let file, let line, let expected, let found):
            "\(file):\(line): expected \(expected) fields as in the header, found \(found); check for a missing or extra delimiter, or quote fields that contain one"
        }
    }
}
