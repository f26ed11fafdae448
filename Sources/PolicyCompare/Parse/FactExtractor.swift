import Foundation

/// Reads the facts a researcher cites out of a parsed body: theme, period, slogans,
/// legal references, actors and deadlines. Works on tokens, so case, tone placement and
/// spacing variants are already folded.
struct FactExtractor {
    let text: NormalizedText
    let folded: FoldedText
    let segments: [Segment]
    let tokens: [Tokenizer.Output]
    let spellings: TokenSpellings
    let year: Int
    /// Whether actor mentions and deadlines get their ``ActorMention/quote`` and
    /// ``Deadline/quote``; without, they are empty: comparing reads both by their source
    /// ranges, and quoting them was a string per mention and per dated sentence.
    let quotesMentions: Bool
    /// Folded key of every spelling.
    private let keys: [String]

    init(text: NormalizedText, folded: FoldedText, segments: [Segment], tokens: [Tokenizer.Output], spellings: TokenSpellings, year: Int,
         quotesMentions: Bool = true) {
        self.text = text
        self.folded = folded
        self.segments = segments
        self.tokens = tokens
        self.spellings = spellings
        self.year = year
        self.quotesMentions = quotesMentions
        keys = spellings.keys
    }

    /// Folded key of token `i` of segment `s`.
    private func key(_ s: Int, _ i: Int) -> String {
        guard let spelling = spelling(s, i) else { return "" }
        return keys[Int(spelling)]
    }

    /// Whether the keys of tokens `range` of segment `s`, joined by spaces, contain `first`
    /// and `second` joined by a space (as `String.contains` finds it).
    ///
    /// Keys hold no spaces, so the bytes of such a match are `first` ending one key and
    /// `second` starting the next: only a sentence with such a pair is joined and searched
    /// (joining every sentence with a date was 0.7% of analysing a plan). A pair of keys that
    /// are `first` and `second` byte for byte is such a match whole characters long, between
    /// spaces or the ends, so it answers without joining (that was most of finding deadlines).
    private func keys(_ s: Int, _ range: Range<Int>, contain first: String, _ second: String) -> Bool {
        var pairs = false
        for k in range.dropLast() {
            let left = key(s, k).utf8, right = key(s, k + 1).utf8
            guard left.reversed().starts(with: first.utf8.reversed()), right.starts(with: second.utf8) else { continue }
            if left.count == first.utf8.count, right.count == second.utf8.count { return true }
            pairs = true
        }
        return pairs && range.map { key(s, $0) }.joined(separator: " ").contains(first + " " + second)
    }

    /// Spelling of token `i` of segment `s`.
    private func spelling(_ s: Int, _ i: Int) -> Int32? {
        spellings.ids[safe: s]?[safe: i]
    }

    /// The spelling of `word` in this document; nil when no token spells it.
    private func spelling(of word: String) -> Int32? {
        spellings.spelling(of: word, in: folded)
    }

    /// `words` as the spellings of this document, looked up once per use rather than at every
    /// segment or candidate token; nil when a word is spelt by no token, so they occur nowhere.
    private func phrase(_ words: [String]) -> [Int32]? {
        var phrase: [Int32] = []
        phrase.reserveCapacity(words.count)
        for word in words {
            guard let id = spelling(of: word) else { return nil }
            phrase.append(id)
        }
        return phrase
    }

    /// Positions in segment `s` where `phrase` starts within one sentence. Tokens are compared
    /// by spelling, an integer: a token's key is a word exactly when its spelling is the word's.
    private func starts(of phrase: [Int32]?, in s: Int) -> [Int] {
        guard let phrase, let first = phrase.first, let ids = spellings.ids[safe: s] else { return [] }
        // Most segments hold no token of the first word: they are passed over through a
        // pointer, without a filter's closure and array.
        let found = Self.firstIndex(of: first, or: first, in: ids, from: 0)
        guard found < ids.count else { return [] }
        return (found..<ids.count).filter { ids[$0] == first && matches(s, $0, phrase) }
    }

    /// The first index from `start` whose spelling is `a` or `b`, or `ids.count`.
    private static func firstIndex(of a: Int32, or b: Int32, in ids: [Int32], from start: Int) -> Int {
        ids.withUnsafeBufferPointer { ids in
            var i = min(max(start, 0), ids.count)
            while i < ids.count, ids[i] != a, ids[i] != b { i += 1 }
            return i
        }
    }

    /// True when tokens `i...` of segment `s` spell `phrase` within one sentence.
    private func matches(_ s: Int, _ i: Int, _ phrase: [Int32]?) -> Bool {
        guard let phrase, let ids = spellings.ids[safe: s], let list = tokens[safe: s]?.tokens else { return false }
        return Self.spells(phrase, at: i, ids: ids, tokens: list)
    }

