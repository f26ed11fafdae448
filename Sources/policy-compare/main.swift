import Foundation
import PolicyCompareCLI

/// Writes live progress to standard error, overwriting the line in place.
@Sendable func writeProgress(_ line: String) {
    FileHandle.standardError.write(Data(line.utf8))
}

// Progress lines only when standard error is a terminal.
let cli = CLI(progress: isatty(2) == 1 ? writeProgress : nil)
let result = cli.run(Array(CommandLine.arguments.dropFirst()))
FileHandle.standardOutput.write(Data(result.stdout.utf8))
FileHandle.standardError.write(Data(result.stderr.utf8))
exit(result.exitCode)
