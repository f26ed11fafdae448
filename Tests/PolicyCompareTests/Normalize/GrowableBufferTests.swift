import Testing
@testable import PolicyCompare

@Suite("GrowableBuffer")
struct GrowableBufferTests {
    @Test("any sequence of appends and removals leaves the values an array would hold", arguments: [0, 1, 16, 100] as [Int])
    func behavesAsAnArray(capacity: Int) {
        var random = ExportFixtures.SeededRandom(seed: UInt64(capacity) + 1)
        var buffer = GrowableBuffer<Int32>(capacity: capacity)
        var expected: [Int32] = []
        for step in 0..<5_000 {
            let value = Int32(truncatingIfNeeded: step)
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<5:
                buffer.append(value)
                expected.append(value)
            case 5:
                let run = (0..<Int.random(in: 0...40, using: &random)).map { value &+ Int32($0) }
                run.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
                expected += run
            case 6:
                let times = Int.random(in: -1...40, using: &random)
                buffer.append(value, times: times)
                expected += Array(repeating: value, count: max(0, times))
            case 7:
                let run = (0..<Int.random(in: 0...40, using: &random)).map { value &- Int32($0) }
                buffer.append(count: run.count) { out in
                    for (k, element) in run.enumerated() { (out + k).initialize(to: element) }
                }
                expected += run
            default:
                buffer.removeLast()
                if !expected.isEmpty { expected.removeLast() }
            }
            #expect(buffer.count == expected.count && buffer.last == expected.last && buffer.isEmpty == expected.isEmpty)
        }
        #expect(buffer.array() == expected)
        #expect(expected.count > 1_000, "grew well past every starting capacity")
    }

    @Test("an empty buffer gives an empty array and no last value")
    func empty() {
        var buffer = GrowableBuffer<Unicode.Scalar>(capacity: 0)
        #expect(buffer.array().isEmpty && buffer.last == nil)
        buffer.removeLast()
        [Unicode.Scalar]().withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
        buffer.append(count: 0) { _ in Issue.record("nothing to initialise") }
        #expect(buffer.count == 0)
        buffer.append("ệ")
        #expect(buffer.array() == ["ệ"])
    }
}
