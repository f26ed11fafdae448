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
    /// The kept documents' numbers and data, the most recently loaded first: apart, so a
    /// look-up compares numbers without copying (and retaining) each kept document's data.
    ///
    /// Unchecked for exclusive access: a reader belongs to one pass on one thread, and
    /// nothing it calls reaches back into it. The dynamic checks were a third of its cost,
    /// at two or three look-ups per row of a million-row table.
    @exclusivity(unchecked) private var indexes: [Int] = []
    @exclusivity(unchecked) private var values: [Value] = []
    static var kept: Int { 8 }

    /// `load(index)` reads document `index`'s data into memory.
    init(_ load: @escaping (Int) -> Value) {
        self.load = load
    }

    /// Document `index`'s data, in memory.
    subscript(index: Int) -> Value {
        if let position = indexes.firstIndex(of: index) { return values[position] }
        let value = load(index)
        indexes.insert(index, at: 0)
        values.insert(value, at: 0)
        if indexes.count > Self.kept {
            indexes.removeLast()
            values.removeLast()
        }
        return value
    }
}
