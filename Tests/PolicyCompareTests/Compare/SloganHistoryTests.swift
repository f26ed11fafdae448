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

    @Test("random corpora of near-duplicate slogans group as scanning every group does, at every threshold")
    func sameAsScanningEveryGroup() throws {
        let base = try documents([])
        // Fractions of small counts make similarities land exactly on the threshold, where a
        // prefix one syllable too short first loses a group. Not a number, 1.5, 0 and below
        // are there to show they behave as the scan does (no group, no group, group 0).
        let thresholds = [0.3, 0.5, 0.75, 0.8, 1, 2.0 / 3, 3.0 / 7, 5.0 / 11, 7.0 / 12, 0.1, 0, -1, 1.5, .nan]
        var random = ExportFixtures.SeededRandom(seed: 7)
        var joined = 0
        for round in 0..<50 {
            let documents = Self.randomCorpus(base, vocabulary: 3 + round % 12, using: &random)
            for threshold in thresholds {
                let tracked = SloganHistory.track(documents, threshold: threshold)
                let scanned = Self.everyOccurrence(documents, threshold: threshold)
                #expect(tracked == scanned, "round \(round), threshold \(threshold)")
                if tracked != scanned { return }
                if threshold > 0, threshold < 1 { joined += tracked.reduce(0) { $0 + $1.variants.count - 1 } }
            }
        }
        // Plenty of wordings joined a group another wording started.
        #expect(joined > 10_000)
    }

    @Test("a wording sharing with a group only the syllables most wordings have still finds it")
    func sharedCommonSyllables() throws {
        // "x w z" shares only "w" and "z" with "a w z" (2/4 >= 0.5), the syllables of every
        // wording, which come last in the order that picks the syllables a group is filed
        // under; a prefix of one syllable ("a", "x") would miss the group.
        let common = (0..<6).map { "w z q\($0) r\($0) s\($0)" }
        let docs = try documents([["a w z"] + common, ["x w z"], [], []])
        let histories = SloganHistory.track(docs, threshold: 0.5)
        #expect(histories.first?.variants == ["a w z", "x w z"])
        #expect(histories.count == 7)
        #expect(histories == Self.everyOccurrence(docs, threshold: 0.5))
    }

    /// `base`'s documents with pseudo-random slogans of up to 12 syllables from the first
    /// `vocabulary` of a few, half of them an earlier one with a syllable dropped, added or
    /// changed, or repeated; some upper-cased, some decomposed (other bytes, the same
    /// syllables), some empty or punctuation only.
    private static func randomCorpus(_ base: [DocumentAnalysis], vocabulary: Int, using random: inout ExportFixtures.SeededRandom) -> [DocumentAnalysis] {
        let syllables = Array(["trẻ", "em", "bảo", "vệ", "quyền", "gia", "đình", "chung", "tay", "vì", "tương", "lai", "học", "chơi", "an", "toàn"].prefix(vocabulary))
        var made: [[String]] = []
        var documents = base
        for index in documents.indices {
            var slogans: [String] = []
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                var words: [String]
                if let earlier = made.randomElement(using: &random), Bool.random(using: &random) {
                    words = earlier
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0 where !words.isEmpty: words.remove(at: Int.random(in: words.indices, using: &random))
                    case 1 where words.count < 12: words.insert(syllables.randomElement(using: &random) ?? "", at: Int.random(in: 0...words.count, using: &random))
                    case 2 where !words.isEmpty: words[Int.random(in: words.indices, using: &random)] = syllables.randomElement(using: &random) ?? ""
                    default: break
                    }
                } else {
                    words = (0..<Int.random(in: 0...12, using: &random)).compactMap { _ in syllables.randomElement(using: &random) }
                }
                made.append(words)
                var text = words.joined(separator: " ")
                switch Int.random(in: 0..<8, using: &random) {
                case 0: text = text.uppercased()
                case 1: text = text.decomposedStringWithCanonicalMapping
                case 2: text += "!"
                case 3: text = text.isEmpty ? "…" : text
                default: break
                }
                slogans.append(text)
            }
            documents[index].slogans = slogans.map { Statement(text: $0, segmentPath: "1", sourceRange: 0..<1) }
        }
        return documents
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
