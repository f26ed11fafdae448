import Foundation
import PolicyCompare

/// `policy-compare inspect FILE|DOCUMENT_ID [--json] [--corpus DIR]`.
struct InspectCommand {
    static let spec = Arguments.Spec(command: "inspect", valued: ["corpus"], flags: ["json"], positionals: 1...1)

    let cli: CLI
    let arguments: Arguments

    init(cli: CLI, arguments: [String]) throws(UsageError) {
        self.cli = cli
        self.arguments = try Arguments.parse(arguments, spec: Self.spec)
    }

    func run() throws -> CLIResult {
        let target = arguments.positionals[0]
        let reader = try DirectiveReader()
        let directive: Directive
        var columns: [UnknownColumn] = []
        let fileURL = cli.url(target)
        let corpusURL = cli.corpusURL(arguments)
        if FileManager.default.fileExists(atPath: fileURL.path), !target.isEmpty {
            // A listed file keeps its manifest metadata; any other file is read loose.
            if let corpus = try? Corpus.load(corpusURL),
               let listed = corpus.documents.first(where: { corpus.root.appendingPathComponent($0.file).standardizedFileURL.path == fileURL.standardizedFileURL.path }) {
                directive = try reader.read(listed, in: corpus)
                columns = corpus.manifest.unknownColumns
            } else {
                directive = try reader.read(file: fileURL)
            }
        } else {
            // Not a file: a document id of the corpus, unless it was meant as a path.
            let looksLikePath = target.contains("/") || target.lowercased().hasSuffix(".txt")
            let found = Result { () throws -> (Corpus, DocumentMetadata) in
                let corpus = try Corpus.load(corpusURL)
                return (corpus, try corpus.document(target))
            }
            if case .failure = found, looksLikePath { throw InspectError.noSuchFile(fileURL.path) }
            let (corpus, document) = try found.get()
            directive = try reader.read(document, in: corpus)
            columns = corpus.manifest.unknownColumns
        }
        // Quotes are the source's words; a Windows-1258 or legacy file holds its tone marks apart
        // ("e" + U+0309): shown in NFC, as the CSV files write them.
        let shown = arguments.flags.contains("json") ? DirectiveJSON.render(directive) : DirectiveText.render(directive)
        return .success(shown.precomposedStringWithCanonicalMapping, stderr: CLI.warnings(columns))
    }
}

/// What `inspect` was given names nothing it can read.
enum InspectError: Error, CustomStringConvertible {
    case noSuchFile(String)

    var description: String {
        switch self {
        case .noSuchFile(let path):
            "no such file \(path), and no document of that id in the corpus; give the path of a directive's text file, or a document_id from the corpus's manifest.csv"
        }
    }
}
