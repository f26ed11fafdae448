import Foundation
import Testing
@testable import PolicyCompare

@Suite("TokenSpellings")
struct TokenSpellingsTests {
    private func spellings(_ segments: [String]) -> (TokenSpellings, [Tokenizer.Output], FoldedText, [[String]]) {
        let text = segments.joined(separator: "\n")
        let scalars = Array(text.unicodeScalars)
        let folded = FoldedText(scalars)
        var outputs: [Tokenizer.Output] = []
        var start = 0
        for segment in segments {
            let end = start + segment.unicodeScalars.count
            outputs.append(Tokenizer().tokenize(scalars, range: start..<end))
            start = end + 1
        }
        let keys = outputs.map { $0.tokens.map { NormalizedText.string(folded.strict, $0.range) } }
        return (TokenSpellings(outputs, folded: folded), outputs, folded, keys)
    }

    @Test("equal folded keys share a spelling, different keys never do, across segments")
    func identity() {
        let (spellings, _, folded, keys) = spellings(["Trẻ em và TRẺ EM; trẻ-em", "Quyền trẻ em, quyền 2019 2019"])
        let flatIDs = spellings.ids.flatMap { $0 }, flatKeys = keys.flatMap { $0 }
        #expect(flatIDs.count == flatKeys.count && spellings.ids.map(\.count) == keys.map(\.count))
        for i in flatIDs.indices {
            for j in flatIDs.indices {
                #expect((flatIDs[i] == flatIDs[j]) == (flatKeys[i] == flatKeys[j]), "\(flatKeys[i]) / \(flatKeys[j])")
            }
        }
        // Numbered in order of first use; each range spells its key.
        #expect(flatIDs.first == 0 && Set(flatIDs).count == spellings.count && spellings.count == Set(flatKeys).count)
        for (i, id) in flatIDs.enumerated() {
            #expect(NormalizedText.string(folded.strict, spellings.ranges[Int(id)]) == flatKeys[i])
            #expect(spellings.keys[Int(id)] == flatKeys[i])
            let end = spellings.utf8Ends[Int(id)], start = id > 0 ? spellings.utf8Ends[Int(id) - 1] : 0
            #expect(Array(spellings.utf8[start..<end]) == Array(flatKeys[i].utf8))
            #expect(id <= (flatIDs[..<i].max() ?? -1) + 1)
        }
    }

    @Test("on the real directives, spellings number the tokens' folded keys in order of first use, as a dictionary of keys does")
    func realDirectivesMatchADictionary() throws {
        for id in Fixtures.ids {
            let directive = try Fixtures.directive(id)
            let spellings = TokenSpellings(directive.tokens, folded: directive.folded)
            var numbers: [String: Int32] = [:]
            var expected: [[Int32]] = []
            for output in directive.tokens {
                expected.append(output.tokens.map { token in
                    let key = NormalizedText.string(directive.folded.strict, token.range)
                    if let number = numbers[key] { return number }
                    let number = Int32(numbers.count)
                    numbers[key] = number
                    return number
                })
            }
            #expect(spellings.ids == expected, "\(id)")
            #expect(spellings.count == numbers.count, "\(id)")
            // Each key is the text of its first token, as NormalizedText.string makes it.
            #expect(spellings.keys == numbers.sorted { $0.value < $1.value }.map(\.key), "\(id)")
            #expect(spellings.keys == spellings.ranges.map { NormalizedText.string(directive.folded.strict, $0) }, "\(id)")
        }
    }

