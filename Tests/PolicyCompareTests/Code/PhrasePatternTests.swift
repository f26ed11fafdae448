import Foundation
import Testing
@testable import PolicyCompare

@Suite("PhrasePattern")
struct PhrasePatternTests {
    /// Texts with and without spaces, tabs, no-break and zero-width spaces at either end, and
    /// with and without full stops in a row.
    private static let texts = [
        "tảo hôn", " tảo hôn", "tảo hôn\t", "\u{00A0}tảo hôn", "tảo hôn\u{200B}", "\u{3000}trẻ em\u{2003}", "~tao hon",
        "vận động ... ủng hộ", "vận động ...10 ủng hộ", "a...b...c", "a..b", "a. . .b", "…", "...", "", " ", "1 2", "(trẻ em)",
        "Đ", "trẻ em.", ".trẻ em", "a....b",
    ]

    @Test("the shortcuts skip Foundation's trimming and splitting only where these return the text as it is")
    func shortcutsAgreeWithFoundation() {
        var trimmed = 0, whole = 0
        for text in Self.texts {
            if PhrasePattern.hasTrimmedEnds(text) {
                trimmed += 1
                #expect(text.trimmingCharacters(in: .whitespaces) == text, "\(text.debugDescription)")
            }
            if !PhrasePattern.hasEllipsis(text) {
                whole += 1
                #expect(text.components(separatedBy: "...") == [text], "\(text.debugDescription)")
            }
        }
        #expect(trimmed == 14 && whole == 17, "both shortcuts are taken, and both are refused")
    }

    @Test("patterns parse as before: trimmed, loose, split at the ellipsis, with their windows and problems")
    func parsing() throws {
        let padded = try PhrasePattern.parse("\u{00A0} tảo hôn\t")
        #expect(padded.text == "tảo hôn" && padded.syllables == ["tảo", "hôn"] && padded.near.isEmpty && !padded.loose)
        let near = try PhrasePattern.parse("~vận động ...10 ủng hộ")
        #expect(near.loose && near.syllables == ["van", "dong"] && near.near == ["ung", "ho"] && near.window == 10)
        #expect(throws: PhrasePattern.Problem.twoProximities("a...b...c")) { try PhrasePattern.parse("a...b...c") }
        #expect(throws: PhrasePattern.Problem.empty) { try PhrasePattern.parse("\u{3000} ") }
        #expect(throws: PhrasePattern.Problem.missingPart("trẻ em ...")) { try PhrasePattern.parse("trẻ em ... ") }
    }

    @Test("patterns parsed with the composed words of earlier ones are those parsed alone")
    func sharedComposedWords() throws {
        let actors = try ActorTable.bundled(abbreviations: Abbreviations.bundled())
        var words = ComposedWords()
        for pattern in actors.matcher.patterns {
            #expect(try PhrasePattern.parse(pattern.text) == pattern)
            #expect(try PhrasePattern.parse(pattern.text, words: &words) == pattern)
        }
        #expect(!actors.matcher.patterns.isEmpty && words.count > 0, "the words were shared")
    }
}
