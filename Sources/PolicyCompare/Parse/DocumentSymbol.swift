import Foundation

/// Number-and-symbol codes of Vietnamese official documents ("1555/QĐ-TTg", "20-CT/TW").
///
/// Typed by hand, the same code appears as "1332 /LĐTBXH-TE", "1332/LĐT BXH-TE" or
/// "1332/LĐ-TB&XH-TE"; `normalize` gives one key for all of them.
enum DocumentSymbol {
    /// Known spellings of symbol parts and their canonical form, from `Resources/symbol-variants.tsv`.
    static let variants: [(String, String)] = {
        guard let rows = try? BundledResource.tsvRows("symbol-variants.tsv") else { return [] }
        return rows.filter { $0.count >= 2 }.map { ($0[0], $0[1]) }
    }()

    /// Scans a symbol starting at `start` in `scalars` (digits first); returns it and where it ends.
    ///
    /// Spaces are allowed around `/` and `-`, and between two upper-case parts when the next
    /// part continues the symbol ("LĐT BXH-TE").
    static func scan(_ scalars: [Unicode.Scalar], from start: Int, limit: Int) -> (symbol: String, end: Int)? {
        let end = min(limit, scalars.count)
        guard start < end, Tokenizer.isDigit(scalars[start]) else { return nil }
        var i = start
        var lastGood = start
        var sawSeparator = false
        while i < end {
            let s = scalars[i]
            if Tokenizer.isDigit(s) || VietnameseNormalizer.isWordScalar(s) || s == "&" {
                i += 1
                lastGood = i
                continue
            }
            // A separator, possibly with spaces around it.
            var j = i
            while j < end && scalars[j] == " " { j += 1 }
            if j < end && (scalars[j] == "/" || scalars[j] == "-") {
                var k = j + 1
                while k < end && scalars[k] == " " { k += 1 }
                if k < end && (Tokenizer.isDigit(scalars[k]) || isUpper(scalars[k])) {
                    sawSeparator = true
                    i = k
                    continue
                }
                break
            }
            // "LĐT BXH-TE": an upper-case run after a space that itself leads to a separator.
            if scalars[i] == " ", sawSeparator, j < end, isUpper(scalars[j]) {
                var k = j
                while k < end && (isUpper(scalars[k]) || scalars[k] == "&") { k += 1 }
                if k < end, scalars[k] == "-" || scalars[k] == "/", lastGood > start, isUpper(scalars[lastGood - 1]) {
                    i = j
                    continue
                }
            }
            break
        }
        guard sawSeparator, lastGood > start else { return nil }
        return (normalize(NormalizedText.string(scalars, start..<lastGood)), lastGood)
    }

    /// One spelling per code: spaces removed, known variants of parts replaced.
    static func normalize(_ raw: String) -> String {
        var symbol = String(raw.unicodeScalars.filter { $0 != " " }.map(Character.init))
        for (variant, canonical) in variants where symbol.contains(variant) {
            symbol = symbol.replacingOccurrences(of: variant, with: canonical)
        }
        return symbol
    }

    private static func isUpper(_ s: Unicode.Scalar) -> Bool {
        s.properties.isUppercase
    }
}
