/// A syllable, number or document code in normalised text.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable {
        /// Letters (a Vietnamese syllable, an abbreviation, a foreign word).
        case word
        /// Digits only.
        case number
        /// Starts with a digit and holds separators or letters: "20-CT/TW", "05/7/2019".
        case code
    }
    /// Range in the normalised scalars.
    public var range: Range<Int>
    /// Index of the sentence or clause within the tokenised span; phrases never cross one.
    public var sentence: Int
    public var kind: Kind
}
