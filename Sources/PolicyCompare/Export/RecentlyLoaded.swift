/// Documents' spooled data for one reader of a table that reads it row by row (their
/// sources, their reuse tokens): each document is read back once for a stretch of rows, not
/// once per cell.
///
/// Rows come document by document, or for reuse pair by pair, where a document's partners
/// come back within a few hundred rows: the last ``kept`` documents loaded are kept (at
/// 10,000 documents, 128 instead of 8 read a third fewer back). Each pass over a table's rows
/// makes its own (see ``Table/Rows/init(count:reader:)``), so none is shared between threads.
final class RecentlyLoaded<Value> {
    private let load: (Int) -> Value
    private var values: [Int: Value] = [:]
    /// The kept documents in the order they were loaded, the oldest at `next` once full.
    private var order: [Int] = []
    private var next = 0
    static var kept: Int { 128 }

    /// `load(index)` reads document `index`'s data into memory.
    init(_ load: @escaping (Int) -> Value) {
        self.load = load
    }

    /// Document `index`'s data, in memory.
    subscript(index: Int) -> Value {
        if let hit = values[index] { return hit }
        let value = load(index)
        if order.count < Self.kept {
            order.append(index)
        } else {
            values[order[next]] = nil
            order[next] = index
            next = (next + 1) % Self.kept
        }
        values[index] = value
        return value
    }
}
