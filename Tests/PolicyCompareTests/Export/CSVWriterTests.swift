import Foundation
import Testing
@testable import PolicyCompare

@Suite("CSVWriter")
struct CSVWriterTests {
    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    private func table(_ columns: [Column], _ rows: [[Cell]]) -> Table {
        Table(name: "t", description: "Test table.", columns: columns, rows: rows)
    }

    private func textTable(_ values: [String]) -> Table {
        table([Column("value", .string, title: "Value", description: "A value.")], values.map { [.text($0)] })
    }

    /// The bytes after the BOM (if any) as text.
    private func body(_ bytes: [UInt8]) -> String {
        ExportFixtures.text(bytes.starts(with: Self.bom) ? Array(bytes.dropFirst(3)) : bytes)
    }

    @Test("spreadsheet profile starts with the UTF-8 BOM, plain does not")
    func byteOrderMark() throws {
        let spreadsheet = CSVWriter().write(textTable(["x"]))
        let plain = CSVWriter(profile: .plain).write(textTable(["x"]))
        #expect(Array(spreadsheet.prefix(3)) == Self.bom)
        #expect(plain.first == UInt8(ascii: "v"))
        #expect(Array(spreadsheet.dropFirst(3)) == plain)
        #expect(try CSVWriter(profile: .spreadsheet, delimiter: ";").write(textTable(["x"])).starts(with: Self.bom))
    }

