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

    @Test("a hyphen inside a pattern only separates syllables: 'COVID-19' matches 'COVID-19' and 'Covid 19'")
    func hyphenInPattern() throws {
        let pattern = try PhrasePattern.parse("COVID-19")
        #expect(pattern.syllables == ["covid", "19"])
        let text = "Phòng chống COVID-19. Dịch Covid 19 và covid19."
        let scalars = Array(text.unicodeScalars)
        let output = Tokenizer().tokenize(scalars, range: 0..<scalars.count)
        let found = PhraseMatcher(patterns: [pattern], abbreviations: Abbreviations(expansions: [:])).matches(tokens: output.tokens, folded: FoldedText(scalars))
        #expect(found.count == 2)
    }

    @Test("no phrase starts inside a bound word: 'cơ sở y tế' holds no 'sở y tế', 'Sở Y tế' after another word still matches")
    func boundWords() throws {
        let patterns = try ["sở y tế", "y tế", "bộ y tế"].map(PhrasePattern.parse)
        let text = "Các cơ sở y tế và cán bộ y tế; Sở Y tế, Cơ Sở Y Tế. Cơ. Sở y tế"
        let scalars = Array(text.unicodeScalars)
        let output = Tokenizer().tokenize(scalars, range: 0..<scalars.count)
        func found(_ boundWords: [String]) -> [[Int]] {
            PhraseMatcher(patterns: patterns, abbreviations: Abbreviations(expansions: [:], boundWords: boundWords))
                .matches(tokens: output.tokens, folded: FoldedText(scalars)).map { [$0.pattern, $0.tokens.lowerBound] }
        }
        // Tokens (words only): Các 0, cơ 1, sở 2, y 3, tế 4, và 5, cán 6, bộ 7, y 8, tế 9 | Sở 10, y 11, tế 12 |
        // Cơ 13, Sở 14, Y 15, Tế 16 | Cơ 17 | Sở 18, y 19, tế 20: "Cơ. Sở" is two sentences.
        #expect(found([]) == [[0, 2], [1, 3], [2, 7], [1, 8], [0, 10], [1, 11], [0, 14], [1, 15], [0, 18], [1, 19]])
        #expect(found(["cơ sở", "cán bộ", "one", "a b c"]) == [[1, 3], [1, 8], [0, 10], [1, 11], [1, 15], [0, 18], [1, 19]])
    }

    @Test("walks and near searches stop at the end of the sentence, also at the last token and after an abbreviation")
    func sentenceEnds() throws {
        let patterns = try ["phòng chống ...3 hôn", "tảo hôn", "chỉ đạo", "nhân dân tỉnh"].map(PhrasePattern.parse)
        let matcher = PhraseMatcher(patterns: patterns, abbreviations: Abbreviations(expansions: ["ubnd": "ủy ban nhân dân"]))
        for (text, expected) in [
            ("Phòng chống. Hôn tảo. Hôn chỉ. Đạo tảo hôn", [[1, 7, 9]]),
            ("Phòng chống tảo hôn", [[0, 0, 4], [1, 2, 4]]),
            ("Phòng chống tảo; hôn chỉ đạo", [[2, 4, 6]]),
            ("UBND. Tỉnh chỉ đạo phòng chống UBND tỉnh hôn", [[2, 2, 4], [3, 6, 8]]),
        ] {
            let scalars = Array(text.unicodeScalars)
            let output = Tokenizer().tokenize(scalars, range: 0..<scalars.count)
            let found = matcher.matches(tokens: output.tokens, folded: FoldedText(scalars)).map { [$0.pattern, $0.tokens.lowerBound, $0.tokens.upperBound] }
            #expect(found == expected, "\(text)")
            #expect(found == reference(patterns, Abbreviations(expansions: ["ubnd": "ủy ban nhân dân"]), tokens: output.tokens, folded: FoldedText(scalars))
                .map { [$0.pattern, $0.tokens.lowerBound, $0.tokens.upperBound] }, "\(text)")
        }
    }

    /// Every match found the plain way: each token read as its syllables (a word that is an
    /// abbreviation as those of its expansion), every pattern compared at every position, the
    /// second part of a near pattern searched position by position.
    private func reference(_ patterns: [PhrasePattern], _ abbreviations: Abbreviations, tokens: [Token], folded: FoldedText) -> [PhraseMatcher.Match] {
        var strict: [String] = [], loose: [String] = [], source: [Int] = [], sentence: [Int] = []
        for (t, token) in tokens.enumerated() {
            let looseKey = NormalizedText.string(folded.loose, token.range)
            var read = [(NormalizedText.string(folded.strict, token.range), looseKey)]
            if token.kind == .word, let expansion = abbreviations.expansions[looseKey] {
                read = Array(zip(PhrasePattern.syllables(of: expansion, loose: false), PhrasePattern.syllables(of: expansion, loose: true)))
            }
            for (s, l) in read {
                strict.append(s)
                loose.append(l)
                source.append(t)
                sentence.append(token.sentence)
            }
        }
        func occurs(_ phrase: [String], in keys: [String], at begin: Int, sentence id: Int) -> Bool {
            begin + phrase.count <= keys.count && Array(keys[begin..<begin + phrase.count]) == phrase
                && sentence[begin..<begin + phrase.count].allSatisfy { $0 == id }
        }
        var result: [PhraseMatcher.Match] = []
        for start in strict.indices {
            for (p, pattern) in patterns.enumerated() {
                let keys = pattern.loose ? loose : strict
                guard occurs(pattern.syllables, in: keys, at: start, sentence: sentence[start]) else { continue }
                var end = start + pattern.syllables.count
                if !pattern.near.isEmpty {
                    guard let begin = (end...end + pattern.window).first(where: { occurs(pattern.near, in: keys, at: $0, sentence: sentence[start]) }) else { continue }
                    end = begin + pattern.near.count
                }
                result.append(PhraseMatcher.Match(pattern: p, tokens: source[start]..<source[end - 1] + 1))
            }
        }
        return result.sorted { ($0.tokens.lowerBound, $0.pattern, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.pattern, $1.tokens.upperBound) }
    }

    /// The matcher reads most segments token by token and only those with an abbreviation as
    /// syllables, walks from the first step found per spelling, and sorts each start's matches
    /// alone; on the real directives, with the codebook's and the agencies' patterns, it must
    /// find exactly what the plain reading finds.
    @Test func realDirectivesSameAsReference() throws {
        let codebook = try #require(Fixtures.codebook)
        let abbreviations = try Abbreviations.bundled()
        let codebookPatterns = codebook.categories.flatMap { $0.patterns + $0.exclusions } + codebook.globalExclusions.map(\.pattern)
        let actors = try ActorTable.bundled(abbreviations: abbreviations)
        var found = 0, expanded = 0
        for patterns in [codebookPatterns, actors.matcher.patterns] {
            let matcher = PhraseMatcher(patterns: patterns, abbreviations: abbreviations)
            for id in Fixtures.ids {
                let d = try Fixtures.directive(id)
                var state = matcher.documentState(d.spellings, folded: d.folded)
                for (s, output) in d.tokens.enumerated() {
                    let matches = matcher.matches(tokens: output.tokens, spellings: d.spellings.ids[s], state: &state)
                    let expected = reference(patterns, abbreviations, tokens: output.tokens, folded: d.folded)
                    #expect(matches == expected, "\(id) segment \(s)")
                    found += matches.count
                    if output.tokens.contains(where: { $0.kind == .word && abbreviations.expansions[NormalizedText.string(d.folded.loose, $0.range)] != nil }) {
                        expanded += 1
                    }
                }
            }
        }
        #expect(found > 1_000 && expanded > 10, "the directives hold many matches, and segments with abbreviations")
    }

    @Test("matches before, inside and after an abbreviation, loose and near ones, several per start, sorted by pattern")
    func abbreviationSegmentsAndGroups() throws {
        let texts = ["trẻ em", "em", "trẻ em tỉnh", "~tre em", "nhân dân", "dân tỉnh", "ủy ban ... trẻ", "~tre ...2 tinh", "tỉnh"]
        let patterns = try texts.map(PhrasePattern.parse)
        let abbreviations = Abbreviations(expansions: ["ubnd": "ủy ban nhân dân", "tw": "trung ương"])
        let matcher = PhraseMatcher(patterns: patterns, abbreviations: abbreviations)
        // Abbreviations at a sentence's start, in its middle and end, after sentences with
        // matches (whose matches stand when the rest is read as syllables) and before others.
        for text in ["Trẻ em tỉnh và trẻ em. UBND tỉnh, trẻ em tỉnh; TW trẻ em", "trẻ em tỉnh trẻ em tỉnh", "UBND tỉnh trẻ em TW tỉnh. tre em tinh",
                     "trẻ em tỉnh. ủy ban trẻ em. nhân dân trẻ em UBND tỉnh trẻ em. tre em tinh", "tre em tinh, trẻ UBND. dân tỉnh",
                     "ủy ban và trẻ em; nhân UBND trẻ. TW", "trẻ em tỉnh. tỉnh trẻ em UBND"] {
            let scalars = Array(text.unicodeScalars)
            let output = Tokenizer().tokenize(scalars, range: 0..<scalars.count)
            let folded = FoldedText(scalars)
            let matches = matcher.matches(tokens: output.tokens, folded: folded)
            #expect(matches == reference(patterns, abbreviations, tokens: output.tokens, folded: folded), "\(text)")
            #expect(!matches.isEmpty)
        }
    }
}
