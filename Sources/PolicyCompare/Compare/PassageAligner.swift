/// Grows shared anchor shingles of two documents into maximal aligned passages.
///
/// Seed and extend (as in BLAST) rather than chaining every shared shingle: from a seed, the
/// alignment runs along its diagonal token by token; at a difference it looks for the nearest
/// offset, at most `maxGap` tokens on each side, where a whole shingle matches again, and goes
/// on from there. This follows the same chain of shingles along (nearly) one diagonal, but costs
/// time in proportion to the passage, not to the number of shared shingles, and needs no
/// shingle table per pair.
struct PassageAligner: Sendable {
    /// An aligned region before the minimum-length filter.
    struct Alignment: Sendable, Hashable {
        var tokensA: Range<Int>
        var tokensB: Range<Int>
        var sharedTokens: Int
    }

    let shingleSize: Int
    let minPassageTokens: Int
    /// Offsets tried after a difference, nearest first: fewest skipped tokens, then
    /// substitutions before insertions or deletions, then skipping in A before skipping in B.
    private let resumeOffsets: [(dx: Int, dy: Int)]

    init(shingleSize: Int, minPassageTokens: Int, maxGap: Int) {
        self.shingleSize = shingleSize
        self.minPassageTokens = minPassageTokens
        let gap = max(0, maxGap)
        var offsets: [(dx: Int, dy: Int)] = []
        for dx in 0...gap {
            for dy in 0...gap where dx + dy > 0 {
                offsets.append((dx, dy))
            }
        }
        offsets.sort { lhs, rhs in
            if lhs.dx + lhs.dy != rhs.dx + rhs.dy { return lhs.dx + lhs.dy < rhs.dx + rhs.dy }
            if abs(lhs.dx - lhs.dy) != abs(rhs.dx - rhs.dy) { return abs(lhs.dx - lhs.dy) < abs(rhs.dx - rhs.dy) }
            return lhs.dx > rhs.dx
        }
        resumeOffsets = offsets
    }

    /// Passages of at least `minPassageTokens` shared tokens grown from `seeds`, the starts
    /// of shared anchor shingles in A and B sorted by A then B; sorted by start in A, then B.
    ///
    /// A seed inside a region already aligned for this pair adds nothing and is skipped, so a
    /// copied page costs one extension however many anchors it holds.
    func align(_ a: [UInt64], _ b: [UInt64], seeds: [(a: Int, b: Int)]) -> [Alignment] {
        // The tokens are compared through buffers: extending a passage compares them one by
        // one, and the arrays' bounds checks were a third of that loop.
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in align(a, b, seeds: seeds) } }
    }

    private func align(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>, seeds: [(a: Int, b: Int)]) -> [Alignment] {
        var covered: [Alignment] = []
        var passages: [Alignment] = []
        for seed in seeds {
            // Seeds come in text order, so the latest alignment is the likeliest to hold this one.
            if covered.lastIndex(where: { $0.tokensA.contains(seed.a) && $0.tokensB.contains(seed.b) }) != nil {
                continue
            }
            // Anchors are matched by hash; a collision must not become a passage.
            guard matches(a, seed.a, b, seed.b, count: shingleSize) else { continue }
            let end = extendRight(a, b, from: (seed.a + shingleSize, seed.b + shingleSize))
            let start = extendLeft(a, b, from: (seed.a, seed.b))
            let alignment = Alignment(
                tokensA: start.a..<end.a,
                tokensB: start.b..<end.b,
                sharedTokens: shingleSize + end.shared + start.shared
            )
            covered.append(alignment)
            if alignment.sharedTokens >= minPassageTokens {
                passages.append(alignment)
            }
        }
        return withoutEchoes(passages).sorted { lhs, rhs in
            (lhs.tokensA.lowerBound, lhs.tokensB.lowerBound, lhs.tokensA.upperBound, lhs.tokensB.upperBound)
                < (rhs.tokensA.lowerBound, rhs.tokensB.lowerBound, rhs.tokensA.upperBound, rhs.tokensB.upperBound)
        }
    }

    /// `passages` without those whose both sides lie inside longer passages of the pair.
    ///
    /// A formula that recurs in both documents ("trẻ em nghèo, trẻ em dân tộc thiểu số") also
    /// aligns each of its occurrences with the others; once the longer passages around them
    /// are reported, those cross-matches repeat text already accounted for on both sides and
    /// only clutter the list. Shares are unchanged: the dropped ranges are already covered.
    private func withoutEchoes(_ passages: [Alignment]) -> [Alignment] {
        guard passages.count > 1 else { return passages }
        let longestFirst = passages.enumerated().sorted { lhs, rhs in
            if lhs.element.sharedTokens != rhs.element.sharedTokens {
                return lhs.element.sharedTokens > rhs.element.sharedTokens
            }
            return lhs.offset < rhs.offset
        }
        var kept: [(offset: Int, element: Alignment)] = []
        for candidate in longestFirst {
            let passage = candidate.element
            let insideA = kept.contains { Self.range($0.element.tokensA, encloses: passage.tokensA) }
            let insideB = kept.contains { Self.range($0.element.tokensB, encloses: passage.tokensB) }
            if !(insideA && insideB) {
                kept.append(candidate)
            }
        }
        return kept.map(\.element)
    }

    private func extendRight(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>, from start: (a: Int, b: Int)) -> (a: Int, b: Int, shared: Int) {
        var x = start.a
        var y = start.b
        var shared = 0
        while true {
            while x < a.count && y < b.count && a[x] == b[y] {
                x += 1
                y += 1
                shared += 1
            }
            guard let offset = resumeOffsets.first(where: { matches(a, x + $0.dx, b, y + $0.dy, count: shingleSize) }) else {
                return (x, y, shared)
            }
            x += offset.dx + shingleSize
            y += offset.dy + shingleSize
            shared += shingleSize
        }
    }

    private func extendLeft(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>, from start: (a: Int, b: Int)) -> (a: Int, b: Int, shared: Int) {
        var x = start.a
        var y = start.b
        var shared = 0
        while true {
            while x > 0 && y > 0 && a[x - 1] == b[y - 1] {
                x -= 1
                y -= 1
                shared += 1
            }
            let resumed = resumeOffsets.first {
                matches(a, x - $0.dx - shingleSize, b, y - $0.dy - shingleSize, count: shingleSize)
            }
            guard let offset = resumed else { return (x, y, shared) }
            x -= offset.dx + shingleSize
            y -= offset.dy + shingleSize
            shared += shingleSize
        }
    }

    private static func range(_ outer: Range<Int>, encloses inner: Range<Int>) -> Bool {
        outer.lowerBound <= inner.lowerBound && inner.upperBound <= outer.upperBound
    }

    /// Whether `count` tokens match from `i` in A and `j` in B; false when either run leaves
    /// its document.
    private func matches(_ a: UnsafeBufferPointer<UInt64>, _ i: Int, _ b: UnsafeBufferPointer<UInt64>, _ j: Int, count: Int) -> Bool {
        guard i >= 0, j >= 0, i + count <= a.count, j + count <= b.count else { return false }
        for offset in 0..<count where a[i + offset] != b[j + offset] {
            return false
        }
        return true
    }
}
