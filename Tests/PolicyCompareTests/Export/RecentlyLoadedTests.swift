import Testing
@testable import PolicyCompare

@Suite struct RecentlyLoadedTests {
    @Test func keepsTheLastDocumentsLoadedAndReadsOthersBack() {
        var loads: [Int] = []
        let cache = RecentlyLoaded<String> { index in
            loads.append(index)
            return "document \(index)"
        }
        let kept = RecentlyLoaded<String>.kept
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
}
