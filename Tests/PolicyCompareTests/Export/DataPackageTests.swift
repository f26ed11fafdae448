import Foundation
import Testing
@testable import PolicyCompare

@Suite("DataPackage")
struct DataPackageTests {
    private func package(_ csv: CSVWriter = CSVWriter(), tables: [Table] = ExportFixtures.all) -> [UInt8] {
        DataPackage.json(
            tables: tables, csv: csv, name: "policy-compare",
            title: "Chỉ thị lao động", description: "Tables \"compared\"\nby year."
        )
    }

    private func parsed(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    private func resources(_ bytes: [UInt8]) throws -> [[String: Any]] {
        try #require(try parsed(bytes)["resources"] as? [[String: Any]])
    }

    private func fields(_ resource: [String: Any]) throws -> [[String: String]] {
        let schema = try #require(resource["schema"] as? [String: Any])
        return try #require(schema["fields"] as? [[String: String]])
    }

    @Test("package: v2 $schema first, then name, title, description, resources; pretty and deterministic")
    func packageMetadata() throws {
        let bytes = package()
        let text = ExportFixtures.text(bytes)
        #expect(text.hasPrefix("{\n  \"$schema\": \"https://datapackage.org/profiles/2.0/datapackage.json\",\n  \"name\": \"policy-compare\",\n  \"title\": "))
        #expect(text.hasSuffix("}\n"))
        #expect(bytes == package())
        let object = try parsed(bytes)
        #expect(object["title"] as? String == "Chỉ thị lao động")
        #expect(object["description"] as? String == "Tables \"compared\"\nby year.")
        #expect(text.contains("\"description\": \"Tables \\\"compared\\\"\\nby year.\""))
        #expect(ExportFixtures.contains(bytes, Array("Chỉ thị lao động".utf8)))  // raw UTF-8, not \u escapes
    }

    @Test("one CSV resource per table, in order, UTF-8, no dialect for commas")
    func resourcePerTable() throws {
        let resources = try resources(package())
        #expect(resources.map { $0["name"] as? String } == ExportFixtures.all.map(\.name))
        #expect(resources.map { $0["path"] as? String } == ExportFixtures.all.map { "\($0.name).csv" })
        for resource in resources {
            #expect(resource["type"] as? String == "table")
            #expect(resource["format"] as? String == "csv")
            #expect(resource["mediatype"] as? String == "text/csv")
            #expect(resource["encoding"] as? String == "utf-8")
            #expect(resource["dialect"] == nil)
        }
        #expect(resources.first?["description"] as? String == ExportFixtures.codingByYear.description)
    }

    @Test("fields carry name, type from the column kind, title and description")
    func fieldsAndTypes() throws {
        let first = try #require(try resources(package()).first)
        let fields = try fields(first)
        #expect(fields.map { $0["name"] } == ExportFixtures.codingByYear.columns.map(\.name))
        #expect(fields.map { $0["type"] } == ["integer", "string", "string", "string", "integer", "number", "boolean", "string"])
        #expect(fields[2] == [
            "name": "label_vi", "type": "string", "title": "Label (Vietnamese)",
            "description": "Category label in Vietnamese.",
        ])
        let schema = try #require(first["schema"] as? [String: Any])
        #expect(schema["primaryKey"] as? [String] == ["year", "category_id"])
    }

    @Test("full ISO dates type a date field; a partial date makes it a string")
    func dates() throws {
        let resources = try resources(package())
        #expect(try fields(resources[1]).map { $0["type"] } == ["string", "date", "string", "integer"])
        #expect(try fields(resources[2]).map { $0["type"] } == ["integer", "string"])
        #expect(DataPackage.fieldType(ofColumnAt: 1, in: ExportFixtures.documents) == "date")
        #expect(DataPackage.fieldType(ofColumnAt: 1, in: ExportFixtures.partialDates) == "string")
        #expect(DataPackage.fieldType(ofColumnAt: 9, in: ExportFixtures.partialDates) == "string")
    }

    @Test("no primaryKey when the table has none")
    func noPrimaryKey() throws {
        let keywords = try #require(try resources(package()).last)
        let schema = try #require(keywords["schema"] as? [String: Any])
        #expect(schema["primaryKey"] == nil)
    }

    @Test("a semicolon or tab delimiter is declared in the dialect", arguments: [";", "\t"] as [Character])
    func dialect(delimiter: Character) throws {
        let bytes = package(try CSVWriter(profile: .plain, delimiter: delimiter))
        for resource in try resources(bytes) {
            let dialect = try #require(resource["dialect"] as? [String: Any])
            #expect(dialect["delimiter"] as? String == String(delimiter))
            #expect(dialect["header"] as? Bool == true)
        }
        if delimiter == "\t" {
            #expect(ExportFixtures.text(bytes).contains("\"delimiter\": \"\\t\""))
        }
    }

    @Test("number fields declare a decimal comma with the semicolon delimiter, and no other field does",
          arguments: [",", ";", "\t"] as [Character])
    func decimalChar(delimiter: Character) throws {
        let resources = try resources(package(try CSVWriter(profile: .plain, delimiter: delimiter)))
        let declared = try resources.flatMap { try fields($0) }.filter { $0["decimalChar"] != nil }
        if delimiter == ";" {
            // coding_by_year's `change`: the fixtures' only number column.
            #expect(declared.map { $0["name"] } == ["change"])
            #expect(declared.allSatisfy { $0["type"] == "number" && $0["decimalChar"] == "," })
        } else {
            #expect(declared.isEmpty)
        }
    }

    @Test("writes a sample output folder that the reader checks accept")
    func sampleOutputFolder() throws {
        // Set POLICYCOMPARE_EXPORT_SAMPLE_DIR to keep the folders; set POLICYCOMPARE_READERS_PYTHON to a
        // Python with Tests/readers/requirements.txt installed to run check_outputs.py on them.
        let environment = ProcessInfo.processInfo.environment
        let keep = environment["POLICYCOMPARE_EXPORT_SAMPLE_DIR"].map { URL(fileURLWithPath: $0, isDirectory: true) }
        let root = keep ?? ExportFixtures.temporaryFolder("sample")
        defer {
            if keep == nil {
                try? FileManager.default.removeItem(at: root)
            }
        }
        let variants: [(String, CSVWriter)] = [
            ("spreadsheet-comma", CSVWriter()),
            ("plain-semicolon", try CSVWriter(profile: .plain, delimiter: ";")),
        ]
        for (label, writer) in variants {
            let folder = root.appendingPathComponent(label, isDirectory: true)
            try ExportFixtures.writeOutputFolder(ExportFixtures.all, csv: writer, to: folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(names == ["coding_by_year.csv", "comparison.xlsx", "datapackage.json", "documents.csv",
                              "keywords.csv", "segment_matches_by_category_and_year.csv"])
            guard let python = environment["POLICYCOMPARE_READERS_PYTHON"] else {
                continue
            }
            let script = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("readers/check_outputs.py")
            let result = try ExportFixtures.run(python, [script.path, folder.path])
            #expect(result.status == 0, "check_outputs.py on \(label):\n\(result.output)")
        }
    }
}
