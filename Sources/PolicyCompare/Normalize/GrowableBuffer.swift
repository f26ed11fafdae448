/// A growable run of plain values for the hottest appends, without `Array`'s checks.
///
/// `Array.append` checks that its storage is unique (a runtime call) and has room at every
/// call, and `append(contentsOf:)` costs about 90 instructions however few the elements.
/// The normaliser appends three values per scalar of every document; here an append is a
/// capacity test and a store. The buffer owns its memory, so it cannot be copied; ``array``
/// hands the values over as an array.
struct GrowableBuffer<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// The last value, nil when empty.
    var last: Element? { count > 0 ? base[count - 1] : nil }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(toAtLeast: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress, !elements.isEmpty else { return }
        if count + elements.count > capacity { grow(toAtLeast: count + elements.count) }
        (base + count).initialize(from: source, count: elements.count)
        count += elements.count
    }

    /// Appends `element` `times` times.
    mutating func append(_ element: Element, times: Int) {
        guard times > 0 else { return }
        if count + times > capacity { grow(toAtLeast: count + times) }
        (base + count).initialize(repeating: element, count: times)
        count += times
    }

    /// Removes every value, keeping the memory.
    mutating func removeAll() {
        count = 0
    }

    /// Calls `body` with the values.
    func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<Element>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The values as an array.
    func array() -> [Element] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// Appends the low `count` bytes of `word` (at most 8), its lowest byte first, with one
    /// unaligned store of all eight (those past `count` are left as spare capacity).
    @inline(__always)
    mutating func append(word: UInt64, count: Int) where Element == UInt8 {
        let kept = min(max(count, 0), 8)
        if self.count + 8 > capacity { grow(toAtLeast: self.count + 8) }
        UnsafeMutableRawPointer(base + self.count).storeBytes(of: word.littleEndian, as: UInt64.self)
        self.count += kept
    }

    @inline(never)
    private mutating func grow(toAtLeast minimum: Int) {
        let larger = max(capacity * 2, minimum)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }
}
