import Foundation

/// Reads and checks a codebook CSV.
///
/// Columns: `category_id, dimension, parent_id, label_en, label_vi, definition, patterns,
/// exclusions`. Patterns and exclusions are lists separated by `;` (a line break inside an
/// entry is an error: it would join two phrases into one). A row with id `*` and
/// dimension `*` holds exclusions for all categories (`phrase @id @id` limits one to some).
public enum CodebookLoader {
    public static let columns = ["category_id", "dimension", "parent_id", "label_en", "label_vi", "definition", "patterns", "exclusions"]
    static let required = ["category_id", "dimension", "label_en", "patterns"]

    /// Loads a codebook file; any problem is an error listing every problem found.
    /// With `warnings`, the codebook also carries its likely mistakes (``Codebook/warnings``).
    public static func load(_ url: URL, warnings: Bool = false) throws(CodebookError) -> Codebook {
        let (codebook, problems) = try check(url, warnings: warnings)
        guard problems.isEmpty, let codebook else { throw .invalid(problems) }
        return codebook
    }

    /// Reads and checks a codebook file: the codebook (when usable) and every problem found.
    /// With `warnings`, a codebook without problems also carries its likely mistakes
    /// (``Codebook/warnings``), which `codebook check` prints and other commands need not pay for.
    ///
    /// - Throws: ``CodebookError`` when the file cannot be read as UTF-8 CSV at all.
    public static func check(_ url: URL, warnings: Bool = false) throws(CodebookError) -> (Codebook?, [CodebookProblem]) {
        switch FileBytes.csvText(url) {
        case .success(let file):
            return try check(file.text, file: url.path, fingerprint: StableHash.fingerprint(bytes: file.bytes), warnings: warnings)
        case .failure(.unreadable(let reason)): throw .unreadable(path: url.path, reason: reason)
        case .failure(.notUTF8): throw .unreadable(path: url.path, reason: "it is not UTF-8 text; save it as 'CSV UTF-8'")
        }
    }

