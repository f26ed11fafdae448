/// A document's decoded source kept compactly (UTF-8) with an index for quoting by
/// code-point offsets in constant time per quote.
///
/// Its bytes may live in a ``DocumentSpool`` instead of memory (``spooled(to:)``); quoting then
/// reads them back, so a table that quotes a document many times takes ``loaded()`` once.
public struct SourceText: Sendable, Hashable {
    /// Scalars between checkpoints.
    static let step = 64
    /// The text as UTF-8, in memory or in a spool.
    private let utf8: SpooledArray<UInt8>
    /// Byte offset of every `step`-th scalar.
    private let checkpoints: [Int32]
    public let scalarCount: Int
    /// True when no scalar of the text could change under NFC, so no quote of it can either
    /// and writers copy quotes as they are (see ``TextNormalization/needsNFC(_:)``).
    let isNFC: Bool

    public init(_ scalars: [Unicode.Scalar]) {
        self.init(utf8: NormalizedText.utf8(scalars))
    }

    /// The text whose UTF-8 is `bytes`, which must be valid UTF-8 (a file's bytes that decoded
    /// as UTF-8 unchanged: the text is then kept without encoding its scalars again).
    init(utf8 bytes: [UInt8]) {
        (checkpoints, scalarCount) = bytes.withUnsafeBufferPointer(Self.checkpoints(utf8:))
        utf8 = SpooledArray(bytes)
        isNFC = !bytes.withUnsafeBufferPointer(TextNormalization.needsNFC(utf8:))
    }

    /// The text whose UTF-8 is `bytes`, decoded into `decoded` by
    /// ``UTF8Scalars/validScalars(_:checkpointEvery:)`` with ``step``: its checkpoints and NFC
    /// check were made while decoding, so the bytes are not read again.
    init(utf8 bytes: [UInt8], decoded: UTF8Scalars.Decoded) {
        utf8 = SpooledArray(bytes)
        checkpoints = decoded.checkpoints
        scalarCount = decoded.scalars.count
        isNFC = decoded.isNFC
    }

