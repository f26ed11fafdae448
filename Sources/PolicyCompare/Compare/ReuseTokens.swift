import Foundation

/// One document's tokens as text reuse needs them, kept compactly until the reports are
/// written: each token's stable hash (for finding passages) and source span (for quoting them).
///
/// A document repeats few spellings many times, so each token keeps the number of its
/// spelling (2 bytes, or 4 in a document of more than 65,536 spellings) and each spelling its
/// hash once. Each token keeps its source start as an offset from the start of its block of
/// ``blockSize`` tokens (2 bytes) and its length (1 byte); the rare token that does not fit is
/// listed apart. That is 5 bytes a token instead of 16: about 240 MB less for 10,000
/// generated plans.
///
/// The per-token arrays (the bulk, 5 bytes a token) may live in a ``DocumentSpool`` instead
/// of memory (``spooled(to:)``): text reuse then reads a document's spelling numbers back
/// when it expands its hashes, and a table that needs many spans takes ``loaded()`` once.
struct ReuseTokens: Sendable {
    private enum Numbers: Sendable {
        case narrow([UInt16])
        case wide([UInt32])
    }

    /// What each token keeps, and each spelling's hash.
    private struct Bulk: Sendable {
        var numbers: Numbers
        var spellingHashes: [UInt64]
        /// Start after the block's start, or `UInt16.max` for a token listed in `farStarts`.
        var offsets: [UInt16]
        /// Length in code points, or `UInt8.max` for a token listed in `longEnds`.
        var lengths: [UInt8]
    }

    private enum Storage: Sendable {
        case memory(Bulk)
        /// The bulk's bytes in a spool: numbers, spelling hashes, offsets, lengths.
        case spool(DocumentSpool, Range<Int>, wide: Bool, spellings: Int)
    }

    private static let blockSize = 64
    private let storage: Storage
    /// Number of tokens.
    let count: Int
    /// Source start of the first token of each block.
    private let blockStarts: [Int32]
    /// Token index and start of the tokens whose offset does not fit, by index.
    private let farStarts: [(token: Int32, value: Int32)]
    /// Token index and end of the tokens of `UInt8.max` code points or more, by index.
    private let longEnds: [(token: Int32, value: Int32)]

    /// The tokens of spelling `spellings[i]` at source `spans[i]`; `spellingHashes[s]` is the
    /// hash of spelling `s`.
    init(spellings: [Int32], spellingHashes: [UInt64], spans: [Range<Int>]) {
        let numbers: Numbers
        if spellingHashes.count <= Int(UInt16.max) + 1 {
            numbers = .narrow(spellings.map { UInt16(truncatingIfNeeded: $0) })
        } else {
            numbers = .wide(spellings.map { UInt32(truncatingIfNeeded: $0) })
        }
        blockStarts = stride(from: 0, to: spans.count, by: Self.blockSize).map { Int32(truncatingIfNeeded: spans[$0].lowerBound) }
        var farStarts: [(token: Int32, value: Int32)] = []
        let offsets = spans.enumerated().map { token, span in
            let offset = span.lowerBound - spans[token - token % Self.blockSize].lowerBound
            guard offset >= 0, offset < Int(UInt16.max) else {
                farStarts.append((Int32(truncatingIfNeeded: token), Int32(truncatingIfNeeded: span.lowerBound)))
                return UInt16.max
            }
            return UInt16(offset)
        }
        self.farStarts = farStarts
        var longEnds: [(token: Int32, value: Int32)] = []
        let lengths = spans.enumerated().map { token, span in
            guard span.count < Int(UInt8.max) else {
                longEnds.append((Int32(truncatingIfNeeded: token), Int32(truncatingIfNeeded: span.upperBound)))
                return UInt8.max
            }
            return UInt8(truncatingIfNeeded: span.count)
        }
        self.longEnds = longEnds
        count = spans.count
        storage = .memory(Bulk(numbers: numbers, spellingHashes: spellingHashes, offsets: offsets, lengths: lengths))
    }

    private init(_ other: ReuseTokens, storage: Storage) {
        self.storage = storage
        count = other.count
        blockStarts = other.blockStarts
        farStarts = other.farStarts
        longEnds = other.longEnds
    }

    /// The same tokens with their bulk written to `spool`, or themselves when spooled
    /// already or the spool cannot take them.
    func spooled(to spool: DocumentSpool) -> ReuseTokens {
        guard case .memory(let bulk) = storage else { return self }
        var bytes: [UInt8] = []
        let wide: Bool
        switch bulk.numbers {
        case .narrow(let numbers): wide = false; Self.append(numbers, to: &bytes)
        case .wide(let numbers): wide = true; Self.append(numbers, to: &bytes)
        }
        Self.append(bulk.spellingHashes, to: &bytes)
        Self.append(bulk.offsets, to: &bytes)
        Self.append(bulk.lengths, to: &bytes)
        guard let range = spool.store(bytes) else { return self }
        return ReuseTokens(self, storage: .spool(spool, range, wide: wide, spellings: bulk.spellingHashes.count))
    }