    /// True when `tokens` from `i`, whose spellings are `ids`, spell `phrase` within one
    /// sentence; shared with ``TaskRule``, which reads a segment's tokens the same way, its
    /// phrases slices of one array.
    static func spells<Phrase: Collection<Int32>>(_ phrase: Phrase, at i: Int, ids: [Int32], tokens list: [Token]) -> Bool {
        guard !phrase.isEmpty, i >= 0, i + phrase.count <= list.count, i + phrase.count <= ids.count else { return false }
        let sentence = list[i].sentence
        for (k, id) in phrase.enumerated() where ids[i + k] != id || list[i + k].sentence != sentence {
            return false
        }
        return true
    }

    /// True when segment `s` contains `phrase` within one sentence. The tokens of its first
    /// word are found through a pointer (a closure asked of every token was most of finding
    /// the topics of slogans).
    private func contains(_ s: Int, _ phrase: [Int32]?) -> Bool {
        guard let phrase, let first = phrase.first, let ids = spellings.ids[safe: s] else { return false }
        var i = Self.firstIndex(of: first, or: first, in: ids, from: 0)
        while i < ids.count {
            if matches(s, i, phrase) { return true }
            i = Self.firstIndex(of: first, or: first, in: ids, from: i + 1)
        }
        return false
    }

    // MARK: Theme

    /// The first "chủ đề ... “...”" in the body, and the index of its segment: the quote right
    /// after "chủ đề" (a colon and bold markers "**" between them), or after "là" a few words
    /// on ("Chủ đề Tháng hành động năm 2021 là “...”").
    func theme() -> (Statement, Int)? {
        guard let theme = phrase(["chủ", "đề"]) else { return nil }
        let la = spelling(of: "là")
        for s in segments.indices {
            let list = tokens[s].tokens
            for i in starts(of: theme, in: s) {
                if let found = quotedTheme(in: s, after: i + 1, colonMayOpen: i == 0) { return (found, s) }
                // "Chủ đề Tháng hành động năm 2021 là “...”": the quote after "là", in the sentence.
                if let la, let k = (i + 2..<min(list.count, i + 14)).first(where: { spelling(s, $0) == la && list[$0].sentence == list[i].sentence }),
                   let found = quotedTheme(in: s, after: k, colonMayOpen: false) {
                    return (found, s)
                }
            }
        }
        return nil
    }

    /// The theme quoted right after token `t` of segment `s` (past spaces, a colon and bold
    /// markers "**"), or, when `colonMayOpen` and a colon follows, the rest of the clause.
    private func quotedTheme(in s: Int, after t: Int, colonMayOpen: Bool) -> Statement? {
        let range = segments[s].normalizedRange
        guard let token = tokens[s].tokens[safe: t] else { return nil }
        var j = token.range.upperBound
        var colon = false
        while j < range.upperBound, text.scalars[j] == " " || text.scalars[j] == ":" || text.scalars[j] == "*" {
            if text.scalars[j] == ":" { colon = true }
            j += 1
        }
        if j < range.upperBound, text.scalars[j] == "\"" {
            var close = j + 1
            while close < range.upperBound, text.scalars[close] != "\"" { close += 1 }
            let inner = SegmentTreeBuilder.trim(text.scalars, (j + 1)..<close)
            return inner.isEmpty ? nil : statement(inner, segment: s)
        }
        if colonMayOpen, colon, j < range.upperBound {
            var end = j
            while end < range.upperBound, !".;".unicodeScalars.contains(text.scalars[end]) { end += 1 }
            let inner = SegmentTreeBuilder.trim(text.scalars, j..<end)
            return inner.isEmpty ? nil : statement(inner, segment: s)
        }
        return nil
    }

    private func statement(_ range: Range<Int>, segment s: Int) -> Statement {
        Statement(text: text.quote(range), segmentPath: segments[s].path, sourceRange: text.originalRange(range))
    }

    // MARK: Period

    /// "từ ngày 01/6 đến ngày 30/6/2019" in a segment about the month or its timing; also
    /// "từ 01/6 đến 30/6/2019", "từ ngày 01 - 30/6/2019", "đến hết ngày 30/6 năm 2019",
    /// "từ 1-30/6/2019", "1/6 - 30/6/2019", "01/6-30/6/2019" and the whole month, "trong tháng
    /// 6/2019" or "trong tháng 6 năm 2019".
    ///
    /// A period starts at "từ", at "trong tháng" or at a code token (a date without "từ" must
    /// state its month, so "6 - 15 tuổi" is no period). Each segment's tokens are passed over
    /// once for those starts, and whether the segment is about the timing (a pass per phrase)
    /// is asked only of a segment where one reads as a period.
    func period() -> Period? {
        let about = [["thời", "gian"], ["tháng", "hành", "động"], ["tháng", "hđvte"], ["tháng", "hdvte"]].compactMap(phrase)
        guard !about.isEmpty else { return nil }
        let words = PeriodWords(
            from: spelling(of: "từ") ?? -1, day: phrase(["ngày"]), within: phrase(["trong", "tháng"]),
            untilEndOf: phrase(["đến", "hết", "ngày"]), untilDay: phrase(["đến", "ngày"]), untilEnd: phrase(["đến", "hết"]),
            until: phrase(["đến"]))
        let within = words.within?.first ?? -1
        for s in segments.indices {
            guard let ids = spellings.ids[safe: s] else { continue }
            let list = tokens[s].tokens
            let end = min(ids.count, list.count)
            var i = Self.nextStart(ids, list, from: 0, words.from, within)
            while i < end {
                if let period = period(s, at: i, words) {
                    guard about.contains(where: { contains(s, $0) }) else { break }
                    return period
                }
                i = Self.nextStart(ids, list, from: i + 1, words.from, within)
            }
        }
        return nil
    }

