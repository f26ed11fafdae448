/// A codebook as a quanteda dictionary in YAML (`quanteda::dictionary(file = ..., format = "YAML")`).
///
/// Keys are dimension then category id; values are the phrases. quanteda matches
/// multi-word values as phrases and ignores case. What quanteda cannot express is said in
/// comments: proximity patterns ("A ... B") are left out, diacritic-insensitive patterns are
/// written without marks, and exclusions are listed for reference only: the global ones of the
/// codebook's `*` row at the top (those limited to some categories also under each of them),
/// each category's own under it.
public enum QuantedaYAML {
    public static func render(_ codebook: Codebook) -> String {
        var lines = [
            "# PolicyCompare codebook as a quanteda dictionary",
            "# source: \(comment(codebook.source))",
            "# fingerprint: \(codebook.fingerprint)",
            "# Load in R: quanteda::dictionary(file = \"codebook.yml\", format = \"YAML\")",
            "# Not expressible in quanteda (see comments): proximity patterns, exclusions.",
        ]
        if !codebook.globalExclusions.isEmpty {
            lines.append("# Global exclusions (not applied by quanteda): a match of a category inside one of these")
            lines.append("# phrases does not count, for every category or only those after '@'.")
            for exclusion in codebook.globalExclusions {
                lines.append("#   \(comment(exclusion.pattern.text))" + exclusion.scope.map { " @\(comment($0))" }.joined())
            }
        }
        for dimension in Category.Dimension.allCases {
            lines.append("\(dimension.rawValue):")
            for category in codebook.categories where category.dimension == dimension {
                lines.append("  \(category.id):")
                for pattern in category.patterns {
                    if !pattern.near.isEmpty {
                        lines.append("    # proximity pattern left out: \(comment(pattern.text))")
                        continue
                    }
                    lines.append("    - \(quoted(pattern.syllables.joined(separator: " ")))")
                }
                for exclusion in category.exclusions {
                    lines.append("    # exclusion (not applied by quanteda): \(comment(exclusion.text))")
                }
                for exclusion in codebook.globalExclusions where exclusion.scope.contains(category.id) {
                    lines.append("    # global exclusion for this category (not applied by quanteda): \(comment(exclusion.pattern.text))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` fit for a YAML comment: on one line.
    private static func comment(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
