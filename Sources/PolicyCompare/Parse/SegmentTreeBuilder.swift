import Foundation

/// Builds the body's tree of sections, items, paragraphs and inline clauses from its lines.
///
/// List markers are read from the start of each line: "I." (section), "1." and "5.1."
/// (numbered; "5.1." sits under "5."), "a)" (lettered), "-", "+", "*", "•" (bullets). A
/// marker of a kind already open closes everything opened after it; a new kind opens a
/// level below the current one. Unmarked prose closes open bullet lists and attaches to the
/// nearest open heading. A line that starts in lower case after a line without closing
/// punctuation continues that line (a page or line break inside a sentence).
struct SegmentTreeBuilder {
    private struct Open {
        var key: Key
        /// What a numbered level is found by ("5.1"); read only for numbers.
        var label: String
        var index: Int
    }

    /// The kind of an open level: a marker of the same key closes it. An enum, not the
    /// strings ("R", "N1", "-") it once was, so that matching the stack compares no text.
    private enum Key: Equatable {
        case roman, number(depth: Int), letter, bullet(Unicode.Scalar), annex

        /// Keys that unmarked prose closes.
        var isListKey: Bool {
            switch self {
            case .letter, .bullet: true
            default: false
            }
        }

        var isNumber: Bool {
            if case .number = self { true } else { false }
        }
    }

    /// A marker by where its label lies in the text, made a string only for the path (a
    /// number's parts were each a string, joined again for its label).
    private enum Marker {
        /// A numeral ("IV") or a letter ("a"), and a number: its scalars without the closing
        /// "." or ")" ("5.1"), its last part ("1") and the number of parts before that.
        case roman(Range<Int>), number(label: Range<Int>, last: Range<Int>, depth: Int), letter(Range<Int>), bullet(Unicode.Scalar)

        var key: Key {
            switch self {
            case .roman: .roman
            case .number(_, _, let depth): .number(depth: depth)
            case .letter: .letter
            case .bullet(let c): .bullet(c)
            }
        }
    }

    /// What ``nextCount(_:)`` counts under one parent: paragraphs and each kind of bullet.
    private enum Counted: Int {
        case paragraph, dash, plus, star
    }

    private let text: NormalizedText
    /// Whether each segment gets its ``Segment/text``; without, only its ranges.
    private let quotesText: Bool
    private(set) var segments: [Segment] = []
    private var stack: [Open] = []
    /// Paragraphs and bullets so far under each parent, at ``nextCount(_:)``'s index.
    private var childCounts: [Int] = []
    /// Whether each segment, by index, has a child (a flag per segment, not a set of indices
    /// hashed at every child).
    private var hasChildren: [Bool] = []
    /// Every path given so far (`paths`), found by the hash of its UTF-8 (``HashIndex``):
    /// hashing each path with `Hasher` for a set was most of making it unique. Paths are ASCII
    /// but for a list letter, a scalar of the NFC text, so two paths are equal strings exactly
    /// when their bytes are equal.
    private var usedPaths = HashIndex()
    private var paths: [String] = []
    private var annexCount = 0

    init(text: NormalizedText, quotesText: Bool = true) {
        self.text = text
        self.quotesText = quotesText
    }

    mutating func build(_ lines: [DocumentLayout.ContentLine]) -> [Segment] {
        // A path per line and a few per split clause: room for them all at once (growing the
        // table rehashed every path several times a document).
        usedPaths = HashIndex(expected: lines.count * 2)
        paths.reserveCapacity(lines.count * 2)
        // At most a segment per line until clauses are split: room for them all at once, and
        // for the counts of children under each of them and the top level.
        segments.reserveCapacity(lines.count)
        hasChildren = [Bool](repeating: false, count: lines.count)
        childCounts = [Int](repeating: 0, count: (lines.count + 1) * 4)
        for line in lines {
            add(line)
        }
        assignRoles()
        splitInlineClauses()
        // Quoted once the tree is built, not as each line is added (a continuation line grows
        // the segment before it); in place, as copying each segment retained its strings.
        for index in segments.indices {
            segments[index].sourceRange = text.originalRange(segments[index].normalizedRange)
            if quotesText { segments[index].text = text.quote(segments[index].normalizedRange) }
        }
        return segments
    }

    /// Whether `range` opens with a date or figure, digits joined by "/", "." or "-" to more
    /// digits ("03/7/2020.", "1.000"): not a page number, a table's row number or a count
    /// that could open a line of its own.
    private static func startsWithDateOrFigure(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound, Tokenizer.isDigit(scalars[i]) { i += 1 }
        return i + 1 < range.upperBound && "/.-".unicodeScalars.contains(scalars[i]) && Tokenizer.isDigit(scalars[i + 1])
    }