    /// How often the body names each year from 1990 to 2100 as "năm YYYY" ("Năm 2013, ...",
    /// "Tháng hành động vì trẻ em năm 2013").
    func yearMentions() -> [Int: Int] {
        guard let year = spelling(of: "năm") else { return [:] }
        var counts: [Int: Int] = [:]
        for s in segments.indices {
            guard let ids = spellings.ids[safe: s] else { continue }
            let list = tokens[s].tokens
            for i in 0..<min(ids.count, list.count) where ids[i] == year {
                guard list[safe: i + 1]?.kind == .number, let y = Int(key(s, i + 1)), (1990...2100).contains(y) else { continue }
                counts[y, default: 0] += 1
            }
        }
        return counts
    }

    /// The spellings and phrases a period is read with, looked up once per document.
    private struct PeriodWords {
        let from: Int32
        let day, within, untilEndOf, untilDay, untilEnd, until: [Int32]?
    }

    /// The first index from `start` whose spelling is `a` or `b` or whose token is a code; at
    /// least the end of the shorter of `ids` and `list` when there is none.
    private static func nextStart(_ ids: [Int32], _ list: [Token], from start: Int, _ a: Int32, _ b: Int32) -> Int {
        ids.withUnsafeBufferPointer { ids in
            list.withUnsafeBufferPointer { list in
                let end = min(ids.count, list.count)
                var i = max(start, 0)
                while i < end, ids[i] != a, ids[i] != b, list[i].kind != .code { i += 1 }
                return i
            }
        }
    }

    /// The period stated from token `i` of segment `s`, which is "từ", "trong" or a code token.
    private func period(_ s: Int, at i: Int, _ words: PeriodWords) -> Period? {
        guard let token = tokens[s].tokens[safe: i] else { return nil }
        if spelling(s, i) == words.from {
            let j = matches(s, i + 1, words.day) ? i + 2 : i + 1
            if let range = dateRange(s, j) {
                return period(s, from: range.first, to: range.last, quoting: i, j)
            }
            guard let first = date(s, j) else { return nil }
            var k = first.next
            if matches(s, k, words.untilEndOf) {
                k += 3
            } else if matches(s, k, words.untilDay) || matches(s, k, words.untilEnd) {
                k += 2
            } else if matches(s, k, words.until) {
                k += 1
            } else if !dashBetween(s, k - 1, k) {
                return nil
            }
            guard let second = date(s, k) else { return nil }
            return period(s, from: Self.day(first), to: Self.day(second), quoting: i, second.next - 1)
        }
        if token.kind == .code {
            if let range = dateRange(s, i), range.first.month != nil {
                return period(s, from: range.first, to: range.last, quoting: i, i)
            }
            guard let first = date(s, i), first.month != nil, dashBetween(s, first.next - 1, first.next),
                  let second = date(s, first.next), second.month != nil else { return nil }
            return period(s, from: Self.day(first), to: Self.day(second), quoting: i, second.next - 1)
        }
        guard matches(s, i, words.within), let (month, monthYear, last) = monthAndYear(s, i + 2) else { return nil }
        return period(s, from: DateRangeCode.Day(day: 1, month: month, year: monthYear),
                      to: DateRangeCode.Day(day: ISODate.daysIn(month: month, year: monthYear), month: month, year: monthYear),
                      quoting: i, last)
    }

    /// The period from `first` to `last`, quoting tokens `a...b` of segment `s`: the last day's
    /// month and year stand for the first's when it states none, and the document's year for
    /// both; nil when a day does not exist.
    private func period(_ s: Int, from first: DateRangeCode.Day, to last: DateRangeCode.Day, quoting a: Int, _ b: Int) -> Period? {
        let list = tokens[s].tokens
        let endYear = last.year ?? first.year ?? year
        guard let endMonth = last.month ?? first.month,
              let end = ISODate.make(year: endYear, month: endMonth, day: last.day),
              let start = ISODate.make(year: first.year ?? endYear, month: first.month ?? endMonth, day: first.day),
              let from = list[safe: a], let to = list[safe: b] else { return nil }
        let range = from.range.lowerBound..<to.range.upperBound
        return Period(start: start, end: end, quote: text.quote(range), sourceRange: text.originalRange(range),
                      statesYear: first.year != nil || last.year != nil)
    }

