import Testing
@testable import PolicyCompare

@Suite("GrowableBuffer")
struct GrowableBufferTests {
    @Test("any sequence of appends and clearings leaves the values an array would hold", arguments: [0, 1, 16, 100] as [Int])
    func behavesAsAnArray(capacity: Int) {
        var random = ExportFixtures.SeededRandom(seed: UInt64(capacity) + 1)
        var buffer = GrowableBuffer<Int32>(capacity: capacity)
        var expected: [Int32] = []
        var most = 0
        for step in 0..<5_000 {
            let value = Int32(truncatingIfNeeded: step)
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<60:
                buffer.append(value)
                expected.append(value)
            case 60..<75:
                let run = (0..<Int.random(in: 0...40, using: &random)).map { value &+ Int32($0) }
                run.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
                expected += run
            case 75..<99:
                let times = Int.random(in: -1...40, using: &random)
                buffer.append(value, times: times)
                expected += Array(repeating: value, count: max(0, times))
            default:
                buffer.removeAll()
                expected.removeAll()
            }
            #expect(buffer.count == expected.count && buffer.last == expected.last && buffer.isEmpty == expected.isEmpty)
            most = max(most, expected.count)
        }
        #expect(buffer.array() == expected)
        #expect(most > 1_000, "grew well past every starting capacity")
    }

    @Test("an empty buffer gives an empty array and no last value")
    func empty() {
        var buffer = GrowableBuffer<Unicode.Scalar>(capacity: 0)
        #expect(buffer.array().isEmpty && buffer.last == nil)
        buffer.removeAll()
        [Unicode.Scalar]().withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
        buffer.append("ệ", times: 0)
        #expect(buffer.count == 0)
        buffer.append("ệ")
        #expect(buffer.array() == ["ệ"])
    }
}
