/// A report as structured text, rendered later as plain text, Markdown or HTML.
public struct Report: Sendable, Hashable {
    public enum Block: Sendable, Hashable {
        /// A heading inside a section ("THEMES ...", "ACTIVITIES ...").
        case heading(String)
        case paragraph(String)
        case bullets([String])
        /// A list whose items may each carry a quotation (a category and its quote).
        case entries([Entry])
        /// A table: header and rows of cells.
        case table([String], [[String]])
        case quote(Quote)
    }

    /// A quotation from a source document, with where it comes from.
    public struct Quote: Sendable, Hashable {
        public var text: String
        public var source: String
    }

    /// An item of a list, with its quotations (none, one, or one from each end of a span of
    /// years), in order.
    public struct Entry: Sendable, Hashable {
        public var text: String
        public var quotes: [Quote] = []
    }

    public struct Section: Sendable, Hashable {
        public var title: String
        public var blocks: [Block]
    }

    public var title: String
    public var sections: [Section]
}
