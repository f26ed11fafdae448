/// One directive, decoded, normalised and parsed: the value every later stage reads.
public struct Directive: Sendable {
    public var metadata: DocumentMetadata
    /// How the bytes were decoded ("utf-8", "windows-1258", ...).
    public var encoding: String
    /// What the reader did or guessed that a researcher should know (decoding, inferred metadata).
    public var notes: [String]
    public var text: NormalizedText
    public var letterHead: LetterHead
    /// The month's official theme; nil when the text states none.
    public var theme: Statement?
    public var period: Period?
    public var slogans: [Statement]
    /// Body and annex segments in reading order (the coded content).
    public var segments: [Segment]
    /// Lines of the recipients block ("Nơi nhận"), without list markers.
    public var recipients: [String]
    /// Lines of the signature block.
    public var signature: [String]
    public var references: [LegalReference]
    public var actors: [ActorMention]
    public var deadlines: [Deadline]

    /// Number of syllables (word tokens) in the coded segments: the denominator of rates.
    public var syllableCount: Int
    /// Case- and mark-folded text, scalar for scalar with `text.scalars`.
    public var folded: FoldedText
    /// Tokens of each segment, index for index with `segments`.
    public var tokens: [Tokenizer.Output]
    /// The spelling of each of those tokens.
    public var spellings: TokenSpellings
}
