/// The period the month of action runs ("từ ngày 01/6 đến ngày 30/6/2019").
public struct Period: Sendable, Hashable {
    /// ISO dates; the year comes from the document when the text omits it.
    public var start: String
    public var end: String
    /// The words as written.
    public var quote: String
    public var sourceRange: Range<Int>
    /// Whether the words state the year; when not, it is the manifest's.
    public var statesYear = true
}