    private mutating func add(_ line: DocumentLayout.ContentLine) {
        let scalars = text.scalars
        var start = line.range.lowerBound
        var end = line.range.upperBound
        // Bold markers of a Markdown export ("**I. MỤC ĐÍCH**", "**1. Chủ đề:** ...") are no
        // bullet: the line is what stands between them.
        if end - start >= 3, scalars[start] == "*", scalars[start + 1] == "*" {
            while start < end, scalars[start] == "*" || scalars[start] == " " { start += 1 }
            while end > start, scalars[end - 1] == "*" || scalars[end - 1] == " " { end -= 1 }
            guard start < end else { return }
        }
        if line.isAnnexHeading {
            stack.removeAll()
            annexCount += 1
            let path = unique("A\(annexCount)")
            append(path: path, role: .annexHeading, part: .annex, marker: "", range: start..<end)
            stack.append(Open(key: .annex, label: path, index: segments.count - 1))
            return
        }
        let found = Self.marker(scalars, start..<end)
        // A lower-case start without a list marker, right after an unfinished line of the same
        // part, continues that line (a line or page break inside a sentence); so does a date or
        // figure ("trước ngày" / "03/7/2020.", "1.000 trẻ em") after a line that stops
        // mid-sentence, on a lower-case letter or a digit, as a heading in capitals does not. A
        // table's row ("1<TAB>Tuyên truyền ...", its tab a space by now) is no continuation, nor
        // a page number.
        if found == nil, line.follows, let last = segments.indices.last, segments[last].part == line.part,
           let first = scalars[safe: start],
           let lastChar = segments[last].normalizedRange.last.flatMap({ scalars[safe: $0] }),
           lastChar != ".", lastChar != ";", lastChar != ":", lastChar != "!", lastChar != "?",
           first.properties.isLowercase
            || Tokenizer.isDigit(first) && (lastChar.properties.isLowercase || Tokenizer.isDigit(lastChar))
                && Self.startsWithDateOrFigure(scalars, start..<end) {
            segments[last].normalizedRange = segments[last].normalizedRange.lowerBound..<end
            return
        }
        // Only a marked line has marker text (most lines are prose).
        var markerText = ""
        if let found {
            // The marker opens the line and holds no space-like scalar, so trimming its range of
            // the spaces after it gives what trimmingSpaces gave, without a second string.
            markerText = NormalizedText.string(scalars, Self.trim(scalars, start..<found.textStart))
            start = found.textStart
        }
        guard start < end else { return }
        let range = start..<end
        guard let marker = found?.marker else {
            attachParagraph(range, part: line.part)
            return
        }
        let key = marker.key
        if let at = stack.lastIndex(where: { $0.key == key }) {
            close(from: at)
        } else {
            switch marker {
            case .roman:
                stack.removeAll()
            case .number(let label, let last, let depth) where depth > 0:
                let parentLabel = NormalizedText.string(scalars, label.lowerBound..<last.lowerBound - 1)
                if let at = stack.lastIndex(where: { $0.key.isNumber && $0.label == parentLabel }) {
                    close(from: at + 1)
                } else {
                    stack.removeAll { $0.key != .roman && $0.key != .annex }
                }
            case .number:
                stack.removeAll { $0.key != .roman && $0.key != .annex }
            default:
                break
            }
        }
        let path: String
        switch marker {
        case .roman(let part), .number(_, let part, _), .letter(let part):
            path = unique(childPath(NormalizedText.string(scalars, part)))
        case .bullet(let c):
            let (counted, symbol): (Counted, UInt8) = c == "+" ? (.plus, UInt8(ascii: "+")) : c == "*" ? (.star, UInt8(ascii: "*")) : (.dash, UInt8(ascii: "-"))
            let number = nextCount(counted)
            path = unique(childPath(symbol, number))
        }
        let role: Segment.Role = if case .roman = marker { .section } else { .item }
        markParent()
        append(path: path, role: role, part: line.part, marker: markerText, range: range)
        stack.append(Open(key: key, label: labelFor(marker), index: segments.count - 1))
    }

    /// The label a numbered level is found by ("5.1"); a level of another kind is found by its
    /// key alone, so it needs none (a string per bullet was made for nothing).
    private func labelFor(_ marker: Marker) -> String {
        if case .number(let label, _, _) = marker { NormalizedText.string(text.scalars, label) } else { "" }
    }