    /// The byte offset of every `step`-th scalar of `bytes`, and the number of scalars.
    ///
    /// Eight bytes at a time: a word in which no checkpoint's scalar starts only adds to the
    /// count (a step of 64 scalars spans at least 64 bytes, so a word holds at most one
    /// checkpoint, and a word that does is read byte by byte).
    static func checkpoints(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (checkpoints: [Int32], scalarCount: Int) {
        var checkpoints: [Int32] = []
        checkpoints.reserveCapacity(bytes.count / step + 1)
        var scalar = 0, offset = 0
        if let base = bytes.baseAddress {
            while offset + 8 <= bytes.count {
                let starts = UTF8Scalars.starts(inWord: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
                // The next checkpoint is scalar `checkpoints.count * step`.
                if scalar + starts <= checkpoints.count * step {
                    scalar += starts
                    offset += 8
                    continue
                }
                for byte in offset..<offset + 8 where bytes[byte] & 0xC0 != 0x80 {
                    if scalar % step == 0 { checkpoints.append(Int32(truncatingIfNeeded: byte)) }
                    scalar += 1
                }
                offset += 8
            }
        }
        while offset < bytes.count {
            if bytes[offset] & 0xC0 != 0x80 {
                if scalar % step == 0 { checkpoints.append(Int32(truncatingIfNeeded: offset)) }
                scalar += 1
            }
            offset += 1
        }
        return (checkpoints, scalar)
    }

    private init(_ other: SourceText, utf8: SpooledArray<UInt8>) {
        self.utf8 = utf8
        checkpoints = other.checkpoints
        scalarCount = other.scalarCount
        isNFC = other.isNFC
    }

    /// The same text with its bytes written to `spool`, or itself when it is spooled already.
    func spooled(to spool: DocumentSpool) -> SourceText {
        SourceText(self, utf8: utf8.spooled(to: spool))
    }

    /// The same text with its bytes in memory: read back once when spooled (empty if they
    /// cannot be, as ``readFailure`` then says).
    public func loaded() -> SourceText {
        SourceText(self, utf8: utf8.loaded())
    }

    /// Why the spooled bytes of some source could not be read back, if they could not.
    var readFailure: String? {
        utf8.readFailure
    }

    /// The UTF-8 bytes, read back when spooled.
    private var bytes: [UInt8] {
        utf8.elements
    }

    /// The text between two code-point offsets ("" when out of range).
    public func quote(_ range: Range<Int>) -> String {
        let text = bytes
        guard let bytes = byteRange(range, in: text) else { return "" }
        return String(decoding: text[bytes], as: UTF8.self)
    }

    /// The text between two code-point offsets as a table cell, cut after `limit` code points
    /// with "…" ("" when out of range): a ``Quote`` by reference, or the text itself in the
    /// rare source too large for one.
    func cell(_ range: Range<Int>, limit: Int = .max) -> Cell {
        reference(range, limit: limit).map(Cell.quote) ?? .text(quote(range, limit: limit))
    }

    /// ``cell(_:limit:)``'s text as a ``Quote``; nil when its offsets do not fit one.
    func reference(_ range: Range<Int>, limit: Int = .max) -> Quote? {
        let text = bytes
        return Quote(text, keptBytes(range, limit: limit, in: text), cut: range.count > limit, isNFC: isNFC)
    }

    /// ``cell(_:limit:)`` for a range whose kept bytes ``keptBytes(_:limit:)`` found already:
    /// a table that quotes the same passage in two writers (a workbook's cell, a CSV field)
    /// finds them once.
    func cell(_ range: Range<Int>, keptBytes: Range<Int>, limit: Int) -> Cell {
        let text = bytes
        guard keptBytes.upperBound <= text.count, let reference = Quote(text, keptBytes, cut: range.count > limit, isNFC: isNFC) else {
            return .text(quote(range, limit: limit))
        }
        return .quote(reference)
    }

    /// The byte offsets of ``cell(_:limit:)``'s text before any "…": the code points `range`,
    /// cut after `limit` (empty when out of range).
    func keptBytes(_ range: Range<Int>, limit: Int = .max) -> Range<Int> {
        keptBytes(range, limit: limit, in: bytes)
    }

    private func keptBytes(_ range: Range<Int>, limit: Int, in text: [UInt8]) -> Range<Int> {
        let kept = range.count > limit ? range.lowerBound..<range.lowerBound + limit : range
        return byteRange(kept, in: text) ?? 0..<0
    }

    /// Calls `body` with the text's UTF-8 at byte offsets `kept` (none when they are not in
    /// the text): the bytes of ``cell(_:)``'s text, for a writer that copies them.
    func withUTF8<R>(bytes kept: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let text = bytes
        let kept = kept.lowerBound >= 0 && kept.upperBound <= text.count ? kept : 0..<0
        return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[kept])) }
    }

    /// Calls `body` with the whole text's UTF-8, read back once when spooled: for a writer that
    /// quotes many ranges of it (``byteRange(_:in:near:)``).
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer(body)
    }

    /// ``cell(_:limit:)``'s text as a string.
    private func quote(_ range: Range<Int>, limit: Int) -> String {
        guard range.count > limit else { return quote(range) }
        return quote(range.lowerBound..<range.lowerBound + limit) + Quote.ellipsis
    }

    private func byteRange(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int>? {
        bytes.withUnsafeBufferPointer { bytes in
            var near = Position()
            return byteRange(range, in: bytes, near: &near)
        }
    }

    /// A code point's offset and the byte offset where it starts: a place to walk on from.
    struct Position: Sendable, Hashable {
        var scalar = 0
        var byte = 0
    }

    /// The byte offsets of the code points `range` in `text` (this text's UTF-8, as
    /// ``withUTF8(_:)`` lends it), nil when out of range; `near` becomes the start's position.
    ///
    /// Each end is walked to from the nearest known place before it: its checkpoint, or `near`
    /// (for the end, the start) when that is nearer. A run of quotes in reading order (a
    /// document's evidence) so finds each from the one before, not each from its checkpoint.
    func byteRange(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>, near: inout Position) -> Range<Int>? {
        guard range.lowerBound >= 0, range.upperBound <= scalarCount,
              let start = byteOffset(range.lowerBound, in: text, near: near) else { return nil }
        near = Position(scalar: range.lowerBound, byte: start)
        return byteOffset(range.upperBound, in: text, near: near).map { start..<$0 }
    }

    /// Byte offset of code point `scalar` (the end for `scalarCount`), nil out of range.
    func byteOffset(_ scalar: Int) -> Int? {
        bytes.withUnsafeBufferPointer { byteOffset(scalar, in: $0, near: Position()) }
    }

    /// Byte offset of code point `scalar` in `text`, walked to from its checkpoint or from
    /// `near` when that is at or before it and nearer.
    private func byteOffset(_ scalar: Int, in text: UnsafeBufferPointer<UInt8>, near: Position) -> Int? {
        if scalar == scalarCount { return text.count }
        guard scalar >= 0, scalar < scalarCount, let checkpoint = checkpoints[safe: scalar / Self.step] else { return nil }
        let skip = scalar % Self.step
        guard near.scalar <= scalar, scalar - near.scalar < skip else {
            return Self.byteOffset(skipping: skip, from: Int(checkpoint), in: text)
        }
        return Self.byteOffset(skipping: scalar - near.scalar, from: near.byte, in: text)
    }

    /// The byte offset of the code point `skip` code points after the one that starts at byte
    /// `start` (the end of `bytes` when there are fewer).
    private static func byteOffset(skipping skip: Int, from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        // Code points that start in bytes[start..<offset]; the one sought is the first to
        // start once `skip` have.
        var offset = start, started = 0
        // Eight bytes at a time.
        while offset + 8 <= bytes.count {
            let starts = UTF8Scalars.starts(inWord: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            guard started + starts <= skip else { break }
            started += starts
            offset += 8
        }
        while offset < bytes.count {
            if bytes[offset] & 0xC0 != 0x80 {
                if started == skip { return offset }
                started += 1
            }
            offset += 1
        }
        return bytes.count
    }

    /// A piece of a source, cut at code points, with "…" after it when it was shortened.
    ///
    /// 16 bytes, so a ``Cell`` is no larger for holding one: the source's bytes, and the
    /// piece's byte offsets with a flag in the top bit of each (byte offsets below 2^31).
    public struct Quote: Sendable, Hashable {
        private let source: [UInt8]
        /// Start offset; the top bit is set when "…" follows.
        private let packedStart: UInt32
        /// End offset; the top bit is set when the whole source is NFC.
        private let packedEnd: UInt32
        private static let flag: UInt32 = 1 << 31

        /// nil when an offset does not fit in 31 bits.
        init?(_ source: [UInt8], _ bytes: Range<Int>, cut: Bool, isNFC: Bool) {
            guard bytes.lowerBound >= 0, bytes.upperBound < Int(Self.flag) else { return nil }
            self.source = source
            packedStart = UInt32(bytes.lowerBound) | (cut ? Self.flag : 0)
            packedEnd = UInt32(bytes.upperBound) | (isNFC ? Self.flag : 0)
        }

        private var bytes: Range<Int> {
            Int(packedStart & ~Self.flag)..<Int(packedEnd & ~Self.flag)
        }

        /// True when "…" follows the piece.
        var cut: Bool { packedStart & Self.flag != 0 }

        /// True when no scalar of the source could change under NFC (so none of the quote can).
        var isNFC: Bool { packedEnd & Self.flag != 0 }

        /// The quote as a string.
        public var text: String {
            String(decoding: source[bytes], as: UTF8.self) + (cut ? Self.ellipsis : "")
        }

        /// Calls `body` with the quote's UTF-8 bytes.
        func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            guard cut else {
                return source.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[bytes])) }
            }
            return (Array(source[bytes]) + Array(Self.ellipsis.utf8)).withUnsafeBufferPointer(body)
        }

        static let ellipsis = "…"
    }
}
