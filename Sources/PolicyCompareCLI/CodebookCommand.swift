import Foundation
import PolicyCompare

/// `policy-compare codebook check [FILE | --codebook FILE]` and `codebook export --format quanteda-yaml [--codebook FILE] [--corpus DIR] [--out FILE]`.
struct CodebookCommand {
    let cli: CLI
    let action: String
    let arguments: Arguments

    init(cli: CLI, arguments: [String]) throws(UsageError) {
        self.cli = cli
        guard let action = arguments.first else {
            throw .positionals(command: "codebook", expected: 1...1, found: [])
        }
        self.action = action
        switch action {
        case "check":
            self.arguments = try Arguments.parse(Array(arguments.dropFirst()), spec: .init(command: "codebook check", valued: ["corpus", "codebook"], positionals: 0...1))
            if !self.arguments.positionals.isEmpty, self.arguments.options["codebook"] != nil {
                throw .repeated(command: "codebook check", option: "codebook (or FILE)")
            }
        case "export":
            self.arguments = try Arguments.parse(Array(arguments.dropFirst()), spec: .init(command: "codebook export", valued: ["format", "codebook", "corpus", "out"]))
            let format = self.arguments.options["format"] ?? "quanteda-yaml"
            guard format == "quanteda-yaml" else {
                throw .badValue(command: "codebook export", option: "format", value: format, expected: "quanteda-yaml")
            }
        default:
            throw .unknownCommand("codebook \(action)")
        }
    }

    func run() throws -> CLIResult {
        switch action {
        case "check":
            let url = arguments.positionals.first.map(cli.url) ?? cli.codebookURL(arguments)
            let (codebook, problems) = try CodebookLoader.check(url, warnings: true)
            guard problems.isEmpty, let codebook else { throw CodebookError.invalid(problems) }
            let themes = codebook.categories.count { $0.dimension == .theme }
            let patterns = codebook.categories.reduce(0) { $0 + $1.patterns.count }
            return .success("\(url.path): OK, \(codebook.categories.count) categories (\(themes) themes, \(codebook.categories.count - themes) activities), \(patterns) patterns, \(codebook.globalExclusions.count) global exclusions\n",
                            stderr: CLI.warnings(codebook.unknownColumns) + codebook.warnings.map { "warning: \($0)\n" }.joined())
        default:
            let codebook = try CodebookLoader.load(cli.codebookURL(arguments))
            let yaml = QuantedaYAML.render(codebook)
            if let out = arguments.options["out"] {
                let file = cli.url(out)
                let manifest = cli.corpusURL(arguments).appendingPathComponent("manifest.csv")
                try OutputFolder.refuseInputs([file.lastPathComponent], in: file.deletingLastPathComponent(),
                                              inputs: { [(cli.codebookURL(arguments).path, "the codebook"), (manifest.path, "the corpus's manifest")] })
                try OutputFolder.writeFile(Array(yaml.utf8), to: file)
                return .success("wrote \(cli.url(out).path)\n", stderr: CLI.warnings(codebook.unknownColumns))
            }
            return .success(yaml, stderr: CLI.warnings(codebook.unknownColumns))
        }
    }
}
