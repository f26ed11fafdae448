import Testing
@testable import PolicyCompare

@Suite("Collection.leading")
struct CollectionLeadingTests {
    @Test("the first elements in a total order are sorting's prefix, over pseudo-random sets and counts")
    func totalOrder() {
        var seed: UInt64 = 3
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        for round in 0..<300 {
            let candidates = Array(Set((0..<next(200)).map { _ in next(1_000) }))
            let shared = Dictionary(uniqueKeysWithValues: candidates.map { ($0, 1 + next(round % 2 == 0 ? 3 : 50)) })
            let precedes = { (lhs: Int, rhs: Int) in
                shared[lhs] != shared[rhs] ? shared[lhs, default: 0] > shared[rhs, default: 0] : lhs < rhs
            }
            let sorted = candidates.sorted(by: precedes)
            for count in [0, 1, 2, 10, 32, 33, 500] {
                #expect(candidates.leading(count, by: precedes) == Array(sorted.prefix(count)), "round \(round) count \(count)")
            }
        }
    }

    @Test("the leading items are a stable sort's first ones, ties in input order", arguments: [1, 2, 3] as [UInt64])
    func leadingMatchesAStableSort(seed: UInt64) {
        var random = ExportFixtures.SeededRandom(seed: seed)
        // Few distinct keys, so there are many ties; the label records the input order.
        let items = (0..<2_000).map { (key: Int.random(in: 0..<20, using: &random), label: $0) }
        let byKey: ((key: Int, label: Int), (key: Int, label: Int)) -> Bool = { $0.key > $1.key }
        let stable = items.enumerated().sorted { byKey($0.element, $1.element) || (!byKey($1.element, $0.element) && $0.offset < $1.offset) }.map(\.element)
        for count in [0, 1, 3, 30, 1_999, 2_000, 2_500] {
            let leading = items.leading(count, by: byKey)
            #expect(leading.map(\.label) == stable.prefix(count).map(\.label), "count \(count)")
        }
        #expect([(key: Int, label: Int)]().leading(3, by: byKey).isEmpty)
        #expect([5, 4].leading(-1, by: <).isEmpty)
    }
}
