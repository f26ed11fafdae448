/// One document's tokens as text reuse needs them, kept compactly until the reports are
/// written: each token's stable hash (for finding passages) and source span (for quoting them).
///
/// A document repeats few spellings many times, so each token keeps the number of its
/// spelling (2 bytes, or 4 in a document of more than 65,536 spellings) and each spelling its
/// hash once. Each token keeps its source start as an offset from the start of its block of
/// ``blockSize`` tokens (2 bytes) and its length (1 byte); the rare token that does not fit is
/// listed apart. That is 5 bytes a token instead of 16: about 240 MB less for 10,000
/// generated plans.
struct ReuseTokens: Sendable {
    private enum Numbers: Sendable {
        case narrow([UInt16])
        case wide([UInt32])
    }

    private static let blockSize = 64
    private let numbers: Numbers
    private let spellingHashes: [UInt64]
    /// Source start of the first token of each block.
    private let blockStarts: [Int32]
    /// Start after the block's start, or `UInt16.max` for a token listed in `farStarts`.
    private let offsets: [UInt16]
    /// Token index and start of the tokens whose offset does not fit, by index.
    private let farStarts: [(token: Int32, value: Int32)]
    /// Length in code points, or `UInt8.max` for a token listed in `longEnds`.
    private let lengths: [UInt8]
    /// Token index and end of the tokens of `UInt8.max` code points or more, by index.
    private let longEnds: [(token: Int32, value: Int32)]

    /// The tokens of spelling `spellings[i]` at source `spans[i]`; `spellingHashes[s]` is the
    /// hash of spelling `s`.
    init(spellings: [Int32], spellingHashes: [UInt64], spans: [Range<Int>]) {
        if spellingHashes.count <= Int(UInt16.max) + 1 {
            numbers = .narrow(spellings.map { UInt16(truncatingIfNeeded: $0) })
        } else {
            numbers = .wide(spellings.map { UInt32(truncatingIfNeeded: $0) })
        }
        self.spellingHashes = spellingHashes
        blockStarts = stride(from: 0, to: spans.count, by: Self.blockSize).map { Int32(truncatingIfNeeded: spans[$0].lowerBound) }
        var farStarts: [(token: Int32, value: Int32)] = []
        offsets = spans.enumerated().map { token, span in
            let offset = span.lowerBound - spans[token - token % Self.blockSize].lowerBound
            guard offset >= 0, offset < Int(UInt16.max) else {
                farStarts.append((Int32(truncatingIfNeeded: token), Int32(truncatingIfNeeded: span.lowerBound)))
                return UInt16.max
            }
            return UInt16(offset)
        }
        self.farStarts = farStarts
        var longEnds: [(token: Int32, value: Int32)] = []
        lengths = spans.enumerated().map { token, span in
            guard span.count < Int(UInt8.max) else {
                longEnds.append((Int32(truncatingIfNeeded: token), Int32(truncatingIfNeeded: span.upperBound)))
                return UInt8.max
            }
            return UInt8(truncatingIfNeeded: span.count)
        }
        self.longEnds = longEnds
    }

    var count: Int {
        offsets.count
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
        switch numbers {
        case .narrow(let numbers): for number in numbers { buffer.append(spellingHashes[Int(number)]) }
        case .wide(let numbers): for number in numbers { buffer.append(spellingHashes[Int(number)]) }
        }
    }

    /// Source code-point offsets from the start of the first token of `tokens` to the end of
    /// the last (nil when `tokens` is empty or out of range).
    func span(_ tokens: Range<Int>) -> Range<Int>? {
        guard !tokens.isEmpty, let first = start(of: tokens.lowerBound), let last = end(of: tokens.upperBound - 1) else { return nil }
        return first..<max(first, last)
    }

    private func start(of token: Int) -> Int? {
        guard let offset = offsets[safe: token], let blockStart = blockStarts[safe: token / Self.blockSize] else { return nil }
        guard offset == UInt16.max else { return Int(blockStart) + Int(offset) }
        return Self.listed(token, in: farStarts).map { Int($0.value) }
    }

    private func end(of token: Int) -> Int? {
        guard let start = start(of: token), let length = lengths[safe: token] else { return nil }
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
