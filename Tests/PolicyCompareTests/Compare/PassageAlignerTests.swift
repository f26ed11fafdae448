import Testing
@testable import PolicyCompare

@Suite("PassageAligner")
struct PassageAlignerTests {
    /// The offsets tried after a difference, as a list in order of preference: the plain
    /// search ``PassageAligner/resumeOffset(_:_:at:_:forward:)`` must agree with.
    private static func preferred(maxGap: Int) -> [(dx: Int, dy: Int)] {
        var offsets: [(dx: Int, dy: Int)] = []
        for dx in 0...maxGap {
            for dy in 0...maxGap where dx + dy > 0 {
                offsets.append((dx, dy))
            }
        }
        return offsets.sorted { lhs, rhs in
            if lhs.dx + lhs.dy != rhs.dx + rhs.dy { return lhs.dx + lhs.dy < rhs.dx + rhs.dy }
            if abs(lhs.dx - lhs.dy) != abs(rhs.dx - rhs.dy) { return abs(lhs.dx - lhs.dy) < abs(rhs.dx - rhs.dy) }
            return lhs.dx > rhs.dx
        }
    }

    /// The first offset in order of preference whose whole shingle matches, tried one by one.
    private static func plainResume(
        _ a: [UInt64], _ b: [UInt64], at x: Int, _ y: Int, forward: Bool, shingleSize: Int, offsets: [(dx: Int, dy: Int)]
    ) -> (dx: Int, dy: Int)? {
        func matches(_ i: Int, _ j: Int) -> Bool {
            guard i >= 0, j >= 0, i + shingleSize <= a.count, j + shingleSize <= b.count else { return false }
            return (0..<shingleSize).allSatisfy { a[i + $0] == b[j + $0] }
        }
        return offsets.first { offset in
            forward
                ? matches(x + offset.dx, y + offset.dy)
                : matches(x - offset.dx - shingleSize, y - offset.dy - shingleSize)
        }
    }

    /// Tokens drawn from `alphabet` values by a fixed generator, so shingles recur often;
    /// spread over all 64 bits, as token hashes are, or (not `spread`) all with the same top
    /// bits, so every offset is listed under one value and only the token tells them apart.
    private static func tokens(_ count: Int, alphabet: UInt64, seed: UInt64, spread: Bool = true) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return ((state >> 33) % alphabet + 1) &* (spread ? 0x9E37_79B9_7F4A_7C15 : 1)
        }
    }

    @Test("the nearest resuming offset is the first of the plain search, at every position",
          arguments: [(1, 0), (1, 3), (2, 8), (3, 8), (8, 8), (2, 32)])
    func resumeOffsetMatchesPlainSearch(shingleSize: Int, maxGap: Int) {
        let aligner = PassageAligner(shingleSize: shingleSize, minPassageTokens: shingleSize, maxGap: maxGap)
        let offsets = Self.preferred(maxGap: maxGap)
        for (alphabet, seed, spread) in [(2, 1, true), (4, 2, true), (40, 3, true), (3, 4, false), (40, 5, false)] as [(UInt64, UInt64, Bool)] {
            let a = Self.tokens(48, alphabet: alphabet, seed: seed, spread: spread)
            let b = Self.tokens(40, alphabet: alphabet, seed: seed + 100, spread: spread)
            a.withUnsafeBufferPointer { bufferA in
                b.withUnsafeBufferPointer { bufferB in
                    for x in 0...a.count {
                        for y in 0...b.count {
                            for forward in [true, false] {
                                let fast = aligner.resumeOffset(bufferA, bufferB, at: x, y, forward: forward)
                                let plain = Self.plainResume(
                                    a, b, at: x, y, forward: forward, shingleSize: shingleSize, offsets: offsets
                                )
                                #expect(fast?.dx == plain?.dx && fast?.dy == plain?.dy,
                                        "x \(x) y \(y) forward \(forward) alphabet \(alphabet) spread \(spread)")
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("ranks order offsets as the plain search prefers them", arguments: [0, 1, 8, 32, 63])
    func rankOrder(maxGap: Int) {
        let ranks = Self.preferred(maxGap: maxGap).map { PassageAligner.rank(dx: $0.dx, dy: $0.dy) }
        #expect(ranks == ranks.sorted())
        #expect(Set(ranks).count == ranks.count)
    }

    @Test("seeds keep both starts over the whole range of positions")
    func seedPositions() {
        let positions = [0, 1, 2, 255, 256, 65_535, 65_536, Int(Int32.max) - 1, Int(Int32.max)]
        for a in positions {
            for b in positions {
                let seed = PassageAligner.Seed(a: a, b: b)
                #expect(seed.a == a && seed.b == b)
            }
        }
    }

    @Test("echoes are dropped as a plain longest-first filter over pairs drops them")
    func echoesMatchPlainFilter() {
        let aligner = PassageAligner(shingleSize: 2, minPassageTokens: 2, maxGap: 2)
        var random = ExportFixtures.SeededRandom(seed: 11)
        for round in 0..<300 {
            // Few distinct lengths and nearby ranges, so ties and nested passages are common.
            let passages = (0..<Int.random(in: 0...24, using: &random)).map { _ in
                let a = Int.random(in: 0...30, using: &random), b = Int.random(in: 0...30, using: &random)
                return PassageAligner.Alignment(
                    tokensA: a..<a + Int.random(in: 1...12, using: &random),
                    tokensB: b..<b + Int.random(in: 1...12, using: &random),
                    sharedTokens: Int.random(in: 2...6, using: &random)
                )
            }
            let longestFirst = passages.enumerated().sorted { lhs, rhs in
                lhs.element.sharedTokens != rhs.element.sharedTokens
                    ? lhs.element.sharedTokens > rhs.element.sharedTokens : lhs.offset < rhs.offset
            }.map(\.element)
            var plain: [PassageAligner.Alignment] = []
            for passage in longestFirst {
                let insideA = plain.contains { $0.tokensA.lowerBound <= passage.tokensA.lowerBound && passage.tokensA.upperBound <= $0.tokensA.upperBound }
                let insideB = plain.contains { $0.tokensB.lowerBound <= passage.tokensB.lowerBound && passage.tokensB.upperBound <= $0.tokensB.upperBound }
                if !(insideA && insideB) { plain.append(passage) }
            }
            #expect(aligner.withoutEchoes(passages) == plain, "round \(round)")
        }
    }
}
