/// Everything text-reuse detection found in one corpus.
public struct ReuseResult: Sendable, Hashable {
    /// Shared passages, sorted by `documentA`, `documentB`, then start in A and in B.
    public var passages: [ReusePassage]
    /// One row per ordered document pair with at least one passage, sorted by `documentID`
    /// then `sourceID`.
    public var shares: [ReuseShare]

    public init(passages: [ReusePassage], shares: [ReuseShare]) {
        self.passages = passages
        self.shares = shares
    }
}
