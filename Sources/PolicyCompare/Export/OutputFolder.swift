import Foundation

/// Writes a set of report files so that a reader never sees a half-written set.
///
/// Files go to a new temporary folder beside the destination first; only when all are
/// written are they moved into place, each previous version set aside first, so a failure
/// while moving puts every previous report back. Files in the destination that this run does
/// not write are left alone, and no existing file or folder is ever removed. A run that is
/// interrupted removes its temporary folder first (``abandonWrites(under:)``).
public enum OutputFolder {
    /// Writes one file atomically (into a temporary folder beside it, then a rename), making
    /// its folder first when it is missing, as `compare` makes its `--out` folder. An
    /// interrupted write removes its temporary folder as a report set's is.
    ///
    /// - Throws: ``OutputError/cannotWriteFile(_:reason:)`` with the system's reason, or
    ///   ``OutputError/abandoned(_:)``.
    public static func writeFile(_ bytes: [UInt8], to url: URL) throws(OutputError) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            throw .cannotWriteFile(url.path, reason: "it is a folder")
        }
        if let problem = pathProblem(url) { throw .cannotWriteFile(url.path, reason: problem) }
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .cannotWriteFile(url.path, reason: "its folder cannot be made: \(FileBytes.systemReason(error))")
        }
        let temporary = freshTemporary(beside: url)
        let begun: Bool
        do {
            begun = try PartialFolders.shared.begin(temporary, for: url)
        } catch {
            if case .cannotWrite(_, let reason) = error { throw .cannotWriteFile(url.path, reason: reason) }
            throw error
        }
        guard begun else { throw .abandoned(url.path) }
        defer { PartialFolders.shared.remove(temporary) }
        let staged = temporary.appendingPathComponent(url.lastPathComponent)
        do {
            try write(bytes, to: staged)
        } catch {
            try? manager.removeItem(at: temporary)
            if case .cannotWrite(_, let reason) = error { throw .cannotWriteFile(url.path, reason: reason) }
            throw error
        }
        let moved = try PartialFolders.shared.commit(temporary) { () throws(OutputError) in
            defer { try? manager.removeItem(at: temporary) }
            if rename(staged.path, url.path) != 0 { throw .cannotWriteFile(url.path, reason: String(cString: strerror(errno))) }
        }
        if !moved { throw .abandoned(url.path) }
    }

    /// Why nothing can be made at `url` (a file or folder to write), in plain words, or nil:
    /// the nearest part of its path that exists is a file ("/x/notes.txt is a file, not a
    /// folder"), where Foundation says "a file with the same name already exists".
    static func pathProblem(_ url: URL) -> String? {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        var folder = url.deletingLastPathComponent()
        while !manager.fileExists(atPath: folder.path, isDirectory: &isFolder), folder.pathComponents.count > 1 {
            folder = folder.deletingLastPathComponent()
        }
        return isFolder.boolValue ? nil : "\(folder.path) is a file, not a folder"
    }

    /// Refuses to write `names` into `folder` when one of them is already one of the run's
    /// `inputs` (its file's path, and what it is to the run: "the codebook"): moving the new
    /// file into place would replace that input, losing it (a directive saved as `report.txt`
    /// in a corpus used as `--out`, a codebook given as `codebook export --out`). Files are
    /// compared by device and inode, so a link or another spelling of the path is caught too.
    /// The inputs are listed only when one of the names exists in `folder` (a corpus of ten
    /// thousand plans is not listed for a fresh folder). Call it before writing anything.
    ///
    /// - Throws: ``OutputError/wouldReplaceInput(_:role:)`` for the first such name.
    public static func refuseInputs(_ names: [String], in folder: URL, inputs: () -> [(path: String, role: String)]) throws(OutputError) {
        func identity(_ path: String) -> [UInt64]? {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            return [UInt64(status.st_dev), UInt64(status.st_ino)]
        }
        let existing = names.compactMap { name -> (path: String, identity: [UInt64])? in
            let path = folder.appendingPathComponent(name).path
            return identity(path).map { (path, $0) }
        }
        guard !existing.isEmpty else { return }
        for input in inputs() {
            guard let id = identity(input.path), let clash = existing.first(where: { $0.identity == id }) else { continue }
            throw .wouldReplaceInput(clash.path, role: input.role)
        }
    }

    /// A fresh hidden name beside `destination` for its temporary folder, once the folders
    /// that killed runs left there are removed (``PartialFolders/sweepStale(beside:)``): an
    /// existing file or folder of that name (someone else's) is never touched.
    private static func freshTemporary(beside destination: URL) -> URL {
        PartialFolders.sweepStale(beside: destination)
        let parent = destination.deletingLastPathComponent()
        var temporary: URL
        repeat {
            temporary = parent.appendingPathComponent(PartialFolders.temporaryName(for: destination))
        } while FileManager.default.fileExists(atPath: temporary.path)
        return temporary
    }

    /// Creates (or empties) the file at `url` and writes `bytes` into it, for a file of the
    /// temporary folder that ``write(to:produce:)`` moves into place.
    ///
    /// The bytes go to the page cache and are not forced to the disk, as the streamed CSV
    /// files are not: `Data.write(to:)` calls `fsync`, and on ext4 (ordered journal) one
    /// `fsync` of a small report waited for the gigabyte of tables written beside it. At
    /// 10,000 generated plans the two such waits (report.txt and datapackage.json) held both
    /// cores idle for about a second of a 12-second run.
    ///
    /// - Throws: ``OutputError/cannotWrite(_:reason:)`` with the system's reason.
    static func write(_ bytes: [UInt8], to url: URL) throws(OutputError) {
        let path = url.path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw .cannotWrite(path, reason: String(cString: strerror(errno))) }
        let failed = bytes.withUnsafeBytes { FileWrite.all($0, to: descriptor, at: 0) }
        let closeFailed = FileWrite.close(descriptor)
        if let code = failed ?? closeFailed { throw .cannotWrite(path, reason: String(cString: strerror(code))) }
    }

    /// Creates the file at `url` and lets `produce` write it piece by piece, so a large
    /// output is never whole in memory (see ``StreamedFile``).
    static func stream(to url: URL, _ produce: (_ file: StreamedFile) throws -> Void) throws {
        let file = try StreamedFile(url: url)
        try produce(file)
        try file.close()
    }

    public static func write(_ files: [(name: String, bytes: [UInt8])], to destination: URL) throws(OutputError) {
        do {
            try write(to: destination) { folder in
                for file in files {
                    try write(file.bytes, to: folder.appendingPathComponent(file.name))
                }
                return files.map(\.name)
            }
        } catch let error as OutputError {
            throw error
        } catch {
            throw .cannotWrite(destination.path, reason: String(describing: error))
        }
    }

    /// Lets `produce` write the files into a new temporary folder beside `destination`, and
    /// returns once they are all in place, as with ``write(_:to:)``. `produce` returns the
    /// names of the files it wrote; it can stream large files instead of holding them.
    ///
    /// - Throws: ``OutputError``, or an error `produce` throws as such (an ``ExportError``,
    ///   say); any other failure while writing becomes ``OutputError/cannotWrite(_:reason:)``.
    ///   Nothing in `destination` has changed when it throws.
    public static func write(to destination: URL, produce: (URL) throws -> [String]) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: destination.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw OutputError.notAFolder(destination.path)
        }
        if let problem = pathProblem(destination) { throw OutputError.cannotWrite(destination.path, reason: problem) }
        if !exists, let target = try? manager.destinationOfSymbolicLink(atPath: destination.path) {
            throw OutputError.cannotWrite(destination.path, reason: "it is a link to \(target), which does not exist")
        }
        let parent = destination.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotWrite(parent.path, reason: FileBytes.systemReason(error))
        }
        let temporary = freshTemporary(beside: destination)
        guard try PartialFolders.shared.begin(temporary, for: destination) else { throw OutputError.abandoned(destination.path) }
        defer { PartialFolders.shared.remove(temporary) }
        let names: [String]
        do {
            names = try produce(temporary)
        } catch {
            try? manager.removeItem(at: temporary)
            if error is OutputError || error is ExportError { throw error }
            throw OutputError.cannotWrite(destination.path, reason: error.localizedDescription)
        }
        let moved = try PartialFolders.shared.commit(temporary) { () throws(OutputError) in
            try moveIntoPlace(names, from: temporary, to: destination, destinationExists: exists)
        }
        if !moved { throw OutputError.abandoned(destination.path) }
    }

    /// Removes the temporary folders of the report sets (and single files) this process is
    /// writing under `parent` (all of them when nil), for a run that is being interrupted, and
    /// returns the destinations they were for. A set already being moved into place is let
    /// finish first, so each destination keeps either its previous files or the whole new
    /// set. A write whose folder was removed, or that starts under `parent` afterwards,
    /// throws ``OutputError/abandoned(_:)``.
    public static func abandonWrites(under parent: URL? = nil) -> [String] {
        PartialFolders.shared.abandon(under: parent)
    }

    /// Moves the files `names` of `temporary` into `destination` as one set, then removes
    /// `temporary`.
    private static func moveIntoPlace(_ names: [String], from temporary: URL, to destination: URL, destinationExists exists: Bool) throws(OutputError) {
        let manager = FileManager.default
        if !exists {
            do {
                try manager.moveItem(at: temporary, to: destination)
                return
            } catch {
                try? manager.removeItem(at: temporary)
                throw .cannotWrite(destination.path, reason: error.localizedDescription)
            }
        }
        // Only regular files written by an earlier run are replaced: a folder or link where a
        // report should go is the user's, so stop before touching anything.
        for name in names {
            let target = destination.appendingPathComponent(name)
            guard let type = try? manager.attributesOfItem(atPath: target.path)[.type] as? FileAttributeType else { continue }
            if type != .typeRegular {
                try? manager.removeItem(at: temporary)
                throw .cannotWrite(target.path, reason: "a folder or link is in the way of the report \(name); move it away")
            }
        }
        // Set each previous version aside, then move the new one in; undo everything on failure.
        let previous = temporary.appendingPathComponent(".previous")
        var moved: [(name: String, hadPrevious: Bool)] = []
        func undo() {
            for entry in moved.reversed() {
                let target = destination.appendingPathComponent(entry.name)
                _ = unlink(target.path)
                if entry.hadPrevious { _ = rename(previous.appendingPathComponent(entry.name).path, target.path) }
            }
        }
        do {
            try manager.createDirectory(at: previous, withIntermediateDirectories: false)
        } catch {
            try? manager.removeItem(at: temporary)
            throw .cannotWrite(destination.path, reason: error.localizedDescription)
        }
        for name in names {
            let target = destination.appendingPathComponent(name)
            let hadPrevious = manager.fileExists(atPath: target.path)
            if hadPrevious, rename(target.path, previous.appendingPathComponent(name).path) != 0 {
                let reason = String(cString: strerror(errno))
                undo()
                try? manager.removeItem(at: temporary)
                throw .cannotWrite(target.path, reason: reason)
            }
            if rename(temporary.appendingPathComponent(name).path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                if hadPrevious { _ = rename(previous.appendingPathComponent(name).path, target.path) }
                undo()
                try? manager.removeItem(at: temporary)
                throw .cannotWrite(target.path, reason: reason)
            }
            moved.append((name, hadPrevious))
        }
        try? manager.removeItem(at: temporary)
    }
}

/// Reports cannot be written where asked.
public enum OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    case notAFolder(String)
    case cannotWrite(String, reason: String)
    /// One file written alone (`codebook export --out FILE`).
    case cannotWriteFile(String, reason: String)
    /// The run was interrupted while writing: the unfinished set was removed.
    case abandoned(String)
    /// An output's path holds one of the run's inputs (`role`: "the codebook").
    case wouldReplaceInput(String, role: String)

    public var description: String {
        switch self {
        case .notAFolder(let path):
            "\(path) is a file, not a folder; pass --out with a folder for the reports"
        case .cannotWrite(let path, let reason):
            "cannot write reports to \(path) (\(reason)); check the folder exists and is writable, or pass another --out; previous reports there are unchanged"
        case .cannotWriteFile(let path, let reason):
            "cannot write \(path) (\(reason)); pass --out a file in a folder you can write to; a previous file there is unchanged"
        case .abandoned(let path):
            "the reports for \(path) were not written: the run was interrupted; previous reports there are unchanged"
        case .wouldReplaceInput(let path, let role):
            "refusing to write \(path): that file is \(role), an input of this run, and writing would replace it; pass --out "
                + "another folder (or file) so that inputs and outputs stay apart; nothing was written"
        }
    }
}
