import Foundation

/// A corpus folder: `manifest.csv` plus the directive files it lists.
public struct Corpus: Sendable, Hashable {
    public var root: URL
    public var manifest: Manifest

    public var documents: [DocumentMetadata] { manifest.documents }

    /// Loads and validates `root/manifest.csv`; nothing is decoded yet.
    public static func load(_ root: URL) throws(CorpusError) -> Corpus {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            throw .folderMissing(path: root.path)
        }
        guard isDirectory.boolValue else { throw .notAFolder(path: root.path) }
        let manifestURL = root.appendingPathComponent("manifest.csv")
        guard FileManager.default.fileExists(atPath: manifestURL.path) else {
            throw .manifestMissing(path: manifestURL.path)
        }
        let text: String
        switch FileBytes.csvText(manifestURL) {
        case .success(let file): text = file.text
        case .failure(.unreadable(let reason)): throw .unreadable(path: manifestURL.path, reason: reason)
        case .failure(.notUTF8): throw .notUTF8(path: manifestURL.path)
        }
        let manifest = try Manifest.parse(text, file: manifestURL.path, root: root)
        return Corpus(root: root, manifest: manifest)
    }

    /// The document with this id.
    public func document(_ id: String) throws(CorpusError) -> DocumentMetadata {
        guard let document = documents.first(where: { $0.id == id }) else {
            throw .unknownDocument(id: id, known: documents.map(\.id))
        }
        return document
    }

    /// The path of a listed document's file, as messages name it.
    public func path(of document: DocumentMetadata) -> String {
        root.appendingPathComponent(document.file).path
    }

    /// The raw bytes of a listed document.
    ///
    /// Read with one `open`, `fstat` and `read` into an array of the file's size: through
    /// `Data` and a file URL, reading cost more than decoding. Anything unusual (an empty
    /// file, which may be a special file of unknown size, or a failed call) is read again
    /// through `Data`, which gives the error.
    public func bytes(of document: DocumentMetadata) throws(CorpusError) -> [UInt8] {
        if let bytes = Self.contents(atPath: root.path + "/" + document.file) { return bytes }
        let url = root.appendingPathComponent(document.file)
        if let kind = FileBytes.specialKind(atPath: url.path) {
            throw .unreadable(path: url.path, reason: "it is \(kind), not a regular file")
        }
        do {
            // Through the raw buffer: `Array(data)` copies byte by byte through Data's iterator.
            return try Data(contentsOf: url).withUnsafeBytes { [UInt8]($0) }
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
    }

    /// The bytes of the file at `path` (the same file as the URL's: the kernel reads a doubled
    /// "/" as one); nil when it is empty or a call fails.
    private static func contents(atPath path: String) -> [UInt8]? {
        // Non-blocking, so that a named pipe put in the file's place cannot stop the open.
        let file = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0,
              let size = Int(exactly: status.st_size) else { return nil }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let got = read(file, base + count, size - count)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { return }
                count += got
            }
            complete = true
        }
        return complete ? bytes : nil
    }
}
