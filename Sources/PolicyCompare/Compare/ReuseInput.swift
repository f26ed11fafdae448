/// One document offered to text-reuse detection.
public struct ReuseInput: Sendable, Hashable {
    /// Identifier reported in passages and shares; should be unique in one call.
    public var documentID: String
    /// Normalised syllables of the body, in reading order; passage ranges index this array.
    public var tokens: [String]

    public init(documentID: String, tokens: [String]) {
        self.documentID = documentID
        self.tokens = tokens
    }
}
