import Foundation

/// Builds the report a researcher reads first from a ``Comparison``.
public struct ReportBuilder: Sendable {
    public let strings: ReportStrings
    public let toolVersion: String

    /// Longest list of documents or document pairs the report prints; the CSVs hold the rest.
    static let listLimit = 30

    public init(strings: ReportStrings, toolVersion: String) {
        self.strings = strings
        self.toolVersion = toolVersion
    }

    public func build(_ c: Comparison) -> Report {
        let t = strings
        return Report(title: t("title", title(years: c.years)), sections: [Report.Section?]([
            brief(c),
            Report.Section(title: t("reading.title"), blocks: [.paragraph(t("reading.intro")), .bullets([
                t("rule.continuing"), t("rule.new"), t("rule.dropped"), t("rule.intermittent"), t("rule.absent"), t("rule.present"), t("rule.quote"), t("rule.baseline", c.baselineYear),
            ])]),
            corpus(c), skipped(c), themes(c), priorities(c), slogans(c), references(c), actors(c), keyness(c), reuse(c), caveats(c), settings(c),
        ]).compactMap { $0 })
    }

    /// The compared years as the title names them: a span when they are consecutive ("2010-2019"),
    /// else each of a few ("2010, 2013, 2014, 2019"), else the span and how many ("2005-2020, 12
    /// years"), so that the title never suggests years the corpus lacks.
    func title(years: [Int]) -> String {
        let sorted = years.sorted()
        guard let first = sorted.first, let last = sorted.last else { return "" }
        if first == last { return "\(first)" }
        if last - first + 1 == sorted.count { return "\(first)-\(last)" }
        if sorted.count <= 6 { return sorted.map(String.init).joined(separator: ", ") }
        return strings("title.years", first, last, sorted.count)
    }

    /// What the comparison found, in numbers, and how many warnings qualify it.
    private func brief(_ c: Comparison) -> Report.Section {
        let t = strings
        func count(_ status: ChangeStatus) -> Int { c.changes.count { $0.status == status } }
        var text = t("brief.text", c.codebook.categories.count, count(.continuing), count(.new), count(.dropped), count(.intermittent), count(.absent))
        text += " " + (c.caveats.isEmpty ? t("brief.noWarnings") : t("brief.warnings", one: c.caveats.count, c.caveats.count))
        return Report.Section(title: t("brief.title"), blocks: [.paragraph(text)])
    }

    private func corpus(_ c: Comparison) -> Report.Section {
        let t = strings
        var blocks: [Report.Block] = [.paragraph(t(c.documents.count == 1 ? "corpus.intro.single" : c.years.count == 1 ? "corpus.intro.oneYear" : "corpus.intro",
                                                         c.documents.count, c.years.count, c.years.map(String.init).joined(separator: ", ")))]
        if c.documents.count <= Self.listLimit {
            let rows = c.documents.map { d in
                [d.metadata.id, String(d.metadata.year), t.code("level", d.metadata.level), t.code("kind", d.metadata.kind), d.metadata.issuer, String(d.coding.syllables),
                 String(d.coding.counts.count(where: \.present))]
            }
            blocks.append(.table([t("col.document"), t("col.year"), t("col.level"), t("col.kind"), t("col.issuer"), t("col.syllables"), t("col.categories", c.codebook.categories.count)], rows))
        } else {
            // Many documents: one line per year; documents.csv lists them all.
            let rows = c.years.map { year in
                let docs = c.documents.filter { $0.metadata.year == year }
                let levels = Self.byRank(Set(docs.map(\.metadata.level))).map { t.code("level", $0) }.joined(separator: ", ")
                return [String(year), String(docs.count), levels, String(docs.reduce(0) { $0 + $1.coding.syllables })]
            }
            blocks.append(.table([t("col.year"), t("col.documents"), t("col.level"), t("col.syllables")], rows))
            blocks.append(.paragraph(t("more", c.documents.count, "documents.csv")))
        }
        let warnings = c.caveats.map { caveat($0, c) }
        if !warnings.isEmpty { blocks.append(.paragraph(t("corpus.warnings"))); blocks.append(.bullets(warnings)) }
        return Report.Section(title: t("corpus.title"), blocks: blocks)
    }

