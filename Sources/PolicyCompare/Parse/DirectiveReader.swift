import Foundation

/// Reads directives from bytes: decode, normalise once, parse.
public struct DirectiveReader: Sendable {
    public let parser: DirectiveParser

    public init() throws(ResourceError) {
        parser = try DirectiveParser()
    }

    /// Reads a document listed in a corpus manifest.
    public func read(_ document: DocumentMetadata, in corpus: Corpus) throws -> Directive {
        let path = corpus.root.appendingPathComponent(document.file).path
        return try read(bytes: corpus.bytes(of: document), source: path, metadata: document, inferMetadata: false)
    }

    /// Reads a file outside any manifest; its year and issuer are inferred from the text.
    public func read(file url: URL) throws -> Directive {
        let bytes: [UInt8]
        switch FileBytes.read(url) {
        case .success(let data): bytes = Array(data)
        case .failure(let problem): throw CorpusError.unreadable(path: url.path, reason: problem.reason)
        }
        let id = url.deletingPathExtension().lastPathComponent
        let metadata = DocumentMetadata(id: id, year: 0, file: url.path, issuer: "", level: "", kind: "")
        return try read(bytes: bytes, source: url.path, metadata: metadata, inferMetadata: true)
    }

    /// Decodes and parses bytes; `source` names the file in errors.
    public func read(bytes: [UInt8], source: String, metadata: DocumentMetadata, inferMetadata: Bool) throws -> Directive {
        let decoded = try TextDecoder.decode(bytes, source: source)
        let text = VietnameseNormalizer.normalize(scalars: decoded.scalars)
        return parser.parse(text, metadata: metadata, encoding: decoded.encoding.rawValue, notes: decoded.notes, inferMetadata: inferMetadata)
    }
}
