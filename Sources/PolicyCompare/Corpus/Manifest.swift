import Foundation

/// The corpus's `manifest.csv`: one validated row of metadata per directive.
public struct Manifest: Sendable, Hashable {
    public static let requiredColumns = ["document_id", "year", "file", "issuer", "level", "kind"]
    public static let optionalColumns = ["title", "date", "number", "source"]
    public static let levels = ["national", "provincial", "district", "commune"]

    /// The level `value` names in Vietnamese, as the reports write the levels ("tỉnh" is
    /// provincial: `level.*` in `Resources/report-strings.tsv`), or nearly is ("provincal"); nil
    /// when neither. Only a hint for the error, so a table that cannot be read gives none.
    static func levelSuggestion(_ value: String) -> String? {
        let wanted = value.trimmingCharacters(in: .whitespaces).lowercased()
        if let level = levels.first(where: { vietnameseLevels?.code("level", $0).lowercased() == wanted }) {
            return level
        }
        return UnknownColumn.closest(to: wanted, among: levels)
    }

    /// The reports' Vietnamese wording, read once, however many rows name a level in Vietnamese.
    private static let vietnameseLevels = try? ReportStrings.bundled(.vi)

    public var documents: [DocumentMetadata]
    /// Columns the manifest has beyond the known ones; they are ignored, and those whose name
    /// nearly is a known column's (``UnknownColumn/suggestion``) deserve a warning.
    public var unknownColumns: [UnknownColumn]

    /// Parses and validates manifest text; `root` is the corpus folder that paths are relative to.
    public static func parse(_ text: String, file: String, root: URL) throws(CorpusError) -> Manifest {
        let table: CSVTable
        do {
            table = try CSVReader(file: file).table(text, required: requiredColumns)
        } catch {
            throw .csv(error)
        }
        let rootPath = realPath(root.path) ?? root.path  // a missing folder holds no file anyway
        let inside = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
        let rootPrefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        // Each column's position, looked up once for all rows.
        let column = Dictionary(uniqueKeysWithValues: (requiredColumns + optionalColumns).map { ($0, table.position(of: $0)) })
        let rows = table.rows
        // Each row is checked on its own on all cores (the file's `lstat` and its path's strings
        // were most of a manifest of ten thousand rows, serial before any document is read);
        // then, in order, against the rows before it, so the first problem in the file is
        // the error whatever the cores did.
        let checked = Parallel.map(Parallel.chunks(rows.count)) { chunk in
            var folders = Folders()
            return chunk.map { check(rows[$0], column: column, rootPrefix: rootPrefix, inside: inside, folders: &folders, file: file) }
        }
        var documents: [DocumentMetadata] = []
        documents.reserveCapacity(rows.count)
        var idLines: [String: Int] = [:]
        var fileLines: [String: Int] = [:]
        for row in checked.joined() {
            if let problem = row.idProblem { throw problem }
            let document = row.document
            if let first = idLines[document.id] {
                throw .duplicateID(file: file, line: row.line, id: document.id, firstLine: first)
            }
            if let problem = row.problem { throw problem }
            if let first = fileLines[row.resolved] {
                throw .duplicateFile(file: file, line: row.line, path: document.file, firstLine: first)
            }
            fileLines[row.resolved] = row.line
            idLines[document.id] = row.line
            documents.append(document)
        }
        if documents.isEmpty {
            throw .noDocuments(file: file)
        }
        return Manifest(documents: documents,
                        unknownColumns: UnknownColumn.find(in: table.columns, known: requiredColumns + optionalColumns, file: file))
    }

    /// A row checked on its own: its document, its file's real path, and its first problem
    /// before the test of its id against the rows before (`idProblem`) or after it (`problem`).
    private struct CheckedRow: Sendable {
        var line: Int
        var document: DocumentMetadata
        var resolved = ""
        var idProblem: CorpusError?
        var problem: CorpusError?
    }

    /// Checks one row: what the loop of ``parse(_:file:root:)`` tests in turn, but the tests
    /// against other rows.
    private static func check(_ row: CSVTable.Row, column: [String: Int?], rootPrefix: String, inside: String,
                              folders: inout Folders, file: String) -> CheckedRow {
        func value(_ name: String) -> String { row[position: column[name] ?? nil] }
        let id = value("document_id"), yearText = value("year"), levelText = value("level"), date = value("date"), path = value("file")
        var checked = CheckedRow(line: row.line, document: DocumentMetadata(
            id: id, year: 0, file: path, issuer: value("issuer"), level: levelText.lowercased(), kind: value("kind"),
            title: value("title"), date: date, number: value("number"), source: value("source")))
        if let name = requiredColumns.first(where: { value($0).isEmpty }) {
            checked.idProblem = .emptyField(file: file, line: row.line, column: name)
        } else if !id.utf8.allSatisfy(isIDByte) {
            checked.idProblem = .badID(file: file, line: row.line, id: id)
        }
        guard checked.idProblem == nil else { return checked }
        for name in requiredColumns + optionalColumns {
            // A path holds no control character; a text may hold the line breaks and tabs of a
            // spreadsheet cell, nothing else: a NUL cut the path short and went into the reports.
            let isPath = name == "file"
            if let byte = value(name).utf8.first(where: { ($0 < 0x20 || $0 == 0x7F) && (isPath || ($0 != 0x09 && $0 != 0x0A && $0 != 0x0D)) }) {
                checked.problem = .controlCharacter(file: file, line: row.line, column: name, value: byte)
                return checked
            }
        }
        guard yearText.utf8.count == 4, yearText.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let year = Int(yearText), year >= 1900, year <= 2999 else {
            checked.problem = .badYear(file: file, line: row.line, value: yearText)
            return checked
        }
        checked.document.year = year
        guard levels.contains(checked.document.level) else {
            checked.problem = .badLevel(file: file, line: row.line, value: levelText, suggestion: levelSuggestion(levelText))
            return checked
        }
        if !date.isEmpty && !ISODate.isValid(date) {
            checked.problem = .badDate(file: file, line: row.line, value: date)
            return checked
        }
        do {
            checked.resolved = try resolve(path, rootPrefix: rootPrefix, inside: inside, folders: &folders, file: file, line: row.line)
        } catch {
            checked.problem = error
            // A name typed composed ("ế") whose file on disk is named decomposed ("e" + marks),
            // as a Mac's copy may name it, or the other way round: the same name to a reader,
            // other bytes to the file system. The file is read by the spelling the disk has.
            guard case .fileMissing = error else { return checked }
            for spelling in [path.precomposedStringWithCanonicalMapping, path.decomposedStringWithCanonicalMapping]
            where spelling.utf8.count != path.utf8.count || !spelling.utf8.elementsEqual(path.utf8) {
                guard let resolved = try? resolve(spelling, rootPrefix: rootPrefix, inside: inside, folders: &folders, file: file, line: row.line)
                else { continue }
                (checked.resolved, checked.document.file, checked.problem) = (resolved, spelling, nil)
                break
            }
        }
        return checked
    }

