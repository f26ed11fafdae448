/// A codebook as a quanteda dictionary in YAML (`quanteda::dictionary(file = ..., format = "YAML")`).
///
/// Keys are dimension then category id; values are the phrases. quanteda matches
/// multi-word values as phrases and ignores case. What quanteda cannot express is said in
/// comments: proximity patterns ("A ... B") are left out, diacritic-insensitive patterns are
/// written without marks, and exclusions are listed for reference only: the global ones of the
/// codebook's `*` row at the top (those limited to some categories also under each of them),
/// each category's own under it.
///
/// Every key and value is double-quoted: an id may be any ASCII word, and YAML 1.1 readers
/// (PyYAML, R's yaml) read a bare `yes` or `on` as true, `null` as null, `2019` as a number and
/// `2019-06-01` as a date, and two ids read as the same true would be one key. A category with
/// no phrase quanteda can match (only proximity patterns), or a dimension without categories,
/// is `[]`, as quanteda's own `as.yaml()` writes an empty key: a key with nothing after it
/// would read as null, which `quanteda::dictionary()` refuses as a non-character entry.
public enum QuantedaYAML {
    public static func render(_ codebook: Codebook) -> String {
        var lines = [
            "# PolicyCompare codebook as a quanteda dictionary",
            "# source: \(comment(codebook.source))",
            "# fingerprint: \(codebook.fingerprint)",
            "# Load in R: quanteda::dictionary(file = \"codebook.yml\", format = \"YAML\")",
            "# Not expressible in quanteda (see comments): proximity patterns, exclusions.",
            "# Keys and values are quoted, so that ids such as yes, null or 2019 stay text; [] is an",
            "# entry with no phrase quanteda can match (a category of proximity patterns only).",
        ]
        if !codebook.globalExclusions.isEmpty {
            lines.append("# Global exclusions (not applied by quanteda): a match of a category inside one of these")
            lines.append("# phrases does not count, for every category or only those after '@'.")
            for exclusion in codebook.globalExclusions {
                lines.append("#   \(comment(exclusion.pattern.text))" + exclusion.scope.map { " @\(comment($0))" }.joined())
            }
        }
        for dimension in Category.Dimension.allCases {
            let categories = codebook.categories.filter { $0.dimension == dimension }
            lines.append("\(quoted(dimension.rawValue)):" + (categories.isEmpty ? " []" : ""))
            for category in categories {
                let phrases = category.patterns.contains { $0.near.isEmpty }
                lines.append("  \(quoted(category.id)):" + (phrases ? "" : " []"))
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
