import Foundation

/// Reads, parses and codes every document of a corpus into ``DocumentAnalysis`` values.
public struct CorpusAnalyzer: Sendable {
    public let reader: DirectiveReader
    public let coder: Coder
    public let stopList: Set<String>

    public init(codebook: Codebook) throws(ResourceError) {
        reader = try DirectiveReader()
        coder = Coder(codebook: codebook, abbreviations: try Abbreviations.bundled())
        stopList = try DocumentAnalysis.bundledStopList()
    }

    /// Analyses one listed document.
    public func analyze(_ document: DocumentMetadata, in corpus: Corpus) throws -> DocumentAnalysis {
        let bytes = try corpus.bytes(of: document)
        let path = corpus.root.appendingPathComponent(document.file).path
        let directive = try reader.read(bytes: bytes, source: path, metadata: document, inferMetadata: false)
        return DocumentAnalysis(directive, coder: coder, stopList: stopList, bytes: bytes)
    }

    /// Analyses every document, in manifest order; the first failure stops the run.
    public func analyze(_ corpus: Corpus) throws -> [DocumentAnalysis] {
        try corpus.documents.map { try analyze($0, in: corpus) }
    }

    /// Analyses every document it can, in manifest order, and lists those it could not read.
    public func analyzeSkippingInvalid(_ corpus: Corpus) -> (analyses: [DocumentAnalysis], skipped: [SkippedDocument]) {
        var analyses: [DocumentAnalysis] = []
        var skipped: [SkippedDocument] = []
        for document in corpus.documents {
            do {
                analyses.append(try analyze(document, in: corpus))
            } catch {
                skipped.append(SkippedDocument(documentID: document.id, file: document.file, reason: String(describing: error)))
            }
        }
        return (analyses, skipped)
    }
}

/// A document left out of a comparison run with `--skip-invalid`, and why.
public struct SkippedDocument: Sendable, Hashable {
    public var documentID: String
    public var file: String
    public var reason: String
}
