/// Decides which of a segment's agency mentions are given a task, from the words around them.
///
/// Made once per document: its words become the document's spellings, so that a segment's
/// mentions are judged by comparing integers, as the extractor reads every phrase (a word
/// that no token spells makes its phrases match nowhere).
struct TaskRule {
    /// Words after which an agency is given a task: "Giao Sở …", "phối hợp với Sở …",
    /// "đề nghị với cấp ủy Đảng chỉ đạo …", "ủy quyền cho Giám đốc Sở … báo cáo".
    static let triggers: [[String]] = [["đề", "nghị"], ["giao"], ["chỉ", "đạo"], ["phối", "hợp", "với"], ["phối", "hợp"], ["chủ", "trì"],
                                       ["riêng", "đối", "với"], ["giao", "cho"], ["đề", "nghị", "với"], ["yêu", "cầu"], ["ủy", "quyền", "cho"]]
    /// Titles of an agency's head: a task given to the head ("đề nghị Giám đốc (Thủ trưởng)
    /// các sở", "ủy quyền cho Giám đốc Sở") is the agency's.
    static let titles: [[String]] = [["giám", "đốc"], ["chủ", "tịch"], ["thủ", "trưởng"]]

    private let triggers: [[Int32]]
    /// The triggers' last words: a mention after none of them (most are) is passed over
    /// without matching a trigger.
    private let lasts: [Int32]
    private let titles: [[Int32]]
    private let titleLasts: [Int32]
    /// The spellings of single words the rule reads (-1 where no token spells one, which
    /// no token's spelling equals).
    private let các: Int32, trong: Int32, năm: Int32, tháng: Int32

    /// `phrase` gives the document's spellings of words, nil when a word is spelt by no token.
    init(phrase: ([String]) -> [Int32]?) {
        triggers = Self.triggers.compactMap(phrase)
        lasts = triggers.compactMap(\.last)
        titles = Self.titles.compactMap(phrase)
        titleLasts = titles.compactMap(\.last)
        func word(_ word: String) -> Int32 { phrase([word])?.first ?? -1 }
        (các, trong, năm, tháng) = (word("các"), word("trong"), word("năm"), word("tháng"))
    }

    /// Sets `tasked` to one flag for each of a segment's `mentions` (ordered by start, not
    /// overlapping), given the segment's `tokens` and their spellings `ids`.
    func mark(_ mentions: [PhraseMatcher.Match], tokens: [Token], ids: [Int32], into tasked: inout [Bool]) {
        tasked.removeAll(keepingCapacity: true)
        for mention in mentions {
            let start = mention.tokens.lowerBound
            tasked.append(start == 0 || followsTrigger(start, tokens: tokens, ids: ids))
        }
    }

    /// Whether a trigger ends before token `start`, with between them at most, in this order,
    /// a time phrase ("trong năm 2014"), one or two titles ("Giám đốc (Thủ trưởng)") and "các".
    private func followsTrigger(_ start: Int, tokens: [Token], ids: [Int32]) -> Bool {
        var end = start - 1
        if ids[safe: end] == các { end -= 1 }
        for _ in 0..<2 {
            guard let last = ids[safe: end], titleLasts.contains(last),
                  let title = titles.first(where: { FactExtractor.spells($0, at: end - $0.count + 1, ids: ids, tokens: tokens) })
            else { break }
            end -= title.count
        }
        end = beforeTime(end, tokens: tokens, ids: ids)
        guard let last = ids[safe: end], lasts.contains(last) else { return false }
        return triggers.contains { FactExtractor.spells($0, at: end - $0.count + 1, ids: ids, tokens: tokens) }
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
