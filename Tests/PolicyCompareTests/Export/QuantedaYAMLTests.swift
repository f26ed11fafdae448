import Foundation
import Testing
@testable import PolicyCompare

@Suite struct QuantedaYAMLTests {
    static let header = "category_id,dimension,parent_id,label_en,label_vi,definition,patterns,exclusions\n"

    /// Ids that YAML reads as something other than text when written bare: null, booleans
    /// (YAML 1.1's `yes` and `on` both true, so one category would replace the other), an
    /// integer, a date, a hexadecimal integer. A category whose only pattern is a proximity
    /// pattern, and no activity at all.
    static let awkward = header
        + "*,*,,All,,,,sở y tế @yes\n"
        + "null,theme,,Null,,,tảo hôn ; ~Tảo hôn,kết hôn giả\n"
        + "yes,theme,,Yes,,,trẻ em,\n"
        + "on,theme,,On,,,vận động ... ủng hộ,\n"
        + "2019,theme,,Year,,,năm 2019,\n"
        + "true,theme,,True,,,\"say \"\"so\"\"\",\n"
        + "2019-06-01,theme,,Date,,,tháng 6,\n"
        + "0x1f,theme,,Hex,,,mười lăm,\n"

    @Test("Every key and value is quoted, and an entry with nothing quanteda can match is an empty list")
    func awkwardIdsAndEmptyEntries() throws {
        let codebook = try #require(try CodebookLoader.check(Self.awkward, file: "cb.csv", fingerprint: "0123").0)
        #expect(QuantedaYAML.render(codebook) == """
            # PolicyCompare codebook as a quanteda dictionary
            # source: cb.csv
            # fingerprint: 0123
            # Load in R: quanteda::dictionary(file = "codebook.yml", format = "YAML")
            # Not expressible in quanteda (see comments): proximity patterns, exclusions.
            # Keys and values are quoted, so that ids such as yes, null or 2019 stay text; [] is an
            # entry with no phrase quanteda can match (a category of proximity patterns only).
            # Global exclusions (not applied by quanteda): a match of a category inside one of these
            # phrases does not count, for every category or only those after '@'.
            #   sở y tế @yes
            "theme":
              "null":
                - "tảo hôn"
                - "tao hon"
                # exclusion (not applied by quanteda): kết hôn giả
              "yes":
                - "trẻ em"
                # global exclusion for this category (not applied by quanteda): sở y tế
              "on": []
                # proximity pattern left out: vận động ... ủng hộ
              "2019":
                - "năm 2019"
              "true":
                - "say so"
              "2019-06-01":
                - "tháng 6"
              "0x1f":
                - "mười lăm"
            "activity": []

            """)
    }

    @Test("The export loads in PyYAML as every category under its dimension, each a list of strings (when POLICYCOMPARE_READERS_PYTHON is set)")
    func loadsInPyYAML() throws {
        // Set POLICYCOMPARE_READERS_PYTHON to a Python with Tests/readers/requirements.txt
        // installed (PyYAML) to load the export with yaml.safe_load.
        guard let python = ProcessInfo.processInfo.environment["POLICYCOMPARE_READERS_PYTHON"] else { return }
        let folder = try Fixtures.temporaryFolder()
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("readers/check_outputs.py")
        let shipped = Fixtures.datasets.appendingPathComponent("codebook.csv")
        let awkward = folder.appendingPathComponent("awkward.csv")
        try Data(Self.awkward.utf8).write(to: awkward)
        for csv in [shipped, awkward] {
            let yaml = folder.appendingPathComponent(csv.deletingPathExtension().lastPathComponent + ".yml")
            try Data(QuantedaYAML.render(try CodebookLoader.load(csv)).utf8).write(to: yaml)
            let result = try ExportFixtures.run(python, [script.path, "--quanteda-yaml", yaml.path, "--codebook", csv.path])
            #expect(result.status == 0, "check_outputs.py --quanteda-yaml on \(csv.lastPathComponent):\n\(result.output)")
        }
    }

    @Test func exportListsEveryCategoryUnderItsDimension() throws {
        let codebook = try #require(Fixtures.codebook)
        let yaml = QuantedaYAML.render(codebook)
        let lines = yaml.split(separator: "\n")
        #expect(lines.contains("\"theme\":") && lines.contains("\"activity\":"))
        for category in codebook.categories { #expect(lines.contains("  \"\(category.id)\":")) }
        #expect(lines.contains("    - \"tảo hôn\""))
        #expect(!lines.contains { $0.hasPrefix("    - ") && $0.contains("...") })
    }

    @Test func exportListsTheGlobalExclusionsWithTheirScopes() throws {
        let text = Self.header + "*,*,,All,,,,\"sở y tế @health ; bảo vệ chăm sóc trẻ em\"\n"
            + "health,theme,,Health,,,y tế,\nother,theme,,Other,,,trẻ em,\n"
        let codebook = try #require(try CodebookLoader.check(text, file: "cb.csv").0)
        let lines = QuantedaYAML.render(codebook).split(separator: "\n", omittingEmptySubsequences: false)
        let theme = try #require(lines.firstIndex(of: "\"theme\":"))
        let header = lines[..<theme]
        #expect(header.contains("#   sở y tế @health"))
        #expect(header.contains("#   bảo vệ chăm sóc trẻ em"))
        let other = try #require(lines.firstIndex(of: "  \"other\":"))
        #expect(lines[theme..<other].contains("    # global exclusion for this category (not applied by quanteda): sở y tế"))
        #expect(!lines[other...].contains { $0.contains("sở y tế") }, "a scoped exclusion is listed under its categories only")
        // The shipped codebook's '*' row: every global exclusion is in the export.
        let shipped = try #require(Fixtures.codebook)
        let yaml = QuantedaYAML.render(shipped)
        #expect(!shipped.globalExclusions.isEmpty)
        for exclusion in shipped.globalExclusions { #expect(yaml.contains("#   \(exclusion.pattern.text)"), "\(exclusion.pattern.text)") }
    }
}
