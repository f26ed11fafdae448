/// One document's tokens as text reuse needs them, kept compactly until the reports are
/// written: each token's stable hash (for finding passages) and source span (for quoting them).
///
/// A document repeats few spellings many times, so each token keeps the number of its
/// spelling (2 bytes, or 4 in a document of more than 65,536 spellings) and each spelling its
/// hash once; each token keeps its source start (4 bytes) and its length (1 byte, longer
/// tokens listed apart). That is 7 bytes a token instead of 16: about 200 MB less for
/// 10,000 generated plans.
struct ReuseTokens: Sendable {
    private enum Numbers: Sendable {
        case narrow([UInt16])
        case wide([UInt32])
    }

    private let numbers: Numbers
    private let spellingHashes: [UInt64]
    private let starts: [Int32]
    /// Length in code points, or `UInt8.max` for a token listed in `longEnds`.
    private let lengths: [UInt8]
    /// Token index and end of the tokens of `UInt8.max` code points or more, by index.
    private let longEnds: [(token: Int32, end: Int32)]

    /// The tokens of spelling `spellings[i]` at source `spans[i]`; `spellingHashes[s]` is the
    /// hash of spelling `s`.
    init(spellings: [Int32], spellingHashes: [UInt64], spans: [Range<Int>]) {
        if spellingHashes.count <= Int(UInt16.max) + 1 {
            numbers = .narrow(spellings.map { UInt16(truncatingIfNeeded: $0) })
        } else {
            numbers = .wide(spellings.map { UInt32(truncatingIfNeeded: $0) })
        }
        self.spellingHashes = spellingHashes
        starts = spans.map { Int32(truncatingIfNeeded: $0.lowerBound) }
        var longEnds: [(token: Int32, end: Int32)] = []
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
        starts.count
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
        guard !tokens.isEmpty, let first = starts[safe: tokens.lowerBound], let last = end(of: tokens.upperBound - 1) else { return nil }
        return Int(first)..<max(Int(first), last)
    }

    private func end(of token: Int) -> Int? {
        guard let start = starts[safe: token], let length = lengths[safe: token] else { return nil }
        guard length == UInt8.max else { return Int(start) + Int(length) }
        var low = 0, high = longEnds.count
        while low < high {
            let middle = (low + high) / 2
            if Int(longEnds[middle].token) < token { low = middle + 1 } else { high = middle }
        }
        return longEnds[safe: low].map { Int($0.end) }
    }
}
