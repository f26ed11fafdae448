import Testing
@testable import PolicyCompare

@Suite struct DateRangeCodeTests {
    typealias Day = DateRangeCode.Day

    @Test("a range typed as one code token: both days, with the month and year each states", arguments: [
        ("01/6-30/6/2021", Day(day: 1, month: 6, year: nil), Day(day: 30, month: 6, year: 2021)),
        ("1-30/6/2021", Day(day: 1, month: nil, year: nil), Day(day: 30, month: 6, year: 2021)),
        ("01/6/2021-30/6/2021", Day(day: 1, month: 6, year: 2021), Day(day: 30, month: 6, year: 2021)),
        ("25/5-1/6", Day(day: 25, month: 5, year: nil), Day(day: 1, month: 6, year: nil)),
    ])
    func ranges(word: String, first: Day, last: Day) throws {
        let range = try #require(DateRangeCode(word), "\(word)")
        #expect((range.first, range.last) == (first, last))
    }

    @Test("anything else is no range: ages, document codes, a day or month that no date has, a dash too many or none", arguments: [
        "6-15", "20-CT/TW", "1555/QĐ-TTg", "55-CT/TW", "1-15-30/6/2021", "32/6-30/6/2021", "1-30/13/2021", "0-30/6/2021",
        "01/6/2021", "30/6", "1-30/6/2021/5", "1/6/2021/5-30/6", "12345-30/6", "-30/6", "1-/6", "1-30//6", "", "1 - 30/6",
    ])
    func notRanges(word: String) {
        #expect(DateRangeCode(word) == nil, "\(word)")
    }
}
