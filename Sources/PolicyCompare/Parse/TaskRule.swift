/// Decides which of a segment's agency mentions are given a task, from the words around them:
/// the phrases of `Resources/task-words.tsv` (``Words``) and the few words of the rule's own
/// grammar (``words``).
///
/// Made once per document: its words become the document's spellings, so that a segment's
/// mentions are judged by comparing integers, as the extractor reads every phrase (a word
/// that no token spells makes its phrases match nowhere).
struct TaskRule {
    /// Single words the rule reads: "các" before an agency, a time phrase's, a list's.
    private static let words = ["các", "trong", "năm", "tháng", "và", "của", "cấp", "đoàn", "thể", "tỉnh", "huyện", "xã", "do"]

    /// Every word of the tables end to end (``Words``), as this document spells it (-1 where
    /// no token spells it, which no token's spelling equals, so its phrases match nowhere).
    private let spelled: [Int32]
    /// The spellings of ``words``.
    private let các: Int32, trong: Int32, năm: Int32, tháng: Int32
    private let và: Int32, của: Int32, cấp: Int32, đoàn: Int32, thể: Int32, tỉnh: Int32, huyện: Int32, xã: Int32, `do`: Int32

    /// The phrases of `task-words.tsv` by role, and the rule's own words, end to end, each
    /// phrase a range of them.
    ///
    /// Made once, when the table is loaded: a document looks each distinct word up once, into
    /// one array (every phrase looked up into an array of its own, some words three times, cost
    /// a document some 30,000 instructions, more than judging all its mentions).
    struct Words: Sendable {
        private(set) var words: [String] = []
        /// Per word: the index of its first occurrence, whose spelling it shares.
        private(set) var firsts: [Int] = []
        /// Words after which an agency is given a task: "Giao Sở …", "phối hợp (chặt chẽ) với
        /// Sở …", "đề nghị với cấp ủy Đảng chỉ đạo …", "ủy quyền cho Giám đốc Sở … báo cáo".
        private(set) var triggers: [Range<Int>] = []
        /// Titles of an agency's head: a task given to the head ("đề nghị Giám đốc (Thủ
        /// trưởng) các sở", "ủy quyền cho Giám đốc Sở") is the agency's.
        private(set) var titles: [Range<Int>] = []
        /// Verbs by which the agency heading a segment asks others for a task, and so is not
        /// given one: "Bộ Lao động - Thương binh và Xã hội đề nghị Ủy ban nhân dân các tỉnh…".
        /// Not "chỉ đạo", "phối hợp", "chủ trì": an agency heading a segment that directs,
        /// joins or leads is given that task ("Sở Y tế chỉ đạo các Trạm Y tế xã tổ chức…").
        private(set) var requests: [Range<Int>] = []
        /// Verbs by which an agency after "do" ("by") is given the task of directing or
        /// leading: "Diễn đàn cấp huyện: do UBND cấp huyện chỉ đạo Phòng Lao động … chủ trì".
        /// Only such verbs: "do" is also "because" ("do UBND xã chưa quan tâm").
        private(set) var performed: [Range<Int>] = []
        /// Per entry of ``TaskRule/words``: its index.
        private(set) var singles: [Int] = []

        /// The table's rows, `role<TAB>phrase`; rows of another role are ignored.
        init(rows: [[String]]) {
            func phrases(_ role: String) -> [[String]] {
                rows.filter { $0.first == role && $0.count >= 2 }.map { row in
                    row[1].precomposedStringWithCanonicalMapping.lowercased().split(separator: " ").map(String.init)
                }.filter { !$0.isEmpty }
            }
            triggers = append(phrases("trigger"))
            titles = append(phrases("title"))
            requests = append(phrases("request"))
            performed = append(phrases("performer"))
            singles = append(TaskRule.words.map { [$0] }).map(\.lowerBound)
        }

        /// The bundled table.
        static func bundled() throws(ResourceError) -> Words {
            Words(rows: try BundledResource.tsvRows("task-words.tsv"))
        }

        private mutating func append(_ phrases: [[String]]) -> [Range<Int>] {
            phrases.map { phrase in
                let start = words.count
                for word in phrase {
                    firsts.append(words.firstIndex(of: word) ?? words.count)
                    words.append(word)
                }
                return start..<words.count
            }
        }
    }

    private let layout: Words

