import Testing
@testable import PolicyCompare

@Suite("AnchorIndex")
struct AnchorIndexTests {
    /// Tokens from a few values, so shingles and their hashes recur and windows have ties.
    private static func tokens(_ count: Int, alphabet: Int, seed: UInt64) -> [UInt64] {
        var random = ExportFixtures.SeededRandom(seed: seed)
        return (0..<count).map { _ in UInt64(Int.random(in: 1...alphabet, using: &random)) &* 0x9E37_79B9_7F4A_7C15 }
    }

    /// Winnowing by looking at every window whole: its smallest hash, the rightmost on ties,
    /// each position once.
    private static func plainWinnow(_ tokens: [UInt64], shingleSize: Int, window: Int) -> [(hash: UInt64, position: Int)] {
        let shingleCount = tokens.count - shingleSize + 1
        guard shingleCount > 0 else { return [] }
        let hashes = (0..<shingleCount).map { StableHash.combine(tokens, from: $0, count: shingleSize) }
        let width = min(max(1, window), shingleCount)
        var anchors: [(hash: UInt64, position: Int)] = []
        for start in 0...(shingleCount - width) {
            var best = start
            for position in start..<start + width where hashes[position] <= hashes[best] { best = position }
            if anchors.last?.position != best { anchors.append((hashes[best], best)) }
        }
        return anchors
    }

    @Test("winnowing keeps the rightmost smallest shingle of every window, as a plain scan does",
          arguments: [1, 2, 3, 5, 8, 13, 40])
    func winnowMatchesPlainScan(window: Int) {
        for (count, alphabet, shingleSize) in [(0, 2, 1), (1, 2, 1), (6, 2, 1), (50, 2, 1), (300, 3, 2), (300, 40, 8), (2_000, 5, 3)] {
            let tokens = Self.tokens(count, alphabet: alphabet, seed: UInt64(count * 31 + window))
            var anchors: [(hash: UInt64, position: Int)] = []
            AnchorIndex.winnow(tokens, shingleSize: shingleSize, window: window) { anchors.append(($0, $1)) }
            let plain = Self.plainWinnow(tokens, shingleSize: shingleSize, window: window)
            #expect(anchors.map(\.hash) == plain.map(\.hash), "\(count) tokens of \(alphabet), shingles of \(shingleSize)")
            #expect(anchors.map(\.position) == plain.map(\.position), "\(count) tokens of \(alphabet), shingles of \(shingleSize)")
        }
    }

    @Test("partitioned anchors are each partition's anchors in their order", arguments: [0, 1, 3, 6])
    func partitionedKeepsOrder(bits: Int) {
        var random = ExportFixtures.SeededRandom(seed: UInt64(bits))
        let anchors = (0..<3_000).map { index in
            AnchorIndex.Anchor(hash: random.next(), document: index / 100, position: index % 100)
        }
        let grouped = AnchorIndex.partitioned(anchors, bits: bits)
        #expect(grouped.offsets.count == (1 << bits) + 1)
        #expect(grouped.anchors.count == anchors.count)
        for partition in 0..<(1 << bits) {
            let plain = anchors.filter { bits == 0 || Int($0.hash >> UInt64(64 - bits)) == partition }
            let found = grouped.anchors[grouped.offsets[partition]..<grouped.offsets[partition + 1]]
            #expect(found.map(\.hash) == plain.map(\.hash) && found.map(\.position) == plain.map(\.position))
            #expect(found.map(\.document) == plain.map(\.document))
        }
    }
}
