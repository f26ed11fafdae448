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
                count += UTF8Writer.write(scalar.value, to: base + count)
            }
        }
    }

    /// The text of `scalars`, encoded straight to UTF-8 (appending to a `UnicodeScalarView`
    /// goes through a generic slow path that profiles showed among the top costs).
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var count = 0
            for scalar in scalars {
                count += UTF8Writer.write(scalar.value, to: base + count)
            }
            return count
        }
    }
}
