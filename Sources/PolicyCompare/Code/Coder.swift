/// Applies a codebook to directives: the dictionary method, with documented counting rules.
///
/// Rules (also in the README):
/// 1. Only body and annex segments are coded (theme and slogans included); letter head,
///    addressees, title, recipients and signature never are.
/// 2. Phrases match whole syllables inside one sentence or clause (split at `. ; : ! ?` and
///    line ends); commas, quotes, brackets and dashes between words are skipped.
/// 3. A match is dropped when an exclusion in scope (the category's own, or a `*` row
///    exclusion for all or for this category) covers all its syllables.
/// 4. Within one category, overlapping matches count once: the longest (leftmost on ties).
/// 5. Matches of different categories may overlap; each counts for its own category.
public struct Coder: Sendable {
    public let codebook: Codebook
    private let matcher: PhraseMatcher
    /// Pattern index -> what it belongs to.
    private let owners: [Owner]
    /// Category ids and pattern texts, which codings refer to by index.
    private let labels: DocumentCoding.Labels
    /// Each category's place among the category ids in string order, for sorting matches.
    private let idRanks: [Int]

    private enum Owner: Sendable {
        case include(category: Int)
        /// Whether it applies to each category (by index); nil means all. A table, not a
        /// set: the coder tests it for every match in the scope of an exclusion, and hashing
        /// the category cost more than the rest of the test.
        case exclude(categories: [Bool]?)
    }

    public init(codebook: Codebook, abbreviations: Abbreviations) {
        self.codebook = codebook
        var patterns: [PhrasePattern] = []
        var owners: [Owner] = []
        let index = Dictionary(uniqueKeysWithValues: codebook.categories.enumerated().map { ($0.element.id, $0.offset) })
        for (c, category) in codebook.categories.enumerated() {
            for pattern in category.patterns {
                patterns.append(pattern)
                owners.append(.include(category: c))
            }
            for pattern in category.exclusions {
                patterns.append(pattern)
                owners.append(.exclude(categories: codebook.categories.indices.map { $0 == c }))
            }
        }
        for exclusion in codebook.globalExclusions {
            patterns.append(exclusion.pattern)
            let scope = Set(exclusion.scope.compactMap { index[$0] })
            owners.append(.exclude(categories: exclusion.scope.isEmpty ? nil : codebook.categories.indices.map(scope.contains)))
        }
        self.owners = owners
        matcher = PhraseMatcher(patterns: patterns, abbreviations: abbreviations)
        labels = DocumentCoding.Labels(categoryIDs: codebook.categories.map(\.id), patterns: patterns.map(\.text))
        var ranks = [Int](repeating: 0, count: codebook.categories.count)
        for (rank, c) in codebook.categories.indices.sorted(by: { codebook.categories[$0].id < codebook.categories[$1].id }).enumerated() {
            ranks[c] = rank
        }
        idRanks = ranks
    }

    public func code(_ directive: Directive) -> DocumentCoding {
        code(directive, source: SourceText(directive.text.original))
    }