    private func skipped(_ c: Comparison) -> Report.Section? {
        guard !c.skipped.isEmpty else { return nil }
        return Report.Section(title: strings("skipped.title"), blocks: [
            .paragraph(strings("skipped.intro", one: c.skipped.count, c.skipped.count)),
            .bullets(c.skipped.map { "\($0.documentID) (\($0.file)): \($0.reason)" }),
        ])
    }

    /// Ascending years as spans: [2011, 2012, 2015, 2016, 2017] is "2011-2012, 2015-2017".
    static func spans(_ years: [Int]) -> String {
        var spans: [String] = []
        var k = years.startIndex
        while k < years.endIndex {
            var j = k
            while j + 1 < years.endIndex, years[j + 1] == years[j] + 1 { j += 1 }
            spans.append(j == k ? "\(years[k])" : "\(years[k])-\(years[j])")
            k = j + 1
        }
        return spans.joined(separator: ", ")
    }

    /// Levels from the top down (national, provincial, district, commune), any other after
    /// them in string order.
    static func byRank<S: Sequence<String>>(_ levels: S) -> [String] {
        let ranks = ["national": 0, "provincial": 1, "district": 2, "commune": 3]
        return levels.sorted { (ranks[$0] ?? 4, $0) < (ranks[$1] ?? 4, $1) }
    }

    private func caveat(_ caveat: Caveat, _ c: Comparison) -> String {
        let t = strings
        switch caveat {
        case .mixedLevels(let levels):
            let text = levels.keys.sorted().map { "\($0): \(Self.byRank(levels[$0, default: []]).map { t.code("level", $0) }.joined(separator: ", "))" }.joined(separator: "; ")
            return t("caveat.levels", text)
        case .unequalLength(let longest, let longestSyllables, let shortest, let shortestSyllables):
            return t("caveat.length", longest, longestSyllables, shortest, shortestSyllables)
        case .singleYear(let year):
            return t("caveat.single", year)
        case .yearGaps(let years):
            return t("caveat.gaps", Self.spans(years))
        case .severalDocuments(let year, let count):
            return t("caveat.several", year, count)
        case .yearDiffers(let differences):
            return t("caveat.year", differences.map { t("caveat.year.\($0.basis.rawValue)", $0.documentID, $0.manifestYear, $0.date) }.joined(separator: "; "))
        case .fewDiacritics(let shares):
            return t("caveat.marks", shares.map { t("caveat.marks.item", $0.documentID, $0.percent) }.joined(separator: "; "))
        case .noThemeOrPeriod(let documents):
            let named = documents.count <= Self.listLimit ? documents.joined(separator: ", ")
                : documents.prefix(Self.listLimit).joined(separator: ", ") + ", " + t("caveat.unthemed.more", documents.count - Self.listLimit)
            return t("caveat.unthemed", one: documents.count, named)
        case .contextOnly(let mentions):
            let items = mentions.map { mention in
                let label = c.codebook.category(mention.categoryID).map(t.label) ?? mention.categoryID
                let documents = mention.documentIDs.count <= Self.listLimit ? mention.documentIDs.joined(separator: ", ")
                    : t("caveat.context.many", mention.documentIDs.count)
                return t("caveat.context.item", mention.year, label, documents)
            }
            return t("caveat.context", items.joined(separator: "; "))
        }
    }

