import Testing
@testable import PolicyCompare

@Suite struct SpaceTrimmingTests {
    @Test(arguments: [
        ("abc", "abc"), ("a b", "a b"), (" a ", "a"), ("\ta\t", "a"), ("a ", "a"), (" a", "a"), ("", ""), ("   ", ""),
        ("\u{3000}Hà Nội\u{00A0}", "Hà Nội"), ("\u{200B}x\u{200B}", "x"), ("Hà Nội", "Hà Nội"), ("x\u{2003}", "x"),
        ("é", "é"), ("a\u{200B}", "a"),
    ])
    func trimsSpacesAtBothEndsOnly(_ text: String, _ expected: String) {
        #expect(text.trimmingSpaces == expected)
        #expect(text[...].trimmingSpaces == expected, "the same for a substring")
    }
}
