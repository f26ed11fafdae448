import Foundation

/// Reads the data tables shipped in `Sources/PolicyCompare/Resources`.
///
/// They are looked for in the resource bundle beside the running executable (where
/// `swift build` puts it, and where an installation copies it), then in the checkout the
/// binary was built from. SwiftPM's own `Bundle.module` is never asked: when the bundle has
/// gone (a binary copied away from a build folder since deleted), its accessor stops the
/// process instead of letting us say what is missing.
enum BundledResource {
    /// The UTF-8 text of a bundled file, e.g. `text("abbreviations.tsv")`.
    static func text(_ fileName: String) throws(ResourceError) -> String {
        guard let url = url(of: fileName, in: bundles, sourceFolder: sourceFolder) else {
            throw ResourceError.missing(fileName)
        }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw ResourceError.unreadable(fileName)
        }
        return text
    }

    /// The first of `bundles` that holds `Resources/<fileName>`, else `sourceFolder/<fileName>`
    /// when that exists; nil when neither does.
    static func url(of fileName: String, in bundles: [Bundle], sourceFolder: URL) -> URL? {
        let parts = fileName.split(separator: ".", maxSplits: 1).map(String.init)
        let name = parts.first ?? fileName
        let ext = parts.count > 1 ? parts[1] : nil
        for bundle in bundles {
            if let url = bundle.url(forResource: name, withExtension: ext, subdirectory: "Resources") { return url }
        }
        let source = sourceFolder.appendingPathComponent(fileName)
        return FileManager.default.fileExists(atPath: source.path) ? source : nil
    }

    /// The resource bundle (`PolicyCompare_PolicyCompare.resources` on Linux, `.bundle` on
    /// macOS) beside the executable, its links followed, and beside the main bundle.
    private static let bundles: [Bundle] = {
        var folders: [URL] = []
        if let executable = Bundle.main.executableURL {
            folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        return folders.flatMap { folder in
            ["resources", "bundle"].compactMap { Bundle(url: folder.appendingPathComponent("PolicyCompare_PolicyCompare.\($0)")) }
        }
    }()

    /// `Sources/PolicyCompare/Resources` of the checkout this file was compiled from.
    private static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources")

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
            "bundled data file Resources/\(name) is missing: it belongs in the folder PolicyCompare_PolicyCompare.resources "
                + "beside the policy-compare binary; copy that folder from the build folder (.build/release) along with the "
                + "binary, or rebuild with `swift build -c release`"
        case .unreadable(let name):
            "bundled data file Resources/\(name) is not readable UTF-8 text; restore it from the repository"
        }
    }
}
