/// A header column that a reader does not use, with the known column its name nearly is.
///
/// Researchers add their own columns (`notes`, `url`); those are ignored without a word. A
/// name that is a known column's name misspelt (`tittle`), in other case or separators
/// (`Title`, `parent id`) or in the singular (`exclusion`) is most likely that column, whose
/// values would otherwise be silently lost: it carries a ``suggestion`` and is worth a warning.
public struct UnknownColumn: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based position in the header.
    public var column: Int
    public var name: String
    /// The known column, absent from the header, that `name` nearly is; nil when none is close.
    public var suggestion: String?

    public var description: String {
        guard let suggestion else {
            return "\(file):1:\(column): column '\(name)' is not one PolicyCompare reads; its values are ignored"
        }
        return "\(file):1:\(column): column '\(name)' is not one PolicyCompare reads, so its values are ignored; did you mean '\(suggestion)'? Rename the column to use them"
    }

    /// The named columns of `header` that are not in `known`, in header order, each with the
    /// known column missing from the header that its name nearly is. (Columns without a name,
    /// which a spreadsheet leaves, hold no value: ``CSVReader/table(_:required:)`` sees to it.)
    static func find(in header: [String], known: [String], file: String) -> [UnknownColumn] {
        let present = Set(header)
        let absent = known.filter { !present.contains($0) }
        let knownSet = Set(known)
        return header.enumerated().compactMap { position, name in
            knownSet.contains(name) || name.isEmpty ? nil
                : UnknownColumn(file: file, column: position + 1, name: name, suggestion: closest(to: name, among: absent))
        }
    }

    /// The candidate `name` nearly is, or nil: equal once case, spaces, `-` and `.` are set
    /// aside, or else within one edit (a letter added, dropped, changed, or two swapped) of a
    /// candidate of up to nine letters and two of a longer one. (Two edits of a shorter one
    /// took a researcher's own `label_fr` for `label_vi`.) The nearest wins; among equals, the
    /// first. (The command line suggests options by it too.)
    public static func closest(to name: String, among candidates: [String]) -> String? {
        let key = Array(comparable(name))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let target = Array(comparable(candidate))
            let limit = target.count <= 9 ? 1 : 2
            let distance = editDistance(key, target, limit: limit)
            if distance <= limit, distance < best?.distance ?? .max {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// `name` lowercased and trimmed, with spaces, `-` and `.` as `_` and runs of `_` as one.
    private static func comparable(_ name: String) -> String {
        var result = ""
        for character in name.trimmingSpaces.lowercased() {
            let c: Character = character == " " || character == "-" || character == "." ? "_" : character
            if c == "_", result.last == "_" { continue }
            result.append(c)
        }
        return result
    }

    /// The optimal-string-alignment distance of `a` and `b` (insertions, deletions,
    /// substitutions and swaps of neighbours), or any number above `limit` once it must be.
    private static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)  // row i - 2
        var previous = Array(0...b.count)                       // row i - 1
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
