import Testing
@testable import PolicyCompare

@Suite struct ISODateTests {
    @Test func acceptsRealDaysOnly() {
        #expect(ISODate.isValid("2019-04-18"))
        #expect(ISODate.isValid("2020-02-29"), "2020 is a leap year")
        #expect(ISODate.isValid("2000-02-29"), "2000 is a leap year")
        #expect(!ISODate.isValid("1900-02-29"), "1900 is not")
        #expect(!ISODate.isValid("2019-02-29"))
        #expect(!ISODate.isValid("2019-04-31"))
        #expect(!ISODate.isValid("2019-13-01"))
        #expect(!ISODate.isValid("2019-00-10"))
        #expect(!ISODate.isValid("2019-01-00"))
        #expect(!ISODate.isValid("0999-01-01"), "years have four digits from 1000")
    }

    @Test func acceptsOnlyTheWrittenForm() {
        for text in ["", "2019-4-18", "2019-04-8", "19-04-18", "2019/04/18", "2019-04-18 ", " 2019-04-18", "2019-04-180",
                     "2019-+4-18", "+019-04-18", "2019--4-18", "２０１９-04-18", "2019-04-1٨", "18-04-2019"] {
            #expect(!ISODate.isValid(text), "\(text)")
        }
    }

    @Test func makesWhatItAccepts() {
        #expect(ISODate.make(year: 2019, month: 4, day: 8) == "2019-04-08")
        #expect(ISODate.make(year: 2019, month: 2, day: 29) == nil)
        #expect(ISODate.monthDay(month: 2, day: 29) == "--02-29")
        for text in ["2019-04-18", "2020-02-29", "1999-12-31"] {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            #expect(ISODate.make(year: parts[0], month: parts[1], day: parts[2]) == text)
        }
    }
}