    private func themes(_ c: Comparison) -> Report.Section {
        let t = strings
        var bullets: [String] = []
        var done = Set<String>()
        for theme in c.themes {
            let key = "\(theme.year)|\(theme.theme ?? "")"
            guard done.insert(key).inserted else { continue }
            let documents = c.themes.filter { $0.year == theme.year && $0.theme == theme.theme }.map(\.documentID).joined(separator: ", ")
            guard let text = theme.theme else {
                bullets.append(t("theme.none", theme.year, documents))
                continue
            }
            var line = t("theme.line", theme.year, text, documents)
            if let previous = theme.previousYear {
                if theme.unchanged {
                    line += " " + t("theme.same", previous)
                } else {
                    // Each stretch of words quoted apart, once: removed “tạo cơ hội … cho”, “và”
                    // (a stretch kept in two places, “trẻ em” … “trẻ em”, is one quote).
                    func quoted(_ key: String, _ runs: [String]) -> String? {
                        var seen = Set<String>()
                        let distinct = runs.filter { seen.insert($0).inserted }
                        return distinct.isEmpty ? nil : t(key, distinct.joined(separator: "”, “"))
                    }
                    let parts = [quoted("theme.kept", theme.keptRuns), quoted("theme.added", theme.addedRuns),
                                 quoted("theme.removed", theme.removedRuns)].compactMap { $0 }
                    line += " " + t("theme.against", previous) + " " + parts.joined(separator: "; ") + "."
                }
            }
            bullets.append(line)
        }
        return Report.Section(title: t("theme.title"), blocks: [.bullets(bullets)])
    }

    private func priorities(_ c: Comparison) -> Report.Section {
        let t = strings
        // The section's paragraphs, and the categories listed after each with the years each
        // is quoted from; the quotes are found in one pass over the documents once all are known.
        // A continuing category is quoted from the first and the last year, so that its wording
        // then and now can be set side by side; any other from the year that gives its status.
        var groups: [(heading: String?, paragraphs: [String], entries: [(change: Comparison.CategoryChange, years: [Int])])] = []
        let ends = [c.years.first, c.years.count > 1 ? c.years.last : nil].compactMap { $0 }
        for dimension in Category.Dimension.allCases {
            let changes = c.changes.filter { c.codebook.category($0.categoryID)?.dimension == dimension }
            let continuing = changes.filter { $0.status == .continuing }
            groups.append((t(dimension == .theme ? "priorities.themes" : "priorities.activities"), [t("priorities.continuing", continuing.count)],
                           continuing.map { ($0, ends) }))
            for year in c.years.dropFirst() {
                let new = changes.filter { $0.status == .new && $0.firstYear == year }
                guard !new.isEmpty else { continue }
                groups.append((nil, [t("priorities.new", year, new.count)], new.map { ($0, [year]) }))
            }
            let dropped = changes.filter { $0.status == .dropped }
            if !dropped.isEmpty {
                groups.append((nil, [t("priorities.dropped", dropped.count)], dropped.map { ($0, [$0.lastYear].compactMap { $0 }) }))
            }
            let intermittent = changes.filter { $0.status == .intermittent }
            if !intermittent.isEmpty {
                groups.append((nil, [t("priorities.intermittent", intermittent.count)], intermittent.map { ($0, [$0.lastYear].compactMap { $0 }) }))
            }
            let absent = changes.filter { $0.status == .absent }.compactMap { c.codebook.category($0.categoryID).map(t.label) }
            if !absent.isEmpty { groups.append((nil, [t("priorities.absent", absent.joined(separator: "; "))], [])) }
        }
        let quotes = Self.shortestEvidence(groups.flatMap { group in
            group.entries.flatMap { entry in entry.years.map { QuoteRequest(categoryID: entry.change.categoryID, year: $0) } }
        }, in: c)
        let contextOnly = c.contextOnlyYears
        var blocks: [Report.Block] = []
        for group in groups {
            if let heading = group.heading { blocks.append(.heading(heading)) }
            blocks += group.paragraphs.map(Report.Block.paragraph)
            let entries = group.entries.compactMap { change, years in
                entry(change, quotes: years.compactMap { quotes[QuoteRequest(categoryID: change.categoryID, year: $0)] },
                      contextOnly: contextOnly[change.categoryID] ?? [], c)
            }
            if !entries.isEmpty { blocks.append(.entries(entries)) }
        }
        return Report.Section(title: t("priorities.title"), blocks: blocks)
    }

