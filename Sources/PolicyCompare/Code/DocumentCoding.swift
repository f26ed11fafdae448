/// What the codebook found in one directive: per category counts, evidence, uncoded text.
public struct DocumentCoding: Sendable, Hashable {
    /// Counts for one category in one document.
    public struct Count: Sendable, Hashable {
        public var categoryID: String
        /// Segments with at least one counted match.
        public var segments: Int
        public var matches: Int
        /// Of those, the matches in unnumbered top-level paragraphs of a document that has
        /// numbered sections or items: its context, preamble and lead-ins ("Năm 2010, thế giới
        /// ...", "Bộ ... đề nghị ..."), not a numbered task. Zero in a document without numbers.
        public var contextMatches = 0
        public var present: Bool { matches > 0 }
    }

    /// A body or annex segment no category matched.
    public struct Uncoded: Sendable, Hashable {
        public var segmentPath: String
        public var role: Segment.Role
        public var syllables: Int
        public var text: String
        public var sourceRange: Range<Int>
    }

    /// An uncoded segment kept without its text, which is quoted from the source when read
    /// (at 10,000 generated plans the texts held 29 MB).
    struct UncodedSegment: Sendable, Hashable {
        var segmentPath: String
        var role: Segment.Role
        var syllables: Int
        var sourceRange: Range<Int>
    }

    /// One counted match, as indexes and offsets: a corpus has millions of them, and their
    /// words and sentences are quoted from the source only when they are read.
    struct Match: Sendable, Hashable {
        /// Indexes in ``Labels/categoryIDs``, ``Labels/patterns`` and `segmentPaths`.
        var category: Int32
        var pattern: Int32
        var segment: Int32
        /// Source offsets (code points) of the matched words and of the sentence.
        var matchStart: Int32
        var matchEnd: Int32
        var sentenceStart: Int32
        var sentenceEnd: Int32

        /// Source offsets of the matched words.
        var wordsRange: Range<Int> { Int(matchStart)..<Int(matchEnd) }
        /// Source offsets of the sentence.
        var sentenceRange: Range<Int> { Int(sentenceStart)..<Int(sentenceEnd) }
    }

    /// The codebook's category ids and the matcher's pattern texts, shared by every coding.
    struct Labels: Sendable, Hashable {
        var categoryIDs: [String]
        var patterns: [String]
    }

    public var documentID: String
    public var year: Int
    /// Syllables in the coded segments (the denominator of `per_1000_syllables`).
    public var syllables: Int
    /// Of those, the syllables with a letter that carries a diacritic (see ``Directive/hasFewDiacritics``).
    public var markedSyllables: Int
    /// Whether few of its syllables carry a diacritic: likely another language, or Vietnamese
    /// typed without tone marks (see ``Directive/hasFewDiacritics``).
    public var hasFewDiacritics: Bool { Directive.fewDiacritics(marked: markedSyllables, of: syllables) }
    /// The share of its syllables with a diacritic, as a whole percentage.
    public var diacriticPercent: Int { Directive.percent(markedSyllables, of: syllables) }
    /// One entry per codebook category, in codebook order.
    public var counts: [Count]
    /// The body and annex segments no category matched, in reading order, quoted from the source.
    public var uncoded: [Uncoded] {
        let source = source.loaded()
        return uncodedSegments.map { segment in
            Uncoded(segmentPath: segment.segmentPath, role: segment.role, syllables: segment.syllables,
                    text: source.quote(segment.sourceRange), sourceRange: segment.sourceRange)
        }
    }
    let uncodedSegments: [UncodedSegment]
    /// Every counted match, in reading order (spooled once the document is analysed, see
    /// ``DocumentAnalysis``).
    var matches: SpooledArray<Match>
    let labels: Labels
    /// Paths of the segments with a counted match.
    let segmentPaths: [String]
    /// The decoded source text the evidence quotes.
    var source: SourceText

    /// Every counted match, in reading order, quoted from the source.
    public var evidence: [Evidence] {
        let source = source.loaded()
        return matches.elements.map { evidence($0, quotingFrom: source) }
    }

    /// Number of counted matches (the length of ``evidence``).
    public var evidenceCount: Int {
        matches.count
    }

    /// The counted matches of one category, in reading order, quoted from the source.
    ///
    /// A document without any reads nothing back from the spool: the report asks every
    /// document of a year for a category's evidence, and most have none.
    public func evidence(of categoryID: String) -> [Evidence] {
        guard let category = labels.categoryIDs.firstIndex(of: categoryID),
              counts.first(where: { $0.categoryID == categoryID }).map({ $0.matches > 0 }) ?? true else { return [] }
        let source = source.loaded()
        return matches.elements.filter { $0.category == category }.map { evidence($0, quotingFrom: source) }
    }

    /// The `index`-th counted match, quoted from the source.
    public func evidence(at index: Int) -> Evidence {
        evidence(matches.elements[index], quotingFrom: source)
    }

    /// A match as evidence, quoted from `source` (read back once by the caller when spooled).
    private func evidence(_ m: Match, quotingFrom source: SourceText) -> Evidence {
        let match = m.wordsRange, sentence = m.sentenceRange
        return Evidence(documentID: documentID, year: year, segmentPath: segmentPaths[Int(m.segment)],
                        categoryID: labels.categoryIDs[Int(m.category)], pattern: labels.patterns[Int(m.pattern)],
                        matched: source.quote(match), matchRange: match, sentence: source.quote(sentence), sentenceRange: sentence)
    }

    /// Matches per 1,000 syllables for a count.
    public func rate(_ count: Count) -> Double {
        Self.rate(matches: count.matches, syllables: syllables)
    }

    /// `matches` per 1,000 of `syllables` (0 without syllables).
    static func rate(matches: Int, syllables: Int) -> Double {
        syllables > 0 ? Double(matches) * 1000 / Double(syllables) : 0
    }
}
