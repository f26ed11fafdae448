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

    enum FixtureError: Error { case missing(String) }
}

extension String {
    /// The UTF-8 bytes, so tests see NFC/NFD differences that `==` hides.
    var bytes: [UInt8] { Array(utf8) }
}
