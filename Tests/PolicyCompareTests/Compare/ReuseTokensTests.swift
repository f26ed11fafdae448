import Testing
@testable import PolicyCompare

@Suite("ReuseTokens")
struct ReuseTokensTests {
    /// Random tokens: spelling numbers below `spellingCount`, spans with gaps (a few very
    /// wide), some of them 255 code points or longer.
    private static func tokens(count: Int, spellingCount: Int, seed: UInt64) -> (spellings: [Int32], hashes: [UInt64], spans: [Range<Int>]) {
        var random = ExportFixtures.SeededRandom(seed: seed)
        let hashes = (0..<spellingCount).map { _ in random.next() }
        var position = 0
        var spellings: [Int32] = []
        var spans: [Range<Int>] = []
        for _ in 0..<count {
            spellings.append(Int32(Int.random(in: 0..<spellingCount, using: &random)))
            // Now and then a gap too wide for a 2-byte offset from the block's start.
            position += Int.random(in: 0..<300, using: &random) == 0 ? 70_000 : Int.random(in: 0...3, using: &random)
            let length = Int.random(in: 0..<20, using: &random) == 0 ? Int.random(in: 250...400, using: &random) : Int.random(in: 1...8, using: &random)
            spans.append(position..<position + length)
            position += length
        }
        return (spellings, hashes, spans)
    }

    @Test("hashes and spans read back as stored, with 2-byte and 4-byte spelling numbers", arguments: [300, 70_000])
    func readsBack(spellingCount: Int) {
        let (spellings, hashes, spans) = Self.tokens(count: 2_000, spellingCount: spellingCount, seed: UInt64(spellingCount))
        let tokens = ReuseTokens(spellings: spellings, spellingHashes: hashes, spans: spans)
        #expect(tokens.count == 2_000)
        #expect(tokens.hashes == spellings.map { hashes[Int($0)] })
        #expect(spans.contains { $0.count >= 255 } && spans.contains { $0.count == 254 || $0.count < 255 })
        #expect(zip(spans, spans.dropFirst()).contains { $1.lowerBound - $0.lowerBound > 65_535 }, "some starts are far from their block's")
        var random = ExportFixtures.SeededRandom(seed: 9)
        for _ in 0..<500 {
            let start = Int.random(in: 0..<2_000, using: &random)
            let end = Int.random(in: start + 1...2_000, using: &random)
            #expect(tokens.span(start..<end) == spans[start].lowerBound..<spans[end - 1].upperBound)
        }
        #expect(tokens.span(1_999..<2_000) == spans[1_999])
    }

    @Test("tokens appended past the room asked for, with 2-byte and 4-byte spelling numbers, read back as stored", arguments: [300, 70_000])
    func builderGrows(spellingCount: Int) {
        let (spellings, hashes, spans) = Self.tokens(count: 1_000, spellingCount: spellingCount, seed: 5)
        for room in [0, 1, 64, 999, 2_000] {
            var builder = ReuseTokens.Builder(count: room, spellingCount: spellingCount)
            for (spelling, span) in zip(spellings, spans) { builder.append(spelling, span) }
            let tokens = builder.finish(spellingHashes: hashes)
            #expect(tokens.count == 1_000)
            #expect(tokens.hashes == spellings.map { hashes[Int($0)] }, "room \(room)")
            #expect(spans.indices.allSatisfy { tokens.span($0..<$0 + 1) == spans[$0] }, "room \(room)")
        }
    }

    @Test("a span of no tokens, or past the end, is nil")
    func emptyAndOutOfRange() {
        let tokens = ReuseTokens(spellings: [0, 1, 0], spellingHashes: [7, 8], spans: [0..<3, 4..<300, 301..<305])
        #expect(tokens.span(1..<2) == 4..<300)
        #expect(tokens.span(0..<3) == 0..<305)
        #expect(tokens.span(1..<1) == nil)
        #expect(tokens.span(2..<4) == nil)
        #expect(tokens.span(3..<4) == nil)
        #expect(tokens.hashes == [7, 8, 7])
        #expect(ReuseTokens(spellings: [], spellingHashes: [], spans: []).hashes.isEmpty)
    }

