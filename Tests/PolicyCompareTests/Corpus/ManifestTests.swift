import Foundation
import Testing
@testable import PolicyCompare

@Suite struct ManifestTests {
    static let header = "document_id,year,file,issuer,level,kind,title,date,number,source\n"

    /// A corpus folder with one text file and the given manifest.
    func corpus(_ manifest: String) throws -> URL {
        let root = try Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("directives"), withIntermediateDirectories: true)
        try Data("Kính gửi: X\nNội dung.\n".utf8).write(to: root.appendingPathComponent("directives/a.txt"))
        try Data("Nội dung.\n".utf8).write(to: root.appendingPathComponent("directives/b.txt"))
        try Data(manifest.utf8).write(to: root.appendingPathComponent("manifest.csv"))
        return root
    }

    func error(_ manifest: String) throws -> CorpusError? {
        let root = try corpus(manifest)
        do {
            _ = try Corpus.load(root)
            return nil
        } catch {
            return error
        }
    }

    @Test func shippedManifestLoads() throws {
        let corpus = try Corpus.load(Fixtures.datasets)
        #expect(corpus.documents.map(\.id) == Fixtures.ids)
        #expect(corpus.documents.map(\.year) == [2010, 2013, 2014, 2019, 2019])
        #expect(corpus.documents.map(\.level) == ["national", "national", "national", "provincial", "provincial"])
        let kienGiang = try corpus.document("2019-kien-giang")
        #expect(kienGiang.number == "80/KH-UBND" && kienGiang.date == "2019-05-14" && kienGiang.kind == "plan")
    }

    @Test func shippedTextsAreTheSharedBytes() throws {
        let shared = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/directives")
        guard FileManager.default.fileExists(atPath: shared.path) else { return }
        for id in Fixtures.ids {
            let ours = try Data(contentsOf: Fixtures.datasets.appendingPathComponent("directives/\(id).txt"))
            let theirs = try Data(contentsOf: shared.appendingPathComponent("\(id).txt"))
            #expect(ours == theirs, "\(id) differs from ../shared/directives")
        }
    }

    @Test func missingColumnIsNamed() throws {
        let e = try error("document_id,year,file,issuer,level\na,2019,directives/a.txt,X,national\n")
        guard case .csv(.missingColumns(_, let missing, _)) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(missing == ["kind"])
        #expect(e?.description.contains("manifest.csv:1") == true)
    }

    @Test func duplicateIDNamesBothLines() throws {
        let e = try error(Self.header + "a,2019,directives/a.txt,X,national,letter,,,,\na,2019,directives/b.txt,X,national,letter,,,,\n")
        guard case .duplicateID(_, 3, "a", 2) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(e?.description.contains(":3: document_id 'a' is already used on line 2") == true)
    }

    @Test(arguments: ["19", "20190", "two", "１２３４", "1850", "3000"])
    func badYear(_ year: String) throws {
        let e = try error(Self.header + "a,\(year),directives/a.txt,X,national,letter,,,,\n")
        guard case .badYear(_, 2, year) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(e?.description.contains("4-digit year from 1900 to 2999") == true)
    }

    @Test func missingFile() throws {
        let e = try error(Self.header + "a,2019,directives/none.txt,X,national,letter,,,,\n")
        guard case .fileMissing(_, 2, "directives/none.txt", nil) = e else { Issue.record("got \(String(describing: e))"); return }
    }

    @Test("a missing file whose name nearly is one beside it: the error offers that file")
    func missingFileNearlyNamed() throws {
        let root = try corpus(Self.header + "a,2019,directives/2021-dong_hai.txt,X,national,letter,,,,\n")
        try Data("Nội dung.\n".utf8).write(to: root.appendingPathComponent("directives/2021-dong-hai.txt"))
        let e: CorpusError?
        do { _ = try Corpus.load(root); e = nil } catch { e = error }
        guard case .fileMissing(_, 2, "directives/2021-dong_hai.txt", "directives/2021-dong-hai.txt") = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(e?.description.hasSuffix("file 'directives/2021-dong_hai.txt' does not exist in the corpus folder; did you mean 'directives/2021-dong-hai.txt'? Fix the path or add the file") == true)
        let typo = try error(Self.header + "a,2019,directives/A.txt,X,national,letter,,,,\n")
        guard case .fileMissing(_, 2, "directives/A.txt", "directives/a.txt") = typo else { Issue.record("got \(String(describing: typo))"); return }
    }

    @Test(arguments: ["../escape.txt", "directives/../../escape.txt", "/etc/passwd", "~/x.txt"])
    func pathsLeavingTheCorpusAreRefused(_ path: String) throws {
        let e = try error(Self.header + "a,2019,\(path),X,national,letter,,,,\n")
        guard case .pathEscapes(_, 2, path) = e else { Issue.record("got \(String(describing: e))"); return }
    }

    @Test func aWindowsPathIsNamedAsSuch() throws {
        let backslash = try error(Self.header + "a,2019,directives\\a.txt,X,national,letter,,,,\n")
        guard case .backslashPath(_, 2, "directives\\a.txt") = backslash else { Issue.record("got \(String(describing: backslash))"); return }
        #expect(backslash?.description.contains("write paths with '/' between folders") == true)
    }

    @Test func aCorpusThatIsAFileOrAManifestNotInUTF8IsNamedAsSuch() throws {
        let root = try corpus(Self.header + "a,2019,directives/a.txt,X,national,letter,,,,\n")
        let manifest = root.appendingPathComponent("manifest.csv")
        #expect(throws: CorpusError.notAFolder(path: manifest.path)) { try Corpus.load(manifest) }
        try Data(Array(Self.header.utf8) + Array("a,2019,directives/a.txt,B".utf8) + [0xF4] + Array(",national,letter,,,,\n".utf8)).write(to: manifest)
        #expect(throws: CorpusError.notUTF8(path: manifest.path)) { try Corpus.load(root) }
        #expect(CorpusError.notUTF8(path: "m.csv").description == "m.csv: the file is not UTF-8 text; save it as 'CSV UTF-8' (in Excel: Save As, 'CSV UTF-8 (Comma delimited)')")
    }

    /// Rows are checked on all cores, then in order against the rows before them: in a long
    /// manifest the error is the first problem in the file, whichever rows the cores took.
    @Test func theFirstProblemInALongManifestIsTheError() throws {
        // 200 rows, each with a file of its own.
        let root = try corpus(Self.header)
        var rows: [String] = []
        for k in 0..<200 {
            try Data("Nội dung \(k).\n".utf8).write(to: root.appendingPathComponent("directives/d\(k).txt"))
            rows.append("d\(k),2019,directives/d\(k).txt,X,provincial,plan,,,,")
        }
        func load(_ edits: [Int: String]) -> CorpusError? {
            var lines = rows
            for (k, row) in edits { lines[k] = row }
            do {
                try Data((Self.header + lines.joined(separator: "\n") + "\n").utf8).write(to: root.appendingPathComponent("manifest.csv"))
                _ = try Corpus.load(root)
                return nil
            } catch {
                return error as? CorpusError
            }
        }
        let path = root.appendingPathComponent("manifest.csv").path
        #expect(load([:]) == nil)
        // Line numbers count the header: row k is on line k + 2.
        #expect(load([150: "d7,2019,directives/d150.txt,X,provincial,plan,,,,", 180: "d180,19,directives/d180.txt,X,provincial,plan,,,,"])
                == .duplicateID(file: path, line: 152, id: "d7", firstLine: 9))
        #expect(load([40: "d40,2019,directives/none.txt,X,provincial,plan,,,,", 150: "d7,2019,directives/d150.txt,X,provincial,plan,,,,"])
                == .fileMissing(file: path, line: 42, path: "directives/none.txt"))
        #expect(load([199: "d199,2019,directives/d3.txt,X,provincial,plan,,,,", 198: "d198,2019,directives/d198.txt,X,nation,plan,,,,"])
                == .badLevel(file: path, line: 200, value: "nation"))
        #expect(load([199: "d199,2019,directives/d3.txt,X,provincial,plan,,,,"])
                == .duplicateFile(file: path, line: 201, path: "directives/d3.txt", firstLine: 5))
        // On one row, a missing field comes before a repeated id, and a repeated id before a bad year.
        #expect(load([120: "d5,,directives/d120.txt,X,provincial,plan,,,,"]) == .emptyField(file: path, line: 122, column: "year"))
        #expect(load([120: "d5,20x9,directives/d120.txt,X,provincial,plan,,,,"]) == .duplicateID(file: path, line: 122, id: "d5", firstLine: 7))
    }

    @Test func parentComponentsAreFoundWhereverTheyAre() {
        for path in ["..", "../a.txt", "a/..", "a/../b.txt", "a//../b", "a/b/.."] {
            #expect(Manifest.hasParentComponent(path), "\(path)")
        }
        for path in ["a.txt", "...", ".../a", "a../b", "..a/b", "a/..b", "./a.txt", "a/./b", ".", "a/.", ""] {
            #expect(!Manifest.hasParentComponent(path), "\(path)")
        }
    }

    @Test func symbolicLinkPointingOutsideIsRefused() throws {
        let root = try corpus(Self.header + "a,2019,directives/link.txt,X,national,letter,,,,\n")
        let outside = try Fixtures.temporaryFolder().appendingPathComponent("secret.txt")
        try Data("x".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("directives/link.txt"), withDestinationURL: outside)
        #expect(throws: CorpusError.self) { try Corpus.load(root) }
        do { _ = try Corpus.load(root) } catch { #expect(error.description.contains("leads outside the corpus folder")) }
        let dots = try error(Self.header + "a,2019,directives/../directives/a.txt,X,national,letter,,,,\n")
        #expect(dots?.description.contains("file 'directives/../directives/a.txt' has a '..' part, which the manifest does not allow; give a path") == true,
                "a path that goes up and back in is refused for its '..', not said to lead outside")
    }

    @Test func fileInALinkedFolderOutsideIsRefused() throws {
        let root = try corpus(Self.header + "a,2019,directives/a.txt,X,national,letter,,,,\nb,2019,elsewhere/secret.txt,X,national,letter,,,,\n")
        let outside = try Fixtures.temporaryFolder()
        try Data("x".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("elsewhere"), withDestinationURL: outside)
        let e: CorpusError?
        do { _ = try Corpus.load(root); e = nil } catch { e = error }
        guard case .pathEscapes(_, 3, "elsewhere/secret.txt") = e else { Issue.record("got \(String(describing: e))"); return }
    }

    @Test func filesInSeveralFoldersAreEachResolved() throws {
        let root = try corpus(Self.header + "a,2019,directives/a.txt,X,national,letter,,,,\nb,2019,c.txt,X,national,letter,,,,\nc,2019,more/d.txt,X,national,letter,,,,\nd,2019,more/none.txt,X,national,letter,,,,\n")
        try Data("Một.\n".utf8).write(to: root.appendingPathComponent("c.txt"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("more"), withIntermediateDirectories: true)
        try Data("Hai.\n".utf8).write(to: root.appendingPathComponent("more/d.txt"))
        let e: CorpusError?
        do { _ = try Corpus.load(root); e = nil } catch { e = error }
        guard case .fileMissing(_, 5, "more/none.txt", nil) = e else { Issue.record("got \(String(describing: e))"); return }
    }

    @Test func linksThatStayInsideAreFollowedEvenFromALinkedFolder() throws {
        let root = try corpus(Self.header + "a,2019,directives/alias.txt,X,national,letter,,,,\nb,2019,directives/a.txt,X,national,letter,,,,\n")
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("directives/alias.txt"), withDestinationURL: root.appendingPathComponent("directives/b.txt"))
        let linkedRoot = try Fixtures.temporaryFolder().appendingPathComponent("corpus-link")
        try FileManager.default.createSymbolicLink(at: linkedRoot, withDestinationURL: root)
        let corpus = try Corpus.load(linkedRoot)
        #expect(corpus.documents.map(\.file) == ["directives/alias.txt", "directives/a.txt"])
        #expect(try corpus.bytes(of: corpus.document("a")) == Array("Nội dung.\n".utf8))
    }

    @Test func aFolderIsNotAFile() throws {
        let e = try error(Self.header + "a,2019,directives,X,national,letter,,,,\n")
        guard case .fileIsFolder(_, 2, "directives") = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(e?.description.hasSuffix(":2: file 'directives' is a folder; give the path of the directive's text file in it") == true)
    }

    @Test("a control character in a field is refused, naming the column; a text's line breaks and tabs are not")
    func controlCharacters() throws {
        let nul = try error(Self.header + "a,2019,directives/a.txt\u{0}junk,X,national,letter,,,,\n")
        guard case .controlCharacter(_, 2, "file", 0) = nul else { Issue.record("got \(String(describing: nul))"); return }
        #expect(nul?.description.hasSuffix(":2: column 'file' holds the control character U+0000, which a spreadsheet does not show and which cuts a path short; type the cell again without it") == true)
        let escape = try error(Self.header + "a,2019,directives/a.txt,X,national,letter,\"Tháng \u{1B}[31m\",,,\n")
        guard case .controlCharacter(_, 2, "title", 0x1B) = escape else { Issue.record("got \(String(describing: escape))"); return }
        #expect(try error(Self.header + "a,2019,directives/a.txt,X,national,letter,\"Kế hoạch\nTháng\thành động\",,,\n") == nil)
        #expect(try error(Self.header + "a,2019,directives/a.txt,X\u{7F},national,letter,,,,\n") != nil)
    }

    @Test("a file named with the other Unicode form of the manifest's name (decomposed on disk, composed in the manifest) is found")
    func nameInAnotherUnicodeForm() throws {
        let composed = "directives/Kế hoạch.txt"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        for (onDisk, inManifest) in [(decomposed, composed), (composed, decomposed)] {
            let root = try corpus(Self.header + "a,2019,\(inManifest),X,national,letter,,,,\n")
            try Data("Kính gửi: X\nNội dung.\n".utf8).write(to: URL(fileURLWithPath: root.path + "/" + onDisk))
            let loaded = try Corpus.load(root)
            #expect(Array(loaded.documents[0].file.utf8) == Array(onDisk.utf8))
            #expect(try loaded.bytes(of: loaded.documents[0]) == Array("Kính gửi: X\nNội dung.\n".utf8))
        }
    }

    @Test func aNamedPipeIsNotAFile() throws {
        let root = try corpus(Self.header + "a,2019,directives/pipe.txt,X,national,letter,,,,\n")
        #expect(mkfifo(root.appendingPathComponent("directives/pipe.txt").path, 0o600) == 0)
        do {
            _ = try Corpus.load(root)
            Issue.record("a named pipe was listed as a document")
        } catch {
            guard case .fileNotRegular(_, 2, "directives/pipe.txt", "a named pipe") = error else { Issue.record("got \(error)"); return }
            #expect(error.description.hasSuffix(":2: file 'directives/pipe.txt' is a named pipe, not a regular file; save the directive's text as a file and give its path"))
        }
        // A file turned into a pipe after the manifest was read is refused when read, not waited on.
        let listed = try corpus(Self.header + "a,2019,directives/a.txt,X,national,letter,,,,\n")
        let loaded = try Corpus.load(listed)
        let file = listed.appendingPathComponent("directives/a.txt")
        try FileManager.default.removeItem(at: file)
        #expect(mkfifo(file.path, 0o600) == 0)
        #expect(throws: CorpusError.unreadable(path: file.path, reason: "it is a named pipe, not a regular file")) {
            try loaded.bytes(of: loaded.document("a"))
        }
    }

    @Test func sameFileTwiceIsRefused() throws {
        let e = try error(Self.header + "a,2019,directives/a.txt,X,national,letter,,,,\nb,2019,directives/./a.txt,X,national,letter,,,,\n")
        guard case .duplicateFile(_, 3, _, 2) = e else { Issue.record("got \(String(describing: e))"); return }
    }

    @Test("a level written in Vietnamese, or nearly right, is named in the error")
    func levelSuggestions() {
        #expect(Manifest.levelSuggestion("tỉnh") == "provincial" && Manifest.levelSuggestion("Trung ương") == "national")
        #expect(Manifest.levelSuggestion("ti\u{0309}nh") == "provincial", "NFD as NFC")
        #expect(Manifest.levelSuggestion("Xã") == "commune" && Manifest.levelSuggestion("provincal") == "provincial")
        #expect(Manifest.levelSuggestion("nation") == nil && Manifest.levelSuggestion("") == nil)
        #expect(CorpusError.badLevel(file: "m.csv", line: 3, value: "tỉnh", suggestion: "provincial").description
                == "m.csv:3: level 'tỉnh' is unknown; use national, provincial, district or commune: for 'tỉnh', write 'provincial'")
    }

    @Test func badLevelAndDateAndUnbalancedQuotes() throws {
        let level = try error(Self.header + "a,2019,directives/a.txt,X,ministry,letter,,,,\n")
        guard case .badLevel = level else { Issue.record("got \(String(describing: level))"); return }
        let date = try error(Self.header + "a,2019,directives/a.txt,X,national,letter,,14/5/2019,,\n")
        guard case .badDate = date else { Issue.record("got \(String(describing: date))"); return }
        let noSuchDay = try error(Self.header + "a,2019,directives/a.txt,X,national,letter,,2013-02-30,,\n")
        #expect(noSuchDay?.description.hasSuffix(":2: date '2013-02-30' is not an ISO date of a day that exists; write it as YYYY-MM-DD (e.g. 2019-05-14) or leave it empty") == true,
                "\(String(describing: noSuchDay))")
        let quotes = try error(Self.header + "a,2019,directives/a.txt,\"X,national,letter,,,,\n")
        guard case .csv(.unterminatedQuote(_, 2)) = quotes else { Issue.record("got \(String(describing: quotes))"); return }
    }

    @Test func extraColumnsAreIgnoredAndAMisspeltOneGetsASuggestion() throws {
        let root = try corpus("document_id,year,file,issuer,level,kind,notes,tittle\na,2019,directives/a.txt,X,national,letter,my note,Kế hoạch\n")
        let corpus = try Corpus.load(root)
        #expect(corpus.manifest.unknownColumns.map(\.name) == ["notes", "tittle"])
        #expect(corpus.manifest.unknownColumns.map(\.suggestion) == [nil, "title"])
        #expect(corpus.manifest.unknownColumns.map(\.column) == [7, 8])
        #expect(corpus.manifest.unknownColumns.allSatisfy { $0.file.hasSuffix("manifest.csv") })
        #expect(corpus.documents.first?.title == "", "a misspelt column's values are not read")
    }

    @Test func aRequiredColumnInOtherCaseIsAnErrorThatSaysWhatToRename() throws {
        let e = try error("Document ID,Year,file,issuer,level\na,2019,directives/a.txt,X,national\n")
        guard case .csv(.missingColumns(_, let missing, _)) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(missing == ["document_id", "year", "kind"])
        #expect(e?.description.hasSuffix("rename 'Document ID' to 'document_id', 'Year' to 'year', and add the missing column kind to the header row") == true,
                "\(String(describing: e))")
    }
}
