import Foundation
import PolicyCompare

/// What a run printed and how it ended; `main.swift` writes it out and exits.
public struct CLIResult: Sendable, Equatable {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
    /// What the run built, handed back so that its memory is freed by the caller, not at the
    /// end of the run: `main.swift` exits with it still held, as freeing a large comparison
    /// piece by piece takes a process about to end nearly half a second (10,000 documents).
    /// Not part of equality.
    public var built: [any Sendable] = []

    init(exitCode: Int32, stdout: String, stderr: String, built: [any Sendable] = []) {
        self.exitCode = exitCode
        self.stdout = stdout
        self.stderr = stderr
        self.built = built
    }

    static func success(_ stdout: String, stderr: String = "") -> CLIResult { CLIResult(exitCode: 0, stdout: stdout, stderr: stderr) }

    public static func == (lhs: CLIResult, rhs: CLIResult) -> Bool {
        (lhs.exitCode, lhs.stdout, lhs.stderr) == (rhs.exitCode, rhs.stdout, rhs.stderr)
    }
}

/// The `policy-compare` command line as a library: parse words, run, return output and an exit code.
public struct CLI: Sendable {
    public static let version = "0.1.0"
    static let commands = ["compare", "inspect", "code", "codebook", "agreement"]

    /// Folder that relative paths and the default `Datasets/` are resolved against.
    public var currentDirectory: URL
    /// Where live progress lines go (standard error on a terminal); nil keeps runs silent.
    public var progress: (@Sendable (String) -> Void)?
    /// Seconds a run goes before it shows progress: short runs stay quiet.
    public var progressDelay: Double

    public init(currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                progress: (@Sendable (String) -> Void)? = nil, progressDelay: Double = 1) {
        self.currentDirectory = currentDirectory
        self.progress = progress
        self.progressDelay = progressDelay
    }

    /// Runs one command line (without the program name).
    public func run(_ arguments: [String]) -> CLIResult {
        do {
            return try dispatch(arguments)
        } catch let error as UsageError {
            return CLIResult(exitCode: 2, stdout: "", stderr: "error: \(error)\n")
        } catch {
            return CLIResult(exitCode: 1, stdout: "", stderr: "error: \(error)\n")
        }
    }

    private func dispatch(_ arguments: [String]) throws -> CLIResult {
        guard let command = arguments.first else { throw UsageError.noCommand }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            if let text = Help.text(for: command) { return .success(text) }
            // "bogus --help" is a mistyped command, not a request for the overview.
            guard ["--help", "-h", "help", "--version"].contains(command) else { throw UsageError.unknownCommand(command) }
            return .success(Help.overview)
        }
        switch command {
        case "--help", "-h", "help":
            return .success(Help.overview)
        case "--version":
            return .success("policy-compare \(Self.version)\n")
        case "compare":
            return try CompareCommand(cli: self, arguments: rest).run()
        case "inspect":
            return try InspectCommand(cli: self, arguments: rest).run()
        case "code":
            return try CodeCommand(cli: self, arguments: rest).run()
        case "codebook":
            return try CodebookCommand(cli: self, arguments: rest).run()
        case "agreement":
            return try AgreementCommand(cli: self, arguments: rest).run()
        default:
            throw UsageError.unknownCommand(command)
        }
    }

    /// A path from the command line, resolved against the current directory.
    func url(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : currentDirectory.appendingPathComponent(path)
    }

    /// The files a run over `corpus` with `codebook` reads, and what each is to it, for
    /// ``OutputFolder/refuseInputs(_:in:inputs:)``.
    func inputs(_ corpus: Corpus, codebook: URL) -> [(path: String, role: String)] {
        let root = corpus.root.path + "/"
        return [(root + "manifest.csv", "the corpus's manifest"), (codebook.path, "the codebook")]
            + corpus.documents.map { (root + $0.file, "the text of document \($0.id)") }
    }

    /// The codebook: `--codebook`, or `codebook.csv` in the corpus folder.
    func codebookURL(_ arguments: Arguments) -> URL {
        arguments.options["codebook"].map(url) ?? corpusURL(arguments).appendingPathComponent("codebook.csv")
    }

    /// What to say when a signal ends the run, once the report sets being written have been
    /// removed unfinished (their destinations keep their previous files): the executable
    /// calls this from its signal handler, then exits with 128 + the signal's number.
    public static func interrupted() -> String {
        let abandoned = OutputFolder.abandonWrites()
        guard !abandoned.isEmpty else { return "\ninterrupted\n" }
        return "\ninterrupted: the unfinished reports for \(abandoned.joined(separator: ", ")) were removed; the files there are as they were before the run\n"
    }

    /// One `warning:` line per column whose name nearly is a known column's (`tittle`,
    /// `Parent ID`): its values are ignored, most likely by mistake. Other extra columns are
    /// the researcher's own and pass without a word.
    static func warnings(_ columns: [UnknownColumn]) -> String {
        columns.filter { $0.suggestion != nil }.map { "warning: \($0)\n" }.joined()
    }

    /// The first of a codebook's likely mistakes, and how many more `codebook check` lists, or
    /// "": a run that codes with it should not hide them (a pattern typed without tone marks
    /// matches only text typed so, and its category may stay empty without another word).
    static func codebookWarnings(_ codebook: Codebook) -> String {
        guard let first = codebook.warnings.first else { return "" }
        let more = codebook.warnings.count - 1
        return "warning: \(first)\n" + (more > 0 ? "warning: the codebook holds \(more) more likely \(more == 1 ? "mistake" : "mistakes"); 'policy-compare codebook check \(first.file)' lists them all\n" : "")
    }

    /// A warning naming the documents in which few syllables carry a diacritic (up to ten,
    /// then how many more), or "". `noted` says where the run notes it for each document.
    static func fewDiacritics(_ codings: [DocumentCoding], noted: String) -> String {
        let few = codings.filter(\.hasFewDiacritics)
        guard !few.isEmpty else { return "" }
        var named = few.prefix(10).map { "\($0.documentID) (\($0.diacriticPercent)%)" }.joined(separator: ", ")
        if few.count > 10 { named += " and \(few.count - 10) more" }
        return "warning: few syllables carry a diacritic in \(named), where Vietnamese prose marks about 80%; "
            + "a text in another language, or typed without tone marks, is matched only by the codebook's ~ patterns and its patterns written without marks, "
            + "so its categories are likely undercounted; "
            + "check the file (\(noted))\n"
    }

    /// Where a command's live progress lines go: nowhere with `--quiet`.
    func progressSink(_ arguments: Arguments) -> (@Sendable (String) -> Void)? {
        arguments.flags.contains("quiet") ? nil : progress
    }

    /// The corpus folder: `--corpus` or `Datasets/`.
    func corpusURL(_ arguments: Arguments) -> URL {
        url(arguments.options["corpus"] ?? "Datasets")
    }
}
