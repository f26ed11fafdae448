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
}
