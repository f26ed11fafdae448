#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal text for numbers, locale-neutral: no grouping, `.` as decimal point unless a
/// writer asks for another (a CSV file for comma-decimal locales asks for `,`); fixed decimals
/// without exponent, or significant digits (``appendSignificant(_:digits:point:to:)``).
///
/// Shared by the CSV and XLSX writers so both show the same digits for the same cell.
enum DecimalText {
    /// Decimal places are clamped to `0...maxPlaces`.
    static let maxPlaces = 64

    /// `10^p` for `p` in `0...15`, exact both as `Double` and as `UInt64`.
    private static let doublePowers: [Double] = (0...15).map { p in
        (0..<p).reduce(1.0) { value, _ in value * 10 }
    }
    private static let integerPowers: [UInt64] = (0...15).map { p in
        (0..<p).reduce(UInt64(1)) { value, _ in value * 10 }
    }

    /// Appends `n` in decimal, with `-` when negative.
    @inline(__always)
    static func appendInteger<Sink: ByteSink & ~Copyable>(_ n: Int, to out: inout Sink) {
        if n < 0 {
            out.append(UInt8(ascii: "-"))
        }
        appendUnsigned(UInt64(n.magnitude), minimumDigits: 1, to: &out)
    }

    /// Appends `x` with exactly `places` decimals (clamped to `0...maxPlaces`); appends nothing
    /// for NaN and infinities, so they become empty (missing) values.
    ///
    /// Rounds the exact binary value to nearest, ties to even, like C's `%.*f`, and never writes
    /// a negative zero: `-0.0001` with 3 places is `0.000`. `point` is the decimal separator.
    static func appendFixed<Sink: ByteSink & ~Copyable>(
        _ x: Double, places: Int, point: UInt8 = UInt8(ascii: "."), to out: inout Sink
    ) {
        guard x.isFinite else {
            return
        }
        let p = min(max(places, 0), maxPlaces)
        if p < doublePowers.count, p < integerPowers.count {
            let scaled = x.magnitude * doublePowers[p]
            // Below 2^52 the fraction of `scaled` is exact; the product itself is within half an
            // ulp of the true value, so rounding agrees unless the fraction is that close to 0.5.
            if scaled < 4_503_599_627_370_496 {
                let whole = scaled.rounded(.down)
                let fraction = scaled - whole
                if (fraction - 0.5).magnitude > scaled.ulp {
                    let n = UInt64(whole) + (fraction > 0.5 ? 1 : 0)
                    if x < 0 && n != 0 {
                        out.append(UInt8(ascii: "-"))
                    }
                    let unit = integerPowers[p]
                    appendUnsigned(n / unit, minimumDigits: 1, to: &out)
                    if p > 0 {
                        out.append(point)
                        appendUnsigned(n % unit, minimumDigits: p, to: &out)
                    }
                    return
                }
            }
        }
        appendViaPrintf(x, places: p, point: point, to: &out)
    }

