import Foundation

/// Reads the data tables shipped in `Sources/PolicyCompare/Resources`.
///
/// All of them come from one folder: the `Resources` folder of the resource bundle beside the
/// running executable (where `swift build` puts it, and where an installation copies it), or,
/// when there is no bundle, the checkout the binary was built from. A table missing from the
/// chosen folder is an error, never read from elsewhere: a bundle older than its binary would
/// otherwise mix two versions' tables. SwiftPM's own `Bundle.module` is never asked: when the
/// bundle has gone (a binary copied away from a build folder since deleted), its accessor stops
/// the process instead of letting us say what is missing.
enum BundledResource {
    /// The UTF-8 text of a bundled file, e.g. `text("abbreviations.tsv")`.
    static func text(_ fileName: String) throws(ResourceError) -> String {
        guard let folder = tablesFolder else { throw ResourceError.missing(fileName, folder: nil) }
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { throw ResourceError.missing(fileName, folder: folder.path) }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw ResourceError.unreadable(fileName)
        }
        return text
    }

    /// The `Resources` folder of the first of `bundles` that has one, else `sourceFolder` when
    /// it exists; nil when none does.
    static func folder(in bundles: [Bundle], sourceFolder: URL) -> URL? {
        let candidates = bundles.map { $0.bundleURL.appendingPathComponent("Resources") } + [sourceFolder]
        return candidates.first { candidate in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder) && isFolder.boolValue
        }
    }

    /// Where this process reads every table from.
    private static let tablesFolder = folder(in: bundles, sourceFolder: sourceFolder)

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
    /// The table's file name, and the folder the tables are read from (nil when none was found).
    case missing(String, folder: String?)
    case unreadable(String)

    public var description: String {
        switch self {
        case .missing(let name, nil):
            "bundled data file Resources/\(name) is missing: it belongs in the folder PolicyCompare_PolicyCompare.resources "
                + "beside the policy-compare binary; copy that folder from the build folder (.build/release) along with the "
                + "binary, or rebuild with `swift build -c release`"
        case .missing(let name, let folder?):
            "bundled data file Resources/\(name) is missing from \(folder), which holds the other tables: that folder "
                + "comes from another build than the policy-compare binary beside it; copy the folder "
                + "PolicyCompare_PolicyCompare.resources again from the build folder (.build/release) together with the "
                + "binary, or rebuild with `swift build -c release`"
        case .unreadable(let name):
            "bundled data file Resources/\(name) is not readable UTF-8 text; restore it from the repository"
        }
    }
}
