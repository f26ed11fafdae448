/// What the manifest (or, for a loose file, the text itself) says about one directive.
public struct DocumentMetadata: Sendable, Hashable, Codable {
    /// Stable id, e.g. `2019-kien-giang`.
    public var id: String
    public var year: Int
    /// Path relative to the corpus folder, e.g. `directives/2010-molisa.txt`.
    public var file: String
    public var issuer: String
    /// `national`, `provincial`, `district` or `commune`.
    public var level: String
    /// `letter`, `plan`, `decision`, ...
    public var kind: String
    public var title: String
    /// ISO 8601 date of issue, when known.
    public var date: String
    public var number: String
    public var source: String
    /// True when `year` was read from the text rather than a manifest.
    public var yearInferred: Bool
    /// True when `issuer` was read from the text rather than a manifest.
    public var issuerInferred: Bool

    public init(id: String, year: Int, file: String, issuer: String, level: String, kind: String,
                title: String = "", date: String = "", number: String = "", source: String = "",
                yearInferred: Bool = false, issuerInferred: Bool = false) {
        self.id = id
        self.year = year
        self.file = file
        self.issuer = issuer
        self.level = level
        self.kind = kind
        self.title = title
        self.date = date
        self.number = number
        self.source = source
        self.yearInferred = yearInferred
        self.issuerInferred = issuerInferred
    }
}
