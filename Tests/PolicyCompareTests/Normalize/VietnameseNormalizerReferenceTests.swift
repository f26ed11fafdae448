import Foundation
import Testing
@testable import PolicyCompare

/// The normaliser reads a word at a time, with fast paths (ASCII words copied, other words
/// hashed as read and looked up in the cache of composed words). These tests hold it to the
/// plain one scalar at a time reading it replaced, kept here as the reference: same scalars,
/// same origins, on the directives and on texts built to hit every branch.
@Suite("VietnameseNormalizer against the scalar-at-a-time reference")
struct VietnameseNormalizerReferenceTests {
    /// The reference: every scalar classified in turn; a word's scalars gathered until a
    /// scalar that is neither a word scalar nor dropped, then composed and emitted whole.
    static func reference(_ text: String) -> NormalizedText {
        let original = Array(text.unicodeScalars)
        var out: [Unicode.Scalar] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        var pendingSpace: Int?
        var word: [Unicode.Scalar] = []
        var wordStart = -1
        var wordEnd = -1
        var gapped = false
        func append(_ s: Unicode.Scalar, _ origin: Range<Int>) {
            out.append(s)
            starts.append(Int32(origin.lowerBound))
            ends.append(Int32(origin.upperBound))
        }
        func emitPendingSpace() {
            if let space = pendingSpace, let last = out.last, last != "\n" { append(" ", space..<space + 1) }
            pendingSpace = nil
        }
        func flushWord() {
            guard wordStart >= 0 else { return }
            emitPendingSpace()
            if !gapped, word.allSatisfy({ $0.isASCII }) {
                for (k, s) in word.enumerated() { append(s, wordStart + k..<wordStart + k + 1) }
            } else {
                for s in VietnameseNormalizer.compose(word) { append(s, wordStart..<wordEnd) }
            }
            word = []
            wordStart = -1
            gapped = false
        }
        func trimTrailingSpace() {
            while out.last == " " {
                out.removeLast()
                starts.removeLast()
                ends.removeLast()
            }
        }
        var fieldCodes = FieldCodeLines()
        original.withUnsafeBufferPointer { buffer in
            // At each line's start, a field-code line is skipped to its line end, which is kept.
            func fieldCodeEnd(lineStart start: Int) -> Int? {
                let end = (start..<buffer.count).first(where: { VietnameseNormalizer.isLineBreak(buffer[$0]) }) ?? buffer.count
                return fieldCodes.isFieldCode(UnsafeBufferPointer(rebasing: buffer[start..<end])) ? end : nil
            }
            var i = fieldCodeEnd(lineStart: 0) ?? 0
            while i < original.count {
                let s = original[i]
                if VietnameseNormalizer.isDropped(s) {
                    i += 1
                    continue
                }
                if VietnameseNormalizer.isWordScalar(s) {
                    if wordStart < 0 { wordStart = i } else if i != wordEnd { gapped = true }
                    word.append(s)
                    wordEnd = i + 1
                    i += 1
                    continue
                }
                flushWord()
                if VietnameseNormalizer.isLineBreak(s) {
                    let end = s == "\r" && i + 1 < original.count && original[i + 1] == "\n" ? i + 2 : i + 1
                    pendingSpace = nil
                    trimTrailingSpace()
                    append("\n", i..<end)
                    i = fieldCodeEnd(lineStart: end) ?? end
                    continue
                }
                switch s.value {
                case 0x09, 0x20, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                    if pendingSpace == nil { pendingSpace = i }
                case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
                    emitPendingSpace()
                    append("-", i..<i + 1)
                case 0x201C...0x201F, 0xAB, 0xBB, 0x2033, 0xFF02:
                    emitPendingSpace()
                    append("\"", i..<i + 1)
                case 0x2018...0x201B, 0x2032, 0xFF07:
                    emitPendingSpace()
                    append("'", i..<i + 1)
                case 0x2026:
                    emitPendingSpace()
                    for _ in 0..<3 { append(".", i..<i + 1) }
                default:
                    emitPendingSpace()
                    append(s, i..<i + 1)
                }
                i += 1
            }
        }
        flushWord()
        trimTrailingSpace()
        return NormalizedText(original: original, scalars: out, starts: starts, ends: ends)
    }

    @Test("the five directives")
    func directives() throws {
        let corpus = try #require(Fixtures.corpus)
        var words = ComposedWords()
        for document in corpus.documents {
            let text = String(decoding: try corpus.bytes(of: document), as: UTF8.self)
            #expect(VietnameseNormalizer.normalize(text, words: &words) == Self.reference(text), "\(document.id)")
        }
    }

