/// The distinct spellings of a document's tokens (their strict folded keys), and each
/// token's spelling as a small integer.
///
/// A plan of 3,000 tokens has about 800 spellings. The stages after parsing (coding, finding
/// agencies, counting terms, hashing for reuse) each looked every token up in a dictionary of
/// strings; with spellings they look up each spelling once and the tokens by index. Spellings
/// are found with one cheap hash per token (FNV-1a over the scalars, open addressing), not
/// `Hasher`'s SipHash, which profiles showed among the top costs.
public struct TokenSpellings: Sendable, Hashable {
    /// Per segment (index for index with the tokeniser outputs), per token: its spelling.
    public let ids: [[Int32]]
    /// Per spelling, in order of first use: the folded scalar range of its first token.
    public let ranges: [Range<Int>]

    /// Number of distinct spellings.
    public var count: Int { ranges.count }

    /// The spellings of the tokens of `outputs`, keyed by `folded.strict`.
    public init(_ outputs: [Tokenizer.Output], folded: FoldedText) {
        var table = Table(capacity: outputs.reduce(0) { $0 + $1.tokens.count })
        ids = folded.strict.withUnsafeBufferPointer { scalars in
            outputs.map { output in output.tokens.map { table.id(of: $0.range, in: scalars) } }
        }
        ranges = table.ranges
    }

    /// Open-addressing set of scalar runs; slots hold spelling ids (-1: empty).
    private struct Table {
        var slots: [Int32]
        var hashes: [UInt64] = []
        var ranges: [Range<Int>] = []

        init(capacity tokens: Int) {
            // Room for spellings up to a quarter of the tokens (ample for prose) before the
            // table, kept at most half full, doubles.
            var size = 64
            while size < tokens / 2 { size <<= 1 }
            slots = Array(repeating: -1, count: size)
        }

        mutating func id(of range: Range<Int>, in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int32 {
            let lower = max(0, min(range.lowerBound, scalars.count)), upper = max(lower, min(range.upperBound, scalars.count))
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for i in lower..<upper { hash = (hash ^ UInt64(scalars[i].value)) &* 0x0000_0100_0000_01B3 }
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
            while true {
                let id = slots[slot]
                if id < 0 { break }
                let known = ranges[Int(id)]
                if hashes[Int(id)] == hash, known.count == upper - lower,
                   (0..<known.count).allSatisfy({ scalars[known.lowerBound + $0] == scalars[lower + $0] }) {
                    return id
                }
                slot = (slot + 1) & mask
            }
            let id = Int32(truncatingIfNeeded: ranges.count)
            slots[slot] = id
            hashes.append(hash)
            ranges.append(lower..<upper)
            if ranges.count * 2 > slots.count { grow() }
            return id
        }

        private mutating func grow() {
            slots = Array(repeating: -1, count: slots.count * 2)
            let mask = slots.count - 1
            for (id, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(truncatingIfNeeded: id)
            }
        }
    }
}