    /// A date ``date(_:_:)`` read, as a day of a period.
    private static func day(_ date: (day: Int, month: Int?, year: Int?, next: Int)) -> DateRangeCode.Day {
        DateRangeCode.Day(day: date.day, month: date.month, year: date.year)
    }

    /// The date range that code token `i` of segment `s` is ("1-30/6/2019"), if it is one.
    private func dateRange(_ s: Int, _ i: Int) -> DateRangeCode? {
        guard tokens[s].tokens[safe: i]?.kind == .code else { return nil }
        return DateRangeCode(key(s, i))
    }

    /// A month with its year from token `i` of segment `s`, "6/2019" or "6 năm 2019", in one
    /// sentence, and the index of its last token; the year must be stated, so that "trong
    /// tháng 6" of a report due in another year is no period.
    private func monthAndYear(_ s: Int, _ i: Int) -> (month: Int, year: Int, last: Int)? {
        let list = tokens[s].tokens
        guard let token = list[safe: i], list[safe: i - 1]?.sentence == token.sentence else { return nil }
        if token.kind == .code {
            guard let (month, y, third) = Self.slashParts(key(s, i)), third == nil, let month, let y,
                  ISODate.make(year: y, month: month, day: 1) != nil else { return nil }
            return (month, y, i)
        }
        guard token.kind == .number, let month = Int(key(s, i)), key(s, i + 1) == "năm",
              let yearToken = list[safe: i + 2], yearToken.kind == .number, yearToken.sentence == token.sentence,
              let y = Int(key(s, i + 2)), ISODate.make(year: y, month: month, day: 1) != nil else { return nil }
        return (month, y, i + 2)
    }

    /// Whether tokens `a` and `b` of segment `s` are in one sentence with only spaces and a
    /// dash between them ("01 - 30/6").
    private func dashBetween(_ s: Int, _ a: Int, _ b: Int) -> Bool {
        let list = tokens[s].tokens
        guard let left = list[safe: a], let right = list[safe: b], left.sentence == right.sentence else { return false }
        let between = text.scalars[left.range.upperBound..<right.range.lowerBound]
        return between.contains { "-–—".unicodeScalars.contains($0) } && between.allSatisfy { " -–—".unicodeScalars.contains($0) }
    }

    /// A date written "05/7/2019", "01/6", "30/6 năm 2019", "01 tháng 6 năm 2019" or "01" at token `i`.
    private func date(_ s: Int, _ i: Int) -> (day: Int, month: Int?, year: Int?, next: Int)? {
        let list = tokens[s].tokens
        guard let token = list[safe: i] else { return nil }
        let word = key(s, i)
        if token.kind == .code {
            guard let (day, month, y) = Self.slashParts(word), let d = day, let m = month else { return nil }
            guard (1...31).contains(d), (1...12).contains(m) else { return nil }
            if y == nil, key(s, i + 1) == "năm", list[safe: i + 2]?.kind == .number, let y = Int(key(s, i + 2)), list[i + 2].sentence == token.sentence {
                return (d, m, y, i + 3)
            }
            return (d, m, y, i + 1)
        }
        guard token.kind == .number, let d = Int(word), (1...31).contains(d) else { return nil }
        if key(s, i + 1) == "tháng", list[safe: i + 2]?.kind == .number, let m = Int(key(s, i + 2)), (1...12).contains(m) {
            if key(s, i + 3) == "năm", list[safe: i + 4]?.kind == .number, let y = Int(key(s, i + 4)) {
                return (d, m, y, i + 5)
            }
            return (d, m, nil, i + 3)
        }
        return (d, nil, nil, i + 1)
    }

    /// The parts of "05/7/2019" or "01/6" as integers, as `word.split(separator: "/")` and
    /// `Int` read them (the third nil when there are two); nil unless there are two or three.
    ///
    /// An ASCII word, as every date is, is split on its bytes, where "/" is a character of its
    /// own, in one pass over its UTF-8 that keeps the parts in a tuple (an array of parts and
    /// the string's index arithmetic were most of finding a date); any other word by
    /// Characters, as a "/" followed by a combining mark is not a "/".
    static func slashParts(_ word: String) -> (Int?, Int?, Int?)? {
        var utf8 = word
        if let (parts, count) = utf8.withUTF8(asciiSlashParts) {
            return count >= 2 && count <= 3 ? parts : nil
        }
        let parts = word.split(separator: "/").map { Int($0) }
        guard parts.count >= 2, parts.count <= 3 else { return nil }
        return (parts[0], parts[1], parts.count == 3 ? parts[2] : nil)
    }