    @Test("words broken by invisible characters and controls, at their start, inside and at their end", arguments: [
        "te\u{200B}st ho\u{AD}à trẻ\u{AD}em x", "ab\u{1}cd", "ab\u{1}\u{AD} cd", "\u{AD}ab \u{200B}", "ho\u{AD}\u{1}\u{7F}a\u{301} x",
        "a\u{AD}", "\u{AD}", "Kế\u{1}hoạch 2019\u{7F}", "ABC\u{FEFF}DEF\u{2060}ghi\u{200D}", "đ\u{85}a", "x\u{AD}\n\u{AD}y",
        "hoa\u{300}\u{AD}ng", "e\u{AD}\u{301}", "  a  \u{AD}  b  ", "1\u{AD}2 a\u{AD}1",
    ])
    func gappedWords(_ text: String) {
        #expect(VietnameseNormalizer.normalize(text) == Self.reference(text))
    }

    /// The normaliser reads prose (words, ASCII digits and punctuation, single spaces before
    /// anything but a space) in a loop of its own, and goes back to its main loop at anything
    /// else: these texts end and break such runs in every way.
    @Test("prose runs broken and ended in every way", arguments: [
        "Thực hiện Công văn số 1663/LĐTBXH-TE ngày 06/3/2005;", "a, b. c; (d) e: f! g? h",
        "từ  hai   dấu cách", "tab\tvà\u{A0}cách", "trước “ngoặc” và – gạch", "cuối dòng \nmới", "CR LF\r\ndòng",
        "chữ \u{AD}mềm", "chữ\u{200B} rộng", "a \u{1}b", "hoà hòa thuý thúy", "hoa\u{300} ho\u{300}a Hoa\u{301}", "đ Đ Ð ð",
        "PAGE  1 \nNUMPAGES 3\n* MERGEFORMAT\nvăn bản", "PAGE 1\n2\nvăn bản tiếp", "kết thúc ", "kết thúc.", "x 1", "x ,", "x \u{7F}y",
        "ab \u{300}c", "tiếng 中文 α β", "😀 a 😀", " a", "a … b", "a -- b", "Kế\u{AD} hoạch", "x y\u{2028}z",
    ])
    func proseRuns(_ text: String) {
        #expect(VietnameseNormalizer.normalize(text) == Self.reference(text))
    }

    /// The normaliser writes into room for as many scalars as the text has, and grows it when
    /// it emits more: an ellipsis becomes three full stops.
    @Test("texts that normalise to more scalars than they have", arguments: [
        String(repeating: "…", count: 40), String(repeating: "a…", count: 40), "…" + String(repeating: "hoà …", count: 30),
        String(repeating: "…", count: 17) + "\nPAGE 1\n" + String(repeating: "…", count: 17),
    ])
    func textsThatGrow(_ text: String) {
        #expect(VietnameseNormalizer.normalize(text) == Self.reference(text))
    }

    @Test("random texts of letters, marks, spaces, invisible characters, line ends and punctuation")
    func randomTexts() {
        Self.expectSameAsReference(pool: [
            "a", "B", "z", "ư", "Ơ", "ệ", "Đ", "Ð", "đ", "ǵ", "\u{300}", "\u{301}", "\u{302}", "\u{31B}", "\u{323}", "\u{335}",
            "ß", "中", "α", "1", "9", ".", ",", "(", "-", "–", "“", "’", "…", " ", " ", "\t", "\u{A0}", "\u{3000}",
            "\u{AD}", "\u{200B}", "\u{FEFF}", "\u{1}", "\u{7F}", "\u{9F}", "\n", "\r", "\u{85}", "\u{2028}", "\u{0C}", "😀",
        ], seed: 16)
    }

    /// Mostly letters, single spaces and ASCII punctuation, for long prose runs, with now and
    /// then what ends one.
    @Test("random prose: words, single spaces, digits and punctuation, and now and then what ends a run")
    func randomProse() {
        Self.expectSameAsReference(pool: [
            "a", "n", "h", "T", "ư", "ơ", "ệ", "ố", "à", "Đ", "đ", "\u{301}", "\u{323}", " ", " ", " ", " ", " ", " ",
            "1", "0", ".", ",", ";", ":", "/", "(", ")", "-", "\"", "“", "–", "\u{AD}", "\u{A0}", "\n", "\r", "\t",
        ], seed: 18)
    }

    /// 400 texts of up to 60 scalars drawn from `pool`, normalised with one cache of composed
    /// words (small enough to start over), against the reference.
    static func expectSameAsReference(pool: [Unicode.Scalar], seed: UInt64) {
        var random = ExportFixtures.SeededRandom(seed: seed)
        var words = ComposedWords(limit: 64)
        for _ in 0..<400 {
            let length = Int.random(in: 0..<60, using: &random)
            var view = String.UnicodeScalarView()
            for _ in 0..<length { view.append(pool[Int.random(in: 0..<pool.count, using: &random)]) }
            let text = String(view)
            #expect(VietnameseNormalizer.normalize(text, words: &words) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
