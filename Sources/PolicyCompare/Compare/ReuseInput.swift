/// One document offered to text-reuse detection.
public struct ReuseInput: Sendable, Hashable {
    /// Identifier reported in passages and shares; should be unique in one call.
    public var documentID: String
    /// Stable hashes (FNV-1a 64 of the UTF-8) of the body's normalised syllables, in reading
    /// order; passage ranges index this array. Hashes, not strings, keep a large corpus small.
    public var tokenHashes: [UInt64]

    public init(documentID: String, tokenHashes: [UInt64]) {
        self.documentID = documentID
        self.tokenHashes = tokenHashes
    }

    public init(documentID: String, tokens: [String]) {
        self.init(documentID: documentID, tokenHashes: tokens.map(StableHash.fnv1a))
    }
}
