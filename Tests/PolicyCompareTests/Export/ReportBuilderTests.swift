import Testing
@testable import PolicyCompare

@Suite("ReportBuilder")
struct ReportBuilderTests {
    @Test("the leading items are a stable sort's first ones, ties in input order", arguments: [1, 2, 3] as [UInt64])
    func leadingMatchesAStableSort(seed: UInt64) {
        var random = ExportFixtures.SeededRandom(seed: seed)
        // Few distinct keys, so there are many ties; the label records the input order.
        let items = (0..<2_000).map { (key: Int.random(in: 0..<20, using: &random), label: $0) }
        let byKey: ((key: Int, label: Int), (key: Int, label: Int)) -> Bool = { $0.key > $1.key }
        let stable = items.enumerated().sorted { byKey($0.element, $1.element) || (!byKey($1.element, $0.element) && $0.offset < $1.offset) }.map(\.element)
        for count in [0, 1, 3, 30, 1_999, 2_000, 2_500] {
            let leading = ReportBuilder.leading(count, of: items, by: byKey)
            #expect(leading.map(\.label) == stable.prefix(count).map(\.label), "count \(count)")
        }
        #expect(ReportBuilder.leading(3, of: [(key: Int, label: Int)](), by: byKey).isEmpty)
    }
}
