/// Dense ids for distinct items, found by a hash the caller computes and an equality test the
/// caller supplies: an open-addressing table of ids, kept at most half full.
///
/// The per-document tables of the hot loops (token spellings, composed words, n-gram counts)
/// hold a few thousand small keys each. `Dictionary` hashes them with SipHash, which profiles
/// showed among the top costs; callers of this table hash with FNV-1a or a multiply, which
/// is enough for keys no one picks to collide.
struct HashIndex: Hashable {
    private var slots: [Int32]
    private var hashes: [UInt64] = []

    /// Number of distinct items, whose ids are 0..<count in order of first insertion.
    var count: Int { hashes.count }

    /// A table with room for `expected` items before it first grows.
    init(expected: Int = 32) {
        var size = 64
        while size < expected * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
    }

    /// Where ``probe(hash:isItem:)`` found an item, or the free slot where it goes.
    enum Probe {
        case found(Int32)
        case vacant(slot: Int)
    }

    /// The id of the item with `hash` for which `isItem` holds, or the slot where
    /// ``insert(hash:at:)`` puts it.
    ///
    /// Looking up and inserting are two steps so that a caller can test its items in its own
    /// stored arrays without mutating itself in the same access: when the test ran inside a
    /// mutating look-up, the compiler retained and released those arrays for every key (in a
    /// 10,000-document profile, the reference counting in those callers, for composed words,
    /// runs and n-grams, was about 4% of the run).
    @inline(__always)
    func probe(hash: UInt64, isItem: (Int32) -> Bool) -> Probe {
        let mask = slots.count - 1
        var slot = Self.start(hash, mask)
        while true {
            let id = slots[slot]
            if id < 0 { return .vacant(slot: slot) }
            if hashes[Int(id)] == hash, isItem(id) { return .found(id) }
            slot = (slot + 1) & mask
        }
    }

    /// Gives the next id to the item with `hash`, at the slot that ``probe(hash:isItem:)``
    /// just found vacant (with no insertion in between); the caller stores the item under it.
    @inline(__always) @discardableResult
    mutating func insert(hash: UInt64, at slot: Int) -> Int32 {
        let id = Int32(truncatingIfNeeded: hashes.count)
        slots[slot] = id
        hashes.append(hash)
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of the item with `hash` for which `isItem` holds; nil when there is none.
    @inline(__always)
    func find(hash: UInt64, isItem: (Int32) -> Bool) -> Int32? {
        guard case .found(let id) = probe(hash: hash, isItem: isItem) else { return nil }
        return id
    }

    /// FNV-1a of a run of scalars.
    @inline(__always)
    static func hash(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range { hash = (hash ^ UInt64(scalars[i].value)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// Whether two runs of scalars are the same, scalar for scalar.
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<Unicode.Scalar>, _ ra: Range<Int>, _ b: UnsafeBufferPointer<Unicode.Scalar>, _ rb: Range<Int>) -> Bool {
        ra.count == rb.count && (0..<ra.count).allSatisfy { a[ra.lowerBound + $0] == b[rb.lowerBound + $0] }
    }

    @inline(__always)
    private static func start(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Self.start(hash, mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: id)
        }
    }
}
