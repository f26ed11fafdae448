import Foundation
import Testing
@testable import PolicyCompare

@Suite("Parallel")
struct ParallelTests {
    @Test("map returns every result in index order, however the work is scheduled", arguments: [0, 1, 2, 17, 1_000])
    func mapKeepsOrder(count: Int) {
        let results = Parallel.map(count) { index in
            if index % 7 == 0 { usleep(200) }  // uneven pieces finish out of order
            return index * index
        }
        #expect(results == (0..<count).map { $0 * $0 })
    }

    @Test("chunks cover 0..<count once, in order, none empty", arguments: [0, 1, 5, 16, 17, 10_000])
    func chunksCoverEverything(count: Int) {
        let chunks = Parallel.chunks(count)
        #expect(chunks.flatMap { Array($0) } == Array(0..<count))
        #expect(chunks.allSatisfy { !$0.isEmpty })
    }

    @Test("both returns each closure's own result")
    func bothKeepsEachResult() {
        let (text, numbers) = Parallel.both({ String(repeating: "ă", count: 3) }, { (1...4).map { $0 * 10 } })
        #expect(text == "ăăă")
        #expect(numbers == [10, 20, 30, 40])
    }
}
