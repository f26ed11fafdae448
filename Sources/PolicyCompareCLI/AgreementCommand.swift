import Foundation
import PolicyCompare

/// `policy-compare agreement --coding FILE [--corpus DIR] [--codebook FILE]`.
struct AgreementCommand {
    static let spec = Arguments.Spec(command: "agreement", valued: ["coding", "corpus", "codebook"])

    let cli: CLI
    let arguments: Arguments

    init(cli: CLI, arguments: [String]) throws(UsageError) {
        self.cli = cli
        self.arguments = try Arguments.parse(arguments, spec: Self.spec)
        guard self.arguments.options["coding"] != nil else {
            throw .missingOption(command: "agreement", option: "coding", meaning: "the CSV file of the human coding to compare with (--coding FILE)")
        }
    }

    func run() throws -> CLIResult {
        let codingURL = cli.url(arguments.options["coding"] ?? "")
        let corpus = try Corpus.load(cli.corpusURL(arguments))
        let codebook = try CodebookLoader.load(cli.codebookURL(arguments))
        let human = try HumanCode.load(codingURL, documents: Set(corpus.documents.map(\.id)), categories: Set(codebook.categories.map(\.id)))
        let wanted = Set(human.map(\.documentID))
        let codings = try CorpusAnalyzer(codebook: codebook).analyze(corpus).map(\.coding).filter { wanted.contains($0.documentID) }
        let agreement = Agreement.compute(codings: codings, human: human, codebook: codebook)
        var warnings = CLI.warnings(corpus.manifest.unknownColumns + codebook.unknownColumns)
        if agreement.uncodedCells > 0 {
            let documents = agreement.possibleCells / max(1, codebook.categories.count)
            warnings += "warning: \(codingURL.path) codes \(agreement.possibleCells - agreement.uncodedCells) of the \(agreement.possibleCells) cells "
                + "of its \(documents) \(documents == 1 ? "document" : "documents") × \(codebook.categories.count) categories; "
                + "the other \(agreement.uncodedCells) are not compared (give each a row, present true or false)\n"
        }
        return .success(Self.render(agreement, cells: human.count), stderr: warnings)
    }

    static func render(_ a: Agreement, cells: Int) -> String {
        func f(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "n/a" }
        var lines = ["Agreement of the tool with the human coding (\(cells) document-category \(cells == 1 ? "cell" : "cells"); the human coding is the reference)", ""]
        lines.append("category                          TP  FP  FN  TN  precision  recall     F1  kappa")
        func row(_ name: String, _ c: Agreement.Confusion) -> String {
            name.padding(toLength: 32, withPad: " ", startingAt: 0) + String(format: " %3d %3d %3d %3d", c.truePositive, c.falsePositive, c.falseNegative, c.trueNegative)
                + "  " + f(c.precision).leftPad(9) + "  " + f(c.recall).leftPad(6) + "  " + f(c.f1).leftPad(5) + "  " + f(c.kappa).leftPad(5)
        }
        for category in a.byCategory { lines.append(row(category.id, category.confusion)) }
        lines.append(row("OVERALL", a.overall))
        lines.append("")
        lines.append("Observed agreement: \(f(a.overall.accuracy)); Cohen's kappa: \(f(a.overall.kappa)); F1: \(f(a.overall.f1))")
        lines.append("")
        lines.append("Disagreements (\(a.disagreements.count)):")
        for d in a.disagreements {
            let evidence = d.toolEvidence.isEmpty ? "" : "  tool's evidence: “\(d.toolEvidence)”"
            lines.append("  \(d.documentID)  \(d.categoryID)  tool=\(d.tool) human=\(d.human)\(evidence)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Right-aligns the string in a field of `width` characters.
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
