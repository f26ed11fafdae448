import Foundation
import Testing
@testable import PolicyCompare

@Suite("CRC32")
struct CRC32Tests {
    @Test("known check values", arguments: [
        ("", UInt32(0)),
        ("123456789", UInt32(0xCBF4_3926)),
        ("a", UInt32(0xE8B7_BE43)),
        ("The quick brown fox jumps over the lazy dog", UInt32(0x414F_A339)),
    ])
    func knownValues(text: String, expected: UInt32) {
        #expect(CRC32.checksum(Array(text.utf8)) == expected)
        #expect(CRC32.checksum(text.utf8) == expected)  // non-contiguous path
    }

    @Test("slicing-by-16 agrees with the bitwise definition, fed whole or in pieces")
    func matchesBitwise() {
        var random = ExportFixtures.SeededRandom(seed: 7)
        let bytes = (0..<4_099).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        var reference: UInt32 = 0xFFFF_FFFF
        for (count, byte) in bytes.enumerated() {
            // Every length up to three blocks of sixteen, each tail length among them.
            if count <= 48 {
                #expect(CRC32.checksum(bytes[..<count]) == ~reference, "\(count) bytes")
            }
            reference ^= UInt32(byte)
            for _ in 0..<8 {
                reference = reference & 1 == 1 ? (reference >> 1) ^ 0xEDB8_8320 : reference >> 1
            }
        }
        #expect(CRC32.checksum(bytes) == ~reference)
        var pieces = CRC32()
        pieces.update(bytes[0..<3])
        pieces.update(bytes[3..<1_000])
        pieces.update(bytes[1_000...])
        #expect(pieces.value == ~reference)
    }
}

@Suite("ZipWriter")
struct ZipWriterTests {
    private static let entries: [(String, [UInt8])] = [
        ("[Content_Types].xml", Array("<Types/>".utf8)),
        ("dir/empty.txt", []),
        ("dữ liệu/bảng.csv", Array("a,b\r\n1,2\r\n".utf8)),
    ]

    private func archive() throws -> [UInt8] {
        var zip = ZipWriter()
        for (path, data) in Self.entries {
            try zip.add(path: path, data: data)
        }
        return zip.finish()
    }

    @Test("bytes taken while adding, then the finish, are exactly the archive built whole")
    func streamed() throws {
        var zip = ZipWriter()
        var streamed: [UInt8] = zip.takeBytes()
        for (path, data) in Self.entries {
            try zip.add(path: path, data: data)
            streamed += zip.takeBytes()
        }
        streamed += zip.finish()
        #expect(streamed == (try archive()))
        #expect(try ZipTestReader(streamed).text("dữ liệu/bảng.csv") == "a,b\r\n1,2\r\n")
    }

    @Test("entries streamed by the caller, their headers written over at the end, give the same archive", arguments: [0, 1, 2, 3])
    func streamedEntries(copiedEvery: Int) throws {
        var zip = ZipWriter()
        var streamed: [UInt8] = []
        for (number, (path, data)) in Self.entries.enumerated() {
            if copiedEvery > 0, number % copiedEvery == 0 {
                try zip.add(path: path, data: data)  // mixed with copied entries, some not yet taken
                continue
            }
            streamed += try zip.beginEntry(path: path)
            let headerStart = streamed.count - 30 - path.utf8.count
            #expect(Array(streamed[headerStart..<headerStart + 4]) == [0x50, 0x4B, 0x03, 0x04])
            #expect(streamed[headerStart + 14..<headerStart + 26].allSatisfy { $0 == 0 }, "checksum and sizes not known yet")
            // In pieces, split unevenly (the first may be empty).
            var crc = CRC32()
            let cut = data.count / 3
            for piece in [data.prefix(cut), data.dropFirst(cut).prefix(1), data.dropFirst(cut + 1)] {
                crc.update(piece)
                streamed += piece
            }
            let header = try zip.endEntry(size: data.count, crc: crc.value)
            #expect(header.offset == headerStart + 14)
            streamed.replaceSubrange(header.offset..<header.offset + header.bytes.count, with: header.bytes)
        }
        streamed += zip.finish()
        #expect(streamed == (try archive()))
        #expect(try ZipTestReader(streamed).text("dữ liệu/bảng.csv") == "a,b\r\n1,2\r\n")
    }

    @Test("a streamed entry's path is checked when it begins, its size when it ends")
    func streamedEntryChecks() throws {
        var zip = ZipWriter()
        _ = try zip.beginEntry(path: "a")
        _ = try zip.endEntry(size: 1, crc: CRC32.checksum([1]))
        #expect(throws: ExportError.duplicateZipPath("a")) { _ = try zip.beginEntry(path: "a") }
        #expect(throws: ExportError.invalidZipPath("../b")) { _ = try zip.beginEntry(path: "../b") }
        _ = try zip.beginEntry(path: "big")
        let tooLarge = Int(UInt32.max)
        #expect(throws: ExportError.zipTooLarge(path: "big", bytes: tooLarge)) { _ = try zip.endEntry(size: tooLarge, crc: 0) }
    }

    @Test("local headers, central directory and end record parse back to the same entries in order")
    func roundTrip() throws {
        let bytes = try archive()
        let reader = try ZipTestReader(bytes)
        #expect(reader.entries.map(\.name) == Self.entries.map(\.0))
        for (entry, (_, data)) in zip(reader.entries, Self.entries) {
            #expect(entry.data == data)
            #expect(entry.method == 0)  // STORED
            #expect(entry.flags == 0x0800)  // UTF-8 names
            #expect(entry.dosDate == 0x0021)  // 1980-01-01
            #expect(entry.dosTime == 0)  // 00:00
            #expect(entry.crc == CRC32.checksum(data))
        }
        #expect(reader.entries.first?.localHeaderOffset == 0)
        #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
    }

    @Test("the same entries always give the same bytes")
    func deterministic() throws {
        #expect(try archive() == archive())
    }

    @Test("an empty archive is just an end record")
    func empty() throws {
        let bytes = ZipWriter().finish()
        #expect(bytes == [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
        #expect(try ZipTestReader(bytes).entries.isEmpty)
    }

    @Test("bad and repeated paths are rejected", arguments: ["", "/abs", "../up", "a/../b", "win\\path", "nul\u{0}"])
    func invalidPaths(path: String) {
        var zip = ZipWriter()
        #expect(throws: ExportError.invalidZipPath(path)) {
            try zip.add(path: path, data: [1])
        }
    }

    @Test("a repeated path is rejected")
    func duplicate() throws {
        var zip = ZipWriter()
        try zip.add(path: "a.txt", data: [1])
        #expect(throws: ExportError.duplicateZipPath("a.txt")) {
            try zip.add(path: "a.txt", data: [2])
        }
        #expect(zip.paths == ["a.txt"])
    }

    @Test("unzip -t and python3 -m zipfile -t accept the archive (when installed)")
    func externalTools() throws {
        let folder = ExportFixtures.temporaryFolder("zip")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("test.zip")
        try Data(archive()).write(to: file)
        if let unzip = ExportFixtures.executable(named: "unzip") {
            let result = try ExportFixtures.run(unzip, ["-t", file.path])
            #expect(result.status == 0, "\(result.output)")
            #expect(result.output.contains("No errors detected"))
        }
        if let python = ExportFixtures.executable(named: "python3") {
            let result = try ExportFixtures.run(python, ["-m", "zipfile", "-t", file.path])
            #expect(result.status == 0, "\(result.output)")
        }
    }
}
