/// CSV fields rendered once and copied into many records (a document's id and year, a
/// segment path, a category's labels): entry `k` is the fields of the texts given for it,
/// each followed by the writer's delimiter, all entries in one array.
///
/// One array, not one per entry: copying an entry out of an array of arrays retained and
/// released it, on every row of a million-row table.
struct RenderedFields: Sendable {
    private var bytes: [UInt8] = []
    /// Where each entry ends in `bytes`.
    private var ends: [Int] = []

    init() {}

    /// Entry `k` made of the cells `entries[k]`, each written by `writer` as a field.
    init(_ entries: [[Cell]], writer: CSVWriter) {
        ends.reserveCapacity(entries.count)
        for cells in entries {
            for cell in cells {
                writer.appendCell(cell, to: &bytes)
                bytes.append(writer.delimiterByte)
            }
            ends.append(bytes.count)
        }
    }

    /// Entry `k` the field of `texts[k]`, as `writer` writes text: a document's segment paths,
    /// without an array of cells made for each.
    init(texts: [String], writer: CSVWriter) {
        ends.reserveCapacity(texts.count)
        for text in texts {
            writer.appendText(text, to: &bytes)
            bytes.append(writer.delimiterByte)
            ends.append(bytes.count)
        }
    }

    /// Appends entry `k`'s bytes to `out`.
    func append<Out: ByteSink & ~Copyable>(_ k: Int, to out: inout Out) {
        let start = k > 0 ? ends[k - 1] : 0
        bytes.withUnsafeBufferPointer { out.appendBytes(UnsafeBufferPointer(rebasing: $0[start..<ends[k]])) }
    }
}
