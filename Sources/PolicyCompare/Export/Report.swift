/// A report as structured text, rendered later as plain text, Markdown or HTML.
public struct Report: Sendable, Hashable {
    public enum Block: Sendable, Hashable {
        case paragraph(String)
        case bullets([String])
        /// A table: header and rows of cells.
        case table([String], [[String]])
        /// A quotation from a source document, with where it comes from.
        case quote(String, source: String)
    }

    public struct Section: Sendable, Hashable {
        public var title: String
        public var blocks: [Block]
    }

    public var title: String
    public var sections: [Section]
}
