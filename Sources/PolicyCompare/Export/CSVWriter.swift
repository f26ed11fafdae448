import Foundation

/// Writes a ``Table`` as RFC 4180 CSV bytes: CRLF records, a header row, NFC text.
///
/// Two profiles: `.spreadsheet` (the default) starts with a UTF-8 BOM, so Excel reads Vietnamese
/// text as UTF-8, and prefixes text that a spreadsheet would run as a formula with `'`;
/// `.plain` writes neither, for pandas, R and command-line tools that want the raw values.
/// Numbers (`.integer`, `.number`, `.significant`) are never prefixed, so `-0.5` stays a number.
///
/// Numbers with decimals are written with ``decimalSeparator``: `.`, or `,` with the `;`
/// delimiter, which is for comma-decimal locales (Vietnamese, German), where `.` groups
/// thousands and a spreadsheet would read `1.575` as 1575. That is R's `write.csv2` and
/// `read.csv2` convention, and pandas' `read_csv(sep=";", decimal=",")`. Integers, text, dates
/// and ids are never touched.
public struct CSVWriter: Sendable, Hashable {
    public enum Profile: String, Sendable, Hashable, CaseIterable {
        /// UTF-8 BOM and formula-like text prefixed with `'` (OWASP "CSV Injection").
        case spreadsheet
        /// No BOM; every cell as it is.
        case plain
    }

    /// The delimiters readers agree on.
    public static let supportedDelimiters: [Character] = [",", ";", "\t"]

    public let profile: Profile
    /// `,`, `;` or TAB.
    public let delimiter: Character
    let delimiterByte: UInt8
    /// The decimal separator of `.number` and `.significant` fields: `,` with the `;` delimiter,
    /// else `.`. Never the delimiter, so a number field is never quoted.
    let decimalByte: UInt8

    /// A comma-separated writer.
    public init(profile: Profile = .spreadsheet) {
        self.profile = profile
        self.delimiter = ","
        self.delimiterByte = UInt8(ascii: ",")
        self.decimalByte = UInt8(ascii: ".")
    }

    /// A writer with another delimiter: `;` for comma-decimal locales (Vietnamese Excel splits
    /// on it when a CSV is double-clicked), whose numbers then take a decimal comma
    /// (``decimalSeparator``), or TAB for TSV.
    ///
    /// - Throws: ``ExportError/unsupportedDelimiter(_:)`` for anything but `,`, `;` and TAB.
    public init(profile: Profile = .spreadsheet, delimiter: Character) throws(ExportError) {
        guard Self.supportedDelimiters.contains(delimiter), let byte = delimiter.asciiValue else {
            throw ExportError.unsupportedDelimiter(delimiter)
        }
        self.profile = profile
        self.delimiter = delimiter
        self.delimiterByte = byte
        self.decimalByte = byte == UInt8(ascii: ";") ? UInt8(ascii: ",") : UInt8(ascii: ".")
    }

    /// The decimal separator of number fields: `,` with the `;` delimiter (comma-decimal
    /// locales), `.` with `,` and TAB. Integers never have one.
    public var decimalSeparator: Character {
        Character(Unicode.Scalar(decimalByte))
    }

    /// The CSV bytes of `table`: the header row of column names, then one record per row.
    ///
    /// Every record has one field per column: a short row is padded with empty fields and cells
    /// beyond the last column are ignored. A record that would be a blank line (one column, empty
    /// value) is written as `""` so that readers which skip blank lines keep the row.
    /// Header names get the same treatment as text cells.
    public func write(_ table: Table) -> [UInt8] {
        let estimate = Self.estimatedSize(rows: table.rows.count, columns: table.columns.count)
        var out = GrowableBuffer<UInt8>(capacity: estimate)
        render(table, into: &out) { _ in }
        return out.array()
    }

