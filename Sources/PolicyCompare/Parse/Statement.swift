/// A short text a directive states: its official theme, or one slogan.
public struct Statement: Sendable, Hashable {
    /// The words as written in the source, without quotation marks or list punctuation.
    public var text: String
    public var segmentPath: String
    public var sourceRange: Range<Int>
}
