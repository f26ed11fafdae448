import Foundation
import Testing
import TestSupport
@testable import PolicyCompare

@Suite struct StreamedFileTests {
    /// A small block, so a few kilobytes cross many block boundaries.
    static let blockSize = 4096

    /// Random appends and writes over earlier bytes (in the block being filled, in blocks
    /// already on the disk, and across the two) give the bytes an array given the same
    /// edits holds, with and without direct I/O.
    @Test(arguments: [true, false], [1, 2, 3, 4, 5] as [UInt64])
    func writesWhatAnArrayWouldHold(direct: Bool, seed: UInt64) throws {
        var random = ExportFixtures.SeededRandom(seed: seed)
        let url = Scratch.path("streamed", extension: "bin")
        try FileManager.default.createDirectory(at: Scratch.root, withIntermediateDirectories: true)
        let file = try StreamedFile(url: url, direct: direct, blockSize: Self.blockSize)
        var expected: [UInt8] = []
        for step in 0..<60 {
            if !expected.isEmpty, step % 3 == 2 {
                // Half anywhere, half near the end, where the block being filled starts.
                let length = Int.random(in: 1...min(expected.count, Self.blockSize * 2), using: &random)
                let lowest = Bool.random(using: &random) ? 0 : max(0, expected.count - length - Self.blockSize * 2)
                let offset = Int.random(in: lowest...(expected.count - length), using: &random)
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
                try file.overwrite(at: offset, with: bytes)
                expected.replaceSubrange(offset..<offset + length, with: bytes)
            } else {
                let length = Int.random(in: 0...(Self.blockSize * 3), using: &random)
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
                try file.write(bytes)
                expected += bytes
            }
        }
        try file.close()
        #expect(expected.count > Self.blockSize * 10)
        #expect(try [UInt8](Data(contentsOf: url)) == expected)
    }

    /// While the writer is busy with one block, the next full blocks are written in place
    /// through the page cache (each block after the first), between writes over earlier bytes
    /// and through the sink, and the file holds the same bytes; once the writer is free again,
    /// blocks go to it.
    @Test(arguments: [true, false])
    func writesBlocksInPlaceWhileTheWriterIsBusy(direct: Bool) throws {
        var random = ExportFixtures.SeededRandom(seed: 7)
        let url = Scratch.path("streamed", extension: "bin")
        try FileManager.default.createDirectory(at: Scratch.root, withIntermediateDirectories: true)
        let file = try StreamedFile(url: url, direct: direct, blockSize: Self.blockSize)
        var expected: [UInt8] = []
        func append(_ count: Int) throws {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            try file.write(bytes)
            expected += bytes
        }
        try file.whileWriterIsBusy {
            try append(Self.blockSize * 5 + 100)
            file.withSink { sink in
                for k in 0..<(Self.blockSize * 2) { sink.append(UInt8(truncatingIfNeeded: k)) }
            }
            expected += (0..<(Self.blockSize * 2)).map { UInt8(truncatingIfNeeded: $0) }
        }
        #expect(file.blocksWrittenInPlace == 6, "seven full blocks, the first handed to the writer")
        // Over the end of a block written in place and the start of the next.
        try file.overwrite(at: Self.blockSize * 3 - 2, with: [1, 2, 3, 4])
        expected.replaceSubrange(Self.blockSize * 3 - 2 ..< Self.blockSize * 3 + 2, with: [1, 2, 3, 4])
        try append(Self.blockSize * 4)
        try file.close()
        #expect(try [UInt8](Data(contentsOf: url)) == expected)
    }

