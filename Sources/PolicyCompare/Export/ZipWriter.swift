/// Builds a ZIP archive of STORED (uncompressed) entries, byte for byte deterministic.
///
/// Foundation on Linux has no deflate; Excel, LibreOffice, openpyxl, `unzip` and Python's
/// `zipfile` all accept method 0. Every entry gets the fixed DOS time 1980-01-01 00:00 and the
/// UTF-8 name flag (bit 11), so the same entries always give the same bytes.
///
///     var zip = ZipWriter()
///     try zip.add(path: "[Content_Types].xml", data: contentTypes)
///     let archive = zip.finish()
///
/// No ZIP64: entries and the archive stay below 4 GiB, at most 65,535 entries.
public struct ZipWriter: Sendable, Hashable {
    /// Paths in the order they were added.
    public private(set) var paths: [String] = []

    private var body: [UInt8] = []
    /// Bytes of the archive already handed out by ``takeBytes()``.
    private var taken = 0
    private var centralDirectory: [UInt8] = []
    private var seen: Set<[UInt8]> = []

    public init() {}

    /// Appends one entry; entries keep the order they are added in.
    ///
    /// - Throws: ``ExportError/invalidZipPath(_:)`` for an empty or absolute path, a `..`
    ///   component, a backslash or NUL; ``ExportError/duplicateZipPath(_:)``;
    ///   ``ExportError/zipTooLarge(path:bytes:)`` when ZIP64 would be needed.
    public mutating func add(path: String, data: some Collection<UInt8>) throws(ExportError) {
        try appendHeader(path: path, size: data.count, crc: CRC32.checksum(data))
        body.append(contentsOf: data)
    }

    /// Starts an entry whose data the caller writes itself, of a size and checksum not known
    /// yet: returns what ``takeBytes()`` would, ending with the entry's local header, to be
    /// followed by the data. ``endEntry(size:crc:)`` then says which header bytes to write
    /// over; with them written, the archive is the same as with ``add(path:data:)``, and no
    /// entry is ever whole in memory.
    ///
    /// - Throws: ``ExportError/invalidZipPath(_:)``, ``ExportError/duplicateZipPath(_:)``.
    public mutating func beginEntry(path: String) throws(ExportError) -> [UInt8] {
        precondition(open == nil, "ZipWriter: beginEntry while an entry is open")
        let name = try checkedName(path)
        let offset = taken + body.count
        try checkSize(path: path, name: name, offset: offset, size: 0)
        record(path, name: name)
        open = OpenEntry(path: path, name: name, offset: offset)
        appendLocalHeader(name: name, crc: 0, size: 0)
        return takeBytes()
    }

    /// Ends the entry begun last, after the caller wrote its `size` bytes with checksum `crc`:
    /// the bytes to write over its local header, at `offset` from the archive's start.
    ///
    /// - Throws: ``ExportError/zipTooLarge(path:bytes:)`` when ZIP64 would be needed.
    public mutating func endEntry(size: Int, crc: UInt32) throws(ExportError) -> (offset: Int, bytes: [UInt8]) {
        guard let entry = open else {
            preconditionFailure("ZipWriter: endEntry without beginEntry")
        }
        open = nil
        try checkSize(path: entry.path, name: entry.name, offset: entry.offset, size: size, counted: true)
        taken += size
        appendCentralRecord(name: entry.name, offset: entry.offset, crc: crc, size: size)
        var fields: [UInt8] = []
        fields.appendLE(crc)
        fields.appendLE(UInt32(truncatingIfNeeded: size))  // compressed size
        fields.appendLE(UInt32(truncatingIfNeeded: size))  // uncompressed size
        return (entry.offset + Self.checksumOffset, fields)
    }

    /// An entry begun with ``beginEntry(path:)`` and not yet ended.
    private struct OpenEntry: Sendable, Hashable {
        var path: String
        var name: [UInt8]
        var offset: Int
    }

    private var open: OpenEntry?

    /// Offset of the checksum in a local header; the two sizes follow it.
    private static let checksumOffset = 14

    /// Checks and records an entry's local header and central directory record.
    private mutating func appendHeader(path: String, size: Int, crc: UInt32) throws(ExportError) {
        precondition(open == nil, "ZipWriter: add while an entry is open")
        let name = try checkedName(path)
        let offset = taken + body.count
        try checkSize(path: path, name: name, offset: offset, size: size)
        record(path, name: name)
        appendLocalHeader(name: name, crc: crc, size: size)
        appendCentralRecord(name: name, offset: offset, crc: crc, size: size)
    }

    /// The UTF-8 name of a new entry, checked.
    private func checkedName(_ path: String) throws(ExportError) -> [UInt8] {
        let name = Array(path.utf8)
        guard !name.isEmpty,
              name.first != UInt8(ascii: "/"),
              !name.contains(UInt8(ascii: "\\")),
              !name.contains(0),
              !path.split(separator: "/", omittingEmptySubsequences: false).contains("..")
        else {
            throw ExportError.invalidZipPath(path)
        }
        guard !seen.contains(name) else {
            throw ExportError.duplicateZipPath(path)
        }
        return name
    }

