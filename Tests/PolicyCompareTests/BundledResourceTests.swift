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
        do {
            _ = try BundledResource.text("no-such-table.tsv")
            Issue.record("a table that is nowhere was read")
        } catch {
            guard case .missing(let name, let folder?) = error else { Issue.record("\(error)"); return }
            #expect(name == "no-such-table.tsv")
            #expect(folder.hasSuffix("/Resources"))
        }
    }

    @Test("the first bundle with a Resources folder holds every table, even one it lacks; else the checkout's folder")
    func oneFolder() throws {
        let checkout = try Fixtures.temporaryFolder()
        try Data("a\tb\n".utf8).write(to: checkout.appendingPathComponent("table.tsv"))
        #expect(BundledResource.folder(in: [], sourceFolder: checkout) == checkout)
        #expect(BundledResource.folder(in: [], sourceFolder: checkout.appendingPathComponent("gone")) == nil)

        // A bundle without a Resources folder is passed over.
        let empty = try Fixtures.temporaryFolder().appendingPathComponent("PolicyCompare_PolicyCompare.resources")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(BundledResource.folder(in: [try #require(Bundle(url: empty))], sourceFolder: checkout) == checkout)

        // A bundle from another build, holding another table only, is still the one folder:
        // table.tsv is then missing, not read from the checkout.
        let stale = try Fixtures.temporaryFolder().appendingPathComponent("PolicyCompare_PolicyCompare.resources")
        try FileManager.default.createDirectory(at: stale.appendingPathComponent("Resources"), withIntermediateDirectories: true)
        try Data("c\n".utf8).write(to: stale.appendingPathComponent("Resources/other.tsv"))
        let found = BundledResource.folder(in: [try #require(Bundle(url: empty)), try #require(Bundle(url: stale))], sourceFolder: checkout)
        #expect(found?.resolvingSymlinksInPath().path == stale.appendingPathComponent("Resources").resolvingSymlinksInPath().path)
    }

    @Test("a missing table's message says where it belongs and how to fix it")
    func message() {
        let nowhere = ResourceError.missing("actors.tsv", folder: nil).description
        #expect(nowhere.contains("Resources/actors.tsv") && nowhere.contains("PolicyCompare_PolicyCompare.resources"))
        #expect(nowhere.contains("swift build"))
        let stale = ResourceError.missing("bound-words.tsv", folder: "/opt/pc/PolicyCompare_PolicyCompare.resources/Resources").description
        #expect(stale.contains("Resources/bound-words.tsv is missing from /opt/pc/PolicyCompare_PolicyCompare.resources/Resources"))
        #expect(stale.contains("another build") && stale.contains("copy the folder") && stale.contains("swift build"))
    }
}
