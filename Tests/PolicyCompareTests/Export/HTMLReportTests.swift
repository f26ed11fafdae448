import Foundation
import Testing
@testable import PolicyCompare

@Suite struct HTMLReportTests {
    @Test func documentTextIsEscaped() {
        #expect(HTMLReport.escape("<script>alert('x')</script> & \"q\"") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
    }

    @Test func pageIsSelfContained() throws {
        let c = try #require(RealCorpusComparisonTests.comparison)
        let strings = try ReportStrings.bundled(.en)
        let html = HTMLReport.render(ReportBuilder(strings: strings, toolVersion: "test").build(c), comparison: c, strings: strings)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"))
        #expect(!html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 2, "one heatmap per dimension")
        #expect(html.contains("Chung tay vì trẻ em nghèo, trẻ em dân tộc thiểu số"))
        #expect(html.contains("<ins>+ chung tay vì</ins>"))
    }
}
