import Foundation

/// `report.html`: one self-contained page (inline CSS and SVG, no scripts, no network) with
/// a heatmap of categories by year, the themes as a timeline, and the text report's sections.
public enum HTMLReport {
    public static func render(_ report: Report, comparison c: Comparison, strings t: ReportStrings) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="\(t.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(report.title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <main>
        <h1>\(escape(report.title))</h1>

        """
        // "In brief" comes first, before the pictures, as in the text report.
        func section(_ section: Report.Section) -> String {
            "<section><h2>\(escape(section.title))</h2>\n" + section.blocks.map(render).joined() + "</section>\n"
        }
        let brief = report.sections.first { $0.title == t("brief.title") }
        if let brief { html += section(brief) }
        html += "<section><h2>\(escape(t("html.heatmap")))</h2><p class=\"note\">\(escape(t("html.heatmap.note")))</p>\n"
        for dimension in Category.Dimension.allCases {
            html += "<h3>\(escape(t(dimension == .theme ? "priorities.themes" : "priorities.activities")))</h3>\n"
            html += heatmap(c, dimension: dimension, strings: t)
        }
        html += "</section>\n"
        html += timeline(c, strings: t)
        // The timeline above replaces the text report's list of themes.
        for other in report.sections where other.title != t("theme.title") && other.title != brief?.title {
            html += section(other)
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private static func render(_ block: Report.Block) -> String {
        switch block {
        case .heading(let text):
            return "<h3>\(escape(text))</h3>\n"
        case .paragraph(let text):
            return "<p>\(escape(text))</p>\n"
        case .bullets(let items):
            return "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        case .entries(let entries):
            return "<ul>\n" + entries.map { "<li>\(escape($0.text))\($0.quotes.map(render).joined())</li>\n" }.joined() + "</ul>\n"
        case .table(let header, let rows):
            var out = "<div class=\"scroll\"><table>\n<thead><tr>" + header.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            // The first cell names its row (a document, a slogan, an instrument, a category).
            for row in rows {
                out += "<tr>" + row.enumerated().map { $0.offset == 0 ? "<th scope=\"row\">\(escape($0.element))</th>" : "<td>\(escape($0.element))</td>" }.joined() + "</tr>\n"
            }
            return out + "</tbody></table></div>\n"
        case .quote(let quote):
            return render(quote) + "\n"
        }
    }

    /// A quote from a directive, marked as Vietnamese so that a screen reader of the English
    /// page reads it as such.
    private static func render(_ quote: Report.Quote) -> String {
        "<blockquote><p lang=\"vi\">“\(escape(quote.text))”</p><cite>\(escape(quote.source))</cite></blockquote>"
    }

    /// Categories by year: colour for matches per 1,000 syllables, text for documents present.
    private static func heatmap(_ c: Comparison, dimension: Category.Dimension, strings t: ReportStrings) -> String {
        let categories = c.codebook.categories.filter { $0.dimension == dimension }
        let labelWidth = 330, cell = 74, row = 24, top = 28
        let width = labelWidth + cell * c.years.count + 110
        let height = top + row * categories.count + 6
        let maximum = c.byYear.filter { r in categories.contains { $0.id == r.categoryID } }.map(\.per1000).max() ?? 0
        let name = t("html.heatmap") + ": " + t(dimension == .theme ? "priorities.themes" : "priorities.activities")
        // Year and category where only context paragraphs mention it: its cell is starred.
        let contextOnly = c.contextOnlyYears
        // Each category's figures by year and its status, found once for the picture and the
        // table (``Comparison/row(year:category:)`` reads every row of every year).
        var cells: [String: [Int: Comparison.YearCategory]] = [:]
        for value in c.byYear where cells[value.categoryID]?[value.year] == nil { cells[value.categoryID, default: [:]][value.year] = value }
        var statuses: [String: ChangeStatus] = [:]
        for change in c.changes where statuses[change.categoryID] == nil { statuses[change.categoryID] = change.status }
        var svg = "<div class=\"scroll\"><svg role=\"img\" aria-label=\"\(escape(name))\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        for (i, year) in c.years.enumerated() {
            svg += "<text x=\"\(labelWidth + i * cell + cell / 2)\" y=\"18\" text-anchor=\"middle\" class=\"year\">\(year)</text>\n"
        }
        svg += "<text x=\"\(labelWidth + cell * c.years.count + 8)\" y=\"18\" class=\"year\">\(escape(t("col.status")))</text>\n"
        for (r, category) in categories.enumerated() {
            let y = top + r * row
            let primary = t.language == .en ? category.labelEnglish : category.labelVietnamese
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\" class=\"label\"><title>\(escape(t.label(category))): \(escape(category.definition))</title>\(escape(primary))</text>\n"
            for (i, year) in c.years.enumerated() {
                guard let value = cells[category.id]?[year] else { continue }
                let x = labelWidth + i * cell
                let fill = colour(value.per1000, maximum: maximum, present: value.present)
                let ink = value.present && maximum > 0 && value.per1000 / maximum > 0.55 ? "#fff" : "#222"
                svg += "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cell - 2)\" height=\"\(row - 2)\" rx=\"3\" fill=\"\(fill)\"><title>\(year): \(value.documentsPresent)/\(value.documentsTotal), \(t.decimal(value.per1000, places: 1)) / 1000</title></rect>\n"
                let star = contextOnly[category.id]?.contains(year) == true ? "*" : ""
                svg += "<text x=\"\(x + cell / 2)\" y=\"\(y + 16)\" text-anchor=\"middle\" fill=\"\(ink)\" class=\"cell\">\(value.present ? "\(value.documentsPresent)/\(value.documentsTotal)\(star)" : "–")</text>\n"
            }
            if let status = statuses[category.id] {
                svg += "<text x=\"\(labelWidth + cell * c.years.count + 8)\" y=\"\(y + 16)\" class=\"status \(status.rawValue)\">\(escape(t("status.\(status.rawValue)")))</text>\n"
            }
        }
        svg += "</svg></div>\n"
        // The same figures as a table, for screen readers (which read the picture as its name
        // only) and for copying.
        let header = [t("col.category")] + c.years.map(String.init) + [t("col.status")]
        let rows = categories.map { category in
            [t.label(category)] + c.years.map { year in
                guard let value = cells[category.id]?[year], value.present else { return "–" }
                let star = contextOnly[category.id]?.contains(year) == true ? "*" : ""
                return t("html.heatmap.cell", "\(value.documentsPresent)/\(value.documentsTotal)\(star)", t.decimal(value.per1000, places: 1))
            } + [statuses[category.id].map { t("status.\($0.rawValue)") } ?? ""]
        }
        let table = t("html.heatmap.table", t(dimension == .theme ? "html.heatmap.themes" : "html.heatmap.activities"))
        return svg + "<details><summary>\(escape(table))</summary>\n" + render(.table(header, rows)) + "</details>\n"
    }

    /// A blue ramp for intensity; light grey for absent.
    private static func colour(_ value: Double, maximum: Double, present: Bool) -> String {
        guard present, maximum > 0 else { return "#eeeeee" }
        let share = min(1, sqrt(value / maximum))
        let from = (222.0, 235.0, 247.0), to = (8.0, 69.0, 148.0)
        func mix(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * share).rounded()) }
        return String(format: "#%02x%02x%02x", mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2))
    }

    /// The official themes, year by year, with the words added and removed.
    private static func timeline(_ c: Comparison, strings t: ReportStrings) -> String {
        var out = "<section><h2>\(escape(t("theme.title")))</h2>\n<ol class=\"timeline\">\n"
        for year in c.years {
            let themes = c.themes.filter { $0.year == year }
            var seen = Set<String>()
            out += "<li><span class=\"when\">\(year)</span>"
            for theme in themes where seen.insert(theme.theme ?? "").inserted {
                let documents = themes.filter { $0.theme == theme.theme }.map(\.documentID).joined(separator: ", ")
                guard let text = theme.theme else {
                    out += "<p class=\"none\">\(escape(t("theme.none", year, documents)))</p>"
                    continue
                }
                out += "<p class=\"theme\">“\(escape(text))”</p><p class=\"docs\">\(escape(documents))</p>"
                if let previous = theme.previousYear, !theme.unchanged {
                    var parts: [String] = []
                    if !theme.added.isEmpty { parts.append("<ins>+ \(escape(theme.added.joined(separator: " ")))</ins>") }
                    if !theme.removed.isEmpty { parts.append("<del>− \(escape(theme.removed.joined(separator: " ")))</del>") }
                    out += "<p class=\"diff\">\(escape(t("theme.against", previous))) \(parts.joined(separator: " "))</p>"
                } else if let previous = theme.previousYear {
                    out += "<p class=\"diff\">\(escape(t("theme.same", previous)))</p>"
                }
            }
            out += "</li>\n"
        }
        return out + "</ol></section>\n"
    }

    /// Text for HTML element content and attribute values: `& < > " '` as entities, control
    /// characters other than newline and tab dropped.
    ///
    /// Read as UTF-8 bytes, which is exact: every character replaced is ASCII, and no byte of a
    /// longer character is. Text with none of them, most of it, is returned as it is (appending
    /// scalar by scalar cost some 400 instructions each, much of rendering the page).
    public static func escape(_ text: String) -> String {
        func special(_ byte: UInt8) -> Bool {
            byte < 0x20 ? byte != 0x0A && byte != 0x09 : byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
        }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += "&amp;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x22: out += "&quot;".utf8
            case 0x27: out += "&#39;".utf8
            default:
                if special(byte) { continue }
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let style = """
    body{margin:0;font:15px/1.5 "Noto Sans","Segoe UI",Arial,sans-serif;color:#222;background:#fafafa}
    main{max-width:1080px;margin:0 auto;padding:24px 28px 48px;background:#fff}
    h1{font-size:1.6em;margin:0 0 .6em}h2{font-size:1.25em;border-bottom:2px solid #08458f;padding-bottom:4px;margin-top:2em}
    h3{font-size:1em;color:#08458f;margin:1.2em 0 .4em}p.note{color:#555;font-size:.9em}
    .scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.9em}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
    th{background:#f0f4fa}tbody th{background:none;font-weight:normal}svg text{font-family:inherit}svg .label{font-size:12px}svg .cell{font-size:11px}svg .year{font-size:12px;font-weight:bold}
    svg .status{font-size:11px}svg .new{fill:#0a7d2c;font-weight:bold}svg .dropped{fill:#b3261e;font-weight:bold}svg .continuing{fill:#08458f}
    blockquote{margin:.3em 0 .8em 1.5em;padding:.3em .8em;border-left:3px solid #9bb7de;background:#f6f9fd}blockquote p{margin:0}
    cite{display:block;font-size:.82em;color:#555;font-style:normal}
    ol.timeline{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:12px}
    ol.timeline li{flex:1 1 220px;border:1px solid #cfdcee;border-top:4px solid #08458f;border-radius:4px;padding:8px 10px;background:#fbfdff}
    .when{font-weight:bold;font-size:1.1em}.theme{font-weight:600;margin:.3em 0}.docs{font-size:.8em;color:#555;margin:0}.none{color:#777;font-style:italic}
    details{margin:.4em 0 1em}summary{cursor:pointer;color:#08458f;font-size:.9em}
    .diff{font-size:.85em}ins{color:#0a7d2c;text-decoration:none}del{color:#b3261e}
    @media print{body{background:#fff}main{max-width:none;padding:0}.scroll{overflow:visible}svg,table,blockquote,li{break-inside:avoid}h2,h3{break-after:avoid}svg{max-width:100%;height:auto}}
    """
}
