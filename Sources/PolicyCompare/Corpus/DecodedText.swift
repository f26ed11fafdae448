/// The text of a file after `TextDecoder` has turned its bytes into Unicode.
public struct DecodedText: Sendable, Hashable {
    /// The decoded text with any byte order mark removed and otherwise not normalised: Windows-1258
    /// input keeps its combining tone marks, and line ends and spacing are as in the file.
    public var text: String
    /// The encoding the text was written in. For legacy text that arrived inside a Unicode file as
    /// mojibake ("KÕ ho¹ch"), this is the legacy encoding that was repaired (`.tcvn3` or `.vni`).
    public var encoding: TextEncoding
    /// What the decoder did beyond plain decoding, for a report: a removed byte order mark, a
    /// legacy conversion and the evidence for it, a dropped incomplete character.
    public var notes: [String]

    /// Creates a decoded text.
    public init(text: String, encoding: TextEncoding, notes: [String] = []) {
        self.text = text
        self.encoding = encoding
        self.notes = notes
    }
}