    /// `word` gives the document's spelling of a word, nil when no token spells it.
    init(_ layout: Words, word: (String) -> Int32?) {
        self.layout = layout
        var spelled: [Int32] = []
        spelled.reserveCapacity(layout.words.count)
        for (k, text) in layout.words.enumerated() {
            let first = layout.firsts[safe: k] ?? k
            spelled.append(first < k ? spelled[safe: first] ?? -1 : word(text) ?? -1)
        }
        self.spelled = spelled
        // The spellings of ``words``, in its order.
        func single(_ k: Int) -> Int32 { layout.singles[safe: k].flatMap { spelled[safe: $0] } ?? -1 }
        (các, trong, năm, tháng) = (single(0), single(1), single(2), single(3))
        (và, của, cấp, đoàn, thể) = (single(4), single(5), single(6), single(7), single(8))
        (tỉnh, huyện, xã, `do`) = (single(9), single(10), single(11), single(12))
    }

    /// The phrase at `range` of the tables, as this document spells it.
    private func phrase(_ range: Range<Int>) -> ArraySlice<Int32> {
        spelled[range.clamped(to: spelled.indices)]
    }

    /// The first of `phrases` that ends at token `end`, within one sentence.
    private func phrase(among phrases: [Range<Int>], endingAt end: Int, tokens: [Token], ids: [Int32]) -> Range<Int>? {
        guard let id = ids[safe: end] else { return nil }
        return phrases.first { range in
            spelled[safe: range.upperBound - 1] == id && FactExtractor.spells(phrase(range), at: end - range.count + 1, ids: ids, tokens: tokens)
        }
    }

    /// Sets `tasked` to one flag for each of a segment's `mentions` (ordered by start, not
    /// overlapping), given the segment's `tokens`, their spellings `ids`, and the normalised
    /// `scalars` they index.
    ///
    /// A mention is tasked when it heads the segment, follows a trigger, or is listed with the
    /// tasked mention before it (``joins(_:_:in:)``): "Đề nghị các sở, ban, ngành, Ủy ban nhân
    /// dân các huyện" tasks both; each mention is compared with the one before only, so a
    /// segment is read once. The agencies heading the segment are not tasked when they ask
    /// others (``verb(among:after:in:)`` of ``Words/requests``): they are the ones giving the
    /// task. An agency after "do" that directs or leads (``Words/performed``) is tasked too.
    func mark(_ mentions: [PhraseMatcher.Match], tokens: [Token], ids: [Int32], scalars: [Unicode.Scalar], into tasked: inout [Bool]) {
        tasked.removeAll(keepingCapacity: true)
        // Most segments name no agency.
        guard !mentions.isEmpty else { return }
        let segment = SegmentTokens(tokens: tokens, ids: ids, scalars: scalars)
        var listing = false
        // Whether every mention so far is in the list that heads the segment.
        var heading = false
        var previousEnd = 0
        for mention in mentions {
            let start = mention.tokens.lowerBound
            let heads = start == 0
            let triggered = !heads && followsTrigger(start, tokens: tokens, ids: ids)
            let listed = !heads && !triggered && listing && joins(previousEnd, start, in: segment)
            let performs = !heads && !triggered && !listed && ids[safe: start - 1] == `do` && segment.gap(before: start) == .space
                && verb(among: layout.performed, after: mention.tokens.upperBound, in: segment)
            var isTasked = heads || triggered || listed || performs
            heading = heads || heading && listed
            if heading, verb(among: layout.requests, after: mention.tokens.upperBound, in: segment) {
                // "Bộ Lao động - Thương binh và Xã hội đề nghị …": the heading list, every
                // mention so far, is the one asking.
                for k in tasked.indices { tasked[k] = false }
                isTasked = false
                heading = false
            }
            tasked.append(isTasked)
            listing = isTasked
            previousEnd = mention.tokens.upperBound
        }
    }

    /// Whether one of the `verbs` follows the agency ending before token `end`, after its
    /// place or level at most ("Ủy ban nhân dân tỉnh Kiên Giang đề nghị", "UBND cấp huyện chỉ
    /// đạo"), with only spaces between: after a colon ("Sở Y tế: Đề nghị…") the agency is the
    /// one addressed.
    private func verb(among verbs: [Range<Int>], after end: Int, in segment: SegmentTokens) -> Bool {
        var t = end
        while segment.gap(before: t) == .space {
            if verbs.contains(where: { FactExtractor.spells(phrase($0), at: t, ids: segment.ids, tokens: segment.tokens) }) { return true }
            guard let next = qualifier(at: t, in: segment) else { return false }
            t = next
        }
        return false
    }

    /// A segment's tokens, their spellings and the scalars they index.
    private struct SegmentTokens {
        let tokens: [Token]
        let ids: [Int32]
        let scalars: [Unicode.Scalar]

        enum Gap { case space, list, other }