    /// The first three non-empty parts of `utf8` between "/" bytes as `Int` reads them, and the
    /// number of parts (empty ones left out, as `split` leaves them out); nil when a byte is
    /// not ASCII.
    private static func asciiSlashParts(_ utf8: UnsafeBufferPointer<UInt8>) -> (parts: (Int?, Int?, Int?), count: Int)? {
        var parts: (Int?, Int?, Int?) = (nil, nil, nil)
        var count = 0, start = 0, i = 0
        while i <= utf8.count {
            if i < utf8.count {
                let byte = utf8[i]
                guard byte < 0x80 else { return nil }
                if byte != UInt8(ascii: "/") {
                    i += 1
                    continue
                }
            }
            if start != i {
                // A fourth part makes the word no date; its bytes are still checked for ASCII.
                switch count {
                case 0: parts.0 = integer(UnsafeBufferPointer(rebasing: utf8[start..<i]))
                case 1: parts.1 = integer(UnsafeBufferPointer(rebasing: utf8[start..<i]))
                case 2: parts.2 = integer(UnsafeBufferPointer(rebasing: utf8[start..<i]))
                default: break
                }
                count += 1
            }
            i += 1
            start = i
        }
        return (parts, count)
    }

    /// `Int` of ASCII bytes: digits alone are summed, anything else (a sign, a letter, more
    /// digits than surely fit) is left to `Int`.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count <= 18 else { return Int(String(decoding: bytes, as: UTF8.self)) }
        var value = 0
        for byte in bytes {
            guard isDigit(byte) else { return Int(String(decoding: bytes, as: UTF8.self)) }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    // MARK: Slogans

    /// Items listed under a heading about slogans or messages ("khẩu hiệu", "thông điệp"),
    /// with the indices of their segments.
    func slogans() -> [(Statement, Int)] {
        var result: [(Statement, Int)] = []
        let topics = [["khẩu", "hiệu"], ["thông", "điệp"]].compactMap(phrase)
        guard !topics.isEmpty else { return [] }
        for s in segments.indices {
            // A heading about slogans: short, no clauses of its own (";"), and introducing a list.
            // Foundation's `contains` is slow and can only find ";" where a scalar decomposes
            // to it (";" or U+037E), so those scalars are looked for first, and only in short
            // headings (most lines with ";" are list items).
            // The segment's text is quoted here (a parse for comparison leaves it out), and
            // only for a segment that names the topic (quoting every short segment was most of
            // this search).
            guard segments[s].normalizedRange.count < 120, topics.contains(where: { contains(s, $0) }) else { continue }
            let segmentText = text.quote(segments[s].normalizedRange)
            let unnumbered = segments[s].role == .paragraph && (segmentText.hasSuffix(":") || segmentText == segmentText.uppercased())
            guard [.heading, .annexHeading, .section].contains(segments[s].role) || segmentText.hasSuffix(":") || unnumbered,
                  !(segmentText.unicodeScalars.contains { $0 == ";" || $0 == "\u{37E}" } && segmentText.contains(";")) else { continue }
            var children = segments.indices.filter { segments[$0].parent == segments[s].path && segments[$0].role == .item }
            // A heading without a number ("THÔNG ĐIỆP TRUYỀN THÔNG", "Thông điệp:") has no
            // children: the bullets right after it, beside it in the tree, are its list.
            if children.isEmpty, unnumbered {
                var next = s + 1
                while next < segments.count, segments[next].parent == segments[s].parent {
                    guard segments[next].role == .item, let first = segments[next].path.split(separator: ".").last?.unicodeScalars.first,
                          "-+*".unicodeScalars.contains(first) else { break }
                    children.append(next)
                    next += 1
                    // Past anything nested under that bullet.
                    while next < segments.count, segments[next].depth > segments[s].depth { next += 1 }
                }
            }
            guard !children.isEmpty else { continue }
            for c in children {
                var range = segments[c].normalizedRange
                while let last = range.last, ";.,".unicodeScalars.contains(text.scalars[last]) || text.scalars[last] == " " {
                    range = range.lowerBound..<last
                }
                guard !range.isEmpty else { continue }
                result.append((statement(range, segment: c), c))
            }
        }
        return result
    }

    // MARK: References

    /// Every cited instrument, in reading order.
    func references(types: [[String]], typeNames: [String]) -> [LegalReference] {
        var result: [LegalReference] = []
        // The types as spellings of this document, longest first (the order of `types`), and
        // which spellings start one, so most tokens are passed over after one look-up.
        let typePhrases = types.map(phrase)
        // The first spelling of each type (-1 for one this document does not spell), so that a
        // token that starts one is matched only against the types it can start: asking every
        // type of every such token copied the type's phrase out of its optional each time.
        let typeFirsts = typePhrases.map { $0?.first ?? -1 }
        var startsType = [Bool](repeating: false, count: spellings.count)
        for first in typeFirsts where first >= 0 { startsType[Int(first)] = true }
        let period = phrase(["giai", "đoạn"])
        // "số" and "ngày" by spelling: comparing keys with them went to the slow string
        // comparison for nearly every type (their keys are not ASCII and rarely equal).
        let number = spelling(of: "số"), day = spelling(of: "ngày")
        for s in segments.indices {
            let list = tokens[s].tokens
            guard let ids = spellings.ids[safe: s] else { continue }
            let end = min(list.count, ids.count)
            var i = Self.firstFlagged(ids, startsType, from: 0, below: end)
            while i < end {
                let id = ids[i]
                var found: Int?
                for t in typeFirsts.indices where typeFirsts[t] == id && matches(s, i, typePhrases[t]) {
                    found = t
                    break
                }
                guard let t = found else {
                    i = Self.firstFlagged(ids, startsType, from: i + 1, below: end)
                    continue
                }
                let typeName = typeNames[t]
                var j = i + types[t].count
                if let number, spelling(s, j) == number { j += 1 }
                let limit = segments[s].normalizedRange.upperBound
                if let token = list[safe: j], token.kind != .word,
                   let (symbol, symbolEnd) = DocumentSymbol.scan(text.scalars, from: token.range.lowerBound, limit: limit) {
                    var end = symbolEnd
                    var next = j
                    while next < list.count, list[next].range.lowerBound < symbolEnd { next += 1 }
                    var dateText = ""
                    if let day, spelling(s, next) == day, let d = date(s, next + 1), let m = d.month, let y = d.year,
                       let iso = ISODate.make(year: y, month: m, day: d.day) {
                        dateText = iso
                        end = list[d.next - 1].range.upperBound
                    }
                    let range = list[i].range.lowerBound..<end
                    result.append(LegalReference(type: typeName, key: symbol, date: dateText, quote: text.quote(range),
                                                 segmentPath: segments[s].path, sourceRange: text.originalRange(range)))
                    i = next
                    continue
                }
                // Asked only of a type without a symbol (most have one); an ASCII capital is
                // told without the scalar's properties (each type starts with an ASCII letter).
                let capital = DocumentSymbol.isUpper(text.scalars[list[i].range.lowerBound])
                if capital, typeName == "Luật", let named = namedLaw(s, from: i + 1) {
                    let range = list[i].range.lowerBound..<list[named.end - 1].range.upperBound
                    result.append(LegalReference(type: typeName, key: "Luật " + named.name.prefix(1).uppercased() + named.name.dropFirst(), date: "", quote: text.quote(range),
                                                 segmentPath: segments[s].path, sourceRange: text.originalRange(range)))
                    i = named.end
                    continue
                }
                if capital, typeName == "Chương trình", let programme = programme(s, from: i + 2, period: period) {
                    let range = list[i].range.lowerBound..<list[programme.end - 1].range.upperBound
                    result.append(LegalReference(type: typeName, key: "Chương trình " + programme.name, date: "", quote: text.quote(range),
                                                 segmentPath: segments[s].path, sourceRange: text.originalRange(range)))
                    i = programme.end
                    continue
                }
                i += 1
            }
        }
        return result
    }

    /// The first index from `start` below `end` (at most `ids.count`) whose spelling is set in
    /// `flags`, or `end`: the tokens are passed over through pointers, as most start nothing
    /// (indexing the arrays token by token was most of finding references).
    private static func firstFlagged(_ ids: [Int32], _ flags: [Bool], from start: Int, below end: Int) -> Int {
        ids.withUnsafeBufferPointer { ids in
            flags.withUnsafeBufferPointer { flags in
                let end = min(end, ids.count)
                var i = max(start, 0)
                while i < end {
                    let id = UInt(bitPattern: Int(ids[i]))
                    if id < UInt(flags.count), flags[Int(id)] { return i }
                    i += 1
                }
                return end
            }
        }
    }

    private static let nameStops: Set<String> = ["cho", "của", "về", "và", "để", "trong", "tại", "với", "đến", "năm", "ngày", "số", "đã", "được", "nhằm", "theo", "thì", "là", "có", "đối"]

    /// "Luật Trẻ em" -> ("trẻ em", end): up to six plain words after "Luật", on one run of text,
    /// in lower case (so that "Luật trẻ em" is the same law); the key capitalises its first
    /// letter, as law names are written ("Luật Trẻ em", "Luật Giao thông đường bộ").
    private func namedLaw(_ s: Int, from i: Int) -> (name: String, end: Int)? {
        let list = tokens[s].tokens
        var j = i
        var words: [String] = []
        while j < list.count, words.count < 6, list[j].kind == .word, list[j].sentence == list[i - 1].sentence {
            let gap = list[j - 1].range.upperBound..<list[j].range.lowerBound
            guard gap.count == 1, text.scalars[gap.lowerBound] == " " else { break }
            let word = key(s, j)
            if Self.nameStops.contains(word) { break }
            words.append(word)
            j += 1
        }
        guard !words.isEmpty else { return nil }
        return (words.joined(separator: " "), j)
    }

    /// "Chương trình ... giai đoạn 2011 - 2015" -> ("bảo vệ trẻ em 2011-2015", end), where
    /// `period` is the phrase "giai đoạn".
    private func programme(_ s: Int, from i: Int, period: [Int32]?) -> (name: String, end: Int)? {
        let list = tokens[s].tokens
        guard let start = list[safe: i - 2] else { return nil }
        // Only a token spelt as the phrase's first word is matched against it.
        let first = period?.first ?? -1
        let ids = spellings.ids[safe: s] ?? []
        var j = i
        while j < list.count, j - i < 15, list[j].sentence == start.sentence {
            if ids[safe: j] == first, matches(s, j, period) {
                var years: [String] = []
                for k in (j + 2)..<min(j + 4, list.count) {
                    Self.appendYears(of: key(s, k), to: &years)
                }
                guard years.count >= 2 else { return nil }
                let end = Self.containsHyphen(key(s, j + 2)) ? j + 3 : j + 4
                // The keys of the words before "giai đoạn", joined by spaces as bytes: one
                // string for the name, not one per word, a joined one and one per removal.
                var joined: [UInt8] = []
                for k in i..<j {
                    if k > i { joined.append(UInt8(ascii: " ")) }
                    joined += key(s, k).utf8
                }
                let name = String(decoding: Self.removingAll(Self.removingAll(joined, Self.nationalWords), Self.aboutWord), as: UTF8.self)
                return ("\(name) \(years[0])-\(years[1])", end)
            }
            j += 1
        }
        return nil
    }

    /// Appends the parts of `key` between "-" that are four characters and an `Int`, as
    /// `key.split(separator: "-")` filtered by `part.count == 4 && Int(part) != nil` finds them.
    ///
    /// An ASCII key, as every year is, is read on its bytes, where "-" is a character of its
    /// own and such a part is four digits or "+" and three (splitting by Characters, counting
    /// them and `Int` of a substring were most of reading a programme); any other key by
    /// Characters, as a "-" followed by a combining mark is not a "-".
    static func appendYears(of key: String, to years: inout [String]) {
        var utf8 = key
        let ascii = utf8.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "-") {
                let part = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if part.count == 4, part.dropFirst().allSatisfy(isDigit), isDigit(part[0]) || part[0] == UInt8(ascii: "+") {
                    years.append(String(decoding: part, as: UTF8.self))
                }
                start = end + 1
            }
            return true
        }
        guard !ascii else { return }
        for part in key.split(separator: "-") where part.count == 4 && Int(part) != nil {
            years.append(String(part))
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// `key.contains("-")`, with Foundation's search asked only when a "-" byte is there but
    /// none stands between ASCII bytes or the ends (no scalar decomposes to "-", so without
    /// the byte there is none; one between ASCII scalars is a character of its own).
    static func containsHyphen(_ key: String) -> Bool {
        let utf8 = key.utf8
        var previousIsASCII = true
        var sawHyphen = false
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == UInt8(ascii: "-") {
                if previousIsASCII, next == utf8.endIndex || utf8[next] < 0x80 { return true }
                sawHyphen = true
            }
            previousIsASCII = byte < 0x80
            index = next
        }
        return sawHyphen && key.contains("-")
    }

