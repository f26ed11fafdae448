import PolicyCompare

/// Command-line words split into positionals, `--name value` options and `--flag` switches.
///
/// Parsing is pure and strict: an unknown option, a missing value or an option given twice
/// is a usage error (exit 2), never guessed at.
struct Arguments: Sendable, Equatable {
    var positionals: [String] = []
    var options: [String: String] = [:]
    var flags: Set<String> = []

    /// What a command accepts.
    struct Spec: Sendable {
        var command: String
        var valued: Set<String>
        var flags: Set<String> = []
        var positionals: ClosedRange<Int> = 0...0
    }

    static func parse(_ words: [String], spec: Spec) throws(UsageError) -> Arguments {
        var result = Arguments()
        var i = 0
        var onlyPositionals = false
        while i < words.count {
            let word = words[i]
            i += 1
            if onlyPositionals || !word.hasPrefix("--") || word == "-" {
                if word.hasPrefix("-") && word.count > 1 && !onlyPositionals && word != "-" {
                    throw .unknownOption(command: spec.command, option: word)
                }
                result.positionals.append(word)
                continue
            }
            if word == "--" {
                onlyPositionals = true
                continue
            }
            var name = String(word.dropFirst(2))
            var inlineValue: String? = nil
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            if spec.flags.contains(name) {
                if inlineValue != nil { throw .unexpectedValue(command: spec.command, option: name) }
                if !result.flags.insert(name).inserted { throw .repeated(command: spec.command, option: name) }
                continue
            }
            guard spec.valued.contains(name) else {
                throw .unknownOption(command: spec.command, option: "--" + name,
                                     suggestion: UnknownColumn.closest(to: name, among: spec.valued.union(spec.flags).sorted()))
            }
            if result.options[name] != nil { throw .repeated(command: spec.command, option: name) }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard i < words.count, !words[i].hasPrefix("--") else {
                    throw .missingValue(command: spec.command, option: name)
                }
                value = words[i]
                i += 1
            }
            guard !value.isEmpty else { throw .missingValue(command: spec.command, option: name) }
            result.options[name] = value
        }
        guard spec.positionals.contains(result.positionals.count) else {
            throw .positionals(command: spec.command, expected: spec.positionals, found: result.positionals)
        }
        return result
    }
}