    /// Each key's UTF-8 and scalars, made from its range one scalar at a time: `==` on strings
    /// compares canonical equivalents, so a key of other bytes could pass it.
    private func expectKeysSpellTheirRanges(_ spellings: TokenSpellings, _ folded: FoldedText, _ label: String) {
        #expect(spellings.keys.count == spellings.count, "\(label)")
        for (k, range) in spellings.ranges.enumerated() {
            let scalars = Array(folded.strict[range])
            var expected = String.UnicodeScalarView()
            expected.append(contentsOf: scalars)
            #expect(Array(spellings.keys[k].utf8) == Array(String(expected).utf8), "\(label): \(k)")
            #expect(Array(spellings.keys[k].unicodeScalars) == scalars, "\(label): \(k)")
            let start = k > 0 ? spellings.utf8Ends[k - 1] : 0
            #expect(Array(spellings.utf8[start..<spellings.utf8Ends[k]]) == Array(spellings.keys[k].utf8), "\(label): \(k)")
        }
    }

    @Test("keys are, byte for byte, their ranges' scalars: real directives and edge cases")
    func keysAreTheirScalarsByteForByte() throws {
        for id in Fixtures.ids {
            let directive = try Fixtures.directive(id)
            expectKeysSpellTheirRanges(TokenSpellings(directive.tokens, folded: directive.folded), directive.folded, id)
        }
        // Mixed case, đ/Đ, digits and codes, abbreviations, decomposed (NFD) marks, scalars of
        // one to four UTF-8 bytes, and keys longer than a string holds inline (15 bytes).
        let cases = [
            ["Đảng ĐẢNG đảng Đ đ", "UBND TP.HCM Ủy ban Nhân dân", "20-CT/TW 05/7/2019 2019 số 12"],
            ["Tie\u{0302}\u{0301}ng Vie\u{0323}\u{0302}t TIE\u{0302}\u{0301}NG", "中文 ĐƯỜNG 𐐀𐐨 Ωμέγα"],
            ["Supercalifragilisticexpialidocious nghiêngnghiêngnghiêng ĐƯỜNGĐƯỜNGĐƯỜNG", "a b c a"],
        ]
        for segments in cases {
            let (spellings, _, folded, keys) = spellings(segments)
            #expect(spellings.count == Set(keys.flatMap { $0.map { Array($0.utf8) } }).count, "\(segments)")
            expectKeysSpellTheirRanges(spellings, folded, "\(segments)")
        }
    }

    @Test("every key of the real directives finds its own spelling; other words find none")
    func spellingOfKey() throws {
        for id in Fixtures.ids {
            let directive = try Fixtures.directive(id)
            let spellings = directive.spellings, keys = Set(spellings.keys)
            #expect(spellings.count > 200, "\(id)")
            for (spelling, key) in spellings.keys.enumerated() {
                #expect(spellings.spelling(of: key, in: directive.folded) == Int32(spelling), "\(id): \(key)")
            }
            // Not keys: a key and a letter more, a key cut short, decomposed (NFD) forms, upper case.
            let others = spellings.keys.flatMap { [$0 + "a", String($0.dropLast()), $0.decomposedStringWithCanonicalMapping, $0.uppercased()] }
            for word in others where !keys.contains(word) {
                #expect(spellings.spelling(of: word, in: directive.folded) == nil, "\(id): \(word)")
            }
        }
    }

    @Test("each spelling carries the table hash of its strict and loose scalars, which finds it as hashing again does")
    func hashes() {
        let (spellings, _, folded, _) = spellings(["Trẻ em và TRẺ EM; trẻ-em đường Đường", "Quyền trẻ em, quyền 2019 ĐƯỜNG"])
        #expect(spellings.strictHashes.count == spellings.count && spellings.looseHashes.count == spellings.count)
        var strict = RunTable<Unicode.Scalar>(), loose = RunTable<Unicode.Scalar>()
        for (s, range) in spellings.ranges.enumerated() {
            folded.strict.withUnsafeBufferPointer { scalars in
                let run = UnsafeBufferPointer(rebasing: scalars[range])
                #expect(spellings.strictHashes[s] == RunTable<Unicode.Scalar>.hash(of: run))
                strict.insert(run)
                #expect(strict.id(of: range, in: scalars, hash: spellings.strictHashes[s]) == strict.id(of: range, in: scalars))
            }
            folded.loose.withUnsafeBufferPointer { scalars in
                let run = UnsafeBufferPointer(rebasing: scalars[range])
                #expect(spellings.looseHashes[s] == RunTable<Unicode.Scalar>.hash(of: run))
                loose.insert(run)
                #expect(loose.id(of: range, in: scalars, hash: spellings.looseHashes[s]) != nil)
            }
        }
        // Distinct spellings are distinct strict runs ("đường" and "Đường" are one spelling).
        #expect(strict.count == spellings.count)
    }

