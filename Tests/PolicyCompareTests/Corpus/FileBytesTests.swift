import Foundation
import Testing
@testable import PolicyCompare

@Suite struct FileBytesTests {
    @Test func readsAFileAndSaysInWordsWhyNot() throws {
        let folder = try Fixtures.temporaryFolder()
        let file = folder.appendingPathComponent("a.csv")
        try Data("x,y\n".utf8).write(to: file)
        #expect(FileBytes.read(file) == .success(Data("x,y\n".utf8)))
        #expect(FileBytes.read(folder) == .failure(FileBytes.Problem(reason: "it is a folder, not a file")))
        #expect(FileBytes.read(folder.appendingPathComponent("none.csv")) == .failure(FileBytes.Problem(reason: "no such file")))
        #expect(FileBytes.systemReason(NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))) == String(cString: strerror(EACCES)))
    }

    @Test("a named pipe or a device is refused by what it is, without waiting on it")
    func specialFilesAreNotRead() throws {
        let pipe = try Fixtures.temporaryFolder().appendingPathComponent("pipe.csv")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        #expect(FileBytes.read(pipe) == .failure(FileBytes.Problem(reason: "it is a named pipe, not a regular file")))
        #expect(FileBytes.read(URL(fileURLWithPath: "/dev/zero")) == .failure(FileBytes.Problem(reason: "it is a device, not a regular file")))
        #expect(FileBytes.specialKind(atPath: pipe.deletingLastPathComponent().path) == nil, "a folder is told apart elsewhere")
        #expect(FileBytes.specialKind(atPath: pipe.path + ".none") == nil)
    }

    @Test func readsACSVAsUTF8TextOrSaysWhyNot() throws {
        let folder = try Fixtures.temporaryFolder()
        let good = folder.appendingPathComponent("good.csv"), legacy = folder.appendingPathComponent("legacy.csv")
        try Data("a,Hà Nội\n".utf8).write(to: good)
        try Data([0x61, 0x2C, 0x48, 0xE0, 0x0A]).write(to: legacy)  // "a,Hà" in Windows-1252
        let read = try FileBytes.csvText(good).get()
        #expect(read.text == "a,Hà Nội\n" && read.bytes == Data("a,Hà Nội\n".utf8))
        #expect(throws: FileBytes.CSVTextProblem.notUTF8) { try FileBytes.csvText(legacy).get() }
        #expect(throws: FileBytes.CSVTextProblem.unreadable("it is a folder, not a file")) { try FileBytes.csvText(folder).get() }
        // A workbook given for its CSV, as a codebook or manifest: how to save the CSV.
        let workbook = folder.appendingPathComponent("codebook.xlsx")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xC3, 0x28]).write(to: workbook)
        guard case .failure(.unreadable(let reason)) = FileBytes.csvText(workbook) else { Issue.record("a workbook was read"); return }
        #expect(reason.hasPrefix("it is a spreadsheet workbook (.xlsx, .xls or .ods), not CSV text; save the sheet as CSV"))
    }
}