    /// Bytes rendered in place through the sink (single bytes, runs, digit words near and
    /// across block ends), between writes and writes over earlier bytes, give the bytes an
    /// array given the same appends holds; the sink counts every byte of the file.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func sinkAppendsWhatAnArrayWould(seed: UInt64) throws {
        var random = ExportFixtures.SeededRandom(seed: seed)
        let url = Scratch.path("streamed", extension: "bin")
        try FileManager.default.createDirectory(at: Scratch.root, withIntermediateDirectories: true)
        let file = try StreamedFile(url: url, blockSize: Self.blockSize)
        var expected: [UInt8] = []
        for step in 0..<40 {
            if step % 4 == 3 {
                let bytes = (0..<Int.random(in: 0...Self.blockSize, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                try file.write(bytes)
                expected += bytes
                let offset = Int.random(in: 0...(expected.count - 1), using: &random)
                try file.overwrite(at: offset, with: [0xAB])
                expected[offset] = 0xAB
                continue
            }
            file.withSink { sink in
                for _ in 0..<Int.random(in: 0...3000, using: &random) {
                    switch Int.random(in: 0...2, using: &random) {
                    case 0:
                        let byte = UInt8.random(in: 0...255, using: &random)
                        sink.append(byte)
                        expected.append(byte)
                    case 1:
                        let bytes = (0..<Int.random(in: 0...(Self.blockSize + 10), using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                        bytes.withUnsafeBufferPointer { sink.appendBytes($0) }
                        expected += bytes
                    default:
                        let word = UInt64.random(in: 0...UInt64.max, using: &random), count = Int.random(in: 0...8, using: &random)
                        sink.append(word: word, count: count)
                        expected.append(word: word, count: count)
                    }
                    #expect(sink.count == expected.count)
                }
            }
        }
        try file.close()
        #expect(expected.count > Self.blockSize * 10)
        #expect(try [UInt8](Data(contentsOf: url)) == expected)
    }

    /// A block the disk refused is reported by the sink's check while it renders.
    @Test func sinkReportsAFullDisk() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let file = try StreamedFile(url: URL(fileURLWithPath: "/dev/full"), direct: false, blockSize: Self.blockSize)
        #expect {
            try file.withSink { sink in
                for _ in 0..<(Self.blockSize * 4) { sink.append(1) }
                // The writer signals a block's end before the next is handed over: the first
                // block's failure is known once the third starts.
                try sink.check()
            }
        } throws: { error in
            guard case OutputError.cannotWrite(let path, let reason) = error else { return false }
            return path == "/dev/full" && reason.contains("No space left")
        }
    }

    /// Writes over the bytes just before, across and just after the start of the block
    /// being filled (at `2 * blockSize` once `2.5` blocks are written).
    @Test(arguments: [(-3, 3), (-3, 2), (-1, 2), (0, 3), (2, 1), (-blockSize - 1, blockSize + 2)])
    func writesOverBytesOnEitherSideOfTheBlockBeingFilled(start: Int, length: Int) throws {
        let url = Scratch.path("streamed", extension: "bin")
        try FileManager.default.createDirectory(at: Scratch.root, withIntermediateDirectories: true)
        var expected = (0..<(Self.blockSize * 5 / 2)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let file = try StreamedFile(url: url, blockSize: Self.blockSize)
        try file.write(expected)
        let patch = Array(repeating: UInt8(0xAB), count: length)
        let offset = Self.blockSize * 2 + start
        try file.overwrite(at: offset, with: patch)
        expected.replaceSubrange(offset..<offset + length, with: patch)
        try file.close()
        #expect(try [UInt8](Data(contentsOf: url)) == expected)
    }

    @Test(arguments: [0, 1, blockSize - 1, blockSize, blockSize + 1, blockSize * 3])
    func writesFilesOfAnyLength(length: Int) throws {
        let url = Scratch.path("streamed", extension: "bin")
        try FileManager.default.createDirectory(at: Scratch.root, withIntermediateDirectories: true)
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let file = try StreamedFile(url: url, blockSize: Self.blockSize)
        try file.write(bytes)
        try file.close()
        #expect(try [UInt8](Data(contentsOf: url)) == bytes)
    }

    /// On Linux, where the scratch folder's file system takes `O_DIRECT` (ext4, xfs, btrfs),
    /// full blocks really go around the page cache.
    @Test func writesBlocksDirectlyWhereTheSystemAllows() throws {
        #if os(Linux)
        let url = Scratch.path("streamed", extension: "bin")
        try FileManager.default.createDirectory(at: Scratch.root, withIntermediateDirectories: true)
        let file = try StreamedFile(url: url, blockSize: Self.blockSize)
        try file.write(Array(repeating: 7, count: Self.blockSize * 2 + 5))
        let direct = file.writesDirectly
        try file.close()
        #expect(try Data(contentsOf: url).count == Self.blockSize * 2 + 5)
        let type = try Self.fileSystemType(of: Scratch.root.path)
        if ["ext4", "xfs", "btrfs"].contains(type) { #expect(direct, "direct I/O was refused on \(type)") }
        #endif
    }

    /// The type of the file system (`ext4`, `tmpfs`, ...) that holds `path`, from `/proc/mounts`.
    static func fileSystemType(of path: String) throws -> String {
        let mounts = try String(contentsOfFile: "/proc/mounts", encoding: .utf8)
        var best = (point: "", type: "")
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 2 else { continue }
            let point = String(fields[1])
            let inside = path == point || path.hasPrefix(point.hasSuffix("/") ? point : point + "/")
            if inside, point.count >= best.point.count { best = (point, String(fields[2])) }
        }
        return best.type
    }

    @Test func namesTheFileItCannotCreate() throws {
        let url = Scratch.path("missing-folder").appendingPathComponent("evidence.csv")
        #expect {
            _ = try StreamedFile(url: url)
        } throws: { error in
            guard case OutputError.cannotWrite(let path, let reason) = error else { return false }
            return path == url.path && reason.contains("No such file")
        }
    }

    /// A full disk (`/dev/full` refuses every write) is reported, at the latest when the file
    /// is closed, with the file's path and the system's reason.
    @Test(arguments: [true, false])
    func reportsAFullDisk(direct: Bool) throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let file = try StreamedFile(url: URL(fileURLWithPath: "/dev/full"), direct: direct, blockSize: Self.blockSize)
        #expect {
            for _ in 0..<4 { try file.write(Array(repeating: 1, count: Self.blockSize)) }
            try file.close()
        } throws: { error in
            guard case OutputError.cannotWrite(let path, let reason) = error else { return false }
            return path == "/dev/full" && reason.contains("No space left")
        }
    }
}

extension StreamedFile {
    /// Appends an array's bytes (the writers hand over their buffers; the tests build arrays).
    fileprivate func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}
