/// Finds the lines of a text that are word-processor field codes ("PAGE  1", "NUMPAGES 3",
/// "* MERGEFORMAT", and the page number on the line after a PAGE field), for the normaliser
/// to leave out, judging each line as the normaliser reaches its start.
///
/// Only a line of at most 48 scalars can be one, so a line is read no further than its
/// 49th scalar: finding every line's end first read every scalar of the text (1.1% of a
/// 10,000-plan run), where most scalars are in long lines.
struct FieldCodeLines {
    /// The longest line that can be a field code, in scalars.
    static let longest = 48
    /// Whether the line before (empty lines aside) was a PAGE field.
    private var afterPageField = false

    /// The end of the line that starts at `start` (the next line end, or the end of `scalars`)
    /// when that line is a field code; nil when it is not. Call it at the start of every line,
    /// in order.
    mutating func fieldCodeEnd(lineStart start: Int, in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int? {
        // An empty last line (or a start past the text) is no field code and changes nothing.
        guard start >= 0, start < scalars.count else { return nil }
        let limit = min(scalars.count, start + Self.longest + 1)
        var end = start
        while end < limit, !VietnameseNormalizer.isLineBreak(scalars[end]) { end += 1 }
        // Only a line that spells "page" or "mergeformat" (or the page number after a PAGE
        // field) can be a field code; the rest are cleared by a scan of letters.
        let line = UnsafeBufferPointer(rebasing: scalars[start..<end])
        guard end - start <= Self.longest, afterPageField || Self.mayBeFieldCode(line) else {
            afterPageField = false
            return nil
        }
        // Judge the line as normalisation will see it: without the invisible characters it
        // drops, so normalising twice finds the same field codes.
        let words = NormalizedText.string(line.filter { !VietnameseNormalizer.isDropped($0) })
            .split(whereSeparator: { $0.isWhitespace || $0 == "\\" || $0 == "*" })
        guard let first = words.first else { return nil }  // an empty line changes nothing
        let upper = first.uppercased()
        if upper == "PAGE" || upper == "NUMPAGES" || upper == "SECTIONPAGES" || words.contains(where: { $0.uppercased() == "MERGEFORMAT" }),
           words.dropFirst().allSatisfy({ $0.allSatisfy(\.isNumber) || $0.uppercased() == "MERGEFORMAT" }) {
            afterPageField = true
            return end
        }
        let pageNumber = afterPageField && words.count == 1 && first.allSatisfy(\.isNumber)
        afterPageField = false
        return pageNumber ? end : nil
    }

    /// Whether `line`, without the characters the normaliser drops, contains "page" or
    /// "mergeformat" in any case (as every field code line does).
    static func mayBeFieldCode(_ line: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        // The line's letters lower-cased (0 for any other scalar), on the stack: a line of a
        // plan is tested before it is normalised, and most lines are short.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: line.count) { letters in
            var count = 0
            for s in line where !VietnameseNormalizer.isDropped(s) {
                let v = s.value
                letters[count] = v < 0x80 ? UInt8(v) | (v >= 0x41 && v <= 0x5A ? 0x20 : 0) : 0
                count += 1
            }
            let found = UnsafeBufferPointer(rebasing: letters[..<count])
            return UTF8Scalars.contains(found, "page") || UTF8Scalars.contains(found, "mergeformat")
        }
    }
}
