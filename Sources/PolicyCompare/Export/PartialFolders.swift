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

extension PartialFolders {
    /// The name of a new temporary folder beside `destination`:
    /// `.NAME.partial-UUID-PID@HOST`, by which a later run tells a folder whose process was
    /// killed (``sweepStale(beside:)``).
    static func temporaryName(for destination: URL, pid: Int32 = getpid()) -> String {
        ".\(destination.lastPathComponent).partial-\(UUID().uuidString)-\(pid)@\(host)"
    }

    /// Removes the temporary folders beside `destination` that a process of this host left
    /// when it was killed (`kill -9`, or a crash), which it could not remove itself.
    ///
    /// Only a name of exactly the form of ``temporaryName(for:pid:)``, with this host's name
    /// and the id of a process that no longer exists (or has ended and awaits its parent), is
    /// touched: a folder of this process or
    /// of a live one, of another host sharing the folder, or of any other name is left alone.
    /// A folder whose process id has since been taken by another process is left too.
    static func sweepStale(beside destination: URL) {
        let parent = destination.deletingLastPathComponent()
        let prefix = ".\(destination.lastPathComponent).partial-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) && isStale(name.dropFirst(prefix.count)) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Whether `suffix` is `UUID-PID@HOST` (perhaps followed by `-abandoned`) with this host
    /// and the id of a process, not this one, that does not exist or has ended.
    private static func isStale(_ suffix: Substring) -> Bool {
        var rest = suffix
        if rest.hasSuffix("-abandoned") { rest = rest.dropLast("-abandoned".count) }
        guard rest.count > 37, UUID(uuidString: String(rest.prefix(36))) != nil else { return false }
        rest = rest.dropFirst(36)
        guard rest.first == "-", let at = rest.firstIndex(of: "@"), rest[rest.index(after: at)...] == host,
              let pid = Int32(rest[rest.index(after: rest.startIndex)..<at]), pid > 0, pid != getpid() else { return false }
        if kill(pid, 0) != 0 { return errno == ESRCH }
        return isZombie(pid)
    }

    /// Whether process `pid` has ended but its parent has not yet collected it (state `Z` in
    /// `/proc/PID/stat`, after the parenthesised name); false where there is no `/proc`.
    private static func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// This host's name, with anything but letters, digits, `.` and `-` as `_`.
    static let host: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let cleaned = String(name.unicodeScalars.map { s -> Character in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "." || s == "-") ? Character(s) : "_"
        })
        return cleaned.isEmpty ? "localhost" : cleaned
    }()
}
