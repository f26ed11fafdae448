import Foundation
import TestSupport
import Testing

/// The built `policy-compare` executable beside this test bundle (`swift test` builds it).
private let executable: URL? = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("policy-compare")
    return FileManager.default.isExecutableFile(atPath: beside.path) ? beside : nil
}()

/// Signals sent to the real executable: the run ends with 128 + the signal's number, and
/// leaves no unfinished reports beside `--out` and the folder's files as they were.
@Suite("Interrupted runs", .enabled(if: executable != nil, "the policy-compare executable is built beside the tests"))
struct InterruptCLITests {
    /// A folder holding `corpus/` (the shipped directives, each listed `copies` times under
    /// other ids, so that a debug build takes seconds) and `out/` with a researcher's file
    /// and an earlier report.
    static func folder(copies: Int) throws -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let datasets = root.appendingPathComponent("Datasets")
        let folder = Scratch.path("interrupt")
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus.appendingPathComponent("directives"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: datasets.appendingPathComponent("codebook.csv"), to: corpus.appendingPathComponent("codebook.csv"))
        let manifest = try String(contentsOf: datasets.appendingPathComponent("manifest.csv"), encoding: .utf8)
        // The required columns only (the shipped rows have no quoted fields among them).
        var text = "document_id,year,file,issuer,level,kind\n"
        for line in manifest.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 6 else { continue }
            for copy in 0..<copies {
                let file = "directives/\(copy)-\(fields[0]).txt"
                try FileManager.default.copyItem(at: datasets.appendingPathComponent(fields[2]), to: corpus.appendingPathComponent(file))
                text += (["\(copy)-\(fields[0])", fields[1], file] + fields[3..<6]).joined(separator: ",") + "\n"
            }
        }
        try Data(text.utf8).write(to: corpus.appendingPathComponent("manifest.csv"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: folder.appendingPathComponent("out/notes.txt"))
        try Data("an earlier report\n".utf8).write(to: folder.appendingPathComponent("out/report.txt"))
        return folder
    }

    /// Starts `compare` on `folder`'s corpus into `out/`, waits until `ready` says so of the
    /// process, sends `signal`, and returns the exit status and standard error.
    static func interrupt(_ folder: URL, with signal: Int32, when ready: (_ pid: Int32, _ started: Date) -> Bool) throws -> (status: Int32, stderr: String, readied: Bool) {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["compare", "--corpus", folder.appendingPathComponent("corpus").path,
                             "--out", folder.appendingPathComponent("out").path, "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        var readied = false
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            if ready(process.processIdentifier, started) {
                readied = true
                kill(process.processIdentifier, signal)
                break
            }
            usleep(1_000)
        }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self), readied)
    }

    /// Whether process `pid` catches `signal` (its dispatch source has installed a handler):
    /// Linux's `SigCgt` mask in `/proc/PID/status`. Elsewhere, once half a second has passed
    /// since `started`.
    static func handles(_ signal: Int32, pid: Int32, started: Date) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
            return Date().timeIntervalSince(started) > 0.5
        }
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
              let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16) else { return false }
        return mask & (1 << UInt64(signal - 1)) != 0
    }

    static func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test("Ctrl-C while the reports are being written removes them unfinished; exit 130; out/ as before")
    func interruptWhileWriting() throws {
        let folder = try Self.folder(copies: 30)
        let out = folder.appendingPathComponent("out")
        let run = try Self.interrupt(folder, with: SIGINT) { _, _ in
            Self.entries(folder).contains { $0.hasPrefix(".out.partial-") }
        }
        try #require(run.readied, "the run ended before its reports were being written: \(run)")
        #expect(run.status == 130, "\(run)")
        #expect(run.stderr.contains("interrupted: the unfinished reports for \(out.path) were removed"), "\(run.stderr)")
        #expect(Self.entries(folder) == ["corpus", "out"], "something was left beside out/")
        #expect(Self.entries(out) == ["notes.txt", "report.txt"])
        #expect(try String(contentsOf: out.appendingPathComponent("report.txt"), encoding: .utf8) == "an earlier report\n")
    }

    @Test("kill (SIGTERM) a moment into the run, before any report is being written: exit 143, nothing written")
    func terminateBeforeWriting() throws {
        let folder = try Self.folder(copies: 30)
        let run = try Self.interrupt(folder, with: SIGTERM) { pid, started in
            // Once the handler is in place and the run has been reading for a moment
            // (the reports' folder appears after about a second in a debug build).
            Self.handles(SIGTERM, pid: pid, started: started) && Date().timeIntervalSince(started) > 0.3
                && !Self.entries(folder).contains { $0.hasPrefix(".out.partial-") }
        }
        try #require(run.readied, "the run ended before it was signalled: \(run)")
        #expect(run.status == 143, "\(run)")
        #expect(run.stderr.hasSuffix("interrupted\n"), "\(run.stderr)")
        #expect(Self.entries(folder) == ["corpus", "out"])
        #expect(Self.entries(folder.appendingPathComponent("out")) == ["notes.txt", "report.txt"])
    }
}
