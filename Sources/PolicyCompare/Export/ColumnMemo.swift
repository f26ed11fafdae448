import Foundation

/// The text a writer last wrote in each column of a table, with what it worked out for that
/// text, so a text repeated down a column (a document's id, segment path and labels, on every
/// one of its rows) is checked and looked up once, not on every row.
///
/// Texts are compared by their bytes: `==` on strings holds canonically equivalent spellings
/// equal (`豈` U+F900 and U+8C48, of one length), and a writer's work depends on the bytes.
/// A column of texts that change from row to row mostly costs a comparison of two counts.
struct ColumnMemo<Note> {
    private var texts: [String]
    private var notes: [Note?]
    /// Each noted text's count of UTF-8 bytes, -1 where none is: the test most calls end at,
    /// on an array of plain integers (no string is touched for a text of another length).
    private var counts: [Int]

    init(columns: Int) {
        texts = Array(repeating: "", count: max(0, columns))
        notes = Array(repeating: nil, count: max(0, columns))
        counts = Array(repeating: -1, count: max(0, columns))
    }

    /// What was noted in `column` if `text` (UTF-8) is the text noted there last, else nil.
    ///
    /// Inlined where a sheet's cells are read (once a text cell): left to the optimiser, it
    /// became a call of its own when that function grew by a cell kind (8 M instructions more
    /// at 200 generated plans, callgrind).
    @inline(__always)
    func note(for text: UnsafeBufferPointer<UInt8>, column: Int) -> Note? {
        guard column >= 0, column < counts.count, counts[column] == text.count, let note = notes[column] else { return nil }
        let same = texts[column].utf8.withContiguousStorageIfAvailable { noted in
            guard let left = noted.baseAddress, let right = text.baseAddress, left != right else { return true }
            return memcmp(left, right, noted.count) == 0
        }
        return same == true ? note : nil
    }

    /// Notes `note` for `text` in `column`, in place of what was noted there.
    mutating func remember(_ note: Note, for text: String, column: Int) {
        guard column >= 0, column < notes.count else { return }
        texts[column] = text
        notes[column] = note
        counts[column] = text.utf8.count
    }
}
