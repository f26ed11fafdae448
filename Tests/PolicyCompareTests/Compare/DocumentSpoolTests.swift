import Foundation
import Testing
@testable import PolicyCompare

@Suite("DocumentSpool")
struct DocumentSpoolTests {
    @Test("bytes stored from many threads at once come back exactly, each at its own place")
    func roundTrip() throws {
        let spool = try #require(DocumentSpool())
        let blobs = (0..<200).map { n in (0..<(n * 37 % 5_000)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ n) } }
        let ranges = Parallel.map(blobs.count) { spool.store(blobs[$0]) }
        #expect(zip(ranges, blobs).allSatisfy { $0.count == $1.count })
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "no gaps, no overlaps")
        for (range, blob) in zip(ranges, blobs) {
            #expect(spool.load(range) == blob)
        }
        #expect(spool.readFailure == nil)
    }

    @Test("the file leaves no trace in its folder, and a folder that cannot hold one gives no spool")
    func noTrace() throws {
        let folder = try Fixtures.temporaryFolder()
        let spool = try #require(DocumentSpool(directory: folder.path))
        _ = spool.store(Array("Tháng hành động vì trẻ em".utf8))
        spool.finishWriting()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(DocumentSpool(directory: folder.appendingPathComponent("missing").path) == nil)
    }

    @Test("a read past the end fails, and the first failure is kept")
    func failedRead() throws {
        let spool = try #require(DocumentSpool())
        let range = spool.store([1, 2, 3])
        #expect(spool.load(range.upperBound..<range.upperBound + 10) == nil)
        let failure = try #require(spool.readFailure)
        #expect(failure.contains("3..<13") && failure.contains("ends early"))
        #expect(spool.load(range) == [1, 2, 3])
        #expect(spool.load(100..<101) == nil)
        #expect(spool.readFailure == failure)
    }

    @Test("values of any width are read back as they were stored; a range of part of a value fails")
    func wideValues() throws {
        let spool = try #require(DocumentSpool())
        _ = spool.store([7])  // not at the file's start
        let values: [UInt32] = [0, 1, 0xDEAD_BEEF, UInt32.max, 65_536]
        let range = spool.store(values.withUnsafeBytes { Array($0) })
        #expect(spool.load(range, as: UInt32.self) == values)
        #expect(spool.load(range.lowerBound..<range.lowerBound, as: UInt32.self) == [])
        #expect(spool.readFailure == nil)
        #expect(spool.load(range.dropLast(), as: UInt32.self) == nil)
        #expect(spool.readFailure?.contains("19 bytes are not whole values of 4 bytes") == true)
    }

    @Test("bytes wait in memory until a block fills, and read back the same before and after they are written", arguments: [1, 7, 4_096])
    func blocks(blockSize: Int) throws {
        let spool = try #require(DocumentSpool(blockSize: blockSize))
        #expect(spool.blockSize == blockSize)
        let blobs = (0..<300).map { n in (0..<(n * 53 % 900)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ n) } }
        let ranges = Parallel.map(blobs.count) { spool.store(blobs[$0]) }
        #expect(zip(ranges, blobs).allSatisfy { spool.load($0) == $1 }, "read where they wait, or from the file")
        spool.finishWriting()
        #expect(zip(ranges, blobs).allSatisfy { spool.load($0) == $1 }, "read from the file")
        #expect(ranges.map(\.upperBound).max() == blobs.reduce(0) { $0 + $1.count }, "no gaps")
        #expect(spool.readFailure == nil)
    }

    @Test("a block the file cannot take stays in memory, and its bytes read back from there")
    func unwritableFile() throws {
        let spool = try #require(DocumentSpool(blockSize: 4))
        let before = spool.store([1, 2, 3, 4, 5])
        // Writes now fail as on a full disk: the spool's file is swapped for one opened for reading.
        let folder = try Fixtures.temporaryFolder()
        let path = folder.appendingPathComponent("read-only").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let readOnly = open(path, O_RDONLY)
        #expect(readOnly >= 0)
        defer { close(readOnly) }
        #expect(dup2(readOnly, spool.descriptor) == spool.descriptor)
        let after = spool.store([6, 7, 8, 9, 10, 11])
        let last = spool.store([12])
        spool.finishWriting()
        #expect(spool.load(after) == [6, 7, 8, 9, 10, 11] && spool.load(last) == [12])
        #expect(spool.readFailure == nil)
        // The block written before the swap is in the first file, no longer the spool's.
        #expect(spool.load(before) == nil && spool.readFailure != nil)
    }
}