    /// A category line with its years and `quotes`, short quotes from some of them, in order;
    /// the years in `contextOnly`, where only context paragraphs mention it, are marked so.
    private func entry(_ change: Comparison.CategoryChange, quotes: [Evidence], contextOnly: Set<Int>, _ c: Comparison) -> Report.Entry? {
        guard let category = c.codebook.category(change.categoryID) else { return nil }
        let t = strings
        let intensity = c.years.map { y in t.decimal(c.row(year: y, category: change.categoryID)?.per1000 ?? 0, places: 1) }.joined(separator: " / ")
        let years = change.yearsPresent.map { year in
            if contextOnly.contains(year) { return t("priorities.contextYear", year) }
            // A year of several documents, not all of which mention it: "2019 (1/2 documents)".
            if let row = c.row(year: year, category: change.categoryID), row.documentsTotal > 1, row.documentsPresent < row.documentsTotal {
                return t("priorities.someDocuments", year, row.documentsPresent, row.documentsTotal)
            }
            return String(year)
        }.joined(separator: ", ")
        return Report.Entry(text: t("priorities.entry", t.label(category), years, intensity),
                            quotes: quotes.map { evidence in
                                Report.Quote(text: Self.shorten(evidence.sentence, around: evidence.matched),
                                             source: "\(evidence.documentID) \(evidence.segmentPath), \(t("quote.matched")): \(evidence.matched)")
                            })
    }

    /// A category and the year the report quotes it from.
    struct QuoteRequest: Hashable {
        var categoryID: String
        var year: Int
    }

    /// The most readable quote of each category and year asked for: the shortest full sentence
    /// (60 characters or more), else the longest shorter one (headings such as "Hoạt động
    /// truyền thông:" say little). Ties go to the first document id, then the first match.
    ///
    /// One pass over the documents of the years asked for, each document's source and evidence
    /// read back once for all its categories asked for, and each sentence's characters counted
    /// from the source's bytes: quote by quote, every document of a year was read back and
    /// all its evidence of the category quoted, once per category (35,000 documents read back,
    /// 318 MB, for the 33 quotes of 10,000 generated plans).
    static func shortestEvidence(_ requests: [QuoteRequest], in c: Comparison) -> [QuoteRequest: Evidence] {
        /// A candidate: its sentence's length, and its document and match by index.
        struct Candidate {
            var length: Int
            var document: Int
            var match: Int
            var start: Int32
        }
        let asked = Dictionary(grouping: requests, by: \.year).mapValues { Set($0.map(\.categoryID)) }
        var full: [QuoteRequest: Candidate] = [:], short: [QuoteRequest: Candidate] = [:]
        let documents = c.documents
        /// Whether `a` goes before `b`: by length (the longer first when `longerFirst`), document id, then start.
        func precedes(_ a: Candidate, _ b: Candidate, longerFirst: Bool) -> Bool {
            let (lengthA, lengthB) = longerFirst ? (-a.length, -b.length) : (a.length, b.length)
            return (lengthA, documents[a.document].metadata.id, a.start) < (lengthB, documents[b.document].metadata.id, b.start)
        }
        for d in documents.indices {
            let year = documents[d].metadata.year
            guard let categories = asked[year] else { continue }
            let coding = documents[d].coding
            // The categories asked for, by their index in the coding's labels, when they have matches.
            var wanted: [Int32: QuoteRequest] = [:]
            for count in coding.counts where count.matches > 0 && categories.contains(count.categoryID) {
                if let index = coding.labels.categoryIDs.firstIndex(of: count.categoryID) {
                    wanted[Int32(index)] = QuoteRequest(categoryID: count.categoryID, year: year)
                }
            }
            guard !wanted.isEmpty else { continue }
            let source = coding.source.loaded()
            let matches = coding.matches.elements
            source.withUTF8 { text in
                var near = SourceText.Position()
                for (m, match) in matches.enumerated() {
                    guard let request = wanted[match.category] else { continue }
                    let bytes = source.byteRange(match.sentenceRange, in: text, near: &near) ?? 0..<0
                    let sentence = UnsafeBufferPointer(rebasing: text[bytes])
                    let length = CharacterCount.of(utf8: sentence)
                    let candidate = Candidate(length: length, document: d, match: m, start: match.matchStart)
                    if length >= 60 {
                        if full[request].map({ precedes(candidate, $0, longerFirst: false) }) ?? true { full[request] = candidate }
                    } else if short[request].map({ precedes(candidate, $0, longerFirst: true) }) ?? true {
                        short[request] = candidate
                    }
                }
            }
        }
        var quotes: [QuoteRequest: Evidence] = [:]
        for request in Set(requests) {
            guard let chosen = full[request] ?? short[request] else { continue }
            quotes[request] = documents[chosen.document].coding.evidence(at: chosen.match)
        }
        return quotes
    }

