import Testing
@testable import PolicyCompare

@Suite("ByteProfile")
struct ByteProfileTests {
    @Test("every byte at every place in and around a word is profiled as a byte-by-byte count profiles it")
    func wordAtATimeFindsEveryControl() {
        var mismatches: [String] = []
        for length in [1, 7, 8, 9, 16, 17] {
            for place in 0..<length {
                for byte in 0...255 as ClosedRange<UInt8> {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    bytes[place] = byte
                    let profile = ByteProfile(bytes)
                    let isControl = byte == 0x7F || (byte < 0x20 && byte != 0 && !(0x09...0x0D).contains(byte) && byte != 0x1A)
                    if profile.controls != (isControl ? 1 : 0) || profile.nuls != (byte == 0 ? 1 : 0)
                        || profile.firstControl != (isControl ? place : nil) || profile.firstNul != (byte == 0 ? place : nil) {
                        mismatches.append("\(byte) at \(place) of \(length)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(ByteProfile([]).nuls == 0 && ByteProfile([]).controls == 0)
    }
}
