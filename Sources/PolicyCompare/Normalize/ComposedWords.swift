/// The composed form (NFC, tone mark in the classic place) of every non-ASCII word the
/// normaliser has met, kept from one document to the next.
///
/// Composing depends on nothing but the word, and a corpus repeats its words: 10,000 plans
/// use a few thousand distinct ones, each composed once per worker instead of once per
/// document. Word `k`'s spelling and composed form are ranges (``Entry``) of two flat arrays.
/// The cache starts over once it holds ``limit`` scalars, so a corpus of ever-new words
/// cannot grow it without bound; what it answers never depends on what it holds.
public struct ComposedWords: Sendable {
    /// Where one word's spelling and composed form lie: one load per look-up, not two
    /// arrays of ends each read at `k - 1` and `k`.
    private struct Entry: Sendable {
        var spelling: Range<Int>
        var composed: Range<Int>
    }

    private var known = HashIndex(expected: 512)
    private var spellings: [Unicode.Scalar] = []
    private(set) var composed: [Unicode.Scalar] = []
    private var entries: [Entry] = []
    /// Scalars kept (spellings and composed forms) before the cache starts over.
    let limit: Int

    public init(limit: Int = 1 << 20) {
        self.limit = limit
    }

    /// Number of distinct words held.
    var count: Int { entries.count }

    /// The hash ``range(of:hash:compose:)`` takes before any scalar is added.
    static let emptyHash: UInt64 = 0xcbf2_9ce4_8422_2325

    /// `hash` with one more scalar (FNV-1a): the normaliser hashes a word as it reads it, so
    /// the look-up need not read the word again.
    @inline(__always)
    static func hash(_ hash: UInt64, adding value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
    }

    /// Where `word`'s composed form lies in ``composed``, composing it with `compose` the
    /// first time.
    mutating func range(of word: UnsafeBufferPointer<Unicode.Scalar>, compose: (UnsafeBufferPointer<Unicode.Scalar>) -> [Unicode.Scalar]) -> Range<Int> {
        let hash = word.reduce(Self.emptyHash) { Self.hash($0, adding: $1.value) }
        return range(of: word, hash: hash, compose: compose)
    }

    /// ``range(of:compose:)`` for a word whose hash, from ``emptyHash`` and
    /// ``hash(_:adding:)`` over its scalars, the caller has already computed.
    ///
    /// Inlined, for the look-up of a word met before (all but a few in a corpus) to cost no
    /// call; adding a new word is a call.
    @inline(__always)
    mutating func range(of word: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt64,
                        compose: (UnsafeBufferPointer<Unicode.Scalar>) -> [Unicode.Scalar]) -> Range<Int> {
        let probe = spellings.withUnsafeBufferPointer { spellings in
            entries.withUnsafeBufferPointer { entries in
                known.probe(hash: hash) { id in
                    Self.equal(UnsafeBufferPointer(rebasing: spellings[entries[Int(id)].spelling]), word)
                }
            }
        }
        switch probe {
        case .found(let id):
            return entries.withUnsafeBufferPointer { $0[Int(id)].composed }
        case .vacant(let slot):
            return add(word, hash: hash, at: slot, compose: compose)
        }
    }

    /// Composes a word not held and keeps it under `hash` at the `slot` its look-up found
    /// vacant (or starts over, full).
    @inline(never)
    private mutating func add(_ word: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt64, at slot: Int,
                              compose: (UnsafeBufferPointer<Unicode.Scalar>) -> [Unicode.Scalar]) -> Range<Int> {
        let form = compose(word)
        if spellings.count + composed.count + word.count + form.count > limit, count > 0 {
            self = ComposedWords(limit: limit)  // empty now, so the word goes in whatever its size
            return range(of: word, hash: hash) { _ in form }
        }
        known.insert(hash: hash, at: slot)
        let entry = Entry(spelling: spellings.count..<spellings.count + word.count,
                          composed: composed.count..<composed.count + form.count)
        spellings.append(contentsOf: word)
        composed.append(contentsOf: form)
        entries.append(entry)
        return entry.composed
    }

    /// Whether two runs of scalars are the same, compared two scalars (eight bytes) at a time:
    /// a look-up compares the word it finds with the one it looks for.
    @inline(__always)
    private static func equal(_ a: UnsafeBufferPointer<Unicode.Scalar>, _ b: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard a.count == b.count else { return false }
        guard let left = a.baseAddress, let right = b.baseAddress else { return true }  // both empty
        let count = a.count
        var k = 0
        while k + 2 <= count {
            let x = UnsafeRawPointer(left + k).loadUnaligned(as: UInt64.self)
            let y = UnsafeRawPointer(right + k).loadUnaligned(as: UInt64.self)
            if x != y { return false }
            k += 2
        }
        return k == count || left[k] == right[k]
    }
}
