import Foundation

/// The temporary folders of the report sets this process is writing, so that an interrupted
/// run removes them (``OutputFolder/abandonWrites(under:)``) instead of leaving hidden
/// half-written folders beside `--out`.
///
/// A set being moved into place holds the lock until it is all in place, so an abandonment
/// waits for it: a destination ends up with the whole new set or its previous files, never a
/// mixture.
final class PartialFolders: @unchecked Sendable {  // `destinations` is guarded by `lock`
    static let shared = PartialFolders()

    private let lock = NSLock()
    /// Each registered temporary folder's path, with the destination it is written for.
    private var destinations: [String: String] = [:]

    /// Registers `temporary`, before it is made, as being written for `destination`.
    func add(_ temporary: URL, for destination: URL) {
        lock.withLock { destinations[temporary.path] = destination.path }
    }

    /// Forgets `temporary` (written and moved into place, or failed and removed).
    func remove(_ temporary: URL) {
        lock.withLock { _ = destinations.removeValue(forKey: temporary.path) }
    }

    /// Runs `moveIntoPlace` with the lock held, unless `temporary` was abandoned; returns
    /// whether it ran.
    func commit(_ temporary: URL, _ moveIntoPlace: () throws(OutputError) -> Void) throws(OutputError) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard destinations[temporary.path] != nil else { return false }
        try moveIntoPlace()
        return true
    }

    /// Removes every registered folder under `parent` (every one when nil), once no set is
    /// being moved into place, and returns the destinations they were for, sorted.
    ///
    /// A folder is renamed before it is removed, so a writer still running cannot add a file
    /// to it by its path while it is being emptied.
    func abandon(under parent: URL?) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let prefix = parent.map { $0.path.hasSuffix("/") ? $0.path : $0.path + "/" }
        var abandoned: [String] = []
        for (path, destination) in destinations where prefix.map({ path.hasPrefix($0) }) ?? true {
            let doomed = path + "-abandoned"
            let target = rename(path, doomed) == 0 ? doomed : path
            try? FileManager.default.removeItem(atPath: target)
            destinations.removeValue(forKey: path)
            abandoned.append(destination)
        }
        return abandoned.sorted()
    }
}
