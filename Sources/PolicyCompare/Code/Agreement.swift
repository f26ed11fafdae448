import Foundation

/// Agreement between the tool's document-level coding and a human coding of the same cells.
public struct Agreement: Sendable, Hashable {
    /// A 2x2 table of decisions (the human coding is the reference).
    public struct Confusion: Sendable, Hashable {
        public var truePositive = 0, falsePositive = 0, falseNegative = 0, trueNegative = 0
        public var total: Int { truePositive + falsePositive + falseNegative + trueNegative }
        /// nil when the tool coded nothing present.
        public var precision: Double? { ratio(truePositive, truePositive + falsePositive) }
        /// nil when the human coded nothing present.
        public var recall: Double? { ratio(truePositive, truePositive + falseNegative) }
        public var f1: Double? {
            ratio(2 * truePositive, 2 * truePositive + falsePositive + falseNegative)
        }
        public var accuracy: Double? { ratio(truePositive + trueNegative, total) }
        /// Cohen's kappa; nil when chance agreement is 1 (both coders constant and equal).
        public var kappa: Double? {
            let n = Double(total)
            guard n > 0 else { return nil }
            let observed = Double(truePositive + trueNegative) / n
            let toolYes = Double(truePositive + falsePositive), humanYes = Double(truePositive + falseNegative)
            let expected = (toolYes * humanYes + (n - toolYes) * (n - humanYes)) / (n * n)
            guard expected < 1 else { return nil }
            return (observed - expected) / (1 - expected)
        }

        mutating func add(tool: Bool, human: Bool) {
            switch (tool, human) {
            case (true, true): truePositive += 1
            case (true, false): falsePositive += 1
            case (false, true): falseNegative += 1
            case (false, false): trueNegative += 1
            }
        }

        private func ratio(_ a: Int, _ b: Int) -> Double? { b > 0 ? Double(a) / Double(b) : nil }
    }

    /// A cell where the tool and the human disagree.
    public struct Disagreement: Sendable, Hashable {
        public var documentID: String
        public var categoryID: String
        public var tool: Bool
        public var human: Bool
        /// The tool's first evidence sentence when it coded the cell present.
        public var toolEvidence: String
    }

    /// The decisions for one category.
    public struct CategoryAgreement: Sendable, Hashable {
        public var id: String
        public var confusion: Confusion
    }

    public var overall: Confusion
    /// Per category, in codebook order.
    public var byCategory: [CategoryAgreement]
    public var disagreements: [Disagreement]
    /// Cells the human coding leaves out: for each document it codes, the codebook's
    /// categories it gives no row (they are not compared).
    public var uncodedCells = 0
    /// The cells of the documents the human coding codes: documents × the codebook's categories.
    public var possibleCells = 0

    /// Compares `codings` with human decisions keyed by (document id, category id).
    public static func compute(codings: [DocumentCoding], human: [HumanCode], codebook: Codebook) -> Agreement {
        var tool: [String: [String: DocumentCoding.Count]] = [:]
        var evidence: [String: String] = [:]
        for coding in codings {
            tool[coding.documentID] = Dictionary(uniqueKeysWithValues: coding.counts.map { ($0.categoryID, $0) })
            for e in coding.evidence where evidence["\(e.documentID)|\(e.categoryID)"] == nil {
                evidence["\(e.documentID)|\(e.categoryID)"] = e.sentence
            }
        }
        var overall = Confusion()
        var byCategory: [String: Confusion] = [:]
        var disagreements: [Disagreement] = []
        for code in human.sorted(by: { ($0.documentID, $0.categoryID) < ($1.documentID, $1.categoryID) }) {
            let toolPresent = tool[code.documentID]?[code.categoryID]?.present ?? false
            overall.add(tool: toolPresent, human: code.present)
            byCategory[code.categoryID, default: Confusion()].add(tool: toolPresent, human: code.present)
            if toolPresent != code.present {
                disagreements.append(Disagreement(documentID: code.documentID, categoryID: code.categoryID, tool: toolPresent,
                                                  human: code.present, toolEvidence: evidence["\(code.documentID)|\(code.categoryID)"] ?? ""))
            }
        }
        let ordered = codebook.categories.compactMap { category in byCategory[category.id].map { CategoryAgreement(id: category.id, confusion: $0) } }
        let categories = Set(codebook.categories.map(\.id))
        let coded = Set(human.filter { categories.contains($0.categoryID) }.map { "\($0.documentID)|\($0.categoryID)" })
        let possible = Set(human.map(\.documentID)).count * categories.count
        return Agreement(overall: overall, byCategory: ordered, disagreements: disagreements,
                         uncodedCells: possible - coded.count, possibleCells: possible)
    }
}

