/// Joins the key terms of one year that always occur together into the phrase they form.
///
/// Terms are n-grams of up to three syllables, so a phrase of four shows up as two
/// overlapping terms: "bảo vệ chăm" and "vệ chăm sóc", each 21 times in 2014 and 12 in the
/// other years. Two terms X and Y are joined when Y starts with the last k syllables of X
/// (neither holding the other), both have the same counts in the year and in the reference,
/// and so does that overlap O. The counts prove the join: every O in the text lies at the end
/// of an X (X ends with O, and there are as many of each) and at the start of a Y, so every O
/// is a whole "X then the rest of Y", and that phrase occurs exactly as often as its parts.
/// A chain of such pairs makes one phrase ("công tác bảo" + "tác bảo vệ" = "công tác bảo vệ").
///
/// A term that lies once inside a longer term or phrase with the same counts occurs only
/// there, for the same reason, and belongs to it too ("tác bảo" to "công tác bảo vệ").
enum KeyPhrases {
    /// `rows` (of one target and direction) with ``KeynessRow/phrase`` set: the longest phrase
    /// that holds the row's term and occurs exactly as often, or the term itself.
    /// `overlapCounts` gives the frequency of a run of one or two syllables in the target and
    /// in the reference.
    static func join(_ rows: [KeynessRow], overlapCounts: (ArraySlice<Substring>) -> (target: Int, reference: Int)) -> [KeynessRow] {
        // Each distinct syllable numbered once, by its bytes: hashing or comparing a `String`
        // that is not ASCII normalises it first, each time (keyed by text, joining a year's
        // rows cost as much as finding them).
        var numbers: [ExactText: Int] = [:]
        var texts: [Substring] = []
        let syllables: [[Int]] = rows.map { row in
            row.term.split(separator: " ").map { syllable in
                let key = ExactText(String(syllable))
                if let number = numbers[key] { return number }
                numbers[key] = texts.count
                texts.append(syllable)
                return texts.count - 1
            }
        }
        // Rows by their counts and first k syllables, k shorter than the row.
        var starting: [Key: [Int]] = [:]
        for (i, row) in rows.enumerated() {
            for k in syllables[i].indices.dropFirst() {
                starting[Key(row, syllables[i].prefix(k)), default: []].append(i)
            }
        }
        // Each row's successor and their overlap, by the longest overlap there is.
        var next = [Int?](repeating: nil, count: rows.count)
        var overlap = [Int](repeating: 0, count: rows.count)
        for (i, row) in rows.enumerated() {
            let term = syllables[i]
            for k in stride(from: term.count - 1, through: 1, by: -1) {
                let tail = term.suffix(k)
                let continuing = (starting[Key(row, tail)] ?? []).filter { j in
                    j != i && !contains(syllables[j], term) && !contains(term, syllables[j])
                }
                // Of candidates one inside another ("b c" and "b c d" after "a b"), the longer.
                let candidates = continuing.filter { j in !continuing.contains { $0 != j && contains(syllables[$0], syllables[j]) } }
                guard !candidates.isEmpty else { continue }
                let counts = overlapCounts(ArraySlice(tail.map { texts[$0] }))
                if candidates.count == 1, counts.target == row.targetCount, counts.reference == row.referenceCount {
                    next[i] = candidates[0]
                    overlap[i] = k
                }
                break
            }
        }
        // The counts allow one predecessor, but for those inside it ("b c" and "a b c" before
        // "c d"), which keep their own successor no more; should the text defeat that, no join
        // into such a row.
        var before = [[Int]](repeating: [], count: rows.count)
        for (i, j) in next.enumerated() { if let j { before[j].append(i) } }
        for group in before where group.count > 1 {
            let outer = group.filter { i in !group.contains { $0 != i && contains(syllables[$0], syllables[i]) } }
            for i in group where outer.count != 1 || outer[0] != i { next[i] = nil }
        }
        var predecessors = [Int](repeating: 0, count: rows.count)
        for j in next.compactMap({ $0 }) { predecessors[j] += 1 }

        // The chains, from each row that starts one; rows on a cycle start none, and stay apart.
        var phrases: [(syllables: [Int], row: KeynessRow)] = rows.indices.map { (syllables[$0], rows[$0]) }
        for start in rows.indices where predecessors[start] == 0 && next[start] != nil {
            var words = syllables[start]
            var i = start
            // At most one step per row, should a chain ever run into a circle.
            for _ in rows.indices {
                guard let j = next[i] else { break }
                words += syllables[j].dropFirst(overlap[i])
                i = j
            }
            phrases.append((words, rows[start]))
        }

        // Every run as long as a term at most that occurs once in a phrase, by counts: the
        // longest phrase holding it (nil where two different ones of that length do). Only
        // terms are looked up, so a long phrase (a chain of every trigram of a paragraph, when
        // all rows are kept) costs its length times the longest term, where hashing all its
        // runs cost the cube of its length.
        let longestTerm = syllables.map(\.count).max() ?? 0
        var longest: [Key: (length: Int, words: [Int]?)] = [:]
        for phrase in phrases {
            let words = phrase.syllables
            var runs: [ArraySlice<Int>: Int] = [:]
            for lower in words.indices {
                for upper in (lower + 1)...min(words.endIndex, lower + longestTerm) { runs[words[lower..<upper], default: 0] += 1 }
            }
            for (run, count) in runs where count == 1 {
                let key = Key(phrase.row, run)
                if let found = longest[key], found.length >= words.count {
                    if found.length == words.count, found.words != words { longest[key] = (found.length, nil) }
                } else {
                    longest[key] = (words.count, words)
                }
            }
        }
        return rows.indices.map { i in
            var row = rows[i]
            if let found = longest[Key(row, syllables[i][...])], found.length > syllables[i].count, let words = found.words {
                row.phrase = words.map { texts[$0] }.joined(separator: " ")
            }
            return row
        }
    }

    /// Counts and a run of syllables, by number.
    private struct Key: Hashable {
        var target: Int
        var reference: Int
        var syllables: ArraySlice<Int>

        init(_ row: KeynessRow, _ syllables: ArraySlice<Int>) {
            (target, reference) = (row.targetCount, row.referenceCount)
            self.syllables = syllables
        }
    }

    /// Whether `inner` is a run of `outer`.
    private static func contains(_ outer: [Int], _ inner: [Int]) -> Bool {
        guard inner.count <= outer.count else { return false }
        return (0...(outer.count - inner.count)).contains { outer[$0..<($0 + inner.count)].elementsEqual(inner) }
    }
}
