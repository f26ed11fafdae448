import Foundation

/// Parses normalised text into a ``Directive``: layout, segment tree and facts.
///
/// Build one parser and reuse it: it holds the compiled tables (letter parts, actors,
/// reference types, abbreviations) loaded from the bundled data files.
public struct DirectiveParser: Sendable {
    let vocabulary: DocumentLayout.Vocabulary
    let actors: ActorTable
    let referenceTypes: [[String]]
    let referenceTypeNames: [String]

    public init() throws(ResourceError) {
        vocabulary = try .bundled()
        _ = try DocumentSymbol.loadedVariants.get()
        actors = try .bundled(abbreviations: try Abbreviations.bundled())
        let names = try BundledResource.text("reference-types.tsv")
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        // Longer types first, so "Kế hoạch liên ngành" wins over "Kế hoạch".
        let ordered = names.map { ($0, PhrasePattern.syllables(of: $0, loose: false)) }.sorted { $0.1.count > $1.1.count }
        referenceTypeNames = ordered.map(\.0)
        referenceTypes = ordered.map(\.1)
    }

    /// Parses `text`; `metadata` comes from the manifest, or is inferred from the text when
    /// `inferMetadata` is set (a loose file).
    public func parse(_ text: NormalizedText, metadata: DocumentMetadata, encoding: String = "utf-8",
                      notes: [String] = [], inferMetadata: Bool = false) -> Directive {
        var spellings = TokenSpellings.Cache()
        return parse(text, metadata: metadata, encoding: encoding, notes: notes, inferMetadata: inferMetadata, quotingSegments: true,
                     spellings: &spellings)
    }

    /// ``parse(_:metadata:encoding:notes:inferMetadata:)``, leaving each segment's
    /// ``Segment/text``, and each actor mention's and deadline's quote, empty unless
    /// `quotingSegments`: comparing reads them by their ranges, and quoting each segment cost
    /// about 3% of analysing a document. `cache` holds the spellings of the documents parsed
    /// before (by the same worker), and takes this one's.
    func parse(_ text: NormalizedText, metadata: DocumentMetadata, encoding: String, notes: [String], inferMetadata: Bool,
               quotingSegments: Bool, spellings cache: inout TokenSpellings.Cache) -> Directive {
        let layout = DocumentLayout(text, vocabulary: vocabulary)
        // A sentence broken by a page number joins over it, which must then read as nothing.
        let text = layout.pageArtefacts.isEmpty ? text : text.blanking(layout.pageArtefacts)
        var builder = SegmentTreeBuilder(text: text, quotesText: quotingSegments)
        var segments = builder.build(layout.content)
        let folded = Self.fold(text)
        let tokenizer = Tokenizer()
        // Read by index: mapping the segments copied each one (retaining its strings) to read its range.
        var tokens: [Tokenizer.Output] = []
        tokens.reserveCapacity(segments.count)
        for index in segments.indices { tokens.append(tokenizer.tokenize(text.scalars, range: segments[index].normalizedRange)) }
        let spellings = TokenSpellings(tokens, folded: folded, cache: &cache)
        var metadata = metadata
        var notes = notes
        if inferMetadata {
            infer(&metadata, layout: layout, text: text, folded: folded, segments: segments, tokens: tokens, spellings: spellings, notes: &notes)
        }
        let facts = FactExtractor(text: text, folded: folded, segments: segments, tokens: tokens, spellings: spellings, year: metadata.year,
                                  quotesMentions: quotingSegments)
        let period = facts.period()
        let namedYear = inferMetadata || period?.statesYear == true || !layout.head.date.isEmpty || !metadata.date.isEmpty
            ? nil : Self.namedYear(facts.yearMentions(), otherThan: metadata.year)
        if let period, period.end < period.start {
            notes.append("its period ends (\(period.end)) before it starts (\(period.start)), as '\(period.quote)' reads: check the dates in the text")
        }
        let theme = facts.theme()
        if let (_, index) = theme, segments[index].normalizedRange.count < 200 { segments[index].role = .theme }
        let slogans = facts.slogans()
        for (_, index) in slogans { segments[index].role = .slogan }
        let syllables = tokens.reduce(0) { $0 + $1.words }
        let marked = tokens.reduce(0) { $0 + $1.markedWords }
        if Directive.fewDiacritics(marked: marked, of: syllables) {
            notes.append("only \(Directive.percent(marked, of: syllables))% of its \(syllables) syllables carry a diacritic (Vietnamese prose: about 80%): "
                         + "it may be in another language or typed without tone marks, which only the codebook's ~ patterns and its patterns written without marks match, "
                         + "so its coding is likely incomplete")
        }
        return Directive(
            metadata: metadata, encoding: encoding, notes: notes, text: text, letterHead: layout.head,
            theme: theme?.0, period: period, slogans: slogans.map(\.0), segments: segments,
            recipients: layout.recipients, signature: layout.signature,
            references: Self.citedBy(layout.head, facts.references(types: referenceTypes, typeNames: referenceTypeNames)),
            actors: facts.actors(actors), deadlines: facts.deadlines(), namedYear: namedYear, syllableCount: syllables, markedSyllableCount: marked,
            folded: folded, tokens: tokens, spellings: spellings)
    }