    /// Whether `byte` may be in a document id: an ASCII letter or digit, `-`, `_` or `.`.
    private static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            true
        default:
            false
        }
    }

    /// Whether a component of the `/`-separated `path` is `..`.
    static func hasParentComponent(_ path: String) -> Bool {
        var dots = 0  // dots since the last slash; -1 once anything else came
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if dots == 2 { return true }
                dots = 0
            } else if byte == UInt8(ascii: "."), dots >= 0 {
                dots += 1
            } else {
                dots = -1
            }
        }
        return dots == 2
    }

    /// Real paths of the folders that manifest paths name, by their path relative to the
    /// corpus folder (nil for one that does not exist): a corpus keeps its files in a few
    /// folders, each resolved once.
    private typealias Folders = [Substring: String?]

    /// The path of a file in the folder `path` points into whose name nearly is its name
    /// (`2021-dong_hai.txt` for `2021-dong-hai.txt`, by ``UnknownColumn/closest(to:among:)``), or nil.
    private static func nearestFile(to path: String, rootPrefix: String) -> String? {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: rootPrefix + folder),
              let nearest = UnknownColumn.closest(to: name, among: names.filter { !$0.hasPrefix(".") }.sorted()) else { return nil }
        return folder.isEmpty ? nearest : folder + "/" + nearest
    }

    /// Resolves a manifest path inside the corpus folder (`rootPrefix` is the folder's path and
    /// `inside` its real path, each with a trailing slash), refusing anything that leaves it, symbolic links included.
    ///
    /// The file's folder is resolved once for all the files in it (`folders`); a file that is
    /// itself no symbolic link then has its folder's real path and its own name, which one
    /// `lstat` tells. `realpath` on every file read each folder on its path again (six system
    /// calls a document in the benchmark's corpus). Anything else, a link among them, is
    /// resolved whole.
    private static func resolve(_ path: String, rootPrefix: String, inside: String, folders: inout Folders,
                                file: String, line: Int) throws(CorpusError) -> String {
        if path.utf8.contains(UInt8(ascii: "\\")) {
            throw .backslashPath(file: file, line: line, path: path)
        }
        if path.hasPrefix("/") || path.hasPrefix("~") || hasParentComponent(path) {
            throw .pathEscapes(file: file, line: line, path: path)
        }
        let resolved: String
        if let plain = plainFile(path, rootPrefix: rootPrefix, folders: &folders) {
            resolved = plain
        } else {
            var isDirectory: ObjCBool = false
            guard let real = realPath(rootPrefix + path), FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory) else {
                throw .fileMissing(file: file, line: line, path: path, nearest: nearestFile(to: path, rootPrefix: rootPrefix))
            }
            if isDirectory.boolValue { throw .fileIsFolder(file: file, line: line, path: path) }
            if let kind = FileBytes.specialKind(atPath: real) { throw .fileNotRegular(file: file, line: line, path: path, kind: kind) }
            resolved = real
        }
        guard resolved.hasPrefix(inside) else {
            throw .pathEscapes(file: file, line: line, path: path)
        }
        return resolved
    }

    /// The real path of the regular file (not a symbolic link) at `path` in the corpus folder,
    /// from its folder's real path; nil when it is anything else or its folder does not exist.
    private static func plainFile(_ path: String, rootPrefix: String, folders: inout Folders) -> String? {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { path[..<$0] } ?? ""
        let name = slash.map { path[path.index(after: $0)...] } ?? path[...]
        guard !name.isEmpty, name != "." else { return nil }
        let real: String?
        if let known = folders[folder] {
            real = known
        } else {
            real = realPath(rootPrefix + folder)
            folders[folder] = .some(real)
        }
        guard let real else { return nil }
        let candidate = (real.hasSuffix("/") ? real : real + "/") + name
        var info = stat()
        guard lstat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return candidate
    }

    /// The absolute path of an existing file or folder with every symbolic link, "." and ".."
    /// resolved (POSIX `realpath`: one call where `URL`'s resolution took a hundred
    /// microseconds a row, a second on a manifest of ten thousand), or nil if it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
