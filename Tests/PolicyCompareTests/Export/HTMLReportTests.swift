import Foundation
import Testing
@testable import PolicyCompare

@Suite struct HTMLReportTests {
    @Test func documentTextIsEscaped() {
        #expect(HTMLReport.escape("<script>alert('x')</script> & \"q\"") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
        #expect(HTMLReport.escape("Bộ & Sở <Lạng Sơn>\r\n\ta\u{1}b\u{7F}") == "Bộ &amp; Sở &lt;Lạng Sơn&gt;\n\tab\u{7F}")
    }

    @Test("escaping by bytes gives what escaping scalar by scalar gave, on every line of the shipped directives and on hostile text")
    func escapeMatchesScalarByScalar() throws {
        func scalarByScalar(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default:
                    if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        var lines = ["", "\u{0}", "e\u{301}<\u{301}", "a\u{2028}b", "🇻🇳 & ☃", "\u{1B}[31m<b>", "Ho\u{0302}\u{0303} tro\u{031B}\u{0323}"]
        for id in Fixtures.ids {
            let text = try String(contentsOf: Fixtures.datasets.appendingPathComponent("directives/\(id).txt"), encoding: .utf8)
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(lines.count > 300)
        for line in lines { #expect(HTMLReport.escape(line) == scalarByScalar(line), "\(line)") }
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
        // A cell whose presence comes from context paragraphs only is starred, and the note says why:
        // climate change in 2010, equal opportunity and child labour in 2014.
        #expect(html.components(separatedBy: "class=\"cell\">1/1*<").count - 1 == 3)
        #expect(html.contains("* (2/2*): present only through context paragraphs"))
        // "In brief" comes first, once.
        let brief = try #require(html.range(of: "<h2>In brief</h2>")?.lowerBound)
        #expect(brief < (html.range(of: "<svg")?.lowerBound ?? brief) && html.components(separatedBy: "<h2>In brief</h2>").count == 2)
        // Column headers say they are column headers.
        #expect(html.contains("<th scope=\"col\">") && !html.contains("<th>"))
        // Quotes are the directives' Vietnamese, marked so on the English page.
        #expect(html.contains("<blockquote><p lang=\"vi\">“") && !html.contains("<blockquote><p>"))
    }

    @Test("each heatmap's figures are also a table, for screen readers: a row per category, each cell as in the picture, with its intensity")
    func heatmapAsTable() throws {
        let c = try #require(RealCorpusComparisonTests.comparison)
        let t = try ReportStrings.bundled(.en)
        let html = HTMLReport.render(ReportBuilder(strings: t, toolVersion: "test").build(c), comparison: c, strings: t)
        let heatmaps = html.components(separatedBy: "<svg").dropFirst()
        #expect(heatmaps.count == 2)
        for (heatmap, dimension) in zip(heatmaps, Category.Dimension.allCases) {
            let picture = try #require(heatmap.components(separatedBy: "</svg>").first)
            let table = try #require(heatmap.components(separatedBy: "<details>").dropFirst().first?.components(separatedBy: "</details>").first)
            #expect(table.hasPrefix("<summary>\(dimension == .theme ? "Themes" : "Activities") as a table"))
            let pictureCells = picture.components(separatedBy: "class=\"cell\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
            let rows = table.components(separatedBy: "<tr><th scope=\"row\">").dropFirst().map { row in
                row.replacingOccurrences(of: "</th>", with: "</td>").components(separatedBy: "</td><td>")
                    .map { $0.replacingOccurrences(of: "</td></tr>\n", with: "").replacingOccurrences(of: "</tbody></table></div>\n", with: "") }
            }
            #expect(rows.count == c.codebook.categories.filter { $0.dimension == dimension }.count)
            // Category, the years, the status: each year's cell the picture's, then the intensity.
            let tableCells = rows.flatMap { $0.dropFirst().dropLast() }
            #expect(tableCells.count == pictureCells.count && tableCells.count == rows.count * c.years.count)
            // Each cell is the picture's, and the year's intensity in brackets.
            let categories = c.codebook.categories.filter { $0.dimension == dimension }
            for (k, (cell, shown)) in zip(tableCells, pictureCells).enumerated() {
                let category = categories[k / c.years.count], year = c.years[k % c.years.count]
                let row = try #require(c.row(year: year, category: category.id))
                let expected = row.present ? shown.hasPrefix("\(row.documentsPresent)/\(row.documentsTotal)") && cell == "\(shown) (\(t.decimal(row.per1000, places: 1)))"
                    : shown == "–" && cell == "–"
                #expect(expected, "\(category.id) \(year): \(cell) against \(shown)")
            }
        }
        #expect(html.contains("<tr><th scope=\"row\">Climate change (Biến đổi khí hậu)</th><td>1/1* (1.0)</td><td>–</td><td>–</td><td>–</td><td>dropped</td></tr>"))
        // In Vietnamese the decimal comma stands in brackets, apart from the count.
        let vi = try ReportStrings.bundled(.vi)
        let vietnamese = HTMLReport.render(ReportBuilder(strings: vi, toolVersion: "test").build(c), comparison: c, strings: vi)
        #expect(vietnamese.contains("<td>1/1 (9,1)</td>") && vietnamese.contains("<summary>Chủ đề dạng bảng"))
    }

    @Test("headings are headings, each priority group is one list with each quote inside its item, and each heatmap has its own name")
    func structure() throws {
        let c = try #require(RealCorpusComparisonTests.comparison)
        for language in ReportStrings.Language.allCases {
            let t = try ReportStrings.bundled(language)
            let html = HTMLReport.render(ReportBuilder(strings: t, toolVersion: "test").build(c), comparison: c, strings: t)
            for tag in ["section", "ul", "li", "blockquote", "h2", "h3", "p", "table", "svg", "details", "summary"] {
                #expect(html.components(separatedBy: "<\(tag)>").count + html.components(separatedBy: "<\(tag) ").count - 2
                        == html.components(separatedBy: "</\(tag)>").count - 1, "\(language): <\(tag)> opened and closed as often")
            }
            let labels = html.components(separatedBy: "aria-label=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            #expect(labels.count == 2 && Set(labels).count == 2, "\(language): \(labels)")
            let start = try #require(html.range(of: "<h2>\(HTMLReport.escape(t("priorities.title")))</h2>"), "\(language)")
            let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
            let priorities = String(html[start.upperBound..<end.lowerBound])
            for key in ["priorities.themes", "priorities.activities"] {
                #expect(priorities.contains("<h3>\(HTMLReport.escape(t(key)))</h3>"), "\(language): \(key) is a heading")
            }
            let quotes = priorities.components(separatedBy: "<blockquote>").count - 1
            // An item's quotes follow each other (a continuing category is quoted from the first
            // and the last year), the last one closing the item.
            let ending = priorities.components(separatedBy: "</blockquote></li>").count - 1
            let followed = priorities.components(separatedBy: "</blockquote><blockquote>").count - 1
            #expect(quotes > 10 && followed > 0 && ending + followed == quotes, "\(language): every quote inside its item")
            #expect(!priorities.contains("</ul>\n<ul>") && !priorities.contains("</ul>\n<blockquote>"), "\(language): one list per group")
        }
    }
}