    /// Codes `directive`, whose decoded source is `source` (the text its evidence quotes).
    func code(_ directive: Directive, source: SourceText) -> DocumentCoding {
        let categoryCount = codebook.categories.count
        var matchCounts = [Int](repeating: 0, count: categoryCount)
        var segmentsHit = [Int](repeating: 0, count: categoryCount)
        var coded: [DocumentCoding.Match] = []
        var segmentPaths: [String] = []
        var uncoded: [DocumentCoding.UncodedSegment] = []
        let text = directive.text
        let spellings = directive.spellings
        var matching = matcher.documentState(spellings, folded: directive.folded)
        // Each segment's matches with their categories, and its exclusions, in buffers kept from
        // segment to segment; `hit` lists the categories with matches, in order (most segments
        // have a few, and going through every category twice per segment cost more than the
        // matches did). One list for every category, read once per category hit: an array per
        // category, each grown from empty in every document, cost more in allocations than
        // the matching of the segments it served.
        var includes: [(category: Int, match: PhraseMatcher.Match)] = []
        var isHit = [Bool](repeating: false, count: categoryCount)
        var hit: [Int] = []
        var excludes: [(Range<Int>, [Bool]?)] = []
        var kept: [PhraseMatcher.Match] = []
        for (s, segment) in directive.segments.enumerated() {
            let output = directive.tokens[s]
            let found = matcher.matches(tokens: output.tokens, spellings: spellings.ids[s], state: &matching)
            for c in hit { isHit[c] = false }
            hit.removeAll(keepingCapacity: true)
            includes.removeAll(keepingCapacity: true)
            excludes.removeAll(keepingCapacity: true)
            for match in found {
                switch owners[match.pattern] {
                case .include(let c):
                    if !isHit[c] {
                        isHit[c] = true
                        hit.append(c)
                    }
                    includes.append((c, match))
                case .exclude(let scope): excludes.append((match.tokens, scope))
                }
            }
            var any = false
            hit.sort()
            for c in hit {
                kept.removeAll(keepingCapacity: true)
                for (category, match) in includes where category == c && !excludes.contains(where: { range, scope in
                    (scope?[c] ?? true) && range.lowerBound <= match.tokens.lowerBound && match.tokens.upperBound <= range.upperBound
                }) {
                    kept.append(match)
                }
                Self.keepLongestNonOverlapping(&kept)
                guard !kept.isEmpty else { continue }
                if !any { segmentPaths.append(segment.path) }
                any = true
                matchCounts[c] += kept.count
                segmentsHit[c] += 1
                for match in kept {
                    let first = output.tokens[match.tokens.lowerBound]
                    let last = output.tokens[match.tokens.upperBound - 1]
                    let words = first.range.lowerBound..<last.range.upperBound
                    let sentence = Self.quoteWindow(output.sentences[safe: first.sentence] ?? words, around: words, in: text.scalars)
                    let wordsRange = text.originalRange(words), sentenceRange = text.originalRange(sentence)
                    coded.append(DocumentCoding.Match(
                        category: Int32(clamping: c), pattern: Int32(clamping: match.pattern), segment: Int32(clamping: segmentPaths.count - 1),
                        matchStart: Int32(clamping: wordsRange.lowerBound), matchEnd: Int32(clamping: wordsRange.upperBound),
                        sentenceStart: Int32(clamping: sentenceRange.lowerBound), sentenceEnd: Int32(clamping: sentenceRange.upperBound)))
                }
            }
            if !any {
                // Its text is the source at `sourceRange` (the segment tree quotes it from there).
                uncoded.append(DocumentCoding.UncodedSegment(segmentPath: segment.path, role: segment.role,
                                                             syllables: output.tokens.count { $0.kind == .word },
                                                             sourceRange: segment.sourceRange))
            }
        }
        // By start, then category id (by rank: the same order as comparing the ids). The ranks
        // are read from a local: a closure that reads `self` copied the whole coder, every
        // table it holds retained, at each step of the sort.
        let ranks = idRanks
        coded.sort { ($0.matchStart, ranks[Int($0.category)]) < ($1.matchStart, ranks[Int($1.category)]) }
        let counts = codebook.categories.indices.map {
            DocumentCoding.Count(categoryID: codebook.categories[$0].id, segments: segmentsHit[$0], matches: matchCounts[$0])
        }
        return DocumentCoding(documentID: directive.metadata.id, year: directive.metadata.year, syllables: directive.syllableCount,
                              counts: counts, uncodedSegments: uncoded.trimmed, matches: SpooledArray(coded.trimmed), labels: labels,
                              segmentPaths: segmentPaths.trimmed, source: source)
    }

    /// The sentence around a match, or in a sentence longer than 400 characters (a page of
    /// prose without stops) about 200 characters either side of the match, cut at spaces.
    static func quoteWindow(_ sentence: Range<Int>, around match: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int> {
        guard sentence.count > 400 else { return sentence }
        var lower = max(sentence.lowerBound, match.lowerBound - 200)
        var upper = min(sentence.upperBound, match.upperBound + 200)
        if lower > sentence.lowerBound {
            var i = lower
            while i < match.lowerBound, scalars[safe: i] != " " { i += 1 }
            if i < match.lowerBound { lower = i + 1 }
        }
        if upper < sentence.upperBound {
            var i = upper
            while i > match.upperBound, scalars[safe: i - 1] != " " { i -= 1 }
            if i > match.upperBound { upper = i - 1 }
        }
        return lower..<max(lower, upper)
    }

    /// Leftmost-longest selection of non-overlapping matches, made in place (the coder keeps
    /// one buffer for every segment and category instead of three new arrays each).
    ///
    /// The matcher's matches come ordered by start, and are sorted only when they are not:
    /// of each start's matches the longest (then the first pattern) is the one a sort by
    /// start, length and pattern puts first, and the only one that can be kept.
    static func keepLongestNonOverlapping(_ matches: inout [PhraseMatcher.Match]) {
        if zip(matches, matches.dropFirst()).contains(where: { $0.tokens.lowerBound > $1.tokens.lowerBound }) {
            matches.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        }
        var count = 0
        var end = Int.min
        var i = 0
        while i < matches.count {
            var best = matches[i]
            var j = i + 1
            while j < matches.count, matches[j].tokens.lowerBound == best.tokens.lowerBound {
                let next = matches[j]
                if (next.tokens.upperBound, best.pattern) > (best.tokens.upperBound, next.pattern) { best = next }
                j += 1
            }
            if best.tokens.lowerBound >= end {
                end = best.tokens.upperBound
                matches[count] = best
                count += 1
            }
            i = j
        }
        // Most calls keep every match: `removeLast(_:)` cost some sixty instructions even then.
        if count < matches.count { matches.removeLast(matches.count - count) }
    }
}
