import Testing
@testable import PolicyCompare

@Suite struct SyllableShapeTests {
    @Test("Vietnamese syllables typed without marks read as syllables", arguments: [
        "tao", "hon", "tre", "em", "thanh", "tra", "nguoi", "truong", "quan", "gia", "gin", "quy", "nghe", "hoc", "tap", "yeu", "oan",
    ])
    func readsUnmarkedSyllables(word: String) throws {
        let shape = try #require(SyllableShape.shared)
        #expect(shape.reads(word))
    }

    @Test("English words, codes and numbers do not", arguments: [
        "game", "online", "hiv", "aids", "covid", "vaccine", "internet", "sms", "web", "zalo", "1800", "", "tảo",
    ])
    func rejectsOtherWords(word: String) throws {
        let shape = try #require(SyllableShape.shared)
        #expect(!shape.reads(word))
    }
}
