/// What the codebook found in one directive: per category counts, evidence, uncoded text.
public struct DocumentCoding: Sendable, Hashable {
    /// Counts for one category in one document.
    public struct Count: Sendable, Hashable {
        public var categoryID: String
        /// Segments with at least one counted match.
        public var segments: Int
        public var matches: Int
        public var present: Bool { matches > 0 }
    }

    /// A body or annex segment no category matched.
    public struct Uncoded: Sendable, Hashable {
        public var segmentPath: String
        public var role: Segment.Role
        public var syllables: Int
        public var text: String
        public var sourceRange: Range<Int>
    }

    public var documentID: String
    public var year: Int
    /// Syllables in the coded segments (the denominator of `per_1000_syllables`).
    public var syllables: Int
    /// One entry per codebook category, in codebook order.
    public var counts: [Count]
    /// Every counted match, in reading order.
    public var evidence: [Evidence]
    public var uncoded: [Uncoded]

    /// Matches per 1,000 syllables for a count.
    public func rate(_ count: Count) -> Double {
        syllables > 0 ? Double(count.matches) * 1000 / Double(syllables) : 0
    }
}
