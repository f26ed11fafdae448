import Foundation
import Testing
@testable import PolicyCompare

@Suite("DecimalText")
struct DecimalTextTests {
    private func integer(_ n: Int) -> String {
        var bytes: [UInt8] = []
        DecimalText.appendInteger(n, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("integers are written as Swift writes them, on both sides of the 8-digit fast path and at the extremes")
    func integers() {
        var values: [Int] = [0, 1, 9, 10, 99, 100, 12_345, 99_999_999, 100_000_000, 100_000_001, 1_234_567_890, .max, .min, .min + 1]
        var power = 1
        for _ in 0..<18 {
            values += [power - 1, power, power + 1]
            power *= 10
        }
        for value in values + values.map({ $0 == .min ? 0 : -$0 }) {
            #expect(integer(value) == String(value), "\(value)")
        }
    }

    @Test("fixed decimals keep the fraction's leading zeros, as printf does")
    func fractionPadding() {
        for (value, places) in [(0.0012, 4), (1.05, 2), (3.0001, 4), (12.5, 3), (0.000_000_1, 7), (7.0, 6), (123_456.007, 3), (-0.05, 2)] {
            #expect(DecimalText.fixed(value, places: places) == String(format: "%.*f", places, value), "\(value) \(places)")
        }
    }

    @Test("the eight digits worked out at once are those of the number, leading zeros kept")
    func eightDigits() {
        var values = Array(0..<20_000) + Array(stride(from: 20_000, to: 100_000_000, by: 9_973)) + [99_999_999, 10_000_000, 9_999_999, 10_000, 9_999]
        values += (0..<8).map { Int(pow(10.0, Double($0))) - 1 }
        for value in values {
            let word = DecimalText.digits(below100Million: UInt64(value))
            let digits = (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) + UInt8(ascii: "0") }
            let expected = String(repeating: "0", count: 8 - String(value).count) + String(value)
            #expect(String(decoding: digits, as: UTF8.self) == expected, "\(value)")
        }
    }

    @Test("fractions of many places, padded past eight digits, match printf")
    func longFractions() {
        for places in 0...15 {
            for value in [0.0, 1e-15, 3e-9, 0.012_345_678_9, 2.5e-7, 123.000_000_001, 98_765.432_1] {
                #expect(DecimalText.fixed(value, places: places) == String(format: "%.*f", places, value), "\(value) \(places)")
            }
        }
    }

    private func significant(_ x: Double, digits: Int, point: Character = ".") -> String {
        var bytes: [UInt8] = []
        DecimalText.appendSignificant(x, digits: digits, point: point.asciiValue ?? 0, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("significant digits are printf's %g: exponent form below 0.0001 and from 10^digits, trailing zeros dropped")
    func significantDigits() {
        let cases: [(Double, Int, String)] = [
            (5.397_842e-6, 6, "5.39784e-06"), (0.000_315_892_3, 6, "0.000315892"), (0.003_302_05, 6, "0.00330205"),
            (0.0001, 6, "0.0001"), (0.000_099_999_94, 6, "9.99999e-05"), (0.000_099_999_96, 6, "0.0001"),
            (1, 6, "1"), (0.5, 6, "0.5"), (0, 6, "0"), (-0.0, 6, "0"), (-2.5e-7, 6, "-2.5e-07"), (123_456, 6, "123456"),
            (1_234_567, 6, "1.23457e+06"), (1e-300, 6, "1e-300"), (.leastNonzeroMagnitude, 6, "4.94066e-324"),
            (0.1, 17, "0.10000000000000001"), (0.123, 0, "0.1"), (0.123, 40, "0.123"),
        ]
        for (value, digits, expected) in cases {
            #expect(significant(value, digits: digits) == expected, "\(value) \(digits)")
        }
        #expect(DecimalText.significant(5.397_842e-6, digits: 6) == "5.39784e-06")
        for value in [Double.nan, .infinity, -.infinity] {
            #expect(significant(value, digits: 6).isEmpty)
        }
    }

    @Test("significant digits agree with printf over many magnitudes, and no positive value is written as 0")
    func significantAgreesWithPrintf() {
        var random = ExportFixtures.SeededRandom(seed: 11)
        for _ in 0..<2_000 {
            let value = Double.random(in: 1...10, using: &random) * pow(10, Double(Int.random(in: -320...20, using: &random)))
            let digits = Int.random(in: 1...17, using: &random)
            let text = significant(value, digits: digits)
            #expect(text == String(format: "%.*g", digits, value), "\(value) \(digits)")
            #expect(value == 0 || Double(text).map { $0 > 0 } == true, "\(value) written \(text)")
        }
    }

    @Test("a decimal comma replaces the point, in fixed and significant forms alike; integers have none")
    func decimalComma() {
        var bytes: [UInt8] = []
        DecimalText.appendFixed(1.575, places: 3, point: UInt8(ascii: ","), to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "1,575")
        bytes = []
        // Past the fast path (ties and many places go through printf): the comma still.
        DecimalText.appendFixed(0.125, places: 2, point: UInt8(ascii: ","), to: &bytes)
        DecimalText.appendFixed(1e300, places: 1, point: UInt8(ascii: ","), to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "0,12" + String(format: "%.1f", 1e300).replacingOccurrences(of: ".", with: ","))
        #expect(significant(1.234_567e-8, digits: 3, point: ",") == "1,23e-08")
        #expect(significant(0.003_302_05, digits: 6, point: ",") == "0,00330205")
        #expect(significant(7, digits: 6, point: ",") == "7")
    }

    @Test("a growable buffer and an array take the same digits")
    func sinksAgree() {
        var buffer = GrowableBuffer<UInt8>(capacity: 1)
        var array: [UInt8] = []
        for value in [0, 7, 42, 12_345_678, 100_000_000, -5, 1_000_000_007] {
            DecimalText.appendInteger(value, to: &buffer)
            DecimalText.appendInteger(value, to: &array)
            DecimalText.appendFixed(Double(value) / 7, places: 9, to: &buffer)
            DecimalText.appendFixed(Double(value) / 7, places: 9, to: &array)
        }
        #expect(buffer.array() == array)
    }
}
