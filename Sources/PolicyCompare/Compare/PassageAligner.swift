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

    /// Starts of a shared anchor shingle in A and in B, packed in one word (a pair has
    /// thousands of seeds); positions are below 2^31.
    struct Seed: Sendable, Equatable {
        private let packed: UInt64

        init(a: Int, b: Int) {
            packed = UInt64(UInt32(truncatingIfNeeded: a)) << 32 | UInt64(UInt32(truncatingIfNeeded: b))
        }

        var a: Int { Int(packed >> 32) }
        var b: Int { Int(packed & 0xFFFF_FFFF) }
    }

    let shingleSize: Int
    let minPassageTokens: Int
    /// Most tokens skipped on either side after a difference (below 64: one bit per offset
    /// in B in a word, see ``resumeOffset(_:_:at:_:forward:)``).
    private let maxGap: Int

    init(shingleSize: Int, minPassageTokens: Int, maxGap: Int) {
        self.shingleSize = shingleSize
        self.minPassageTokens = minPassageTokens
        self.maxGap = min(max(0, maxGap), 63)
    }

    /// Passages of at least `minPassageTokens` shared tokens grown from `seeds`, the starts
    /// of shared anchor shingles in A and B sorted by A then B; sorted by start in A, then B.
    ///
    /// A seed inside a region already aligned for this pair adds nothing and is skipped, so a
    /// copied page costs one extension however many anchors it holds.
    func align(_ a: [UInt64], _ b: [UInt64], seeds: ArraySlice<Seed>) -> [Alignment] {
        // The tokens are compared through buffers: extending a passage compares them one by
        // one, and the arrays' bounds checks were a third of that loop.
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in align(a, b, seeds: seeds) } }
    }

    private func align(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>, seeds: ArraySlice<Seed>) -> [Alignment] {
        // Room for a pair's usual few alignments at once: growing both lists from empty for
        // every pair reallocated them several times each.
        var covered: [Alignment] = []
        covered.reserveCapacity(16)
        var passages: [Alignment] = []
        passages.reserveCapacity(16)
        for seed in seeds {
            // Seeds come in text order, so the latest alignment is the likeliest to hold this one.
            if covered.lastIndex(where: { $0.tokensA.contains(seed.a) && $0.tokensB.contains(seed.b) }) != nil {
                continue
            }
            // Seeds come by position in A, so an alignment ending in A before this seed holds
            // no later one: let go after a search that read them all anyway, so later searches
            // read only the alignments still open (a pair can have hundreds of short ones).
            covered.removeAll { $0.tokensA.upperBound <= seed.a }
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
    func withoutEchoes(_ passages: [Alignment]) -> [Alignment] {
        guard passages.count > 1 else { return passages }
        // Longest first, ties in the order found: each passage's key packs the complement of
        // its shared tokens above its index (both below 2^32), so plain integers are sorted
        // instead of pairs through a comparison closure, a third of this step.
        let longestFirst = passages.indices.map { index in
            UInt64(UInt32.max - UInt32(truncatingIfNeeded: passages[index].sharedTokens)) << 32 | UInt64(index)
        }.sorted()
        var kept: [Alignment] = []
        for key in longestFirst {
            let passage = passages[Int(truncatingIfNeeded: key & 0xFFFF_FFFF)]
            let insideA = kept.contains { Self.range($0.tokensA, encloses: passage.tokensA) }
            if !(insideA && kept.contains { Self.range($0.tokensB, encloses: passage.tokensB) }) {
                kept.append(passage)
            }
        }
        return kept
    }

    private func extendRight(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>, from start: (a: Int, b: Int)) -> (a: Int, b: Int, shared: Int) {
        var x = start.a
        var y = start.b
        var shared = 0
        while true {
            // One bound for both documents, one counter, and wrapping sums (the bound keeps
            // them inside the documents): this loop reads every token of every passage.
            let limit = min(a.count - x, b.count - y)
            var run = 0
            while run < limit && a[x &+ run] == b[y &+ run] {
                run += 1
            }
            x += run
            y += run
            shared += run
            guard let offset = resumeOffset(a, b, at: x, y, forward: true) else {
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
            let limit = min(x, y)
            var run = 0
            while run < limit && a[x &- 1 &- run] == b[y &- 1 &- run] {
                run += 1
            }
            x -= run
            y -= run
            shared += run
            guard let offset = resumeOffset(a, b, at: x, y, forward: false) else { return (x, y, shared) }
            x -= offset.dx + shingleSize
            y -= offset.dy + shingleSize
            shared += shingleSize
        }
    }

    /// The nearest offset, at most ``maxGap`` tokens on each side, at which a whole shingle
    /// matches again after the difference at `x` in A and `y` in B: fewest skipped tokens,
    /// then substitutions before insertions or deletions, then skipping in A before skipping
    /// in B. Forward, the shingle starts at `x + dx` and `y + dy`; backward, it ends there
    /// (exclusive) less the offset.
    ///
    /// Most differences end the passage, so every offset is tried and none matches. Instead
    /// of comparing a shingle at each, B's offsets are listed by the top bits of the token
    /// nearest the difference (tokens are hashes), as bits of a word per value, and one row
    /// of offsets (one dx) at a time takes the offsets listed under its own token's top bits;
    /// a whole shingle is compared only at those, nearest first. Comparing each row's token
    /// with all of B's was most of this search.
    func resumeOffset(
        _ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>, at x: Int, _ y: Int, forward: Bool
    ) -> (dx: Int, dy: Int)? {
        // The largest offsets whose shingles lie inside the documents.
        let lastDX = min(maxGap, forward ? a.count - shingleSize - x : x - shingleSize)
        let lastDY = min(maxGap, forward ? b.count - shingleSize - y : y - shingleSize)
        guard lastDX >= 0, lastDY >= 0 else { return nil }
        // Tokens nearest the difference are at `originA + step * dx` and `originB + step * dy`;
        // a shingle starts `back` tokens before its nearest token.
        let step = forward ? 1 : -1
        let originA = forward ? x : x - 1, originB = forward ? y : y - 1
        let back = forward ? 0 : shingleSize - 1
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 64) { offsetsB in
            // Bit `t` of `tokensB` is set when some token of B's offsets has top bits `t`, and
            // then bit `dy` of `offsetsB[t]` when the token at offset dy has them: entries are
            // written only under the bits set, and read only there. A token of A whose bit is
            // clear matches none of B's, and most do not.
            // Shifts are masked (`&<<`): the amounts are below 64, and the checked shifts'
            // tests were a third of building the rows.
            // Positions step with wrapping arithmetic: they stay inside the documents, and the
            // overflow tests were a fifth of these loops.
            var tokensB: UInt64 = 0
            var j = originB
            for dy in 0...lastDY {
                let top = Int(truncatingIfNeeded: b[j] >> 58)
                let listed = tokensB & (1 &<< UInt64(top)) != 0
                offsetsB[top] = (listed ? offsetsB[top] : 0) | 1 &<< UInt64(dy)
                tokensB |= 1 &<< UInt64(top)
                j &+= step
            }
            var best: (dx: Int, dy: Int)?
            var bestRank = Int.max
            for dx in 0...lastDX {
                // Offsets are ranked first by dx + dy: no later row can beat one this near.
                if let best, dx > best.dx + best.dy { break }
                let token = a[originA &+ step &* dx]
                let top = Int(truncatingIfNeeded: token >> 58)
                guard tokensB & (1 &<< UInt64(top)) != 0 else { continue }
                var row = offsetsB[top]
                if dx == 0 { row &= ~1 }
                // In a row, rank grows with dy: the first whole match is the row's nearest. Half
                // the offsets listed share only the top bits with the token, so the token itself
                // is compared before the whole shingle.
                while row != 0 {
                    let dy = row.trailingZeroBitCount
                    row &= row - 1
                    guard b[originB &+ step &* dy] == token else { continue }
                    let rank = Self.rank(dx: dx, dy: dy)
                    guard rank < bestRank else { break }
                    let i = originA + step * dx - back, j = originB + step * dy - back
                    if matches(a, i, b, j, count: shingleSize) {
                        best = (dx, dy)
                        bestRank = rank
                        break
                    }
                }
            }
            return best
        }
    }

    /// The order in which offsets are preferred (lower first): fewest skipped tokens, then
    /// substitutions before insertions or deletions, then skipping in A before skipping in B.
    /// Offsets are below 64, so each key takes its own bits.
    static func rank(dx: Int, dy: Int) -> Int {
        (dx + dy) << 14 | abs(dx - dy) << 7 | (127 - dx)
    }

    private static func range(_ outer: Range<Int>, encloses inner: Range<Int>) -> Bool {
        outer.lowerBound <= inner.lowerBound && inner.upperBound <= outer.upperBound
    }

    /// Whether `count` tokens match from `i` in A and `j` in B; false when either run leaves
    /// its document.
    private func matches(_ a: UnsafeBufferPointer<UInt64>, _ i: Int, _ b: UnsafeBufferPointer<UInt64>, _ j: Int, count: Int) -> Bool {
        guard i >= 0, j >= 0, i + count <= a.count, j + count <= b.count else { return false }
        for offset in 0..<count where a[i &+ offset] != b[j &+ offset] {
            return false
        }
        return true
    }
}
