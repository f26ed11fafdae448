/// A corpus folder or its manifest cannot be used as it is.
public enum CorpusError: Error, Sendable, Hashable, CustomStringConvertible {
    case folderMissing(path: String)
    case notAFolder(path: String)
    case notUTF8(path: String)
    case manifestMissing(path: String)
    case unreadable(path: String, reason: String)
    case csv(CSVError)
    case emptyField(file: String, line: Int, column: String)
    case duplicateID(file: String, line: Int, id: String, firstLine: Int)
    case badID(file: String, line: Int, id: String)
    case badYear(file: String, line: Int, value: String)
    case badDate(file: String, line: Int, value: String)
    /// A field holds a control character (`value`, U+0000 to U+001F or U+007F).
    case controlCharacter(file: String, line: Int, column: String, value: UInt8)
    /// `suggestion`: the level the value names in Vietnamese ("tỉnh") or nearly is ("provincal").
    case badLevel(file: String, line: Int, value: String, suggestion: String? = nil)
    case pathEscapes(file: String, line: Int, path: String)
    /// `nearest` is a file beside where the path points whose name nearly is the path's.
    case fileMissing(file: String, line: Int, path: String, nearest: String? = nil)
    case fileIsFolder(file: String, line: Int, path: String)
    /// `kind`: what the path is instead ("a named pipe", "a device").
    case fileNotRegular(file: String, line: Int, path: String, kind: String)
    case backslashPath(file: String, line: Int, path: String)
    case duplicateFile(file: String, line: Int, path: String, firstLine: Int)
    case noDocuments(file: String)
    case unknownDocument(id: String, known: [String])

    public var description: String {
        switch self {
        case .folderMissing(let path):
            "corpus folder \(path) does not exist; pass --corpus with a folder that holds manifest.csv"
        case .notAFolder(let path):
            "\(path) is a file, not a folder; pass --corpus with the folder that holds manifest.csv"
        case .notUTF8(let path):
            "\(path): the file is not UTF-8 text; save it as 'CSV UTF-8' (in Excel: Save As, 'CSV UTF-8 (Comma delimited)')"
        case .manifestMissing(let path):
            "\(path) not found; a corpus folder needs a manifest.csv with columns \(Manifest.requiredColumns.joined(separator: ", "))"
        case .unreadable(let path, let reason):
            "\(path): cannot be read (\(reason)); give the path of a readable file"
        case .csv(let error):
            error.description
        case .emptyField(let file, let line, let column):
            "\(file):\(line): column \(column) is empty; every row needs a value there"
        case .duplicateID(let file, let line, let id, let firstLine):
            "\(file):\(line): document_id '\(id)' is already used on line \(firstLine); give each document its own id"
        case .badID(let file, let line, let id):
            "\(file):\(line): document_id '\(id)' is not usable; use ASCII letters, digits, '-', '_' and '.' only, without spaces (e.g. 2019-kien-giang)"
        case .badYear(let file, let line, let value):
            "\(file):\(line): year '\(value)' is not a 4-digit year from 1900 to 2999; write the year the directive is for, e.g. 2019"
        case .badDate(let file, let line, let value):
            "\(file):\(line): date '\(value)' is not an ISO date of a day that exists; write it as YYYY-MM-DD (e.g. 2019-05-14) or leave it empty"
        case .controlCharacter(let file, let line, let column, let value):
            "\(file):\(line): column '\(column)' holds the control character U+\(String(format: "%04X", value)), which a spreadsheet does not show"
                + (column == "file" ? " and which cuts a path short" : "") + "; type the cell again without it"
        case .badLevel(let file, let line, let value, let suggestion):
            "\(file):\(line): level '\(value)' is unknown; use national, provincial, district or commune"
                + (suggestion.map { ": for '\(value)', write '\($0)'" } ?? "")
        case .pathEscapes(let file, let line, let path):
            "\(file):\(line): file '\(path)' " + (Manifest.hasParentComponent(path) ? "has a '..' part, which the manifest does not allow" : "leads outside the corpus folder")
                + "; give a path relative to the folder that holds manifest.csv, without '..', absolute paths or links pointing outside"
        case .fileMissing(let file, let line, let path, let nearest):
            if let nearest {
                "\(file):\(line): file '\(path)' does not exist in the corpus folder; did you mean '\(nearest)'? Fix the path or add the file"
            } else {
                "\(file):\(line): file '\(path)' does not exist in the corpus folder; fix the path or add the file"
            }
        case .fileIsFolder(let file, let line, let path):
            "\(file):\(line): file '\(path)' is a folder; give the path of the directive's text file in it"
        case .fileNotRegular(let file, let line, let path, let kind):
            "\(file):\(line): file '\(path)' is \(kind), not a regular file; save the directive's text as a file and give its path"
        case .backslashPath(let file, let line, let path):
            "\(file):\(line): file '\(path)' has a '\\'; write paths with '/' between folders (e.g. directives/2019-kien-giang.txt), on Windows too"
        case .duplicateFile(let file, let line, let path, let firstLine):
            "\(file):\(line): file '\(path)' is already listed on line \(firstLine); list each file once"
        case .noDocuments(let file):
            "\(file): the manifest lists no documents; add one row per directive"
        case .unknownDocument(let id, let known):
            if let nearest = UnknownColumn.closest(to: id, among: known) {
                "no document '\(id)' in the corpus; did you mean '\(nearest)'?"
            } else {
                "no document '\(id)' in the corpus; known ids: \(known.prefix(10).joined(separator: ", "))"
                    + (known.count > 10 ? " and \(known.count - 10) more (see manifest.csv)" : "")
            }
        }
    }
}