    /// Writes `table` to a new file at `url`, rendered straight into the file's blocks (see
    /// ``StreamedFile/Sink``), so a table of millions of rows is never whole in memory; the
    /// bytes are those of ``write(_:)``.
    public func write(_ table: Table, to url: URL) throws {
        try OutputFolder.stream(to: url) { file in
            try file.withSink { sink in
                // A block the disk refused (a full disk, say) stops the table a megabyte on.
                var checked = 0
                try render(table, into: &sink) { sink throws(OutputError) in
                    guard sink.count - checked >= 1 << 20 else { return }
                    checked = sink.count
                    try sink.check()
                }
            }
        }
    }

    /// Appends `table`'s bytes to `out`, calling `recordEnd` after each record, or after each
    /// batch of records rendered straight to bytes.
    ///
    /// Records go to a ``ByteSink`` that is not an array: a table of a million rows appends
    /// tens of millions of fields and delimiters, and an array checked its storage at each.
    private func render<Out: ByteSink & ~Copyable, E: Error>(
        _ table: Table, into out: inout Out, recordEnd: (borrowing Out) throws(E) -> Void
    ) throws(E) {
        if profile == .spreadsheet {
            out.appendBytes(Self.byteOrderMark)
        }
        let columnCount = table.columns.count
        guard columnCount > 0 else { return }

        var recordStart = out.count
        for (index, column) in table.columns.enumerated() {
            if index > 0 {
                out.append(delimiterByte)
            }
            appendText(column.name, to: &out)
        }
        endRecord(startingAt: recordStart, in: &out)

        if let records = table.rows.csvRecords, records.fields == columnCount {
            // Records are rendered one after another into a buffer that goes to `out` once it
            // holds a batch of them: copied to `out` one by one, each record paid for a call
            // and a copy of its own (a million rows at 10,000 plans).
            let record = records.renderer(self)
            var bytes = GrowableBuffer<UInt8>(capacity: 4 * Self.recordBatch)
            for index in table.rows.indices {
                let start = bytes.count
                record(index, &bytes)
                endRecord(startingAt: start, in: &bytes)
                if bytes.count >= Self.recordBatch {
                    bytes.withUnsafeBufferPointer { out.appendBytes($0) }
                    bytes.removeAll()
                    try recordEnd(out)
                }
            }
            bytes.withUnsafeBufferPointer { out.appendBytes($0) }
            try recordEnd(out)
            return
        }
        var rows = table.rows.makeIterator()
        var row: [Cell] = []
        while rows.next(into: &row) {
            recordStart = out.count
            // Cells read in place: through the array's subscript each was copied, retaining
            // and releasing the text it held.
            row.withUnsafeBufferPointer { cells in
                for index in 0..<columnCount {
                    if index > 0 {
                        out.append(delimiterByte)
                    }
                    if index < cells.count {
                        appendCell(cells[index], to: &out)
                    }
                }
            }
            endRecord(startingAt: recordStart, in: &out)
            try recordEnd(out)
        }
    }

    /// Appends `cell` as a field (and nothing else): also the way a generated table's record
    /// renderer (``Table/Rows/CSVRecords``) writes cells that hold no text.
    func appendCell<Out: ByteSink & ~Copyable>(_ cell: Cell, to out: inout Out) {
        switch cell {
        case .text(let text), .date(let text):
            // Dates are text too: a partial date such as `--05-25` would otherwise be a formula.
            appendText(text, to: &out)
        case .quote(let quote):
            // A quote of text that NFC leaves alone is copied as it is, as its string would be.
            guard quote.isNFC else { return appendText(quote.text, to: &out) }
            quote.withUTF8 { appendTextBytes($0, to: &out) }
        case .integer(let value):
            DecimalText.appendInteger(value, to: &out)
        case .number(let value, let places):
            appendNumber(value, places: places, to: &out)
        case .significant(let value, let digits):
            DecimalText.appendSignificant(value, digits: digits, point: decimalByte, to: &out)
        case .boolean(let value):
            out.appendBytes(value ? Self.trueBytes : Self.falseBytes)
        case .empty:
            break
        }
    }

