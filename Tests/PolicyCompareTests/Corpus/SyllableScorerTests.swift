import Testing
@testable import PolicyCompare

@Suite("SyllableScorer")
struct SyllableScorerTests {
    private func scorer() throws -> SyllableScorer {
        try SyllableScorer.shared.get()
    }

    @Test("Well-formed syllables count as well-formed, in NFC and NFD alike", arguments: [
        "người", "nghiêng", "quốc", "giữa", "gìn", "khuỷu", "khuấy", "thuở", "hoặc", "xoăn", "được", "tuyển",
        "Ủy", "thủy", "hóa", "hoá", "ĐẢNG", "việc", "các", "học", "ý", "ở", "yêu", "rượu",
    ])
    func wellFormed(word: String) throws {
        let scorer = try scorer()
        for form in [word.precomposedStringWithCanonicalMapping, word.decomposedStringWithCanonicalMapping] {
            let score = scorer.score(form)
            #expect(score.wellFormed == 1 && score.malformed == 0, "\(form)")
        }
    }

    @Test("Words that wrong decodings produce are malformed", arguments: [
        "viờũt",   // two tone marks (Windows-1258 read as TCVN3)
        "vieät",   // a letter Vietnamese does not use (VNI read as Windows-1258)
        "cafộ",    // f is not a Vietnamese letter
        "hoàc",    // a stop consonant after the grave tone
        "ǎn",      // a caron
        "ngưoi",   // no such vowel cluster
    ])
    func malformed(word: String) throws {
        let score = try scorer().score(word)
        #expect(score.malformed == 1 && score.wellFormed == 0)
    }

    @Test("Latin-1 symbols count against, ASCII-only and vowel-less words do not count")
    func junkAndNeutral() throws {
        let score = try scorer().score("ho¹ch nh©n d©n UBND HĐND 2019")
        #expect(score.junk == 3)
        #expect(score.wellFormed == 0 && score.malformed == 0)
        #expect(!score.isPlausible)
    }

    @Test("A '?' between letters, where a code page lost a letter, makes the word malformed; a question mark after a word does not count")
    func lostLetters() throws {
        let scorer = try scorer()
        let lost = scorer.score("Tri?n khai Th??ng binh")
        #expect(lost.malformed == 2 && lost.wellFormed == 0)
        let questions = scorer.score("Vì sao? Ở đâu?")
        #expect(questions.malformed == 0 && questions.wellFormed == 3)
    }
}
