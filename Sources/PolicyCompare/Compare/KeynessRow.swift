/// One term that is unusually frequent (or rare) in a target compared with a reference.
///
/// The row carries the four counts the statistics were computed from, so a reader can check
/// every number and recompute it with another measure.
public struct KeynessRow: Sendable, Hashable {
    /// Whether the term is more or less frequent in the target than in the reference.
    public enum Direction: String, Sendable, Hashable {
        /// Relatively more frequent in the target: a characteristic term of the target.
        case over
        /// Relatively less frequent in the target: a term the target neglects.
        case under
    }

    /// Label of the target text group, e.g. the year "2019".
    public var target: String
    /// The n-gram, syllables joined with single spaces.
    public var term: String
    /// Number of syllables in `term`.
    public var n: Int
    /// Frequency of the term in the target (a).
    public var targetCount: Int
    /// Frequency of the term in the reference (b).
    public var referenceCount: Int
    /// Number of n-gram positions of size `n` in the target (c).
    public var targetTotal: Int
    /// Number of n-gram positions of size `n` in the reference (d).
    public var referenceTotal: Int
    /// Log-likelihood statistic G2 (Dunning 1993; Rayson and Garside 2000).
    public var g2: Double
    /// Upper-tail probability of `g2` under chi-square with one degree of freedom.
    public var pValue: Double
    /// Hardie's Log Ratio, `log2` of the ratio of relative frequencies (the effect size).
    public var logRatio: Double
    public var direction: Direction
    /// The phrase the term always occurs in: the longer phrase it forms with other key terms
    /// of its target and direction that occur exactly as often (``KeyPhrases``), or the term
    /// itself.
    public var phrase: String {
        get { joined ?? term }
        set { joined = newValue == term ? nil : newValue }
    }
    /// The phrase when it is longer than the term (no second reference to the term's text in
    /// each of the many rows made before the strongest are kept).
    private var joined: String?

    public init(
        target: String, term: String, n: Int,
        targetCount: Int, referenceCount: Int, targetTotal: Int, referenceTotal: Int,
        g2: Double, pValue: Double, logRatio: Double, direction: Direction, phrase: String? = nil
    ) {
        self.target = target
        self.term = term
        self.n = n
        self.targetCount = targetCount
        self.referenceCount = referenceCount
        self.targetTotal = targetTotal
        self.referenceTotal = referenceTotal
        self.g2 = g2
        self.pValue = pValue
        self.logRatio = logRatio
        self.direction = direction
        self.joined = phrase == term ? nil : phrase
    }
}
