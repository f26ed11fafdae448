import Foundation

/// Writes tables as an Office Open XML workbook (`.xlsx`), one sheet per table.
///
/// The minimal parts of ECMA-376 Part 1 §12.2 in a STORED ZIP, `[Content_Types].xml` first.
/// Text and dates are shared strings (`t="s"`), numbers locale-neutral `<v>` values with a
/// number format showing their decimals (`.significant` ones in the General format, which
/// shows a tiny value's digits, `1.23457E-08`, not 0.000000), booleans `t="b"`; no cell is
/// ever a formula, so `=HYPERLINK(...)` is shown as the text it is. Header row bold and frozen.
///
/// Text is NFC, without XML-illegal control characters, and capped at 32,767 UTF-16 code units
/// (Excel's cell limit; longer text is cut at a character boundary).
public enum XLSXWriter {
    /// Rows in a sheet, the header row included.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384
    /// UTF-16 code units in a cell.
    public static let maxCellCharacters = 32_767
    public static let maxSheetNameLength = 31

    /// The `.xlsx` bytes of a workbook with one sheet per table, in order.
    ///
    /// - Throws: ``ExportError/noTables``, ``ExportError/tooManyRows(table:rows:limit:)`` for more
    ///   than 1,048,575 data rows, ``ExportError/tooManyColumns(table:columns:limit:)``.
    public static func workbook(_ tables: [Table]) throws(ExportError) -> [UInt8] {
        try workbook(tables, chunkSize: 1 << 20)
    }

    /// ``workbook(_:)`` with each large part rendered in pieces of about `chunkSize` bytes.
    static func workbook(_ tables: [Table], chunkSize: Int) throws(ExportError) -> [UInt8] {
        var archive: [UInt8] = []
        try workbook(tables, chunkSize: chunkSize, output: Output(
            write: { archive.append(contentsOf: $0) },
            overwrite: { offset, bytes in archive.replaceSubrange(offset..<offset + bytes.count, with: bytes) }))
        return archive
    }

    /// Writes the workbook of `tables` to a new file at `url`, a piece at a time, so neither
    /// the workbook nor any of its sheets is ever whole in memory.
    ///
    /// - Throws: ``ExportError`` as ``workbook(_:)`` does, or the error of the file.
    public static func write(_ tables: [Table], to url: URL) throws {
        try OutputFolder.stream(to: url) { file in
            // The builder's outputs cannot throw (its errors are ``ExportError``s): keep the
            // first write error, skip the rest, and throw it at the end.
            var failure: (any Error)?
            try workbook(tables, chunkSize: 1 << 20, output: Output(write: { bytes in
                guard failure == nil else { return }
                do { try file.write(UnsafeRawBufferPointer(bytes)) } catch { failure = error }
            }, overwrite: { offset, bytes in
                guard failure == nil else { return }
                do { try file.overwrite(at: offset, with: bytes) } catch { failure = error }
            }))
            if let failure { throw failure }
        }
    }

    /// Where a workbook's bytes go: `write` takes them in order; `overwrite` writes over bytes
    /// already written, at an offset from the archive's start.
    private struct Output {
        let write: (UnsafeBufferPointer<UInt8>) -> Void
        let overwrite: (_ offset: Int, _ bytes: [UInt8]) -> Void
    }

    /// Builds the workbook, handing its bytes to `output` in order: the small parts, the
    /// shared strings and each sheet in pieces of about `chunkSize` bytes, then the central
    /// directory. A large part's checksum and size are known only once it is written, so its
    /// local header is then written over.
    private static func workbook(_ tables: [Table], chunkSize: Int, output: Output) throws(ExportError) {
        guard !tables.isEmpty else {
            throw ExportError.noTables
        }
        for table in tables {
            guard table.rows.count < maxRows else {
                throw ExportError.tooManyRows(table: table.name, rows: table.rows.count, limit: maxRows - 1)
            }
            guard table.columns.count <= maxColumns else {
                throw ExportError.tooManyColumns(table: table.name, columns: table.columns.count, limit: maxColumns)
            }
        }
        // Each sheet's cells are read once, into a compact form that refers to the shared
        // table by number (texts numbered in first-use order, sheet by sheet). The table must
        // precede the sheets in the archive, so the sheets' XML is rendered only then, one
        // sheet at a time and in pieces: no sheet's XML is ever whole in memory (at 10,000
        // generated plans, the workbook's XML is 270 MB and its largest sheet 43 MB).
        var strings = SharedStrings()
        var sheets = tables.map { SheetCells($0, strings: &strings) }
        let names = sheetNames(for: tables)

        var zip = ZipWriter()
        try zip.add(path: "[Content_Types].xml", data: Array(contentTypes(sheetCount: sheets.count).utf8))
        try zip.add(path: "_rels/.rels", data: Array(rootRelationships.utf8))
        try zip.add(path: "xl/workbook.xml", data: workbookXML(sheetNames: names))
        try zip.add(path: "xl/_rels/workbook.xml.rels", data: Array(workbookRelationships(sheetCount: sheets.count).utf8))
        try zip.add(path: "xl/styles.xml", data: Array(styles.utf8))

        /// Streams one part: its header, its pieces as they are rendered, then its checksum and size.
        func stream(_ path: String, render: (_ emit: (UnsafeBufferPointer<UInt8>) -> Void) -> Void) throws(ExportError) {
            try zip.beginEntry(path: path).withUnsafeBufferPointer(output.write)
            var crc = CRC32()
            var size = 0
            render { piece in
                crc.update(piece)
                size += piece.count
                output.write(piece)
            }
            let header = try zip.endEntry(size: size, crc: crc.value)
            output.overwrite(header.offset, header.bytes)
        }

        try stream("xl/sharedStrings.xml") { emit in strings.xml(chunkSize: chunkSize, emit: emit) }
        strings = SharedStrings()
        for index in sheets.indices {
            try stream("xl/worksheets/sheet\(index + 1).xml") { emit in
                worksheet(tables[index], cells: sheets[index], selected: index == 0, chunkSize: chunkSize, emit: emit)
            }
            sheets[index] = SheetCells()
        }
        zip.finish().withUnsafeBufferPointer(output.write)
    }

