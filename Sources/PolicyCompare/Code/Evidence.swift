/// One coded match, traceable to the sentence in the original text that triggered it.
public struct Evidence: Sendable, Hashable {
    public var documentID: String
    public var year: Int
    public var segmentPath: String
    public var categoryID: String
    /// The codebook pattern that matched, as written in the codebook.
    public var pattern: String
    /// The matched words as written in the source.
    public var matched: String
    /// Unicode scalar offsets of `matched` in the decoded source.
    public var matchRange: Range<Int>
    /// The sentence (or clause) around the match, as written in the source.
    public var sentence: String
    public var sentenceRange: Range<Int>
}
