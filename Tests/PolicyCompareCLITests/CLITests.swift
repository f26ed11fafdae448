import Foundation
import PolicyCompare
import TestSupport
import Testing
@testable import PolicyCompareCLI

@Suite struct ArgumentsTests {
    let spec = Arguments.Spec(command: "x", valued: ["out", "years"], flags: ["json"], positionals: 0...1)

    @Test func parsesValuesFlagsAndPositionals() throws {
        let a = try Arguments.parse(["file.txt", "--out", "R", "--years=2010,2019", "--json"], spec: spec)
        #expect(a.positionals == ["file.txt"] && a.options == ["out": "R", "years": "2010,2019"] && a.flags == ["json"])
    }

    @Test(arguments: [
        (["--bogus"], UsageError.unknownOption(command: "x", option: "--bogus")),
        (["--year", "2019"], UsageError.unknownOption(command: "x", option: "--year", suggestion: "years")),
        (["--Json"], UsageError.unknownOption(command: "x", option: "--Json", suggestion: "json")),
        (["-q"], UsageError.unknownOption(command: "x", option: "-q")),
        (["--out"], UsageError.missingValue(command: "x", option: "out")),
        (["--out", "--json"], UsageError.missingValue(command: "x", option: "out")),
        (["--out=a", "--out", "b"], UsageError.repeated(command: "x", option: "out")),
        (["--json=yes"], UsageError.unexpectedValue(command: "x", option: "json")),
        (["a", "b"], UsageError.positionals(command: "x", expected: 0...1, found: ["a", "b"])),
    ])
    func usageErrors(words: [String], error: UsageError) {
        #expect(throws: error) { try Arguments.parse(words, spec: spec) }
    }

    @Test("an unknown option nearly one of the command's is suggested")
    func suggestion() {
        #expect(UsageError.unknownOption(command: "compare", option: "--year", suggestion: "years").description
                == "compare: unknown option '--year'; did you mean '--years'? see `policy-compare compare --help`")
        #expect(UsageError.unknownOption(command: "compare", option: "--bogus").description == "compare: unknown option '--bogus'; see `policy-compare compare --help`")
    }
}

