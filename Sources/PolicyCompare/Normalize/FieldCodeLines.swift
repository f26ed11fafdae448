/// Finds the lines of a text that are word-processor field codes ("PAGE  1", "NUMPAGES 3",
/// "* MERGEFORMAT", and the page number on the line after a PAGE field), for the normaliser
/// to leave out, judging each line once it has reached the line's end.
///
/// Only a line of at most 48 scalars can be one. The normaliser judges a line at its end,
/// when its length is known, and takes back what it emitted for a field code: judging each
/// line at its start read up to 49 scalars ahead of the normaliser to find the line's end,
/// about 560 instructions a line, where most lines are long and none is a field code.
struct FieldCodeLines {
    /// The longest line that can be a field code, in scalars.
    static let longest = 48
    /// Whether the line before (empty lines aside) was a PAGE field.
    private var afterPageField = false

    /// Whether `line` (without its line end) is a field code. Call it for every line of the
    /// text, in order: a page number is one only on the line after a PAGE field.
    @inline(__always)
    mutating func isFieldCode(_ line: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard line.count <= Self.longest else {
            afterPageField = false
            return false
        }
        return isShortFieldCode(line)
    }

    /// ``isFieldCode(_:)`` for a line of at most ``longest`` scalars.
    private mutating func isShortFieldCode(_ line: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        // Only a line that spells "page" or "mergeformat" (or the page number after a PAGE
        // field) can be a field code; the rest are cleared by a scan of letters.
        guard afterPageField || Self.mayBeFieldCode(line) else {
            afterPageField = false
            return false
        }
        // Judge the line as normalisation will see it: without the invisible characters it
        // drops, so normalising twice finds the same field codes.
        let words = NormalizedText.string(line.filter { !VietnameseNormalizer.isDropped($0) })
            .split(whereSeparator: { $0.isWhitespace || $0 == "\\" || $0 == "*" })
        guard let first = words.first else { return false }  // an empty line changes nothing
        let upper = first.uppercased()
        if upper == "PAGE" || upper == "NUMPAGES" || upper == "SECTIONPAGES" || words.contains(where: { $0.uppercased() == "MERGEFORMAT" }),
           words.dropFirst().allSatisfy({ $0.allSatisfy(\.isNumber) || $0.uppercased() == "MERGEFORMAT" }) {
            afterPageField = true
            return true
        }
        let pageNumber = afterPageField && words.count == 1 && first.allSatisfy(\.isNumber)
        afterPageField = false
        return pageNumber
    }

    /// Whether `line`, without the characters the normaliser drops, contains "page" or
    /// "mergeformat" in any case (as every field code line does).
    static func mayBeFieldCode(_ line: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        // The line's letters lower-cased (0 for any other scalar), on the stack: every short
        // line of a plan is tested.
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