    @Test("spelling numbers without a hash give no token, wherever they are")
    func numbersWithoutHash() {
        let spans = (0..<7).map { $0 * 2..<$0 * 2 + 1 }
        #expect(ReuseTokens(spellings: [0, 2, 1, 3, 0, 1, 5], spellingHashes: [7, 8], spans: spans).hashes == [7, 8, 7, 8])
        #expect(ReuseTokens(spellings: [3, 0, 1, 0, 1, 0, 1], spellingHashes: [7, 8], spans: spans).hashes == [7, 8, 7, 8, 7, 8])
        #expect(ReuseTokens(spellings: [0, 1, 0, 1, 0, 1, 2], spellingHashes: [7, 8], spans: spans).hashes == [7, 8, 7, 8, 7, 8])
        #expect(ReuseTokens(spellings: [0, 1, 0, 1, 0, 1, 2], spellingHashes: [], spans: spans).hashes.isEmpty)
        var buffer: [UInt64] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        ReuseTokens(spellings: [1, 9, 1, 0, 0, 0, 0], spellingHashes: [7, 8], spans: spans).hashes(into: &buffer)
        #expect(buffer == [8, 8, 7, 7, 7, 7])
        // The same buffer for more tokens than it holds, then for fewer.
        let longer = (0..<40).map { $0 % 3 == 0 ? 1 : 0 } as [Int32]
        let longerSpans = (0..<40).map { $0 * 2..<$0 * 2 + 1 }
        ReuseTokens(spellings: longer, spellingHashes: [7, 8], spans: longerSpans).hashes(into: &buffer)
        #expect(buffer == longer.map { $0 == 1 ? 8 : 7 })
        ReuseTokens(spellings: [1, 0], spellingHashes: [7, 8], spans: [0..<1, 2..<3]).hashes(into: &buffer)
        #expect(buffer == [8, 7])
    }

    @Test("starts that go back, or lie far past their block's start, read back as stored")
    func farAndBackwardStarts() {
        let spans = [100..<105, 90..<95, 200_000..<200_003, 7..<8] + (0..<70).map { 300 + $0 * 2..<301 + $0 * 2 }
        let tokens = ReuseTokens(spellings: spans.map { _ in 0 }, spellingHashes: [1], spans: spans)
        for (index, span) in spans.enumerated() {
            #expect(tokens.span(index..<index + 1) == span)
        }
        #expect(tokens.span(0..<3) == 100..<200_003)
        #expect(tokens.span(3..<74) == 7..<spans[73].upperBound)
    }

    @Test("spooled, the tokens give the same hashes and spans as in memory", arguments: [300, 70_000])
    func spooled(spellingCount: Int) throws {
        let (spellings, hashes, spans) = Self.tokens(count: 1_500, spellingCount: spellingCount, seed: 11)
        let memory = ReuseTokens(spellings: spellings, spellingHashes: hashes, spans: spans)
        let spool = try #require(DocumentSpool())
        _ = spool.store([1, 2, 3])  // not at the file's start
        let spooled = memory.spooled(to: spool)
        #expect(spooled.count == memory.count)
        var buffer: [UInt64] = [42]
        spooled.hashes(into: &buffer)
        #expect(buffer == memory.hashes && spooled.loaded().hashes == memory.hashes)
        var random = ExportFixtures.SeededRandom(seed: 12)
        for _ in 0..<200 {
            let start = Int.random(in: 0..<1_500, using: &random)
            let end = Int.random(in: start + 1...1_500, using: &random)
            #expect(spooled.span(start..<end) == memory.span(start..<end))
            #expect(spooled.loaded().span(start..<end) == memory.span(start..<end))
        }
        #expect(spooled.readFailure == nil && memory.readFailure == nil)
        // A spool that fails: the tokens read back as none, and say why.
        let failing = try #require(DocumentSpool())
        let lost = memory.spooled(to: failing)
        _ = failing.load(1 << 40..<(1 << 40) + 1)
        #expect(lost.readFailure != nil)
    }
}

extension ReuseTokens {
    /// The tokens of spelling `spellings[i]` at source `spans[i]`; `spellingHashes[s]` is the
    /// hash of spelling `s` (the tests' way to make tokens without a document).
    init(spellings: [Int32], spellingHashes: [UInt64], spans: [Range<Int>]) {
        var builder = Builder(count: spans.count, spellingCount: spellingHashes.count)
        for (spelling, span) in zip(spellings, spans) { builder.append(spelling, span) }
        self = builder.finish(spellingHashes: spellingHashes)
    }
}
