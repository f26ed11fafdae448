/// One category of a codebook: a theme or an activity, its labels and its patterns.
public struct Category: Sendable, Hashable {
    public enum Dimension: String, Sendable, Hashable, CaseIterable {
        case theme, activity
    }
    /// Stable id; reports and downstream users rely on it, so it never changes.
    public var id: String
    public var dimension: Dimension
    /// Id of the broader category, empty at the top.
    public var parent: String
    public var labelEnglish: String
    public var labelVietnamese: String
    public var definition: String
    public var patterns: [PhrasePattern]
    /// Contexts in which this category's patterns do not count.
    public var exclusions: [PhrasePattern]
}
