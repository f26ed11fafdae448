import Foundation

/// Everything the comparison needs from one directive, so the directive itself (its
/// normalised text and token arrays) can be released as soon as it is analysed.
public struct DocumentAnalysis: Sendable {
    public var metadata: DocumentMetadata
    /// FNV-1a 64 of the file's bytes (hex).
    public var fingerprint: String
    public var bytes: Int
    public var encoding: String
    public var notes: [String]
    public var segments: Int
    public var theme: Statement?
    public var period: Period?
    public var slogans: [Statement]
    public var references: [LegalReference]
    /// The agencies named in the body, in reading order, their words quoted from the source.
    public var actors: [ActorMention] {
        actorMentions.mentions(quotingFrom: source.loaded())
    }
    /// The same mentions kept compactly, for the tables and the report.
    let actorMentions: DocumentActors
    /// The deadlines the body sets, their sentences quoted from the source.
    public var deadlines: [Deadline] {
        let source = source.loaded()
        return deadlinesWithoutQuotes.map { deadline in
            var deadline = deadline
            deadline.quote = source.quote(deadline.sourceRange)
            return deadline
        }
    }
    /// The same deadlines with empty quotes: each is the source at its `sourceRange`, and
    /// nothing but ``deadlines`` reads them (at 10,000 generated plans they held 18 MB).
    private let deadlinesWithoutQuotes: [Deadline]
    public var coding: DocumentCoding
    /// The syllables of the coded text, whose n-grams keyness counts (empty when the analyzer
    /// added them to a ``YearTerms``).
    public var terms: DocumentTerms
    /// The tokens of the coded text in reading order, for text reuse.
    var reuseTokens: ReuseTokens
    /// The decoded source text, for quoting reused passages.
    public var source: SourceText
    /// Time this document spent in each stage.
    public var timings = StageTimings()

    /// Analyses a parsed directive: codes it and extracts what the comparison compares.
    public init(_ directive: Directive, coder: Coder, stopList: Set<String>, bytes: [UInt8]) {
        self.init(directive, coder: coder, stopKeys: DocumentTerms.stopKeys(stopList), bytes: bytes)
    }

    /// `decodedSource`, when given, is `directive.text.original` as the decoder kept it (the
    /// file's bytes, when they decoded as UTF-8 with nothing changed), used instead of encoding
    /// the text again.
    init(_ directive: Directive, coder: Coder, stopKeys: RunTable<UInt8>, bytes: [UInt8], source decodedSource: SourceText? = nil) {
        metadata = directive.metadata
        fingerprint = StableHash.hex(StableHash.fnv1a(bytes: bytes))
        self.bytes = bytes.count
        encoding = directive.encoding
        notes = directive.notes
        segments = directive.segments.count
        theme = directive.theme
        period = directive.period
        slogans = directive.slogans
        references = directive.references
        actorMentions = DocumentActors(directive.actors)
        deadlinesWithoutQuotes = directive.deadlines.map { deadline in
            var deadline = deadline
            deadline.quote = ""
            return deadline
        }
        source = decodedSource ?? SourceText(directive.text.original)
        coding = coder.code(directive, source: source)
        // Every token's spelling and source span, written in place into arrays made without
        // first filling them (appending checked both arrays' capacity and uniqueness per
        // token; filling them was a memset of 20 bytes a token).
        let tokenCount = directive.tokens.reduce(0) { $0 + $1.tokens.count }
        // Each spelling's key and hash once; tokens by index.
        let spellings = directive.spellings
        let keys = spellings.keys
        let text = directive.text
        var tokenSpellings: [Int32] = []
        // Where each sentence starts: terms are counted from the spellings within sentences.
        var sentenceStarts: [Int32] = []
        let spans = [Range<Int>](unsafeUninitializedCapacity: tokenCount) { spans, spanCount in
            tokenSpellings = [Int32](unsafeUninitializedCapacity: tokenCount) { tokenSpellings, spellingCount in
                var k = 0
                for (s, output) in directive.tokens.enumerated() {
                    var sentence = -1
                    let ids = spellings.ids[s]
                    for (t, token) in output.tokens.enumerated() {
                        let spelling = ids[t]
                        if token.sentence != sentence {
                            sentenceStarts.append(Int32(truncatingIfNeeded: k))
                            sentence = token.sentence
                        }
                        tokenSpellings[k] = spelling
                        spans[k] = text.originalRange(token.range)
                        k += 1
                    }
                }
                spellingCount = k
                spanCount = k
            }
        }
        terms = DocumentTerms(syllables: keys, tokens: tokenSpellings, sentenceStarts: sentenceStarts, stopList: stopKeys)
        reuseTokens = ReuseTokens(spellings: tokenSpellings, spellingHashes: keys.map(StableHash.fnv1a), spans: spans)
    }

    /// The bundled stop list of function syllables.
    public static func bundledStopList() throws(ResourceError) -> Set<String> {
        Set(try BundledResource.text("stopwords.txt").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    /// Stable hashes (FNV-1a 64) of the folded syllables of the coded text in reading order,
    /// as ``TextReuse`` takes them.
    public var reuseHashes: [UInt64] {
        reuseTokens.hashes
    }

    /// Moves what only text reuse and export read to `spool`: the source's bytes (the
    /// analysis and its coding share them), the evidence offsets and the bulk of the reuse
    /// tokens; each stays in memory when the spool cannot take it.
    mutating func spool(to spool: DocumentSpool) {
        source = source.spooled(to: spool)
        coding.source = source
        coding.matches = coding.matches.spooled(to: spool)
        reuseTokens = reuseTokens.spooled(to: spool)
    }

    /// Source text between two code-point offsets.
    public func quote(_ range: Range<Int>) -> String {
        source.quote(range)
    }
}
