import Dispatch
import Foundation
import PolicyCompareCLI

/// Writes live progress to standard error, overwriting the line in place.
@Sendable func writeProgress(_ line: String) {
    FileHandle.standardError.write(Data(line.utf8))
}

/// Whether a signal handler has begun ending the run: from then on it alone ends the process,
/// and the main thread, whose writing the handler makes fail, says nothing and waits.
final class Interruption: @unchecked Sendable {  // `begun` is guarded by `lock`
    private let lock = NSLock()
    private var begun = false

    func begin() { lock.withLock { begun = true } }
    var hasBegun: Bool { lock.withLock { begun } }
}

/// Ctrl-C, `kill` and a closed terminal end the run as before, but not before the reports
/// being written are removed unfinished: nothing half-written is left beside `--out`.
/// The handlers run on a queue of their own, which gets a thread even while the parallel
/// stages keep every worker of the global queues busy, so a signal is answered at once.
func handleInterrupts(_ interruption: Interruption) -> [any DispatchSourceSignal] {
    let queue = DispatchQueue(label: "policy-compare.interrupts")
    return [SIGINT, SIGTERM, SIGHUP].map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
        source.setEventHandler {
            interruption.begin()
            let message = Array(CLI.interrupted().utf8)
            _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            _exit(128 + number)
        }
        source.resume()
        return source
    }
}

let interruption = Interruption()
let interrupts = handleInterrupts(interruption)
// Progress lines only when standard error is a terminal.
let cli = CLI(progress: isatty(2) == 1 ? writeProgress : nil)
let result = cli.run(Array(CommandLine.arguments.dropFirst()))
while interruption.hasBegun { sleep(1) }  // the handler exits
FileHandle.standardOutput.write(Data(result.stdout.utf8))
FileHandle.standardError.write(Data(result.stderr.utf8))
exit(result.exitCode)
