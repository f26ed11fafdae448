/// Decides which of a segment's agency mentions are given a task, from the words around them.
///
/// Made once per document: its words become the document's spellings, so that a segment's
/// mentions are judged by comparing integers, as the extractor reads every phrase (a word
/// that no token spells makes its phrases match nowhere).
struct TaskRule {
    /// Words after which an agency is given a task: "Giao Sở …", "phối hợp với Sở …".
    static let triggers: [[String]] = [["đề", "nghị"], ["giao"], ["chỉ", "đạo"], ["phối", "hợp", "với"], ["phối", "hợp"], ["chủ", "trì"],
                                       ["riêng", "đối", "với"], ["giao", "cho"]]

    private let triggers: [[Int32]]
    /// The triggers' last words: a mention after none of them (most are) is passed over
    /// without matching a trigger.
    private let lasts: [Int32]
    /// "các" (-1 where no token spells it).
    private let các: Int32

    /// `phrase` gives the document's spellings of words, nil when a word is spelt by no token.
    init(phrase: ([String]) -> [Int32]?) {
        triggers = Self.triggers.compactMap(phrase)
        lasts = triggers.compactMap(\.last)
        các = phrase(["các"])?.first ?? -1
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

    /// Whether a trigger ends just before token `start`, or one token earlier, before "các".
    private func followsTrigger(_ start: Int, tokens: [Token], ids: [Int32]) -> Bool {
        let before = (ids[safe: start - 1], ids[safe: start - 2])
        guard lasts.contains(where: { $0 == before.0 || $0 == before.1 }) else { return false }
        return triggers.contains { trigger in
            FactExtractor.spells(trigger, at: start - trigger.count, ids: ids, tokens: tokens)
                || FactExtractor.spells(trigger, at: start - trigger.count - 1, ids: ids, tokens: tokens) && before.0 == các
        }
    }
}
