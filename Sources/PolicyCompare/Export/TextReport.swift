import Foundation

/// Renders a ``Report`` as plain text (`report.txt`) or Markdown (`report.md`).
public enum TextReport {
    public static func plain(_ report: Report) -> String {
        var out = [report.title, String(repeating: "=", count: report.title.count), ""]
        for section in report.sections {
            out.append(section.title)
            out.append(String(repeating: "-", count: section.title.count))
            for block in section.blocks {
                switch block {
                case .heading(let text), .paragraph(let text):
                    out.append(text)
                case .bullets(let items):
                    out.append(contentsOf: items.map { "  - " + $0 })
                case .entries(let entries):
                    for entry in entries {
                        out.append("  - " + entry.text)
                        for quote in entry.quotes { out.append(contentsOf: plain(quote)) }
                    }
                case .table(let header, let rows):
                    out.append(contentsOf: aligned([header] + rows))
                case .quote(let quote):
                    out.append(contentsOf: plain(quote))
                }
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    public static func markdown(_ report: Report) -> String {
        var out = ["# \(escape(report.title))", ""]
        for section in report.sections {
            out.append("## \(escape(section.title))")
            out.append("")
            for block in section.blocks {
                switch block {
                case .heading(let text):
                    out.append("### " + escape(text))
                    out.append("")
                case .paragraph(let text):
                    out.append(escape(text))
                    out.append("")
                case .bullets(let items):
                    out.append(contentsOf: items.map { "- " + escape($0) })
                    out.append("")
                case .entries(let entries):
                    // A loose list: each quote, indented under its item after a blank line, is part of it.
                    for entry in entries {
                        out.append("- " + escape(entry.text))
                        out.append("")
                        for quote in entry.quotes { out.append(contentsOf: markdown(quote)) }
                    }
                case .table(let header, let rows):
                    out.append("| " + header.map(cell).joined(separator: " | ") + " |")
                    out.append("|" + String(repeating: " --- |", count: header.count))
                    out.append(contentsOf: rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" })
                    out.append("")
                case .quote(let quote):
                    out.append(contentsOf: markdown(quote))
                }
            }
        }
        return out.joined(separator: "\n")
    }

    /// A quote's lines in `report.txt`, indented under the item before it.
    private static func plain(_ quote: Report.Quote) -> [String] {
        ["      “\(quote.text)”", "      (\(quote.source))"]
    }

    /// A quote's lines in `report.md`: a block quote indented under the item before it, its
    /// source on a line of its own (the two spaces end the first line with a break).
    private static func markdown(_ quote: Report.Quote) -> [String] {
        ["  > “\(escape(quote.text))”  ", "  > — \(escape(quote.source))", ""]
    }

    /// Columns padded to their widest cell.
    private static func aligned(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { i in rows.map { $0.indices.contains(i) ? $0[i].count : 0 }.max() ?? 0 }
        return rows.enumerated().flatMap { index, row -> [String] in
            let line = "  " + row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[i] - cell.count))
            }.joined(separator: "  ")
            return index == 0 ? [line, "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] : [line]
        }
    }

    /// Text from a document cannot start Markdown structure or inject HTML.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "*", "_", "`", "[", "]", "|", "#", "\\": out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }

    private static func cell(_ text: String) -> String {
        escape(text.replacingOccurrences(of: "\n", with: " "))
    }
}
