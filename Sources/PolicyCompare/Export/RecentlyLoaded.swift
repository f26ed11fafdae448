/// Documents' spooled data for one reader of a table that reads it row by row (their
/// sources, their reuse tokens): each document is read back once for a stretch of rows, not
/// once per cell.
///
/// Rows come document by document (or, for reuse, pair by pair), so the last ``kept``
/// documents loaded are kept. Keeping 128 instead of 8 read a third fewer reuse partners back
/// at 10,000 documents, about 0.2 s of CPU by the profile: not worth 16 times as many
/// documents held by each reader. Each pass over a table's rows makes its own (see
/// ``Table/Rows/init(count:reader:)``), so none is shared between threads.
final class RecentlyLoaded<Value> {
    private let load: (Int) -> Value
    /// The kept documents, the most recently loaded first.
    private var recent: [(index: Int, value: Value)] = []
    static var kept: Int { 8 }

    /// `load(index)` reads document `index`'s data into memory.
    init(_ load: @escaping (Int) -> Value) {
        self.load = load
    }

    /// Document `index`'s data, in memory.
    subscript(index: Int) -> Value {
        if let hit = recent.first(where: { $0.index == index }) { return hit.value }
        let value = load(index)
        recent.insert((index, value), at: 0)
        if recent.count > Self.kept { recent.removeLast() }
        return value
    }
}
