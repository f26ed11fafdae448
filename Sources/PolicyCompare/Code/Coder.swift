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
    /// Every exclusion's scope, end to end: a row per exclusion of whether it applies to each
    /// category (by index). A table, not a set: the coder tests it for every match in the scope
    /// of an exclusion, and hashing the category cost more than the rest of the test. One
    /// table, not an array per exclusion: each match of an exclusion retained and released its
    /// array as the coder listed it.
    private let exclusionScopes: [Bool]
    /// Category ids and pattern texts, which codings refer to by index.
    private let labels: DocumentCoding.Labels
    /// Each category's place among the category ids in string order, for sorting matches.
    private let idRanks: [Int]

    private enum Owner: Sendable {
        case include(category: Int)
        /// Where its row starts in ``exclusionScopes``.
        case exclude(scope: Int)
    }

    public init(codebook: Codebook, abbreviations: Abbreviations) {
        self.codebook = codebook
        var patterns: [PhrasePattern] = []
        var owners: [Owner] = []
        var scopes: [Bool] = []
        let index = Dictionary(uniqueKeysWithValues: codebook.categories.enumerated().map { ($0.element.id, $0.offset) })
        for (c, category) in codebook.categories.enumerated() {
            for pattern in category.patterns {
                patterns.append(pattern)
                owners.append(.include(category: c))
            }
            for pattern in category.exclusions {
                patterns.append(pattern)
                owners.append(.exclude(scope: scopes.count))
                scopes += codebook.categories.indices.map { $0 == c }
            }
        }
        for exclusion in codebook.globalExclusions {
            patterns.append(exclusion.pattern)
            let scope = Set(exclusion.scope.compactMap { index[$0] })
            owners.append(.exclude(scope: scopes.count))
            scopes += codebook.categories.indices.map { exclusion.scope.isEmpty || scope.contains($0) }
        }
        self.owners = owners
        exclusionScopes = scopes
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
        var contextCounts = [Int](repeating: 0, count: categoryCount)
        let numbered = directive.segments.contains { $0.role == .section || $0.role == .item || $0.role == .heading }
        var coded: [DocumentCoding.Match] = []
        var segmentPaths: [String] = []
        var uncoded: [DocumentCoding.UncodedSegment] = []
        let text = directive.text
        let spellings = directive.spellings
        var matching = matcher.documentState(spellings, folded: directive.folded)
        // The evidence goes by start, then category id (by rank: the same order as comparing the
        // ids). The ranks are read from a local: a closure that reads `self` copied the whole
        // coder, every table it holds retained, at each step of a sort.
        let ranks = idRanks
        // Each segment's evidence is put in order when it is made; the whole list is sorted only
        // when a segment's comes before the one's before it (segments follow the text).
        var unordered = false
        // Each segment's matches by category, and its exclusions, in buffers kept from segment to
        // segment. `hit` lists the categories with matches; `tally` counts each one's matches,
        // then marks where its run starts in `grouped`, which holds every category's matches in
        // one run each, in the matcher's order (a counting sort). Picking each category's
        // matches out of the whole list, once per category hit, cost more than the grouping;
        // an array per category, each grown from empty in every document, cost more in
        // allocations than the matching of the segments it served.
        var tally = [Int](repeating: 0, count: categoryCount)
        var hit: [Int] = []
        var grouped: [PhraseMatcher.Match] = []
        var excludes: [(range: Range<Int>, scope: Int)] = []
        let scopes = exclusionScopes
        // Segments are read in place: copying each one (as `enumerated()` did) retained and
        // released its strings and arrays.
        for s in directive.segments.indices {
            let output = directive.tokens[s]
            let found = matcher.matches(tokens: output.tokens, spellings: spellings.ids[s], state: &matching)
            for c in hit { tally[c] = 0 }
            if !hit.isEmpty { hit.removeAll(keepingCapacity: true) }
            if !excludes.isEmpty { excludes.removeAll(keepingCapacity: true) }
            for match in found {
                switch owners[match.pattern] {
                case .include(let c):
                    if tally[c] == 0 { hit.append(c) }
                    tally[c] += 1
                case .exclude(let scope): excludes.append((match.tokens, scope))
                }
            }
            var any = false
            if !hit.isEmpty {
                let context = numbered && Self.isContext(directive.segments, s)
                hit.sort()
                var total = 0
                for c in hit {
                    total += tally[c]
                    tally[c] = total
                }
                if grouped.count < total {
                    grouped = Array(repeating: PhraseMatcher.Match(pattern: 0, tokens: 0..<0), count: max(found.count, 2 * grouped.count))
                }
                for match in found.reversed() {
                    if case .include(let c) = owners[match.pattern] {
                        tally[c] -= 1
                        grouped[tally[c]] = match
                    }
                }
                let segmentFirst = coded.count
                grouped.withUnsafeMutableBufferPointer { grouped in
                    for (k, c) in hit.enumerated() {
                        let start = tally[c], end = k + 1 < hit.count ? tally[hit[k + 1]] : total
                        var count = 0
                        for i in start..<end {
                            let match = grouped[i]
                            if excludes.isEmpty || !excludes.contains(where: { range, scope in
                                scopes[scope + c] && range.lowerBound <= match.tokens.lowerBound && match.tokens.upperBound <= range.upperBound
                            }) {
                                grouped[start + count] = match
                                count += 1
                            }
                        }
                        let kept = UnsafeMutableBufferPointer(rebasing: grouped[start..<start + count])
                        count = Self.keepLongestNonOverlapping(kept)
                        guard count > 0 else { continue }
                        if !any { segmentPaths.append(directive.segments[s].path) }
                        any = true
                        matchCounts[c] += count
                        segmentsHit[c] += 1
                        if context { contextCounts[c] += count }
                        for match in kept[..<count] {
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
                }
                // Category by category, each by start: ordered by insertion (or, when there are
                // many, by the sort), both keeping equal ones in turn as the sort of the whole
                // list did.
                if coded.count - segmentFirst > 32 {
                    coded[segmentFirst...].sort { Self.precedes($0, $1, ranks) }
                } else if coded.count - segmentFirst > 1 {
                    coded.withUnsafeMutableBufferPointer { coded in
                        for i in segmentFirst + 1 ..< coded.count {
                            let match = coded[i]
                            var j = i
                            while j > segmentFirst, Self.precedes(match, coded[j - 1], ranks) {
                                coded[j] = coded[j - 1]
                                j -= 1
                            }
                            coded[j] = match
                        }
                    }
                }
                if segmentFirst > 0, segmentFirst < coded.count, Self.precedes(coded[segmentFirst], coded[segmentFirst - 1], ranks) {
                    unordered = true
                }
            }
            if !any {
                // Its text is the source at `sourceRange` (the segment tree quotes it from there).
                let segment = directive.segments[s]
                uncoded.append(DocumentCoding.UncodedSegment(segmentPath: segment.path, role: segment.role,
                                                             syllables: output.tokens.count { $0.kind == .word },
                                                             sourceRange: segment.sourceRange))
            }
        }
        if unordered { coded.sort { Self.precedes($0, $1, ranks) } }
        let counts = codebook.categories.indices.map {
            DocumentCoding.Count(categoryID: codebook.categories[$0].id, segments: segmentsHit[$0], matches: matchCounts[$0],
                                 contextMatches: contextCounts[$0])
        }
        return DocumentCoding(documentID: directive.metadata.id, year: directive.metadata.year, syllables: directive.syllableCount,
                              markedSyllables: directive.markedSyllableCount,
                              counts: counts, uncodedSegments: uncoded.trimmed, matches: SpooledArray(coded.trimmed), labels: labels,
                              segmentPaths: segmentPaths.trimmed, source: source)
    }

    /// Whether segment `s` is an unnumbered paragraph of the body's top level (see
    /// ``DocumentCoding/Count/contextMatches``), read in place (a copy of the segment would
    /// retain and release its strings).
    static func isContext(_ segments: [Segment], _ s: Int) -> Bool {
        segments[s].role == .paragraph && segments[s].part == .body && segments[s].parent.isEmpty
    }

    /// Whether evidence `a` goes before `b`: by start, then category id (`ranks`: each category's
    /// place among the ids in string order).
    @inline(__always)
    private static func precedes(_ a: DocumentCoding.Match, _ b: DocumentCoding.Match, _ ranks: [Int]) -> Bool {
        (a.matchStart, ranks[Int(a.category)]) < (b.matchStart, ranks[Int(b.category)])
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

    /// Leftmost-longest selection of non-overlapping matches, made in place (the fact extractor
    /// keeps one buffer for every segment instead of three new arrays each).
    static func keepLongestNonOverlapping(_ matches: inout [PhraseMatcher.Match]) {
        let count = matches.withUnsafeMutableBufferPointer { keepLongestNonOverlapping($0) }
        // Most calls keep every match: `removeLast(_:)` cost some sixty instructions even then.
        if count < matches.count { matches.removeLast(matches.count - count) }
    }

    /// The selection of the array form, within a buffer: the kept
    /// matches are moved to its front, and their number returned (the coder selects within
    /// runs of one buffer kept for every segment and category, not in arrays of their own).
    ///
    /// The matcher's matches come ordered by start, and are sorted only when they are not:
    /// of each start's matches the longest (then the first pattern) is the one a sort by
    /// start, length and pattern puts first, and the only one that can be kept.
    static func keepLongestNonOverlapping(_ matches: UnsafeMutableBufferPointer<PhraseMatcher.Match>) -> Int {
        guard matches.count > 1 else { return matches.count }
        var matches = matches
        for i in 1..<matches.count where matches[i - 1].tokens.lowerBound > matches[i].tokens.lowerBound {
            matches.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
            break
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
        return count
    }
}
