/// A date a directive sets: a report due, a plan to issue, an event.
public struct Deadline: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// "trước ngày 05/7/2019": something is due before the date.
        case due
        /// "vào các ngày 25/5 và 20/11": reports on fixed dates.
        case reportingDate = "reporting_date"
        /// "vào ngày 31/5/2019": an event is held on the date.
        case event
    }
    public var kind: Kind
    /// ISO date (`2019-07-05`), or month-day (`--05-25`) when the text gives no year.
    public var date: String
    /// The sentence (clause) that sets it, as written.
    public var quote: String
    public var segmentPath: String
    public var sourceRange: Range<Int>
}
