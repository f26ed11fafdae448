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

    /// Appends an entry whose data the caller writes itself: returns what ``takeBytes()``
    /// would, ending with the entry's header, to be followed by `data`. The archive is then
    /// the same as with ``add(path:data:)``, without copying a large entry into it.
    ///
    /// - Throws: as ``add(path:data:)``.
    public mutating func takeBytes(addingAfter path: String, data: some Collection<UInt8>) throws(ExportError) -> [UInt8] {
        try takeBytes(addingAfter: path, size: data.count, crc: CRC32.checksum(data))
    }

    /// ``takeBytes(addingAfter:data:)`` for an entry whose data is `parts` one after another,
    /// written by the caller in that order (no copy of them joined is made).
    public mutating func takeBytes(addingAfter path: String, parts: [[UInt8]]) throws(ExportError) -> [UInt8] {
        var crc = CRC32()
        for part in parts { crc.update(part) }
        return try takeBytes(addingAfter: path, size: parts.reduce(0) { $0 + $1.count }, crc: crc.value)
    }

    private mutating func takeBytes(addingAfter path: String, size: Int, crc: UInt32) throws(ExportError) -> [UInt8] {
        try appendHeader(path: path, size: size, crc: crc)
        let bytes = takeBytes()
        taken += size
        return bytes
    }

    /// The local header of an entry of `size` bytes with checksum `crc`, appended to `body`,
    /// and its central directory record.
    private mutating func appendHeader(path: String, size: Int, crc: UInt32) throws(ExportError) {
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
        let offset = taken + body.count
        let limit = Int(UInt32.max)
        guard name.count <= Int(UInt16.max),
              paths.count < Int(UInt16.max),
              size < limit,
              offset + 30 + name.count + size + centralDirectory.count + 46 + name.count + 22 < limit
        else {
            throw ExportError.zipTooLarge(path: path, bytes: size)
        }
        // Local file header (APPNOTE 4.3.7).
        body.appendLE(UInt32(0x0403_4B50))
        appendCommonFields(to: &body, crc: crc, size: size, nameLength: name.count)
        body.appendLE(UInt16(0))  // extra field length
        body.append(contentsOf: name)

        // Central directory file header (APPNOTE 4.3.12).
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

        paths.append(path)
        seen.insert(name)
    }

    /// The archive: local entries, central directory and end-of-central-directory record.
    /// Room for `bytes` of entries, so adding large entries does not copy the archive over
    /// and over as it grows.
    public mutating func reserveCapacity(_ bytes: Int) {
        body.reserveCapacity(bytes)
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
        var out = body
        body = []  // `out` is now the only reference: the directory is appended in place
        let bodySize = taken + out.count
        out.reserveCapacity(bodySize + centralDirectory.count + 22)
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
