/// A directive's text normalised for matching, with a map back to the original wording.
///
/// Offsets are Unicode scalar (code point) indices, the unit Python's `str` and R's
/// `substr` use, so a researcher can check any quote against the source file.
public struct NormalizedText: Sendable, Hashable {
    /// The decoded source text, unchanged.
    public let original: [Unicode.Scalar]
    /// The normalised text (NFC, canonical tones, clean spaces, dashes and quotes).
    public let scalars: [Unicode.Scalar]
    /// For each normalised scalar, the original range it came from.
    let starts: [Int32]
    let ends: [Int32]

    init(original: [Unicode.Scalar], scalars: [Unicode.Scalar], starts: [Int32], ends: [Int32]) {
        self.original = original
        self.scalars = scalars
        self.starts = starts
        self.ends = ends
    }

    /// The original scalar range that a normalised range came from.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= scalars.count else {
            let at = range.lowerBound < starts.count && range.lowerBound >= 0 ? Int(starts[range.lowerBound]) : original.count
            return at..<at
        }
        let lower = Int(starts[range.lowerBound])
        let upper = Int(ends[range.upperBound - 1])
        return lower..<max(lower, upper)
    }

    /// The text with the scalars of `ranges` (normalised ranges) made spaces, each still
    /// pointing at its original range: what the parser reads once a page number or running
    /// header is dropped, so that a sentence it broke reads as one, while a quote of that
    /// sentence keeps the source's wording.
    func blanking(_ ranges: [Range<Int>]) -> NormalizedText {
        var blanked = scalars
        for range in ranges where range.lowerBound >= 0 && range.upperBound <= blanked.count {
            for i in range { blanked[i] = " " }
        }
        return NormalizedText(original: original, scalars: blanked, starts: starts, ends: ends)
    }

    /// The original wording of a normalised range.
    public func quote(_ range: Range<Int>) -> String {
        Self.string(original, originalRange(range))
    }

    /// The normalised text of a range.
    public func text(_ range: Range<Int>) -> String {
        Self.string(scalars, range)
    }

    /// A string from a scalar range, clamped to the array.
    static func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, scalars.count))
        let upper = max(lower, min(range.upperBound, scalars.count))
        return string(scalars[lower..<upper])
    }

    /// The UTF-8 bytes of `scalars`, encoded straight into an array of exactly their size
    /// (no string to validate, no spare capacity kept).
    static func utf8(_ scalars: [Unicode.Scalar]) -> [UInt8] {
        let size = scalars.reduce(0) { size, scalar in
            let value = scalar.value
            return size + (value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x1_0000 ? 3 : 4)
        }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            for scalar in scalars {
                count += UTF8Scalars.write(scalar.value, to: base + count)
            }
        }
    }

    /// The scalars of `text`, decoded from its UTF-8 into an array of exactly their number
    /// (`Array(text.unicodeScalars)` counts them, then decodes one at a time through a
    /// generic path that profiles showed among the costs of reading a document).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 in
            let count = UTF8Scalars.scalarCount(utf8)
            return [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
                initialized = 0
                guard let out = buffer.baseAddress else { return }
                var i = 0
                while i < utf8.count, initialized < count {
                    guard let (value, length) = UTF8Scalars.read(utf8, at: i) else { break }  // a String's UTF-8 is valid
                    (out + initialized).initialize(to: Unicode.Scalar(value) ?? "\u{FFFD}")
                    initialized += 1
                    i += length
                }
            }
        }
    }

    /// The text of `scalars`, encoded straight to UTF-8 (appending to a `UnicodeScalarView`
    /// goes through a generic slow path that profiles showed among the top costs).
    ///
    /// A word of up to 32 scalars (syllables, keys, short lines) is encoded on the stack and
    /// made a string by `String(decoding:as:)`, which keeps up to 15 bytes in the string
    /// itself: `String(unsafeUninitializedCapacity:)`, asked for room for 4 bytes a scalar,
    /// allocated storage even for a word that fits in those 15 bytes, which made a 6-letter
    /// Vietnamese syllable cost about 750 instructions against 430. Longer texts are encoded
    /// in place.
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        let capacity = scalars.count * 4
        if capacity <= 128 {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { buffer in
                guard let base = buffer.baseAddress else { return "" }
                var count = 0
                for scalar in scalars {
                    count += UTF8Scalars.write(scalar.value, to: base + count)
                }
                return String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
            }
        }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var count = 0
            for scalar in scalars {
                count += UTF8Scalars.write(scalar.value, to: base + count)
            }
            return count
        }
    }

}
