/// A date range typed without spaces, which the tokeniser joins into one code token at its
/// "/" and "-": "01/6-30/6/2021", "1-30/6/2021", "01/6/2021-30/6/2021".
struct DateRangeCode: Sendable, Hashable {
    /// A day as written: its month and year only when the text states them.
    struct Day: Sendable, Hashable {
        var day: Int
        var month: Int?
        var year: Int?
    }

    /// The first day ("1" in "1-30/6/2021"): it takes the last day's month and year when it
    /// states none.
    let first: Day
    /// The last day, which always states its month.
    let last: Day

    /// The range `word` states: one to three numbers joined by "/" (day, month, year), a single
    /// "-", then two or three (the last day states its month); days 1-31 and months 1-12. Nil
    /// for anything else: "6-15" (ages), "20-CT/TW", "1-15-30/6/2021", "32/6-30/6/2021".
    ///
    /// Read from the word's bytes into a fixed buffer: every code token of a document is
    /// tried, and most (document numbers, single dates) fail on their first bytes.
    init?(_ word: String) {
        var word = word
        guard let (first, last) = word.withUTF8(Self.parse) else { return nil }
        self.first = first
        self.last = last
    }

    /// The two days of `utf8`, or nil.
    private static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> (Day, Day)? {
        // At most three parts a side: a day, a month and a year.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 6) { parts -> (Day, Day)? in
            var count = 0, dash = 0, value = 0, digits = 0
            for index in 0...utf8.count {
                let byte = index < utf8.count ? utf8[index] : UInt8(ascii: "/")
                if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    guard digits < 4 else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                    digits += 1
                    continue
                }
                // A "/", the "-" or the end closes a part, which must have digits.
                guard digits > 0, count < parts.count, byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-") else { return nil }
                parts[count] = value
                count += 1
                value = 0
                digits = 0
                if byte == UInt8(ascii: "-") {
                    guard dash == 0 else { return nil }
                    dash = count
                }
            }
            guard dash >= 1, dash <= 3, count - dash >= 2, count - dash <= 3 else { return nil }
            let first = Day(day: parts[0], month: dash > 1 ? parts[1] : nil, year: dash > 2 ? parts[2] : nil)
            let last = Day(day: parts[dash], month: parts[dash + 1], year: count - dash > 2 ? parts[dash + 2] : nil)
            guard isValid(first), isValid(last) else { return nil }
            return (first, last)
        }
    }

    /// Day 1-31 and, when stated, month 1-12 (whether the day exists is left to the date made).
    private static func isValid(_ day: Day) -> Bool {
        (1...31).contains(day.day) && day.month.map { (1...12).contains($0) } ?? true
    }
}