    private mutating func record(_ path: String, name: [UInt8]) {
        paths.append(path)
        seen.insert(name)
    }

    /// Throws when an entry of `size` bytes at `offset` would need ZIP64 (`counted`: the entry
    /// is among ``paths`` already).
    private func checkSize(path: String, name: [UInt8], offset: Int, size: Int, counted: Bool = false) throws(ExportError) {
        let limit = Int(UInt32.max)
        guard name.count <= Int(UInt16.max),
              paths.count - (counted ? 1 : 0) < Int(UInt16.max),
              size < limit,
              offset + 30 + name.count + size + centralDirectory.count + 46 + name.count + 22 < limit
        else {
            throw ExportError.zipTooLarge(path: path, bytes: size)
        }
    }

    /// Local file header (APPNOTE 4.3.7).
    private mutating func appendLocalHeader(name: [UInt8], crc: UInt32, size: Int) {
        body.appendLE(UInt32(0x0403_4B50))
        appendCommonFields(to: &body, crc: crc, size: size, nameLength: name.count)
        body.appendLE(UInt16(0))  // extra field length
        body.append(contentsOf: name)
    }

    /// Central directory file header (APPNOTE 4.3.12).
    private mutating func appendCentralRecord(name: [UInt8], offset: Int, crc: UInt32, size: Int) {
        centralDirectory.appendLE(UInt32(0x0201_4B50))
        centralDirectory.appendLE(Self.version)  // version made by: MS-DOS, 2.0
        appendCommonFields(to: &centralDirectory, crc: crc, size: size, nameLength: name.count)
        centralDirectory.appendLE(UInt16(0))  // extra field length
        centralDirectory.appendLE(UInt16(0))  // comment length
        centralDirectory.appendLE(UInt16(0))  // disk number start
        centralDirectory.appendLE(UInt16(0))  // internal attributes
        centralDirectory.appendLE(UInt32(0))  // external attributes
        centralDirectory.appendLE(UInt32(truncatingIfNeeded: offset))
        centralDirectory.append(contentsOf: name)
    }

    /// The bytes of the archive added since the last call, to stream to a file as entries
    /// are added; ``finish()`` then returns only the rest.
    public mutating func takeBytes() -> [UInt8] {
        let bytes = body
        body = []
        taken += bytes.count
        return bytes
    }

    /// The rest of the archive: what ``takeBytes()`` has not handed out, then the central
    /// directory.
    public consuming func finish() -> [UInt8] {
        precondition(open == nil, "ZipWriter: finish while an entry is open")
        var out = body
        body = []  // `out` is now the only reference: the directory is appended in place
        let bodySize = taken + out.count
        out.reserveCapacity(out.count + centralDirectory.count + 22)
        out.append(contentsOf: centralDirectory)
        // End of central directory record (APPNOTE 4.3.16).
        out.appendLE(UInt32(0x0605_4B50))
        out.appendLE(UInt16(0))  // this disk
        out.appendLE(UInt16(0))  // disk with the central directory
        out.appendLE(UInt16(truncatingIfNeeded: paths.count))
        out.appendLE(UInt16(truncatingIfNeeded: paths.count))
        out.appendLE(UInt32(truncatingIfNeeded: centralDirectory.count))
        out.appendLE(UInt32(truncatingIfNeeded: bodySize))
        out.appendLE(UInt16(0))  // comment length
        return out
    }

    /// Version needed to extract 2.0, flags with bit 11 (UTF-8 names), STORED, fixed DOS time,
    /// CRC, sizes and name length: the run shared by local and central headers.
    private func appendCommonFields(to out: inout [UInt8], crc: UInt32, size: Int, nameLength: Int) {
        out.appendLE(Self.version)
        out.appendLE(UInt16(0x0800))  // general purpose flags: bit 11, names are UTF-8
        out.appendLE(UInt16(0))  // compression method 0: stored
        out.appendLE(Self.dosTime)
        out.appendLE(Self.dosDate)
        out.appendLE(crc)
        out.appendLE(UInt32(truncatingIfNeeded: size))  // compressed size
        out.appendLE(UInt32(truncatingIfNeeded: size))  // uncompressed size
        out.appendLE(UInt16(truncatingIfNeeded: nameLength))
    }

    private static let version: UInt16 = 20
    /// 00:00:00.
    private static let dosTime: UInt16 = 0
    /// 1980-01-01: (year - 1980) << 9 | month << 5 | day.
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
}

extension [UInt8] {
    /// Appends an integer in little-endian byte order, as ZIP stores every field.
    fileprivate mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
        var rest = value.littleEndian
        Swift.withUnsafeBytes(of: &rest) { append(contentsOf: $0) }
    }
}
