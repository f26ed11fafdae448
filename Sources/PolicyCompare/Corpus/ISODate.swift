/// Checks and builds ISO 8601 calendar dates without a calendar object (fast and locale-free).
enum ISODate {
    /// True for a real date written `YYYY-MM-DD`.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        return make(year: y, month: m, day: d) != nil
    }

    /// `YYYY-MM-DD`, or nil when the day does not exist.
    static func make(year: Int, month: Int, day: Int) -> String? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), (1000...9999).contains(year) else { return nil }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    /// `--MM-DD` (ISO 8601 month-day without a year), or nil when no year has that day.
    static func monthDay(month: Int, day: Int) -> String? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: 2000) else { return nil }
        return "--\(pad(month))-\(pad(day))"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