    private static let nationalWords = Array("quốc gia ".utf8), aboutWord = Array("về ".utf8)

    /// The UTF-8 of a name without any occurrence of `pattern`, found from the left without
    /// overlaps, as Foundation's `replacingOccurrences(of:with: "")` finds them in a name made
    /// of NFC syllables and spaces, at a hundredth of the cost.
    static func removingAll(_ utf8: [UInt8], _ pattern: [UInt8]) -> [UInt8] {
        guard !pattern.isEmpty, utf8.count >= pattern.count else { return utf8 }
        var kept: [UInt8] = []
        kept.reserveCapacity(utf8.count)
        var i = 0
        while i < utf8.count {
            if i + pattern.count <= utf8.count, utf8[i..<i + pattern.count].elementsEqual(pattern) {
                i += pattern.count
            } else {
                kept.append(utf8[i])
                i += 1
            }
        }
        return kept
    }

    // MARK: Deadlines

    /// "trước ngày ..." (due), "vào (các) ngày ... và ..." (reporting dates or events).
    func deadlines() -> [Deadline] {
        var result: [Deadline] = []
        let due = phrase(["trước", "ngày"]), reportingDates = phrase(["vào", "các", "ngày"]), event = phrase(["vào", "ngày"])
        // The spellings the phrases start with ("trước", "vào"; -1, no spelling, for a phrase
        // this document does not spell, which matches nowhere), compared with each token's
        // spelling as two integers rather than looked up in a list.
        let dueOpener = due?.first ?? -1, otherOpener = reportingDates?.first ?? event?.first ?? -1
        guard dueOpener >= 0 || otherOpener >= 0 else { return [] }
        for s in segments.indices {
            guard let ids = spellings.ids[safe: s] else { continue }
            let list = tokens[s].tokens
            // The openers, found through a pointer one after another (most segments have none),
            // not gathered into an array first.
            var i = -1
            while case let next = Self.firstIndex(of: dueOpener, or: otherOpener, in: ids, from: i + 1), next < ids.count {
                i = next
                guard i < list.count else { continue }
                var kind: Deadline.Kind
                var j: Int
                if matches(s, i, due) {
                    kind = .due
                    j = i + 2
                } else if matches(s, i, reportingDates) {
                    kind = .reportingDate
                    j = i + 3
                } else if matches(s, i, event) {
                    kind = .event
                    j = i + 2
                } else {
                    continue
                }
                // The sentence's tokens, which are consecutive (the tokeniser numbers sentences
                // in reading order), found around the opener rather than by filtering every
                // token of the segment.
                let sentence = list[i].sentence
                var lower = i, upper = i + 1
                while lower > 0, list[lower - 1].sentence == sentence { lower -= 1 }
                while upper < list.count, list[upper].sentence == sentence { upper += 1 }
                if kind != .due { kind = keys(s, lower..<upper, contain: "báo", "cáo") ? .reportingDate : .event }
                let sentenceRange = tokens[s].sentences[sentence]
                // A list of dates joined by "và" or commas ("28, 29/5/2021", "28/5 và 29/5/2020"):
                // a day without its month takes the next date's month and year, and a day of the
                // same month as the next date without a year takes its year.
                var days: [(day: Int, month: Int?, year: Int?)] = []
                while let d = date(s, j), j < upper {
                    days.append((d.day, d.month, d.year))
                    j = d.next
                    if key(s, j) == "và" {
                        j += 1
                    } else if d.month == nil, j < upper, date(s, j) != nil {
                        continue
                    } else {
                        break
                    }
                }
                var nextMonth: Int?, nextYear: Int?
                for k in days.indices.reversed() {
                    if days[k].month == nil {
                        days[k].month = nextMonth
                        days[k].year = days[k].year ?? nextYear
                    } else if days[k].year == nil, days[k].month == nextMonth {
                        days[k].year = nextYear
                    }
                    (nextMonth, nextYear) = (days[k].month, days[k].year)
                }
                for d in days {
                    guard let m = d.month else { continue }
                    // A day that its year lacks (29/02/2019) is a slip of the text, not a day of any year.
                    let iso = if let year = d.year { ISODate.make(year: year, month: m, day: d.day) } else { ISODate.monthDay(month: m, day: d.day) }
                    if let iso {
                        result.append(Deadline(kind: kind, date: iso, quote: quotesMentions ? text.quote(sentenceRange) : "", segmentPath: segments[s].path,
                                               sourceRange: text.originalRange(sentenceRange)))
                    }
                }
            }
        }
        return result
    }

