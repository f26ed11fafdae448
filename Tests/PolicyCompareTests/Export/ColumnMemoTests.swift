import Testing
@testable import PolicyCompare

@Suite struct ColumnMemoTests {
    private func note(_ memo: ColumnMemo<Int>, _ text: String, _ column: Int) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { memo.note(for: $0, column: column) }
    }

    @Test func givesTheNoteOnlyForTheTextNotedLastInItsColumn() {
        var memo = ColumnMemo<Int>(columns: 2)
        #expect(note(memo, "", 0) == nil)
        memo.remember(7, for: "Bảo vệ", column: 0)
        #expect(note(memo, "Bảo vệ", 0) == 7)
        #expect(note(memo, "Bảo vệ", 1) == nil)
        #expect(note(memo, "Bảo vẹ", 0) == nil)
        // Canonically equivalent texts are equal strings, but not the same bytes.
        memo.remember(3, for: "\u{8C48}", column: 1)
        #expect("\u{8C48}" == "\u{F900}" && note(memo, "\u{F900}", 1) == nil && note(memo, "\u{8C48}", 1) == 3)
        memo.remember(8, for: "x", column: 0)
        #expect(note(memo, "Bảo vệ", 0) == nil && note(memo, "x", 0) == 8)
        // Columns beyond the memo's are never noted.
        memo.remember(9, for: "y", column: 2)
        #expect(note(memo, "y", 2) == nil)
    }
}
