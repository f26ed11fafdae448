/// Reads back STORED ZIP archives for the tests, checking each structure it walks.
struct ZipTestReader {
    struct Entry: Equatable {
        var name: String
        var data: [UInt8]
        var flags: UInt16
        var method: UInt16
        var dosTime: UInt16
        var dosDate: UInt16
        var crc: UInt32
        var localHeaderOffset: Int
    }

    enum Failure: Error, CustomStringConvertible {
        case malformed(String)
        var description: String {
            switch self {
            case .malformed(let what): "malformed ZIP: \(what)"
            }
        }
    }

    let entries: [Entry]

    /// The entries in central-directory order, each checked against its local header.
    init(_ bytes: [UInt8]) throws {
        guard bytes.count >= 22 else {
            throw Failure.malformed("shorter than an end record")
        }
        let end = bytes.count - 22
        guard try Self.u32(bytes, end) == 0x0605_4B50 else {
            throw Failure.malformed("no end-of-central-directory record at the end")
        }
        let count = Int(try Self.u16(bytes, end + 10))
        guard Int(try Self.u16(bytes, end + 8)) == count else {
            throw Failure.malformed("entries on this disk differ from total entries")
        }
        let directorySize = Int(try Self.u32(bytes, end + 12))
        let directoryOffset = Int(try Self.u32(bytes, end + 16))
        guard directoryOffset + directorySize == end else {
            throw Failure.malformed("central directory does not end where the end record starts")
        }
        var entries: [Entry] = []
        var position = directoryOffset
        for _ in 0..<count {
            guard try Self.u32(bytes, position) == 0x0201_4B50 else {
                throw Failure.malformed("central header signature missing at \(position)")
            }
            let flags = try Self.u16(bytes, position + 8)
            let method = try Self.u16(bytes, position + 10)
            let time = try Self.u16(bytes, position + 12)
            let date = try Self.u16(bytes, position + 14)
            let crc = try Self.u32(bytes, position + 16)
            let compressed = Int(try Self.u32(bytes, position + 20))
            let size = Int(try Self.u32(bytes, position + 24))
            let nameLength = Int(try Self.u16(bytes, position + 28))
            let extraLength = Int(try Self.u16(bytes, position + 30))
            let commentLength = Int(try Self.u16(bytes, position + 32))
            let offset = Int(try Self.u32(bytes, position + 42))
            let name = try Self.slice(bytes, position + 46, nameLength)
            guard compressed == size else {
                throw Failure.malformed("stored entry with different compressed and uncompressed sizes")
            }
            // Local header: same fields, then name and data.
            guard try Self.u32(bytes, offset) == 0x0403_4B50 else {
                throw Failure.malformed("local header signature missing at \(offset)")
            }
            guard try Self.u16(bytes, offset + 6) == flags, try Self.u16(bytes, offset + 8) == method,
                  try Self.u32(bytes, offset + 14) == crc, Int(try Self.u32(bytes, offset + 22)) == size
            else {
                throw Failure.malformed("local header disagrees with central header")
            }
            let localNameLength = Int(try Self.u16(bytes, offset + 26))
            let localExtraLength = Int(try Self.u16(bytes, offset + 28))
            guard try Self.slice(bytes, offset + 30, localNameLength) == name else {
                throw Failure.malformed("local name differs from central name")
            }
            let data = try Self.slice(bytes, offset + 30 + localNameLength + localExtraLength, size)
            entries.append(Entry(
                name: String(decoding: name, as: UTF8.self), data: data, flags: flags, method: method,
                dosTime: time, dosDate: date, crc: crc, localHeaderOffset: offset
            ))
            position += 46 + nameLength + extraLength + commentLength
        }
        guard position == end else {
            throw Failure.malformed("central directory size does not match its records")
        }
        self.entries = entries
    }

    func data(_ name: String) -> [UInt8]? {
        entries.first { $0.name == name }?.data
    }

    func text(_ name: String) -> String? {
        data(name).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func slice(_ bytes: [UInt8], _ start: Int, _ count: Int) throws -> [UInt8] {
        guard start >= 0, count >= 0, start + count <= bytes.count else {
            throw Failure.malformed("field at \(start) (\(count) bytes) runs past the end")
        }
        return Array(bytes[start..<(start + count)])
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) throws -> UInt16 {
        let field = try slice(bytes, at, 2)
        return field.reversed().reduce(0) { $0 << 8 | UInt16($1) }
    }

    private static func u32(_ bytes: [UInt8], _ at: Int) throws -> UInt32 {
        let field = try slice(bytes, at, 4)
        return field.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
}
