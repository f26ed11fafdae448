import Foundation

/// The temporary folders of the report sets this process is writing, so that an interrupted
/// run removes them (``OutputFolder/abandonWrites(under:)``) instead of leaving hidden
/// half-written folders beside `--out`.
///
/// Every step that makes, moves or removes such a folder holds the lock: a set being moved
/// into place is let finish, so a destination ends up with the whole new set or its previous
/// files, never a mixture; and once an interruption has begun under a folder, no new set
/// starts there.
final class PartialFolders: @unchecked Sendable {  // every `var` is guarded by `lock`
    static let shared = PartialFolders()

    private let lock = NSLock()
    /// Each registered temporary folder's path, with the destination it is written for.
    private var destinations: [String: String] = [:]
    /// Folders (each path ending in `/`) under which an interruption has removed the sets.
    private var abandoned: [String] = []

    /// Makes the folder `temporary` for a set written to `destination` and registers it;
    /// false, with nothing made, once an interruption has begun under its folder.
    func begin(_ temporary: URL, for destination: URL) throws(OutputError) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let path = temporary.path
        guard !abandoned.contains(where: { path.hasPrefix($0) }) else { return false }
        do {
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw .cannotWrite(destination.path, reason: FileBytes.systemReason(error))
        }
        destinations[path] = destination.path
        return true
    }

    /// Forgets `temporary` (written and moved into place, or failed and removed).
    func remove(_ temporary: URL) {
        lock.withLock { _ = destinations.removeValue(forKey: temporary.path) }
    }

    /// Runs `moveIntoPlace` with the lock held and forgets `temporary`, unless it was
    /// abandoned; returns whether it ran.
    func commit(_ temporary: URL, _ moveIntoPlace: () throws(OutputError) -> Void) throws(OutputError) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard destinations.removeValue(forKey: temporary.path) != nil else { return false }
        try moveIntoPlace()
        return true
    }

    /// Removes every registered folder under `parent` (every one when nil), once no set is
    /// being moved into place, keeps any new one from starting there, and returns the
    /// destinations the removed ones were for, sorted.
    ///
    /// A folder is renamed before it is removed, so a writer still running cannot add a file
    /// to it by its path while it is being emptied.
    func abandon(under parent: URL?) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let prefix = parent.map { $0.path.hasSuffix("/") ? $0.path : $0.path + "/" } ?? "/"
        abandoned.append(prefix)
        var removed: [String] = []
        for (path, destination) in destinations where path.hasPrefix(prefix) {
            let doomed = path + "-abandoned"
            let target = rename(path, doomed) == 0 ? doomed : path
            try? FileManager.default.removeItem(atPath: target)
            destinations.removeValue(forKey: path)
            removed.append(destination)
        }
        return removed.sorted()
    }
}
