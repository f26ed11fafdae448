import Foundation

/// Writes a set of report files so that a reader never sees a half-written set.
///
/// Files go to a temporary folder beside the destination first; only when all are written
/// are they moved into place (a rename each). Files in the destination that this run does
/// not write are left alone.
public enum OutputFolder {
    /// Writes one file atomically (a temporary file beside it, then a rename).
    public static func writeFile(_ bytes: [UInt8], to url: URL) throws(OutputError) {
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw .cannotWrite(url.path, reason: error.localizedDescription)
        }
    }

    public static func write(_ files: [(name: String, bytes: [UInt8])], to destination: URL) throws(OutputError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: destination.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw .notAFolder(destination.path)
        }
        let parent = destination.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(parent.path, reason: error.localizedDescription)
        }
        let temporary = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: temporary)
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
            for file in files {
                try Data(file.bytes).write(to: temporary.appendingPathComponent(file.name))
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw .cannotWrite(destination.path, reason: error.localizedDescription)
        }
        do {
            if !exists {
                try manager.moveItem(at: temporary, to: destination)
                return
            }
            for file in files {
                let target = destination.appendingPathComponent(file.name)
                if rename(temporary.appendingPathComponent(file.name).path, target.path) != 0 {
                    throw OutputError.cannotWrite(target.path, reason: String(cString: strerror(errno)))
                }
            }
            try manager.removeItem(at: temporary)
        } catch let error as OutputError {
            try? manager.removeItem(at: temporary)
            throw error
        } catch {
            try? manager.removeItem(at: temporary)
            throw .cannotWrite(destination.path, reason: error.localizedDescription)
        }
    }
}

/// Reports cannot be written where asked.
public enum OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    case notAFolder(String)
    case cannotWrite(String, reason: String)

    public var description: String {
        switch self {
        case .notAFolder(let path):
            "\(path) is a file, not a folder; pass --out with a folder for the reports"
        case .cannotWrite(let path, let reason):
            "cannot write reports to \(path) (\(reason)); check the folder exists and is writable, or pass another --out"
        }
    }
}
