/// What the top of a directive says about itself.
public struct LetterHead: Sendable, Hashable {
    /// Issuer as printed in the head, when printed.
    public var issuer: String = ""
    /// Number and symbol, normalised ("80/KH-UBND").
    public var number: String = ""
    public var place: String = ""
    /// ISO date of issue from "..., ngày 14 tháng 5 năm 2019".
    public var date: String = ""
    /// Addressees from "Kính gửi".
    public var addressees: [String] = []
    /// The document title ("KẾ HOẠCH Triển khai ..."), when it has one.
    public var title: String = ""
}
