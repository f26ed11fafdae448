/// Checks and builds ISO 8601 calendar dates without a calendar object (fast and locale-free).
enum ISODate {
    /// True for a real date written `YYYY-MM-DD`.
    static func isValid(_ text: String) -> Bool {
        // Read from the UTF-8 bytes: ten of them, digits but for the two hyphens.
        var year = 0, month = 0, day = 0
        var count = 0
        for byte in text.utf8 {
            count += 1
            if count == 5 || count == 8 {
                guard byte == UInt8(ascii: "-") else { return false }
                continue
            }
            guard count <= 10, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch count {
            case ...4: year = year * 10 + digit
            case 6, 7: month = month * 10 + digit
            default: day = day * 10 + digit
            }
        }
        return count == 10 && isReal(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`, or nil when the day does not exist.
    static func make(year: Int, month: Int, day: Int) -> String? {
        guard isReal(year: year, month: month, day: day) else { return nil }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    /// Whether the day exists, in a year of four digits.
    private static func isReal(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year) && (1000...9999).contains(year)
    }

    /// `--MM-DD` (ISO 8601 month-day without a year), or nil when no year has that day.
    static func monthDay(month: Int, day: Int) -> String? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: 2000) else { return nil }
        return "--\(pad(month))-\(pad(day))"
    }

    /// The number of days in `month` (1-12) of `year`: the last day of a month named whole.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