    /// A sentence with its white space collapsed, cut to about 220 characters around its
    /// match with "…" where cut, at spaces, so that every word shown is whole and the source's
    /// own. (A word longer than ``wordReach`` is cut where it must be.)
    static func shorten(_ raw: String, around match: String, limit: Int = 220) -> String {
        let sentence = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard sentence.count > limit else { return sentence }
        let characters = Array(sentence)
        let matchStart = sentence.range(of: match).map { sentence.distance(from: sentence.startIndex, to: $0.lowerBound) } ?? 0
        var start = max(0, min(matchStart - limit / 3, characters.count - limit))
        var end = min(characters.count, start + limit)
        // Out to the edges of a word cut in two, or, for a very long word, in past it.
        func isEdge(_ i: Int) -> Bool { i == 0 || i == characters.count || characters[i - 1] == " " || characters[i] == " " }
        if !isEdge(start) {
            if let out = (max(0, start - Self.wordReach)..<start).reversed().first(where: isEdge) {
                start = out
            } else if let inward = (start..<min(characters.count, start + Self.wordReach)).first(where: isEdge) {
                start = inward
            }
        }
        if !isEdge(end) {
            if let out = (end...min(characters.count, end + Self.wordReach)).first(where: isEdge) {
                end = out
            } else if let inward = (max(start, end - Self.wordReach)...end).reversed().first(where: isEdge), inward > start {
                end = inward
            }
        }
        let shown = String(characters[start..<end]).trimmingCharacters(in: .whitespaces)
        return (start > 0 ? "…" : "") + shown + (end < characters.count ? "…" : "")
    }

    /// How far a cut moves to reach a word's edge: longer than any Vietnamese syllable or
    /// common compound, shorter than a run of text without spaces (a URL, a hostile "word").
    static let wordReach = 30

    private func slogans(_ c: Comparison) -> Report.Section {
        let t = strings
        guard !c.slogans.isEmpty else { return Report.Section(title: t("slogans.title"), blocks: [.paragraph(t("slogans.none"))]) }
        let rows = c.slogans.map { s in
            [s.text, String(s.firstYear), s.years.map(String.init).joined(separator: ", "), s.exact ? t("yes") : t("slogans.near")]
        }
        let recurring = c.slogans.filter { $0.years.count > 1 }
        var blocks: [Report.Block] = [
            .paragraph(t("slogans.intro", one: recurring.count, c.slogans.count, recurring.count)),
            .table([t("col.slogan"), t("col.first"), t("col.years"), t("col.exact")], rows),
        ]
        // A slogan's first year is the first year that lists any: say which years list none.
        let listing = Set(c.slogans.flatMap(\.years))
        let without = c.years.filter { !listing.contains($0) }
        if !without.isEmpty { blocks.append(.paragraph(t("slogans.without", without.map(String.init).joined(separator: ", ")))) }
        return Report.Section(title: t("slogans.title"), blocks: blocks)
    }

