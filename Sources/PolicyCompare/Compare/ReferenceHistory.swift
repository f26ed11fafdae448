/// One cited instrument across the compared years: who cites it, first and last year, status.
public struct ReferenceHistory: Sendable, Hashable {
    public var type: String
    public var key: String
    /// The instrument's date when any citation gives it.
    public var date: String
    public var years: [Int]
    public var status: ChangeStatus
    /// Mentions per citing document id.
    public var mentions: [String: Int]
    /// The first citation, as written.
    public var quote: String

    public var firstYear: Int? { years.first }
    public var lastYear: Int? { years.last }

    static func track(_ documents: [DocumentAnalysis], years: [Int]) -> [ReferenceHistory] {
        var order: [String] = []
        var byKey: [String: ReferenceHistory] = [:]
        for document in documents {
            for reference in document.references {
                if byKey[reference.key] == nil {
                    order.append(reference.key)
                    byKey[reference.key] = ReferenceHistory(type: reference.type, key: reference.key, date: reference.date, years: [],
                                                           status: .absent, mentions: [:], quote: reference.quote)
                }
                byKey[reference.key]?.mentions[document.metadata.id, default: 0] += 1
                if byKey[reference.key]?.date.isEmpty == true { byKey[reference.key]?.date = reference.date }
                if byKey[reference.key]?.years.contains(document.metadata.year) == false {
                    byKey[reference.key]?.years.append(document.metadata.year)
                }
            }
        }
        return order.compactMap { key in
            guard var history = byKey[key] else { return nil }
            history.years.sort { (years.firstIndex(of: $0) ?? 0) < (years.firstIndex(of: $1) ?? 0) }
            history.status = ChangeStatus.of(years.map { history.years.contains($0) })
            return history
        }
    }
}
