/// One passage shared by two documents, aligned token by token.
public struct ReusePassage: Sendable, Hashable {
    /// The document whose identifier comes first in UTF-8 byte order.
    public var documentA: String
    /// The other document.
    public var documentB: String
    /// The passage in `documentA`, as indices into its ``ReuseInput/tokens``.
    public var tokensA: Range<Int>
    /// The passage in `documentB`, as indices into its ``ReuseInput/tokens``.
    public var tokensB: Range<Int>
    /// Tokens aligned identically on both sides: the exact runs, not the edited gaps between them.
    public var sharedTokens: Int
    /// Dice overlap of the two sides, `2 * sharedTokens / (tokensA.count + tokensB.count)`:
    /// 1 for a verbatim copy, lower as words are changed, inserted or dropped.
    public var similarity: Double

    public init(
        documentA: String, documentB: String,
        tokensA: Range<Int>, tokensB: Range<Int>,
        sharedTokens: Int, similarity: Double
    ) {
        self.documentA = documentA
        self.documentB = documentB
        self.tokensA = tokensA
        self.tokensB = tokensB
        self.sharedTokens = sharedTokens
        self.similarity = similarity
    }
}
