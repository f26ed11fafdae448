import Foundation

/// Reads, parses and codes every document of a corpus into ``DocumentAnalysis`` values.
public struct CorpusAnalyzer: Sendable {
    public let reader: DirectiveReader
    public let coder: Coder
    public let stopList: Set<String>
    private let stopKeys: RunTable<UInt8>

    public init(codebook: Codebook) throws(ResourceError) {
        reader = try DirectiveReader()
        coder = Coder(codebook: codebook, abbreviations: try Abbreviations.bundled())
        stopList = try DocumentAnalysis.bundledStopList()
        stopKeys = DocumentTerms.stopKeys(stopList)
    }

    /// The corpus at `corpus` and an analyzer for the codebook at `codebook` (with its likely
    /// mistakes, ``Codebook/warnings``, for the commands to point out), read at once on
    /// two cores: nothing can start before both, and at 10,000 documents the manifest takes
    /// about 0.15 s, the codebook and the analyzer's tables about 0.05 s. A corpus that cannot
    /// be loaded is the error before any codebook's, as when the two are read in turn.
    public static func load(corpus: URL, codebook: URL) throws -> (corpus: Corpus, analyzer: CorpusAnalyzer) {
        let (loaded, prepared) = Parallel.both(
            { Result { () throws(CorpusError) in try Corpus.load(corpus) } },
            { Result { () throws -> CorpusAnalyzer in try CorpusAnalyzer(codebook: try CodebookLoader.load(codebook, warnings: true)) } })
        return (try loaded.get(), try prepared.get())
    }

    /// Analyses one listed document, timing each stage.
    public func analyze(_ document: DocumentMetadata, in corpus: Corpus) throws -> DocumentAnalysis {
        var words = ComposedWords()
        var spellings = TokenSpellings.Cache()
        return try analyze(document, in: corpus, words: &words, spellings: &spellings)
    }

    /// ``analyze(_:in:)`` with the words composed and the spellings made for earlier documents
    /// in `words` and `spellings`.
    ///
    /// Each stage's time runs from the end of the one before (one clock read per stage), and
    /// the file's path is made only for an error message.
    func analyze(_ document: DocumentMetadata, in corpus: Corpus, words: inout ComposedWords,
                 spellings: inout TokenSpellings.Cache) throws -> DocumentAnalysis {
        var timings = StageTimings()
        var clock = StageTimings.now()
        let bytes = try corpus.bytes(of: document)
        clock = timings.lap(.load, since: clock, bytes: bytes.count)
        let decoded: DecodedText
        do {
            decoded = try TextDecoder.decode(bytes, source: "")
        } catch {
            throw error.naming(corpus.path(of: document))
        }
        clock = timings.lap(.decode, since: clock, bytes: bytes.count)
        let text = VietnameseNormalizer.normalize(scalars: decoded.scalars, words: &words)
        clock = timings.lap(.normalise, since: clock, bytes: bytes.count)
        let directive = reader.parser.parse(text, metadata: document, encoding: decoded.encoding.rawValue, notes: decoded.notes,
                                            inferMetadata: false, quotingSegments: false, spellings: &spellings)
        clock = timings.lap(.parse, since: clock, bytes: bytes.count)
        var analysis = DocumentAnalysis(directive, coder: coder, stopKeys: stopKeys, bytes: bytes, source: decoded.source)
        // Without a syllable to code, every rate of the document (and of a year of such
        // documents) would be 0 out of 0, and a baseline of it would make every category "gained".
        guard analysis.coding.syllables > 0 else {
            let hasLetters = text.scalars.contains { $0.properties.isAlphabetic }
            throw DecodingError.noBody(source: corpus.path(of: document), byteCount: bytes.count, hasLetters: hasLetters)
        }
        _ = timings.lap(.code, since: clock, bytes: bytes.count)
        analysis.timings = timings
        return analysis
    }

    /// Analyses every document on all cores; results come back in manifest order. A document
    /// that cannot be read is the error; when several cannot, the error is
    /// ``UnreadableDocuments``, which lists them all, so that one run names every file to fix.
    ///
    /// With `terms`, each document's n-gram counts are added to it by year and the
    /// document's own ``DocumentAnalysis/terms`` is left empty, to save memory.
    public func analyze(_ corpus: Corpus, progress: ProgressCounter? = nil, terms: YearTerms? = nil) throws -> [DocumentAnalysis] {
        var analyses: [DocumentAnalysis] = []
        var failures: [(DocumentMetadata, any Error)] = []
        for (document, result) in zip(corpus.documents, results(corpus, progress: progress, terms: terms)) {
            switch result {
            case .success(let analysis): analyses.append(analysis)
            case .failure(let error): failures.append((document, error))
            }
        }
        if let (_, first) = failures.first {
            guard failures.count > 1 else { throw first }
            throw UnreadableDocuments(first: first, documents: failures.map { Self.skipped($0.0, $0.1, in: corpus) })
        }
        return analyses
    }