    @Test("thousands of spellings: the table grows and keeps every one apart")
    func growth() {
        let words = (0..<5_000).map { "w\($0)x" }
        let (spellings, _, _, keys) = spellings([words.joined(separator: " "), words.reversed().joined(separator: " ")])
        #expect(spellings.count == 5_000)
        #expect(spellings.ids[0] == (0..<5_000).map(Int32.init))
        #expect(spellings.ids[1] == (0..<5_000).reversed().map(Int32.init))
        #expect(keys[0].count == 5_000)
        #expect(spellings.keys == words)
    }

    @Test("a cache warmed by other texts, or kept at a tiny cap, gives the spellings of a fresh one: NFD, đ/Đ, case, long keys")
    func cache() {
        let texts = [
            ["Đảng ĐẢNG đảng Đ đ d D", "UBND TP.HCM Ủy ban Nhân dân ủy Uỷ"],
            ["Tie\u{0302}\u{0301}ng Vie\u{0323}\u{0302}t TIE\u{0302}\u{0301}NG tiếng Việt", "中文 ĐƯỜNG 𐐀𐐨 Ωμέγα đường duong"],
            ["Supercalifragilisticexpialidocious nghiêngnghiêngnghiêng ĐƯỜNGĐƯỜNGĐƯỜNG", "a b c a đảng Đảng"],
            ["", ". ; !"],
        ]
        for limit in [0, 1, 4, 12, 1 << 18] {
            var warm = TokenSpellings.Cache(limit: limit)
            for segments in texts + texts.reversed() {
                let (fresh, outputs, folded, _) = spellings(segments)
                let cached = TokenSpellings(outputs, folded: folded, cache: &warm)
                #expect(cached == fresh && cached.keys.map { Array($0.utf8) } == fresh.keys.map { Array($0.utf8) }, "\(limit) \(segments)")
                #expect(cached.utf8 == fresh.utf8 && cached.utf8Ends == fresh.utf8Ends && cached.looseHashes == fresh.looseHashes, "\(limit) \(segments)")
                expectKeysSpellTheirRanges(cached, folded, "\(limit) \(segments)")
                // It starts over before a text that could take it past the limit, so it holds at
                // most the limit, or one text's scalars.
                #expect(warm.heldScalars <= max(limit, folded.strict.count), "\(limit)")
            }
        }
    }

    @Test("spellings alike at both ends, or in all but their length, stay apart; short and long ones alike")
    func alikeSpellingsStayApart() {
        // One to four scalars are compared as words that overlap, longer ones word by word:
        // these differ only inside, or only in one scalar at either end.
        let words = ["a", "b", "ab", "ba", "abc", "abd", "abcd", "abed", "abcde", "abxde", "abcdef", "abcxef", "abcdefgh", "abcdxfgh",
                     "abcdefghij", "abcdefxhij", "abcdefghijklmnopq", "abcdefghxjklmnopq", "abcdefghijklmnopr", "bbcdefghijklmnopq",
                     "nghiêng", "nghiếng", "nghiêngnghiêng", "nghiêngnghiếng", "2019", "2009", "12345678", "12395678"]
        let (spellings, _, _, keys) = spellings([words.joined(separator: " "), words.reversed().joined(separator: " ")])
        #expect(spellings.count == words.count && spellings.keys == words)
        #expect(spellings.ids[0] == (0..<Int32(words.count)).map { $0 } && spellings.ids[1] == spellings.ids[0].reversed())
        #expect(keys[1] == words.reversed())
    }

