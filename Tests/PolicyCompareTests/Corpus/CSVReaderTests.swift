import Foundation
import Testing
@testable import PolicyCompare

@Suite struct CSVReaderTests {
    let reader = CSVReader(file: "m.csv")

    func error(_ text: String, delimiter: Character = ",") -> CSVError? {
        do {
            _ = try CSVReader(file: "m.csv", delimiter: delimiter).records(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func recordsKeepTheirFieldsAndStartingLines() throws {
        let text = "\u{FEFF}id,text\r\na,\"Hà Nội, \"\"Tháng\"\"\r\nhành động\"\n\n\r\nb,\n\"\",x"
        let records = try reader.records(text)
        #expect(records == [
            CSVReader.Record(line: 1, fields: ["id", "text"]),
            CSVReader.Record(line: 2, fields: ["a", "Hà Nội, \"Tháng\"\r\nhành động"]),
            CSVReader.Record(line: 6, fields: ["b", ""]),
            CSVReader.Record(line: 7, fields: ["", "x"]),
        ])
    }

    @Test func aLoneEmptyQuotedFieldIsARecordAndABlankLineIsNot() throws {
        #expect(try reader.records("a\n\n\"\"\n") == [
            CSVReader.Record(line: 1, fields: ["a"]),
            CSVReader.Record(line: 3, fields: [""]),
        ])
        #expect(try reader.records("") == [])
        #expect(try reader.records("\u{FEFF}") == [])
    }

    @Test func otherDelimiters() throws {
        #expect(try CSVReader(file: "m.csv", delimiter: ";").records("a;\"b;c,d\"\n") == [
            CSVReader.Record(line: 1, fields: ["a", "b;c,d"]),
        ])
        #expect(try CSVReader(file: "m.csv", delimiter: "\t").records("a\tb c\n") == [
            CSVReader.Record(line: 1, fields: ["a", "b c"]),
        ])
        #expect(try CSVReader(file: "m.csv", delimiter: "§").records("Hà§Nội\n") == [
            CSVReader.Record(line: 1, fields: ["Hà", "Nội"]),
        ])
    }

    /// Columns count characters (Unicode scalars) as an editor does, not UTF-8 bytes.
    @Test func errorsNameLineAndColumn() {
        #expect(error("id,text\nHà Nội,ab\"c\n") == .quoteInsideField(file: "m.csv", line: 2, column: 10))
        #expect(error("id,text\n\"Đà\nNẵng\"x,1\n") == .unexpectedAfterQuote(file: "m.csv", line: 3, column: 6))
        #expect(error("id;text\nạ;\"b\"c", delimiter: ";") == .unexpectedAfterQuote(file: "m.csv", line: 2, column: 6))
        #expect(error("id,text\na,\"open\nstill open\n") == .unterminatedQuote(file: "m.csv", line: 2))
    }

    @Test func quoteFollowedByTheDelimiterOrALineEndIsFine() throws {
        #expect(try reader.records("\"a\",\"b\"\r\n\"c\"") == [
            CSVReader.Record(line: 1, fields: ["a", "b"]),
            CSVReader.Record(line: 2, fields: ["c"]),
        ])
    }

    /// Random tables written with RFC 4180 quoting read back field for field, with each
    /// record's starting line.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomTablesRoundTrip(seed: UInt64) throws {
        var random = ExportFixtures.SeededRandom(seed: seed)
        let pieces = ["a", "Z", "7", " ", ",", "\"", "\n", "\r\n", "ệ", "Đ", "ữ", "\u{300}", "😀", "\t", ";"]
        var text = ""
        var expected: [CSVReader.Record] = []
        var line = 1
        for _ in 0..<200 {
            let fields = (0..<Int.random(in: 1...5, using: &random)).map { _ in
                (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            }
            // A record of one empty unquoted field would be a blank line; quote it.
            let quoteAll = fields == [""] || Bool.random(using: &random)
            let encoded = fields.map { field in
                // By scalars: "\r\n" is one Character, and so is "," with a combining mark.
                let needsQuotes = quoteAll || field.unicodeScalars.contains { ",\"\n\r".unicodeScalars.contains($0) }
                let doubled = String(String.UnicodeScalarView(field.unicodeScalars.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }))
                return needsQuotes ? "\"" + doubled + "\"" : field
            }.joined(separator: ",")
            expected.append(CSVReader.Record(line: line, fields: fields))
            let end = Bool.random(using: &random) ? "\r\n" : "\n"
            text += encoded + end
            line += encoded.utf8.filter { $0 == UInt8(ascii: "\n") }.count + 1
        }
        #expect(try reader.records(text) == expected)
    }

    @Test func tableTrimsNamesAndValuesAndChecksFieldCounts() throws {
        let table = try reader.table(" id ,\tname\n a ,\u{3000}Hà Nội \n", required: ["id"])
        #expect(table.columns == ["id", "name"])
        #expect(table.rows.first?["id"] == "a")
        #expect(table.rows.first?["name"] == "Hà Nội")
        #expect(table.rows.first?["missing"] == "")
        #expect(throws: CSVError.wrongFieldCount(file: "m.csv", line: 3, expected: 2, found: 3)) {
            try reader.table("id,name\na,b\nc,d,e\n", required: [])
        }
        #expect(throws: CSVError.duplicateColumn(file: "m.csv", column: 2, name: "id")) {
            try reader.table("id, id\n", required: [])
        }
        #expect(throws: CSVError.missingColumns(file: "m.csv", missing: ["year"], found: ["id"])) {
            try reader.table("id\n", required: ["id", "year"])
        }
    }

    @Test("A file separated by ';' or tabs, as a spreadsheet saves it in some locales, is named as such", arguments: [
        ("id;year;kind\na;2019;plan\n", ";", "';'", "';'"), ("id\tyear\tkind\r\na\t2019\tplan\r\n", "\t", "tabs", "tab"),
        ("\u{FEFF}id;year;kind\n\"a;b\";2019;\"x\"\"\"\n", ";", "';'", "';'"), ("\n\r\n  \nid;year\n1;2\n", ";", "';'", "';'"),
    ] as [(String, Character, String, String)])
    func otherDelimiter(text: String, found: Character, named: String, each: String) {
        #expect(throws: CSVError.otherDelimiter(file: "m.csv", found: found, expected: ",")) {
            try reader.table(text, required: ["id", "year"])
        }
        let message = CSVError.otherDelimiter(file: "m.csv", found: found, expected: ",").description
        #expect(message.hasPrefix("m.csv:1: the columns are separated by \(named), not ','; save the file as comma-separated CSV"))
        #expect(message.hasSuffix("or replace each \(each) between columns with ','"))
    }

    @Test func aFileWithTheDelimiterOrARequiredColumnAloneIsNotTakenForAnother() throws {
        #expect(try reader.table("id,note\na,\"x;y\"\n", required: ["id", "note"]).rows.first?["note"] == "x;y")
        #expect(try CSVReader(file: "m.csv", delimiter: ";").table("id;note\na;b\n", required: ["id", "note"]).rows.count == 1)
        #expect(throws: CSVError.missingColumns(file: "m.csv", missing: ["id"], found: ["a;b"])) {
            try reader.table("a;b\n", required: ["id"])   // one required column: nothing to tell by
        }
    }

    @Test("What a spreadsheet leaves passes: unnamed empty columns, rows of empty fields")
    func spreadsheetLeftovers() throws {
        let text = "id,name,,,\r\na,Hà Nội,,,\r\n,,,,\r\nb,Huế,,,\r\n\"\",,\r\n"
        let table = try reader.table(text, required: ["id", "name"])
        #expect(table.columns == ["id", "name", "", "", ""])
        #expect(table.rows.map(\.line) == [2, 4])
        #expect(table.rows.map { $0["name"] } == ["Hà Nội", "Huế"])
        #expect(UnknownColumn.find(in: table.columns, known: ["id", "name"], file: "m.csv").isEmpty)
    }

    @Test("An unquoted comma in a value is an error even when the last field is empty: it shifts the fields after it")
    func anUnquotedCommaBeforeAnEmptyLastFieldIsAnError() {
        let header = "category_id,dimension,parent_id,label_en,label_vi,definition,patterns,exclusions\n"
        #expect(throws: CSVError.wrongFieldCount(file: "m.csv", line: 2, expected: 8, found: 9)) {
            try reader.table(header + "health,theme,,Health,Y tế,Care, treatment,y tế;sức khỏe,\n", required: ["category_id"])
        }
    }

    @Test func aValueUnderAColumnWithoutANameIsAnError() {
        #expect(throws: CSVError.valueWithoutColumn(file: "m.csv", line: 3, column: 3)) {
            try reader.table("id,name,\na,b,\nc,d,stray\n", required: ["id"])
        }
        #expect(CSVError.valueWithoutColumn(file: "m.csv", line: 3, column: 3).description
            == "m.csv:3:3: a value in a column that has no name in the header; name the column in the header row or delete the value (if a field holds a comma, quote the whole field)")
        #expect(throws: CSVError.wrongFieldCount(file: "m.csv", line: 2, expected: 2, found: 3)) {
            try reader.table("id,name\na,b,c\n", required: ["id"])
        }
        #expect(throws: CSVError.duplicateColumn(file: "m.csv", column: 3, name: "id")) {
            try reader.table("id,,id\n", required: ["id"])
        }
    }

    @Test func aMissingColumnsMessageSaysWhichToRenameAndWhichToAdd() {
        #expect(CSVError.missingColumns(file: "m.csv", missing: ["year"], found: ["id"]).description
            == "m.csv:1: missing column year; the header has id; add the missing column year to the header row")
        #expect(throws: CSVError.missingColumns(file: "m.csv", missing: ["id"], found: [])) { try reader.table(",\n1\n", required: ["id"]) }
        #expect(CSVError.missingColumns(file: "m.csv", missing: ["id"], found: []).description
            == "m.csv:1: missing column id; the header has no column names; add the missing column id to the header row")
        #expect(CSVError.missingColumns(file: "m.csv", missing: ["year", "kind"], found: ["id", "Year", "kinds"]).description
            == "m.csv:1: missing columns year, kind; the header has id, Year, kinds; rename 'Year' to 'year', 'kinds' to 'kind'")
        // A header name is offered for one missing column only.
        #expect(CSVError.missingColumns(file: "m.csv", missing: ["label_en", "label_vi"], found: ["label-en"]).description
            == "m.csv:1: missing columns label_en, label_vi; the header has label-en; rename 'label-en' to 'label_en', and add the missing column label_vi to the header row")
    }
}