    /// `document`, which cannot be read for `error`, as a skipped document.
    private static func skipped(_ document: DocumentMetadata, _ error: any Error, in corpus: Corpus) -> SkippedDocument {
        // Reasons name files relative to the corpus folder, so a report is the same on every machine.
        let root = corpus.root.path.hasSuffix("/") ? corpus.root.path : corpus.root.path + "/"
        let reason = String(describing: error).replacingOccurrences(of: root, with: "")
        return SkippedDocument(documentID: document.id, file: document.file, reason: reason)
    }

    /// Analyses every document it can, in manifest order, and lists those it could not read;
    /// `terms` as in ``analyze(_:progress:terms:)``.
    public func analyzeSkippingInvalid(
        _ corpus: Corpus, progress: ProgressCounter? = nil, terms: YearTerms? = nil
    ) -> (analyses: [DocumentAnalysis], skipped: [SkippedDocument]) {
        var analyses: [DocumentAnalysis] = []
        var skipped: [SkippedDocument] = []
        for (document, result) in zip(corpus.documents, results(corpus, progress: progress, terms: terms)) {
            switch result {
            case .success(let analysis): analyses.append(analysis)
            case .failure(let error): skipped.append(Self.skipped(document, error, in: corpus))
            }
        }
        return (analyses, skipped)
    }

    /// One result per document, computed in parallel, returned in manifest order.
    ///
    /// The documents are read year by year (in manifest order within a year), so that each
    /// core adds one year's n-gram counts after another to its ``YearTerms/Shard``: in manifest
    /// order, a corpus of many years had every core add each document to a different year's
    /// tables of hundreds of thousands of terms, and adding them missed the cache. At 10,000
    /// generated plans over 16 years, that took 8.0% of the run's samples, and 4.1% read year by
    /// year. Nothing else depends on the order: sums do not, and the results are put back in
    /// manifest order.
    ///
    /// Each core takes the next document as it is free, with one ``ComposedWords`` and one
    /// ``TokenSpellings/Cache`` for all the documents it reads and its own ``YearTerms/Shard`` to count their terms into. Each document's source goes to one temporary ``DocumentSpool``
    /// for the run as soon as it is analysed (only export quotes it, a document at a time);
    /// it stays in memory if no spool can be made. The spool's last block is written once
    /// every document is in.
    private func results(_ corpus: Corpus, progress: ProgressCounter?, terms: YearTerms?) -> [Result<DocumentAnalysis, any Error>] {
        let documents = corpus.documents
        let order = documents.indices.sorted { (documents[$0].year, $0) < (documents[$1].year, $1) }
        let spool = DocumentSpool()
        defer { spool?.finishWriting() }
        let computed = Parallel.map(order.count, state: { (words: ComposedWords(), spellings: TokenSpellings.Cache(), terms: terms?.shard()) }) { position, state in
            let index = order[position]
            let result = Result {
                var analysis = try analyze(documents[index], in: corpus, words: &state.words, spellings: &state.spellings)
                if let terms = state.terms {
                    terms.add(analysis.terms, year: analysis.metadata.year)
                    analysis.terms = DocumentTerms()
                }
                if let spool { analysis.spool(to: spool) }
                return analysis
            }
            progress?.documentDone(bytes: (try? result.get())?.bytes ?? 0)
            return (index, result)
        }
        var results = [Result<DocumentAnalysis, any Error>?](repeating: nil, count: documents.count)
        for (index, result) in computed { results[index] = result }
        return results.compactMap { $0 }
    }
}

/// A document left out of a comparison run with `--skip-invalid`, and why.
public struct SkippedDocument: Sendable, Hashable {
    public var documentID: String
    public var file: String
    /// Why, with paths relative to the corpus folder.
    public var reason: String
}

/// Several documents of a corpus cannot be read: every one of them, in manifest order.
public struct UnreadableDocuments: Error, CustomStringConvertible {
    /// The first one's error, as a single unreadable document would have raised it.
    public var first: any Error
    public var documents: [SkippedDocument]

    public var description: String {
        "\(documents.count) listed files cannot be read:\n" + documents.map { "  \($0.documentID) (\($0.file)): \($0.reason)" }.joined(separator: "\n")
    }
}
