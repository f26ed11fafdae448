import Foundation

/// Reads a whole file a researcher named (a manifest, a codebook, a coding file, a directive),
/// with the reason in plain words when it cannot: "it is a folder, not a file", "no such
/// file", or the system's own words, not Foundation's error numbers.
enum FileBytes {
    struct Problem: Error, Sendable, Hashable {
        var reason: String
    }

    static func read(_ url: URL) -> Result<Data, Problem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return .failure(Problem(reason: "no such file"))
        }
        if isDirectory.boolValue { return .failure(Problem(reason: "it is a folder, not a file")) }
        // A named pipe would block the read until something writes to it; a device may never end.
        if let kind = specialKind(atPath: url.path) { return .failure(Problem(reason: "it is \(kind), not a regular file")) }
        do {
            return .success(try Data(contentsOf: url))
        } catch {
            return .failure(Problem(reason: systemReason(error)))
        }
    }

    /// A CSV file's bytes and their text: ``read(_:)``, then UTF-8, which a text that is not
    /// (a spreadsheet's legacy "CSV" export) fails with `notUTF8`. A workbook given for its CSV
    /// export is `unreadable`, saying how to save the CSV.
    static func csvText(_ url: URL) -> Result<(bytes: Data, text: String), CSVTextProblem> {
        switch read(url) {
        case .failure(let problem): return .failure(.unreadable(problem.reason))
        case .success(let bytes) where workbookMagic.contains(where: { bytes.starts(with: $0) }):
            return .failure(.unreadable("it is a spreadsheet workbook (.xlsx, .xls or .ods), not CSV text; save the sheet as CSV: "
                                        + "in Excel Save As > 'CSV UTF-8 (Comma delimited)', in LibreOffice Save As > Text CSV, UTF-8"))
        case .success(let bytes):
            guard let text = String(validating: Array(bytes), as: UTF8.self) else { return .failure(.notUTF8) }
            return .success((bytes, text))
        }
    }

    /// How a ZIP archive (.xlsx, .ods) and an OLE file (.xls) start.
    private static let workbookMagic: [[UInt8]] = [[0x50, 0x4B, 0x03, 0x04], [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]]

    enum CSVTextProblem: Error, Sendable, Hashable {
        case unreadable(String)
        case notUTF8
    }

    /// What the file at `path` is when it exists and is neither a regular file nor a folder
    /// ("a named pipe", "a device", "a socket"), links followed; nil otherwise.
    static func specialKind(atPath path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFIFO: return "a named pipe"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    /// The system's own words for a Foundation file error (`strerror` of its POSIX code),
    /// else Foundation's description.
    static func systemReason(_ error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }
}