    /// The same tokens with their bulk in memory: read back once when spooled (no tokens if
    /// it cannot be, as ``readFailure`` then says).
    func loaded() -> ReuseTokens {
        guard case .spool = storage else { return self }
        return ReuseTokens(self, storage: .memory(bulk(withSpans: true)))
    }

    /// Why the spooled bulk of some document could not be read back, if it could not.
    var readFailure: String? {
        guard case .spool(let spool, _, _, _) = storage else { return nil }
        return spool.readFailure
    }

    /// The bulk, read back when spooled: the spelling numbers and hashes only, unless
    /// `withSpans`. Empty arrays when it cannot be read.
    private func bulk(withSpans: Bool) -> Bulk {
        switch storage {
        case .memory(let bulk):
            return bulk
        case .spool(let spool, let range, let wide, let spellings):
            let numberBytes = count * (wide ? 4 : 2), hashBytes = spellings * 8
            let length = withSpans ? range.count : numberBytes + hashBytes
            let empty = Bulk(numbers: .narrow([]), spellingHashes: [], offsets: [], lengths: [])
            guard length <= range.count, let bytes = spool.load(range.lowerBound..<range.lowerBound + length) else { return empty }
            var at = 0
            func take<T: FixedWidthInteger>(_ count: Int, as type: T.Type) -> [T] {
                let size = count * MemoryLayout<T>.size
                defer { at += size }
                return [T](unsafeUninitializedCapacity: count) { values, initialized in
                    bytes.withUnsafeBytes { raw in
                        if let target = values.baseAddress, let source = raw.baseAddress, size > 0 {
                            memcpy(target, source + at, size)
                        }
                    }
                    initialized = count
                }
            }
            let numbers: Numbers = wide ? .wide(take(count, as: UInt32.self)) : .narrow(take(count, as: UInt16.self))
            let hashes = take(spellings, as: UInt64.self)
            guard withSpans else { return Bulk(numbers: numbers, spellingHashes: hashes, offsets: [], lengths: []) }
            return Bulk(numbers: numbers, spellingHashes: hashes, offsets: take(count, as: UInt16.self), lengths: take(count, as: UInt8.self))
        }
    }

    private static func append<T: FixedWidthInteger>(_ values: [T], to bytes: inout [UInt8]) {
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// The stable hash of every token, in reading order.
    var hashes: [UInt64] {
        var hashes: [UInt64] = []
        self.hashes(into: &hashes)
        return hashes
    }

    /// ``hashes`` written over `buffer`, whose storage is reused.
    func hashes(into buffer: inout [UInt64]) {
        buffer.removeAll(keepingCapacity: true)
        buffer.reserveCapacity(count)
        let bulk = bulk(withSpans: false)
        switch bulk.numbers {
        case .narrow(let numbers): for number in numbers { buffer.append(bulk.spellingHashes[Int(number)]) }
        case .wide(let numbers): for number in numbers { buffer.append(bulk.spellingHashes[Int(number)]) }
        }
    }

    /// Source code-point offsets from the start of the first token of `tokens` to the end of
    /// the last (nil when `tokens` is empty or out of range).
    func span(_ tokens: Range<Int>) -> Range<Int>? {
        let bulk = bulk(withSpans: true)
        guard !tokens.isEmpty, let first = start(of: tokens.lowerBound, bulk), let last = end(of: tokens.upperBound - 1, bulk) else { return nil }
        return first..<max(first, last)
    }

    private func start(of token: Int, _ bulk: Bulk) -> Int? {
        guard let offset = bulk.offsets[safe: token], let blockStart = blockStarts[safe: token / Self.blockSize] else { return nil }
        guard offset == UInt16.max else { return Int(blockStart) + Int(offset) }
        return Self.listed(token, in: farStarts).map { Int($0.value) }
    }

    private func end(of token: Int, _ bulk: Bulk) -> Int? {
        guard let start = start(of: token, bulk), let length = bulk.lengths[safe: token] else { return nil }
        guard length == UInt8.max else { return start + Int(length) }
        return Self.listed(token, in: longEnds).map { Int($0.value) }
    }

    /// The entry of `token` in a list sorted by token index.
    private static func listed(_ token: Int, in list: [(token: Int32, value: Int32)]) -> (token: Int32, value: Int32)? {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if Int(list[middle].token) < token { low = middle + 1 } else { high = middle }
        }
        return list[safe: low].flatMap { Int($0.token) == token ? $0 : nil }
    }
}
