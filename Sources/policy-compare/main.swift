import Dispatch
import Foundation
import PolicyCompareCLI

/// Writes live progress to standard error, overwriting the line in place.
@Sendable func writeProgress(_ line: String) {
    FileHandle.standardError.write(Data(line.utf8))
}

/// Ctrl-C, `kill` and a closed terminal end the run as before, but not before the reports
/// being written are removed unfinished: nothing half-written is left beside `--out`.
/// The handlers run on a queue of their own, which gets a thread even while the parallel
/// stages keep every worker of the global queues busy, so a signal is answered at once.
func handleInterrupts() -> [any DispatchSourceSignal] {
    let queue = DispatchQueue(label: "policy-compare.interrupts")
    return [SIGINT, SIGTERM, SIGHUP].map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
        source.setEventHandler {
            let message = Array(CLI.interrupted().utf8)
            _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            _exit(128 + number)
        }
        source.resume()
        return source
    }
}

let interrupts = handleInterrupts()
// Progress lines only when standard error is a terminal.
let cli = CLI(progress: isatty(2) == 1 ? writeProgress : nil)
let result = cli.run(Array(CommandLine.arguments.dropFirst()))
FileHandle.standardOutput.write(Data(result.stdout.utf8))
FileHandle.standardError.write(Data(result.stderr.utf8))
exit(result.exitCode)
