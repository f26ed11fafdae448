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
    /// The year the body names most often ("năm 2013"), when nothing else dates the document
    /// (no period stating its year, no date in its letter head or its manifest row), that
    /// year is not its manifest year, and the body never names its manifest year: a sign of a
    /// file filed under the wrong year. Nil otherwise.
    public var namedYear: NamedYear?

    /// A year and how many times the body names it.
    public struct NamedYear: Sendable, Hashable {
        public var year: Int
        public var mentions: Int
    }

    /// Number of syllables (word tokens) in the coded segments: the denominator of rates.
    public var syllableCount: Int
    /// Of those, the syllables with a letter that carries a diacritic ("trẻ", "đ", "ư").
    public var markedSyllableCount: Int
    /// Case- and mark-folded text, scalar for scalar with `text.scalars`.
    public var folded: FoldedText
    /// Tokens of each segment, index for index with `segments`.
    public var tokens: [Tokenizer.Output]
    /// The spelling of each of those tokens.
    public var spellings: TokenSpellings

    /// Whether so few of its syllables carry diacritics that it is likely not Vietnamese
    /// written with its marks: a text in another language, or typed without tone marks, which
    /// the codebook's patterns (but its `~` ones) cannot match. See ``fewDiacritics(marked:of:)``.
    public var hasFewDiacritics: Bool {
        Self.fewDiacritics(marked: markedSyllableCount, of: syllableCount)
    }

    /// Whether `marked` of `syllables` is under 40%, of at least 20 syllables. Vietnamese prose
    /// marks about four syllables in five (83-88% in the five directives); English, or
    /// Vietnamese typed without marks, next to none.
    static func fewDiacritics(marked: Int, of syllables: Int) -> Bool {
        syllables >= 20 && marked * 100 < syllables * 40
    }

    /// The share of `marked` in `syllables` as a whole percentage.
    static func percent(_ marked: Int, of syllables: Int) -> Int {
        syllables == 0 ? 0 : Int((Double(marked) * 100 / Double(syllables)).rounded())
    }
}
