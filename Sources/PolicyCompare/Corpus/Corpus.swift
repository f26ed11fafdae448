import Foundation

/// A corpus folder: `manifest.csv` plus the directive files it lists.
public struct Corpus: Sendable, Hashable {
    public var root: URL
    public var manifest: Manifest

    public var documents: [DocumentMetadata] { manifest.documents }

    /// Loads and validates `root/manifest.csv`; nothing is decoded yet.
    public static func load(_ root: URL) throws(CorpusError) -> Corpus {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .folderMissing(path: root.path)
        }
        let manifestURL = root.appendingPathComponent("manifest.csv")
        guard FileManager.default.fileExists(atPath: manifestURL.path) else {
            throw .manifestMissing(path: manifestURL.path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: manifestURL)
        } catch {
            throw .unreadable(path: manifestURL.path, reason: error.localizedDescription)
        }
        guard let text = String(validating: Array(data), as: UTF8.self) else {
            throw .unreadable(path: manifestURL.path, reason: "it is not UTF-8 text; save it as CSV UTF-8")
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

    /// The raw bytes of a listed document.
    public func bytes(of document: DocumentMetadata) throws(CorpusError) -> [UInt8] {
        let url = root.appendingPathComponent(document.file)
        do {
            // Through the raw buffer: `Array(data)` copies byte by byte through Data's iterator.
            return try Data(contentsOf: url).withUnsafeBytes { [UInt8]($0) }
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
    }
}
