import Foundation
import Testing
@testable import PolicyCompare

@Suite("XLSXWriter")
struct XLSXWriterTests {
    private func workbook(_ tables: [Table] = ExportFixtures.all) throws -> ZipTestReader {
        try ZipTestReader(XLSXWriter.workbook(tables))
    }

    private func table(_ values: [Cell], name: String = "t") -> Table {
        Table(
            name: name, description: "Test.",
            columns: [Column("value", .string, title: "Value", description: "Value.")],
            rows: values.map { [$0] }
        )
    }

    @Test("the package parts, [Content_Types].xml first, one worksheet per table")
    func parts() throws {
        let reader = try workbook()
        #expect(reader.entries.map(\.name) == [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
            "xl/styles.xml", "xl/sharedStrings.xml",
            "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml",
        ])
        let types = try #require(reader.text("[Content_Types].xml"))
        #expect(types.contains("PartName=\"/xl/worksheets/sheet4.xml\""))
        #expect(types.contains("sharedStrings+xml"))
        let relationships = try #require(reader.text("xl/_rels/workbook.xml.rels"))
        #expect(relationships.contains("Target=\"worksheets/sheet4.xml\""))
        #expect(relationships.contains("Target=\"sharedStrings.xml\""))
        #expect(try XLSXWriter.workbook(ExportFixtures.all) == XLSXWriter.workbook(ExportFixtures.all))
    }

    @Test("no cell is ever a formula: formula-like text is a shared string, escaped")
    func noFormulas() throws {
        let reader = try workbook()
        for entry in reader.entries where entry.name.hasPrefix("xl/worksheets/") {
            #expect(!ExportFixtures.contains(entry.data, Array("<f".utf8)), "\(entry.name)")
        }
        let strings = try #require(reader.text("xl/sharedStrings.xml"))
        #expect(strings.contains("<t xml:space=\"preserve\">=HYPERLINK(&quot;http://x&quot;)</t>"))
        #expect(strings.contains("<t xml:space=\"preserve\">@SUM(A1)</t>"))
        #expect(strings.contains("<t xml:space=\"preserve\">-1 item</t>"))  // no ' prefix in XLSX
        #expect(strings.contains("<t xml:space=\"preserve\">a, &quot;quoted&quot;\nline</t>"))
    }

    @Test("shared strings hold NFC Vietnamese once each; cells point at them with t=\"s\"")
    func sharedStrings() throws {
        let reader = try workbook([ExportFixtures.codingByYear])
        let strings = try #require(reader.data("xl/sharedStrings.xml"))
        let nfc = Array("<t xml:space=\"preserve\">\(ExportFixtures.vietnameseNFC)</t>".utf8)
        #expect(ExportFixtures.contains(strings, nfc))
        #expect(!ExportFixtures.contains(strings, Array(ExportFixtures.vietnameseNFD.utf8)))
        let text = ExportFixtures.text(strings)
        // 8 headers + 6 rows x 4 text cells = 32 references, every one distinct.
        #expect(text.contains("count=\"32\" uniqueCount=\"32\""))
        let sheet = try #require(reader.text("xl/worksheets/sheet1.xml"))
        #expect(sheet.contains("<c r=\"A1\" t=\"s\" s=\"1\"><v>0</v></c>"))  // bold header "year"
        #expect(sheet.contains("<c r=\"C2\" t=\"s\"><v>9</v></c>"))  // label_vi of the first row
    }

    @Test("numbers are locale-neutral values with their decimals; booleans t=\"b\"; NaN and empty cells omitted")
    func values() throws {
        let sheet = try #require(try workbook([ExportFixtures.codingByYear]).text("xl/worksheets/sheet1.xml"))
        #expect(sheet.contains("<c r=\"A2\"><v>2010</v></c>"))
        #expect(sheet.contains("<c r=\"E3\"><v>-3</v></c>"))
        #expect(sheet.contains("<c r=\"F2\" s=\"3\"><v>-0.5</v></c>"))  // style 3: format 0.0
        #expect(sheet.contains("<c r=\"F4\" s=\"5\"><v>0.000</v></c>"))  // -0.0001 at 3 places: no -0
        #expect(sheet.contains("<c r=\"F6\" s=\"4\"><v>1234567.89</v></c>"))
        #expect(sheet.contains("<c r=\"G2\" t=\"b\"><v>1</v></c>"))
        #expect(sheet.contains("<c r=\"G3\" t=\"b\"><v>0</v></c>"))
        #expect(!sheet.contains("r=\"F5\""))  // NaN
        #expect(!sheet.contains("r=\"G6\""))  // empty
        #expect(sheet.contains("<dimension ref=\"A1:H7\"/>"))
        #expect(sheet.contains("state=\"frozen\""))
        #expect(sheet.contains("<col min=\"1\" max=\"1\""))
    }

    @Test("significant-digit numbers are plain values in the General format, a tiny p in exponent form, never 0")
    func significantValues() throws {
        let table = Table(name: "keyness", description: "P.", columns: [Column("p_value", .number, title: "p", description: "p.")],
                          rows: [[.significant(5.397_842e-6, digits: 6)], [.significant(0.003_302_05, digits: 6)], [.significant(.nan, digits: 6)]])
        let sheet = try #require(try workbook([table]).text("xl/worksheets/sheet1.xml"))
        #expect(sheet.contains("<c r=\"A2\"><v>5.39784e-06</v></c>"))
        #expect(sheet.contains("<c r=\"A3\"><v>0.00330205</v></c>"))
        #expect(!sheet.contains("r=\"A4\""))  // NaN
    }

    @Test("dates are text")
    func dates() throws {
        let reader = try workbook([ExportFixtures.documents])
        let sheet = try #require(reader.text("xl/worksheets/sheet1.xml"))
        #expect(sheet.contains("<c r=\"B2\" t=\"s\">"))
        #expect(try #require(reader.text("xl/sharedStrings.xml")).contains(">2010-03-15</t>"))
    }

    @Test("writing to a file gives the bytes of the workbook built in memory")
    func writtenToAFile() throws {
        let url = try Fixtures.temporaryFolder().appendingPathComponent("book.xlsx")
        try XLSXWriter.write(ExportFixtures.all, to: url)
        #expect([UInt8](try Data(contentsOf: url)) == (try XLSXWriter.workbook(ExportFixtures.all)))
        let nowhere = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/book.xlsx")
        #expect(throws: (any Error).self) { try XLSXWriter.write(ExportFixtures.all, to: nowhere) }
    }

    @Test("the workbook rendered in pieces of any size is the workbook rendered whole", arguments: [1, 7, 300, 1 << 20])
    func pieces(chunkSize: Int) throws {
        let whole = try XLSXWriter.workbook(ExportFixtures.all, chunkSize: .max)
        #expect(try XLSXWriter.workbook(ExportFixtures.all, chunkSize: chunkSize) == whole)
        #expect(try XLSXWriter.workbook(ExportFixtures.all) == whole)
    }

    @Test("a file of many pieces, each part's header written over at the end, is the workbook built whole")
    func manyPiecesToAFile() throws {
        // About 3 MB of sheet XML and 1.5 MB of shared strings: several 1 MB pieces each.
        let rows = (0..<40_000).map { index -> [Cell] in [.text("dòng \(index) & <b>"), .integer(index)] }
        let tables = [Table(
            name: "big", description: "Many rows.",
            columns: [Column("text", .string, title: "Text", description: "Text."), Column("n", .integer, title: "N", description: "N.")],
            rows: rows
        )]
        let url = try Fixtures.temporaryFolder().appendingPathComponent("big.xlsx")
        try XLSXWriter.write(tables, to: url)
        let written = [UInt8](try Data(contentsOf: url))
        #expect(written == (try XLSXWriter.workbook(tables, chunkSize: .max)))
        let reader = try ZipTestReader(written)
        #expect(try #require(reader.data("xl/worksheets/sheet1.xml")).count > 3 << 20)
        #expect(try #require(reader.text("xl/sharedStrings.xml")).contains("<t xml:space=\"preserve\">dòng 39999 &amp; &lt;b&gt;</t>"))
    }

    @Test("XML-illegal control characters are dropped, CR kept as &#13;, _xHHHH_ kept literal")
    func cleaning() throws {
        let reader = try workbook([table([.text("a\u{0}b\u{1}c\u{B}d\u{1F}e\u{FFFF}f"), .text("x\r\ny\tz"), .text("_x0041_ and _x12_")])])
        let strings = try #require(reader.text("xl/sharedStrings.xml"))
        #expect(strings.contains(">abcdef</t>"))
        #expect(strings.contains(">x&#13;\ny\tz</t>"))
        #expect(strings.contains(">_x005F_x0041_ and _x12_</t>"))
        // Other characters whose UTF-8 starts with EF stay: only U+FFFE and U+FFFF go.
        #expect(XLSXWriter.cellText("\u{FFFE}ｆ\u{FEFF}\u{FFFD}\u{F000}") == "ｆ\u{FEFF}\u{FFFD}\u{F000}")
        #expect(XLSXWriter.cellText("ệ\u{7}\u{1F}x") == "ệx")
    }

    @Test("a text used twice is one shared string, NFD spelling merged with NFC")
    func sharedStringsAreByBytes() throws {
        let nfc = "Bảo vệ trẻ em"
        let reader = try workbook([table([.text(nfc), .text(nfc.decomposedStringWithCanonicalMapping), .text(nfc)])])
        let strings = try #require(reader.text("xl/sharedStrings.xml"))
        #expect(strings.contains("uniqueCount=\"2\""))  // the header and the one text
        #expect(strings.components(separatedBy: "<si>").count == 3)
    }

    @Test("a text already shared is found by its bytes, even one that needed cleaning; not once cleaning left a text it would change again")
    func storedTextsFoundByBytes() throws {
        // Items are compared by their bytes: `==` holds `e` U+0301 and `é` equal.
        func numbers(_ values: [Cell]) throws -> (items: [[UInt8]], cells: [Int], shared: String) {
            let reader = try workbook([table(values)])
            let shared = try #require(reader.text("xl/sharedStrings.xml"))
            let sheet = try #require(reader.text("xl/worksheets/sheet1.xml"))
            let items = matches(#"<si><t xml:space="preserve">(.*?)</t></si>"#, in: shared).map { Array(unescaped($0[1]).utf8) }
            let cells = matches(#"<c r="A[0-9]+" t="s"><v>([0-9]+)</v></c>"#, in: sheet).compactMap { Int($0[1]) }
            return (items, cells, shared)
        }
        // Texts alternate, so that a repeat is not the cell above (that one is remembered by column).
        let nfd = "Bảo vệ".decomposedStringWithCanonicalMapping
        let plain = try numbers([.text("a\u{1}b"), .text("Bảo vệ"), .text("ab"), .text(nfd), .text("a\u{1}b"), .text("Bảo vệ"), .text(nfd)])
        #expect(plain.items == ["value", "ab", "Bảo vệ"].map { Array($0.utf8) })
        #expect(plain.cells == [1, 2, 1, 2, 1, 2, 2])
        #expect(plain.shared.contains("count=\"8\" uniqueCount=\"3\""))
        // Dropping U+0001 leaves e and U+0301 uncomposed, a text cleaning would compose: from
        // then on every cell is checked, so that `e` U+0301 is not taken for that text.
        let uncomposed = try numbers([.text("e\u{1}\u{301}"), .text("x"), .text("e\u{301}"), .text("x"), .text("é"), .text("e\u{301}")])
        #expect(uncomposed.items == ["value", "e\u{301}", "x", "\u{E9}"].map { Array($0.utf8) })
        #expect(uncomposed.cells == [1, 2, 3, 2, 3, 3])
        #expect(Array(XLSXWriter.cellText("e\u{1}\u{301}").utf8) == Array("e\u{301}".utf8))
    }

    @Test("cells are capped at 32,767 UTF-16 code units, at a character boundary, with \"…\" where cut")
    func cellCap() throws {
        let long = String(repeating: "ệ", count: 40_000)
        let cut = XLSXWriter.cellText(long)
        #expect(cut.utf16.count == 32_767 && cut.hasSuffix("ệ…"))
        let emoji = String(repeating: "😀", count: 20_000)  // two code units each
        #expect(XLSXWriter.cellText(emoji).utf16.count == 32_767 && XLSXWriter.cellText(emoji).hasSuffix("😀…"))
        #expect(XLSXWriter.cellText("short") == "short")
        let fits = String(repeating: "ệ", count: 32_767)  // more UTF-8 bytes than the cap, as many code units
        #expect(XLSXWriter.cellText(fits) == fits, "a text that fits is not cut")
    }

    @Test("sheet names: illegal characters replaced, at most 31 characters, unique ignoring case")
    func sheetNames() {
        let names = XLSXWriter.sheetNames(for: [
            table([], name: "coding_by_year"),
            table([], name: "a/b\\c?d*e[f]g:h"),
            table([], name: "segment_matches_by_category_and_year"),
            table([], name: "segment_matches_by_category_and_month"),
            table([], name: "Coding_By_Year"),
            table([], name: ""),
            table([], name: "'quoted'"),
            table([], name: "history"),
        ])
        #expect(names == [
            "coding_by_year", "a_b_c_d_e_f_g_h", "segment_matches_by_category_and",
            "segment_matches_by_category_a_2", "Coding_By_Year_2", "Sheet", "_quoted_", "history_",
        ])
        #expect(names.allSatisfy { $0.utf16.count <= 31 })
    }

    @Test("workbook.xml names the sheets, escaped")
    func workbookXML() throws {
        let reader = try workbook([table([], name: "a&b<c>"), table([], name: "second")])
        let xml = try #require(reader.text("xl/workbook.xml"))
        #expect(xml.contains("<sheet name=\"a&amp;b&lt;c&gt;\" sheetId=\"1\" r:id=\"rId1\"/>"))
        #expect(xml.contains("<sheet name=\"second\" sheetId=\"2\" r:id=\"rId2\"/>"))
    }

    @Test("more rows than a sheet holds is a clear error; the last row that fits is fine")
    func rowLimit() throws {
        let columns = [Column("x", .integer, title: "X", description: "X.")]
        let tooMany = Table(name: "big", description: "Big.", columns: columns, rows: Array(repeating: [], count: 1_048_576))
        #expect(throws: ExportError.tooManyRows(table: "big", rows: 1_048_576, limit: 1_048_575)) {
            try XLSXWriter.workbook([tooMany])
        }
        let error = ExportError.tooManyRows(table: "big", rows: 1_048_576, limit: 1_048_575)
        #expect(error.description.contains("1048575"))
        let fits = Table(name: "fits", description: "Fits.", columns: columns, rows: Array(repeating: [], count: 1_048_575))
        let sheet = try #require(try ZipTestReader(XLSXWriter.workbook([fits])).text("xl/worksheets/sheet1.xml"))
        #expect(sheet.contains("<row r=\"1048576\"></row>"))
    }

    @Test("no tables and too many columns are errors")
    func otherLimits() {
        #expect(throws: ExportError.noTables) {
            try XLSXWriter.workbook([])
        }
        let columns = (0...16_384).map { Column("c\($0)", .integer, title: "C", description: "C.") }
        #expect(throws: ExportError.tooManyColumns(table: "wide", columns: 16_385, limit: 16_384)) {
            try XLSXWriter.workbook([Table(name: "wide", description: "Wide.", columns: columns)])
        }
    }

    @Test("every cell reads back from its sheet and the shared table, strings numbered in first-use order", arguments: [1, 2, 3])
    func roundTrip(seed: UInt64) throws {
        var random = ExportFixtures.SeededRandom(seed: seed)
        let texts = ["", "a", "Bảo vệ trẻ em", "Bảo vệ trẻ em".decomposedStringWithCanonicalMapping, "x < y & \"z\"", "line\r\nnext", "=1+1", "_x0041_"]
        let numbers: [Double] = [0, -0.0001, 1.5, -2.25, 1e15, .nan, .infinity, 123_456.789]
        let tables = (0..<3).map { t in
            let columnCount = Int.random(in: 1...5, using: &random)
            let columns = (0..<columnCount).map { Column("c\($0 % 3)", .string, title: "C", description: "C.") }
            // Half the cells repeat the one above, as a document's id and labels do down a table.
            var rows: [[Cell]] = []
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                rows.append((0..<Int.random(in: 0...(columnCount + 2), using: &random)).map { column -> Cell in
                    if let above = rows.last, column < above.count, Bool.random(using: &random) { return above[column] }
                    return switch Int.random(in: 0..<7, using: &random) {
                    case 0: .text(texts[Int.random(in: 0..<texts.count, using: &random)])
                    case 1: .integer([0, -1, 42, Int.min, Int.max, 1 << 40][Int.random(in: 0..<6, using: &random)])
                    case 2: .number(numbers[Int.random(in: 0..<numbers.count, using: &random)], places: Int.random(in: -2...12, using: &random))
                    case 3: .boolean(Bool.random(using: &random))
                    case 4: .date("2019-06-0\(Int.random(in: 1...9, using: &random))")
                    case 5: .significant(numbers[Int.random(in: 0..<numbers.count, using: &random)] * 1e-9, digits: Int.random(in: -1...20, using: &random))
                    default: .empty
                    }
                })
            }
            return Table(name: "t\(t)", description: "T.", columns: columns, rows: rows)
        }
        let reader = try workbook(tables)
        let shared = try #require(reader.text("xl/sharedStrings.xml"))
        let items = matches(#"<si><t xml:space="preserve">(.*?)</t></si>"#, in: shared).map { unescaped($0[1]) }

        var seen: [String: Int] = [:]
        var references = 0
        func expectString(_ index: String, _ text: String) {
            let cleaned = XLSXWriter.cellText(text)
            references += 1
            if seen[cleaned] == nil { seen[cleaned] = seen.count }
            #expect(Int(index) == seen[cleaned], "\(text) should be shared string \(seen[cleaned] ?? -1)")
            #expect(Int(index).flatMap { items.indices.contains($0) ? items[$0] : nil } == cleaned)
        }
        for (number, table) in tables.enumerated() {
            let sheet = try #require(reader.text("xl/worksheets/sheet\(number + 1).xml"))
            var cells: [String: [String]] = [:]
            for match in matches(#"<c r="([A-Z]+[0-9]+)"( t="[sb]")?( s="[0-9]+")?><v>([^<]*)</v></c>"#, in: sheet) {
                cells[match[1]] = [match[2], match[3], match[4]]
            }
            for (index, column) in table.columns.enumerated() {
                let cell = cells.removeValue(forKey: "\(XLSXWriter.columnName(index))1") ?? []
                #expect(cell.count == 3 && cell[0] == " t=\"s\"" && cell[1] == " s=\"1\"", "header \(index)")
                expectString(cell.last ?? "", column.name)
            }
            for (r, row) in table.rows.enumerated() {
                for (index, value) in row.prefix(table.columns.count).enumerated() {
                    let reference = "\(XLSXWriter.columnName(index))\(r + 2)"
                    let cell = cells.removeValue(forKey: reference)
                    switch value {
                    case .text(let text) where !text.isEmpty, .date(let text) where !text.isEmpty:
                        #expect(cell?[0] == " t=\"s\"" && cell?[1] == "", "\(reference)")
                        expectString(cell?[2] ?? "", text)
                    case .integer(let n):
                        #expect(cell == ["", "", String(n)], "\(reference)")
                    case .number(let x, let places) where x.isFinite:
                        let style = max(places, 0) <= 10 ? " s=\"\(2 + max(places, 0))\"" : ""
                        #expect(cell == ["", style, DecimalText.fixed(x, places: places)], "\(reference)")
                    case .significant(let x, let digits) where x.isFinite:
                        // The General format: no style.
                        #expect(cell == ["", "", DecimalText.significant(x, digits: digits)], "\(reference)")
                    case .boolean(let b):
                        #expect(cell == [" t=\"b\"", "", b ? "1" : "0"], "\(reference)")
                    default:
                        #expect(cell == nil, "\(reference) should be blank")
                    }
                }
            }
            #expect(cells.isEmpty, "cells beyond the table: \(cells.keys.sorted())")
            #expect(sheet.contains("<dimension ref=\"A1:\(XLSXWriter.columnName(table.columns.count - 1))\(table.rows.count + 1)\"/>"))
        }
        #expect(items.count == seen.count)
        #expect(shared.contains("count=\"\(references)\" uniqueCount=\"\(seen.count)\""))
    }

    @Test("integers and numbers of every stored width (zero to eight value bytes) read back as their values")
    func valuesOfEveryLength() throws {
        var values: [Cell] = [.integer(Int.min), .integer(Int.max)]
        for bit in 0..<63 {
            let power = 1 << bit
            values += [.integer(power), .integer(power - 1), .integer(-power), .integer(-power + 1)]
            values.append(.number(Double(power) / 1024, places: bit % 11))
            values.append(.number(-Double(power) * 1e-9, places: 10 - bit % 11))
        }
        values += [.number(0, places: 0), .number(-0.0, places: 3), .number(1e300, places: 2), .number(.leastNonzeroMagnitude, places: 10)]
        values += [.significant(5.397_84e-6, digits: 6), .significant(.leastNonzeroMagnitude, digits: 6), .significant(1, digits: 6),
                   .significant(-0.0, digits: 6), .significant(1e300, digits: 17), .significant(0.000_315_892, digits: 3)]
        let sheet = try #require(try workbook([table(values)]).text("xl/worksheets/sheet1.xml"))
        let read = Dictionary(uniqueKeysWithValues: matches(#"<c r="A(\d+)"(?: s="\d+")?><v>([^<]*)</v></c>"#, in: sheet).compactMap { match in
            Int(match[1]).map { ($0, match[2]) }
        })
        for (index, value) in values.enumerated() {
            switch value {
            case .integer(let integer): #expect(read[index + 2] == String(integer), "row \(index + 2)")
            case .number(let number, let places): #expect(read[index + 2] == DecimalText.fixed(number, places: places), "row \(index + 2)")
            case .significant(let number, let digits): #expect(read[index + 2] == DecimalText.significant(number, digits: digits), "row \(index + 2)")
            default: Issue.record("unexpected cell")
            }
        }
    }

    @Test("quotes are written as the texts they quote: repeated down a column or not, of twin sources, cut, empty, not NFC")
    func quotesAreTheirTexts() throws {
        let text = "Bảo vệ trẻ em. Chăm sóc trẻ em. Bảo vệ trẻ em."
        let source = SourceText(Array(text.unicodeScalars)), twin = SourceText(Array(text.unicodeScalars))
        let decomposed = SourceText(Array(text.decomposedStringWithCanonicalMapping.unicodeScalars))
        let pieces: [(source: SourceText, range: Range<Int>, limit: Int)] = [
            (source, 0..<14, .max), (source, 0..<14, .max), (source, 15..<31, .max), (source, 32..<46, .max),
            (twin, 32..<46, .max), (twin, 0..<14, .max), (source, 0..<14, 5), (source, 0..<14, 5), (source, 0..<14, .max),
            (source, 3..<3, .max), (source, 3..<3, .max), (decomposed, 0..<20, .max), (decomposed, 0..<20, .max), (source, 0..<14, .max),
        ]
        let quotes = pieces.map { $0.source.cell($0.range, limit: $0.limit) }
        let texts = quotes.map { cell -> Cell in
            guard case .quote(let quote) = cell else { return cell }
            return .text(quote.text)
        }
        #expect(quotes.allSatisfy { if case .quote = $0 { true } else { false } })
        // Two columns, so that a quote is often not the one the row before had in its column.
        let columns = [Column("a", .string, title: "A", description: "A."), Column("b", .string, title: "B", description: "B.")]
        func sheet(_ cells: [Cell]) -> Table {
            Table(name: "q", description: "Q.", columns: columns, rows: cells.indices.map { [cells[$0], cells[$0 * 5 % cells.count]] })
        }
        #expect(try XLSXWriter.workbook([sheet(quotes)]) == XLSXWriter.workbook([sheet(texts)]))
    }

    @Test("texts of one length that differ down a column each read back as themselves; a repeat as the same string")
    func sameLengthTextsDownAColumn() throws {
        let texts = ["abc", "abd", "abd", "a&c", "abc", "<b>", "<b>", "\u{1}bc", "abc"]
        let reader = try workbook([table(texts.map { .text($0) })])
        let shared = try #require(reader.text("xl/sharedStrings.xml"))
        let items = matches(#"<si><t xml:space="preserve">(.*?)</t></si>"#, in: shared).map { unescaped($0[1]) }
        #expect(items == ["value", "abc", "abd", "a&c", "<b>", "bc"])
        let sheet = try #require(reader.text("xl/worksheets/sheet1.xml"))
        let numbers = matches(#"<c r="A(\d+)" t="s"><v>(\d+)</v></c>"#, in: sheet).map { Int($0[2]) ?? -1 }
        #expect(numbers == [1, 2, 2, 3, 1, 4, 4, 5, 1])
        #expect(shared.contains("count=\"10\" uniqueCount=\"6\""))
    }

    @Test("column widths come from the header and the first 1,000 rows, between 8 and 60")
    func columnWidths() throws {
        func widths(_ rows: [[Cell]]) throws -> [String] {
            let columns = [Column("name", .string, title: "N", description: "N."), Column("n", .integer, title: "N", description: "N.")]
            let sheet = try #require(try workbook([Table(name: "w", description: "W.", columns: columns, rows: rows)]).text("xl/worksheets/sheet1.xml"))
            return matches(#"<col min="[0-9]+" max="[0-9]+" width="([0-9]+)""#, in: sheet).map { $0[1] }
        }
        let filler = Array(repeating: [Cell.text("short"), .integer(7)], count: 999)
        #expect(try widths(filler) == ["8", "8"])
        #expect(try widths(filler + [[.text(String(repeating: "ệ", count: 20) + "\nmore"), .integer(-1_234_567_890)]]) == ["21", "12"])
        #expect(try widths(filler + [[.text("x"), .integer(1)], [.text(String(repeating: "a", count: 30)), .integer(1)]]) == ["8", "8"])
        #expect(try widths([[.text(String(repeating: "a", count: 100)), .number(1.5, places: 2)]]) == ["60", "8"])
        #expect(try widths([[.text(String(repeating: "ơ", count: 58)), .integer(1)]]) == ["59", "8"])
        #expect(try widths([[.text(String(repeating: "ơ", count: 59)), .integer(1)]]) == ["60", "8"])
        // An integer asks for its digits and sign.
        for value in [0, 9, 10, -9, -10, 1_234_567, -99_999_999, 1 << 40, Int.max, Int.min] {
            #expect(try widths([[.text("x"), .integer(value)]]) == ["8", String(min(max(String(value).count + 1, 8), 60))], "\(value)")
        }
    }

    /// The capture groups of every match of `pattern` in `text` ("" for a group that did not take part).
    private func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let whole = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: whole).map { match in
            (0..<match.numberOfRanges).map { group in
                Range(match.range(at: group), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    private func unescaped(_ xml: String) -> String {
        xml.replacingOccurrences(of: "&#13;", with: "\r").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "_x005F_", with: "_").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test("column names", arguments: [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")])
    func columnNames(index: Int, name: String) {
        #expect(XLSXWriter.columnName(index) == name)
    }

    @Test("a text's width is its first line's characters, counted up to a limit", arguments: [1, 2, 3] as [UInt64])
    func widthsCountTheFirstLineUpToALimit(seed: UInt64) {
        var random = ExportFixtures.SeededRandom(seed: seed)
        let pieces = ["a", "ệ", "e\u{302}\u{301}", " ", "\n", "\r\n", "\r", "😀", "🇻🇳", "ư"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...90, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }.count
            for limit in [0, 1, 5, 59, 1_000] {
                #expect(XLSXWriter.width(of: text, limit: limit) == min(firstLine, limit), "\(text.debugDescription) \(limit)")
            }
        }
    }

    @Test("the eight-bytes-at-a-time test for characters a cell cannot hold agrees with a byte-by-byte scan", arguments: [7, 8] as [UInt64])
    func containsSuspectAgreesWithAScan(seed: UInt64) {
        var random = ExportFixtures.SeededRandom(seed: seed)
        // Bytes around the bounds (0x20, 0xEF) and the allowed controls, and high bytes a borrow could corrupt.
        let pool: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0D, 0x0E, 0x1F, 0x20, 0x21, 0x41, 0x7F, 0x80, 0x9F, 0xA0,
                             0xBF, 0xC3, 0xE1, 0xEE, 0xEF, 0xF0, 0xFF]
        var found = 0
        for _ in 0..<4_000 {
            let count = Int.random(in: 0..<40, using: &random)
            // Mostly harmless bytes, so that words without a suspect byte are common too.
            let bytes = (0..<count).map { _ in
                Int.random(in: 0..<6, using: &random) == 0 ? pool[Int.random(in: 0..<pool.count, using: &random)] : UInt8(ascii: "a")
            }
            let expected = bytes.contains(where: XLSXWriter.isSuspect)
            if expected { found += 1 }
            #expect(bytes.withUnsafeBufferPointer(XLSXWriter.containsSuspect) == expected, "\(bytes)")
        }
        #expect(found > 500 && found < 3_500)
        #expect(!XLSXWriter.containsSuspect(UnsafeBufferPointer(start: nil, count: 0)))
    }

    @Test("escaping eight bytes at a time gives what escaping byte by byte gives", arguments: [3, 4] as [UInt64])
    func escapingAgreesWithAByteByByteEscape(seed: UInt64) {
        /// Each byte on its own: the five characters and `_` of a literal `_xHHHH_`.
        func reference(_ text: String) -> [UInt8] {
            let bytes = Array(text.utf8)
            var out: [UInt8] = []
            for (index, byte) in bytes.enumerated() {
                let rest = bytes[index...]
                let hex = rest.dropFirst(2).prefix(4)
                let escapeLike = rest.count >= 7 && rest.dropFirst().first == UInt8(ascii: "x") && rest.dropFirst(6).first == UInt8(ascii: "_")
                    && hex.allSatisfy { $0 < 0x80 && Character(Unicode.Scalar($0)).isHexDigit }
                switch byte {
                case UInt8(ascii: "&"): out += Array("&amp;".utf8)
                case UInt8(ascii: "<"): out += Array("&lt;".utf8)
                case UInt8(ascii: ">"): out += Array("&gt;".utf8)
                case UInt8(ascii: "\""): out += Array("&quot;".utf8)
                case 0x0D: out += Array("&#13;".utf8)
                case UInt8(ascii: "_") where escapeLike: out += Array("_x005F_".utf8)
                default: out.append(byte)
                }
            }
            return out
        }
        var random = ExportFixtures.SeededRandom(seed: seed)
        // The escaped bytes, their neighbours (0x22-0x27, 0x3C-0x3F, 0x0C-0x0E, 0x5E-0x60) and
        // Vietnamese letters, whose high bytes a borrow between lanes could disturb.
        let pieces = ["&", "<", ">", "\"", "\r", "_", "x", "0", "F", "g", "_x0041_", "_x00e9_", "ệ", "ư", "\n", " ", "a",
                      "#", "$", "%", "'", "=", "?", "\u{0C}", "\u{0E}", "^", "`", "Bảo vệ trẻ em"]
        var escapedSome = 0
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                Int.random(in: 0..<4, using: &random) == 0 ? pieces[Int.random(in: 0..<pieces.count, using: &random)] : "a"
            }.joined()
            var out: [UInt8] = []
            XLSXWriter.appendEscaped(text, to: &out)
            let expected = reference(text)
            if expected.count != text.utf8.count { escapedSome += 1 }
            #expect(out == expected, "\(text.debugDescription)")
        }
        #expect(escapedSome > 300 && escapedSome < 2_900)
        // Each byte value in each lane of a word of harmless bytes.
        for byte in 0...255 {
            let escaped = [0x22, 0x26, 0x3C, 0x3E, 0x0D, 0x5F].contains(byte)
            for lane in 0..<8 {
                let word = (0x6161_6161_6161_6161 as UInt64) & ~(0xFF << (8 * UInt64(lane))) | UInt64(byte) << (8 * UInt64(lane))
                #expect(XLSXWriter.mayNeedEscaping(word) == escaped, "byte \(byte) in lane \(lane)")
            }
        }
    }

    @Test("a row of the widest cells in the most columns is rendered whole, cell for cell")
    func widestRows() throws {
        // 800 columns (names up to three letters), each cell as long as a cell can be: an
        // 8-digit integer, one longer, a negative one, a number in the widest number style,
        // a shared string of a number with many digits.
        let columnCount = 800
        let columns = (0..<columnCount).map { Column("c\($0)", .integer, title: "C", description: "C.") }
        let kinds: [Cell] = [.integer(99_999_999), .integer(100_000_000), .integer(Int.min), .number(-12_345_678.123_456_789_1, places: 10),
                             .boolean(true), .number(1e300, places: 3), .empty, .text("t")]
        let rows = (0..<3).map { row in (0..<columnCount).map { kinds[($0 + row) % kinds.count] } }
        let reader = try workbook([Table(name: "wide", description: "Wide.", columns: columns, rows: rows)])
        let sheet = try #require(reader.text("xl/worksheets/sheet1.xml"))
        // The shared strings are the 800 column names, then "t".
        var expected = ""
        for (index, row) in rows.enumerated() {
            expected += "<row r=\"\(index + 2)\">"
            for (column, cell) in row.enumerated() {
                let reference = "\(XLSXWriter.columnName(column))\(index + 2)"
                switch cell {
                case .integer(let n): expected += "<c r=\"\(reference)\"><v>\(n)</v></c>"
                case .number(let x, let places):
                    expected += "<c r=\"\(reference)\" s=\"\(2 + places)\"><v>\(DecimalText.fixed(x, places: places))</v></c>"
                case .boolean: expected += "<c r=\"\(reference)\" t=\"b\"><v>1</v></c>"
                case .text: expected += "<c r=\"\(reference)\" t=\"s\"><v>\(columnCount)</v></c>"
                default: break
                }
            }
            expected += "</row>"
        }
        let data = try #require(sheet.range(of: "</row>").map { sheet[$0.upperBound...] })
        #expect(data.hasPrefix(expected))
        #expect(data.dropFirst(expected.count) == "</sheetData></worksheet>")
    }
}
