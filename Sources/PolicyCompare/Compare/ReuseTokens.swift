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
/// The per-token arrays and the spelling hashes are ``SpooledArray``s, which may live in a
/// ``DocumentSpool`` instead of memory (``spooled(to:)``): text reuse then reads a document's
/// spelling numbers and hashes back when it expands them, and a table that needs many spans
/// takes ``loaded()`` once.
struct ReuseTokens: Sendable {
    private enum Numbers: Sendable {
        case narrow(SpooledArray<UInt16>)
        case wide(SpooledArray<UInt32>)
    }

    private static let blockSize = 64
    private let numbers: Numbers
    private let spellingHashes: SpooledArray<UInt64>
    /// Number of tokens.
    let count: Int
    /// Source start of the first token of each block.
    private let blockStarts: [Int32]
    /// Start after the block's start, or `UInt16.max` for a token listed in `farStarts`.
    private let offsets: SpooledArray<UInt16>
    /// Token index and start of the tokens whose offset does not fit, by index.
    private let farStarts: [(token: Int32, value: Int32)]
    /// Length in code points, or `UInt8.max` for a token listed in `longEnds`.
    private let lengths: SpooledArray<UInt8>
    /// Token index and end of the tokens of `UInt8.max` code points or more, by index.
    private let longEnds: [(token: Int32, value: Int32)]

    /// Tokens written one at a time into their compact arrays, as a document's analysis reads
    /// them: it had listed every token's span (16 bytes a token) and the spelling numbers
    /// for another pass to read three more times.
    struct Builder: ~Copyable {
        private var narrow: GrowableBuffer<UInt16>
        private var wide: GrowableBuffer<UInt32>
        private let isNarrow: Bool
        private var blockStarts: [Int32] = []
        private var blockStart = 0
        private var offsets: GrowableBuffer<UInt16>
        private var farStarts: [(token: Int32, value: Int32)] = []
        private var lengths: GrowableBuffer<UInt8>
        private var longEnds: [(token: Int32, value: Int32)] = []
        private var count = 0

        /// Room for `count` tokens (more may be appended) whose spelling numbers are below
        /// `spellingCount`.
        init(count: Int, spellingCount: Int) {
            isNarrow = spellingCount <= Int(UInt16.max) + 1
            narrow = GrowableBuffer(capacity: isNarrow ? count : 0)
            wide = GrowableBuffer(capacity: isNarrow ? 0 : count)
            offsets = GrowableBuffer(capacity: count)
            lengths = GrowableBuffer(capacity: count)
            blockStarts.reserveCapacity((count + ReuseTokens.blockSize - 1) / ReuseTokens.blockSize)
        }

        /// Adds the next token: its spelling number and source span.
        @inline(__always)
        mutating func append(_ spelling: Int32, _ span: Range<Int>) {
            let token = count
            if isNarrow { narrow.append(UInt16(truncatingIfNeeded: spelling)) } else { wide.append(UInt32(truncatingIfNeeded: spelling)) }
            if token % ReuseTokens.blockSize == 0 {
                blockStart = span.lowerBound
                blockStarts.append(Int32(truncatingIfNeeded: blockStart))
            }
            let offset = span.lowerBound - blockStart
            if offset >= 0, offset < Int(UInt16.max) {
                offsets.append(UInt16(truncatingIfNeeded: offset))
            } else {
                farStarts.append((Int32(truncatingIfNeeded: token), Int32(truncatingIfNeeded: span.lowerBound)))
                offsets.append(UInt16.max)
            }
            if span.count < Int(UInt8.max) {
                lengths.append(UInt8(truncatingIfNeeded: span.count))
            } else {
                longEnds.append((Int32(truncatingIfNeeded: token), Int32(truncatingIfNeeded: span.upperBound)))
                lengths.append(UInt8.max)
            }
            count = token + 1
        }

        /// The tokens appended, whose spellings have the hashes `spellingHashes`.
        consuming func finish(spellingHashes: [UInt64]) -> ReuseTokens {
            ReuseTokens(numbers: isNarrow ? .narrow(SpooledArray(narrow.array())) : .wide(SpooledArray(wide.array())),
                        spellingHashes: SpooledArray(spellingHashes), count: count, blockStarts: blockStarts,
                        offsets: SpooledArray(offsets.array()), farStarts: farStarts,
                        lengths: SpooledArray(lengths.array()), longEnds: longEnds)
        }
    }

    private init(numbers: Numbers, spellingHashes: SpooledArray<UInt64>, count: Int, blockStarts: [Int32],
                 offsets: SpooledArray<UInt16>, farStarts: [(token: Int32, value: Int32)],
                 lengths: SpooledArray<UInt8>, longEnds: [(token: Int32, value: Int32)]) {
        self.numbers = numbers
        self.spellingHashes = spellingHashes
        self.count = count
        self.blockStarts = blockStarts
        self.offsets = offsets
        self.farStarts = farStarts
        self.lengths = lengths
        self.longEnds = longEnds
    }

