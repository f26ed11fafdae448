import Foundation
import PolicyCompare

/// A command's reading of its corpus: every document read and coded on all cores, with a
/// progress line on a terminal (not with `--quiet`), and the documents that cannot be read left
/// out with `--skip-invalid`, or all named in one error without it.
struct CorpusReading {
    var analyses: [DocumentAnalysis]
    /// The documents `--skip-invalid` left out, in manifest order.
    var skipped: [SkippedDocument]

    /// `command` ("compare", "code") is what the errors suggest doing without the bad files;
    /// `terms` as in ``CorpusAnalyzer/analyze(_:progress:terms:)``.
    init(_ corpus: Corpus, analyzer: CorpusAnalyzer, arguments: Arguments, cli: CLI, command: String, terms: YearTerms? = nil) throws {
        let sink = cli.progressSink(arguments)
        let progress = sink.map { write in
            ProgressCounter(total: corpus.documents.count, delay: cli.progressDelay) { done, total, bytes, seconds in
                let rate = seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0
                write("\rreading and coding: \(done)/\(total) documents, \(String(format: "%.1f", rate)) MB/s")
            }
        }
        defer { if progress != nil { sink?("\r\u{1B}[K") } }
        if arguments.flags.contains("skip-invalid") {
            (analyses, skipped) = analyzer.analyzeSkippingInvalid(corpus, progress: progress, terms: terms)
        } else {
            do {
                analyses = try analyzer.analyze(corpus, progress: progress, terms: terms)
                skipped = []
            } catch let error as DecodingError {
                throw ReadingError.unreadable(error, command: command)
            } catch let error as UnreadableDocuments {
                throw ReadingError.unreadableMany(error, command: command)
            }
        }
        if analyses.isEmpty, !skipped.isEmpty {
            throw ReadingError.nothingReadable(skipped)
        }
    }

    /// One warning line per skipped document.
    var warnings: String {
        skipped.map { "warning: skipped \($0.documentID): \($0.reason)\n" }.joined()
    }
}

/// Documents of the corpus cannot be read, so a command writes nothing.
enum ReadingError: Error, CustomStringConvertible {
    /// `--skip-invalid` left out every document.
    case nothingReadable([SkippedDocument])
    /// A listed file is not the text of a directive (without `--skip-invalid`).
    case unreadable(DecodingError, command: String)
    /// Several listed files are not (without `--skip-invalid`).
    case unreadableMany(UnreadableDocuments, command: String)

    var description: String {
        switch self {
        case .nothingReadable(let skipped):
            "no document of the corpus could be read, so nothing was written:\n" + Self.list(skipped)
        case .unreadable(let error, let command):
            "\(error)\nNothing was written. The manifest lists this file: fix it, remove its row, or pass --skip-invalid to \(command) the other documents without it."
        case .unreadableMany(let error, let command):
            "\(error)\nNothing was written. The manifest lists these files: fix them, remove their rows, or pass --skip-invalid to \(command) the other documents without them."
        }
    }

    /// The skipped documents, one indented line each: id, file and reason.
    static func list(_ skipped: [SkippedDocument]) -> String {
        skipped.map { "  \($0.documentID) (\($0.file)): \($0.reason)" }.joined(separator: "\n")
    }
}