    /// Parses codebook text and returns the codebook (when usable) and every problem found;
    /// with `warnings`, as ``check(_:warnings:)``.
    public static func check(_ text: String, file: String, fingerprint: String = "", warnings: Bool = false) throws(CodebookError) -> (Codebook?, [CodebookProblem]) {
        let table: CSVTable
        do {
            table = try CSVReader(file: file).table(text, required: required)
        } catch {
            throw .csv(error)
        }
        var problems: [CodebookProblem] = []
        func problem(_ row: CSVTable.Row, _ column: String, _ message: String) {
            problems.append(CodebookProblem(file: file, line: row.line, column: table.columnNumber(column), message: message))
        }
        var categories: [Category] = []
        var globals: [(Codebook.GlobalExclusion, CSVTable.Row)] = []
        var lines: [String: Int] = [:]
        var parents: [(String, String, CSVTable.Row)] = []
        var words = ComposedWords()
        var cells: [CodebookWarnings.Cell] = []
        var labels: [String] = []
        for row in table.rows {
            func cell(_ owner: String, _ noun: String, _ column: String) -> CodebookWarnings.Cell {
                CodebookWarnings.Cell(owner: owner, noun: noun, line: row.line, column: table.columnNumber(column), entries: [])
            }
            let id = row["category_id"]
            let dimensionText = row["dimension"]
            if id == "*" {
                if dimensionText != "*" { problem(row, "dimension", "the global row '*' must have dimension '*'") }
                if !row["patterns"].isEmpty { problem(row, "patterns", "the global row '*' holds exclusions only; move its patterns to a category") }
                var global = cell("*", "exclusion", "exclusions")
                for entry in entries(row["exclusions"]) {
                    if let message = entry.lineBreak("exclusion") { problem(row, "exclusions", message) }
                    for line in entry.lines {
                        let (phrase, scope) = splitScope(line)
                        if let message = scopeProblem(line, phrase: phrase, scope: scope, number: entry.number, global: true) {
                            problem(row, "exclusions", message)
                            continue
                        }
                        switch parsePattern(phrase, words: &words) {
                        case .success(let pattern):
                            globals.append((Codebook.GlobalExclusion(pattern: pattern, scope: scope), row))
                            global.entries.append((entry.number, pattern, scope))
                        case .failure(let error): problem(row, "exclusions", "exclusion \(entry.number): \(error)")
                        }
                    }
                }
                cells.append(global)
                labels.append(row["label_vi"])
                continue
            }
            if id.isEmpty {
                problem(row, "category_id", "category_id is empty; every category needs a stable id")
                continue
            }
            if !id.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || $0 == "_" || $0 == "-" }) {
                problem(row, "category_id", "category_id '\(id)' should be ASCII letters, digits, '_' or '-' (e.g. child_marriage)")
            }
            // A row with a repeated id, or an unknown dimension, is checked on, so that one pass
            // lists all its problems; only the first row of an id is a category.
            let duplicate = lines[id] != nil
            if let first = lines[id] {
                problem(row, "category_id", "duplicate category_id '\(id)' (first on line \(first)); ids must be unique")
            } else {
                lines[id] = row.line
            }
            let dimension = Category.Dimension(rawValue: dimensionText.lowercased())
            if dimension == nil { problem(row, "dimension", "unknown dimension '\(dimensionText)'; use theme or activity") }
            if row["label_en"].isEmpty { problem(row, "label_en", "label_en is empty; give the category an English label") }
            var patterns: [PhrasePattern] = []
            var patternCell = cell(id, "pattern", "patterns")
            for entry in entries(row["patterns"]) {
                if let message = entry.lineBreak("pattern") { problem(row, "patterns", message) }
                for line in entry.lines {
                    switch parsePattern(line, words: &words) {
                    case .success(let pattern):
                        patterns.append(pattern)
                        patternCell.entries.append((entry.number, pattern, []))
                    case .failure(let error): problem(row, "patterns", "pattern \(entry.number): \(error)")
                    }
                }
            }
            if patterns.isEmpty && !row["patterns"].contains(where: { !$0.isWhitespace && $0 != ";" }) {
                problem(row, "patterns", "category '\(id)' has no patterns, so it can never be coded; add at least one phrase")
            }
            var exclusions: [PhrasePattern] = []
            var exclusionCell = cell(id, "exclusion", "exclusions")
            for entry in entries(row["exclusions"]) {
                if let message = entry.lineBreak("exclusion") { problem(row, "exclusions", message) }
                for line in entry.lines {
                    let (phrase, scope) = splitScope(line)
                    if let message = scopeProblem(line, phrase: phrase, scope: scope, number: entry.number, global: false) {
                        problem(row, "exclusions", message)
                        continue
                    }
                    if !scope.isEmpty && scope != [id] {
                        problem(row, "exclusions", "exclusion \(entry.number) '\(line)': scopes (@id) belong in the '*' row; here exclusions apply to '\(id)' only")
                    }
                    switch parsePattern(phrase, words: &words) {
                    case .success(let pattern):
                        exclusions.append(pattern)
                        exclusionCell.entries.append((entry.number, pattern, []))
                    case .failure(let error): problem(row, "exclusions", "exclusion \(entry.number): \(error)")
                    }
                }
            }
            cells += [patternCell, exclusionCell]
            labels.append(row["label_vi"])
            guard !duplicate else { continue }
            let parent = row["parent_id"]
            if !parent.isEmpty { parents.append((id, parent, row)) }
            categories.append(Category(id: id, dimension: dimension ?? .theme, parent: parent, labelEnglish: row["label_en"],
                                       labelVietnamese: row["label_vi"], definition: row["definition"],
                                       patterns: patterns, exclusions: exclusions))
        }
        let ids = Set(categories.map(\.id))
        var links: [String: (parent: String, row: CSVTable.Row)] = [:]
        for (id, parent, row) in parents {
            if parent == id {
                problem(row, "parent_id", "category '\(id)' names itself as parent; leave parent_id empty or name a broader category")
            } else if !ids.contains(parent) {
                problem(row, "parent_id", "parent_id '\(parent)' names no category; use an id from the category_id column or leave it empty")
            } else {
                links[id] = (parent, row)
            }
        }
        for loop in parentLoops(links.mapValues(\.parent), order: categories.map(\.id)) {
            guard let row = links[loop[0]]?.row else { continue }
            problem(row, "parent_id", "parent_id makes a loop, \((loop + [loop[0]]).joined(separator: " -> ")): a category cannot be inside itself; "
                    + "leave parent_id empty in one of them or name a category outside the loop")
        }
        for (exclusion, row) in globals {
            for scope in exclusion.scope where !ids.contains(scope) {
                problem(row, "exclusions", "exclusion '\(exclusion.pattern.text)' names no category '@\(scope)'; use an id from the category_id column")
            }
        }
        if categories.isEmpty && problems.isEmpty {
            problems.append(CodebookProblem(file: file, line: 1, column: 1, message: "the codebook has no categories; add one row per category"))
        }
        // Stable, so that one cell's problems keep the order they were found in.
        problems = problems.enumerated().sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }.map(\.element)
        let codebook = Codebook(categories: categories, globalExclusions: globals.map(\.0), fingerprint: fingerprint, source: file,
                                unknownColumns: UnknownColumn.find(in: table.columns, known: columns, file: file),
                                warnings: warnings && problems.isEmpty ? CodebookWarnings.find(cells, labels: labels, file: file, words: &words) : [])
        return (codebook, problems)
    }

    /// One entry of a `;`-separated cell: its 1-based number and the lines it holds.
    private struct Entry {
        var number: Int
        /// The entry's text, one element per line: a line break inside a cell (Alt+Enter in
        /// Excel) does not end an entry, and normalising would join its lines into one phrase.
        /// An entry without a line break, or with one only before or after its text, is one
        /// line; an empty entry is one empty line (the parser's error for it).
        var lines: [String]

        /// The error for an entry of several lines, or nil; `noun` names it ("pattern").
        func lineBreak(_ noun: String) -> String? {
            guard lines.count > 1 else { return nil }
            let quoted = lines.map { "'\($0)'" }
            let breaks = lines.count == 2 ? "a line break" : "line breaks"
            return "\(noun) \(number) holds \(breaks) (Alt+Enter in a spreadsheet cell), which would join "
                + quoted.dropLast().joined(separator: ", ") + " and \(quoted[quoted.count - 1]) into one phrase; "
                + "separate phrases with ';' (\(lines.joined(separator: " ; "))), or replace the "
                + (lines.count == 2 ? "line break with a space" : "line breaks with spaces") + " if they are one phrase"
        }
    }

    /// The entries of a `;`-separated cell; an empty cell has none.
    private static func entries(_ cell: String) -> [Entry] {
        guard cell.contains(where: { !$0.isWhitespace }) else { return [] }
        // Splitting each entry into lines by Character cost a fifth of loading the default
        // codebook; a cell without a line break scalar (nearly all) is not split.
        let breaks = cell.unicodeScalars.contains { (0x0A...0x0D).contains($0.value) || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 }
        return cell.split(separator: ";", omittingEmptySubsequences: false).enumerated().map { offset, text in
            guard breaks else { return Entry(number: offset + 1, lines: [text.trimmingCharacters(in: .whitespaces)]) }
            let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return Entry(number: offset + 1, lines: lines.isEmpty ? [""] : lines)
        }
    }

    /// The loops that `parents` (category id -> parent id, never itself) make, each once, as
    /// the ids of its members from the one first in `order`, each followed by its parent: rows
    /// a (parent c), b (parent a), c (parent b) give ["a", "c", "b"]. A category whose chain runs
    /// into a loop without being in it is no loop of its own.
    static func parentLoops(_ parents: [String: String], order: [String]) -> [[String]] {
        let rank = Dictionary(order.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        var loops: [[String]] = []
        for start in order where !seen.contains(start) {
            var path: [String] = []
            var position: [String: Int] = [:]
            var next: String? = start
            while let id = next, !seen.contains(id) {
                if let at = position[id] {
                    let loop = Array(path[at...])
                    let first = loop.indices.min { rank[loop[$0], default: .max] < rank[loop[$1], default: .max] } ?? 0
                    loops.append(Array(loop[first...] + loop[..<first]))
                    break
                }
                position[id] = path.count
                path.append(id)
                next = parents[id]
            }
            seen.formUnion(path)
        }
        return loops
    }

    /// "sở y tế @health_nutrition @education" -> ("sở y tế", ["health_nutrition", "education"]).
    private static func splitScope(_ entry: String) -> (String, [String]) {
        guard let at = entry.firstIndex(of: "@") else { return (entry, []) }
        let phrase = entry[..<at].trimmingCharacters(in: .whitespaces)
        let scope = entry[at...].split(whereSeparator: { $0 == "@" || $0.isWhitespace || $0 == "," }).map(String.init)
        return (phrase, scope)
    }

    /// The error for an exclusion `line` whose `@` scope is malformed, or nil: a scope without a
    /// phrase ("@child_marriage", which said the pattern was empty), and in the `*` row
    /// (`global`) an `@` without an id ("trẻ em @ @@"), which left the scope empty, so the
    /// exclusion applied to every category. (In a category's row an exclusion applies to that
    /// category alone; a bare `@` there changes nothing.)
    private static func scopeProblem(_ line: String, phrase: String, scope: [String], number: Int, global: Bool) -> String? {
        guard line.utf8.contains(UInt8(ascii: "@")) else { return nil }
        if phrase.isEmpty {
            return "exclusion \(number) '\(line)' has " + (scope.isEmpty ? "an '@' but neither a phrase nor a category id" : "a scope but no phrase")
                + "; write the phrase to exclude before the scope, e.g. 'tảo hôn giả \(scope.isEmpty ? "@id" : scope.map { "@" + $0 }.joined(separator: " "))'"
                + (global ? "" : " (or, here, without a scope: exclusions in a category's row apply to it alone)")
        }
        if global && scope.isEmpty {
            return "exclusion \(number) '\(line)' has an '@' but no category id after it, so it would apply to every category; "
                + "write '\(phrase) @id' with the id of each category it is for (from the category_id column), or '\(phrase)' without '@' if it is for every category"
        }
        return nil
    }

    private static let abbreviations = try? Abbreviations.bundled()

    /// `text` parsed as a pattern and checked against the abbreviations. `words` holds the
    /// composed words of the codebook's earlier patterns: each word is composed once per
    /// codebook, not once per pattern (about a fifth of loading the default codebook).
    private static func parsePattern(_ text: String, words: inout ComposedWords) -> Result<PhrasePattern, PhrasePattern.Problem> {
        do {
            let pattern = try PhrasePattern.parse(text, words: &words)
            if let problem = pattern.invisibleJoin() { return .failure(problem) }
            if let abbreviations, let problem = pattern.unmatchable(abbreviations: abbreviations, words: &words) { return .failure(problem) }
            return .success(pattern)
        } catch {
            return .failure(error)
        }
    }
}
