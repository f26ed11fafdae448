import Foundation
import Testing
@testable import PolicyCompare

@Suite("ComposedWords")
struct ComposedWordsTests {
    /// The five directives, then words spelled the ways legacy converters and keyboards
    /// spell them: decomposed, tone mark on the other vowel, "Ð" for "Đ", marks Vietnamese
    /// does not use.
    static func texts() throws -> [String] {
        let corpus = try #require(Fixtures.corpus)
        let directives = try corpus.documents.map { document in
            String(decoding: try corpus.bytes(of: document), as: UTF8.self)
        }
        let odd = "hoa\u{300} ho\u{300}a Hòa HOÀ thuỷ thủy Ðà Nẵng Ða\u{300} ǵi g\u{301}i x\u{335}y Tháng hành động"
        return directives + [odd, odd.uppercased(), odd.decomposedStringWithCanonicalMapping]
    }

    @Test("a text normalised with the words of earlier texts comes out as it does alone, whatever the cache's limit",
          arguments: [1 << 20, 200, 7, 0])
    func sameWithOrWithoutEarlierWords(limit: Int) throws {
        let texts = try Self.texts()
        var words = ComposedWords(limit: limit)
        for text in texts + texts.reversed() {
            let shared = VietnameseNormalizer.normalize(text, words: &words)
            let alone = VietnameseNormalizer.normalize(text)
            #expect(shared == alone, "scalars and their origins")
        }
    }

    @Test("each distinct word is composed once, and the cache starts over at its limit")
    func composedOnceAndBounded() {
        var words = ComposedWords(limit: 12)
        var composedCalls = 0
        func range(_ text: String) -> Range<Int> {
            Array(text.unicodeScalars).withUnsafeBufferPointer { word in
                words.range(of: word) { word in
                    composedCalls += 1
                    return Array(String(String.UnicodeScalarView(word)).uppercased().unicodeScalars)
                }
            }
        }
        let first = range("ab")
        #expect(String(String.UnicodeScalarView(words.composed[first])) == "AB")
        #expect(range("ab") == first && composedCalls == 1 && words.count == 1)
        _ = range("cd")
        #expect(composedCalls == 2 && words.count == 2)  // 8 scalars held
        let third = range("efg")  // 6 more would pass 12: the cache starts over with it alone
        #expect(composedCalls == 3 && words.count == 1)
        #expect(String(String.UnicodeScalarView(words.composed[third])) == "EFG")
        let long = range("abcdefghijklmnop")  // larger than the limit on its own: still kept
        #expect(String(String.UnicodeScalarView(words.composed[long])) == "ABCDEFGHIJKLMNOP" && words.count == 1)
    }
}