    private func references(_ c: Comparison) -> Report.Section {
        let t = strings
        let rows = c.references.map { r in
            [r.key.hasPrefix(r.type) ? r.key : "\(r.type) \(r.key)", r.date, String(r.firstYear ?? 0), r.years.map(String.init).joined(separator: ", "), t("status.\(r.status.rawValue)")]
        }
        let stopped = c.references.filter { ($0.lastYear ?? 0) != c.years.last }.map { $0.key.hasPrefix($0.type) ? $0.key : "\($0.type) \($0.key)" }
        var blocks: [Report.Block] = [.table([t("col.instrument"), t("col.date"), t("col.first"), t("col.years"), t("col.status")], rows)]
        if !stopped.isEmpty { blocks.append(.paragraph(t("references.stopped", c.years.last ?? 0, stopped.joined(separator: "; ")))) }
        if c.years.count > 2, c.references.contains(where: { $0.years.count == 1 }) { blocks.append(.paragraph(t("references.statuses"))) }
        return Report.Section(title: t("references.title"), blocks: blocks)
    }

    private func actors(_ c: Comparison) -> Report.Section {
        let t = strings
        var bullets: [String] = []
        for year in c.years {
            var names: [String: String] = [:]
            for d in c.documents where d.metadata.year == year {
                for mention in d.actorMentions.mentions where mention.tasked {
                    let a = d.actorMentions.agency(of: mention)
                    names[a.id] = t.language == .en ? a.nameEnglish : a.name
                }
            }
            bullets.append(t("actors.year", year, names.count, names.keys.sorted().compactMap { names[$0] }.joined(separator: "; ")))
        }
        return Report.Section(title: t("actors.title"), blocks: [.paragraph(t("actors.intro")), .bullets(bullets)])
    }

    private func keyness(_ c: Comparison) -> Report.Section {
        let t = strings
        guard c.years.count > 1 else { return Report.Section(title: t("keyness.title"), blocks: [.paragraph(t("keyness.single"))]) }
        let lines = c.years.map { year in
            let top = highlights(Self.phrases(c.keyness.filter { $0.target == String(year) && $0.direction == .over }), count: 8)
            let terms = top.map { "\($0.phrase) (G2 \(t.decimal($0.g2, places: 1)), \($0.targetCount)/\($0.referenceCount))" }
            return t("keyness.year", year, terms.isEmpty ? t("keyness.nothing") : terms.joined(separator: "; "))
        }
        return Report.Section(title: t("keyness.title"), blocks: [.paragraph(t("keyness.intro")), .bullets(lines)])
    }

    /// One row per phrase (``KeynessRow/phrase``), whose parts all have its counts: the row of
    /// the phrase itself where it is one, as keyness.csv has it, else its strongest part (`rows`
    /// are sorted by G2); sorted by G2 again, then by phrase.
    private static func phrases(_ rows: [KeynessRow]) -> [KeynessRow] {
        var chosen: [String: KeynessRow] = [:]
        for row in rows where chosen[row.phrase] == nil || row.term == row.phrase { chosen[row.phrase] = row }
        return chosen.values.sorted { $0.g2 != $1.g2 ? $0.g2 > $1.g2 : $0.phrase.utf8.lexicographicallyPrecedes($1.phrase.utf8) }
    }

