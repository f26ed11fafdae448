import Foundation

/// Temporary files of one test run: all under one folder in the system temporary directory,
/// removed when the test process exits, so runs leave nothing behind.
public enum Scratch {
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("policycompare-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        return url
    }()

    /// A fresh path (not created) under ``root``.
    public static func path(_ label: String, extension pathExtension: String = "") -> URL {
        let name = "\(label)-\(UUID().uuidString)" + (pathExtension.isEmpty ? "" : ".\(pathExtension)")
        return root.appendingPathComponent(name)
    }
}
