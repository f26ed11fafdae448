import Foundation
import PolicyCompare

/// `policy-compare compare`: the main job. Reads the corpus, compares the years, writes the reports.
struct CompareCommand {
    static let spec = Arguments.Spec(command: "compare", valued: ["corpus", "codebook", "years", "baseline", "out", "lang", "format", "csv", "delimiter", "reuse-partners"],
                                     flags: ["skip-invalid", "quiet", "timings"])
    static let formats = ComparisonFiles.formats

    let cli: CLI
    let arguments: Arguments
    let years: [Int]?
    let baseline: Int?
    let reusePartners: Int?
    let language: ReportStrings.Language
    let formats: Set<String>
    let csv: CSVWriter

    init(cli: CLI, arguments: [String]) throws(UsageError) {
        self.cli = cli
        let a = try Arguments.parse(arguments, spec: Self.spec)
        self.arguments = a
        if let text = a.options["years"] {
            var list: [Int] = []
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                let trimmed = part.trimmingCharacters(in: .whitespaces)
                guard trimmed.count == 4, let year = Int(trimmed) else {
                    throw .badValue(command: "compare", option: "years", value: text, expected: "four-digit years separated by commas, e.g. 2010,2013,2019")
                }
                guard !list.contains(year) else {
                    throw .badValue(command: "compare", option: "years", value: text, expected: "each year once (\(year) is named twice)")
                }
                list.append(year)
            }
            years = list
        } else {
            years = nil
        }
        if let text = a.options["baseline"] {
            guard text.count == 4, let year = Int(text) else {
                throw .badValue(command: "compare", option: "baseline", value: text, expected: "a four-digit year, e.g. 2010")
            }
            baseline = year
        } else {
            baseline = nil
        }
        if let text = a.options["reuse-partners"] {
            guard let count = Int(text), count >= 1 else {
                throw .badValue(command: "compare", option: "reuse-partners", value: text, expected: "a whole number of at least 1, e.g. 10")
            }
            reusePartners = count
        } else {
            reusePartners = nil
        }
        let lang = a.options["lang"] ?? "en"
        guard let language = ReportStrings.Language(rawValue: lang) else {
            throw .badValue(command: "compare", option: "lang", value: lang, expected: "en or vi")
        }
        self.language = language
        let formatText = a.options["format"] ?? Self.formats.joined(separator: ",")
        let formats = Set(formatText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        guard !formats.isEmpty, formats.isSubset(of: Self.formats) else {
            throw .badValue(command: "compare", option: "format", value: formatText, expected: "a comma-separated list of \(Self.formats.joined(separator: ", "))")
        }
        self.formats = formats
        csv = try csvWriter(a, command: "compare")
    }

    func run() throws -> CLIResult {
        var timings = StageTimings()
        let start = DispatchTime.now().uptimeNanoseconds
        let (corpus, analyzer) = try CorpusAnalyzer.load(corpus: cli.corpusURL(arguments), codebook: cli.codebookURL(arguments))
        let codebook = analyzer.coder.codebook
        let out = cli.url(arguments.options["out"] ?? "Reports")
        try OutputFolder.refuseInputs(ComparisonFiles.names(formats: formats), in: out, inputs: { cli.inputs(corpus, codebook: cli.codebookURL(arguments)) })
        let sink = cli.progressSink(arguments)
        let terms = YearTerms()
        let reading = try CorpusReading(corpus, analyzer: analyzer, arguments: arguments, cli: cli, command: "compare", terms: terms)
        let (analyses, skipped) = (reading.analyses, reading.skipped)
        // After reading, the stage in hand, once the run has gone on long enough to show any.
        func stage(_ text: String) {
            guard let sink, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 >= cli.progressDelay else { return }
            sink("\r\u{1B}[K" + text)
        }
        for analysis in analyses { timings.add(analysis.timings) }
        timings.notePeakMemory(.load, .decode, .normalise, .parse, .code)
        let inputBytes = analyses.reduce(0) { $0 + $1.bytes }
        stage("comparing \(analyses.count) documents...")
        var comparison = try timings.measure(.compare, bytes: inputBytes) {
            var reuse = ReuseOptions()
            if let reusePartners { reuse.maxPartnersPerDocument = reusePartners }
            do {
                return try Comparison.compute(analyses, codebook: codebook, options: ComparisonOptions(years: years, baseline: baseline, reuse: reuse), terms: terms)
            } catch let error as ComparisonError where !skipped.isEmpty {
                throw CompareError.afterSkipping(error, skipped)  // a year may be missing because its documents were skipped
            }
        }
        timings.notePeakMemory(.compare)
        comparison.skipped = skipped
        let strings = try ReportStrings.bundled(language)
        var files: [String] = []
        stage("writing reports to \(out.path)...")
        defer { sink?("\r\u{1B}[K") }
        try timings.measure(.export, bytes: inputBytes) {
            try OutputFolder.write(to: out) { folder in
                files = try ComparisonFiles.write(comparison, formats: formats, csv: csv, strings: strings, toolVersion: CLI.version, into: folder)
                return files
            }
        }
        timings.notePeakMemory(.export, .total)
        timings.add(.total, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, bytes: inputBytes)
        var messages = CLI.warnings(corpus.manifest.unknownColumns + codebook.unknownColumns) + CLI.codebookWarnings(codebook)
        messages += reading.warnings
        for case .yearDiffers(let differences) in comparison.caveats {
            messages += differences.prefix(10).map { "warning: \($0.documentID): \($0)\n" }.joined()
            if differences.count > 10 {
                messages += "warning: \(differences.count - 10) more documents state another year than their manifest row; documents.csv notes each\n"
            }
        }
        messages += CLI.fewDiacritics(comparison.documents.map(\.coding), noted: "documents.csv notes it")
        messages += Self.earlierFiles(in: out, besides: files)
        if arguments.flags.contains("timings") { messages += timings.lines }
        return CLIResult(exitCode: 0, stdout: "compared \(comparison.documents.count) \(comparison.documents.count == 1 ? "document" : "documents") over \(comparison.years.map(String.init).joined(separator: ", ")); wrote \(files.count) \(files.count == 1 ? "file" : "files") to \(out.path)\n", stderr: messages, built: [analyses, comparison])
    }
}

extension CompareCommand {
    /// A warning naming the files of an earlier run that `out` still holds beside the
    /// `written` ones (a run with fewer `--format`s leaves the others as they were), or "".
    static func earlierFiles(in out: URL, besides written: [String]) -> String {
        let earlier = ComparisonFiles.names(formats: Set(ComparisonFiles.formats)).filter {
            !written.contains($0) && FileManager.default.fileExists(atPath: out.appendingPathComponent($0).path)
        }
        guard !earlier.isEmpty else { return "" }
        return "warning: \(out.path) also holds \(earlier.joined(separator: ", ")) from an earlier run; this run's --format did not write them, so they may not match these results; delete them, or run without --format\n"
    }
}

/// A comparison run cannot produce reports.
enum CompareError: Error, CustomStringConvertible {
    /// The comparison fails (a year of `--years` has no document) after `--skip-invalid` left
    /// documents out.
    case afterSkipping(ComparisonError, [SkippedDocument])

    var description: String {
        switch self {
        case .afterSkipping(let error, let skipped):
            "\(error); nothing was written. --skip-invalid left out \(skipped.count) unreadable document\(skipped.count == 1 ? "" : "s"), whose years count as absent:\n" + ReadingError.list(skipped)
        }
    }
}