/// One human decision: is the category present in the document?
public struct HumanCode: Sendable, Hashable {
    public var documentID: String
    public var categoryID: String
    public var present: Bool
    public var line: Int

    /// Reads a human coding CSV file; see ``load(_:file:documents:categories:)``.
    public static func load(_ url: URL, documents: Set<String>, categories: Set<String>) throws -> [HumanCode] {
        switch FileBytes.csvText(url) {
        case .success(let file): return try load(file.text, file: url.path, documents: documents, categories: categories)
        case .failure(.unreadable(let reason)): throw CorpusError.unreadable(path: url.path, reason: reason)
        case .failure(.notUTF8): throw CorpusError.notUTF8(path: url.path)
        }
    }

    /// Reads a human coding CSV (`document_id, category_id, present`; more columns ignored),
    /// checking every id against the corpus and codebook.
    public static func load(_ text: String, file: String, documents: Set<String>, categories: Set<String>) throws -> [HumanCode] {
        let table = try CSVReader(file: file).table(text, required: ["document_id", "category_id", "present"])
        var seen: [String: Int] = [:]
        var codes: [HumanCode] = []
        for row in table.rows {
            let document = row["document_id"], category = row["category_id"], value = row["present"].lowercased()
            guard documents.contains(document) else {
                throw AgreementError.unknownDocument(file: file, line: row.line, id: document,
                                                     nearest: UnknownColumn.closest(to: document, among: documents.sorted()))
            }
            guard categories.contains(category) else {
                throw AgreementError.unknownCategory(file: file, line: row.line, id: category,
                                                     nearest: UnknownColumn.closest(to: category, among: categories.sorted()))
            }
            let present: Bool
            switch value {
            case "true", "1", "yes", "y", "t": present = true
            case "false", "0", "no", "n", "f": present = false
            default: throw AgreementError.badPresent(file: file, line: row.line, value: row["present"])
            }
            if let first = seen["\(document)|\(category)"] {
                throw AgreementError.duplicate(file: file, line: row.line, firstLine: first)
            }
            seen["\(document)|\(category)"] = row.line
            codes.append(HumanCode(documentID: document, categoryID: category, present: present, line: row.line))
        }
        guard !codes.isEmpty else { throw AgreementError.noRows(file: file) }
        return codes
    }
}

/// A human coding file cannot be compared.
public enum AgreementError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `nearest` is the id the given one nearly is (``UnknownColumn/closest(to:among:)``), if any.
    case unknownDocument(file: String, line: Int, id: String, nearest: String? = nil)
    case unknownCategory(file: String, line: Int, id: String, nearest: String? = nil)
    case badPresent(file: String, line: Int, value: String)
    case duplicate(file: String, line: Int, firstLine: Int)
    case noRows(file: String)

    public var description: String {
        switch self {
        case .unknownDocument(let file, let line, let id, let nearest):
            "\(file):\(line): document_id '\(id)' is not in the corpus manifest; " + Self.advice(nearest, "use an id from manifest.csv")
        case .unknownCategory(let file, let line, let id, let nearest):
            "\(file):\(line): category_id '\(id)' is not in the codebook; " + Self.advice(nearest, "use an id from the codebook")
        case .badPresent(let file, let line, let value):
            "\(file):\(line): present '\(value)' is not a yes/no value; write true or false (or 1/0)"
        case .duplicate(let file, let line, let firstLine):
            "\(file):\(line): this document and category are already coded on line \(firstLine); keep one row per cell"
        case .noRows(let file):
            "\(file): the coding has a header but no rows, so there is nothing to compare; add one row per document and category coded (or check that the right sheet was saved)"
        }
    }

    /// `fix`, after "did you mean 'NEAREST'?" when there is a nearest id.
    private static func advice(_ nearest: String?, _ fix: String) -> String {
        guard let nearest else { return fix }
        return "did you mean '\(nearest)'? Otherwise \(fix)"
    }
}
