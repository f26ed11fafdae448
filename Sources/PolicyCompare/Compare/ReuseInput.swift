/// One document offered to text-reuse detection.
public struct ReuseInput: Sendable {
    /// Identifier reported in passages and shares; should be unique in one call.
    public var documentID: String
    private let storage: Storage

    /// The hashes as given, or kept compactly by spelling (a corpus's analyses already hold
    /// them so, and detection expands one document at a time instead of every one at once).
    private enum Storage: Sendable {
        case hashes([UInt64])
        case tokens(ReuseTokens)
    }

    public init(documentID: String, tokenHashes: [UInt64]) {
        self.documentID = documentID
        storage = .hashes(tokenHashes)
    }

    public init(documentID: String, tokens: [String]) {
        self.init(documentID: documentID, tokenHashes: tokens.map(StableHash.fnv1a))
    }

    init(documentID: String, tokens: ReuseTokens) {
        self.documentID = documentID
        storage = .tokens(tokens)
    }

    /// Stable hashes (FNV-1a 64 of the UTF-8) of the body's normalised syllables, in reading
    /// order; passage ranges index this array. Hashes, not strings, keep a large corpus small.
    public var tokenHashes: [UInt64] {
        switch storage {
        case .hashes(let hashes): hashes
        case .tokens(let tokens): tokens.hashes
        }
    }

    /// Number of tokens.
    var tokenCount: Int {
        switch storage {
        case .hashes(let hashes): hashes.count
        case .tokens(let tokens): tokens.count
        }
    }

    /// ``tokenHashes`` written over `buffer`, whose storage is reused from call to call.
    func tokenHashes(into buffer: inout [UInt64]) {
        switch storage {
        case .hashes(let hashes):
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: hashes)
        case .tokens(let tokens):
            tokens.hashes(into: &buffer)
        }
    }
}
