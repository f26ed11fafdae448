import Testing
@testable import PolicyCompare

@Suite struct TextReportTests {
    static let report = Report(title: "T", sections: [
        Report.Section(title: "Priorities", blocks: [
            .heading("THEMES"),
            .paragraph("2 continue:"),
            .entries([
                Report.Entry(text: "Child marriage: 2019", quotes: [Report.Quote(text: "phòng, chống tảo hôn;", source: "2019-x III.2, matched: tảo hôn")]),
                Report.Entry(text: "Drowning *new*"),
            ]),
            .bullets(["a", "b"]),
        ]),
    ])

    @Test("plain text: a heading is a line of its own, each entry's quote is indented under it")
    func plain() {
        #expect(TextReport.plain(Self.report) == """
            T
            =

            Priorities
            ----------
            THEMES
            2 continue:
              - Child marriage: 2019
                  “phòng, chống tảo hôn;”
                  (2019-x III.2, matched: tảo hôn)
              - Drowning *new*
              - a
              - b

            """)
    }

    @Test("Markdown: a heading is ###, entries are a loose list with each quote a block quote inside its item, text is escaped")
    func markdown() {
        #expect(TextReport.markdown(Self.report) == """
            # T

            ## Priorities

            ### THEMES

            2 continue:

            - Child marriage: 2019

              > “phòng, chống tảo hôn;”\u{20}\u{20}
              > — 2019-x III.2, matched: tảo hôn

            - Drowning \\*new\\*

            - a
            - b

            """)
    }
}
