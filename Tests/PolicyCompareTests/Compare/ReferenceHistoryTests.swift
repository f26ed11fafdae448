import Testing
@testable import PolicyCompare

@Suite("ReferenceHistory")
struct ReferenceHistoryTests {
    @Test("histories are what looking each citation up by key gives, for every order of years")
    func sameAsByKey() throws {
        let corpus = try #require(Fixtures.corpus), codebook = try #require(Fixtures.codebook)
        let analyses = try CorpusAnalyzer(codebook: codebook).analyze(corpus)
        // Twice over, so that instruments are cited again by the same and other documents;
        // the first citations' dates left out, so that a later one gives it.
        var documents = analyses + analyses.reversed()
        documents[0].references = documents[0].references.map { reference in
            var reference = reference
            reference.date = ""
            return reference
        }
        let years = Array(Set(documents.map(\.metadata.year))).sorted()
        #expect(documents.reduce(0) { $0 + $1.references.count } > 10)
        for order in [years, years.reversed(), Array(years.dropFirst()), years + [years[0]]] {
            #expect(ReferenceHistory.track(documents, years: order) == Self.byKey(documents, years: order), "\(order)")
        }
    }

    /// The histories as first written: every change a look-up by key.
    private static func byKey(_ documents: [DocumentAnalysis], years: [Int]) -> [ReferenceHistory] {
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
