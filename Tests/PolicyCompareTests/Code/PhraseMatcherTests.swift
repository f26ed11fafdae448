import Testing
@testable import PolicyCompare

@Suite("PhraseMatcher")
struct PhraseMatcherTests {
    /// A deterministic generator (SplitMix64), so a failure can be replayed.
    private struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// Every occurrence of every pattern, found by comparing syllables at every position.
    private func naive(_ patterns: [[String]], _ words: [String], sentences: [Int]) -> [PhraseMatcher.Match] {
        var result: [PhraseMatcher.Match] = []
        for start in words.indices {
            for (p, pattern) in patterns.enumerated() where start + pattern.count <= words.count {
                let span = start..<start + pattern.count
                if Array(words[span]) == pattern, Set(sentences[span]).count == 1 {
                    result.append(PhraseMatcher.Match(pattern: p, tokens: span))
                }
            }
        }
        return result.sorted { ($0.tokens.lowerBound, $0.pattern, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.pattern, $1.tokens.upperBound) }
    }

    @Test("many patterns sharing prefixes: the trie finds exactly what comparing at every position finds")
    func sameAsNaive() throws {
        let vocabulary = ["trẻ", "em", "quyền", "bảo", "vệ", "tảo", "hôn", "nước", "sạch", "an", "toàn", "mạng"]
        var random = Random(state: 7)
        var patterns: [[String]] = []
        while patterns.count < 300 {
            let pattern = (0..<1 + random.next(5)).map { _ in vocabulary[random.next(vocabulary.count)] }
            if !patterns.contains(pattern) { patterns.append(pattern) }
        }
        let matcher = PhraseMatcher(patterns: try patterns.map { try PhrasePattern.parse($0.joined(separator: " ")) },
                                    abbreviations: Abbreviations(expansions: [:]))
        var found = 0
        for round in 0..<20 {
            let words = (0..<200).map { _ in vocabulary[random.next(vocabulary.count)] }
            // A stop after every 7th to 19th word.
            var text = ""
            var sentences: [Int] = []
            var sentence = 0, next = 7 + random.next(13)
            for (i, word) in words.enumerated() {
                text += (i == 0 ? "" : " ") + word
                sentences.append(sentence)
                if i == next { text += "."; sentence += 1; next += 7 + random.next(13) }
            }
            let scalars = Array(text.unicodeScalars)
            let output = Tokenizer().tokenize(scalars, range: 0..<scalars.count)
            #expect(output.tokens.count == words.count && output.tokens.map(\.sentence) == sentences, "round \(round)")
            let matches = matcher.matches(tokens: output.tokens, folded: FoldedText(scalars))
            #expect(matches == naive(patterns, words, sentences: sentences), "round \(round)")
            found += matches.count
        }
        #expect(found > 1_000, "the texts hold many matches, long ones included")
    }

    @Test("abbreviations are read as their syllables, loose patterns ignore marks, and near patterns find their second part")
    func abbreviationsLooseAndNear() throws {
        let patterns = try ["ủy ban nhân dân tỉnh", "~tao hon", "phòng chống ...3 hôn", "trẻ em", "tỉnh chỉ đạo trẻ"].map(PhrasePattern.parse)
        let matcher = PhraseMatcher(patterns: patterns, abbreviations: Abbreviations(expansions: ["ubnd": "ủy ban nhân dân"]))
        let text = "UBND tỉnh chỉ đạo. Phòng chống tảo hôn và tao hon ở trẻ em."
        let scalars = Array(text.unicodeScalars)
        let output = Tokenizer().tokenize(scalars, range: 0..<scalars.count)
        let found = matcher.matches(tokens: output.tokens, folded: FoldedText(scalars)).map { [$0.pattern, $0.tokens.lowerBound, $0.tokens.upperBound] }
        // Tokens: UBND 0, tỉnh 1, chỉ 2, đạo 3 | Phòng 4, chống 5, tảo 6, hôn 7, và 8, tao 9, hon 10, ở 11, trẻ 12, em 13.
        #expect(found == [[0, 0, 2], [2, 4, 8], [1, 6, 8], [1, 9, 11], [3, 12, 14]])
    }
}
