import Foundation
import Testing
@testable import PolicyCompare

@Test func scratchDump() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let parser = try DirectiveParser()
    var out = ""
    for id in ["2010-molisa", "2013-molisa", "2014-molisa", "2019-lang-son", "2019-kien-giang"] {
        let s = try String(contentsOf: root.appendingPathComponent("Datasets/directives/\(id).txt"), encoding: .utf8)
        let d = parser.parse(VietnameseNormalizer.normalize(s), metadata: DocumentMetadata(id: id, year: 2019, file: "", issuer: "", level: "", kind: ""))
        out += "=== \(id)\nhead: \(d.letterHead)\ntheme: \(d.theme?.text ?? "nil")\nperiod: \(String(describing: d.period))\n"
        out += "slogans: \(d.slogans.map(\.text))\nrecipients: \(d.recipients)\nsignature: \(d.signature)\n"
        for r in d.references { out += "ref: \(r.type) | \(r.key) | \(r.date) | \(r.quote)\n" }
        for a in d.actors { out += "actor: \(a.id) tasked=\(a.tasked) \(a.quote) @\(a.segmentPath)\n" }
        for x in d.deadlines { out += "deadline: \(x.kind) \(x.date) @\(x.segmentPath)\n" }
        for seg in d.segments { out += "  \(seg.path) [\(seg.role.rawValue)] \(seg.text.prefix(70))\n" }
    }
    try out.write(toFile: "/tmp/dump.txt", atomically: true, encoding: .utf8)
}
