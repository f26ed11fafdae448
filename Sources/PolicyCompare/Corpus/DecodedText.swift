/// The text of a file after `TextDecoder` has turned its bytes into Unicode.
public struct DecodedText: Sendable, Hashable {
    /// The decoded text with any byte order mark removed and otherwise not normalised: Windows-1258
    /// input keeps its combining tone marks, and line ends and spacing are as in the file.
    public var text: String {
        get {
            switch content {
            case .string(let text): text
            case .scalars(let scalars): NormalizedText.string(scalars)
            }
        }
        set {
            content = .string(newValue)
            source = nil
        }
    }
    /// The encoding the text was written in. For legacy text that arrived inside a Unicode file as
    /// mojibake ("KÕ ho¹ch"), this is the legacy encoding that was repaired (`.tcvn3` or `.vni`).
    public var encoding: TextEncoding
    /// What the decoder did beyond plain decoding, for a report: a removed byte order mark, a
    /// legacy conversion and the evidence for it, a dropped incomplete character.
    public var notes: [String]

    /// The text as the decoder made it: a string, or, for a file of well-formed UTF-8 (most
    /// files), its scalars, decoded straight from the bytes for the normaliser, which reads
    /// scalars (making a string first validated and copied the bytes, and the normaliser then
    /// decoded the string again).
    private var content: Content

    /// The text as a quotable source that keeps the file's own bytes, when they are its UTF-8
    /// exactly (decoded as UTF-8 with no byte order mark, padding, cut character or repair),
    /// made from what the decoder read of them while decoding them.
    private(set) var source: SourceText?

    private enum Content: Sendable {
        case string(String)
        case scalars([Unicode.Scalar])
    }

    /// Creates a decoded text.
    public init(text: String, encoding: TextEncoding, notes: [String] = []) {
        content = .string(text)
        self.encoding = encoding
        self.notes = notes
    }

    /// A decoded text whose scalars are `scalars`, and `source` when it is a source of them.
    init(scalars: [Unicode.Scalar], encoding: TextEncoding, notes: [String] = [], source: SourceText? = nil) {
        content = .scalars(scalars)
        self.encoding = encoding
        self.notes = notes
        self.source = source
    }

    /// The text's scalars.
    var scalars: [Unicode.Scalar] {
        switch content {
        case .string(let text): NormalizedText.scalars(of: text)
        case .scalars(let scalars): scalars
        }
    }

    /// Equal texts (as strings compare), encodings and notes, however each text is held.
    public static func == (a: DecodedText, b: DecodedText) -> Bool {
        a.encoding == b.encoding && a.notes == b.notes && a.text == b.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(encoding)
        hasher.combine(notes)
    }
}
