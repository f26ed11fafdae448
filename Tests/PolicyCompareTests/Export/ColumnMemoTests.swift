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

    @Test func aTextOfTheNotedLengthIsComparedByItsBytes() {
        var memo = ColumnMemo<Int>(columns: 1)
        memo.remember(1, for: "abc", column: 0)
        #expect(note(memo, "abd", 0) == nil && note(memo, "abc", 0) == 1 && note(memo, "ab", 0) == nil)
        memo.remember(2, for: "", column: 0)
        #expect(note(memo, "", 0) == 2 && note(memo, "abc", 0) == nil)
        #expect(note(memo, "", -1) == nil)
        // A text noted by one string and asked for by the bytes of that same string.
        let long = String(repeating: "Điều 5. ", count: 20)
        memo.remember(4, for: long, column: 0)
        var same = long
        #expect(same.withUTF8 { memo.note(for: $0, column: 0) } == 4)
    }
}
