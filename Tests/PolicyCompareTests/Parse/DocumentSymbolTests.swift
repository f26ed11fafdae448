import Foundation
import Testing
@testable import PolicyCompare

@Suite struct DocumentSymbolTests {
    /// The rule as first written, with Foundation's search and replace.
    private static func foundationNormalize(_ raw: String) -> String {
        var symbol = String(raw.unicodeScalars.filter { $0 != " " }.map(Character.init))
        for (variant, canonical) in DocumentSymbol.variants where symbol.contains(variant) {
            symbol = symbol.replacingOccurrences(of: variant, with: canonical)
        }
        return symbol
    }

    @Test func spellingsOfOneCodeGiveOneKey() {
        let key = "1332/LĐTBXH-TE"
        for spelling in ["1332 /LĐTBXH-TE", "1332/LĐ-TB&XH-TE", "1332/LĐTB&XH-TE", "1332/LDTBXH-TE", "1332 / LĐ - TB&XH - TE"] {
            #expect(DocumentSymbol.normalize(spelling) == key, "\(spelling)")
        }
        #expect(DocumentSymbol.normalize("1555/QD-TTg") == "1555/QĐ-TTg")
        #expect(DocumentSymbol.normalize("1555/QĐ-TTG") == "1555/QĐ-TTg")
        #expect(DocumentSymbol.normalize("56/2017/ND-CP") == "56/2017/NĐ-CP")
        // "BLĐTB&XH" is replaced by its own row, after "LĐTB&XH" had its turn inside it.
        #expect(DocumentSymbol.normalize("12/BLĐTB&XH") == "12/BLĐTBXH")
    }

    @Test func scanReadsSpacedSymbolsOfTheText() {
        let text = VietnameseNormalizer.normalize("theo Công văn số 1332 /LĐT BXH-TE ngày 5")
        let start = text.scalars.firstIndex(of: "1") ?? 0
        let scanned = DocumentSymbol.scan(text.scalars, from: start, limit: text.scalars.count)
        #expect(scanned?.symbol == "1332/LĐTBXH-TE")
    }

    /// `scan` encodes the code's scalars itself: its key must be `normalize` of the code's text.
    @Test func scanGivesTheKeyOfTheCodesTextAtEveryDigitOfTheRealDirectives() throws {
        var scanned = 0
        var texts = try Fixtures.ids.map { try Fixtures.directive($0).text }
        texts.append(VietnameseNormalizer.normalize("số 12 / LĐ - TB&XH - TE, 56/2017/ND-CP và 7-CT/TW; 1555/QĐ-TTG 9 /BLĐTB&XH"))
        for text in texts {
            for start in text.scalars.indices where Tokenizer.isDigit(text.scalars[start]) {
                guard let (symbol, end) = DocumentSymbol.scan(text.scalars, from: start, limit: text.scalars.count) else { continue }
                scanned += 1
                #expect(symbol == DocumentSymbol.normalize(text.text(start..<end)), "\(text.text(start..<end))")
            }
        }
        #expect(scanned >= 20)
    }

    @Test func upperCaseRuleAgreesWithScalarPropertiesOnASCIIAndBeyond() {
        for value in UInt32(0)..<0x300 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(DocumentSymbol.isUpper(scalar) == scalar.properties.isUppercase, "U+\(String(value, radix: 16))")
        }
        #expect(DocumentSymbol.isUpper("Đ") && !DocumentSymbol.isUpper("đ"))
    }

    @Test func normalizeAgreesWithFoundationOnRandomCodes() {
        var random = ExportFixtures.SeededRandom(seed: 29)
        let pieces = DocumentSymbol.variants.flatMap { [$0.0, $0.1] }
            + ["1332", "/", "-", " ", "&", "TE", "Đ", "LĐ", "TB", "XH", "QĐ", "TTg", "g", "ệ", "B", "Q"]
        for _ in 0..<2_000 {
            let raw = (0..<Int.random(in: 1...8, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            #expect(DocumentSymbol.normalize(raw) == Self.foundationNormalize(raw), "\(raw)")
        }
    }
}
