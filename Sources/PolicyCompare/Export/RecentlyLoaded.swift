/// Documents' spooled data for one reader of a table that reads it row by row (their
/// sources, their reuse tokens): each document is read back once for a stretch of rows, not
/// once per cell.
///
/// Rows come document by document (or, for reuse, pair by pair), so the last ``kept``
/// documents loaded are kept: 8 unless the reader asks for more. A reader that knows when it
/// will read each document again (the reuse table's partners, see ``ComparisonTables``) says
/// so, and the document read again farthest ahead goes first, not the oldest. Each pass over
/// a table's rows makes its own (see ``Table/Rows/init(count:reader:)``), so none is shared
/// between threads.
final class RecentlyLoaded<Value> {
    private let load: (Int) -> Value
    /// The kept documents' numbers, data and ranks (the greatest goes first): apart, so a
    /// look-up compares numbers without copying (and retaining) each kept document's data.
    ///
    /// Unchecked for exclusive access: a reader belongs to one pass on one thread, and
    /// nothing it calls reaches back into it. The dynamic checks were a third of its cost,
    /// at two or three look-ups per row of a million-row table.
    @exclusivity(unchecked) private var indexes: [Int] = []
    @exclusivity(unchecked) private var values: [Value] = []
    @exclusivity(unchecked) private var ranks: [Int] = []
    /// Documents loaded so far.
    @exclusivity(unchecked) private var loads = 0
    /// How many documents are kept (at least one).
    let kept: Int

    /// `load(index)` reads document `index`'s data into memory; `kept` documents are kept.
    init(kept: Int = 8, _ load: @escaping (Int) -> Value) {
        self.kept = max(kept, 1)
        self.load = load
    }

    /// Document `index`'s data, in memory; when one must go, the one loaded first goes.
    subscript(index: Int) -> Value {
        if let position = indexes.firstIndex(of: index) { return values[position] }
        // Ranked by loads before it, negated: the one loaded first has the greatest rank.
        return loaded(index, rank: -loads)
    }

    /// Document `index`'s data, in memory, the reader's next look-up of it being its `next`-th
    /// (`Int.max` for none): when one must go, the one looked up again last goes (Belady's
    /// rule, the fewest loads for the order the reader knows).
    subscript(index: Int, readNextAt next: Int) -> Value {
        if let position = indexes.firstIndex(of: index) {
            ranks[position] = next
            return values[position]
        }
        return loaded(index, rank: next)
    }

    /// Loads document `index` and keeps it with `rank`, in place of the kept one of the
    /// greatest rank when `kept` are.
    private func loaded(_ index: Int, rank: Int) -> Value {
        let value = load(index)
        loads += 1
        guard indexes.count >= kept, let out = ranks.indices.max(by: { ranks[$0] < ranks[$1] }) else {
            indexes.append(index)
            values.append(value)
            ranks.append(rank)
            return value
        }
        indexes[out] = index
        values[out] = value
        ranks[out] = rank
        return value
    }
}
