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

    /// Analyses every document on all cores; results come back in manifest order, and the
    /// first document (in manifest order) that cannot be read is the error.
    public func analyze(_ corpus: Corpus) throws -> [DocumentAnalysis] {
        var analyses: [DocumentAnalysis] = []
        for result in results(corpus) {
            analyses.append(try result.get())
        }
        return analyses
    }

    /// Analyses every document it can, in manifest order, and lists those it could not read.
    public func analyzeSkippingInvalid(_ corpus: Corpus) -> (analyses: [DocumentAnalysis], skipped: [SkippedDocument]) {
        var analyses: [DocumentAnalysis] = []
        var skipped: [SkippedDocument] = []
        for (document, result) in zip(corpus.documents, results(corpus)) {
            switch result {
            case .success(let analysis): analyses.append(analysis)
            case .failure(let error): skipped.append(SkippedDocument(documentID: document.id, file: document.file, reason: String(describing: error)))
            }
        }
        return (analyses, skipped)
    }

    /// One result per document, computed in parallel, in manifest order.
    private func results(_ corpus: Corpus) -> [Result<DocumentAnalysis, any Error>] {
        let documents = corpus.documents
        return Parallel.map(documents.count) { index in
            Result { try analyze(documents[index], in: corpus) }
        }
    }
}

/// A document left out of a comparison run with `--skip-invalid`, and why.
public struct SkippedDocument: Sendable, Hashable {
    public var documentID: String
    public var file: String
    public var reason: String
}
