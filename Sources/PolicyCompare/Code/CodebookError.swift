/// A problem found in a codebook file, located by line and column.
public struct CodebookProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// 1-based column (field) number.
    public var column: Int
    public var message: String

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// A codebook cannot be used.
public enum CodebookError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case csv(CSVError)
    case invalid([CodebookProblem])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "\(path): cannot read the codebook (\(reason)); pass --codebook with a CSV file (see README, 'Codebook format')"
        case .csv(let error):
            error.description
        case .invalid(let problems):
            "the codebook has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}
