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
}
