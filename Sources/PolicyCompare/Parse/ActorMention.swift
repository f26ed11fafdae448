/// An agency named in a directive's body, resolved to one canonical name.
public struct ActorMention: Sendable, Hashable {
    /// Stable id from `Resources/actors.tsv`, e.g. `dolisa`.
    public var id: String
    public var name: String
    public var nameEnglish: String
    /// True when the mention assigns the agency a task: it heads an item, or follows a trigger
    /// ("đề nghị", "giao", "chỉ đạo", "phối hợp với", "chủ trì", …); ``TaskRule`` has the rule.
    public var tasked: Bool
    /// The words as written in the source.
    public var quote: String
    public var segmentPath: String
    public var sourceRange: Range<Int>
}
