import Foundation

/// The report's wording in one language, from `Resources/report-strings.tsv`.
public struct ReportStrings: Sendable, Hashable {
    public enum Language: String, Sendable, Hashable, CaseIterable {
        case en, vi
    }

    public let language: Language
    private let strings: [String: String]

    /// Strings by key, in `language`: the bundled table's (``bundled(_:)``), or a test's own.
    init(language: Language, strings: [String: String]) {
        self.language = language
        self.strings = strings
    }

    public static func bundled(_ language: Language) throws(ResourceError) -> ReportStrings {
        var strings: [String: String] = [:]
        for row in try BundledResource.tsvRows("report-strings.tsv") where row.count >= 3 {
            strings[row[0]] = language == .en ? row[1] : row[2]
        }
        return ReportStrings(language: language, strings: strings)
    }

    /// The string for `key` with `{0}`, `{1}`, ... replaced by `arguments`; the key itself when missing.
    public func callAsFunction(_ key: String, _ arguments: CustomStringConvertible...) -> String {
        fill(strings[key] ?? key, arguments)
    }

    /// ``callAsFunction(_:_:)`` of `key.one` when `count` is 1 and this language has that
    /// form ("1 recurs", "1 compared year"), else of `key`.
    public func callAsFunction(_ key: String, one count: Int, _ arguments: CustomStringConvertible...) -> String {
        let chosen = count == 1 && strings["\(key).one"] != nil ? "\(key).one" : key
        return fill(strings[chosen] ?? chosen, arguments)
    }

    /// `text` with `{0}`, `{1}`, ... replaced by `arguments`, in one pass: an argument's own
    /// text is never read for placeholders (a quote holding "{1}" stays as written), and a
    /// `{` that starts no placeholder of an argument is kept.
    private func fill(_ text: String, _ arguments: [CustomStringConvertible]) -> String {
        guard !arguments.isEmpty else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 32)
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let inside = rest.index(after: open)
            if let close = rest[inside...].firstIndex(of: "}"), let k = Int(rest[inside..<close]), arguments.indices.contains(k) {
                result += arguments[k].description
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[inside...]
            }
        }
        result += rest
        return result
    }

    /// A manifest code (`level` or `kind`) in this language (`level.provincial` is "tỉnh" in
    /// Vietnamese), in any case ("Plan" is "plan"), or the code as written when the strings
    /// have no such key.
    public func code(_ column: String, _ value: String) -> String {
        strings["\(column).\(value)"] ?? strings["\(column).\(value.lowercased())"] ?? value
    }

    /// `value` with `places` decimals and this language's decimal mark (`number.decimal`:
    /// "9.1" in English, "9,1" in Vietnamese, whose "1.000" is a thousand).
    public func decimal(_ value: Double, places: Int) -> String {
        let text = String(format: "%.\(places)f", value)
        let mark = self("number.decimal")
        return mark == "." || mark == "number.decimal" ? text : text.replacingOccurrences(of: ".", with: mark)
    }

    /// A category's labels, this language first.
    public func label(_ category: Category) -> String {
        language == .en ? "\(category.labelEnglish) (\(category.labelVietnamese))" : "\(category.labelVietnamese) (\(category.labelEnglish))"
    }
}
