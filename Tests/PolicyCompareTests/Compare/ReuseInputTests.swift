import Testing
@testable import PolicyCompare

@Suite("ReuseInput")
struct ReuseInputTests {
    /// Documents of random syllables (from a small vocabulary) that copy runs from each other.
    private static func documents(seed: UInt64) -> [(id: String, spellings: [Int32], hashes: [UInt64])] {
        var random = ExportFixtures.SeededRandom(seed: seed)
        let vocabulary = (0..<400).map { "s\($0)" }
        let shared = (0..<60).map { _ in vocabulary[Int.random(in: 0..<vocabulary.count, using: &random)] }
        return (0..<12).map { d in
            var words: [String] = []
            for _ in 0..<5 {
                words += (0..<Int.random(in: 20...80, using: &random)).map { _ in vocabulary[Int.random(in: 0..<vocabulary.count, using: &random)] }
                if Bool.random(using: &random) { words += shared.prefix(Int.random(in: 15...60, using: &random)) }
            }
            // Spellings numbered by first use in the document, as the analyser numbers them.
            var numbers: [String: Int32] = [:]
            var spellingHashes: [UInt64] = []
            let spellings = words.map { word -> Int32 in
                if let known = numbers[word] { return known }
                let number = Int32(spellingHashes.count)
                numbers[word] = number
                spellingHashes.append(StableHash.fnv1a(word))
                return number
            }
            return ("doc-\(d)", spellings, spellingHashes)
        }
    }

    @Test("compact tokens find the same passages and shares as their hashes", arguments: [1, 2, 3] as [UInt64])
    func compactTokensDetectAsHashes(seed: UInt64) {
        let documents = Self.documents(seed: seed)
        let compact = documents.map { d in
            ReuseInput(documentID: d.id, tokens: ReuseTokens(spellings: d.spellings, spellingHashes: d.hashes,
                                                             spans: d.spellings.indices.map { $0 * 3..<$0 * 3 + 2 }))
        }
        let plain = documents.map { d in ReuseInput(documentID: d.id, tokenHashes: d.spellings.map { d.hashes[Int($0)] }) }
        #expect(compact.map(\.tokenHashes) == plain.map(\.tokenHashes))
        #expect(compact.map(\.tokenCount) == plain.map { $0.tokenHashes.count })
        let result = TextReuse.detect(compact)
        #expect(!result.passages.isEmpty, "the documents copy a shared run")
        #expect(result == TextReuse.detect(plain))
    }

    @Test("hashes written into a used buffer replace what it held")
    func bufferIsOverwritten() {
        let d = Self.documents(seed: 4)[0]
        let input = ReuseInput(documentID: d.id, tokens: ReuseTokens(spellings: d.spellings, spellingHashes: d.hashes,
                                                                      spans: d.spellings.indices.map { $0..<$0 + 1 }))
        var buffer = [UInt64](repeating: 7, count: d.spellings.count + 50)
        input.tokenHashes(into: &buffer)
        #expect(buffer == d.spellings.map { d.hashes[Int($0)] })
        let plain = ReuseInput(documentID: d.id, tokenHashes: [1, 2, 3])
        plain.tokenHashes(into: &buffer)
        #expect(buffer == [1, 2, 3])
    }
}