    /// Closes the open levels from `index` of the stack on (usually one or two: removing them
    /// one by one costs less than the generic removal of a count).
    private mutating func close(from index: Int) {
        while stack.count > max(index, 0) { stack.removeLast() }
    }

    /// Marks the open parent, if any, as having a child.
    private mutating func markParent() {
        guard let parent = stack.last?.index else { return }
        if parent >= hasChildren.count { hasChildren += repeatElement(false, count: parent + 1 - hasChildren.count) }
        hasChildren[parent] = true
    }

    /// Whether segment `index` has a child.
    private func hasChild(_ index: Int) -> Bool {
        hasChildren.indices.contains(index) && hasChildren[index]
    }

    /// Prose closes bullet lists and finished items, then hangs under the nearest heading.
    private mutating func attachParagraph(_ range: Range<Int>, part: Segment.Part) {
        while let top = stack.last {
            if top.key.isListKey {
                stack.removeLast()
                continue
            }
            if top.key.isNumber && !hasChild(top.index) && !looksLikeHeading(top.index) {
                stack.removeLast()
                continue
            }
            break
        }
        markParent()
        // Counted before the path is made: counting within its argument made the builder
        // copy itself (to make the path from the builder as it was), and then its counts.
        let number = nextCount(.paragraph)
        let path = unique(childPath(UInt8(ascii: "p"), number))
        append(path: path, role: .paragraph, part: part, marker: "", range: range)
    }

    private func looksLikeHeading(_ index: Int) -> Bool {
        let range = segments[index].normalizedRange
        guard let end = range.last, let last = text.scalars[safe: end] else { return false }
        if last == ":" { return true }
        return last != "." && last != ";" && last != "!" && last != "?" && last != "\"" && range.count < 100
    }

    /// The path of `component` under the open parent, made in one string of its final size.
    private func childPath(_ component: String) -> String {
        guard stack.last != nil else { return component }
        var component = component
        return component.withUTF8 { childPath($0) }
    }

