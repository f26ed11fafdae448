import Foundation

/// Distinct runs of elements (bytes, scalars) numbered 0, 1, 2, ... in order of first
/// insertion, kept end to end in one array, and found again by a run inside a larger text
/// without building a key.
///
/// The workbook numbers every distinct text of its sheets (hundreds of thousands of quotes at
/// 10,000 generated plans) and the phrase matcher looks up every spelling of every document
/// in its vocabularies. As `String` or scalar-array keys in a `Dictionary`, each cost an
/// allocation and a SipHash per look-up; here a run costs its elements, an end offset and a
/// slot of a ``HashIndex``, and is hashed eight bytes at a time.
struct RunTable<Element: BitwiseCopyable & Sendable>: Sendable {
    private var index = HashIndex()
    /// Every run's elements, in order of insertion.
    private(set) var elements: [Element] = []
    /// End of run `k` in `elements` (its start is the end of run `k - 1`).
    private var ends: [Int] = []

    /// Number of distinct runs.
    var count: Int { ends.count }

    /// The number of `run`, and whether it was added now.
    @discardableResult
    mutating func insert(_ run: UnsafeBufferPointer<Element>) -> (id: Int, inserted: Bool) {
        insert(run, hash: Self.hash(UnsafeRawBufferPointer(run)))
    }

    /// ``insert(_:)`` for a caller that knows a hash of `run`: a table whose every run comes
    /// with the hash of one function of its elements (not necessarily ``hash(of:)``) finds
    /// them as well, and its caller need not hash again a run it hashed for another use.
    /// Such a table must not be searched with ``id(of:in:)``, which hashes with ``hash(of:)``.
    mutating func insert(_ run: UnsafeBufferPointer<Element>, hash: UInt64) -> (id: Int, inserted: Bool) {
        let probe = elements.withUnsafeBufferPointer { stored in
            ends.withUnsafeBufferPointer { ends in
                index.probe(hash: hash) { id in
                    Self.equal(stored, Self.range(of: Int(id), ends: ends), run)
                }
            }
        }
        switch probe {
        case .found(let id):
            return (Int(id), false)
        case .vacant(let slot):
            let id = index.insert(hash: hash, at: slot)
            elements.append(contentsOf: run)
            ends.append(elements.count)
            return (Int(id), true)
        }
    }

    /// The number of `text[range]`, nil when it was never inserted.
    func id(of range: Range<Int>, in text: UnsafeBufferPointer<Element>) -> Int? {
        id(of: range, in: text, hash: Self.hash(of: UnsafeBufferPointer(rebasing: text[range])))
    }

    /// ``id(of:in:)`` for a run whose ``hash(of:)`` is known: a caller that looks the same
    /// run up in several tables hashes it once.
    func id(of range: Range<Int>, in text: UnsafeBufferPointer<Element>, hash: UInt64) -> Int? {
        let run = UnsafeBufferPointer(rebasing: text[range])
        return elements.withUnsafeBufferPointer { stored in
            ends.withUnsafeBufferPointer { ends in
                index.find(hash: hash) { id in
                    Self.equal(stored, Self.range(of: Int(id), ends: ends), run)
                }
            }
        }.map(Int.init)
    }

    /// Calls `body` with the elements of run `id`.
    func withElements<R>(of id: Int, _ body: (UnsafeBufferPointer<Element>) -> R) -> R {
        let range = ends.withUnsafeBufferPointer { Self.range(of: id, ends: $0) }
        return elements.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    private static func range(of id: Int, ends: UnsafeBufferPointer<Int>) -> Range<Int> {
        (id > 0 ? ends[id - 1] : 0)..<ends[id]
    }

    /// Whether `stored[range]` and `run` hold the same elements, compared as memory.
    private static func equal(_ stored: UnsafeBufferPointer<Element>, _ range: Range<Int>, _ run: UnsafeBufferPointer<Element>) -> Bool {
        guard range.count == run.count else { return false }
        guard let storedBase = stored.baseAddress, let base = run.baseAddress else { return range.isEmpty }
        return memcmp(storedBase + range.lowerBound, base, range.count * MemoryLayout<Element>.stride) == 0
    }

    /// The hash a table files `run` under.
    @inline(__always)
    static func hash(of run: UnsafeBufferPointer<Element>) -> UInt64 {
        hash(UnsafeRawBufferPointer(run))
    }

    /// A multiply-and-mix hash, eight bytes at a time, then four: enough for texts no one picks
    /// to collide. A run of scalars is four bytes a scalar, so the four-byte step takes the last
    /// scalar of an odd-length run in one (byte by byte, it was a fifth of hashing a token).
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        // No bytes hash alike with or without an address (an empty run of a text, an empty array).
        guard let base = bytes.baseAddress else {
            let hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            return hash ^ (hash >> 29)
        }
        return hash(base, bytes.count)
    }

    /// ``hash(_:)`` of the `count` bytes at `base`, with unchecked arithmetic: the offsets stay
    /// below `count`, and the overflow checks were a fair part of hashing a token of a few
    /// scalars, which every token of every document is.
    @inline(__always)
    static func hash(_ base: UnsafeRawPointer, _ count: Int) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
        var offset = 0
        while offset &+ 8 <= count {
            hash = mixed(hash, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset &+= 8
        }
        if offset &+ 4 <= count {
            hash = mixed(hash, UInt64(base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            offset &+= 4
        }
        while offset < count {
            hash = (hash ^ UInt64(base.load(fromByteOffset: offset, as: UInt8.self))) &* 0x0000_0100_0000_01B3
            offset &+= 1
        }
        return hash ^ (hash >> 29)
    }

    /// One step of ``hash(_:)``: `word` mixed into `hash`.
    @inline(__always)
    private static func mixed(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 31)
    }
}

/// Equal when the same runs were inserted in the same order.
extension RunTable: Equatable, Hashable where Element: Hashable {}

extension RunTable where Element == Unicode.Scalar {
    /// The number of `text`'s scalars, added when new.
    @discardableResult
    mutating func insert(_ text: String) -> Int {
        Array(text.unicodeScalars).withUnsafeBufferPointer { insert($0).id }
    }

    /// The number of `text`'s scalars, nil when they were never inserted.
    func id(of text: String) -> Int? {
        Array(text.unicodeScalars).withUnsafeBufferPointer { id(of: 0..<$0.count, in: $0) }
    }
}

extension RunTable where Element == UInt8 {
    /// The number of `text`'s UTF-8 bytes, and whether it was added now.
    @discardableResult
    mutating func insert(_ text: String) -> (id: Int, inserted: Bool) {
        var text = text
        return text.withUTF8 { insert($0) }
    }

    /// ``insert(_:hash:)`` of `text`'s UTF-8 bytes.
    mutating func insert(_ text: String, hash: UInt64) -> (id: Int, inserted: Bool) {
        var text = text
        return text.withUTF8 { insert($0, hash: hash) }
    }

    /// The number of `text`'s UTF-8 bytes, nil when they were never inserted.
    func id(of text: String) -> Int? {
        var text = text
        return text.withUTF8 { id(of: 0..<$0.count, in: $0) }
    }
}
