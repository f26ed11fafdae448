/// What to compare and how.
public struct ComparisonOptions: Sendable, Hashable {
    /// Years to compare, compared in time order whatever order they are named in; nil compares
    /// every year of the corpus.
    public var years: [Int]?
    /// The year every other year is compared against; nil uses the earliest compared year.
    public var baseline: Int?
    public var keyness: KeynessOptions
    public var reuse: ReuseOptions
    /// Two slogans are the same slogan when their syllable sets overlap at least this much (Jaccard).
    public var sloganSimilarity: Double

    public init(years: [Int]? = nil, baseline: Int? = nil, keyness: KeynessOptions = .init(maxRowsPerDirection: 25),
                reuse: ReuseOptions = .init(), sloganSimilarity: Double = 0.75) {
        self.years = years
        self.baseline = baseline
        self.keyness = keyness
        self.reuse = reuse
        self.sloganSimilarity = sloganSimilarity
    }
}

/// The comparison asked for cannot be made on this corpus.
public enum ComparisonError: Error, Sendable, Hashable, CustomStringConvertible {
    case yearNotInCorpus(Int, available: [Int])
    case duplicateYear(Int)
    case baselineNotCompared(Int, years: [Int])
    case noDocuments

    public var description: String {
        switch self {
        case .yearNotInCorpus(let year, let available):
            "--years names \(year), but the corpus has no document for it; available years: \(available.map(String.init).joined(separator: ", "))"
        case .duplicateYear(let year):
            "--years names \(year) twice; name each year once"
        case .baselineNotCompared(let year, let years):
            "--baseline \(year) is not among the compared years (\(years.map(String.init).joined(separator: ", "))); pick one of them"
        case .noDocuments:
            "there are no documents to compare"
        }
    }
}
