import Foundation

/// Everything the comparison needs from one directive, so the directive itself (its
/// normalised text and token arrays) can be released as soon as it is analysed.
public struct DocumentAnalysis: Sendable {
    /// The stored properties, behind one reference that is copied on write: the comparison
    /// and the export loop over the documents many times, and a copy of an analysis retained
    /// some twenty references where it now retains one (at 10,000 plans, copying analyses was
    /// about 1.3% of the run, before the reference counting it caused).
    private var storage: Storage

    public var metadata: DocumentMetadata {
        get { storage.fields.metadata }
        set { unique().fields.metadata = newValue }
    }
    /// FNV-1a 64 of the file's bytes (hex).
    public var fingerprint: String {
        get { storage.fields.fingerprint }
        set { unique().fields.fingerprint = newValue }
    }
    public var bytes: Int {
        get { storage.fields.bytes }
        set { unique().fields.bytes = newValue }
    }
    public var encoding: String {
        get { storage.fields.encoding }
        set { unique().fields.encoding = newValue }
    }
    public var notes: [String] {
        get { storage.fields.notes }
        set { unique().fields.notes = newValue }
    }
    public var segments: Int {
        get { storage.fields.segments }
        set { unique().fields.segments = newValue }
    }
    public var theme: Statement? {
        get { storage.fields.theme }
        set { unique().fields.theme = newValue }
    }
    public var period: Period? {
        get { storage.fields.period }
        set { unique().fields.period = newValue }
    }
    /// The date of issue in the letter head (ISO), or "".
    public var letterDate: String {
        get { storage.fields.letterDate }
        set { unique().fields.letterDate = newValue }
    }
    /// The year the body names instead of its manifest year (see ``Directive/namedYear``).
    public var namedYear: Directive.NamedYear? {
        get { storage.fields.namedYear }
        set { unique().fields.namedYear = newValue }
    }
    public var slogans: [Statement] {
        get { storage.fields.slogans }
        set { unique().fields.slogans = newValue }
    }
    public var references: [LegalReference] {
        get { storage.fields.references }
        set { unique().fields.references = newValue }
    }
    /// The agencies named in the body, in reading order, their words quoted from the source.
    public var actors: [ActorMention] {
        actorMentions.mentions(quotingFrom: source.loaded())
    }
    /// The same mentions kept compactly, for the tables and the report.
    var actorMentions: DocumentActors { storage.fields.actorMentions }
    /// The deadlines the body sets, their sentences quoted from the source.
    public var deadlines: [Deadline] {
        let source = source.loaded()
        return storage.fields.deadlinesWithoutQuotes.map { deadline in
            var deadline = deadline
            deadline.quote = source.quote(deadline.sourceRange)
            return deadline
        }
    }
    public var coding: DocumentCoding {
        get { storage.fields.coding }
        set { unique().fields.coding = newValue }
    }
    /// The syllables of the coded text, whose n-grams keyness counts (empty when the analyzer
    /// added them to a ``YearTerms``).
    public var terms: DocumentTerms {
        get { storage.fields.terms }
        set { unique().fields.terms = newValue }
    }
    /// The tokens of the coded text in reading order, for text reuse.
    var reuseTokens: ReuseTokens {
        get { storage.fields.reuseTokens }
        set { unique().fields.reuseTokens = newValue }
    }
    /// The decoded source text, for quoting reused passages.
    public var source: SourceText {
        get { storage.fields.source }
        set { unique().fields.source = newValue }
    }
    /// Time this document spent in each stage.
    public var timings: StageTimings {
        get { storage.fields.timings }
        set { unique().fields.timings = newValue }
    }

