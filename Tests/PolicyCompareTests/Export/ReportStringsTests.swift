import Testing
@testable import PolicyCompare

@Suite struct ReportStringsTests {
    let strings = ReportStrings(language: .en, strings: [
        "pair": "{0} and {1}", "twice": "{0}, {0}!", "braces": "{x} {9} {0} {", "n": "{1} recur", "n.one": "{1} recurs",
    ])

    @Test("placeholders are filled in one pass, each as often as it stands; other braces stay")
    func fill() {
        #expect(strings("pair", "a", 2) == "a and 2")
        #expect(strings("twice", "yes") == "yes, yes!")
        #expect(strings("braces", "z") == "{x} {9} z {")
        #expect(strings("no such key", "a") == "no such key")
        #expect(strings("pair") == "{0} and {1}", "no arguments: the text as written")
    }

    @Test("an argument's own text is never read for placeholders: a quote holding \"{1}\" stays as written")
    func argumentsStayAsWritten() {
        #expect(strings("pair", "trích {1} nguyên văn", "b") == "trích {1} nguyên văn and b")
    }

    @Test("the one form is chosen for a count of 1 when the language has it")
    func oneForm() {
        #expect(strings("n", one: 1, 0, 1) == "1 recurs" && strings("n", one: 3, 0, 3) == "3 recur")
    }

    @Test("every bundled string fills the same as replacing each placeholder in turn, in both languages")
    func bundledStrings() throws {
        for language in ReportStrings.Language.allCases {
            let bundled = try ReportStrings.bundled(language)
            for row in try BundledResource.tsvRows("report-strings.tsv") where row.count >= 3 {
                var expected = language == .en ? row[1] : row[2]
                let arguments = (0..<6).map { "‹\($0)›" }
                for (i, argument) in arguments.enumerated() { expected = expected.replacingOccurrences(of: "{\(i)}", with: argument) }
                #expect(bundled(row[0], arguments[0], arguments[1], arguments[2], arguments[3], arguments[4], arguments[5]) == expected, "\(row[0])")
            }
        }
    }
}
