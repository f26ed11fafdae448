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
}
