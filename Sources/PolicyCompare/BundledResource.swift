import Foundation

/// Reads the data tables shipped in `Sources/PolicyCompare/Resources`.
enum BundledResource {
    /// The UTF-8 text of a bundled file, e.g. `text("abbreviations.tsv")`.
    static func text(_ fileName: String) throws(ResourceError) -> String {
        let parts = fileName.split(separator: ".", maxSplits: 1).map(String.init)
        let name = parts.first ?? fileName
        let ext = parts.count > 1 ? parts[1] : nil
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources") else {
            throw ResourceError.missing(fileName)
        }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw ResourceError.unreadable(fileName)
        }
        return text
    }

    /// Tab-separated rows of a bundled table, skipping blank lines and `#` comments.
    static func tsvRows(_ fileName: String) throws(ResourceError) -> [[String]] {
        try text(fileName)
            .split(whereSeparator: \.isNewline)
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}

/// A bundled data table is missing or unreadable: the installation is broken.
public enum ResourceError: Error, CustomStringConvertible, Sendable, Equatable {
    case missing(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .missing(let name):
            "bundled data file Resources/\(name) is missing; reinstall PolicyCompare or rebuild it with `swift build`"
        case .unreadable(let name):
            "bundled data file Resources/\(name) is not readable UTF-8 text; restore it from the repository"
        }
    }
}