    /// Appends `x` with `digits` significant digits (clamped to `1...maxSignificantDigits`) as
    /// C's `%.*g` writes it, `point` as decimal separator; nothing for NaN and infinities.
    ///
    /// Exponent form (`1.23457e-08`, at least two exponent digits) below 0.0001 and from
    /// 10^digits, fixed form between (`0.00330196`, `0.5`, `1`); trailing zeros are dropped,
    /// so a positive value is never written as 0. pandas, R and spreadsheets read both forms
    /// as numbers. The exact binary value is rounded to nearest (C library), and a negative
    /// zero is written `0`.
    static func appendSignificant<Sink: ByteSink & ~Copyable>(
        _ x: Double, digits: Int, point: UInt8 = UInt8(ascii: "."), to out: inout Sink
    ) {
        guard x.isFinite else {
            return
        }
        let precision = Int32(min(max(digits, 1), maxSignificantDigits))
        // Sign, digits, point, `e-308`: well inside the buffer for 17 digits.
        let capacity = 48
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
            let written = withVaList([precision, x]) { arguments in
                vsnprintf(buffer.baseAddress, capacity, "%.*g", arguments)
            }
            guard written > 0 else {
                return
            }
            let text = UnsafeRawBufferPointer(start: buffer.baseAddress, count: min(Int(written), capacity - 1))
            // `%g` writes `-0` for a negative zero: the only text with a sign and no digit but 0s.
            var start = 0
            if text.first == UInt8(ascii: "-"), !text.contains(where: { (UInt8(ascii: "1")...UInt8(ascii: "9")).contains($0) }) {
                start = 1
            }
            var seenPoint = false
            for byte in text[start...] {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "e"):
                    out.append(byte)
                default:
                    // The C locale's decimal point; a host that called setlocale may have set ",".
                    if !seenPoint {
                        seenPoint = true
                        out.append(point)
                    }
                }
            }
        }
    }

    /// Significant digits are clamped to `1...maxSignificantDigits` (17 tell any two doubles apart).
    static let maxSignificantDigits = 17

    /// `x` with `digits` significant digits (``appendSignificant(_:digits:point:to:)``), or `""`
    /// when not finite.
    static func significant(_ x: Double, digits: Int) -> String {
        var bytes: [UInt8] = []
        appendSignificant(x, digits: digits, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `x` with exactly `places` decimals, or `""` when not finite.
    static func fixed(_ x: Double, places: Int) -> String {
        var bytes: [UInt8] = []
        appendFixed(x, places: places, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` in decimal, with leading zeros up to `minimumDigits`.
    ///
    /// Up to 8 digits (nearly every number of a table: offsets, counts, string numbers) are
    /// worked out all at once in one register (``digits(below100Million:)``) and appended
    /// with one store: a digit at a time, each appended on its own, cost about 130
    /// instructions a number. That path is inlined where a number is appended, its
    /// `minimumDigits` mostly a constant: as a call of its own, saving and restoring
    /// registers and the zero padding's checks were a third of its 67 instructions.
    @inline(__always)
    private static func appendUnsigned<Sink: ByteSink & ~Copyable>(_ value: UInt64, minimumDigits: Int, to out: inout Sink) {
        if value < 100_000_000, minimumDigits <= 8 {
            let (word, count) = asciiDigits(below100Million: value, minimumDigits: minimumDigits)
            out.append(word: word, count: count)
            return
        }
        appendUnsigned(long: value, minimumDigits: minimumDigits, to: &out)
    }

    /// ``appendUnsigned(_:minimumDigits:to:)`` for a value of more than 8 digits, or more
    /// than 8 digits asked for.
    private static func appendUnsigned<Sink: ByteSink & ~Copyable>(long value: UInt64, minimumDigits: Int, to out: inout Sink) {
        if value < 100_000_000 {
            for _ in 8..<max(minimumDigits, 8) { out.append(UInt8(ascii: "0")) }
            let (word, count) = asciiDigits(below100Million: value, minimumDigits: minimumDigits)
            out.append(word: word, count: count)
            return
        }
        // UInt64.max has 20 digits; minimumDigits is at most 15 on the fast path.
        let capacity = 24
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var start = capacity
            var rest = value
            repeat {
                start -= 1
                buffer[start] = UInt8(truncatingIfNeeded: rest % 10) &+ UInt8(ascii: "0")
                rest /= 10
            } while rest > 0 && start > 0
            while capacity - start < minimumDigits && start > 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "0")
            }
            out.appendBytes(UnsafeBufferPointer(rebasing: buffer[start..<capacity]))
        }
    }

    /// `value` (below 10^8) as ASCII digits in a word, the first in its lowest byte, with
    /// leading zeros up to `minimumDigits`; and how many digits that is (1 to 8).
    @inline(__always)
    static func asciiDigits(below100Million value: UInt64, minimumDigits: Int = 1) -> (word: UInt64, count: Int) {
        let digits = Self.digits(below100Million: value)
        // Leading zeros are the bytes below the first non-zero digit (the first digit is
        // the lowest byte); a zero still has its one digit.
        let significant = max(8 - digits.trailingZeroBitCount / 8, 1)
        let kept = min(max(significant, minimumDigits), 8)
        return ((digits | 0x3030_3030_3030_3030) >> (8 * UInt64(8 - kept)), kept)
    }

    /// The eight decimal digits of `value` (below 10^8, with leading zeros) as the values 0-9
    /// of a word's bytes, the most significant in the lowest byte: the value split into
    /// halves of four digits, each into two pairs, each pair into two digits, every lane at
    /// once (divisions by 10^4, 100 and 10 as multiplications exact in these ranges).
    @inline(__always)
    static func digits(below100Million value: UInt64) -> UInt64 {
        let high = value / 10_000
        // Four-digit halves in 32-bit lanes: the high half first (lowest).
        let halves = high | (value - high * 10_000) << 32
        // v / 100 = (v * 5243) >> 19 for v < 10,000.
        let hundreds = ((halves &* 5243) >> 19) & 0x0000_007F_0000_007F
        let pairs = hundreds | (halves &- hundreds &* 100) << 16
        // v / 10 = (v * 103) >> 10 for v < 100.
        let tens = ((pairs &* 103) >> 10) & 0x000F_000F_000F_000F
        return tens | (pairs &- tens &* 10) << 8
    }

    /// Exact rounding for values the fast path cannot decide: ties, huge magnitudes, many places.
    private static func appendViaPrintf<Sink: ByteSink & ~Copyable>(_ x: Double, places p: Int, point: UInt8, to out: inout Sink) {
        // `%f` never uses exponent notation; a finite Double has at most 309 integer digits.
        let capacity = 320 + p
        var buffer = [CChar](repeating: 0, count: capacity)
        let written = withVaList([Int32(p), x]) { arguments in
            buffer.withUnsafeMutableBufferPointer { pointer in
                vsnprintf(pointer.baseAddress, pointer.count, "%.*f", arguments)
            }
        }
        guard written > 0 else {
            return
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(Int(written))
        var negative = false
        var nonZero = false
        var seenPoint = false
        for character in buffer.prefix(min(Int(written), capacity - 1)) {
            let byte = UInt8(bitPattern: character)
            switch byte {
            case UInt8(ascii: "-"):
                negative = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                nonZero = nonZero || byte != UInt8(ascii: "0")
                digits.append(byte)
            default:
                // The C locale's decimal point; a host that called setlocale may have set ",".
                if !seenPoint {
                    seenPoint = true
                    digits.append(point)
                }
            }
        }
        if negative && nonZero {
            out.append(UInt8(ascii: "-"))
        }
        out.appendBytes(digits)
    }
}
