/// A legal or policy instrument a directive cites, keyed so that the same instrument matches
/// across documents however it is written ("1332 /LĐTBXH-TE", "1332/LĐT BXH-TE").
public struct LegalReference: Sendable, Hashable {
    /// Chỉ thị, Quyết định, Nghị định, Công văn, Kế hoạch, Thông tư, Luật, Chương trình, ...
    public var type: String
    /// The number and symbol ("20-CT/TW") or, for named laws and programmes, the normalised name.
    public var key: String
    /// ISO date of the instrument when the text gives it.
    public var date: String
    /// The citation as written in the source.
    public var quote: String
    public var segmentPath: String
    public var sourceRange: Range<Int>
}