    /// Appends `value` with `places` decimals and this writer's decimal separator, as a
    /// `.number` cell is written: a record renderer's number field, with no cell made.
    @inline(__always)
    func appendNumber<Out: ByteSink & ~Copyable>(_ value: Double, places: Int, to out: inout Out) {
        DecimalText.appendFixed(value, places: places, point: decimalByte, to: &out)
    }

    func appendText<Out: ByteSink & ~Copyable>(_ text: String, to out: inout Out) {
        // NFC text (nearly every cell) is checked and copied from the string's own bytes in
        // one call: normalising first made a copy of each string, and each step retained
        // and released it, a cost in every cell of a million-row table.
        let appended: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            appendText(utf8: bytes, to: &out)
            return true
        }
        if appended != true {
            Array(text.utf8).withUnsafeBufferPointer { appendText(utf8: $0, to: &out) }
        }
    }

    /// ``appendText(_:to:)`` for the text whose UTF-8 is `bytes` (valid UTF-8).
    private func appendText<Out: ByteSink & ~Copyable>(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout Out) {
        guard TextNormalization.needsNFC(utf8: bytes) else { return appendTextBytes(bytes, to: &out) }
        let normalized = Array(TextNormalization.nfc(String(decoding: bytes, as: UTF8.self)).utf8)
        normalized.withUnsafeBufferPointer { appendTextBytes($0, to: &out) }
    }

    /// Appends the text of `source` between code points `range` as its cell
    /// (``SourceText/cell(_:limit:)``) would be written, from the source's bytes at `keptBytes`
    /// (found by ``SourceText/keptBytes(_:limit:)``): a record renderer's quote, with no cell made.
    func appendQuote<Out: ByteSink & ~Copyable>(_ range: Range<Int>, keptBytes: Range<Int>, of source: SourceText, limit: Int, to out: inout Out) {
        let cut = range.count > limit
        source.withUTF8(bytes: keptBytes) { bytes in
            guard cut else { return appendQuote(utf8: bytes, isNFC: source.isNFC, to: &out) }
            // A cut quote is its piece and "…" as one field, as its cell's bytes are. From an
            // NFC source the piece is written with "…" after it, not joined to it first (a
            // copy per cut quote): "…" holds no byte that makes a field quoted, and a field
            // that looks like a formula does so by its piece's first bytes.
            guard source.isNFC else {
                let joined = Array(bytes) + Self.ellipsisBytes
                return joined.withUnsafeBufferPointer { appendText(utf8: $0, to: &out) }
            }
            appendTextBytes(bytes, ellipsis: true, to: &out)
        }
    }

    /// Appends a quote whose UTF-8 is `bytes`, from a source whose ``SourceText/isNFC`` is
    /// `isNFC`, as its cell would be written: a source that NFC leaves alone is copied as it is.
    func appendQuote<Out: ByteSink & ~Copyable>(utf8 bytes: UnsafeBufferPointer<UInt8>, isNFC: Bool, to out: inout Out) {
        guard isNFC else { return appendText(utf8: bytes, to: &out) }
        appendTextBytes(bytes, to: &out)
    }

    /// Appends `bytes` as a text field, with "…" after them when `ellipsis` (which changes
    /// neither whether the field is quoted nor whether it looks like a formula).
    private func appendTextBytes<Out: ByteSink & ~Copyable>(_ bytes: UnsafeBufferPointer<UInt8>, ellipsis: Bool = false, to out: inout Out) {
        let prefix = profile == .spreadsheet && Self.looksLikeFormula(bytes)
        let quote = UInt8(ascii: "\"")
        guard Self.needsQuotes(bytes, delimiter: delimiterByte) else {
            if prefix {
                out.append(UInt8(ascii: "'"))
            }
            out.appendBytes(bytes)
            if ellipsis {
                out.appendBytes(Self.ellipsisBytes)
            }
            return
        }
        out.append(quote)
        if prefix {
            out.append(UInt8(ascii: "'"))
        }
        var runStart = bytes.startIndex
        // Quotes found with memchr: a quoted field is most often a sentence with a comma and
        // no quote at all, and a byte-by-byte search was most of the time spent writing it.
        while let base = bytes.baseAddress, runStart < bytes.endIndex,
              let found = memchr(base + runStart, Int32(quote), bytes.endIndex - runStart) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            // Copy up to and including the quote, then double it.
            out.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart...index]))
            out.append(quote)
            runStart = index + 1
        }
        out.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.endIndex]))
        if ellipsis {
            out.appendBytes(Self.ellipsisBytes)
        }
        out.append(quote)
    }

    /// Whether `bytes` hold the delimiter, a double quote, CR or LF: sixteen bytes at a time
    /// (most fields hold none, and export scans a gigabyte of them at 10,000 documents).
    ///
    /// Four byte compares of a 16-byte vector, joined: eight bytes at a time by word arithmetic
    /// (four borrow tests a word) cost about three instructions a byte, the most of any step
    /// of writing a quote. A field of 16 bytes or more ends with the 16 bytes before its end,
    /// read again where they overlap the last whole block; a shorter one goes by words.
    static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        guard count >= 16 else { return needsQuotes(short: bytes, delimiter: delimiter) }
        let delimiters = SIMD16<UInt8>(repeating: delimiter), quotes = SIMD16<UInt8>(repeating: UInt8(ascii: "\""))
        let lineFeeds = SIMD16<UInt8>(repeating: 0x0A), returns = SIMD16<UInt8>(repeating: 0x0D)
        func found(at offset: Int) -> Bool {
            let block = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self)
            return any((block .== delimiters) .| (block .== quotes) .| (block .== lineFeeds) .| (block .== returns))
        }
        var offset = 0
        while offset + 16 <= count {
            if found(at: offset) { return true }
            offset += 16
        }
        return offset < count && found(at: count - 16)
    }

    /// ``needsQuotes(_:delimiter:)`` for fewer than 16 bytes: eight at a time, then one by one.
    private static func needsQuotes(short bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let delimiters = ByteWord.repeating(delimiter), quotes = ByteWord.repeating(UInt8(ascii: "\""))
        let lineFeeds = ByteWord.repeating(0x0A), returns = ByteWord.repeating(0x0D)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            let found = ByteWord.zeroBytes(word ^ delimiters) | ByteWord.zeroBytes(word ^ quotes)
                | ByteWord.zeroBytes(word ^ lineFeeds) | ByteWord.zeroBytes(word ^ returns)
            if found != 0 {
                return true
            }
            offset += 8
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == delimiter || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D { return true }
            offset += 1
        }
        return false
    }

    private func endRecord<Out: ByteSink & ~Copyable>(startingAt start: Int, in out: inout Out) {
        if out.count == start {
            // A lone empty field would be a blank line, which pandas and others skip.
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: "\""))
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// Text that spreadsheets run as a formula: it starts with `=`, `+`, `-`, `@`, TAB, CR, LF,
    /// or full-width `＝` `＋` `－` `＠` (U+FF1D, U+FF0B, U+FF0D, U+FF20: EF BC 9D/8B/8D/A0).
    static func looksLikeFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else {
            return false
        }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D, 0x0A:
            return true
        case 0xEF:
            guard bytes.count >= 3, bytes[1] == 0xBC else {
                return false
            }
            return [0x9D, 0x8B, 0x8D, 0xA0].contains(bytes[2])
        default:
            return false
        }
    }

    /// Bytes of records rendered straight to bytes that are gathered before they go to the
    /// output: a few records, so that each batch is still copied by `memcpy`'s vector loop
    /// (glibc copies 4 KB or more with `rep movsb`, which callgrind counts a byte at a time).
    private static let recordBatch = 2048

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let ellipsisBytes = Array(SourceText.Quote.ellipsis.utf8)

    private static func estimatedSize(rows: Int, columns: Int) -> Int {
        let (cells, overflow) = rows.multipliedReportingOverflow(by: columns)
        return overflow ? 1 << 30 : min(cells, 1 << 27) * 8 + 64
    }
}
