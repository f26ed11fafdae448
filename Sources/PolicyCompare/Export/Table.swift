/// A rectangular, typed table: what every exporter (CSV, XLSX, data package) writes.
///
/// Tables are built by the comparison and exported without further analysis, so every
/// writer sees the same rows in the same order.
public struct Table: Sendable, Hashable {
    /// File stem and sheet name, e.g. `coding_by_year` (ASCII snake_case).
    public var name: String
    /// One-line English description of what a row is.
    public var description: String
    public var columns: [Column]
    public var rows: Rows
    /// Column names that identify a row (Frictionless `primaryKey`).
    public var primaryKey: [String]

    public init(name: String, description: String, columns: [Column], rows: Rows = [], primaryKey: [String] = []) {
        self.name = name
        self.description = description
        self.columns = columns
        self.rows = rows
        self.primaryKey = primaryKey
    }

    public init(name: String, description: String, columns: [Column], rows: [[Cell]], primaryKey: [String] = []) {
        self.init(name: name, description: description, columns: columns, rows: Rows(rows), primaryKey: primaryKey)
    }
}

/// One column of a ``Table``.
public struct Column: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case string, integer, number, boolean, date
    }
    /// ASCII snake_case header.
    public var name: String
    public var kind: Kind
    /// Short English title and a sentence that says what the column holds.
    public var title: String
    public var description: String

    public init(_ name: String, _ kind: Kind, title: String, description: String) {
        self.name = name
        self.kind = kind
        self.title = title
        self.description = description
    }
}

/// One typed cell. Numbers carry the digits they are written with, so output is byte-stable.
public enum Cell: Sendable, Hashable {
    case text(String)
    case integer(Int)
    /// A number with a fixed count of decimals (`9.073` with 3), never in exponent notation.
    case number(Double, places: Int)
    /// A number with `digits` significant digits, as C's `%.*g` writes it: exponent form below
    /// 0.0001 (`1.23457e-08` with 6), so that a tiny positive value such as a p-value never
    /// reads as 0; fixed form from there up to 10^digits (`0.00330196`); trailing zeros dropped.
    /// A Table Schema `number`, written as `.number` cells are (the CSV writer's decimal
    /// separator; a plain value in the workbook).
    case significant(Double, digits: Int)
    case boolean(Bool)
    /// An ISO 8601 date (`2019-06-01`) or partial date (`--05-25`), written as text.
    case date(String)
    /// Text quoted from a document's source, by reference: writers copy its bytes rather
    /// than make a string of each of a large corpus's millions of quotes. Written as text.
    case quote(SourceText.Quote)
    case empty
}