    // MARK: Actors

    /// Agencies named in the body, longest match first, each marked tasked or merely mentioned
    /// by ``TaskRule``.
    func actors(_ table: ActorTable) -> [ActorMention] {
        var result: [ActorMention] = []
        var matching = table.matcher.documentState(spellings, folded: folded)
        var ordered: [PhraseMatcher.Match] = []
        let rule = TaskRule(table.taskWords, word: spelling(of:))
        // One buffer of flags for every segment, as for the matches.
        var tasked: [Bool] = []
        for s in segments.indices {
            let list = tokens[s].tokens, ids = spellings.ids[s]
            // Leftmost-longest, non-overlapping (the coder's rule), in one buffer for every segment.
            ordered.removeAll(keepingCapacity: true)
            ordered += table.matcher.matches(tokens: list, spellings: ids, state: &matching)
            // A mention holds no more commas than its agency's wording: "của tỉnh, UBND các huyện"
            // names no "Tỉnh ủy", though the matcher, which lets a codebook phrase span commas,
            // reads "tỉnh ủy" there; "Các sở, ban, ngành" keeps its two.
            ordered.removeAll { match in
                match.tokens.dropFirst().reduce(0) { count, t in
                    count + text.scalars[list[t - 1].range.upperBound..<list[t].range.lowerBound].count { $0 == "," }
                } > table.commas[match.pattern]
            }
            Coder.keepLongestNonOverlapping(&ordered)
            rule.mark(ordered, tokens: list, ids: ids, scalars: text.scalars, into: &tasked)
            for (m, match) in ordered.enumerated() {
                let entry = table.entries[table.owner[match.pattern]]
                let start = match.tokens.lowerBound
                let range = list[start].range.lowerBound..<list[match.tokens.upperBound - 1].range.upperBound
                result.append(ActorMention(id: entry.id, name: entry.name, nameEnglish: entry.nameEnglish, tasked: tasked[safe: m] ?? false,
                                           quote: quotesMentions ? text.quote(range) : "", segmentPath: segments[s].path,
                                           sourceRange: text.originalRange(range)))
            }
        }
        return result
    }
}
