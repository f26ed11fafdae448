import Testing
@testable import PolicyCompare

@Suite("ScalarVocabulary")
struct ScalarVocabularyTests {
    @Test("runs are numbered in order of first insertion, and found inside a larger text")
    func numbersAndFinds() {
        var vocabulary = ScalarVocabulary()
        let words = ["trẻ", "em", "trẻ", "hoà", "hòa", "em", "ubnd"]
        #expect(words.map { vocabulary.insert($0) } == [0, 1, 0, 2, 3, 1, 4], "scalars decide: hoà and hòa differ")
        #expect(vocabulary.count == 5)
        let text = Array("quyền trẻ em và ubnd".unicodeScalars)
        text.withUnsafeBufferPointer { text in
            #expect(vocabulary.id(of: 6..<9, in: text) == 0)
            #expect(vocabulary.id(of: 10..<12, in: text) == 1)
            #expect(vocabulary.id(of: 16..<20, in: text) == 4)
            #expect(vocabulary.id(of: 0..<5, in: text) == nil)
            #expect(vocabulary.id(of: 6..<8, in: text) == nil, "a prefix of a word is not the word")
        }
        #expect(vocabulary.id(of: "hòa") == 3 && vocabulary.id(of: "") == nil)
    }

    @Test("thousands of runs stay apart and are all found again")
    func many() {
        var vocabulary = ScalarVocabulary()
        let words = (0..<5_000).map { "w\($0)" }
        let ids = words.map { vocabulary.insert($0) }
        #expect(ids == (0..<5_000).map(Int32.init))
        #expect(words.map { vocabulary.id(of: $0) } == ids.map(Optional.some))
        #expect(vocabulary.id(of: "w5000") == nil)
    }
}
