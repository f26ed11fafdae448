/// How a category (or a cited instrument) behaves across the compared years.
///
/// With the years in the order compared and "present" meaning at least one document of
/// the year has it:
/// - `continuing`: present in every year;
/// - `new`: absent in the first year, then present in every year from some year to the last;
/// - `dropped`: present in the first year, then absent in every year from some year to the last;
/// - `intermittent`: present in some years, in any other pattern;
/// - `absent`: present in no year.
public enum ChangeStatus: String, Sendable, Hashable, CaseIterable {
    case continuing, new, dropped, intermittent, absent

    /// The status of a presence sequence, one flag per compared year.
    public static func of(_ presence: [Bool]) -> ChangeStatus {
        guard presence.contains(true) else { return .absent }
        if presence.allSatisfy({ $0 }) { return .continuing }
        guard let first = presence.first else { return .absent }
        // Number of switches between present and absent, walking the years in order.
        let switches = zip(presence, presence.dropFirst()).count { $0 != $1 }
        if switches == 1 { return first ? .dropped : .new }
        return .intermittent
    }
}

/// A category's presence in one compared year against the baseline year.
public enum BaselineChange: String, Sendable, Hashable {
    /// Absent in the baseline, present in the year.
    case gained
    /// Present in the baseline, absent in the year.
    case lost
    /// Present in both.
    case kept
    /// Absent in both.
    case none

    public static func of(baseline: Bool, year: Bool) -> BaselineChange {
        switch (baseline, year) {
        case (false, true): .gained
        case (true, false): .lost
        case (true, true): .kept
        case (false, false): .none
        }
    }
}
