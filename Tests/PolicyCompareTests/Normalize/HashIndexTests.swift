import Testing
@testable import PolicyCompare

@Suite("HashIndex")
struct HashIndexTests {
    /// The id of the item with `hash` for which `isItem` holds, or else a new id (`inserted`):
    /// a probe, then an insert into the vacant slot, as the index's users do.
    private func number(in index: inout HashIndex, hash: UInt64, isItem: (Int32) -> Bool) -> (id: Int32, inserted: Bool) {
        switch index.probe(hash: hash, isItem: isItem) {
        case .found(let id): (id, false)
        case .vacant(let slot): (index.insert(hash: hash, at: slot), true)
        }
    }

    /// Inserts `items` with `hash` and returns their ids.
    private func ids(_ items: [String], expected: Int = 32, hash: (String) -> UInt64) -> (ids: [Int32], count: Int) {
        var index = HashIndex(expected: expected)
        var stored: [String] = []
        let ids = items.map { item in
            let (id, inserted) = number(in: &index, hash: hash(item)) { stored[Int($0)] == item }
            if inserted { stored.append(item) }
            return id
        }
        return (ids, index.count)
    }

    @Test("equal items get one id, numbered in order of first insertion")
    func dense() {
        let items = ["trẻ", "em", "trẻ", "quyền", "em", "trẻ"]
        let result = ids(items, hash: StableHash.fnv1a)
        #expect(result.ids == [0, 1, 0, 2, 1, 0] && result.count == 3)
    }

    @Test("items whose hashes collide stay apart; the table grows past its first size")
    func collisions() {
        let items = (0..<3_000).map { "item \($0)" }
        let same = ids(items + items.reversed(), hash: { _ in 42 })
        #expect(same.count == 3_000)
        #expect(same.ids == (0..<3_000).map(Int32.init) + (0..<3_000).reversed().map(Int32.init))
        let few = ids(items + items, expected: 1, hash: { UInt64($0.count) })
        #expect(few.count == 3_000 && Array(few.ids.suffix(3_000)) == (0..<3_000).map(Int32.init))
    }

    @Test("a probe finds an item present and a vacant slot for one absent; inserting there numbers it next, through growth")
    func probeThenInsert() {
        var index = HashIndex(expected: 1)
        var stored: [String] = []
        for round in 0..<2 {
            for n in 0..<500 {
                let item = "item \(n)", hash = UInt64(n % 7)  // colliding hashes, and growth in round 0
                switch index.probe(hash: hash, isItem: { stored[Int($0)] == item }) {
                case .found(let id):
                    #expect(round == 1 && id == Int32(n), "\(item) found as \(id) in round \(round)")
                case .vacant(let slot):
                    #expect(round == 0, "\(item) missing in round 1")
                    let count = index.count
                    #expect(index.insert(hash: hash, at: slot) == Int32(n) && index.count == count + 1)
                    stored.append(item)
                    #expect(index.find(hash: hash) { stored[Int($0)] == item } == Int32(n))
                }
            }
        }
        #expect(index.count == 500)
    }

    @Test("find returns the id of an item present and nil for one absent, inserting nothing")
    func find() {
        var index = HashIndex()
        let items = ["trẻ", "em", "quyền"]
        for (position, item) in items.enumerated() {
            _ = number(in: &index, hash: UInt64(item.utf8.count)) { items[Int($0)] == item && Int($0) == position }
        }
        #expect(index.find(hash: 2) { items[Int($0)] == "em" } == 1)
        #expect(index.find(hash: 5) { items[Int($0)] == "quyền" } == nil, "wrong hash")
        #expect(index.find(hash: 3) { _ in false } == nil)
        #expect(index.count == 3)
    }

    @Test("hashes that differ but keep the same 32 bits in their slot stay apart, and are found again after growth")
    func sameTagDifferentHashes() {
        // The slot keeps the low 32 bits of h ^ (h >> 32): these hashes all keep 1, and each
        // hash is shared by four items, so `isItem` must decide among them.
        let hashes: [UInt64] = (0..<400).map { n in
            let high = UInt64(n % 100)
            return high << 32 | (high ^ 1)
        }
        var index = HashIndex(expected: 1)
        var stored: [Int] = []
        for round in 0..<2 {
            for (n, hash) in hashes.enumerated() {
                switch index.probe(hash: hash, isItem: { stored[Int($0)] == n }) {
                case .found(let id):
                    #expect(round == 1 && id == Int32(n))
                case .vacant(let slot):
                    #expect(round == 0)
                    #expect(index.insert(hash: hash, at: slot) == Int32(n))
                    stored.append(n)
                }
            }
        }
        #expect(index.count == 400)
        #expect(index.find(hash: hashes[7]) { stored[Int($0)] == 107 } == 107, "same hash, other item")
        #expect(index.find(hash: 1_234 << 32 | (1_234 ^ 1)) { _ in false } == nil, "same tag, no such item")
    }

    @Test("a table of distinct items is the one their probes and inserts make, and finds each by its own id")
    func distinct() {
        // Colliding hashes, hashes that keep the same slot bits, and enough items to pass the
        // first size of a table made for one.
        let hashes: [UInt64] = (0..<300).map { (n: Int) -> UInt64 in
            let high = UInt64(n % 50)
            return n % 3 == 0 ? UInt64(n % 7) : high << 32 | (high ^ 1)
        } + [0, 1, .max]
        var inserted = HashIndex(expected: hashes.count)
        for hash in hashes {
            if case .vacant(let slot) = inserted.probe(hash: hash, isItem: { _ in false }) { inserted.insert(hash: hash, at: slot) }
        }
        let built = HashIndex(distinct: hashes)
        #expect(built == inserted && built.count == hashes.count)
        for (id, hash) in hashes.enumerated() {
            #expect(built.find(hash: hash) { $0 == Int32(id) } == Int32(id), "\(id)")
        }
        #expect(HashIndex(distinct: []) == HashIndex(expected: 0) && HashIndex(distinct: []).count == 0)
    }

    @Test("equal when the same items went in in the same order")
    func equality() {
        var a = HashIndex(), b = HashIndex()
        for hash in [5, 9, 5 << 32, 77] as [UInt64] {
            if case .vacant(let slot) = a.probe(hash: hash, isItem: { _ in false }) { a.insert(hash: hash, at: slot) }
            if case .vacant(let slot) = b.probe(hash: hash, isItem: { _ in false }) { b.insert(hash: hash, at: slot) }
        }
        #expect(a == b && a.count == 4)
        if case .vacant(let slot) = b.probe(hash: 3, isItem: { _ in false }) { b.insert(hash: 3, at: slot) }
        #expect(a != b)
    }
}
