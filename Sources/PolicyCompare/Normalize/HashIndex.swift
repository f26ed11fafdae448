/// Dense ids for distinct items, found by a hash the caller computes and an equality test the
/// caller supplies: an open-addressing table of ids, kept at most half full.
///
/// The per-document tables of the hot loops (token spellings, composed words, n-gram counts)
/// hold a few thousand small keys each. `Dictionary` hashes them with SipHash, which profiles
/// showed among the top costs; callers of this table hash with FNV-1a or a multiply, which
/// is enough for keys no one picks to collide.
///
/// Each slot holds an id and 32 bits of its item's hash together, so that a probe reads one
/// word per slot and calls `isItem` only when those bits match (the table kept the hashes in
/// an array by id, and a probe read the slot and then the hash: two dependent loads and a
/// bounds check for every slot it passed). The bits are those that place an item, so the
/// table grows without the full hashes.
struct HashIndex: Hashable {
    /// Per slot: `tag << 32 | id`, or ``empty`` (an id of -1).
    private var slots: [UInt64]

    /// Number of distinct items, whose ids are 0..<count in order of first insertion.
    private(set) var count = 0

    private static var empty: UInt64 { .max }

    /// A table with room for `expected` items before it first grows.
    init(expected: Int = 32) {
        var size = 64
        while size < expected * 2 { size <<= 1 }
        slots = Array(repeating: Self.empty, count: size)
    }

    /// A table of items the caller knows to be distinct, numbered in the order of `hashes`
    /// (their hashes): what inserting each one at the slot its probe finds vacant makes,
    /// placed in one pass over the slots (an insert each checked that the slots were not shared).
    init(distinct hashes: [UInt64]) {
        self.init(expected: hashes.count)
        count = hashes.count
        slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            for (id, hash) in hashes.enumerated() {
                let tag = Self.tag(hash)
                var slot = Int(truncatingIfNeeded: tag) & mask
                while slots[slot] != Self.empty { slot = (slot + 1) & mask }
                slots[slot] = UInt64(tag) << 32 | UInt64(UInt32(truncatingIfNeeded: id))
            }
        }
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
        let tag = Self.tag(hash)
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: tag) & mask
            while true {
                let entry = slots[slot]
                let id = Int32(truncatingIfNeeded: entry)
                if id < 0 { return .vacant(slot: slot) }
                if UInt32(truncatingIfNeeded: entry >> 32) == tag, isItem(id) { return .found(id) }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Gives the next id to the item with `hash`, at the slot that ``probe(hash:isItem:)``
    /// just found vacant (with no insertion in between); the caller stores the item under it.
    @inline(__always) @discardableResult
    mutating func insert(hash: UInt64, at slot: Int) -> Int32 {
        let id = Int32(truncatingIfNeeded: count)
        slots[slot] = UInt64(Self.tag(hash)) << 32 | UInt64(UInt32(bitPattern: id))
        count += 1
        if count * 2 > slots.count { grow() }
        return id
    }

    /// The id of the item with `hash` for which `isItem` holds; nil when there is none.
    @inline(__always)
    func find(hash: UInt64, isItem: (Int32) -> Bool) -> Int32? {
        guard case .found(let id) = probe(hash: hash, isItem: isItem) else { return nil }
        return id
    }

    /// The 32 bits of `hash` kept in its slot, whose low bits are its first slot: both
    /// halves of the hash decide it, for callers whose hashes differ mostly in one.
    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// Twice the slots, every item placed again from its tag (a table of ids numbered by
    /// `Int32` has fewer than 2^32 slots, so the tag holds every bit of a slot number).
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Self.empty, count: slots.count * 2)
        let mask = slots.count - 1
        for entry in old where Int32(truncatingIfNeeded: entry) >= 0 {
            var slot = Int(truncatingIfNeeded: entry >> 32) & mask
            while slots[slot] != Self.empty { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
