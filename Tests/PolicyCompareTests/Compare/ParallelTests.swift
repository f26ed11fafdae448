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

    @Test("map with a state per worker: results in index order, one state per core, kept from index to index",
          arguments: [0, 1, 2, 3, 500])
    func mapWithStatePerWorker(count: Int) {
        let made = Counter()
        let results = Parallel.map(count, state: { () -> [Int] in made.increment(); return [] }) { index, seen in
            if index % 5 == 0 { usleep(100) }
            seen.append(index)
            // What this worker took before, in increasing order, ending with `index`.
            return (index * 3, seen.count, zip(seen, seen.dropFirst()).allSatisfy { $0 < $1 })
        }
        #expect(results.map(\.0) == (0..<count).map { $0 * 3 })
        #expect(results.allSatisfy { $0.2 })
        #expect(made.value <= max(1, ProcessInfo.processInfo.activeProcessorCount))
        // States are kept: some worker has seen at least its share of the indexes.
        let longest = results.map(\.1).max() ?? 0
        #expect(count == 0 || longest >= count / max(1, made.value))
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() { lock.withLock { count += 1 } }
    }
}
