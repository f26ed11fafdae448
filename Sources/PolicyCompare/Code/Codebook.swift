/// A dictionary of categories with their patterns and exclusions, loaded from a CSV file.
public struct Codebook: Sendable, Hashable {
    /// An exclusion from the `*` row: applies to every category, or to `scope` only.
    public struct GlobalExclusion: Sendable, Hashable {
        public var pattern: PhrasePattern
        /// Category ids; empty means all categories.
        public var scope: [String]
    }

    public var categories: [Category]
    public var globalExclusions: [GlobalExclusion]
    /// FNV-1a 64-bit hash of the file's bytes (hex), so a report names the exact codebook used.
    public var fingerprint: String
    /// Where it was read from.
    public var source: String
    /// Columns the file has beyond ``CodebookLoader/columns``; they are ignored, and those
    /// whose name nearly is a known column's (``UnknownColumn/suggestion``) deserve a warning.
    public var unknownColumns: [UnknownColumn] = []
    /// Patterns that load but are most likely mistakes (``CodebookWarnings``): glob or
    /// regular-expression syntax, typed without tone marks, repeated in their cell, function
    /// words only, or dropped whole by an exclusion. Found only when asked for
    /// (``CodebookLoader/check(_:warnings:)``, as `codebook check` does) and the codebook has
    /// no problem; empty otherwise.
    public var warnings: [CodebookProblem] = []

    public func category(_ id: String) -> Category? {
        categories.first { $0.id == id }
    }
}
