/// N-gram frequencies of one text or a group of texts, kept apart from any statistic.
///
/// Counting is the expensive step and grouping changes with the question (a year, a province,
/// all national letters), so documents are counted once and merged with `+`; keyness then
/// reads the merged counts (the quanteda split of `dfm` from `textstat_keyness`).
///
/// **Terms.** A term is 1 to `maxN` consecutive tokens of one sentence joined with single
/// spaces ("trẻ em", "dân tộc thiểu số"). Terms never cross a sentence. A candidate is skipped
/// when its first or last token is a stop syllable or a number, because "của trẻ em" or
/// "trẻ em năm" add nothing to "trẻ em"; inside a term both are kept ("thương binh và xã hội").
/// A token with no letter and no digit (punctuation) ends the phrase: it is dropped and splits
/// the sentence, so no term spans a comma and it does not inflate the totals.
///
/// **Totals.** `total(n:)` is the number of n-gram positions in the counted text: for every
/// sentence piece of length L, `max(0, L - n + 1)`, including the positions skipped because of
/// stop syllables or numbers. For n = 1 that is the token count, the usual corpus size of
/// keyness tools: stop syllables are part of the running text even though they are not
/// reported, and one denominator per size keeps every term's relative frequency on the same
/// footing in target and reference.
///
/// Merge only counts made with the same `maxN` and stop list; otherwise the totals of the
/// larger sizes describe fewer texts than the smaller ones.
public struct TermCounts: Sendable, Hashable {
    /// Frequency of each term, keyed first by n-gram size. Terms are keyed by their bytes:
    /// tokens come from the normaliser, so they are NFC already.
    private(set) var frequencies: [Int: [ExactText: Int]]
    /// Number of n-gram positions counted, by n-gram size.
    public private(set) var totals: [Int: Int]

    /// Empty counts: the identity of `+`, for folding documents into a group.
    public init() {
        frequencies = [:]
        totals = [:]
    }

    init(frequencies: [Int: [ExactText: Int]], totals: [Int: Int]) {
        self.frequencies = frequencies
        self.totals = totals
    }

    /// Counts the terms of `sentences` (each a list of normalised syllable tokens).
    ///
    /// - Parameters:
    ///   - maxN: largest n-gram size counted; sizes 1...maxN are counted (none when below 1).
    ///   - stopList: syllables that may not start or end a term.
    public static func count(sentences: [[String]], maxN: Int = 3, stopList: Set<String>) -> TermCounts {
        var result = TermCounts()
        guard maxN >= 1 else { return result }
        let stops = Set(stopList.map(ExactText.init))
        for sentence in sentences {
            for piece in phrasePieces(of: sentence) {
                result.countPiece(piece, maxN: maxN, stopList: stops)
            }
        }
        return result
    }

    /// Frequency of `term`; its size is read from its spaces.
    public func frequency(of term: String) -> Int {
        let n = term.utf8.reduce(1) { $1 == UInt8(ascii: " ") ? $0 + 1 : $0 }
        return frequencies[n]?[ExactText(term)] ?? 0
    }

    /// Number of n-gram positions of size `n` (0 when that size was not counted or no
    /// sentence is that long).
    public func total(n: Int) -> Int {
        totals[n] ?? 0
    }

    /// Adds the counts of `other`, as if both texts had been counted together.
    public mutating func add(_ other: TermCounts) {
        for (n, total) in other.totals {
            totals[n, default: 0] += total
        }
        for (n, terms) in other.frequencies {
            // Counts of a size these have none of are taken as they are, not hashed in one by
            // one (a corpus's sum starts empty and takes its first year's terms whole).
            guard frequencies[n]?.isEmpty == false else {
                frequencies[n] = terms
                continue
            }
            frequencies[n, default: [:]].merge(terms, uniquingKeysWith: +)
        }
    }

    /// The counts of both texts together.
    public static func + (lhs: TermCounts, rhs: TermCounts) -> TermCounts {
        var sum = lhs
        sum.add(rhs)
        return sum
    }

    private mutating func countPiece(_ piece: ArraySlice<String>, maxN: Int, stopList: Set<ExactText>) {
        let tokens = Array(piece)
        guard !tokens.isEmpty else { return }
        for n in 1...min(maxN, tokens.count) {
            totals[n, default: 0] += tokens.count - n + 1
        }
        let isEdge = tokens.map { stopList.contains(ExactText($0)) || !Self.hasLetter($0) }
        for start in tokens.indices where !isEdge[start] {
            var term = tokens[start]
            var end = start
            while true {
                if !isEdge[end] {
                    frequencies[end - start + 1, default: [:]][ExactText(term), default: 0] += 1
                }
                end += 1
                guard end - start < maxN, end < tokens.count else { break }
                term += " " + tokens[end]
            }
        }
    }

    /// The runs of `sentence` between punctuation-only tokens.
    private static func phrasePieces(of sentence: [String]) -> [ArraySlice<String>] {
        sentence.split(whereSeparator: isPunctuation)
    }

    static func isPunctuation(_ token: String) -> Bool {
        !token.unicodeScalars.contains { scalar in
            scalar.isASCII ? (0x30...0x39).contains(scalar.value) || VietnameseNormalizer.isASCIILetter(scalar.value)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    static func hasLetter(_ token: String) -> Bool {
        token.unicodeScalars.contains { scalar in
            scalar.isASCII ? VietnameseNormalizer.isASCIILetter(scalar.value) : scalar.properties.isAlphabetic
        }
    }

    /// Whether the UTF-8 `utf8` holds an ASCII letter: a text that does is not punctuation
    /// (``isPunctuation(_:)``) and has a letter (``hasLetter(_:)``), as no byte of another
    /// scalar's UTF-8 is an ASCII one.
    static func hasASCIILetter(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        utf8.contains { VietnameseNormalizer.isASCIILetter(UInt32($0)) }
    }
}
