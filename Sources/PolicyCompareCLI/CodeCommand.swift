import Foundation
import PolicyCompare

/// `policy-compare code [--corpus DIR] [--codebook FILE] [--out DIR] [--csv spreadsheet|plain]
/// [--delimiter ,|;|tab] [--skip-invalid] [--quiet]`.
struct CodeCommand {
    static let spec = Arguments.Spec(command: "code", valued: ["corpus", "codebook", "out", "csv", "delimiter"], flags: ["skip-invalid", "quiet"])

    let cli: CLI
    let arguments: Arguments
    let csv: CSVWriter

    init(cli: CLI, arguments: [String]) throws(UsageError) {
        self.cli = cli
        self.arguments = try Arguments.parse(arguments, spec: Self.spec)
        csv = try csvWriter(self.arguments, command: "code")
    }

    func run() throws -> CLIResult {
        let (corpus, analyzer) = try CorpusAnalyzer.load(corpus: cli.corpusURL(arguments), codebook: cli.codebookURL(arguments))
        let codebook = analyzer.coder.codebook
        let out = cli.url(arguments.options["out"] ?? "Reports")
        try OutputFolder.refuseInputs(CodingTables.names.map { "\($0).csv" }, in: out, inputs: { cli.inputs(corpus, codebook: cli.codebookURL(arguments)) })
        let reading = try CorpusReading(corpus, analyzer: analyzer, arguments: arguments, cli: cli, command: "code")
        let codings = reading.analyses.map(\.coding)
        let files = CodingTables.all(codings, codebook: codebook).map { (name: "\($0.name).csv", bytes: csv.write($0)) }
        let unmatched = Self.comparisonFiles(in: out, unmatchedBy: files)
        try OutputFolder.write(files, to: out)
        let present = codings.reduce(0) { $0 + $1.counts.count(where: \.present) }
        var messages = CLI.warnings(corpus.manifest.unknownColumns + codebook.unknownColumns) + CLI.codebookWarnings(codebook) + reading.warnings
        messages += CLI.fewDiacritics(codings, noted: "policy-compare inspect notes it")
        if let unmatched { messages += unmatched }
        return .success("coded \(codings.count) \(codings.count == 1 ? "document" : "documents") with \(codebook.categories.count) categories (\(present) document-category cells present); wrote \(files.map(\.name).joined(separator: ", ")) to \(out.path)\n",
                        stderr: messages)
    }

    /// A warning when `out` holds the files of a `compare` run that `files` would no longer
    /// match: `compare` writes the same three tables, so `code` with another codebook, corpus
    /// or CSV option into a `compare` folder would leave its report, matrix and evidence
    /// disagreeing. Nil when `out` holds no other `compare` file, or `files` are the bytes
    /// already there (the same coding again).
    static func comparisonFiles(in out: URL, unmatchedBy files: [(name: String, bytes: [UInt8])]) -> String? {
        let written = Set(files.map(\.name))
        let others = ComparisonFiles.names(formats: Set(ComparisonFiles.formats)).filter {
            !written.contains($0) && FileManager.default.fileExists(atPath: out.appendingPathComponent($0).path)
        }
        guard !others.isEmpty else { return nil }
        let changed = files.filter { file in
            let existing = try? Data(contentsOf: out.appendingPathComponent(file.name), options: .alwaysMapped)
            return existing.map { !$0.elementsEqual(file.bytes) } ?? true
        }
        guard !changed.isEmpty else { return nil }
        let listed = others.count > 4 ? others.prefix(3).joined(separator: ", ") + " and \(others.count - 3) more" : others.joined(separator: ", ")
        return "warning: \(out.path) holds the files of a compare run (\(listed)); this run's \(changed.map(\.name).joined(separator: ", ")) differ from that run's, so they no longer match its report and tables; "
            + "run compare again with the same options, or give code another --out\n"
    }
}

/// The CSV writer `--csv spreadsheet|plain` and `--delimiter ,|;|tab` ask for.
func csvWriter(_ arguments: Arguments, command: String) throws(UsageError) -> CSVWriter {
    let profile: CSVWriter.Profile
    if let value = arguments.options["csv"] {
        guard let named = CSVWriter.Profile(rawValue: value) else {
            throw .badValue(command: command, option: "csv", value: value, expected: "spreadsheet or plain")
        }
        profile = named
    } else {
        profile = .spreadsheet
    }
    let delimiter: Character
    switch arguments.options["delimiter"] ?? "," {
    case ",": delimiter = ","
    case ";": delimiter = ";"
    case "tab", "\t", "\\t": delimiter = "\t"
    case let other: throw .badValue(command: command, option: "delimiter", value: other, expected: "',', ';' or 'tab'")
    }
    guard let writer = try? CSVWriter(profile: profile, delimiter: delimiter) else {
        throw .badValue(command: command, option: "delimiter", value: String(delimiter), expected: "',', ';' or 'tab'")
    }
    return writer
}