    @Test("no tokens, no spellings")
    func empty() {
        #expect(TokenSpellings([], folded: FoldedText([])).count == 0)
        let (spellings, _, _, _) = spellings(["", ". ; !"])
        #expect(spellings.count == 0 && spellings.ids == [[], []])
    }

    @Test("term counts of tokens numbered by spelling equal counts of their texts")
    func terms() {
        let (spellings, outputs, _, keys) = spellings(["Quyền của trẻ em; trẻ em nghèo", "trẻ em của các dân tộc, trẻ em"])
        var sentences: [[String]] = [], starts: [Int32] = [], tokens: [Int32] = []
        for (s, output) in outputs.enumerated() {
            var sentence = -1
            for (t, token) in output.tokens.enumerated() {
                if token.sentence != sentence {
                    starts.append(Int32(tokens.count))
                    sentences.append([])
                    sentence = token.sentence
                }
                sentences[sentences.count - 1].append(keys[s][t])
                tokens.append(spellings.ids[s][t])
            }
        }
        let document = DocumentTerms(syllables: spellings.keys, tokens: tokens, sentenceStarts: starts, stopList: DocumentTerms.stopKeys(["của", "các"]))
        let expected = TermCounts.count(sentences: sentences, maxN: 3, stopList: ["của", "các"])
        #expect(expected.frequencies.values.reduce(0) { $0 + $1.count } > 5)
        #expect(DocumentTerms.merged([document]) == expected)
    }

    @Test("tokens reaching past the folded text are cut to it, as a dictionary of their cut keys numbers them")
    func rangesPastTheTextAreClamped() {
        let folded = FoldedText(Array("trẻ em trẻ".unicodeScalars))
        let ranges = [0..<3, 4..<6, 7..<10, 7..<14, 8..<14, 12..<20, -3..<2, 0..<3, 10..<12]
        let tokens = ranges.map { Token(range: $0, sentence: 0, kind: .word) }
        let spellings = TokenSpellings([Tokenizer.Output(tokens: tokens, sentences: [], markedWords: 0)], folded: folded)  // spellings read only the tokens
        var numbers: [String: Int32] = [:]
        let expected = ranges.map { range -> Int32 in
            let key = NormalizedText.string(folded.strict, range)
            if let number = numbers[key] { return number }
            numbers[key] = Int32(numbers.count)
            return Int32(numbers.count - 1)
        }
        #expect(spellings.ids == [expected])
        #expect(spellings.keys == ["trẻ", "em", "rẻ", "", "tr"])
        #expect(spellings.utf8Ends.count == 5 && Array(spellings.utf8[..<(spellings.utf8Ends.last ?? 0)]) == Array("trẻemrẻtr".utf8))
        #expect(spellings.ranges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= folded.strict.count })
        #expect(spellings.spelling(of: "", in: folded) == 3 && spellings.spelling(of: "rẻ", in: folded) == 2)
    }

    @Test("over an empty text, every token is cut to the empty run: one spelling, hashed as any empty run")
    func emptyTextIsOneEmptySpelling() {
        let folded = FoldedText([])
        let tokens = [0..<3, 2..<5, -1..<0].map { Token(range: $0, sentence: 0, kind: .word) }
        let spellings = TokenSpellings([Tokenizer.Output(tokens: tokens, sentences: [], markedWords: 0), Tokenizer.Output(tokens: [], sentences: [], markedWords: 0),
                                        Tokenizer.Output(tokens: [tokens[0]], sentences: [], markedWords: 0)], folded: folded)
        #expect(spellings.ids == [[0, 0, 0], [], [0]])
        #expect(spellings.keys == [""] && spellings.ranges == [0..<0])
        let empty = [Unicode.Scalar]().withUnsafeBufferPointer(RunTable<Unicode.Scalar>.hash(of:))
        #expect(spellings.strictHashes == [empty] && spellings.looseHashes == [empty])
        #expect(spellings.spelling(of: "", in: folded) == 0 && spellings.spelling(of: "a", in: folded) == nil)
    }
}
