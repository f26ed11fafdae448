import Testing
@testable import PolicyCompare

@Suite("SpooledArray")
struct SpooledArrayTests {
    private struct Pair: BitwiseCopyable, Sendable, Hashable {
        var a: Int32
        var b: Int32
        var c: UInt8
    }

    @Test("spooled elements read back exactly, and compare and hash as the same array")
    func roundTrip() throws {
        let values = (0..<1_000).map { Pair(a: Int32($0), b: Int32(-$0 * 7), c: UInt8(truncatingIfNeeded: $0)) }
        let memory = SpooledArray(values)
        let spool = try #require(DocumentSpool())
        _ = spool.store([9, 9])  // not at the file's start
        let spooled = memory.spooled(to: spool)
        #expect(spooled.count == 1_000 && spooled.elements == values && spooled.loaded().elements == values)
        #expect(spooled == memory && spooled.hashValue == memory.hashValue)
        #expect(spooled != SpooledArray(Array(values.dropLast())))
        #expect(spooled.readFailure == nil)
    }

    @Test("an empty array is not spooled; a failed read gives no elements and says why")
    func emptyAndFailed() throws {
        let spool = try #require(DocumentSpool())
        #expect(SpooledArray<Pair>([]).spooled(to: spool).elements.isEmpty)
        #expect(spool.store([1]) == 0..<1, "the empty array wrote nothing")
        let spooled = SpooledArray([Pair(a: 1, b: 2, c: 3)]).spooled(to: spool)
        _ = spool.load(1 << 40..<(1 << 40) + 1)
        #expect(spooled.readFailure != nil)
    }
}
