import Testing
@testable import PolicyCompare

@Suite struct RecentlyLoadedTests {
    @Test func keepsTheLastDocumentsLoadedAndReadsOthersBack() {
        var loads: [Int] = []
        let cache = RecentlyLoaded<String> { index in
            loads.append(index)
            return "document \(index)"
        }
        let kept = cache.kept
        #expect(kept == 8)
        for index in 0..<kept { #expect(cache[index] == "document \(index)") }
        for index in (0..<kept).reversed() { #expect(cache[index] == "document \(index)") }
        #expect(loads == Array(0..<kept))
        // One more pushes out the first loaded, and only that one.
        #expect(cache[kept] == "document \(kept)")
        #expect(cache[1] == "document 1")
        #expect(loads.count == kept + 1)
        #expect(cache[0] == "document 0")
        #expect(loads.count == kept + 2 && loads.last == 0)
        // Document 0 took the place of document 1, the oldest then.
        #expect(cache[1] == "document 1")
        #expect(loads.count == kept + 3 && loads.last == 1)
    }

    @Test func keepsAsManyDocumentsAsAsked() {
        var loads = 0
        let cache = RecentlyLoaded<Int>(kept: 3) { index in
            loads += 1
            return index * 10
        }
        for index in [0, 1, 2, 0, 1, 2] { #expect(cache[index] == index * 10) }
        #expect(loads == 3)
        // A fourth pushes out the first loaded (0), and only it.
        #expect(cache[3] == 30 && cache[1] == 10 && cache[2] == 20 && loads == 4)
        #expect(cache[0] == 0 && loads == 5)
        // At least one is kept.
        let one = RecentlyLoaded<Int>(kept: 0) { $0 }
        #expect(one.kept == 1)
    }

    @Test func withNextReadsLetsGoTheDocumentReadAgainLast() {
        var loads: [Int] = []
        let cache = RecentlyLoaded<Int>(kept: 2) { index in
            loads.append(index)
            return index * 10
        }
        #expect(cache[0, readNextAt: 9] == 0 && cache[1, readNextAt: 4] == 10)
        // Document 0, read again last (9), goes, though 1 was loaded after it.
        #expect(cache[2, readNextAt: 5] == 20 && loads == [0, 1, 2])
        #expect(cache[1, readNextAt: 7] == 10 && loads == [0, 1, 2])
        // Now 1 is read again last (7): it goes, and 2 stays.
        #expect(cache[0, readNextAt: .max] == 0 && loads == [0, 1, 2, 0])
        #expect(cache[2, readNextAt: 8] == 20 && loads == [0, 1, 2, 0])
        #expect(cache[1, readNextAt: .max] == 10 && loads == [0, 1, 2, 0, 1])
    }
}
