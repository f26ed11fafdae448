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

    /// One history per instrument cited, in order of first citation.
    ///
    /// Each citation looks its instrument up once, by key, and changes its history in place
    /// (five look-ups and a copy of the history for each were most of the cost). Keys are
    /// looked up by their bytes (hashing a `String` that is not ASCII normalises it first);
    /// they are told apart as strings are (canonical equivalence), so bytes not seen before
    /// are looked up as a string once.
    static func track(_ documents: [DocumentAnalysis], years: [Int]) -> [ReferenceHistory] {
        var histories: [ReferenceHistory] = []
        var indexOfKey: [String: Int] = [:]
        var indexOfBytes: [ExactText: Int] = [:]
        for document in documents {
            let id = document.metadata.id, year = document.metadata.year
            for reference in document.references {
                let bytes = ExactText(reference.key)
                let index: Int
                if let known = indexOfBytes[bytes] {
                    index = known
                } else if let known = indexOfKey[reference.key] {
                    index = known
                    indexOfBytes[bytes] = known
                } else {
                    index = histories.count
                    indexOfKey[reference.key] = index
                    indexOfBytes[bytes] = index
                    histories.append(ReferenceHistory(type: reference.type, key: reference.key, date: reference.date, years: [],
                                                      status: .absent, mentions: [:], quote: reference.quote))
                }
                histories[index].mentions[id, default: 0] += 1
                if histories[index].date.isEmpty { histories[index].date = reference.date }
                if !histories[index].years.contains(year) { histories[index].years.append(year) }
            }
        }
        let order = Dictionary(years.enumerated().map { ($0.element, $0.offset) }) { first, _ in first }
        for index in histories.indices {
            histories[index].years.sort { (order[$0] ?? 0) < (order[$1] ?? 0) }
            let cited = histories[index].years
            histories[index].status = ChangeStatus.of(years.map { cited.contains($0) })
        }
        return histories
    }
}
