import Foundation
import Testing
@testable import PolicyCompare

@Suite struct CorpusTests {
    @Test("every shipped document's bytes, read with one open and read, are those Data reads from its URL")
    func shippedBytesAreTheFiles() throws {
        let corpus = try #require(Fixtures.corpus)
        for document in corpus.documents {
            let url = corpus.root.appendingPathComponent(document.file)
            #expect(corpus.path(of: document) == url.path)
            #expect(try corpus.bytes(of: document) == Array(try Data(contentsOf: url)), "\(document.id)")
        }
    }

    /// A corpus of the files `contents` (named `directives/0.txt`, ...), listed in that order.
    private static func corpus(_ contents: [[UInt8]]) throws -> Corpus {
        let root = try Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("directives"), withIntermediateDirectories: true)
        var manifest = ManifestTests.header
        for (index, bytes) in contents.enumerated() {
            try Data(bytes).write(to: root.appendingPathComponent("directives/\(index).txt"))
            manifest += "d\(index),2019,directives/\(index).txt,X,district,plan,,,,\n"
        }
        try Data(manifest.utf8).write(to: root.appendingPathComponent("manifest.csv"))
        return try Corpus.load(root)
    }

    @Test("an empty file reads as no bytes, and a file gone since loading is unreadable, named by its path")
    func emptyAndMissingFiles() throws {
        let large = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let corpus = try Self.corpus([[], Array("Nội dung.\n".utf8), large])
        #expect(try corpus.bytes(of: corpus.documents[0]) == [])
        #expect(try corpus.bytes(of: corpus.documents[1]) == Array("Nội dung.\n".utf8))
        #expect(try corpus.bytes(of: corpus.documents[2]) == large)
        try FileManager.default.removeItem(atPath: corpus.path(of: corpus.documents[1]))
        do {
            _ = try corpus.bytes(of: corpus.documents[1])
            Issue.record("a removed file was read")
        } catch {
            guard case .unreadable(let path, _) = error else { Issue.record("\(error)"); return }
            #expect(path == corpus.path(of: corpus.documents[1]))
        }
    }

    @Test("a document that cannot be decoded is skipped with the error naming its file's path in the corpus folder")
    func undecodableDocumentNamesItsPath() throws {
        let codebook = try #require(Fixtures.codebook)
        let corpus = try Self.corpus([Array("Kế hoạch triển khai.\n".utf8), Array("%PDF-1.4 binary".utf8), [0xFF, 0xFE, 0x00, 0x00]])
        let (analyses, skipped) = try CorpusAnalyzer(codebook: codebook).analyzeSkippingInvalid(corpus)
        #expect(analyses.map(\.metadata.id) == ["d0"])
        #expect(skipped.map(\.documentID) == ["d1", "d2"])
        for (document, skip) in zip(corpus.documents.dropFirst(), skipped) {
            do {
                _ = try TextDecoder.decode(corpus.bytes(of: document), source: corpus.path(of: document))
                Issue.record("\(document.id) decoded")
            } catch {
                #expect(skip.reason.hasPrefix("\(document.file) "), "\(skip.reason)")
                #expect(skip.reason == String(describing: error).replacingOccurrences(of: corpus.root.path + "/", with: ""))
            }
        }
    }
}
