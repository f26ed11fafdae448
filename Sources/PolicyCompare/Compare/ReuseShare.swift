/// How much of one document is text it shares with another.
///
/// Shares are directional: a short letter copied whole into a long plan is 100% reused from
/// the plan's side of view but only a small share of the plan.
public struct ReuseShare: Sendable, Hashable {
    /// The document whose tokens are measured.
    public var documentID: String
    /// The other document of the passages.
    public var sourceID: String
    /// Tokens of `documentID` inside at least one passage shared with `sourceID` (each token
    /// once, edited gaps inside a passage included).
    public var reusedTokens: Int
    /// All tokens of `documentID`.
    public var totalTokens: Int
    /// `reusedTokens / totalTokens`.
    public var share: Double

    public init(documentID: String, sourceID: String, reusedTokens: Int, totalTokens: Int, share: Double) {
        self.documentID = documentID
        self.sourceID = sourceID
        self.reusedTokens = reusedTokens
        self.totalTokens = totalTokens
        self.share = share
    }
}