@Suite struct CLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let cli = CLI(currentDirectory: CLITests.root)

    @Test func helpVersionAndUsageExitCodes() {
        #expect(cli.run(["--help"]).stdout.contains("inspect"))
        #expect(cli.run(["--version"]).stdout == "policy-compare \(CLI.version)\n")
        let none = cli.run([])
        #expect(none.exitCode == 2 && none.stdout.isEmpty && none.stderr.hasPrefix("error: no command"))
        let unknown = cli.run(["frobnicate"])
        #expect(unknown.exitCode == 2 && unknown.stderr.contains("unknown command 'frobnicate'"))
        let unknownHelp = cli.run(["frobnicate", "--help"])
        #expect(unknownHelp.exitCode == 2 && unknownHelp.stdout.isEmpty && unknownHelp.stderr.contains("unknown command 'frobnicate'"), "\(unknownHelp)")
        for words in [["-h"], ["help"], ["--help", "-h"], ["help", "--help"]] {
            let help = cli.run(words)
            #expect(help.exitCode == 0 && help.stdout == Help.overview, "\(words)")
        }
        #expect(cli.run(["code", "-h"]).stdout.contains("--skip-invalid"))
        #expect(cli.run(["inspect"]).exitCode == 2)
        #expect(cli.run(["inspect", "2010-molisa", "--bogus"]).exitCode == 2)
    }

    /// The README's excerpt of `inspect` is the output's own lines: each whole line is a line
    /// of the output, and each line cut with "..." begins one, in the same order.
    @Test func readmeInspectExcerptMatchesTheOutput() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = "Excerpt of `swift run policy-compare inspect 2019-kien-giang`:\n\n```\n"
        let start = try #require(readme.range(of: marker)?.upperBound)
        let end = try #require(readme[start...].range(of: "```\n")?.lowerBound)
        let excerpt = readme[start..<end].split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let result = cli.run(["inspect", "2019-kien-giang"])
        #expect(result.exitCode == 0)
        let output = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        var next = output.startIndex
        for line in excerpt where line.trimmingCharacters(in: .whitespaces) != "..." {
            let cut = line.hasSuffix("...") || line.hasSuffix("...”")
            let prefix = cut ? String(line[..<(line.range(of: "...", options: .backwards)?.lowerBound ?? line.endIndex)]) : String(line)
            guard let found = output[next...].firstIndex(where: { cut ? $0.hasPrefix(prefix) : $0 == line }) else {
                Issue.record("README excerpt line not in the output (in order): \(line)")
                continue
            }
            next = output.index(after: found)
        }
    }

    @Test func inspectJSONHasTheDocumentedKeys() throws {
        let result = cli.run(["inspect", "2019-kien-giang", "--json"])
        #expect(result.exitCode == 0 && result.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["document_id", "year", "theme", "period", "slogans", "references", "actors", "deadlines", "segments"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["theme"] as? String == "Chung tay vì trẻ em nghèo, trẻ em dân tộc thiểu số")
        let references = try #require(object["references"] as? [[String: Any]])
        #expect(references.contains { $0["type"] as? String == "Chỉ thị" && $0["key"] as? String == "20-CT/TW" })
        let segments = try #require(object["segments"] as? [[String: Any]])
        #expect(segments.contains { $0["path"] as? String == "IV.2.-3" && $0["role"] as? String == "item" && ($0["text"] as? String)?.isEmpty == false })
        let none = try #require(try JSONSerialization.jsonObject(with: Data(cli.run(["inspect", "2014-molisa", "--json"]).stdout.utf8)) as? [String: Any])
        #expect(none["theme"] is NSNull)
        #expect(object["syllables"] as? Int == 4014 && object["marked_syllables"] as? Int == 3332, "\(object["marked_syllables"] ?? "none")")
    }

    @Test func inspectTextAndErrors() {
        let text = cli.run(["inspect", "2019-lang-son"])
        #expect(text.stdout.contains("Theme:       “Chung tay vì trẻ em nghèo, trẻ em dân tộc thiểu số”"))
        #expect(text.stdout.contains("Recipients (not coded):"))
        let missing = cli.run(["inspect", "1999-nowhere"])
        #expect(missing.exitCode == 1 && missing.stderr.contains("no document '1999-nowhere' in the corpus; known ids: 2010-molisa, 2013-molisa,"))
        let misspelt = cli.run(["inspect", "2019-langson"])
        #expect(misspelt.exitCode == 1 && misspelt.stderr.contains("no document '2019-langson' in the corpus; did you mean '2019-lang-son'?"))
        let badCorpus = cli.run(["inspect", "2010-molisa", "--corpus", "/nonexistent"])
        #expect(badCorpus.exitCode == 1 && badCorpus.stderr.contains("does not exist"))
        // A mistyped path is named as a missing file, not as a missing corpus or id.
        for (path, corpus) in [("directives/nosuch.txt", "Datasets"), ("nosuch.txt", "/nonexistent")] {
            let mistyped = cli.run(["inspect", path, "--corpus", corpus])
            #expect(mistyped.exitCode == 1 && mistyped.stderr.hasPrefix("error: no such file \(CLITests.root.path)/\(path), and no document of that id"), "\(mistyped.stderr)")
        }
        let folder = cli.run(["inspect", "Datasets/directives"])
        #expect(folder.exitCode == 1 && folder.stderr.contains("(it is a folder, not a file)"), "\(folder.stderr)")
        let corpusFile = cli.run(["inspect", "2010-molisa", "--corpus", "Datasets/manifest.csv"])
        #expect(corpusFile.exitCode == 1 && corpusFile.stderr.contains("manifest.csv is a file, not a folder"), "\(corpusFile.stderr)")
    }

    @Test func aLooseFileWithoutAYearSaysSo() throws {
        let file = Scratch.path("yearless", extension: "txt")
        try Data("1. Tổ chức các hoạt động vui chơi cho trẻ em.\n".utf8).write(to: file)
        let shown = cli.run(["inspect", file.path])
        #expect(shown.exitCode == 0 && shown.stdout.contains("  (year unknown; level and kind unknown)"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Note:        no year found in the text; year set to 0"))
    }

    @Test func codeWritesTheThreeTables() throws {
        let out = Scratch.path("cli")
        let result = cli.run(["code", "--out", out.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        for name in ["coding_by_document.csv", "evidence.csv", "uncoded.csv"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path))
        }
        let bytes = try Data(contentsOf: out.appendingPathComponent("coding_by_document.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "spreadsheet CSVs start with a UTF-8 BOM")
        let table = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = table.split(separator: "\r\n")
        #expect(lines.first == "document_id,year,category_id,dimension,label_en,label_vi,present,segments,matches,per_1000_syllables,syllables")
        #expect(lines.count == 1 + 5 * 33)
        #expect(lines.contains { $0.hasPrefix("2019-lang-son,2019,child_marriage,theme,") && $0.contains(",true,") })
        #expect(lines.contains { $0.hasPrefix("2014-molisa,2014,child_marriage,theme,") && $0.contains(",false,0,0,0.000,") })
    }

    @Test func codeTakesCompareCSVOptionsAndTalksUnlessQuiet() throws {
        let log = CompareCommandTests.ProgressLog()
        let talking = CLI(currentDirectory: CLITests.root, progress: { log.write($0) }, progressDelay: 0)
        let out = Scratch.path("code")
        let result = talking.run(["code", "--out", out.path, "--csv", "plain", "--delimiter", ";"])
        #expect(result.exitCode == 0 && result.stderr.isEmpty, "\(result)")
        #expect(log.text.contains("reading and coding: 5/5 documents") && log.text.hasSuffix("\r\u{1B}[K"), "\(log.text)")
        let table = try String(contentsOf: out.appendingPathComponent("coding_by_document.csv"), encoding: .utf8)
        let lines = table.split(separator: "\r\n")
        #expect(lines.first == "document_id;year;category_id;dimension;label_en;label_vi;present;segments;matches;per_1000_syllables;syllables")
        #expect(lines.contains { $0.hasPrefix("2014-molisa;2014;child_marriage;theme;") && $0.contains(";false;0;0;0,000;") }, "a decimal comma with ';'")
        // The same bytes as compare writes with the same options.
        let compared = Scratch.path("code")
        #expect(cli.run(["compare", "--out", compared.path, "--format", "csv", "--csv", "plain", "--delimiter", ";"]).exitCode == 0)
        for name in ["coding_by_document.csv", "evidence.csv", "uncoded.csv"] {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == Data(contentsOf: compared.appendingPathComponent(name)), "\(name)")
        }

        let quiet = CompareCommandTests.ProgressLog()
        let silenced = CLI(currentDirectory: CLITests.root, progress: { quiet.write($0) }, progressDelay: 0)
        #expect(silenced.run(["code", "--out", Scratch.path("code").path, "--quiet"]).exitCode == 0)
        #expect(quiet.text.isEmpty)
        for bad in [["--delimiter", "|"], ["--csv", "excel"], ["--quiet", "--quiet"], ["--skip-invalid=yes"]] {
            let refused = cli.run(["code", "--out", Scratch.path("code").path] + bad)
            #expect(refused.exitCode == 2 && refused.stdout.isEmpty, "\(bad): \(refused)")
        }
    }

    @Test func codeWarnsWhenItsTablesNoLongerMatchACompareRunInItsFolder() throws {
        let out = Scratch.path("code")
        #expect(cli.run(["compare", "--out", out.path, "--format", "csv,txt"]).exitCode == 0)
        let same = cli.run(["code", "--out", out.path])
        #expect(same.exitCode == 0 && same.stderr.isEmpty, "the same coding again matches: \(same)")
        let codebook = Scratch.path("one-category", extension: "csv")
        try Data(("category_id,dimension,parent_id,label_en,label_vi,definition,patterns,exclusions\n"
            + "child_marriage,theme,,Child marriage,Tảo hôn,,tảo hôn,\n").utf8).write(to: codebook)
        let other = cli.run(["code", "--out", out.path, "--codebook", codebook.path])
        #expect(other.exitCode == 0, "\(other)")
        #expect(other.stderr == "warning: \(out.path) holds the files of a compare run (documents.csv, coding_by_year.csv, matrix_by_year.csv and 11 more); "
                + "this run's coding_by_document.csv, evidence.csv, uncoded.csv differ from that run's, so they no longer match its report and tables; "
                + "run compare again with the same options, or give code another --out\n", "\(other.stderr)")
        // A named pipe where a table goes: reading it fails at once (Foundation reads regular
        // files only), and the write refuses it.
        let pipe = out.appendingPathComponent("evidence.csv")
        try FileManager.default.removeItem(at: pipe)
        #expect(mkfifo(pipe.path, 0o644) == 0)
        let blocked = cli.run(["code", "--out", out.path, "--codebook", codebook.path])
        #expect(blocked.exitCode == 1 && blocked.stderr.contains("is in the way of the report evidence.csv"), "\(blocked)")
        // A folder of code's own tables only: nothing to match.
        let own = Scratch.path("code")
        #expect(cli.run(["code", "--out", own.path]).exitCode == 0)
        let again = cli.run(["code", "--out", own.path, "--codebook", codebook.path])
        #expect(again.exitCode == 0 && again.stderr.isEmpty, "\(again)")
    }

    @Test func codebookCheckAndExport() throws {
        let ok = cli.run(["codebook", "check"])
        #expect(ok.exitCode == 0 && ok.stdout.contains("OK, 33 categories"))
        #expect(cli.run(["codebook", "check", "--codebook", "Datasets/codebook.csv"]).stdout == ok.stdout, "--codebook as the other commands take it")
        #expect(cli.run(["codebook", "check", "Datasets/codebook.csv", "--codebook", "Datasets/codebook.csv"]).exitCode == 2)
        let folder = cli.run(["codebook", "check", "Datasets"])
        #expect(folder.exitCode == 1 && folder.stderr.contains("cannot read the codebook (it is a folder, not a file)"), "\(folder.stderr)")
        let bad = Scratch.path("bad", extension: "csv")
        try Data("category_id,dimension,parent_id,label_en,label_vi,definition,patterns,exclusions\na,color,,A,,,x,\n".utf8).write(to: bad)
        let failed = cli.run(["codebook", "check", bad.path])
        #expect(failed.exitCode == 1 && failed.stderr.contains("\(bad.path):2:2: unknown dimension 'color'"))
        let yaml = cli.run(["codebook", "export", "--format", "quanteda-yaml"])
        #expect(yaml.exitCode == 0 && yaml.stdout.contains("\"theme\":\n  \"equal_opportunity\":\n") && yaml.stderr.isEmpty)
        #expect(cli.run(["codebook", "export", "--format", "lexicoder"]).exitCode == 2)
        #expect(ok.stderr.isEmpty, "the shipped codebook gives no warning: \(ok.stderr)")
    }

    /// A codebook file of the header and `rows`.
    static func codebook(_ name: String, _ rows: String) throws -> URL {
        let url = Scratch.path(name, extension: "csv")
        try Data(("category_id,dimension,parent_id,label_en,label_vi,definition,patterns,exclusions\n" + rows).utf8).write(to: url)
        return url
    }

    @Test("compare and code print the first of the codebook's likely mistakes and how many more codebook check lists; the shipped codebook has none")
    func compareAndCodeWarnOfCodebookMistakes() throws {
        let doubtful = try Self.codebook("unmarked", "covid19,theme,,COVID-19,Dịch bệnh,x,dịch bệnh ; tao hon ; gian cach xa hoi ; Dịch  bệnh,\n"
                                         + "child_marriage,theme,,Child marriage,Tảo hôn,x,tảo hôn,\n")
        let first = "warning: \(doubtful.path):2:7: pattern 2 'tao hon' of 'covid19' carries no diacritic, so it matches only text typed without tone marks, not 'tảo hôn'; "
            + "write 'tảo hôn', or '~tao hon' to match it with or without marks\n"
        let more = "warning: the codebook holds 2 more likely mistakes; 'policy-compare codebook check \(doubtful.path)' lists them all\n"
        let compared = cli.run(["compare", "--codebook", doubtful.path, "--out", Scratch.path("compare").path, "--format", "csv"])
        #expect(compared.exitCode == 0 && compared.stderr == first + more, "\(compared.stderr)")
        let coded = cli.run(["code", "--codebook", doubtful.path, "--out", Scratch.path("code").path])
        #expect(coded.exitCode == 0 && coded.stderr == first + more, "\(coded.stderr)")
        #expect(cli.run(["codebook", "check", doubtful.path]).stderr.split(separator: "\n").count == 3)
        let shipped = cli.run(["compare", "--out", Scratch.path("compare").path, "--format", "csv"])
        #expect(shipped.exitCode == 0 && shipped.stderr.isEmpty, "\(shipped.stderr)")
    }

    @Test("codebook check and export: a line break inside a patterns cell (Alt+Enter) is error 1 naming both phrases")
    func codebookCheckLineBreak() throws {
        let broken = try Self.codebook("broken", "child_marriage,theme,,CM,Tảo hôn,x,\"tảo hôn\nhôn nhân cận huyết\",\n")
        let failed = cli.run(["codebook", "check", broken.path])
        #expect(failed.exitCode == 1 && failed.stdout.isEmpty, "\(failed)")
        #expect(failed.stderr.contains("\(broken.path):2:7: pattern 1 holds a line break (Alt+Enter in a spreadsheet cell), which would join 'tảo hôn' and 'hôn nhân cận huyết' into one phrase"),
                "\(failed.stderr)")
        #expect(failed.stderr.contains("separate phrases with ';' (tảo hôn ; hôn nhân cận huyết)"))
        #expect(cli.run(["codebook", "export", "--codebook", broken.path]).exitCode == 1, "export refuses it too")
    }

    @Test("codebook check: a pattern typed without tone marks, or repeated, is a warning; exit 0")
    func codebookCheckWarnings() throws {
        let doubtful = try Self.codebook("doubtful", "child_marriage,theme,,CM,Tảo hôn,x,tảo hôn ; tao hon ; Tảo hôn,\n")
        let warned = cli.run(["codebook", "check", doubtful.path])
        #expect(warned.exitCode == 0 && warned.stdout.contains("OK, 1 categories"), "\(warned)")
        #expect(warned.stderr == """
            warning: \(doubtful.path):2:7: pattern 2 'tao hon' of 'child_marriage' carries no diacritic, so it matches only text typed without tone marks, not 'tảo hôn'; write 'tảo hôn', or '~tao hon' to match it with or without marks
            warning: \(doubtful.path):2:7: pattern 3 'Tảo hôn' of 'child_marriage' repeats pattern 1 'tảo hôn' (the same once case, spaces and tone placement are set aside); remove one

            """, "\(warned.stderr)")
    }

    @Test("codebook check: glob syntax, a function-word pattern and a pattern an exclusion drops are warnings (exit 0); an '@' without an id and a zero-width space are errors (exit 1)")
    func codebookCheckPatternMistakes() throws {
        let doubtful = try Self.codebook("mistakes", "*,*,,All,,,,sở y tế\nchild_marriage,theme,,CM,Tảo hôn,x,tảo* ; và,\nhealth,theme,,Health,Y tế,x,sở y tế ; y tế,\n")
        let warned = cli.run(["codebook", "check", doubtful.path])
        #expect(warned.exitCode == 0 && warned.stdout.contains("OK, 2 categories"), "\(warned)")
        let lines = warned.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(warned.stderr)")
        #expect(lines.first?.hasPrefix("warning: \(doubtful.path):3:7: pattern 1 'tảo*' of 'child_marriage' holds '*', a glob wildcard") == true)
        #expect(lines.dropFirst().first?.hasPrefix("warning: \(doubtful.path):3:7: pattern 2 'và' of 'child_marriage' holds only function words") == true)
        #expect(lines.last?.hasPrefix("warning: \(doubtful.path):4:7: pattern 1 'sở y tế' of 'health' can never count: the '*' row's exclusion 1 'sở y tế' (line 2)") == true)
        let coded = cli.run(["code", "--codebook", doubtful.path, "--out", Scratch.path("mistakes-code").path])
        #expect(coded.exitCode == 0 && coded.stderr == lines[0] + "\nwarning: the codebook holds 2 more likely mistakes; 'policy-compare codebook check \(doubtful.path)' lists them all\n",
                "\(coded.stderr)")
        let bad = try Self.codebook("bad-scope", "*,*,,All,,,,trẻ em @ @@\nchild_marriage,theme,,CM,Tảo hôn,x,tảo\u{200B}hôn,\n")
        let failed = cli.run(["codebook", "check", bad.path])
        #expect(failed.exitCode == 1 && failed.stdout.isEmpty, "\(failed)")
        #expect(failed.stderr.contains("\(bad.path):2:8: exclusion 1 'trẻ em @ @@' has an '@' but no category id after it, so it would apply to every category"), "\(failed.stderr)")
        #expect(failed.stderr.contains("\(bad.path):3:7: pattern 1: pattern 'tảo<U+200B>hôn' holds an invisible U+200B ZERO WIDTH SPACE at character 4"), "\(failed.stderr)")
    }

    @Test func agreementCommand() throws {
        let file = Scratch.path("human", extension: "csv")
        try Data("document_id,category_id,present\n2019-lang-son,child_marriage,true\n2014-molisa,child_marriage,true\n".utf8).write(to: file)
        let result = cli.run(["agreement", "--coding", file.path])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("2014-molisa  child_marriage  tool=false human=true"))
        #expect(result.stdout.hasPrefix("Agreement of the tool with the human coding (2 document-category cells;"))
        // Two documents of 33 categories each, one cell each coded: the other 64 are named as left out.
        #expect(result.stderr == "warning: \(file.path) codes 2 of the 66 cells of its 2 documents × 33 categories; the other 64 are not compared (give each a row, present true or false)\n")
        let missing = cli.run(["agreement"])
        #expect(missing.exitCode == 2 && missing.stderr.contains("agreement: --coding is required: the CSV file of the human coding to compare with"))
        // The shipped human coding codes every cell of its documents: no warning.
        let full = cli.run(["agreement", "--coding", "Tests/PolicyCompareTests/Fixtures/human-coding.csv"])
        #expect(full.exitCode == 0 && full.stderr.isEmpty, "\(full.stderr)")
    }
}

@Suite struct CompareCommandTests {
    let cli = CLI(currentDirectory: CLITests.root)

    func temporary() -> URL {
        Scratch.path("compare")
    }

    @Test func writesEveryFileOfTheDataDictionary() throws {
        let out = temporary()
        let result = cli.run(["compare", "--out", out.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["actors.csv", "baseline.csv", "changes.csv", "coding_by_document.csv", "coding_by_year.csv", "comparison.xlsx",
                          "datapackage.json", "documents.csv", "evidence.csv", "keyness.csv", "matrix_by_year.csv", "references.csv",
                          "report.html", "report.md", "report.txt", "reuse.csv", "reuse_shares.csv", "slogans.csv", "themes.csv", "uncoded.csv"])
        let changes = try String(contentsOf: out.appendingPathComponent("changes.csv"), encoding: .utf8)
        #expect(changes.contains("child_marriage,theme,Child marriage,Tảo hôn,new,2019,2019,2019,2010;2013;2014;2019,2010,2019,,,"))
        let matrix = try String(contentsOf: out.appendingPathComponent("matrix_by_year.csv"), encoding: .utf8)
        #expect(matrix.contains("y2010,y2013,y2014,y2019,per_1000_y2010"))
    }

    @Test func runTwiceGivesTheSameBytes() throws {
        let a = temporary(), b = temporary()
        let first = cli.run(["compare", "--out", a.path]), second = cli.run(["compare", "--out", b.path])
        #expect(first.exitCode == 0 && second.exitCode == 0)
        // The comparison is handed back for the caller to free; it is not part of equality.
        #expect(first.built.count == 2 && first.built.first is [DocumentAnalysis] && first.built.last is Comparison)
        #expect(CLIResult(exitCode: 0, stdout: first.stdout.replacingOccurrences(of: a.path, with: b.path), stderr: first.stderr) == second)
        for name in try FileManager.default.contentsOfDirectory(atPath: a.path) {
            #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)), "\(name) differs")
        }
    }

    @Test func optionsSelectYearsLanguageAndFormats() throws {
        let out = temporary()
        // Years named out of order are compared in time order.
        let result = cli.run(["compare", "--out", out.path, "--years", "2019,2013", "--baseline", "2013", "--lang", "vi", "--format", "txt,csv", "--csv", "plain", "--delimiter", ";"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains(" over 2013, 2019;"), "\(result.stdout)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.contains("comparison.xlsx") && !names.contains("report.md") && names.contains("report.txt"))
        let report = try String(contentsOf: out.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(report.hasPrefix("Báo cáo PolicyCompare: văn bản Tháng hành động vì trẻ em, 2013, 2019\n"))
        let byYear = try Data(contentsOf: out.appendingPathComponent("coding_by_year.csv"))
        #expect(byYear.first == UInt8(ascii: "y"), "plain CSV has no BOM")
        #expect(String(decoding: byYear, as: UTF8.self).hasPrefix("year;category_id;"))
        // Numbers with a decimal comma, as comma-decimal locales read them; integers untouched.
        let lines = String(decoding: byYear, as: UTF8.self).split(separator: "\r\n")
        let rates = lines.dropFirst().compactMap { $0.split(separator: ";", omittingEmptySubsequences: false).last }
        #expect(lines.first?.hasSuffix(";syllables;per_1000_syllables") == true)
        #expect(!rates.isEmpty && rates.allSatisfy { $0.wholeMatch(of: /[0-9]+,[0-9]{3}/) != nil }, "\(rates.prefix(3))")
        let package = try String(contentsOf: out.appendingPathComponent("datapackage.json"), encoding: .utf8)
        #expect(package.contains("\"name\": \"per_1000_syllables\",\n") && package.contains("\"decimalChar\": \",\"\n"))
    }

    @Test func fewerFormatsThanAnEarlierRunWarnOfItsFilesLeftBeside() throws {
        let out = temporary()
        #expect(cli.run(["compare", "--out", out.path, "--format", "txt,xlsx"]).stderr.isEmpty, "a fresh folder holds no earlier files")
        let fewer = cli.run(["compare", "--out", out.path, "--format", "txt", "--years", "2010,2014"])
        #expect(fewer.exitCode == 0)
        #expect(fewer.stderr == "warning: \(out.path) also holds comparison.xlsx from an earlier run; this run's --format did not write them, so they may not match these results; delete them, or run without --format\n")
        #expect(cli.run(["compare", "--out", out.path]).stderr.isEmpty, "every format rewrites every file")
        let csvOnly = cli.run(["compare", "--out", out.path, "--format", "csv"])
        #expect(csvOnly.stderr.contains("also holds report.txt, report.md, report.html, comparison.xlsx from an earlier run"), "\(csvOnly.stderr)")
    }

    @Test func reusePartnersBoundsThePairsAligned() throws {
        let one = temporary(), all = temporary()
        #expect(cli.run(["compare", "--out", one.path, "--format", "csv", "--reuse-partners", "1"]).exitCode == 0)
        #expect(cli.run(["compare", "--out", all.path, "--format", "csv", "--reuse-partners", "4"]).exitCode == 0)
        func pairs(_ folder: URL) throws -> Set<String> {
            let lines = try String(contentsOf: folder.appendingPathComponent("reuse_shares.csv"), encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
            return Set(lines.map { $0.split(separator: ",").prefix(2).sorted().joined(separator: "|") })
        }
        let few = try pairs(one), every = try pairs(all)
        #expect(every.count == 7, "seven of the ten pairs of directives share passages")
        #expect(few.count < every.count && few.isSubset(of: every))
        // Four partners or more is every pair of five documents: the default reports match.
        #expect(try Data(contentsOf: all.appendingPathComponent("reuse.csv")) == Data(contentsOf: CLITests.root.appendingPathComponent("Reports/reuse.csv")))
    }

    /// Collects progress lines from the worker threads.
    final class ProgressLog: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func write(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return lines.joined() }
    }

    @Test func longRunsTalkOnTheProgressSinkUnlessQuiet() throws {
        let log = ProgressLog()
        let talking = CLI(currentDirectory: CLITests.root, progress: { log.write($0) }, progressDelay: 0)
        #expect(talking.run(["compare", "--out", temporary().path, "--format", "txt"]).exitCode == 0)
        let text = log.text
        #expect(text.contains("reading and coding: 5/5 documents") && text.contains(" MB/s"))
        #expect(text.contains("comparing 5 documents...") && text.contains("writing reports to "))
        #expect(text.hasSuffix("\r\u{1B}[K"), "the line is cleared at the end")

        let quiet = ProgressLog()
        let silenced = CLI(currentDirectory: CLITests.root, progress: { quiet.write($0) }, progressDelay: 0)
        #expect(silenced.run(["compare", "--out", temporary().path, "--format", "txt", "--quiet"]).exitCode == 0)
        #expect(quiet.text.isEmpty)

        let short = ProgressLog()
        let patient = CLI(currentDirectory: CLITests.root, progress: { short.write($0) }, progressDelay: 3_600)
        #expect(patient.run(["compare", "--out", temporary().path, "--format", "txt"]).exitCode == 0)
        #expect(!short.text.contains("documents"), "a run shorter than the delay shows no progress")
    }

    static let badOptionCases: [([String], Int32)] = [
        (["--years", "2010,20x9"], 2), (["--lang", "fr"], 2), (["--format", "pdf"], 2), (["--delimiter", "|"], 2),
        (["--baseline", "last"], 2), (["--reuse-partners", "0"], 2), (["--reuse-partners", "ten"], 2), (["--years", "2010,2011"], 1), (["--years", "2010,2013", "--baseline", "2019"], 1),
        (["--years", "2013,2013"], 2),
    ]

    @Test(arguments: badOptionCases)
    func badOptions(arguments: [String], exitCode: Int32) {
        let result = cli.run(["compare", "--out", temporary().path] + arguments)
        #expect(result.exitCode == exitCode, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: ") && result.stdout.isEmpty)
    }

    @Test func outPointingAtAFileIsRefusedAndOtherFilesAreKept() throws {
        let folder = temporary()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: file)
        let refused = cli.run(["compare", "--out", file.path])
        #expect(refused.exitCode == 1 && refused.stderr.contains("is a file, not a folder"))
        #expect(cli.run(["compare", "--out", folder.path, "--format", "txt"]).exitCode == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == "mine")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.txt").path))
        // Only this run's partial folder: other tests write next to it at the same time.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(folder.lastPathComponent).partial-") }
        #expect(leftovers.isEmpty)
    }
}
