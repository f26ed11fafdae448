/// A codebook as a quanteda dictionary in YAML (`quanteda::dictionary(file = ..., format = "YAML")`).
///
/// Keys are dimension then category id; values are the phrases. quanteda matches
/// multi-word values as phrases and ignores case. What quanteda cannot express is said in
/// comments: proximity patterns ("A ... B") are left out, diacritic-insensitive patterns are
/// written without marks, and exclusions are listed for reference only.
public enum QuantedaYAML {
    public static func render(_ codebook: Codebook) -> String {
        var lines = [
            "# PolicyCompare codebook as a quanteda dictionary",
            "# source: \(codebook.source)",
            "# fingerprint: \(codebook.fingerprint)",
            "# Load in R: quanteda::dictionary(file = \"codebook.yml\", format = \"YAML\")",
            "# Not expressible in quanteda (see comments): proximity patterns, exclusions.",
        ]
        for dimension in Category.Dimension.allCases {
            lines.append("\(dimension.rawValue):")
            for category in codebook.categories where category.dimension == dimension {
                lines.append("  \(category.id):")
                for pattern in category.patterns {
                    if !pattern.near.isEmpty {
                        lines.append("    # proximity pattern left out: \(pattern.text)")
                        continue
                    }
                    lines.append("    - \(quoted(pattern.syllables.joined(separator: " ")))")
                }
                for exclusion in category.exclusions {
                    lines.append("    # exclusion (not applied by quanteda): \(exclusion.text)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
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