    /// The year `mentions` name most often (the later on a tie), at least twice, when it is not
    /// `year` and `year` is never named: one plan names last year's results and this year's
    /// month, but a plan that never names its own year is likely filed under the wrong one.
    static func namedYear(_ mentions: [Int: Int], otherThan year: Int) -> Directive.NamedYear? {
        guard mentions[year] == nil, let best = mentions.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), best.value >= 2 else { return nil }
        return Directive.NamedYear(year: best.key, mentions: best.value)
    }

    /// `references` without the document's own number from its letter head ("Kế hoạch số
    /// 58/KH-UBND" in a plan numbered "Số: 58/KH-UBND" names the plan itself), unless the
    /// reference dates another document.
    static func citedBy(_ head: LetterHead, _ references: [LegalReference]) -> [LegalReference] {
        guard !head.number.isEmpty else { return references }
        return references.filter { $0.key != head.number || (!$0.date.isEmpty && !head.date.isEmpty && $0.date != head.date) }
    }

    /// The folds of `text`, in a function of its own: inlined into ``parse(_:metadata:encoding:notes:inferMetadata:quotingSegments:spellings:)``,
    /// the loop over its scalars shared the registers of the whole parse, and a change to the
    /// parse left it one load more a scalar (about 2 M instructions at 200 documents).
    @inline(never)
    private static func fold(_ text: NormalizedText) -> FoldedText {
        FoldedText(text.scalars)
    }

    /// The year of "năm YYYY" in a title ("... Tháng hành động vì trẻ em năm 2022"), the last
    /// one stated, from 1990 to 2100.
    static func year(inTitle title: String) -> Int? {
        let words = title.split(separator: " ")
        return zip(words, words.dropFirst()).compactMap { word, next in
            word.lowercased() == "năm" ? Int(next).flatMap { (1990...2100).contains($0) ? $0 : nil } : nil
        }.last
    }

    /// Year from the letter head's date, else from "năm YYYY" in the body, else in the title; issuer from the
    /// letter head, else from "<agency> đề nghị / phát động / đề ra ..." in the body.
    private func infer(_ metadata: inout DocumentMetadata, layout: DocumentLayout, text: NormalizedText, folded: FoldedText,
                       segments: [Segment], tokens: [Tokenizer.Output], spellings: TokenSpellings, notes: inout [String]) {
        if let year = Int(layout.head.date.prefix(4)) {
            metadata.year = year
            notes.append("year \(year) inferred from the date in the letter head")
        } else {
            let counts = FactExtractor(text: text, folded: folded, segments: segments, tokens: tokens, spellings: spellings, year: 0).yearMentions()
            if let best = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
                metadata.year = best.key
                notes.append("year \(best.key) inferred from 'năm \(best.key)' in the text (\(best.value) mentions)")
            } else if let year = Self.year(inTitle: layout.head.title) {
                metadata.year = year
                notes.append("year \(year) inferred from 'năm \(year)' in the title")
            } else {
                notes.append("no year found in the text; year set to 0")
            }
        }
        metadata.yearInferred = true
        metadata.issuerInferred = true
        if !layout.head.issuer.isEmpty {
            metadata.issuer = layout.head.issuer
            notes.append("issuer inferred from the letter head")
            return
        }
        let facts = FactExtractor(text: text, folded: folded, segments: segments, tokens: tokens, spellings: spellings, year: metadata.year)
        let verbs = ["đề nghị", "phát động", "đề ra"]
        for mention in facts.actors(actors) {
            guard let s = segments.firstIndex(where: { $0.path == mention.segmentPath }),
                  let last = tokens[s].tokens.lastIndex(where: { text.originalRange($0.range).upperBound <= mention.sourceRange.upperBound })
            else { continue }
            // The verb follows the agency directly or after its place name ("tỉnh Kiên Giang đề ra").
            var next = last + 1
            var name = mention.quote
            while let token = tokens[s].tokens[safe: next], next - last <= 3, token.kind == .word,
                  text.scalars[token.range.lowerBound].properties.isUppercase {
                name += " " + text.quote(token.range)
                next += 1
            }
            let following = tokens[s].tokens.dropFirst(next).prefix(2).map { NormalizedText.string(folded.strict, $0.range) }.joined(separator: " ")
            if verbs.contains(where: { following.hasPrefix($0) }) {
                metadata.issuer = name
                notes.append("issuer inferred from '\(name) \(following)' in the body")
                return
            }
        }
        notes.append("no issuer found in the text")
    }
}
