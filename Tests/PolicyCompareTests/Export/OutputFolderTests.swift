import Foundation
import Testing
import TestSupport
@testable import PolicyCompare

@Suite struct OutputFolderTests {
    private func contents(_ url: URL) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: url))
    }

    /// A set of files lands whole, empty ones and non-ASCII bytes included; a second run
    /// replaces what it writes again and leaves the user's other files alone.
    @Test func writesTheSetAndReplacesOnlyItsOwnFiles() throws {
        let destination = try Fixtures.temporaryFolder().appendingPathComponent("out")
        let report = Array("Tháng hành động vì trẻ em\n".utf8)
        try OutputFolder.write([(name: "report.txt", bytes: report), (name: "empty.csv", bytes: [])], to: destination)
        #expect(try contents(destination.appendingPathComponent("report.txt")) == report)
        #expect(try contents(destination.appendingPathComponent("empty.csv")) == [])

        let notes = destination.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: notes)
        try OutputFolder.write([(name: "report.txt", bytes: Array("second\n".utf8))], to: destination)
        #expect(try contents(destination.appendingPathComponent("report.txt")) == Array("second\n".utf8))
        #expect(try contents(notes) == Array("mine".utf8))
        #expect(try contents(destination.appendingPathComponent("empty.csv")) == [])
        let left = try FileManager.default.contentsOfDirectory(atPath: destination.deletingLastPathComponent().path)
        #expect(left == ["out"], "no temporary folder is left beside the reports")
    }

    @Test("an output whose file is one of the inputs, by any path or link, is refused; other files are not")
    func refusesToReplaceAnInput() throws {
        let folder = try Fixtures.temporaryFolder()
        let input = folder.appendingPathComponent("report.txt")
        try Data("directive".utf8).write(to: input)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let inputs = { [(path: input.path, role: "the text of document a")] }
        #expect(throws: OutputError.wouldReplaceInput(input.path, role: "the text of document a")) {
            try OutputFolder.refuseInputs(["evidence.csv", "report.txt"], in: folder, inputs: inputs)
        }
        let linked = try Fixtures.temporaryFolder().appendingPathComponent("out")
        try FileManager.default.createSymbolicLink(at: linked, withDestinationURL: folder)
        #expect(throws: OutputError.wouldReplaceInput(linked.appendingPathComponent("report.txt").path, role: "the text of document a")) {
            try OutputFolder.refuseInputs(["report.txt"], in: linked, inputs: inputs)
        }
        try OutputFolder.refuseInputs(["notes.txt", "missing.csv"], in: folder, inputs: inputs)
        try OutputFolder.refuseInputs(["missing.csv"], in: folder, inputs: { Issue.record("inputs listed for a folder without outputs"); return [] })
        try OutputFolder.refuseInputs(["report.txt"], in: folder, inputs: { [(path: folder.appendingPathComponent("gone.txt").path, role: "x")] })
        #expect(OutputError.wouldReplaceInput("/r/report.txt", role: "the codebook").description.contains("pass --out another folder"))
    }

    /// One file, written over a longer one: nothing of the old bytes is left at its end.
    @Test func writeEmptiesAnExistingFile() throws {
        let url = try Fixtures.temporaryFolder().appendingPathComponent("table.csv")
        try OutputFolder.write(Array(repeating: UInt8(ascii: "x"), count: 10_000), to: url)
        try OutputFolder.write(Array("a,b\r\n".utf8), to: url)
        #expect(try contents(url) == Array("a,b\r\n".utf8))
    }

    /// One file alone (the codebook's export) replaces the old one whole, and a missing folder
    /// is made for it.
    @Test func writeFileReplacesTheFileAndMakesAMissingFolder() throws {
        let url = try Fixtures.temporaryFolder().appendingPathComponent("codebook.yml")
        try OutputFolder.writeFile(Array("theme:\n  - id: child_rights\n".utf8), to: url)
        try OutputFolder.writeFile(Array("activity: []\n".utf8), to: url)
        #expect(try contents(url) == Array("activity: []\n".utf8))
        let nested = url.deletingLastPathComponent().appendingPathComponent("missing/too/codebook.yml")
        try OutputFolder.writeFile([1], to: nested)
        #expect(try contents(nested) == [1])
    }

    /// A file that cannot be written alone (its folder is a file; its path is a folder) names
    /// its path and the system's reason, not the reports, and leaves what was there.
    @Test func writeFileSaysWhyItCannotWrite() throws {
        let folder = try Fixtures.temporaryFolder()
        let plain = folder.appendingPathComponent("plain.txt")
        try OutputFolder.writeFile(Array("kept".utf8), to: plain)
        let underFile = plain.appendingPathComponent("codebook.yml")
        let error = #expect(throws: OutputError.self) { try OutputFolder.writeFile([1], to: underFile) }
        guard case .cannotWriteFile(let path, let reason) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(path == underFile.path && reason == "\(plain.path) is a file, not a folder", "\(reason)")
        #expect(error?.description.hasPrefix("cannot write \(underFile.path) (") == true)
        #expect(error?.description.contains("reports") == false)
        #expect(try contents(plain) == Array("kept".utf8))
        let isFolder = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: isFolder, withIntermediateDirectories: true)
        #expect(throws: OutputError.cannotWriteFile(isFolder.path, reason: "it is a folder")) {
            try OutputFolder.writeFile([1], to: isFolder)
        }
        #expect(throws: OutputError.cannotWriteFile(underFile.appendingPathComponent("deeper.yml").path, reason: "\(plain.path) is a file, not a folder")) {
            try OutputFolder.writeFile([1], to: underFile.appendingPathComponent("deeper.yml"))
        }
    }

    /// A file that cannot be created names its path and the system's reason.
    @Test func writeIntoAMissingFolderSaysWhy() throws {
        let url = try Fixtures.temporaryFolder().appendingPathComponent("missing/report.txt")
        #expect(throws: OutputError.cannotWrite(url.path, reason: String(cString: strerror(ENOENT)))) {
            try OutputFolder.write([1, 2, 3], to: url)
        }
    }

    @Test("a report folder under a file, or a link to nothing, is refused in plain words, not Foundation's 'already exists'")
    func reportFolderThatCannotBeMade() throws {
        let folder = try Fixtures.temporaryFolder()
        let file = folder.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: file)
        let under = file.appendingPathComponent("out")
        #expect(throws: OutputError.cannotWrite(under.path, reason: "\(file.path) is a file, not a folder")) {
            try OutputFolder.write([(name: "a.csv", bytes: [])], to: under)
        }
        let link = folder.appendingPathComponent("reports")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: folder.appendingPathComponent("gone").path)
        #expect(throws: OutputError.cannotWrite(link.path, reason: "it is a link to \(folder.path)/gone, which does not exist")) {
            try OutputFolder.write([(name: "a.csv", bytes: [])], to: link)
        }
        #expect(try contents(file) == Array("mine".utf8))
    }

    /// A failed set changes nothing: the previous reports stay as they were.
    @Test func aFailureLeavesThePreviousReports() throws {
        let destination = try Fixtures.temporaryFolder().appendingPathComponent("out")
        try OutputFolder.write([(name: "report.txt", bytes: Array("first\n".utf8))], to: destination)
        try FileManager.default.createDirectory(at: destination.appendingPathComponent("themes.csv"), withIntermediateDirectories: false)
        #expect(throws: OutputError.self) {
            try OutputFolder.write([(name: "report.txt", bytes: Array("second\n".utf8)), (name: "themes.csv", bytes: [1])], to: destination)
        }
        #expect(try contents(destination.appendingPathComponent("report.txt")) == Array("first\n".utf8))

        let file = destination.appendingPathComponent("report.txt")
        #expect(throws: OutputError.notAFolder(file.path)) {
            try OutputFolder.write([(name: "a.csv", bytes: [])], to: file)
        }
    }

    /// An interruption while a set is being written (the signal handler's call, made here
    /// from inside the writing) removes the unfinished set: the destination keeps its previous
    /// files, nothing is left beside it, and the write fails saying why.
    @Test func anInterruptedWriteLeavesNothingAndThePreviousReports() throws {
        let parent = try Fixtures.temporaryFolder()
        let destination = parent.appendingPathComponent("out")
        try OutputFolder.write([(name: "report.txt", bytes: Array("first\n".utf8))], to: destination)
        var abandoned: [String] = []
        #expect(throws: OutputError.abandoned(destination.path)) {
            try OutputFolder.write(to: destination) { folder in
                try Data("second\n".utf8).write(to: folder.appendingPathComponent("report.txt"))
                try Data([1, 2, 3]).write(to: folder.appendingPathComponent("themes.csv"))
                abandoned = OutputFolder.abandonWrites(under: parent)
                #expect(!FileManager.default.fileExists(atPath: folder.path), "the unfinished folder is removed at once")
                return ["report.txt", "themes.csv"]
            }
        }
        #expect(abandoned == [destination.path])
        #expect(try contents(destination.appendingPathComponent("report.txt")) == Array("first\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: destination.path) == ["report.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["out"], "no hidden folder is left beside it")
    }

    /// Once an interruption has begun under a folder, no new set or file is written there,
    /// and nothing is made for it; elsewhere writing goes on.
    @Test func afterAnInterruptionNothingNewStartsUnderItsFolder() throws {
        let parent = try Fixtures.temporaryFolder()
        #expect(OutputFolder.abandonWrites(under: parent) == [])
        #expect(throws: OutputError.abandoned(parent.appendingPathComponent("out").path)) {
            try OutputFolder.write([(name: "report.txt", bytes: Array("late\n".utf8))], to: parent.appendingPathComponent("out"))
        }
        #expect(throws: OutputError.abandoned(parent.appendingPathComponent("codebook.yml").path)) {
            try OutputFolder.writeFile(Array("late\n".utf8), to: parent.appendingPathComponent("codebook.yml"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == [])
        let elsewhere = try Fixtures.temporaryFolder().appendingPathComponent("codebook.yml")
        try OutputFolder.writeFile(Array("on time\n".utf8), to: elsewhere)
        #expect(try contents(elsewhere) == Array("on time\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.deletingLastPathComponent().path) == ["codebook.yml"],
                "a single file's temporary folder is gone")
    }

    /// An interruption removes only the sets under the folder it names, and none that have
    /// been moved into place: a finished write is not registered any more.
    @Test func anInterruptionTouchesOnlyUnfinishedSetsUnderItsFolder() throws {
        let parent = try Fixtures.temporaryFolder()
        let other = try Fixtures.temporaryFolder()
        let destination = parent.appendingPathComponent("out")
        try OutputFolder.write([(name: "report.txt", bytes: Array("done\n".utf8))], to: destination)
        #expect(OutputFolder.abandonWrites(under: parent) == [])
        #expect(try contents(destination.appendingPathComponent("report.txt")) == Array("done\n".utf8))
        try OutputFolder.write(to: other.appendingPathComponent("out")) { folder in
            #expect(OutputFolder.abandonWrites(under: parent) == [], "another folder's write is not this one's")
            try Data("kept\n".utf8).write(to: folder.appendingPathComponent("report.txt"))
            return ["report.txt"]
        }
        #expect(try contents(other.appendingPathComponent("out/report.txt")) == Array("kept\n".utf8))
    }

    /// A run killed with `kill -9` leaves its temporary folder; the next write beside it
    /// removes it when its name holds this host and a process that no longer exists, and
    /// leaves every other folder, of a live process, another host, or another name.
    @Test func aKilledRunsFolderIsRemovedByTheNextWrite() throws {
        let parent = try Fixtures.temporaryFolder()
        let destination = parent.appendingPathComponent("out")
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let dead = gone.processIdentifier
        #expect(kill(dead, 0) != 0 && errno == ESRCH, "pid \(dead) is taken again")
        let uuid = UUID().uuidString
        let host = PartialFolders.host
        let stale = [PartialFolders.temporaryName(for: destination, pid: dead), ".out.partial-\(uuid)-\(dead)@\(host)-abandoned"]
        let kept = [
            PartialFolders.temporaryName(for: destination, pid: getppid()),  // a live process
            PartialFolders.temporaryName(for: destination),  // this process
            ".out.partial-\(uuid)-\(dead)@another-\(host)",  // another host sharing the folder
            ".out.partial-\(uuid)-\(dead)@\(host).example",
            ".out.partial-\(uuid)",  // a name of an earlier version, without its process
            ".out.partial-\(dead)",
            ".other.partial-\(uuid)-\(dead)@\(host)",  // another destination's
        ]
        for name in stale + kept {
            try FileManager.default.createDirectory(at: parent.appendingPathComponent(name), withIntermediateDirectories: false)
            try Data("half\n".utf8).write(to: parent.appendingPathComponent(name).appendingPathComponent("report.txt"))
        }
        try OutputFolder.write([(name: "report.txt", bytes: Array("whole\n".utf8))], to: destination)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: parent.path)) == Set(kept + ["out"]))
        #expect(try contents(destination.appendingPathComponent("report.txt")) == Array("whole\n".utf8))
        // A single file's write sweeps beside it too.
        let file = parent.appendingPathComponent("codebook.yml")
        let staleFile = parent.appendingPathComponent(PartialFolders.temporaryName(for: file, pid: dead))
        try FileManager.default.createDirectory(at: staleFile, withIntermediateDirectories: false)
        try OutputFolder.writeFile(Array("yaml\n".utf8), to: file)
        #expect(!FileManager.default.fileExists(atPath: staleFile.path))
        #expect(!PartialFolders.host.isEmpty && !PartialFolders.host.contains("@") && !PartialFolders.host.contains("/"))
    }

    /// A run killed while its parent (a shell, a script) has not yet collected it is a zombie:
    /// it has ended, so its folder is stale too.
    @Test func aZombiesFolderIsRemovedByTheNextWrite() throws {
        var pid: pid_t = 0
        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { for argument in arguments { free(argument) } }
        #expect(posix_spawn(&pid, "/bin/true", nil, nil, arguments, nil) == 0)
        defer { var status: Int32 = 0; _ = waitpid(pid, &status, 0) }
        func state() -> String {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            return stat.split(separator: ")").last.map { String($0.trimmingCharacters(in: .whitespaces).prefix(1)) } ?? ""
        }
        for _ in 0..<200 where state() != "Z" { usleep(10_000) }
        try #require(state() == "Z", "pid \(pid) did not end as a zombie")
        let parent = try Fixtures.temporaryFolder()
        let destination = parent.appendingPathComponent("out")
        let stale = parent.appendingPathComponent(PartialFolders.temporaryName(for: destination, pid: pid))
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: false)
        try OutputFolder.write([(name: "report.txt", bytes: Array("whole\n".utf8))], to: destination)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["out"])
    }
}
