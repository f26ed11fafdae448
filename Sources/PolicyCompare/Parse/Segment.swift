/// One piece of a directive's body or annex: a section, list item, paragraph or inline clause.
public struct Segment: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// A Roman-numbered section ("III. CÁC HOẠT ĐỘNG TRỌNG TÂM").
        case section
        /// A numbered or bulleted item that introduces others ("2. Hoạt động truyền thông:").
        case heading
        /// A numbered, lettered or bulleted item.
        case item
        /// Prose without a list marker.
        case paragraph
        /// An inline enumerated clause ("(ii) Nghiên cứu, xây dựng ...").
        case clause
        /// The line that states the month's official theme.
        case theme
        /// A slogan or message of the month.
        case slogan
        /// The heading of an annex after the recipients block.
        case annexHeading = "annex_heading"
    }

    public enum Part: String, Sendable, Hashable, Codable {
        case body, annex
    }

    /// Position in the tree, e.g. "IV.2.-3" (item 3 of a dash list under item 2 of section IV).
    public var path: String
    public var role: Role
    public var part: Part
    /// The list marker as written ("IV.", "5.1.", "a)", "-", "(ii)"), empty for prose.
    public var marker: String
    /// Depth in the tree (0 for top level).
    public var depth: Int
    /// Path of the parent segment, empty at top level.
    public var parent: String
    /// The text without its list marker, in the source's own wording.
    public var text: String
    /// Unicode scalar offsets of `text` in the decoded source.
    public var sourceRange: Range<Int>
    /// Range of `text` in the normalised text.
    public var normalizedRange: Range<Int>
}
