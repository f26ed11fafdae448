import Foundation
import TestSupport
@testable import PolicyCompare

/// Real fixtures: the shipped corpus and codebook, read once per process.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let datasets = packageRoot.appendingPathComponent("Datasets")
    static let ids = ["2010-molisa", "2013-molisa", "2014-molisa", "2019-lang-son", "2019-kien-giang"]

    static let corpus: Corpus? = try? Corpus.load(datasets)
    static let reader: DirectiveReader? = try? DirectiveReader()
    static let codebook: Codebook? = try? CodebookLoader.load(datasets.appendingPathComponent("codebook.csv"))

    /// A shipped directive, parsed.
    static func directive(_ id: String) throws -> Directive {
        let corpus = try Corpus.load(datasets)
        guard let reader else { throw FixtureError.missing("DirectiveReader") }
        return try reader.read(try corpus.document(id), in: corpus)
    }

    /// Parses a text as if it were a directive body (no letter head).
    static func parse(_ text: String, id: String = "test", year: Int = 2019) throws -> Directive {
        guard let reader else { throw FixtureError.missing("DirectiveReader") }
        return reader.parser.parse(VietnameseNormalizer.normalize(text),
                                   metadata: DocumentMetadata(id: id, year: year, file: "", issuer: "", level: "national", kind: "letter"))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = Scratch.path("test")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Windows-1258 bytes written by hand from the code page: ASCII, the shaped letters, and the
    /// five tones as combining bytes after their letter. With `precomposed`, letters that exist
    /// whole in the code page (á à é è í ó ù ú) use that byte, as Windows itself writes them.
    static func windows1258Bytes(_ text: String, precomposed: Bool = false) -> [UInt8]? {
        let tones: [UInt32: UInt8] = [0x300: 0xCC, 0x301: 0xEC, 0x303: 0xDE, 0x309: 0xD2, 0x323: 0xF2]
        let letters: [UInt32: UInt8] = [
            0xE2: 0xE2, 0xC2: 0xC2, 0xEA: 0xEA, 0xCA: 0xCA, 0xF4: 0xF4, 0xD4: 0xD4, 0x103: 0xE3, 0x102: 0xC3,
            0x111: 0xF0, 0x110: 0xD0, 0x1A1: 0xF5, 0x1A0: 0xD5, 0x1B0: 0xFD, 0x1AF: 0xDD,
            0x201C: 0x93, 0x201D: 0x94, 0x2013: 0x96, 0xA0: 0xA0,
        ]
        let whole: [UInt32: UInt8] = [
            0xE1: 0xE1, 0xE0: 0xE0, 0xE9: 0xE9, 0xE8: 0xE8, 0xED: 0xED, 0xF3: 0xF3, 0xF9: 0xF9, 0xFA: 0xFA,
            0xC1: 0xC1, 0xC0: 0xC0, 0xC9: 0xC9, 0xC8: 0xC8, 0xCD: 0xCD, 0xD3: 0xD3, 0xD9: 0xD9, 0xDA: 0xDA,
        ]
        var out: [UInt8] = []
        for character in text {
            let nfc = String(character).precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
            if precomposed, nfc.count == 1, let byte = whole[nfc[0]] {
                out.append(byte)
                continue
            }
            var tone: UInt8?
            var rest = String.UnicodeScalarView()
            for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
                if let byte = tones[scalar.value] { tone = byte } else { rest.append(scalar) }
            }
            let base = String(rest).precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
            guard base.count == 1 else { return nil }
            if base[0] < 0x80 {
                out.append(UInt8(base[0]))
            } else if let byte = letters[base[0]] {
                out.append(byte)
            } else {
                return nil
            }
            if let tone { out.append(tone) }
        }
        return out
    }

    enum FixtureError: Error { case missing(String) }
}

extension String {
    /// The UTF-8 bytes, so tests see NFC/NFD differences that `==` hides.
    var bytes: [UInt8] { Array(utf8) }
}
