/// Tuning of text-reuse detection: what counts as a passage, and the caps that keep it
/// near-linear in corpus size.
///
/// Cost is driven by shingles shared by many documents: a shingle in m documents makes
/// m(m-1)/2 pairs. Formulae every directive repeats ("Sở Lao động - Thương binh và Xã hội")
/// are not reuse between two particular documents, and a family of hundreds of near-copies
/// would make the work quadratic again, so two caps bound it:
/// `maxDocumentFrequency` drops boilerplate shingles and `maxPartnersPerDocument` bounds the
/// pairs aligned per document. Both lose recall only where copying is so widespread that a
/// pairwise list would be unreadable anyway; raise them for small corpora.
public struct ReuseOptions: Sendable, Hashable {
    /// Syllables per shingle (the k of k-shingles), at least 1. Eight syllables are about
    /// four Vietnamese words: long enough that a shared shingle is rarely chance.
    public var shingleSize: Int
    /// Fewest identical tokens a passage must hold to be reported (never fewer than
    /// `shingleSize`). Any exact run this long is guaranteed to be found, because anchor
    /// shingles are chosen by winnowing (Schleimer et al. 2003) with a window of
    /// `minPassageTokens - shingleSize + 1` shingles.
    public var minPassageTokens: Int
    /// Longest stretch, in syllables on either side, that may differ inside one passage
    /// (substituted, inserted or dropped syllables, and identical runs shorter than a
    /// shingle): an edited sentence stays one passage instead of breaking in two. Alignment
    /// resumes only on a full shingle of identical text. Each passage end tries every offset
    /// up to this gap on both sides, so cost grows with its square: keep it small (values
    /// above 32 count as 32).
    public var maxGap: Int
    /// Anchor shingles found in more documents than this are treated as boilerplate and
    /// ignored (passim's default is also 100); below 2 nothing can be shared.
    public var maxDocumentFrequency: Int
    /// Each document is aligned with at most this many others: those sharing the most
    /// anchors, ties broken by identifier. A pair is aligned when either side selects it.
    /// The default of 10 keeps a document's strongest sources; at 50, a corpus of 1,000
    /// generated plans wrote 850,000 passages (185 MB), most of them the same paragraphs
    /// again between near-identical plans.
    public var maxPartnersPerDocument: Int

    /// Occurrences of one anchor shingle indexed per document. A phrase repeated inside both
    /// documents would otherwise seed every combination of its occurrences.
    static let maxOccurrencesPerDocument = 4

    public init(
        shingleSize: Int = 8,
        minPassageTokens: Int = 12,
        maxGap: Int = 8,
        maxDocumentFrequency: Int = 100,
        maxPartnersPerDocument: Int = 10
    ) {
        self.shingleSize = shingleSize
        self.minPassageTokens = minPassageTokens
        self.maxGap = maxGap
        self.maxDocumentFrequency = maxDocumentFrequency
        self.maxPartnersPerDocument = maxPartnersPerDocument
    }

    /// Shingle size actually used.
    var effectiveShingleSize: Int { max(1, shingleSize) }

    /// Passage threshold actually used.
    var effectiveMinPassageTokens: Int { max(effectiveShingleSize, minPassageTokens) }

    /// Document frequencies of anchors that can seed a pair: shared, and not boilerplate.
    var anchorFrequencyRange: Range<Int> {
        2..<(max(1, min(maxDocumentFrequency, Int.max - 1)) + 1)
    }

    /// Gap actually bridged: the offsets tried grow with its square, so it is capped at 32.
    var effectiveMaxGap: Int { min(max(0, maxGap), 32) }

    /// Winnowing window, in shingles, that guarantees an anchor in every run of
    /// `effectiveMinPassageTokens` identical tokens.
    var winnowingWindow: Int { effectiveMinPassageTokens - effectiveShingleSize + 1 }
}
