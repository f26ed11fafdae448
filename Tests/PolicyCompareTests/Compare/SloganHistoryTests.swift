import Foundation
import Testing
@testable import PolicyCompare

@Suite("SloganHistory")
struct SloganHistoryTests {
    /// The hand-made corpus's four documents with the given slogans instead of their own.
    private func documents(_ slogans: [[String]]) throws -> [DocumentAnalysis] {
        let (corpus, codebook) = try ComparisonTests.corpus()
        var analyses = try CorpusAnalyzer(codebook: codebook).analyze(corpus)
        for index in analyses.indices {
            analyses[index].slogans = (slogans[safe: index] ?? []).map { Statement(text: $0, segmentPath: "1", sourceRange: 0..<1) }
        }
        return analyses
    }

    @Test("a slogan joins the first group close enough, every time its wording recurs")
    func grouping() throws {
        let listen = "Lắng nghe trẻ em nói"
        let listenMore = "Lắng nghe trẻ em nói nhiều"  // Jaccard 5/6 with the first
        let protect = "Bảo vệ trẻ em khỏi xâm hại"
        let docs = try documents([[listen, protect], [listenMore, listenMore], [protect], [listenMore, "Khác hẳn"]])
        let histories = SloganHistory.track(docs, threshold: 0.75)
        #expect(histories.map(\.text) == [listen, protect, "Khác hẳn"])
        let first = try #require(histories.first)
        #expect(first.years == [2010, 2013, 2019])
        #expect(first.documents == ["a2010", "b2013", "d2019"], "a document is listed once however often it repeats a slogan")
        #expect(first.variants == [listen, listenMore])
        #expect(!first.exact)
        let second = histories[1]
        #expect(second.documents == ["a2010", "c2019"] && second.exact)
    }

    @Test("a later group never takes a wording an earlier group already took")
    func firstGroupWins() throws {
        // "a b c d" and "b c d e f" are two groups (3/6 < 0.6). "b c d e" is close to both
        // (3/5 and 4/5) and joins the first, the closer second one notwithstanding, each time.
        let docs = try documents([["a b c d"], ["b c d e f"], ["b c d e"], ["b c d e"]])
        let histories = SloganHistory.track(docs, threshold: 0.6)
        #expect(histories.map(\.text) == ["a b c d", "b c d e f"])
        #expect(histories.first?.documents == ["a2010", "c2019", "d2019"])
        #expect(histories.last?.documents == ["b2013"])
    }

    @Test("the real directives' slogans, repeated and reworded, group as looking every occurrence up by its syllables does")
    func sameAsEveryOccurrence() throws {
        let corpus = try #require(Fixtures.corpus), codebook = try #require(Fixtures.codebook)
        let analyses = try CorpusAnalyzer(codebook: codebook).analyze(corpus)
        var documents = analyses + analyses.reversed() + analyses
        // Some wordings cut short or with a word dropped, so that groups gather variants, and
        // some spelled with their marks decomposed: other bytes, the same wording as a string.
        for index in documents.indices where index % 4 == 2 {
            documents[index].slogans = documents[index].slogans.map { slogan in
                var slogan = slogan
                slogan.text = slogan.text.decomposedStringWithCanonicalMapping
                return slogan
            }
        }
        for index in documents.indices where index % 2 == 1 {
            documents[index].slogans = documents[index].slogans.map { slogan in
                var slogan = slogan
                let words = slogan.text.split(separator: " ")
                slogan.text = words.count > 3 ? words.dropLast().joined(separator: " ") : slogan.text.uppercased()
                return slogan
            }
        }
        #expect(documents.reduce(0) { $0 + $1.slogans.count } > 10)
        #expect(documents.contains { document in document.slogans.contains { !$0.text.utf8.elementsEqual($0.text.precomposedStringWithCanonicalMapping.utf8) } })
        for threshold in [0.5, 0.75, 1] {
            #expect(SloganHistory.track(documents, threshold: threshold) == Self.everyOccurrence(documents, threshold: threshold), "\(threshold)")
        }
    }

    /// The groups as first written: every occurrence looks its set of syllables up.
    private static func everyOccurrence(_ documents: [DocumentAnalysis], threshold: Double) -> [SloganHistory] {
        var groups: [(keys: Set<String>, words: [String], history: SloganHistory, variants: Set<String>)] = []
        var groupOfKeys: [Set<String>: Int] = [:]
        for document in documents {
            for slogan in document.slogans {
                let words = PhrasePattern.syllables(of: slogan.text, loose: false)
                let keys = Set(words)
                let year = document.metadata.year
                guard let index = groupOfKeys[keys] ?? groups.firstIndex(where: { SloganHistory.jaccard($0.keys, keys) >= threshold }) else {
                    groupOfKeys[keys] = groups.count
                    groups.append((keys, words, SloganHistory(text: slogan.text, firstYear: year, years: [year], documents: [document.metadata.id],
                                                              variants: [slogan.text], exact: true), [slogan.text]))
                    continue
                }
                groupOfKeys[keys] = index
                if !groups[index].history.years.contains(year) { groups[index].history.years.append(year) }
                if groups[index].history.documents.last != document.metadata.id { groups[index].history.documents.append(document.metadata.id) }
                if groups[index].variants.insert(slogan.text).inserted { groups[index].history.variants.append(slogan.text) }
                if words != groups[index].words { groups[index].history.exact = false }
            }
        }
        return groups.map(\.history)
    }
}