    @Test("header row then CRLF-terminated records, no trailing delimiter")
    func recordsAndHeader() {
        let bytes = CSVWriter(profile: .plain).write(table(
            [
                Column("year", .integer, title: "Year", description: "Year."),
                Column("label_vi", .string, title: "Label", description: "Label."),
                Column("present", .boolean, title: "Present", description: "Present."),
            ],
            [[.integer(2019), .text("Khác"), .boolean(true)], [.integer(2020), .empty, .boolean(false)]]
        ))
        #expect(bytes == Array("year,label_vi,present\r\n2019,Khác,true\r\n2020,,false\r\n".utf8))
        // No bare LF anywhere: every LF is preceded by CR.
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D)
        }
    }

    @Test("fields with the delimiter, quotes, CR or LF are quoted, inner quotes doubled")
    func quoting() {
        let bytes = CSVWriter(profile: .plain).write(textTable(["a,b", "say \"hi\"", "line\nbreak", "cr\rhere", "plain", "semi;colon"]))
        let expected = "value\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n\"line\nbreak\"\r\n\"cr\rhere\"\r\nplain\r\nsemi;colon\r\n"
        #expect(bytes == Array(expected.utf8))
    }

    @Test("an empty value in a one-column table is written as \"\" so it is no blank line")
    func loneEmptyField() {
        let bytes = CSVWriter(profile: .plain).write(table(
            [Column("keyword", .string, title: "Keyword", description: "Keyword.")],
            [[.text("a")], [.empty], [.text("")], [.text("b")]]
        ))
        #expect(bytes == Array("keyword\r\na\r\n\"\"\r\n\"\"\r\nb\r\n".utf8))
    }

    @Test("rows are padded or cut to the column count")
    func ragged() {
        let columns = [
            Column("a", .integer, title: "A", description: "A."),
            Column("b", .integer, title: "B", description: "B."),
        ]
        let bytes = CSVWriter(profile: .plain).write(table(columns, [[.integer(1)], [.integer(1), .integer(2), .integer(3)]]))
        #expect(bytes == Array("a,b\r\n1,\r\n1,2\r\n".utf8))
    }

    static let formulaPrefixes = ["=1+1", "+1", "-1 item", "@SUM(A1)", "\tx", "\rx", "\nx", "＝1", "＋1", "－1", "＠x", "--05-25"]

    @Test("spreadsheet profile prefixes formula-like text with '", arguments: formulaPrefixes)
    func neutralised(value: String) {
        let bytes = CSVWriter().write(textTable([value]))
        let field = body(bytes).dropFirst("value\r\n".count)
        let needsQuotes = value.contains { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        let expected = needsQuotes ? "\"'\(value)\"\r\n" : "'\(value)\r\n"
        #expect(Array(field.utf8) == Array(expected.utf8))
    }

    @Test("plain profile writes formula-like text raw", arguments: formulaPrefixes)
    func raw(value: String) {
        let bytes = CSVWriter(profile: .plain).write(textTable([value]))
        let field = body(bytes).dropFirst("value\r\n".count)
        #expect(!field.hasPrefix("'") && !field.hasPrefix("\"'"))
    }

    @Test("the HYPERLINK case is prefixed inside its quotes")
    func hyperlink() {
        let bytes = CSVWriter().write(textTable([ExportFixtures.formulaLike]))
        #expect(body(bytes) == "value\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n")
        #expect(body(CSVWriter(profile: .plain).write(textTable([ExportFixtures.formulaLike])))
            == "value\r\n\"=HYPERLINK(\"\"http://x\"\")\"\r\n")
    }

    @Test("text that merely contains formula characters is left alone")
    func harmlessText() {
        let bytes = CSVWriter().write(textTable(["a=b", "x-1", "e@mail", " -1"]))
        #expect(body(bytes) == "value\r\na=b\r\nx-1\r\ne@mail\r\n -1\r\n")
    }

    @Test("numbers are never prefixed: -0.5 and -3 stay numeric")
    func numbersUntouched() {
        let bytes = CSVWriter().write(table(
            [
                Column("n", .number, title: "N", description: "N."),
                Column("i", .integer, title: "I", description: "I."),
            ],
            [[.number(-0.5, places: 1), .integer(-3)], [.number(+0.25, places: 2), .integer(Int.min)]]
        ))
        #expect(body(bytes) == "n,i\r\n-0.5,-3\r\n0.25,-9223372036854775808\r\n")
    }

    @Test("NFD input is written as NFC bytes")
    func nfc() {
        #expect(ExportFixtures.vietnameseNFD == ExportFixtures.vietnameseNFC)  // Swift cannot tell...
        #expect(Array(ExportFixtures.vietnameseNFD.utf8) != Array(ExportFixtures.vietnameseNFC.utf8))  // ...bytes can
        let bytes = CSVWriter(profile: .plain).write(textTable([ExportFixtures.vietnameseNFD]))
        #expect(bytes == Array("value\r\n\(ExportFixtures.vietnameseNFC)\r\n".utf8))
        #expect(ExportFixtures.contains(bytes, Array(ExportFixtures.vietnameseNFC.utf8)))
        #expect(!ExportFixtures.contains(bytes, [0xCC, 0x82]))  // no combining circumflex U+0302
    }

    @Test("semicolon delimiter: commas need no quotes, semicolons do")
    func semicolon() throws {
        let writer = try CSVWriter(profile: .plain, delimiter: ";")
        let bytes = writer.write(table(
            [
                Column("label", .string, title: "Label", description: "Label."),
                Column("rate", .number, title: "Rate", description: "Rate."),
            ],
            [[.text("a,b"), .number(1.5, places: 2)], [.text("c;d"), .number(-2, places: 0)]]
        ))
        #expect(bytes == Array("label;rate\r\na,b;1,50\r\n\"c;d\";-2\r\n".utf8))
        #expect(writer.delimiter == ";")
    }

    /// Every cell kind, with numbers that a comma-decimal spreadsheet would misread if their
    /// point were kept (`1.575` is 1575 there) and text, dates and ids holding `.` and `,`.
    private var numbersAndText: Table {
        table(
            [
                Column("id", .string, title: "Id", description: "Id."),
                Column("year", .integer, title: "Year", description: "Year."),
                Column("rate", .number, title: "Rate", description: "Rate."),
                Column("issued", .date, title: "Issued", description: "Issued."),
                Column("note", .string, title: "Note", description: "Note."),
            ],
            [
                [.text("v1.2"), .integer(2019), .number(1.575, places: 3), .date("2019-06-01"), .text("1.575")],
                [.text("a,b"), .integer(-1_000_000), .number(-0.5, places: 1), .date("--05-25"), .text("3,5 %")],
                [.text("x"), .integer(0), .number(1_234_567.891, places: 2), .empty, .text("-1.5")],
                [.text("y"), .integer(7), .number(3, places: 0), .empty, .empty],
                [.text("z"), .integer(8), .number(.nan, places: 2), .empty, .text("4.25")],
                [.text("w"), .integer(9), .number(-0.0001, places: 3), .empty, .text("ok")],
            ]
        )
    }

    @Test("numbers take a decimal comma with the semicolon delimiter and a point with comma and tab; integers, text, dates and ids are untouched",
          arguments: [",", ";", "\t"] as [Character])
    func decimalSeparator(delimiter: Character) throws {
        let writer = try CSVWriter(profile: .plain, delimiter: delimiter)
        let d = String(delimiter)
        let expected = delimiter == ";"
            ? ["id;year;rate;issued;note", "v1.2;2019;1,575;2019-06-01;1.575", "a,b;-1000000;-0,5;--05-25;3,5 %",
               "x;0;1234567,89;;-1.5", "y;7;3;;", "z;8;;;4.25", "w;9;0,000;;ok"]
            : ["id\(d)year\(d)rate\(d)issued\(d)note", "v1.2\(d)2019\(d)1.575\(d)2019-06-01\(d)1.575",
               "\(delimiter == "," ? "\"a,b\"" : "a,b")\(d)-1000000\(d)-0.5\(d)--05-25\(d)\(delimiter == "," ? "\"3,5 %\"" : "3,5 %")",
               "x\(d)0\(d)1234567.89\(d)\(d)-1.5", "y\(d)7\(d)3\(d)\(d)", "z\(d)8\(d)\(d)\(d)4.25", "w\(d)9\(d)0.000\(d)\(d)ok"]
        #expect(ExportFixtures.text(writer.write(numbersAndText)) == expected.map { $0 + "\r\n" }.joined())
        #expect(writer.decimalSeparator == (delimiter == ";" ? "," : "."))
        #expect(CSVWriter().decimalSeparator == ".")
    }

    @Test("the spreadsheet profile never prefixes a number with a decimal comma, and prefixes formula-like text as before")
    func decimalCommaInTheSpreadsheetProfile() throws {
        let bytes = try CSVWriter(delimiter: ";").write(numbersAndText)
        #expect(body(bytes).contains("a,b;-1000000;-0,5;'--05-25;3,5 %\r\n"))
        #expect(body(bytes).contains("x;0;1234567,89;;'-1.5\r\n"))
    }

    @Test("a semicolon file's numbers read back through CSVReader, with the decimal comma made a point, are the numbers written")
    func decimalCommaRoundTrip() throws {
        let source = numbersAndText
        let records = try CSVReader(file: "t.csv", delimiter: ";").records(ExportFixtures.text(try CSVWriter(profile: .plain, delimiter: ";").write(source)))
        #expect(records.first?.fields == source.columns.map(\.name))
        for (row, record) in zip(source.rows, records.dropFirst()) {
            guard case .number(let value, let places) = row[2] else {
                Issue.record("no number in \(row)")
                continue
            }
            let field = record.fields[2]
            #expect(!field.contains("."), "\(field)")
            if value.isFinite {
                let read = try #require(Double(field.replacingOccurrences(of: ",", with: ".")), "\(field)")
                #expect(read == Double(DecimalText.fixed(value, places: places)), "\(field)")
            } else {
                #expect(field.isEmpty)
            }
            // The text and date fields come back as they were.
            #expect(record.fields[0] == Self.text(row[0]) && record.fields[3] == Self.text(row[3]))
        }
    }

    @Test("significant-digit numbers: exponent form for tiny values, the writer's decimal separator, never prefixed",
          arguments: [",", ";", "\t"] as [Character])
    func significantNumbers(delimiter: Character) throws {
        let p = table([Column("p_value", .number, title: "p", description: "p.")],
                      [[.significant(1.234_567e-8, digits: 6)], [.significant(0.003_302_05, digits: 6)], [.significant(-2.5e-7, digits: 6)],
                       [.significant(1, digits: 6)], [.significant(.nan, digits: 6)]])
        let point = delimiter == ";" ? "," : "."
        let expected = "p_value\r\n1\(point)23457e-08\r\n0\(point)00330205\r\n-2\(point)5e-07\r\n1\r\n\"\"\r\n"
        #expect(body(try CSVWriter(delimiter: delimiter).write(p)) == expected)
        #expect(ExportFixtures.text(try CSVWriter(profile: .plain, delimiter: delimiter).write(p)) == expected)
    }

    private static func text(_ cell: Cell) -> String {
        switch cell {
        case .text(let text), .date(let text): text
        default: ""
        }
    }

    @Test("tab delimiter: tabs need quotes")
    func tab() throws {
        let bytes = try CSVWriter(profile: .plain, delimiter: "\t").write(table(
            [
                Column("a", .string, title: "A", description: "A."),
                Column("b", .string, title: "B", description: "B."),
            ],
            [[.text("x y"), .text("tab\there")]]
        ))
        #expect(bytes == Array("a\tb\r\nx y\t\"tab\there\"\r\n".utf8))
    }

    @Test("delimiters other than comma, semicolon and tab are rejected", arguments: ["|", " ", "\"", "'", "ä", "\n"] as [Character])
    func unsupportedDelimiter(delimiter: Character) {
        #expect(throws: ExportError.unsupportedDelimiter(delimiter)) {
            try CSVWriter(delimiter: delimiter)
        }
    }

    @Test("booleans, dates and empty cells")
    func otherKinds() {
        let bytes = CSVWriter().write(table(
            [
                Column("flag", .boolean, title: "Flag", description: "Flag."),
                Column("day", .date, title: "Day", description: "Day."),
                Column("rest", .string, title: "Rest", description: "Rest."),
            ],
            [[.boolean(true), .date("2019-06-01"), .empty], [.boolean(false), .empty, .text("x")]]
        ))
        #expect(body(bytes) == "flag,day,rest\r\ntrue,2019-06-01,\r\nfalse,,x\r\n")
    }

    static let numberCases: [(Double, Int, String)] = [
        (-0.5, 1, "-0.5"),
        (0.5, 3, "0.500"),
        (-0.0, 3, "0.000"),
        (-0.0001, 3, "0.000"),
        (-0.0005, 3, "-0.001"),
        (0.125, 2, "0.12"),  // exact tie: to even, like printf
        (0.375, 2, "0.38"),
        (2.5, 0, "2"),
        (3.5, 0, "4"),
        (1.005, 2, "1.00"),  // 1.005 is 1.00499999999999989...
        (1234567.891, 2, "1234567.89"),
        (1e20, 0, "100000000000000000000"),
        (-1e21, 1, "-1000000000000000000000.0"),
        (1e-7, 3, "0.000"),
        (1e-7, 8, "0.00000010"),
        (0.1, 20, "0.10000000000000000555"),
        (42, -2, "42"),
        (9_007_199_254_740_992, 0, "9007199254740992"),  // 2^53, past the fast path
        (.nan, 2, ""),
        (.infinity, 2, ""),
        (-.infinity, 0, ""),
    ]

    @Test("numbers: exact places, '.' decimal point, no grouping or exponent, no negative zero", arguments: numberCases)
    func numberFormatting(value: Double, places: Int, expected: String) {
        #expect(DecimalText.fixed(value, places: places) == expected)
        let bytes = CSVWriter(profile: .plain).write(table(
            [Column("x", .number, title: "X", description: "X."), Column("y", .integer, title: "Y", description: "Y.")],
            [[.number(value, places: places), .integer(1)]]
        ))
        #expect(bytes == Array("x,y\r\n\(expected),1\r\n".utf8))
    }

    @Test("the fast number path agrees with C's %.*f on many values")
    func numberFormattingMatchesPrintf() {
        var random = ExportFixtures.SeededRandom(seed: 20_190_601)
        for _ in 0..<20_000 {
            let places = Int(random.next() % 8)
            let magnitude = [1.0, 100, 10_000, 1e9, 1e-3][Int(random.next() % 5)]
            let value = (Double(random.next() % 2_000_001) / 1_000_000 - 1) * magnitude
            var expected = String(format: "%.\(places)f", value)
            if expected.hasPrefix("-") && !expected.contains(where: { ("1"..."9").contains($0) }) {
                expected.removeFirst()
            }
            #expect(DecimalText.fixed(value, places: places) == expected, "value \(value) places \(places)")
        }
        // Values on decimal ties and near them, where the fast path must hand over to printf.
        for cents in 0..<2_000 {
            let value = (Double(cents) + 0.5) / 100
            #expect(DecimalText.fixed(value, places: 2) == String(format: "%.2f", value), "value \(value)")
        }
    }

    @Test("streaming to a file writes exactly the bytes of write(_:), across many chunks")
    func streamingToAFile() throws {
        // About 2.4 MB: two full chunks and a remainder, records never split between chunks.
        let rows: [[Cell]] = (0..<30_000).map { i in
            [.integer(i), .text("Tháng hành động vì trẻ em, dòng \(i)\n\"trích\""), .number(Double(i) / 7, places: 4), .boolean(i % 2 == 0)]
        }
        let columns = [
            Column("n", .integer, title: "N", description: "Row."), Column("text", .string, title: "Text", description: "Text."),
            Column("x", .number, title: "X", description: "Number."), Column("even", .boolean, title: "Even", description: "Even row."),
        ]
        let big = table(columns, rows)
        let folder = try Fixtures.temporaryFolder()
        for writer in [CSVWriter(), CSVWriter(profile: .plain), try CSVWriter(delimiter: ";")] {
            let url = folder.appendingPathComponent("big-\(writer.profile)-\(writer.delimiter == ";" ? "semicolon" : "comma").csv")
            try writer.write(big, to: url)
            let bytes = [UInt8](try Data(contentsOf: url))
            #expect(bytes.count > 2 << 20)
            #expect(bytes == writer.write(big))
        }
        let empty = folder.appendingPathComponent("empty.csv")
        try CSVWriter().write(table([], []), to: empty)
        #expect([UInt8](try Data(contentsOf: empty)) == CSVWriter().write(table([], [])))
    }

    @Test("records rendered straight to bytes, written in batches, are their cells' bytes, in memory and in a file")
    func recordsInBatches() throws {
        // About 1.3 MB of one-field records, a fifth of them empty (written as ""), some quoted.
        let cell: @Sendable (Int) -> Cell = { i in i % 5 == 0 ? .empty : .text(i % 3 == 0 ? "dòng \(i), \"x\"" : "dòng \(i)") }
        let rows = Table.Rows(count: 100_000, filler: { { i, cells in cells = [cell(i)] } }, records: Table.Rows.CSVRecords(fields: 1) { writer in
            { i, out in writer.appendCell(cell(i), to: &out) }
        })
        let columns = [Column("a", .string, title: "A", description: "A field.")]
        let generated = Table(name: "t", description: "T.", columns: columns, rows: rows)
        let stored = Table(name: "t", description: "T.", columns: columns, rows: Array(rows))
        #expect(generated.rows.csvRecords != nil && stored.rows.csvRecords == nil)
        let folder = try Fixtures.temporaryFolder()
        for (n, writer) in try CodingTablesTests.writers().enumerated() {
            let bytes = writer.write(generated)
            #expect(bytes.count > 1 << 20 && bytes == writer.write(stored))
            let url = folder.appendingPathComponent("records-\(n).csv")
            try writer.write(generated, to: url)
            #expect([UInt8](try Data(contentsOf: url)) == bytes)
        }
    }

    @Test("a file that cannot be created is an error, not a crash")
    func unwritable() {
        let url = URL(fileURLWithPath: "/nonexistent-folder-\(UUID().uuidString)/t.csv")
        #expect(throws: (any Error).self) { try CSVWriter().write(textTable(["a"]), to: url) }
    }

    @Test("a quote cell writes exactly what its text would: NFC or not, cut or not, quoted or formula-like")
    func quoteCellsWriteAsTheirText() throws {
        // Also text a worksheet cell cannot hold as it is: a control, U+FFFE, more than 32,767 units.
        let texts = ["Hòa bình, “trẻ em” và \"111\"", "Hoa\u{300} bình\ndòng hai", "=SUM(A1)", "-- chú ý", "Tháng hành động vì trẻ em",
                     "a\u{1}b", "x\u{FFFE}y", String(repeating: "trẻ em ", count: 5_000)]
        var quotes: [SourceText.Quote] = []
        for text in texts {
            let source = SourceText(Array(text.unicodeScalars))
            let count = text.unicodeScalars.count
            quotes += [source.reference(0..<count), source.reference(0..<count, limit: 7), source.reference(2..<count),
                       source.reference(count..<count + 3)].compactMap { $0 }
        }
        let columns = [Column("a", .string, title: "A", description: "A quote."), Column("b", .integer, title: "B", description: "A number.")]
        let byReference = table(columns, quotes.map { [.quote($0), .integer(1)] })
        let byText = table(columns, quotes.map { [.text($0.text), .integer(1)] })
        #expect(quotes.count == 32 && quotes.contains { !$0.isNFC } && quotes.contains(where: \.isNFC) && quotes.contains(where: \.cut))
        for writer in [CSVWriter(), CSVWriter(profile: .plain), try CSVWriter(delimiter: ";")] {
            #expect(writer.write(byReference) == writer.write(byText))
        }
        #expect(try XLSXWriter.workbook([byReference]) == XLSXWriter.workbook([byText]))
    }

    @Test("a quote appended from bytes found beforehand writes its cell's bytes, for every profile and delimiter")
    func quotesFromKeptBytesWriteAsTheirCells() throws {
        let texts = ["Hòa bình, “trẻ em” và \"111\"; tab\there", "Hoa\u{300} bình\ndòng hai", "=SUM(A1), +1; -2\t@x",
                     "-- chú ý \"x\"", "＝ＳＵＭ(１), \"ｘ\"", "＋ một, hai", String(repeating: "Tháng hành động vì trẻ em, \"năm\"; ", count: 40)]
        for text in texts + texts.map(\.decomposedStringWithCanonicalMapping) {
            let source = SourceText(Array(text.unicodeScalars))
            let count = source.scalarCount
            for writer in try CodingTablesTests.writers() {
                for range in [0..<count, 0..<7, 1..<count, 3..<count - 2, count..<count + 3, count - 2..<count + 5] {
                    for limit in [5, 600, Int.max] {
                        var appended = GrowableBuffer<UInt8>(capacity: 16)
                        writer.appendQuote(range, keptBytes: source.keptBytes(range, limit: limit), of: source, limit: limit, to: &appended)
                        var written = GrowableBuffer<UInt8>(capacity: 16)
                        writer.appendCell(source.cell(range, limit: limit), to: &written)
                        #expect(appended.array() == written.array(), "\(text.prefix(12)) \(range) \(limit) \(writer.profile) \(writer.delimiter)")
                    }
                }
            }
        }
    }

    @Test("the sixteen-bytes-at-a-time quoting test agrees with a byte-by-byte scan", arguments: [",", ";", "\t"] as [Character])
    func needsQuotesAgreesWithAScan(delimiter: Character) throws {
        let delimiterByte = try #require(delimiter.asciiValue)
        var random = ExportFixtures.SeededRandom(seed: UInt64(delimiterByte))
        // Bytes near the special ones (and high bytes, whose top bit a borrow could corrupt).
        let pool: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x21, 0x22, 0x23, 0x2B, 0x2C, 0x2D, 0x3A, 0x3B, 0x3C,
                             0x41, 0x61, 0x7F, 0x80, 0x8A, 0x8D, 0xA2, 0xAC, 0xBB, 0xC3, 0xE1, 0xFF]
        for _ in 0..<3_000 {
            // Up to five blocks of 16, so a special byte falls in every place of a block, of
            // the words a short field is read by, and of the last, overlapping block.
            let count = Int.random(in: 0..<80, using: &random)
            var bytes = (0..<count).map { _ in pool[Int.random(in: 0..<pool.count, using: &random)] }
            // Most fields hold none of the four: make half of them so.
            if Bool.random(using: &random) { bytes = bytes.map { [delimiterByte, 0x22, 0x0A, 0x0D].contains($0) ? 0x41 : $0 } }
            let expected = bytes.contains { $0 == delimiterByte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            #expect(bytes.withUnsafeBufferPointer { CSVWriter.needsQuotes($0, delimiter: delimiterByte) } == expected, "\(bytes)")
        }
    }
}
