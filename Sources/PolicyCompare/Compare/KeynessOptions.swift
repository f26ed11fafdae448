/// Which keyness rows are worth reporting.
public struct KeynessOptions: Sendable, Hashable {
    /// Smallest frequency, in the text group where the term is overused, for a row to be
    /// reported: the target for `over` rows, the reference for `under` rows. G2 is unreliable
    /// for very rare terms and a report of hapaxes reads as noise.
    public var minFrequency: Int
    /// Largest p-value reported. Thousands of terms are tested at once, so treat it as a
    /// cut-off for ranking, not as a confirmatory test; 1 reports every row.
    public var maxPValue: Double
    /// Most rows reported per direction, strongest first; `nil` reports all.
    public var maxRowsPerDirection: Int?
    /// N-gram sizes compared; sizes the counts do not hold are ignored.
    public var sizes: ClosedRange<Int>
    /// Also report terms the target uses less than the reference (`under` rows). Off by
    /// default because a policy comparison asks first what a year adds.
    public var includeUnderused: Bool

    public init(
        minFrequency: Int = 5,
        maxPValue: Double = 0.01,
        maxRowsPerDirection: Int? = 30,
        sizes: ClosedRange<Int> = 1...3,
        includeUnderused: Bool = false
    ) {
        self.minFrequency = minFrequency
        self.maxPValue = maxPValue
        self.maxRowsPerDirection = maxRowsPerDirection
        self.sizes = sizes
        self.includeUnderused = includeUnderused
    }
}
