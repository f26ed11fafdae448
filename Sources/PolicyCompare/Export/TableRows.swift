extension Table {
    /// A table's rows: stored, or generated one at a time when they are read.
    ///
    /// A corpus of ten thousand plans has millions of evidence rows. Stored as cells they
    /// took more memory than the whole analysis; generated, a writer holds one row at a time.
    /// Generated rows behave as stored ones: reading the same index gives the same row, and
    /// changing any row first stores them all, except cutting the end (a workbook's sheet keeps
    /// a table's first rows), which keeps a prefix generated.
    ///
    /// Each pass over generated rows gets its own reader (``init(count:reader:)``), so a
    /// table's CSV file and its sheet, written at the same time, each keep their own place
    /// and caches instead of sharing them under a lock.
    public struct Rows: Sendable {
        private var stored: [[Cell]]
        private var generated: Generated?

        private struct Generated: Sendable {
            var count: Int
            var reader: @Sendable () -> (Int, inout [Cell]) -> Void
            var records: CSVRecords?
        }

        /// A CSV writer's way to render generated rows straight to bytes, for a table whose
        /// rows are written by the million: `fields` fields a record, and a function made for
        /// each pass with the writer that appends row `i`'s record, without its line end, as
        /// that writer writes the cells `reader` gives (see ``CSVWriter/write(_:)``). Building a
        /// row's cells retained and released each text they held, once per cell.
        struct CSVRecords: Sendable {
            var fields: Int
            var renderer: @Sendable (CSVWriter) -> (Int, inout GrowableBuffer<UInt8>) -> Void
        }

        public init() {
            stored = []
        }

        /// `count` rows, row `i` being `row(i)`; `row` must give the same cells every time.
        public init(count: Int, row: @escaping @Sendable (Int) -> [Cell]) {
            self.init(count: count, reader: { row })
        }

        /// `count` rows, read by a function that `reader` makes for each pass over them (and
        /// for each row read on its own); row `i` must be the same cells whichever function
        /// reads it, but one function may keep state from row to row of its pass.
        init(count: Int, reader: @escaping @Sendable () -> (Int) -> [Cell]) {
            self.init(count: count, filler: {
                let row = reader()
                return { index, cells in cells = row(index) }
            })
        }

        /// ``init(count:reader:)`` with functions that write row `i` over the cells of the
        /// row read before it (see ``fill(_:count:_:)``), so that a pass that reads each row
        /// into the same array (``Iterator/next(into:)``) allocates no array per row.
        init(count: Int, filler: @escaping @Sendable () -> (Int, inout [Cell]) -> Void, records: CSVRecords? = nil) {
            stored = []
            generated = Generated(count: Swift.max(0, count), reader: filler, records: records)
        }

        /// How a CSV writer renders these rows without their cells, if it can (generated rows
        /// made with ``CSVRecords``; stored rows, once changed, cannot).
        var csvRecords: CSVRecords? {
            generated?.records
        }

        /// Whether the rows are generated when read rather than stored.
        public var isGenerated: Bool {
            generated != nil
        }

        private mutating func store() {
            guard let generated else { return }
            let read = generated.reader()
            stored = (0..<generated.count).map { index in
                var cells: [Cell] = []
                read(index, &cells)
                return cells
            }
            self.generated = nil
        }

        /// Makes `cells` `count` cells long and lets `body` set each of them in place: a row
        /// function's way to write its row over the one before (``init(count:filler:)``).
        /// `body` sets every cell; a cell it leaves keeps the value it had.
        @inline(__always)
        static func fill(_ cells: inout [Cell], count: Int, _ body: (UnsafeMutableBufferPointer<Cell>) -> Void) {
            if cells.count != count {
                cells = Array(repeating: .empty, count: count)
            }
            cells.withUnsafeMutableBufferPointer { body($0) }
        }
    }
}

extension Table.Rows {
    /// Reads the rows in order, generated ones through one reader for the whole pass.
    public struct Iterator: IteratorProtocol {
        private let rows: Table.Rows
        private var index = 0
        private var read: ((Int, inout [Cell]) -> Void)?

        fileprivate init(_ rows: Table.Rows) {
            self.rows = rows
            read = rows.generated.map { $0.reader() }
        }

        public mutating func next() -> [Cell]? {
            var cells: [Cell] = []
            return next(into: &cells) ? cells : nil
        }

        /// Reads the next row into `cells`, over the row read before; false at the end.
        ///
        /// A generated row is written into the array's own storage: a million-row table
        /// allocated and freed an array per row, once for its CSV file and once for its
        /// sheet. (A row the caller kept a copy of is copied first, as any array would be.)
        mutating func next(into cells: inout [Cell]) -> Bool {
            guard index < rows.endIndex else { return false }
            defer { index += 1 }
            if let read {
                read(index, &cells)
            } else {
                cells = rows.stored[index]
            }
            return true
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(self)
    }
}

extension Table.Rows: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { generated?.count ?? stored.count }

    public subscript(position: Int) -> [Cell] {
        get {
            guard let generated else { return stored[position] }
            precondition(position >= 0 && position < generated.count, "Table.Rows index out of range")
            var cells: [Cell] = []
            generated.reader()(position, &cells)
            return cells
        }
        set {
            store()
            stored[position] = newValue
        }
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == [Cell] {
        if var kept = generated, newElements.isEmpty, subrange.upperBound == kept.count {
            kept.count = subrange.lowerBound
            generated = kept
            return
        }
        store()
        stored.replaceSubrange(subrange, with: newElements)
    }

    public mutating func reserveCapacity(_ n: Int) {
        if generated == nil { stored.reserveCapacity(n) }
    }
}

extension Table.Rows: ExpressibleByArrayLiteral {
    public init(arrayLiteral rows: [Cell]...) {
        stored = rows
    }
}

extension Table.Rows: Hashable {
    public static func == (lhs: Table.Rows, rhs: Table.Rows) -> Bool {
        lhs.elementsEqual(rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for row in self { hasher.combine(row) }
    }
}
