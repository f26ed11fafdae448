import Foundation
import Testing
@testable import PolicyCompare

@Suite("BundledResource")
struct BundledResourceTests {
    @Test("tables come from the resource bundle beside the test binary, the same bytes as in Sources")
    func fromTheBundle() throws {
        let source = Fixtures.packageRoot.appendingPathComponent("Sources/PolicyCompare/Resources")
        for name in ["abbreviations.tsv", "actors.tsv", "task-words.tsv", "stopwords.txt"] {
            let text = try BundledResource.text(name)
            #expect(Data(text.utf8) == (try Data(contentsOf: source.appendingPathComponent(name))))
        }
        #expect(throws: ResourceError.missing("no-such-table.tsv")) { try BundledResource.text("no-such-table.tsv") }
    }

    @Test("without a bundle the checkout's folder is used; with neither, nothing is found (no crash)")
    func lookup() throws {
        let folder = try Fixtures.temporaryFolder()
        try Data("a\tb\n".utf8).write(to: folder.appendingPathComponent("table.tsv"))
        #expect(BundledResource.url(of: "table.tsv", in: [], sourceFolder: folder) == folder.appendingPathComponent("table.tsv"))
        #expect(BundledResource.url(of: "other.tsv", in: [], sourceFolder: folder) == nil)
        #expect(BundledResource.url(of: "table.tsv", in: [], sourceFolder: folder.appendingPathComponent("gone")) == nil)
        // A bundle that has the file wins over the folder.
        let bundle = try Fixtures.temporaryFolder().appendingPathComponent("PolicyCompare_PolicyCompare.resources")
        try FileManager.default.createDirectory(at: bundle.appendingPathComponent("Resources"), withIntermediateDirectories: true)
        try Data("c\n".utf8).write(to: bundle.appendingPathComponent("Resources/table.tsv"))
        let found = BundledResource.url(of: "table.tsv", in: [try #require(Bundle(url: bundle))], sourceFolder: folder)
        #expect(found?.resolvingSymlinksInPath().path == bundle.appendingPathComponent("Resources/table.tsv").resolvingSymlinksInPath().path)
    }

    @Test("a missing table's message says where it belongs and how to fix it")
    func message() {
        let message = ResourceError.missing("actors.tsv").description
        #expect(message.contains("Resources/actors.tsv") && message.contains("PolicyCompare_PolicyCompare.resources"))
        #expect(message.contains("swift build"))
    }
}