        /// What stands between token `t - 1` and token `t`: spaces only, spaces and at least
        /// one "," or ";" (a list's separators), or anything else (a full stop, a colon, a
        /// bracket); nil outside the tokens.
        func gap(before t: Int) -> Gap? {
            guard let left = tokens[safe: t - 1], let right = tokens[safe: t],
                  left.range.upperBound <= right.range.lowerBound, right.range.lowerBound <= scalars.count else { return nil }
            var gap = Gap.space
            for scalar in scalars[left.range.upperBound..<right.range.lowerBound] {
                if scalar == " " {
                    continue
                } else if scalar == "," || scalar == ";" {
                    gap = .list
                } else if !scalar.properties.isWhitespace {
                    return .other
                }
            }
            return gap
        }

        /// Whether token `t` is a capitalised word, as a place's name is ("Kiên Giang").
        func isCapitalised(_ t: Int) -> Bool {
            guard let token = tokens[safe: t], token.kind == .word, let first = scalars[safe: token.range.lowerBound] else { return false }
            return DocumentSymbol.isUpper(first)
        }
    }

    /// The token after the words naming where or at what level the agency ending before token
    /// `t` works, at `t`: "của tỉnh", "cấp tỉnh", "tỉnh" (or "huyện", "xã"), or a capitalised
    /// word of a place's name ("Kiên Giang"); nil when none stands there.
    private func qualifier(at t: Int, in segment: SegmentTokens) -> Int? {
        guard let id = segment.ids[safe: t] else { return nil }
        if id == tỉnh || id == huyện || id == xã || segment.isCapitalised(t) { return t + 1 }
        guard id == của || id == cấp, let level = segment.ids[safe: t + 1], level == tỉnh || level == huyện || level == xã,
              segment.gap(before: t + 1) == .space else { return nil }
        return t + 2
    }

    /// Whether the agency ending before token `end` and the one starting at token `start` are
    /// listed together: between them nothing but list separators ("," ";" "và"), "các" before
    /// the next agency, words naming the previous one's place or level (``qualifier(at:in:)``),
    /// and "đoàn thể" (the mass organisations, which plans list with the departments, "các sở,
    /// ban, ngành, đoàn thể cấp tỉnh", and the table knows only as "các đoàn thể"). Any other
    /// word, or a full stop, colon or bracket, ends the list: "Giao Sở Y tế tổ chức hội nghị,
    /// mời Sở Giáo dục" tasks the first only.
    private func joins(_ end: Int, _ start: Int, in segment: SegmentTokens) -> Bool {
        var t = end
        // A separator since the last agency (or "đoàn thể"): a place or level may follow an
        // agency only before one, "các" and the next agency only after one.
        var separated = false
        while t <= start {
            switch segment.gap(before: t) {
            case .space?: break
            case .list?: separated = true
            case .other?, nil: return false
            }
            if t == start { return separated }
            guard let id = segment.ids[safe: t] else { return false }
            if id == và {
                separated = true
                t += 1
            } else if separated, id == các {
                t += 1
            } else if separated, id == đoàn, segment.ids[safe: t + 1] == thể, segment.gap(before: t + 1) == .space {
                separated = false
                t += 2
            } else if !separated, let next = qualifier(at: t, in: segment) {
                t = next
            } else {
                return false
            }
        }
        return false
    }

    /// Whether a trigger ends before token `start`, with between them at most, in this order,
    /// a time phrase ("trong năm 2014"), one or two titles ("Giám đốc (Thủ trưởng)") and "các".
    private func followsTrigger(_ start: Int, tokens: [Token], ids: [Int32]) -> Bool {
        var end = start - 1
        if ids[safe: end] == các { end -= 1 }
        for _ in 0..<2 {
            guard let title = phrase(among: layout.titles, endingAt: end, tokens: tokens, ids: ids) else { break }
            end -= title.count
        }
        end = beforeTime(end, tokens: tokens, ids: ids)
        return phrase(among: layout.triggers, endingAt: end, tokens: tokens, ids: ids) != nil
    }

    /// The token before a time phrase that ends at `end`: "trong năm" or "trong tháng", with or
    /// without a number after it ("trong năm 2014", "trong tháng 6"); `end` when none ends there.
    /// Only these: a longer phrase ("trong thời gian tới") is other words, and leaves the
    /// agency after it merely mentioned.
    private func beforeTime(_ end: Int, tokens: [Token], ids: [Int32]) -> Int {
        let unit = tokens[safe: end]?.kind == .number ? end - 1 : end
        guard let id = ids[safe: unit], id == năm || id == tháng, ids[safe: unit - 1] == trong else { return end }
        return unit - 2
    }
}
