import Foundation

/// Documents' spooled data for a table that reads it row by row (their sources, their reuse
/// tokens): each document is read back once for a stretch of rows, not once per cell.
///
/// Rows come document by document (or, for reuse, pair by pair), and a table's CSV file and
/// its sheet read them at the same time, so the few most recent documents are kept.
final class RecentlyLoaded<Value: Sendable>: @unchecked Sendable {  // `recent` is guarded by `lock`
    private let load: @Sendable (Int) -> Value
    private let lock = NSLock()
    private var recent: [(index: Int, value: Value)] = []
    private static var kept: Int { 8 }

    /// `load(index)` reads document `index`'s data into memory.
    init(_ load: @escaping @Sendable (Int) -> Value) {
        self.load = load
    }

    /// Document `index`'s data, in memory.
    subscript(index: Int) -> Value {
        lock.lock()
        if let hit = recent.first(where: { $0.index == index }) {
            lock.unlock()
            return hit.value
        }
        lock.unlock()
        let value = load(index)
        lock.lock()
        recent.insert((index, value), at: 0)
        if recent.count > Self.kept { recent.removeLast() }
        lock.unlock()
        return value
    }
}