    /// The sheet name of each table: its name with `\ / ? * [ ] :` and control characters
    /// replaced by `_`, no leading or trailing `'`, at most 31 characters, unique ignoring case
    /// (a repeat gets `_2`, `_3`, ...).
    public static func sheetNames(for tables: [Table]) -> [String] {
        var used: Set<String> = []
        return tables.map { table in
            let base = sheetName(table.name)
            var candidate = base
            var number = 2
            while used.contains(candidate.lowercased()) {
                let suffix = "_\(number)"
                candidate = prefix(base, utf16Limit: maxSheetNameLength - suffix.utf16.count) + suffix
                number += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    /// The `A`, ..., `Z`, `AA`, ... name of a zero-based column index.
    public static func columnName(_ index: Int) -> String {
        var letters: [UInt8] = []
        var rest = max(index, 0) + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(truncatingIfNeeded: digit))
            rest = (rest - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// `text` as a cell may hold it: NFC, XML-illegal control characters (U+0000-0008, 000B,
    /// 000C, 000E-001F, FFFE, FFFF) dropped, cut to 32,767 UTF-16 code units, the last of them
    /// "…" where cut (the CSV files hold the whole text).
    static func cellText(_ text: String) -> String {
        var result = TextNormalization.nfc(text)
        if result.utf8.withContiguousStorageIfAvailable(containsSuspect) ?? result.utf8.contains(where: isSuspect) {
            result = withoutIllegalCharacters(result)
        }
        if result.utf8.count > maxCellCharacters, result.utf16.count > maxCellCharacters {
            result = prefix(result, utf16Limit: maxCellCharacters - 1) + "…"
        }
        return result
    }

    /// A UTF-8 byte that may belong to a character a cell cannot hold: a control other than
    /// tab, LF and CR, or the lead byte EF of U+F000-FFFF (among them U+FFFE and U+FFFF).
    @inline(__always)
    static func isSuspect(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF
    }

    /// Whether any of `bytes` ``isSuspect(_:)``, tested eight at a time: a word without a
    /// byte below 0x20 or equal to 0xEF has none (testing byte by byte was 1% of a run).
    static func containsSuspect(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let below = ByteWord.bytes(below: 0x20, in: word)
            let equal = ByteWord.zeroBytes(word ^ ByteWord.repeating(0xEF))
            if below | equal != 0, (index..<index + 8).contains(where: { isSuspect(base[$0]) }) { return true }
            index += 8
        }
        return (index..<bytes.count).contains { isSuspect(base[$0]) }
    }

    // MARK: - Worksheets

    /// Cell style indexes in `styles.xml`.
    private enum Style {
        static let header = 1
        /// `.number` with `places` decimals gets `numberBase + places` for places in 0...10.
        static let numberBase = 2
        static let maxStyledPlaces = 10
    }

    /// Hands the XML of a worksheet whose cells were read into `cells` to `emit`, in pieces
    /// of about `chunkSize` bytes (whole rows).
    private static func worksheet(
        _ table: Table, cells: SheetCells, selected: Bool, chunkSize: Int, emit: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let columnCount = table.columns.count
        let letters = (0..<columnCount).map { Array(columnName($0).utf8) }
        // Rendered into a growable buffer: a sheet appends several tags and numbers per cell.
        let estimate = cells.bytes.count * 6 + cells.rows * 16 + 1024
        var out = GrowableBuffer<UInt8>(capacity: chunkSize > estimate ? estimate : chunkSize + (1 << 16))
        out.appendBytes(Array((xmlDeclaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">").utf8))

        let lastColumn = letters.last.map { String(decoding: $0, as: UTF8.self) } ?? "A"
        let dimension = columnCount == 0 ? "A1" : "A1:\(lastColumn)\(cells.rows + 1)"
        var head = "<dimension ref=\"\(dimension)\"/>"
        head += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        head += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        head += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        head += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if columnCount > 0 {
            head += "<cols>"
            for (index, width) in cells.widths.enumerated() {
                head += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            head += "</cols>"
        }
        head += "<sheetData>"
        out.appendBytes(Array(head.utf8))

        if columnCount > 0 {
            out.appendBytes(Array("<row r=\"1\">".utf8))
            for (index, string) in cells.header.enumerated() {
                out.appendBytes(cellOpen)
                out.appendBytes(letters[index])
                out.appendBytes(Array("1\"".utf8))
                out.appendBytes(Array(" t=\"s\" s=\"\(Style.header)\"><v>".utf8))
                DecimalText.appendInteger(string, to: &out)
                out.appendBytes(closeValueAndCell)
            }
            out.appendBytes(closeRow)
        }
        appendRows(cells, columns: letters, chunkSize: chunkSize, to: &out, emit: emit)
        out.appendBytes(Array("</sheetData></worksheet>".utf8))
        out.withUnsafeBufferPointer(emit)
    }

    /// Appends the data rows of `cells` (columns named `letters`), handing `out` to `emit`
    /// and emptying it whenever `chunkSize` bytes are ready.
    ///
    /// The cells' bytes are decoded in place (a value with one load of a word, see
    /// ``SheetCells``), and each row is rendered into a buffer that holds the longest row the
    /// sheet can have, with a store of a word or three per tag or number (``TagWords``,
    /// ``DecimalText/asciiDigits(below100Million:minimumDigits:)``) and no test for room, then
    /// appended to `out` at once. Decoding each cell into an enum and appending each tag and
    /// number on its own cost about 330 instructions a cell, at 2.7 million cells for 1,000
    /// generated plans. A cell after another in its row starts with one tag, `</v></c><c r="B`,
    /// the previous cell's end and its own start.
    private static func appendRows(
        _ cells: SheetCells, columns letters: [[UInt8]], chunkSize: Int, to out: inout GrowableBuffer<UInt8>,
        emit: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let starts = letters.map { TagWords(Self.cellOpen + $0) }
        let joined = letters.map { TagWords(Self.closeValueAndCell + Self.cellOpen + $0) }
        let numberOpen = Self.numberOpen.map(TagWords.init)
        let openRow = TagWords(Self.openRow), closeRowOpen = TagWords(Self.closeRowOpen), closeRow = TagWords(Self.closeRow)
        let lastCloseRow = TagWords(Self.closeValueAndCell + Self.closeRow)
        let sharedStringOpen = TagWords(Self.sharedStringOpen), valueOpen = TagWords(Self.valueOpen), booleanOpen = TagWords(Self.booleanOpen)
        let columnCount = letters.count
        // A cell moves the row's end by at most 17 + 8 + 11 + 8 bytes (start, reference end,
        // type and style, a number of up to 8 digits; a longer one goes straight to `out`),
        // and a store writes at most 24 bytes from the end; the row's start and end are 24
        // and 14 bytes.
        let rowCapacity = columnCount * 48 + 64
        cells.bytes.withUnsafeBufferPointer { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: rowCapacity) { rowBuffer in
                // The cells end where the padding of ``SheetCells/padding`` bytes starts.
                guard let row = rowBuffer.baseAddress, let base = bytes.baseAddress, bytes.count >= SheetCells.padding else { return }
                let cellsEnd = bytes.count - SheetCells.padding
                var end = 0
                var position = 0
                /// The value of the `width` bytes at `position` (at most 8), which it moves
                /// past: one load of a word, which the padding keeps in the cells' bytes
                /// while `position` is at most `cellsEnd`.
                func readValue(width: Int) -> UInt64 {
                    let width = min(width, 8)
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                    position &+= width
                    // All ones for 8 bytes: a shift by 64 or more is 0.
                    return word & ((1 as UInt64) << UInt64(width &* 8) &- 1)
                }
                /// Stores the low `count` bytes of `word` at the row's end.
                func store(_ word: UInt64, count: Int) {
                    UnsafeMutableRawPointer(row + end).storeBytes(of: word.littleEndian, as: UInt64.self)
                    end &+= count
                }
                func store(_ tag: TagWords) {
                    end &+= tag.store(at: UnsafeMutableRawPointer(row + end))
                }
                /// Moves the row so far to `out`, before a value `out` renders itself.
                func flush() {
                    out.appendBytes(UnsafeBufferPointer(start: row, count: end))
                    end = 0
                }
                for rowIndex in 0..<cells.rows {
                    // The row's number (2 to 1,048,576: at most 7 digits), and with `"` after it,
                    // `7"`, the end of each cell's reference in the row.
                    let (number, digits) = DecimalText.asciiDigits(below100Million: UInt64(rowIndex + 2))
                    let rowEnd = number | UInt64(UInt8(ascii: "\"")) << (8 * UInt64(digits)), rowEndCount = min(digits + 1, 8)
                    store(openRow)
                    store(number, count: digits)
                    store(closeRowOpen)
                    var open = false
                    var column = 0
                    cells: while position < cellsEnd {
                        let byte = base[position]
                        position &+= 1
                        let tag = SheetCells.Tag(rawValue: byte & SheetCells.kindMask)
                        // The cell's value (none for a tag of width 0), read whether or not
                        // its column is kept.
                        let value = readValue(width: Int(byte >> SheetCells.widthShift))
                        var places = 0
                        switch tag {
                        case .rowEnd, nil: break cells
                        case .blank, .yes, .no, .string, .integer: break
                        case .number, .significant:
                            // Places, or significant digits.
                            guard position < cellsEnd else { break cells }
                            let placesTag = base[position]
                            position &+= 1
                            places = SheetCells.unzigzag(readValue(width: Int(placesTag >> SheetCells.widthShift)))
                        }
                        defer { column += 1 }
                        guard tag != .blank, column < columnCount else { continue }
                        // `<c r="B7"`, left open for the type and style attributes, from `<c r="B`
                        // (after the end of the cell before, if any) and `7"`.
                        store(open ? joined[column] : starts[column])
                        store(rowEnd, count: rowEndCount)
                        open = true
                        switch tag {
                        case .string, .integer:
                            store(tag == .string ? sharedStringOpen : valueOpen)
                            // A shared string's number, or an integer of up to 8 digits.
                            let integer = tag == .string ? Int(truncatingIfNeeded: value) : SheetCells.unzigzag(value)
                            if integer >= 0, integer < 100_000_000 {
                                let (word, count) = DecimalText.asciiDigits(below100Million: UInt64(integer))
                                store(word, count: count)
                            } else {
                                flush()
                                DecimalText.appendInteger(integer, to: &out)
                            }
                        case .number:
                            let clamped = max(places, 0)
                            store(clamped < numberOpen.count ? numberOpen[clamped] : valueOpen)  // else General format
                            flush()
                            DecimalText.appendFixed(Double(bitPattern: value), places: places, to: &out)
                        case .significant:
                            // General format, which shows a tiny value in exponent form too
                            // (a fixed number of decimals would show 0.000000).
                            store(valueOpen)
                            flush()
                            DecimalText.appendSignificant(Double(bitPattern: value), digits: places, to: &out)
                        case .yes, .no:
                            store(booleanOpen)
                            store(UInt64(tag == .yes ? UInt8(ascii: "1") : UInt8(ascii: "0")), count: 1)
                        case .blank, .rowEnd, nil:
                            break
                        }
                    }
                    store(open ? lastCloseRow : closeRow)
                    flush()
                    if out.count >= chunkSize {
                        out.withUnsafeBufferPointer(emit)
                        out.removeAll()
                    }
                }
            }
        }
    }

    /// A tag of a sheet's XML, up to 24 bytes, as the three words that hold them: stored with
    /// three stores of a word, where `memcpy` of a tag's few bytes cost several times as
    /// much, at each of millions of cells. The longest tag is a cell's start after another
    /// cell, `</v></c><c r="XFD`, 17 bytes (at most 16,384 columns).
    private struct TagWords {
        private let words: (UInt64, UInt64, UInt64)
        private let count: Int

        init(_ bytes: [UInt8]) {
            precondition(bytes.count <= 24, "XLSXWriter: a tag longer than 24 bytes")
            func word(_ offset: Int) -> UInt64 {
                (0..<8).reduce(0) { word, k in
                    offset + k < bytes.count ? word | UInt64(bytes[offset + k]) << (8 * UInt64(k)) : word
                }
            }
            words = (word(0), word(8), word(16))
            count = bytes.count
        }

        /// Writes the 24 bytes of the words at `pointer` (those past the tag are garbage, to
        /// be written over) and returns the tag's length.
        @inline(__always)
        func store(at pointer: UnsafeMutableRawPointer) -> Int {
            pointer.storeBytes(of: words.0.littleEndian, as: UInt64.self)
            pointer.storeBytes(of: words.1.littleEndian, toByteOffset: 8, as: UInt64.self)
            pointer.storeBytes(of: words.2.littleEndian, toByteOffset: 16, as: UInt64.self)
            return count
        }
    }

    private static let openRow = Array("<row r=\"".utf8)
    private static let closeRowOpen = Array("\">".utf8)
    private static let closeRow = Array("</row>".utf8)
    private static let cellOpen = Array("<c r=\"".utf8)
    private static let sharedStringOpen = Array(" t=\"s\"><v>".utf8)
    private static let booleanOpen = Array(" t=\"b\"><v>".utf8)
    private static let valueOpen = Array("><v>".utf8)
    /// ` s="N"><v>` for a number with 0...10 decimals, N its style.
    private static let numberOpen = (0...Style.maxStyledPlaces).map { Array(" s=\"\(Style.numberBase + $0)\"><v>".utf8) }
    private static let closeValueAndCell = Array("</v></c>".utf8)

    /// Rows whose cells set the column widths.
    private static let widthRows = 1_000

    /// Column widths in characters, from the header and the first ``widthRows`` rows.
    static let widthRange = 8...60

    /// Characters of a text's first line, counted up to `limit` (from its bytes when each
    /// scalar is a character: ``CharacterCount/firstLine(_:limit:)``).
    static func width(of text: String, limit: Int) -> Int {
        if let fast = text.utf8.withContiguousStorageIfAvailable({ CharacterCount.firstLine($0, limit: limit) }), let fast {
            return fast
        }
        var count = 0
        for character in text {
            if count == limit || character == "\n" || character == "\r\n" || character == "\r" { break }
            count += 1
        }
        return count
    }

    /// The width in characters a cell asks of its column: the first line of a text. Texts
    /// are counted only as far as the widest column (a column is one wider than its widest
    /// cell): counting every character of every quote was a fifth of reading a sheet.
    private static func width(of cell: Cell) -> Int {
        let limit = widthRange.upperBound - 1
        switch cell {
        case .text(let text), .date(let text):
            return width(of: text, limit: limit)
        case .quote(let quote):
            // Counted in the source's bytes; a quote made a string (a whole sentence, often)
            // only to count its first characters was a sixth of reading a sheet.
            return quote.withUTF8 { CharacterCount.firstLine($0, limit: limit) } ?? width(of: quote.text, limit: limit)
        case .integer(let value):
            // Its digits and sign, counted: making `String(value)` to count it was a tenth of
            // reading a sheet's first rows.
            var width = value < 0 ? 2 : 1
            var rest = value.magnitude
            while rest >= 10 {
                rest /= 10
                width += 1
            }
            return width
        case .number(let value, let places):
            return DecimalText.fixed(value, places: places).count
        case .significant(let value, let digits):
            return DecimalText.significant(value, digits: digits).count
        case .boolean:
            return 5
        case .empty:
            return 0
        }
    }

    // MARK: - Shared strings

    /// A worksheet's cells read once, compactly: each cell a tag byte and its value (about
    /// 4 bytes a cell, against 35 as XML), texts as their numbers in the shared table, and the
    /// column widths.
    ///
    /// A tag byte holds what the cell is (``Tag``) in its low four bits and how many bytes
    /// its value takes in its high four (0 to 8, the value's low bytes, little-endian), so
    /// that a value is written with one store of a word and read with one load and a mask;
    /// ``padding`` bytes after the last cell keep every such load in the bytes. (As LEB128,
    /// seven bits a byte, a value was a loop over its bytes both ways: 170 million
    /// instructions to write the 2.8 million values of a 1,000-plan workbook.) A number's
    /// value is its bit pattern, followed by its places (significant digits for a
    /// `.significant` one) as a tag of width and their bytes.
    ///
    /// Widths in characters come from the header and the first 1,000 rows, between 8 and 60.
    private struct SheetCells: Sendable {
        private(set) var bytes: [UInt8] = []
        private(set) var rows = 0
        /// The shared table's number of each column name.
        private(set) var header: [Int] = []
        private(set) var widths: [Int] = []

        init() {}

        /// Reads `table`'s cells, adding their texts to `strings`.
        ///
        /// Each row's cells are read in place, from the row's own storage, and their bytes go
        /// to a ``GrowableBuffer``: taking each cell out of its row copied it (a retain and a
        /// release of its text, two calls a cell), and `Array.append` checked its storage at
        /// every tag and value byte; the two were a sixth of reading a sheet.
        init(_ table: Table, strings: inout SharedStrings) {
            let columnCount = table.columns.count
            for column in table.columns { header.append(strings.number(cellText(column.name))) }
            var widest = table.columns.map { $0.name.count + 1 }  // bold header text is wider
            // Texts' numbers by column: most repeat down a column.
            var numbers = ColumnMemo<Int>(columns: columnCount)
            var quotes = QuoteMemo(columns: columnCount)
            var out = GrowableBuffer<UInt8>(capacity: 1 << 16)
            var reader = table.rows.makeIterator()
            var row: [Cell] = []
            var rowCount = 0
            while reader.next(into: &row) {
                let measured = rowCount < widthRows
                row.withUnsafeBufferPointer { cells in
                    for index in 0..<min(columnCount, cells.count) {
                        if measured { widest[index] = max(widest[index], width(of: cells[index])) }
                        Self.append(cells[index], column: index, numbers: &numbers, quotes: &quotes, strings: &strings, to: &out)
                    }
                }
                out.append(Tag.rowEnd.rawValue)
                rowCount += 1
            }
            rows = rowCount
            out.append(0, times: Self.padding)
            bytes = out.array()
            widths = widest.map { min(max($0 + 1, widthRange.lowerBound), widthRange.upperBound) }
        }

        private static func append(
            _ cell: Cell, column: Int, numbers: inout ColumnMemo<Int>, quotes: inout QuoteMemo, strings: inout SharedStrings,
            to out: inout GrowableBuffer<UInt8>
        ) {
            switch cell {
            case .text(let text), .date(let text):
                // A text numbered in this column the row before has that number again.
                if let number = text.utf8.withContiguousStorageIfAvailable({ numbers.note(for: $0, column: column) }) ?? nil {
                    append(.string, UInt64(strings.reference(number)), to: &out)
                } else if let number = appendText(text, strings: &strings, to: &out) {
                    numbers.remember(number, for: text, column: column)
                }
            case .quote(let quote):
                if let number = quotes.number(of: quote, column: column) {
                    return append(.string, UInt64(strings.reference(number)), to: &out)
                }
                // A quote that ``cellText(_:)`` would leave as it is goes in as its bytes.
                let number = quote.withUTF8 { text -> Int? in
                    guard !text.isEmpty else { return nil }
                    let hash = RunTable<UInt8>.hash(of: text)
                    return strings.stored(utf8: text, hash: hash) ?? (
                        quote.isNFC && text.count <= maxCellCharacters && !XLSXWriter.containsSuspect(text)
                            ? strings.number(utf8: text, hash: hash) : nil)
                }
                if let number {
                    append(.string, UInt64(number), to: &out)
                    quotes.remember(number, for: quote, column: column)
                } else if let number = appendText(quote.text, strings: &strings, to: &out) {
                    quotes.remember(number, for: quote, column: column)
                }
            case .integer(let value):
                append(.integer, zigzag(value), to: &out)
            case .number(let value, let places):
                guard value.isFinite else { return out.append(Tag.blank.rawValue) }
                append(.number, value.bitPattern, to: &out)
                append(.integer, zigzag(places), to: &out)
            case .significant(let value, let digits):
                guard value.isFinite else { return out.append(Tag.blank.rawValue) }
                append(.significant, value.bitPattern, to: &out)
                append(.integer, zigzag(digits), to: &out)
            case .boolean(let value):
                out.append(value ? Tag.yes.rawValue : Tag.no.rawValue)
            case .empty:
                out.append(Tag.blank.rawValue)
            }
        }

        /// Appends `text`'s cell; its number in the shared table, nil for a blank cell.
        @discardableResult
        private static func appendText(_ text: String, strings: inout SharedStrings, to out: inout GrowableBuffer<UInt8>) -> Int? {
            // An empty text is a blank cell, as in the CSV (readers see no value either way).
            guard !text.isEmpty else {
                out.append(Tag.blank.rawValue)
                return nil
            }
            // Text that ``cellText(_:)`` would leave as it is (nearly all) is numbered by its
            // own bytes, without making that copy of it; text the table holds already (most
            // cells: a sheet's texts repeat) is not even checked (``SharedStrings/stored(utf8:hash:)``).
            let number = text.utf8.withContiguousStorageIfAvailable { text -> Int? in
                let hash = RunTable<UInt8>.hash(of: text)
                if let stored = strings.stored(utf8: text, hash: hash) { return stored }
                guard text.count <= maxCellCharacters, !XLSXWriter.containsSuspect(text),
                      !TextNormalization.needsNFC(utf8: text) else { return nil }
                return strings.number(utf8: text, hash: hash)
            }
            let found = (number ?? nil) ?? strings.number(cellText(text))
            append(.string, UInt64(found), to: &out)
            return found
        }

        /// Appends a tag of `kind` and `value`'s bytes (none for 0), with one store of a word
        /// unless the value takes all eight bytes (a number's bit pattern).
        @inline(__always)
        private static func append(_ kind: Tag, _ value: UInt64, to out: inout GrowableBuffer<UInt8>) {
            let width = (71 &- value.leadingZeroBitCount) &>> 3
            let tag = UInt64(kind.rawValue) | UInt64(width) << UInt64(widthShift)
            if width < 8 {
                out.append(word: tag | value << 8, count: width &+ 1)
            } else {
                out.append(UInt8(truncatingIfNeeded: tag))
                out.append(word: value, count: 8)
            }
        }

        private static func zigzag(_ value: Int) -> UInt64 {
            UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        }

        /// What a cell is, the low bits of the byte before its value (if any); `rowEnd` ends a row.
        enum Tag: UInt8 {
            case blank, string, integer, number, yes, no, rowEnd
            /// A `.significant` number: its bit pattern, then its digits as a `number`'s places are.
            case significant
        }

        /// The bits of a tag byte that hold its ``Tag``; the bits above `widthShift` hold the
        /// width of its value in bytes.
        static let kindMask: UInt8 = 0x0F
        static let widthShift: UInt8 = 4
        /// Zero bytes after the last cell, so that reading a value's word (eight bytes from
        /// just after its tag) stays in the bytes.
        static let padding = 8

        /// The number each column's last quote has in the shared table: a quote equal to the
        /// one the row before had in its column (63% of the evidence table's sentences at
        /// 1,000 generated plans) has that number again, without its bytes being hashed and
        /// looked up. Quotes are equal when they are the same bytes of the same source.
        private struct QuoteMemo {
            private var last: [(quote: SourceText.Quote, number: Int)?]

            init(columns: Int) {
                last = Array(repeating: nil, count: max(0, columns))
            }

            func number(of quote: SourceText.Quote, column: Int) -> Int? {
                guard column >= 0, column < last.count, let noted = last[column], noted.quote == quote else { return nil }
                return noted.number
            }

            mutating func remember(_ number: Int, for quote: SourceText.Quote, column: Int) {
                guard column >= 0, column < last.count else { return }
                last[column] = (quote, number)
            }
        }

        /// The `Int` that ``zigzag(_:)`` made `value` of.
        static func unzigzag(_ value: UInt64) -> Int {
            Int(truncatingIfNeeded: Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
        }
    }

    /// The workbook's string table: each distinct text once, in first-use order, as UTF-8 in
    /// one ``RunTable`` (no string object per text), escaped only as its XML is written.
    private struct SharedStrings {
        private var texts = RunTable<UInt8>()
        /// Cells that refer to the table (the `count` attribute).
        private var references = 0

        /// Whether ``cellText(_:)`` leaves every stored text as it is, so that a cell whose
        /// bytes are stored is that text, checked or not (see ``stored(utf8:hash:)``).
        ///
        /// Cleaning can leave text it would change again: dropping a control character
        /// between a letter and a combining mark leaves the two uncomposed.
        private var storedAreClean = true

        /// The number of `text` (already cleaned by ``cellText(_:)``), counting the reference.
        mutating func number(_ text: String) -> Int {
            var text = text
            let (id, inserted) = text.withUTF8 { bytes in
                references += 1
                return texts.insert(bytes)
            }
            if inserted, storedAreClean, !cellText(text).utf8.elementsEqual(text.utf8) {
                storedAreClean = false
            }
            return id
        }

        /// The number of `text`, UTF-8 not yet cleaned, when the table holds these bytes,
        /// counting the reference; nil otherwise. Every stored text is one that
        /// ``cellText(_:)`` leaves as it is (while ``storedAreClean``), so a cell whose bytes
        /// are stored would be cleaned into them: its checks would change nothing.
        ///
        /// `hash` is ``RunTable/hash(of:)`` of `text`.
        mutating func stored(utf8 text: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
            guard storedAreClean, let id = texts.id(of: 0..<text.count, in: text, hash: hash) else { return nil }
            references += 1
            return id
        }

        /// `number`, a text's number already, counting one more reference to it.
        mutating func reference(_ number: Int) -> Int {
            references += 1
            return number
        }

        /// The number of a text given as UTF-8 (already cleaned, and left as it is by
        /// ``cellText(_:)``), counting the reference; `hash` is ``RunTable/hash(of:)`` of it.
        mutating func number(utf8 text: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
            references += 1
            return texts.insert(text, hash: hash).id
        }

        /// Hands `sharedStrings.xml` to `emit` in pieces of about `chunkSize` bytes.
        func xml(chunkSize: Int, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
            let head = XLSXWriter.xmlDeclaration + "<sst xmlns=\"\(XLSXWriter.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(texts.count)\">"
            let estimate = texts.elements.count + texts.count * 40
            var out = GrowableBuffer<UInt8>(capacity: chunkSize > estimate ? estimate : chunkSize + (1 << 16))
            out.appendBytes(Array(head.utf8))
            let itemOpen = Self.itemOpen, itemClose = Self.itemClose
            for id in 0..<texts.count {
                out.appendBytes(itemOpen)
                texts.withElements(of: id) { XLSXWriter.appendEscaped(bytes: $0, to: &out) }
                out.appendBytes(itemClose)
                if out.count >= chunkSize {
                    out.withUnsafeBufferPointer(emit)
                    out.removeAll()
                }
            }
            out.appendBytes(Array("</sst>".utf8))
            out.withUnsafeBufferPointer(emit)
        }

        private static let itemOpen = Array("<si><t xml:space=\"preserve\">".utf8)
        private static let itemClose = Array("</t></si>".utf8)
    }

    // MARK: - XML text

    /// Appends `text` escaped for XML content or a double-quoted attribute.
    ///
    /// CR becomes `&#13;` (a parser would turn a raw CR into LF), and the `_` of a literal
    /// `_xHHHH_` becomes `_x005F_`, because Excel and openpyxl read `_xHHHH_` as an escaped
    /// character (ECMA-376 ST_Xstring).
    static func appendEscaped<Sink: ByteSink & ~Copyable>(_ text: String, to out: inout Sink) {
        let appended: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            appendEscaped(bytes: bytes, to: &out)
        }
        if appended == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendEscaped(bytes: $0, to: &out) }
        }
    }

    /// Escapes `bytes` a run at a time, skipping eight bytes at once where none of them is
    /// one that may be escaped (``mayNeedEscaping(_:)``): testing every byte of every shared
    /// string, most of them long quotes with nothing to escape, was ten instructions a byte.
    private static func appendEscaped<Sink: ByteSink & ~Copyable>(bytes: UnsafeBufferPointer<UInt8>, to out: inout Sink) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let end: Int
            if bytes.count - index >= 8 {
                guard mayNeedEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) else {
                    index += 8
                    continue
                }
                end = index + 8
            } else {
                end = bytes.count
            }
            while index < end {
                let replacement: [UInt8]
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = amp
                case UInt8(ascii: "<"): replacement = lt
                case UInt8(ascii: ">"): replacement = gt
                case UInt8(ascii: "\""): replacement = quot
                case 0x0D: replacement = carriageReturn
                case UInt8(ascii: "_") where isEscapeLike(bytes, at: index): replacement = underscore
                default:
                    index += 1
                    continue
                }
                out.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.appendBytes(replacement)
                index += 1
                runStart = index
            }
        }
        out.appendBytes(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    /// Whether any byte of `word` is one ``appendEscaped(bytes:to:)`` may replace: `"` or `&`
    /// (the bytes that are 0x26 with bit 2 set), `<` or `>` (0x3E with bit 1 set), CR or `_`.
    /// Exact: a byte that is zero after the xor is found by the borrow test, which can only
    /// misplace, never invent, a zero byte.
    @inline(__always)
    static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let quoteOrAmpersand = (word | ByteWord.repeating(0x04)) ^ ByteWord.repeating(0x26)
        let angle = (word | ByteWord.repeating(0x02)) ^ ByteWord.repeating(0x3E)
        let carriageReturn = word ^ ByteWord.repeating(0x0D)
        let underscore = word ^ ByteWord.repeating(0x5F)
        return ByteWord.zeroBytes(quoteOrAmpersand) | ByteWord.zeroBytes(angle) | ByteWord.zeroBytes(carriageReturn)
            | ByteWord.zeroBytes(underscore) != 0
    }

    /// Whether `_xHHHH_` (H a hex digit, either case) starts at `index`.
    private static func isEscapeLike(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard bytes.count - index >= 7, bytes[index + 1] == UInt8(ascii: "x"), bytes[index + 6] == UInt8(ascii: "_") else {
            return false
        }
        return (index + 2...index + 5).allSatisfy { position in
            switch bytes[position] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"):
                return true
            default:
                return false
            }
        }
    }

    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let carriageReturn = Array("&#13;".utf8)
    private static let underscore = Array("_x005F_".utf8)

    /// `text` without the characters XML 1.0 forbids: C0 controls other than tab, LF and CR,
    /// and U+FFFE, U+FFFF (UTF-8 EF BF BE, EF BF BF).
    private static func withoutIllegalCharacters(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                index += 1
                continue
            }
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                index += 3
                continue
            }
            kept.append(byte)
            index += 1
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// The longest prefix of whole characters with at most `limit` UTF-16 code units.
    private static func prefix(_ text: String, utf16Limit limit: Int) -> String {
        guard text.utf16.count > limit else {
            return text
        }
        var used = 0
        var end = text.startIndex
        while end < text.endIndex {
            let next = text.index(after: end)
            let width = text.utf16.distance(from: end, to: next)
            if used + width > limit {
                break
            }
            used += width
            end = next
        }
        return String(text[..<end])
    }

    private static func sheetName(_ name: String) -> String {
        let forbidden: Set<Character> = ["\\", "/", "?", "*", "[", "]", ":"]
        var cleaned = String(TextNormalization.nfc(name).map { character -> Character in
            let isControl = character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
            return forbidden.contains(character) || isControl ? "_" : character
        })
        if cleaned.isEmpty {
            cleaned = "Sheet"
        }
        if cleaned.lowercased() == "history" {
            cleaned += "_"  // Excel reserves "History"
        }
        cleaned = prefix(cleaned, utf16Limit: maxSheetNameLength)
        // A sheet name may not start or end with an apostrophe.
        if cleaned.hasPrefix("'") {
            cleaned = "_" + String(cleaned.dropFirst())
        }
        if cleaned.hasSuffix("'") {
            cleaned = String(cleaned.dropLast()) + "_"
        }
        return cleaned
    }

    // MARK: - Package parts

    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let spreadsheetML = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    private static func contentTypes(sheetCount: Int) -> String {
        var xml = xmlDeclaration
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(spreadsheetML).sheet.main+xml\"/>"
        for number in 1...max(sheetCount, 1) {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(number).xml\" ContentType=\"\(spreadsheetML).worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(spreadsheetML).styles+xml\"/>"
        xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(spreadsheetML).sharedStrings+xml\"/>"
        xml += "</Types>"
        return xml
    }

    private static let rootRelationships = xmlDeclaration
        + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private static func workbookXML(sheetNames: [String]) -> [UInt8] {
        var out = Array(xmlDeclaration.utf8)
        out.append(contentsOf: Array("<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">".utf8))
        out.append(contentsOf: Array("<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>".utf8))
        for (index, name) in sheetNames.enumerated() {
            out.append(contentsOf: Array("<sheet name=\"".utf8))
            appendEscaped(name, to: &out)
            out.append(contentsOf: Array("\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>".utf8))
        }
        out.append(contentsOf: Array("</sheets></workbook>".utf8))
        return out
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        var xml = xmlDeclaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        for number in 1...max(sheetCount, 1) {
            xml += "<Relationship Id=\"rId\(number)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(number).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        xml += "</Relationships>"
        return xml
    }

    /// Style 0 default, 1 bold header, 2 whole numbers (`0`), 3-12 `0.0` to `0.0000000000`.
    private static let styles: String = {
        let places = 1...Style.maxStyledPlaces
        var xml = xmlDeclaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
        xml += "<numFmts count=\"\(places.count)\">"
        for place in places {
            xml += "<numFmt numFmtId=\"\(163 + place)\" formatCode=\"0.\(String(repeating: "0", count: place))\"/>"
        }
        xml += "</numFmts>"
        xml += "<fonts count=\"2\">"
        xml += "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        xml += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        xml += "</fonts>"
        xml += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(Style.numberBase + 1 + places.count)\">"
        xml += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        xml += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        xml += "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        for place in places {
            xml += "<xf numFmtId=\"\(163 + place)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        }
        xml += "</cellXfs>"
        xml += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        xml += "</styleSheet>"
        return xml
    }()
}
