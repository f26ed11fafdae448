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
