import Foundation
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
        // A key cited spelled with its marks composed and decomposed: other bytes, the same
        // key as a string.
        let cited = try #require(documents.first { !$0.references.isEmpty }?.references.first)
        for (index, key) in [(1, "Nghị quyết 5/NQ"), (2, "Nghị quyết 5/NQ".decomposedStringWithCanonicalMapping), (3, "Nghị quyết 5/NQ")] {
            var reference = cited
            reference.key = key
            documents[index].references.append(reference)
        }
        let years = Array(Set(documents.map(\.metadata.year))).sorted()
        #expect(documents.reduce(0) { $0 + $1.references.count } > 10)
        #expect(documents.contains { document in document.references.contains { !$0.key.utf8.elementsEqual($0.key.precomposedStringWithCanonicalMapping.utf8) } })
        #expect(ReferenceHistory.track(documents, years: years).filter { $0.key == "Nghị quyết 5/NQ" }.count == 1)
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
