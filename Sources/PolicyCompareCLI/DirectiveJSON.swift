import Foundation
import PolicyCompare

/// A directive as JSON for scripts: stable key order, UTF-8, offsets in Unicode scalars.
enum DirectiveJSON {
    static func render(_ d: Directive) -> String {
        let m = d.metadata
        func range(_ r: Range<Int>) -> [String: Any] { ["start": r.lowerBound, "end": r.upperBound] }
        let object: [String: Any] = [
            "document_id": m.id,
            "year": m.year,
            "year_inferred": m.yearInferred,
            "issuer": m.issuer,
            "issuer_inferred": m.issuerInferred,
            "level": m.level,
            "kind": m.kind,
            "encoding": d.encoding,
            "notes": d.notes,
            "letter_head": [
                "number": d.letterHead.number, "place": d.letterHead.place, "date": d.letterHead.date,
                "title": d.letterHead.title, "addressees": d.letterHead.addressees,
            ] as [String: Any],
            "theme": d.theme.map { $0.text as Any } ?? NSNull(),
            "period": d.period.map { ["start": $0.start, "end": $0.end, "quote": $0.quote, "source_range": range($0.sourceRange)] as Any } ?? NSNull(),
            "slogans": d.slogans.map(\.text),
            "references": d.references.map {
                ["type": $0.type, "key": $0.key, "date": $0.date, "quote": $0.quote, "segment_path": $0.segmentPath, "source_range": range($0.sourceRange)] as [String: Any]
            },
            "actors": d.actors.map {
                ["id": $0.id, "name": $0.name, "name_en": $0.nameEnglish, "tasked": $0.tasked, "quote": $0.quote, "segment_path": $0.segmentPath, "source_range": range($0.sourceRange)] as [String: Any]
            },
            "deadlines": d.deadlines.map {
                ["kind": $0.kind.rawValue, "date": $0.date, "quote": $0.quote, "segment_path": $0.segmentPath, "source_range": range($0.sourceRange)] as [String: Any]
            },
            "segments": d.segments.map {
                ["path": $0.path, "role": $0.role.rawValue, "part": $0.part.rawValue, "marker": $0.marker, "parent": $0.parent,
                 "depth": $0.depth, "text": $0.text, "source_range": range($0.sourceRange)] as [String: Any]
            },
            "recipients": d.recipients,
            "signature": d.signature,
            "syllables": d.syllableCount,
            "marked_syllables": d.markedSyllableCount,
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
              let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }
}
