import Foundation
import PolicyCompare

/// `policy-compare code [--corpus DIR] [--codebook FILE] [--out DIR] [--csv spreadsheet|plain]`.
struct CodeCommand {
    static let spec = Arguments.Spec(command: "code", valued: ["corpus", "codebook", "out", "csv"])

    let cli: CLI
    let arguments: Arguments

    init(cli: CLI, arguments: [String]) throws(UsageError) {
        self.cli = cli
        self.arguments = try Arguments.parse(arguments, spec: Self.spec)
    }

    func run() throws -> CLIResult {
        let profile = try csvProfile(arguments, command: "code")
        let corpus = try Corpus.load(cli.corpusURL(arguments))
        let codebook = try CodebookLoader.load(cli.codebookURL(arguments))
        let codings = try codeCorpus(corpus, codebook: codebook)
        let writer = CSVWriter(profile: profile)
        let files = CodingTables.all(codings, codebook: codebook).map { (name: "\($0.name).csv", bytes: writer.write($0)) }
        let out = cli.url(arguments.options["out"] ?? "Reports")
        try OutputFolder.write(files, to: out)
        let present = codings.reduce(0) { $0 + $1.counts.count(where: \.present) }
        return .success("coded \(codings.count) \(codings.count == 1 ? "document" : "documents") with \(codebook.categories.count) categories (\(present) document-category cells present); wrote \(files.map(\.name).joined(separator: ", ")) to \(out.path)\n",
                        stderr: CLI.warnings(corpus.manifest.unknownColumns + codebook.unknownColumns) + CLI.fewDiacritics(codings, noted: "policy-compare inspect notes it"))
    }
}

/// Reads and codes every document of a corpus (on all cores), in manifest order.
func codeCorpus(_ corpus: Corpus, codebook: Codebook) throws -> [DocumentCoding] {
    try CorpusAnalyzer(codebook: codebook).analyze(corpus).map(\.coding)
}

/// `--csv spreadsheet|plain`.
func csvProfile(_ arguments: Arguments, command: String) throws(UsageError) -> CSVWriter.Profile {
    guard let value = arguments.options["csv"] else { return .spreadsheet }
    guard let profile = CSVWriter.Profile(rawValue: value) else {
        throw .badValue(command: command, option: "csv", value: value, expected: "spreadsheet or plain")
    }
    return profile
}