    /// What an analysis holds.
    private struct Fields: Sendable {
        var metadata: DocumentMetadata
        var fingerprint: String
        var bytes: Int
        var encoding: String
        var notes: [String]
        var segments: Int
        var theme: Statement?
        var period: Period?
        var letterDate: String
        var namedYear: Directive.NamedYear?
        var slogans: [Statement]
        var references: [LegalReference]
        let actorMentions: DocumentActors
        /// The deadlines with empty quotes: each is the source at its `sourceRange`, and
        /// nothing but ``deadlines`` reads them (at 10,000 generated plans they held 18 MB).
        let deadlinesWithoutQuotes: [Deadline]
        var coding: DocumentCoding
        var terms: DocumentTerms
        var reuseTokens: ReuseTokens
        var source: SourceText
        var timings = StageTimings()
    }

    /// The fields of one or more equal analyses. They change only through ``unique()``, when
    /// the analysis changing them holds the only reference, so no other value (or thread)
    /// sees the change. Exclusivity is not checked at run time: every access is a single read
    /// or write through the analysis's accessors, none nested in another.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    /// The storage, first copied when another analysis shares it.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    /// Analyses a parsed directive: codes it and extracts what the comparison compares.
    public init(_ directive: Directive, coder: Coder, stopList: Set<String>, bytes: [UInt8]) {
        self.init(directive, coder: coder, stopKeys: DocumentTerms.stopKeys(stopList), bytes: bytes)
    }

    /// `decodedSource`, when given, is `directive.text.original` as the decoder kept it (the
    /// file's bytes, when they decoded as UTF-8 with nothing changed), used instead of encoding
    /// the text again.
    init(_ directive: Directive, coder: Coder, stopKeys: RunTable<UInt8>, bytes: [UInt8], source decodedSource: SourceText? = nil) {
        let source = decodedSource ?? SourceText(directive.text.original)
        let coding = coder.code(directive, source: source)
        // Every token's spelling, written in place into an array made without first filling
        // it (appending checked its capacity and uniqueness per token), and its spelling and
        // source span straight into the compact arrays of text reuse.
        let tokenCount = directive.tokens.reduce(0) { $0 + $1.tokens.count }
        // Each spelling's key and hash once; tokens by index.
        let spellings = directive.spellings
        let keys = spellings.keys
        let hashes = keys.map(StableHash.fnv1a)
        let text = directive.text
        var reuse = ReuseTokens.Builder(count: tokenCount, spellingCount: keys.count)
        // Where each sentence starts: terms are counted from the spellings within sentences.
        var sentenceStarts: [Int32] = []
        let tokenSpellings = [Int32](unsafeUninitializedCapacity: tokenCount) { tokenSpellings, spellingCount in
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
                    reuse.append(spelling, text.originalRange(token.range))
                    k += 1
                }
            }
            spellingCount = k
        }
        storage = Storage(Fields(
            metadata: directive.metadata, fingerprint: StableHash.fingerprint(bytes: bytes), bytes: bytes.count,
            encoding: directive.encoding, notes: directive.notes, segments: directive.segments.count, theme: directive.theme,
            period: directive.period, letterDate: directive.letterHead.date, namedYear: directive.namedYear, slogans: directive.slogans, references: directive.references,
            actorMentions: DocumentActors(directive.actors),
            deadlinesWithoutQuotes: directive.deadlines.map { deadline in
                var deadline = deadline
                deadline.quote = ""
                return deadline
            },
            coding: coding,
            terms: DocumentTerms(utf8: spellings.utf8, ends: spellings.utf8Ends, hashes: hashes, tokens: tokenSpellings, sentenceStarts: sentenceStarts, stopList: stopKeys),
            reuseTokens: reuse.finish(spellingHashes: hashes),
            source: source))
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
    /// tokens (a block of the spool that its file cannot take stays in the spool's memory).
    mutating func spool(to spool: DocumentSpool) {
        let storage = unique()
        storage.fields.source = storage.fields.source.spooled(to: spool)
        storage.fields.coding.source = storage.fields.source
        storage.fields.coding.matches = storage.fields.coding.matches.spooled(to: spool)
        storage.fields.reuseTokens = storage.fields.reuseTokens.spooled(to: spool)
    }

    /// Source text between two code-point offsets.
    public func quote(_ range: Range<Int>) -> String {
        source.quote(range)
    }
}