    /// The path under the open parent of `symbol` followed by `number` ("p2", "-3"), its digits
    /// written with the path (a string was made for the number and another for the component).
    private func childPath(_ symbol: UInt8, _ number: Int) -> String {
        guard number >= 0, number < 100_000_000 else { return childPath(String(decoding: [symbol], as: UTF8.self) + String(number)) }
        let (digits, count) = DecimalText.asciiDigits(below100Million: UInt64(number))
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 9) { component in
            component[0] = symbol
            for k in 0..<count { component[1 + k] = UInt8(truncatingIfNeeded: digits >> (8 * UInt64(k))) }
            return childPath(UnsafeBufferPointer(rebasing: component[..<(1 + count)]))
        }
    }

    /// The path of the component whose UTF-8 is `component` under the open parent: the
    /// parent's bytes, a ".", the component's, made a string once.
    private func childPath(_ component: UnsafeBufferPointer<UInt8>) -> String {
        guard let top = stack.last else { return String(decoding: component, as: UTF8.self) }
        var parent = segments[top.index].path
        return parent.withUTF8 { parent in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: parent.count + 1 + component.count) { path in
                _ = path.initialize(fromContentsOf: parent)
                path[parent.count] = UInt8(ascii: ".")
                _ = UnsafeMutableBufferPointer(rebasing: path[(parent.count + 1)...]).initialize(fromContentsOf: component)
                return String(decoding: path, as: UTF8.self)
            }
        }
    }

    /// The number of the next `kind` under the open parent. The parent is known by its
    /// segment's index, which names one path while lines are added (paths are unique), so the
    /// count is keyed by an integer rather than by the parent's path and the kind joined.
    private mutating func nextCount(_ kind: Counted) -> Int {
        let parent = stack.last.map { $0.index + 1 } ?? 0
        let key = parent * 4 + kind.rawValue
        if key >= childCounts.count { childCounts += repeatElement(0, count: key + 1 - childCounts.count) }
        childCounts[key] += 1
        return childCounts[key]
    }

    private mutating func unique(_ path: String) -> String {
        // One hash of each candidate: inserting tells whether it was taken.
        var candidate = path
        var n = 2
        while !insert(candidate) {
            candidate = "\(path)#\(n)"
            n += 1
        }
        return candidate
    }

    /// Adds `path` to the paths given; false when it was given before.
    private mutating func insert(_ path: String) -> Bool {
        var path = path
        let hash = path.withUTF8 { RunTable<UInt8>.hash(UnsafeRawBufferPointer($0)) }
        let probe = usedPaths.probe(hash: hash) { paths[Int($0)].utf8.elementsEqual(path.utf8) }
        guard case .vacant(let slot) = probe else { return false }
        usedPaths.insert(hash: hash, at: slot)
        paths.append(path)
        return true
    }

    private mutating func append(path: String, role: Segment.Role, part: Segment.Part, marker: String, range: Range<Int>) {
        let parent = stack.last.map { segments[$0.index].path } ?? ""
        segments.append(Segment(path: path, role: role, part: part, marker: marker, depth: stack.count, parent: parent,
                                text: "", sourceRange: 0..<0, normalizedRange: Self.trim(text.scalars, range)))
    }

    /// Items with children whose text is short or ends in ":" are headings.
    private mutating func assignRoles() {
        for index in hasChildren.indices where hasChildren[index] && index < segments.count && segments[index].role == .item && looksLikeHeading(index) {
            segments[index].role = .heading
        }
    }

    /// Splits "... với các nhóm hoạt động: (i) ...; (ii) ...; (iii) ..." into clause segments.
    private mutating func splitInlineClauses() {
        // Most documents split no segment: their segments are then kept as they are rather than
        // copied one by one into a new array. Only the segments that split are kept with their
        // clauses (an array of markers per segment was kept and dropped for all of them).
        // Read by index: mapping the segments copied each one (retaining its strings) to read its range.
        let scalars = text.scalars
        var split: [(index: Int, clauses: [(label: String, marker: Range<Int>)])] = []
        for index in segments.indices {
            let clauses = Self.clauseMarkers(scalars, segments[index].normalizedRange)
            if clauses.count >= 2 { split.append((index, clauses)) }
        }
        guard !split.isEmpty else { return }
        var result: [Segment] = []
        result.reserveCapacity(segments.count)
        var nextSplit = 0
        for (index, segment) in segments.enumerated() {
            guard nextSplit < split.count, split[nextSplit].index == index, let first = split[nextSplit].clauses.first else {
                result.append(segment)
                continue
            }
            let clauses = split[nextSplit].clauses
            nextSplit += 1
            var lead = segment
            lead.normalizedRange = Self.trim(text.scalars, segment.normalizedRange.lowerBound..<first.marker.lowerBound)
            if lead.normalizedRange.isEmpty {
                result.append(segment)
                continue
            }
            if lead.role == .item || lead.role == .paragraph { lead.role = .heading }
            result.append(lead)
            var tail: Range<Int>? = nil
            for (k, clause) in clauses.enumerated() {
                var end = k + 1 < clauses.count ? clauses[k + 1].marker.lowerBound : segment.normalizedRange.upperBound
                if k + 1 == clauses.count, let stop = Self.sentenceEnd(text.scalars, clause.marker.upperBound..<end) {
                    tail = Self.trim(text.scalars, stop..<end)
                    end = stop
                }
                let range = Self.trim(text.scalars, clause.marker.upperBound..<end)
                guard !range.isEmpty else { continue }
                let path = unique("\(segment.path).\(clause.label)")
                result.append(Segment(path: path, role: .clause, part: segment.part, marker: clause.label, depth: segment.depth + 1,
                                      parent: segment.path, text: "", sourceRange: 0..<0, normalizedRange: range))
            }
            if let tail, !tail.isEmpty {
                result.append(Segment(path: unique("\(segment.path).p1"), role: .paragraph, part: segment.part, marker: "", depth: segment.depth + 1,
                                      parent: segment.path, text: "", sourceRange: 0..<0, normalizedRange: tail))
            }
        }
        segments = result
    }

    private static let romanClauses = ["(i)", "(ii)", "(iii)", "(iv)", "(v)", "(vi)", "(vii)", "(viii)", "(ix)", "(x)"]

    /// Consecutive "(i)", "(ii)", ... markers inside a range.
    private static func clauseMarkers(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> [(label: String, marker: Range<Int>)] {
        var found: [(label: String, marker: Range<Int>)] = []
        let upper = min(range.upperBound, scalars.count)
        var i = max(range.lowerBound, 0)
        while i < upper {
            // To the next "(" through a bare pointer: the search runs over every scalar of
            // every segment, and indexing the array checked its bounds at each one.
            i = scalars.withUnsafeBufferPointer { $0.index(of: "(", from: i, to: upper) }
            guard i < upper else { break }
            if found.count < romanClauses.count {
                let expected = romanClauses[found.count]
                let count = expected.unicodeScalars.count
                // Compared scalar for scalar: no other scalar is canonically equal to one of
                // these ASCII ones, so the string of the range equals the marker exactly when its
                // scalars are the marker's (making that string at every "(" was most of the search).
                if i + count <= upper, scalars[i..<i + count].elementsEqual(expected.unicodeScalars),
                   i == range.lowerBound || scalars[i - 1] == " " {
                    found.append((expected, i..<i + count))
                    i += count
                    continue
                }
            }
            i += 1
        }
        return found
    }

    /// The end (after the stop) of the first sentence in a range that has text after it.
    private static func sentenceEnd(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int? {
        var i = range.lowerBound
        while i < range.upperBound - 1 {
            if scalars[i] == ".", scalars[i + 1] == " ", i + 2 < range.upperBound, scalars[i + 2].properties.isUppercase {
                return i + 1
            }
            i += 1
        }
        return nil
    }

    /// A range without leading and trailing spaces.
    static func trim(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, scalars[lower] == " " || scalars[lower] == "\n" { lower += 1 }
        while upper > lower, scalars[upper - 1] == " " || scalars[upper - 1] == "\n" { upper -= 1 }
        return lower..<upper
    }

    /// One of "IVXLC", compared as scalars (searching the string's scalars for each line's
    /// first was most of reading a marker).
    private static func isRomanDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "I" || scalar == "V" || scalar == "X" || scalar == "L" || scalar == "C"
    }

    /// The list marker at the start of a line and where its text starts.
    private static func marker(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> (marker: Marker, textStart: Int)? {
        let start = range.lowerBound
        let end = range.upperBound
        guard start < end else { return nil }
        func skipSpaces(_ i: Int) -> Int {
            var i = i
            while i < end, scalars[i] == " " { i += 1 }
            return i
        }
        let first = scalars[start]
        switch first {
        case "-", "+", "*", "•", "◦", "▪":
            let next = start + 1 < end ? scalars[start + 1] : " "
            if Tokenizer.isDigit(next) { return nil }
            let c: Unicode.Scalar = first == "+" ? "+" : first == "*" ? "*" : (first == "-" ? "-" : "•")
            return (.bullet(c), skipSpaces(start + 1))
        default:
            break
        }
        // Roman numerals: "IV." followed by a space.
        var i = start
        while i < end, isRomanDigit(scalars[i]) { i += 1 }
        if i > start, i - start <= 5, i < end, scalars[i] == "." || scalars[i] == ")", i + 1 >= end || scalars[i + 1] == " " {
            return (.roman(start..<i), skipSpaces(i + 1))
        }
        // Numbers: "1." "2)" "5.1." "5.1": runs of up to three digits joined by single dots.
        i = start
        var depth = 0
        var partStart = start
        while i < end {
            if Tokenizer.isDigit(scalars[i]) {
                i += 1
                continue
            }
            guard i > partStart, i - partStart <= 3 else { break }
            // "1.000 trẻ em": three digits after a dot are a thousands group, not an item number.
            if depth > 0, i - partStart == 3 { break }
            if scalars[i] == ".", i + 1 < end, Tokenizer.isDigit(scalars[i + 1]) {
                i += 1
                partStart = i
                depth += 1
                continue
            }
            let number = Marker.number(label: start..<i, last: partStart..<i, depth: depth)
            if scalars[i] == "." || scalars[i] == ")" {
                if i + 1 >= end || scalars[i + 1] == " " { return (number, skipSpaces(i + 1)) }
            } else if scalars[i] == " " && depth > 0 {
                return (number, skipSpaces(i))
            }
            break
        }
        // Letters: "a)" (the ")" looked for first: most lines are prose, and a scalar's case
        // is a look-up in the Unicode tables).
        if start + 1 < end, scalars[start + 1] == ")", first.properties.isLowercase {
            return (.letter(start..<start + 1), skipSpaces(start + 2))
        }
        // "a." "b." "đ.", then a space: a lettered item too, as commune plans write them.
        if start + 2 < end, scalars[start + 1] == ".", scalars[start + 2] == " ", ("a"..."z").contains(first) || first == "đ" {
            return (.letter(start..<start + 1), skipSpaces(start + 2))
        }
        return nil
    }
}

extension Array {
    /// The element at `index`, or nil outside the array.
    subscript(safe index: Int) -> Element? {
        index >= 0 && index < count ? self[index] : nil
    }
}
