/// The command line itself is wrong (exit code 2).
public enum UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    case noCommand
    case unknownCommand(String)
    /// `suggestion`: the option of the command the given one nearly is (without its `--`).
    case unknownOption(command: String, option: String, suggestion: String? = nil)
    case missingValue(command: String, option: String)
    /// An option the command cannot run without, not given at all.
    case missingOption(command: String, option: String, meaning: String)
    case unexpectedValue(command: String, option: String)
    case repeated(command: String, option: String)
    case positionals(command: String, expected: ClosedRange<Int>, found: [String])
    case badValue(command: String, option: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .noCommand:
            "no command given; run `policy-compare --help` for the commands"
        case .unknownCommand(let command):
            "unknown command '\(command)'; the commands are \(CLI.commands.joined(separator: ", ")) (see `policy-compare --help`)"
        case .unknownOption(let command, let option, let suggestion):
            "\(command): unknown option '\(option)'; \(suggestion.map { "did you mean '--\($0)'? " } ?? "")see `policy-compare \(command) --help`"
        case .missingValue(let command, let option):
            "\(command): option --\(option) needs a value, e.g. --\(option) VALUE"
        case .missingOption(let command, let option, let meaning):
            "\(command): --\(option) is required: \(meaning); see `policy-compare \(command) --help`"
        case .unexpectedValue(let command, let option):
            "\(command): option --\(option) takes no value"
        case .repeated(let command, let option):
            "\(command): option --\(option) is given twice; give it once"
        case .positionals(let command, let expected, let found):
            if found.count > expected.upperBound {
                "\(command): unexpected argument '\(found[expected.upperBound])'; see `policy-compare \(command) --help`"
            } else {
                "\(command): expected \(expected.lowerBound == expected.upperBound ? "\(expected.lowerBound)" : "\(expected.lowerBound) to \(expected.upperBound)") argument\(expected.upperBound == 1 ? "" : "s"), found \(found.count); see `policy-compare \(command) --help`"
            }
        case .badValue(let command, let option, let value, let expected):
            "\(command): --\(option) '\(value)' is not valid; expected \(expected)"
        }
    }
}
