/// A character encoding that `TextDecoder` can read directives in.
///
/// The raw values are the names used in notes, reports and command-line output.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1258 = "windows-1258"
    /// TCVN 5712:1993 VN3, the "ABC" font encoding of the .VnTime family.
    case tcvn3 = "tcvn3"
    /// The VNI Windows font encoding of VNI-Times and related fonts.
    case vni = "vni"
}

extension TextEncoding {
    /// The name a person knows the encoding by, for notes and error messages.
    var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf8BOM: "UTF-8 with a byte order mark"
        case .utf16LE: "UTF-16 little-endian"
        case .utf16BE: "UTF-16 big-endian"
        case .windows1258: "Windows-1258"
        case .tcvn3: "TCVN3 (ABC)"
        case .vni: "VNI Windows"
        }
    }
}