    /// The strongest phrases without repeats: a phrase inside one already listed is skipped,
    /// and a longer phrase replaces a listed part of it when it is nearly as frequent (at
    /// least 80%), so "tạo cơ hội" is shown rather than "tạo cơ", "cơ hội" and "tạo".
    private func highlights(_ rows: [KeynessRow], count: Int) -> [KeynessRow] {
        var chosen: [KeynessRow] = []
        func contains(_ outer: String, _ inner: String) -> Bool { " \(outer) ".contains(" \(inner) ") }
        for row in rows {
            if chosen.contains(where: { contains($0.phrase, row.phrase) }) { continue }
            if let i = chosen.firstIndex(where: { contains(row.phrase, $0.phrase) }) {
                if Double(row.targetCount) >= 0.8 * Double(chosen[i].targetCount) {
                    chosen[i] = row
                    chosen = chosen.enumerated().filter { $0.offset == i || !contains(row.phrase, $0.element.phrase) }.map(\.element)
                }
                continue
            }
            if chosen.count < count { chosen.append(row) }
        }
        return chosen
    }

    private func reuse(_ c: Comparison) -> Report.Section {
        let t = strings
        guard !c.reuse.shares.isEmpty else { return Report.Section(title: t("reuse.title"), blocks: [.paragraph(t("reuse.none"))]) }
        // The pairs with the largest shares; a large corpus has far too many to list.
        let strongest = c.reuse.shares.leading(Self.listLimit) { ($0.share, $1.documentID, $1.sourceID) > ($1.share, $0.documentID, $0.sourceID) }
        let rows = strongest.map { [$0.documentID, $0.sourceID, t.decimal($0.share * 100, places: 1) + "%", String($0.reusedTokens)] }
        var blocks: [Report.Block] = [.paragraph(t("reuse.intro", c.reuse.passages.count)),
                                      .table([t("col.document"), t("col.sharedWith"), t("col.share"), t("col.syllables")], rows)]
        if c.reuse.shares.count > Self.listLimit { blocks.append(.paragraph(t("more", c.reuse.shares.count - Self.listLimit, "reuse_shares.csv"))) }
        let byID = Dictionary(uniqueKeysWithValues: c.documents.map { ($0.metadata.id, $0) })
        for p in c.reuse.passages.leading(3, by: { ($0.tokensA.count, $0.documentA) > ($1.tokensA.count, $1.documentA) }) {
            guard let a = byID[p.documentA], let range = a.reuseTokens.span(p.tokensA) else { continue }
            blocks.append(.quote(Report.Quote(text: Self.shorten(a.quote(range), around: ""),
                                              source: t("reuse.passage", p.documentA, p.documentB, p.tokensA.count, t.decimal(p.similarity, places: 2)))))
        }
        return Report.Section(title: t("reuse.title"), blocks: blocks)
    }

    private func caveats(_ c: Comparison) -> Report.Section {
        let t = strings
        return Report.Section(title: t("caveats.title"), blocks: [.bullets([t("caveats.dictionary"), t("caveats.presence"), t("caveats.level"), t("caveats.keyness"), t("caveats.quotes")])])
    }

    private func settings(_ c: Comparison) -> Report.Section {
        let t = strings
        var bullets = [
            t("settings.tool", toolVersion),
            t("settings.codebook", c.codebook.source.split(separator: "/").last.map(String.init) ?? c.codebook.source, c.codebook.fingerprint, c.codebook.categories.count),
            t("settings.years", c.years.map(String.init).joined(separator: ", "), c.baselineYear),
        ]
        if c.documents.count <= Self.listLimit {
            bullets += c.documents.map { t("settings.document", $0.metadata.id, $0.metadata.file, $0.fingerprint, $0.encoding) }
        } else {
            let combined = StableHash.fingerprint(bytes: c.documents.map(\.fingerprint).joined(separator: "\n").utf8)
            bullets.append(t("settings.corpus", c.documents.count, combined))
        }
        return Report.Section(title: t("settings.title"), blocks: [.bullets(bullets)])
    }
}