    private init(_ other: ReuseTokens, numbers: Numbers, spellingHashes: SpooledArray<UInt64>,
                 offsets: SpooledArray<UInt16>, lengths: SpooledArray<UInt8>) {
        self.init(numbers: numbers, spellingHashes: spellingHashes, count: other.count, blockStarts: other.blockStarts,
                  offsets: offsets, farStarts: other.farStarts, lengths: lengths, longEnds: other.longEnds)
    }

    /// The same tokens with their arrays written to `spool` (each kept in memory when the
    /// spool cannot take it).
    func spooled(to spool: DocumentSpool) -> ReuseTokens {
        let numbers: Numbers = switch self.numbers {
        case .narrow(let numbers): .narrow(numbers.spooled(to: spool))
        case .wide(let numbers): .wide(numbers.spooled(to: spool))
        }
        return ReuseTokens(self, numbers: numbers, spellingHashes: spellingHashes.spooled(to: spool),
                           offsets: offsets.spooled(to: spool), lengths: lengths.spooled(to: spool))
    }

    /// The same tokens with their arrays in memory, read back once when spooled.
    func loaded() -> ReuseTokens {
        let numbers: Numbers = switch self.numbers {
        case .narrow(let numbers): .narrow(numbers.loaded())
        case .wide(let numbers): .wide(numbers.loaded())
        }
        return ReuseTokens(self, numbers: numbers, spellingHashes: spellingHashes.loaded(), offsets: offsets.loaded(), lengths: lengths.loaded())
    }

    /// Why a spooled array of some document could not be read back, if one could not.
    var readFailure: String? {
        let numbers = switch self.numbers {
        case .narrow(let numbers): numbers.readFailure
        case .wide(let numbers): numbers.readFailure
        }
        return numbers ?? spellingHashes.readFailure ?? offsets.readFailure ?? lengths.readFailure
    }

    /// The stable hash of every token, in reading order.
    var hashes: [UInt64] {
        var hashes: [UInt64] = []
        self.hashes(into: &hashes)
        return hashes
    }

    /// ``hashes`` written over `buffer`, whose storage is reused.
    func hashes(into buffer: inout [UInt64]) {
        let hashes = spellingHashes.elements
        // Written in place into room for every token (appending checked the array's capacity
        // and uniqueness per token), then cut to the tokens written: a spelling hash that
        // could not be read back gives no token (see ``readFailure``). The room is the
        // buffer's old elements where it has them: they are all overwritten or cut, and
        // zeroing them first cost a fifth of expanding a document.
        if buffer.count < count {
            buffer.append(contentsOf: repeatElement(0, count: count - buffer.count))
        } else {
            buffer.removeLast(buffer.count - count)
        }
        let written = buffer.withUnsafeMutableBufferPointer { out in
            hashes.withUnsafeBufferPointer { hashes in
                switch numbers {
                case .narrow(let numbers): Self.expand(numbers.elements, hashes, into: out)
                case .wide(let numbers): Self.expand(numbers.elements, hashes, into: out)
                }
            }
        }
        buffer.removeLast(buffer.count - written)
    }

    /// Writes the hash of each spelling number in `numbers` to `out`, skipping numbers without
    /// one, and returns how many it wrote; numbers past `out`'s room are ignored (there are
    /// none: `out` has room for every token, and a document has one number per token).
    ///
    /// Every token of every aligned pair's documents passes through here, so the numbers are
    /// read through a buffer, and the room is checked once: nothing is written past the
    /// number being read.
    private static func expand<Number: FixedWidthInteger>(
        _ numbers: [Number], _ hashes: UnsafeBufferPointer<UInt64>, into out: UnsafeMutableBufferPointer<UInt64>
    ) -> Int {
        numbers.withUnsafeBufferPointer { numbers in
            var written = 0
            for index in 0..<min(numbers.count, out.count) {
                let number = Int(numbers[index])
                if number < hashes.count {
                    out[written] = hashes[number]
                    written += 1
                }
            }
            return written
        }
    }

    /// Source code-point offsets from the start of the first token of `tokens` to the end of
    /// the last (nil when `tokens` is empty or out of range).
    func span(_ tokens: Range<Int>) -> Range<Int>? {
        let offsets = offsets.elements, lengths = lengths.elements
        guard !tokens.isEmpty, let first = start(of: tokens.lowerBound, offsets),
              let last = end(of: tokens.upperBound - 1, offsets, lengths) else { return nil }
        return first..<max(first, last)
    }

    private func start(of token: Int, _ offsets: [UInt16]) -> Int? {
        guard let offset = offsets[safe: token], let blockStart = blockStarts[safe: token / Self.blockSize] else { return nil }
        guard offset == UInt16.max else { return Int(blockStart) + Int(offset) }
        return Self.listed(token, in: farStarts).map { Int($0.value) }
    }

    private func end(of token: Int, _ offsets: [UInt16], _ lengths: [UInt8]) -> Int? {
        guard let start = start(of: token, offsets), let length = lengths[safe: token] else { return nil }
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
