/// Documents' spooled data for one reader of a table that reads it row by row (their
/// sources, their reuse tokens): each document is read back once for a stretch of rows, not
/// once per cell.
///
/// Rows come document by document (or, for reuse, pair by pair), so the last ``kept``
/// documents loaded are kept: 8 unless the reader asks for more (the reuse table's partners,
/// see ``ComparisonTables``). Each pass over a table's rows makes its own (see
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
    /// How many documents are kept (at least one).
    let kept: Int

    /// `load(index)` reads document `index`'s data into memory; the last `kept` loaded are kept.
    init(kept: Int = 8, _ load: @escaping (Int) -> Value) {
        self.kept = max(kept, 1)
        self.load = load
    }

    /// Document `index`'s data, in memory.
    subscript(index: Int) -> Value {
        if let position = indexes.firstIndex(of: index) { return values[position] }
        let value = load(index)
        indexes.insert(index, at: 0)
        values.insert(value, at: 0)
        if indexes.count > kept {
            indexes.removeLast()
            values.removeLast()
        }
        return value
    }
}
