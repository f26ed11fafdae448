import PolicyCompare

/// A directive as a person reads it in a terminal.
enum DirectiveText {
    static func render(_ d: Directive) -> String {
        var lines: [String] = []
        let m = d.metadata
        let year = m.year == 0 ? "year unknown" : "\(m.year)\(m.yearInferred ? ", year inferred" : "")"
        lines.append("\(m.id)  (\(year); \(m.level.isEmpty ? "level and kind unknown" : "\(m.level) \(m.kind)"))")
        lines.append("Issuer:      \(m.issuer.isEmpty ? "unknown" : m.issuer)\(m.issuerInferred ? "  (inferred)" : "")")
        let head = d.letterHead
        if !head.number.isEmpty { lines.append("Number:      \(head.number)") }
        if !head.place.isEmpty || !head.date.isEmpty { lines.append("Place, date: \(head.place), \(head.date)") }
        if !head.title.isEmpty { lines.append("Title:       \(head.title)") }
        if !head.addressees.isEmpty { lines.append("To:          \(head.addressees.joined(separator: "; "))") }
        lines.append("Encoding:    \(d.encoding)")
        for note in d.notes { lines.append("Note:        \(note)") }
        lines.append("Theme:       \(d.theme.map { "“\($0.text)” (at \($0.segmentPath))" } ?? "none stated")")
        lines.append("Period:      \(d.period.map { "\($0.start) to \($0.end) (“\($0.quote)”)" } ?? "none stated")")
        lines.append("Syllables:   \(d.syllableCount) in \(d.segments.count) body and annex segments, \(d.markedSyllableCount) with a diacritic")
        section("Slogans and messages", d.slogans.enumerated().map { "\($0.offset + 1). \($0.element.text)  [\($0.element.segmentPath)]" }, into: &lines)
        section("References", d.references.map { "\($0.key.hasPrefix($0.type) ? "" : $0.type + " ")\($0.key)\($0.date.isEmpty ? "" : " of \($0.date)")  [\($0.segmentPath)] “\($0.quote)”" }, into: &lines)
        section("Actors (* = given a task)", d.actors.map { "\($0.tasked ? "*" : " ") \($0.name) (\($0.id))  [\($0.segmentPath)] “\($0.quote)”" }, into: &lines)
        section("Deadlines and dates", d.deadlines.map { "\($0.date) \($0.kind.rawValue)  [\($0.segmentPath)] “\($0.quote)”" }, into: &lines)
        section("Segments (path [role] text)", d.segments.map { String(repeating: "  ", count: $0.depth) + "\($0.path) [\($0.role.rawValue)] \($0.text)" }, into: &lines)
        section("Recipients (not coded)", d.recipients, into: &lines)
        section("Signature (not coded)", d.signature, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func section(_ title: String, _ items: [String], into lines: inout [String]) {
        lines.append("")
        lines.append("\(title):\(items.isEmpty ? " none" : "")")
        for item in items { lines.append("  " + item) }
    }
}
