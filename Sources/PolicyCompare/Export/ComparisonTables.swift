/// Every table `compare` writes, built from a ``Comparison``.
public enum ComparisonTables {
    /// The tables, built on all cores; the slowest (``slowestBuilder``) is started first.
    ///
    /// The reuse table takes the longest by far: its rows read every document's tokens and
    /// source back. Taken last, in table order, it was built by one core alone for 0.2 s at
    /// 10,000 plans while the other had finished the rest; started first, the other core
    /// builds the rest meanwhile. The tables come back in table order.
    public static func all(_ c: Comparison) -> [Table] {
        let builders = builders(c)
        guard builders.indices.contains(slowestBuilder) else { return Parallel.map(builders) { $0() } }
        let order = [slowestBuilder] + builders.indices.filter { $0 != slowestBuilder }
        let built = Parallel.map(order) { builders[$0]() }
        var tables = built
        for (position, index) in order.enumerated() { tables[index] = built[position] }
        return tables
    }

    /// The names of the tables of ``all(_:)``, in that order, known before any is built.
    static let names = ["documents", "coding_by_document", "coding_by_year", "matrix_by_year", "changes", "baseline", "evidence",
                        "uncoded", "keyness", "themes", "slogans", "references", "actors", "reuse", "reuse_shares"]

    /// The position of the reuse table's builder in ``builders(_:)``.
    static let slowestBuilder = 13

    /// A function building each table of ``all(_:)``, in that order: the tables are
    /// independent, so they can be built (and written, and let go) one at a time.
    static func builders(_ c: Comparison) -> [@Sendable () -> Table] {
        let codings = c.documents.map(\.coding)
        return [
            { documents(c) }, { CodingTables.byDocument(codings, codebook: c.codebook) }, { codingByYear(c) }, { matrixByYear(c) },
            { changes(c) }, { baseline(c) }, { CodingTables.evidence(codings, codebook: c.codebook) }, { CodingTables.uncoded(codings) },
            { keyness(c) }, { themes(c) }, { slogans(c) }, { references(c) }, { actors(c) }, { reuse(c) }, { reuseShares(c) },
        ]
    }

    static func labels(_ c: Comparison, _ id: String) -> [Cell] {
        guard let category = c.codebook.category(id) else { return [.text(id), .empty, .empty, .empty] }
        return [.text(category.id), .text(category.dimension.rawValue), .text(category.labelEnglish), .text(category.labelVietnamese)]
    }

    static let categoryColumns = CodingTables.categoryColumns

    static func years(_ list: [Int]) -> Cell { .text(list.map(String.init).joined(separator: ";")) }

    public static func documents(_ c: Comparison) -> Table {
        var t = Table(name: "documents", description: "One row per compared document: metadata from the manifest and what the reader found.", columns: [
            Column("document_id", .string, title: "Document", description: "Document id from the manifest."),
            Column("year", .integer, title: "Year", description: "Year the directive is for."),
            Column("issuer", .string, title: "Issuer", description: "Issuing body."),
            Column("level", .string, title: "Level", description: "national, provincial, district or commune."),
            Column("kind", .string, title: "Kind", description: "letter, plan, ..."),
            Column("title", .string, title: "Title", description: "Title from the manifest."),
            Column("date", .string, title: "Date", description: "Date of issue (ISO 8601) from the manifest, if known."),
            Column("number", .string, title: "Number", description: "Number and symbol, if known."),
            Column("file", .string, title: "File", description: "Path of the text relative to the corpus folder."),
            Column("encoding", .string, title: "Encoding", description: "Encoding the text was decoded from."),
            Column("bytes", .integer, title: "Bytes", description: "Size of the file in bytes."),
            Column("fingerprint", .string, title: "Fingerprint", description: "FNV-1a 64-bit hash of the file's bytes: 'fnv1a:' and 16 hex digits."),
            Column("segments", .integer, title: "Segments", description: "Body and annex segments parsed."),
            Column("syllables", .integer, title: "Syllables", description: "Syllables in the coded body and annexes."),
            Column("theme", .string, title: "Theme", description: "The month's official theme as written; empty when none is stated."),
            Column("period_start", .string, title: "Period start", description: "Start of the month of action (ISO date), if stated."),
            Column("period_end", .string, title: "Period end", description: "End of the month of action (ISO date), if stated."),
            Column("slogans", .integer, title: "Slogans", description: "Number of slogans and messages listed."),
            Column("references", .integer, title: "References", description: "Number of distinct instruments cited."),
            Column("actors_tasked", .integer, title: "Actors tasked", description: "Number of distinct agencies given a task."),
            Column("categories_present", .integer, title: "Categories present", description: "Codebook categories present in the document."),
            Column("notes", .string, title: "Notes", description: "What the reader inferred or converted, and what to check: a year the text states that is not the manifest's, few syllables with diacritics, a period whose end comes before its start."),
        ], primaryKey: ["document_id"])
        var yearNotes: [String: String] = [:]
        for case .yearDiffers(let differences) in c.caveats {
            for difference in differences { yearNotes[difference.documentID] = difference.description }
        }
        for d in c.documents {
            let m = d.metadata
            t.rows.append([
                .text(m.id), .integer(m.year), .text(m.issuer), .text(m.level), .text(m.kind), .text(m.title), .text(m.date), .text(m.number),
                .text(m.file), .text(d.encoding), .integer(d.bytes), .text(d.fingerprint), .integer(d.segments), .integer(d.coding.syllables),
                .text(d.theme?.text ?? ""), .text(d.period?.start ?? ""), .text(d.period?.end ?? ""), .integer(d.slogans.count),
                .integer(Set(d.references.map(\.key)).count), .integer(Set(d.actorMentions.mentions.filter(\.tasked).map { d.actorMentions.agency(of: $0).id }).count),
                .integer(d.coding.counts.count(where: \.present)), .text((d.notes + [yearNotes[m.id]].compactMap { $0 }).joined(separator: "; ")),
            ])
        }
        return t
    }

    public static func codingByYear(_ c: Comparison) -> Table {
        var t = Table(name: "coding_by_year", description: "One row per compared year and category (tidy): in how many of the year's documents the category is present, and how often.", columns: [
            Column("year", .integer, title: "Year", description: "Compared year."),
        ] + categoryColumns + [
            Column("documents_present", .integer, title: "Documents present", description: "Documents of the year in which the category is present."),
            Column("documents_total", .integer, title: "Documents", description: "Documents of the year."),
            Column("present", .boolean, title: "Present", description: "true when present in at least one document of the year."),
            Column("matches", .integer, title: "Matches", description: "Counted matches in all documents of the year."),
            Column("syllables", .integer, title: "Syllables", description: "Syllables of the year's coded text."),
            Column("per_1000_syllables", .number, title: "Matches per 1,000 syllables", description: "matches / syllables * 1000 (3 decimals)."),
        ], primaryKey: ["year", "category_id"])
        for r in c.byYear {
            t.rows.append([.integer(r.year)] + labels(c, r.categoryID) + [
                .integer(r.documentsPresent), .integer(r.documentsTotal), .boolean(r.present), .integer(r.matches), .integer(r.syllables),
                .number(r.per1000, places: 3),
            ])
        }
        return t
    }

    public static func matrixByYear(_ c: Comparison) -> Table {
        var columns = categoryColumns
        for year in c.years {
            columns.append(Column("y\(year)", .integer, title: "\(year): documents present", description: "Documents of \(year) in which the category is present."))
        }
        for year in c.years {
            columns.append(Column("per_1000_y\(year)", .number, title: "\(year): per 1,000 syllables", description: "Matches per 1,000 syllables in \(year)."))
        }
        columns.append(Column("status", .string, title: "Status", description: "continuing, new, dropped, intermittent or absent (see changes.csv)."))
        var t = Table(name: "matrix_by_year", description: "Wide view: one row per category, one column per year (documents present, then intensity).", columns: columns, primaryKey: ["category_id"])
        for change in c.changes {
            let rows = c.years.map { c.row(year: $0, category: change.categoryID) }
            t.rows.append(labels(c, change.categoryID) + rows.map { .integer($0?.documentsPresent ?? 0) }
                          + rows.map { .number($0?.per1000 ?? 0, places: 3) } + [.text(change.status.rawValue)])
        }
        return t
    }

    public static func changes(_ c: Comparison) -> Table {
        var t = Table(name: "changes", description: "One row per category: its status across the compared years and against the baseline year.", columns: categoryColumns + [
            Column("status", .string, title: "Status", description: "continuing (every year), new (absent at first, present from a year to the last), dropped (present at first, absent from a year to the last), intermittent, absent."),
            Column("first_year", .integer, title: "First year", description: "First compared year in which the category is present."),
            Column("last_year", .integer, title: "Last year", description: "Last compared year in which the category is present."),
            Column("years_present", .string, title: "Years present", description: "Compared years in which it is present, separated by ';'."),
            Column("years_compared", .string, title: "Years compared", description: "The compared years in order, separated by ';'."),
            Column("baseline_year", .integer, title: "Baseline year", description: "The year every other year is compared against."),
            Column("gained_years", .string, title: "Gained in", description: "Years in which it is present but absent in the baseline year."),
            Column("lost_years", .string, title: "Lost in", description: "Years in which it is absent but present in the baseline year."),
            Column("kept_years", .string, title: "Kept in", description: "Years in which it is present, as in the baseline year."),
            Column("per_1000_change_last", .number, title: "Intensity change (last vs baseline)", description: "Matches per 1,000 syllables in the last compared year minus in the baseline year."),
        ], primaryKey: ["category_id"])
        for change in c.changes {
            func years(_ kind: BaselineChange) -> Cell { Self.years(change.baseline.filter { $0.change == kind }.map(\.year)) }
            let last = change.baseline.last { $0.year == c.years.last }
            t.rows.append(labels(c, change.categoryID) + [
                .text(change.status.rawValue), change.firstYear.map { .integer($0) } ?? .empty, change.lastYear.map { .integer($0) } ?? .empty,
                Self.years(change.yearsPresent), Self.years(c.years), .integer(c.baselineYear), years(.gained), years(.lost), years(.kept),
                last.map { .number($0.per1000Change, places: 3) } ?? .empty,
            ])
        }
        return t
    }

    public static func baseline(_ c: Comparison) -> Table {
        var t = Table(name: "baseline", description: "One row per compared year (other than the baseline) and category: gained, lost, kept or none against the baseline year, and the change in intensity.", columns: [
            Column("baseline_year", .integer, title: "Baseline year", description: "The year compared against."),
            Column("year", .integer, title: "Year", description: "The compared year."),
        ] + categoryColumns + [
            Column("change", .string, title: "Change", description: "gained (absent in baseline, present in year), lost, kept (present in both) or none."),
            Column("per_1000_baseline", .number, title: "Baseline per 1,000", description: "Matches per 1,000 syllables in the baseline year."),
            Column("per_1000", .number, title: "Per 1,000", description: "Matches per 1,000 syllables in the year."),
            Column("per_1000_change", .number, title: "Change per 1,000", description: "per_1000 - per_1000_baseline."),
        ], primaryKey: ["year", "category_id"])
        for change in c.changes {
            let base = c.row(year: c.baselineYear, category: change.categoryID)?.per1000 ?? 0
            for row in change.baseline {
                t.rows.append([.integer(c.baselineYear), .integer(row.year)] + labels(c, change.categoryID) + [
                    .text(row.change.rawValue), .number(base, places: 3), .number(base + row.per1000Change, places: 3), .number(row.per1000Change, places: 3),
                ])
            }
        }
        t.rows.sort { lhs, rhs in
            guard case .integer(let a) = lhs[1], case .integer(let b) = rhs[1] else { return false }
            return (c.years.firstIndex(of: a) ?? 0) < (c.years.firstIndex(of: b) ?? 0)
        }
        return t
    }

    /// Significant digits of a p-value: at 6 decimals, 10 of the shipped keyness rows read
    /// `0.000000`, a p of 0; in exponent form below 0.0001 a positive p never does.
    static let pValueDigits = 6

    public static func keyness(_ c: Comparison) -> Table {
        var t = Table(name: "keyness", description: "Terms (syllable n-grams, 1 to 3) overused in one year against all other compared years: log-likelihood G2, its p-value, Log Ratio and the four counts behind them.", columns: [
            Column("year", .integer, title: "Year", description: "The target year; the reference is every other compared year."),
            Column("rank", .integer, title: "Rank", description: "Rank within the year, by G2."),
            Column("term", .string, title: "Term", description: "The n-gram, lower case."),
            Column("n", .integer, title: "n", description: "Syllables in the term."),
            Column("target_count", .integer, title: "a: count in year", description: "Frequency in the target year."),
            Column("reference_count", .integer, title: "b: count in other years", description: "Frequency in the other years."),
            Column("target_total", .integer, title: "c: n-grams in year", description: "Number of n-gram positions of this size in the target year."),
            Column("reference_total", .integer, title: "d: n-grams in other years", description: "Number of n-gram positions of this size in the other years."),
            Column("g2", .number, title: "G2", description: "Log-likelihood: 2*(a*ln(a/E1) + b*ln(b/E2)), E1 = c*(a+b)/(c+d), E2 = d*(a+b)/(c+d)."),
            Column("p_value", .number, title: "p", description: "Upper tail of chi-square with 1 degree of freedom at G2."),
            Column("log_ratio", .number, title: "Log Ratio", description: "log2((a/c)/(b/d)), a zero count taken as 0.5."),
            Column("phrase", .string, title: "Phrase", description: "The phrase the term always occurs in: the longer phrase it forms with the year's other key terms of the same counts a and b, where the counts prove that they always occur together (\"bảo vệ chăm\" and \"vệ chăm sóc\" in \"bảo vệ chăm sóc\"); otherwise the term itself."),
        ], primaryKey: ["year", "term"])
        var rank: [String: Int] = [:]
        for row in c.keyness where row.direction == .over {
            rank[row.target, default: 0] += 1
            t.rows.append([
                .integer(Int(row.target) ?? 0), .integer(rank[row.target] ?? 0), .text(row.term), .integer(row.n), .integer(row.targetCount),
                .integer(row.referenceCount), .integer(row.targetTotal), .integer(row.referenceTotal), .number(row.g2, places: 3),
                .significant(row.pValue, digits: Self.pValueDigits), .number(row.logRatio, places: 3), .text(row.phrase),
            ])
        }
        return t
    }

    public static func themes(_ c: Comparison) -> Table {
        var t = Table(name: "themes", description: "One row per document: the month's official theme and how its wording changed from the previous year's stated theme.", columns: [
            Column("document_id", .string, title: "Document", description: "Document id."),
            Column("year", .integer, title: "Year", description: "Year the directive is for."),
            Column("theme", .string, title: "Theme", description: "The official theme as written; empty when none is stated."),
            Column("theme_stated", .boolean, title: "Stated", description: "false when the document states no theme."),
            Column("previous_year", .integer, title: "Previous year", description: "Closest earlier compared year that states a theme."),
            Column("previous_theme", .string, title: "Previous theme", description: "That year's theme."),
            Column("unchanged", .boolean, title: "Unchanged", description: "true when the wording equals the previous theme's (ignoring case and punctuation)."),
            Column("words_kept", .string, title: "Words kept", description: "Words of this theme also in the previous one."),
            Column("words_added", .string, title: "Words added", description: "Words new in this theme."),
            Column("words_removed", .string, title: "Words removed", description: "Words of the previous theme not in this one."),
        ], primaryKey: ["document_id"])
        for theme in c.themes {
            t.rows.append([
                .text(theme.documentID), .integer(theme.year), .text(theme.theme ?? ""), .boolean(theme.theme != nil),
                theme.previousYear.map { .integer($0) } ?? .empty, .text(theme.previousTheme ?? ""),
                theme.theme != nil && theme.previousTheme != nil ? .boolean(theme.unchanged) : .empty,
                .text(theme.kept.joined(separator: " ")), .text(theme.added.joined(separator: " ")), .text(theme.removed.joined(separator: " ")),
            ])
        }
        return t
    }

    public static func slogans(_ c: Comparison) -> Table {
        var t = Table(name: "slogans", description: "One row per slogan or message: the year first seen and every year it recurs, exactly or nearly.", columns: [
            Column("slogan_id", .string, title: "Slogan", description: "s1, s2, ... in order of first appearance."),
            Column("slogan", .string, title: "Wording", description: "The wording where it first appears."),
            Column("first_year", .integer, title: "First year", description: "Compared year in which it first appears."),
            Column("years", .string, title: "Years", description: "Every compared year in which it appears, separated by ';'."),
            Column("recurs", .boolean, title: "Recurs", description: "true when it appears in more than one year."),
            Column("exact", .boolean, title: "Exact", description: "true when every occurrence has the same words."),
            Column("documents", .string, title: "Documents", description: "Documents that list it, separated by ';'."),
            Column("variants", .string, title: "Variants", description: "Every distinct wording grouped under it, separated by ' | '."),
        ], primaryKey: ["slogan_id"])
        for (i, s) in c.slogans.enumerated() {
            t.rows.append([
                .text("s\(i + 1)"), .text(s.text), .integer(s.firstYear), years(s.years), .boolean(s.years.count > 1), .boolean(s.exact),
                .text(s.documents.joined(separator: ";")), .text(s.variants.joined(separator: " | ")),
            ])
        }
        return t
    }

    public static func references(_ c: Comparison) -> Table {
        var t = Table(name: "references", description: "One row per document and cited instrument, with when the corpus first and last cites it.", columns: [
            Column("document_id", .string, title: "Document", description: "Citing document."),
            Column("year", .integer, title: "Year", description: "Year of the citing document."),
            Column("type", .string, title: "Type", description: "Chỉ thị, Quyết định, Nghị định, Công văn, Kế hoạch, Luật, Chương trình, ..."),
            Column("key", .string, title: "Key", description: "Number and symbol (e.g. 20-CT/TW), or the normalised name of a law or programme."),
            Column("date", .string, title: "Date", description: "Date of the instrument (ISO) when a citation gives it."),
            Column("mentions", .integer, title: "Mentions", description: "Times the document cites it."),
            Column("first_year", .integer, title: "First cited", description: "First compared year that cites it."),
            Column("last_year", .integer, title: "Last cited", description: "Last compared year that cites it."),
            Column("years_cited", .string, title: "Years cited", description: "Compared years that cite it, separated by ';'."),
            Column("status", .string, title: "Status", description: "continuing, new, dropped, intermittent (same rules as categories)."),
            Column("quote", .string, title: "Citation", description: "The first citation as written."),
        ], primaryKey: ["document_id", "key"])
        // Each key's history found once, not by a scan per citation (which grew with corpus × references).
        var histories: [String: Int] = [:]
        for (index, history) in c.references.enumerated() where histories[history.key] == nil {
            histories[history.key] = index
        }
        // Each history's years joined once, not for every document that cites it (joining
        // them per row was two thirds of this table's cost).
        var yearsCells = [Cell?](repeating: nil, count: c.references.count)
        for d in c.documents {
            var seen = Set<String>()
            for reference in d.references where seen.insert(reference.key).inserted {
                guard let index = histories[reference.key] else { continue }
                let h = c.references[index]
                let yearsCell = yearsCells[index] ?? years(h.years)
                yearsCells[index] = yearsCell
                t.rows.append([
                    .text(d.metadata.id), .integer(d.metadata.year), .text(h.type), .text(h.key), .text(h.date), .integer(h.mentions[d.metadata.id] ?? 0),
                    h.firstYear.map { .integer($0) } ?? .empty, h.lastYear.map { .integer($0) } ?? .empty, yearsCell, .text(h.status.rawValue),
                    .text(reference.quote),
                ])
            }
        }
        return t
    }

    public static func actors(_ c: Comparison) -> Table {
        var t = Table(name: "actors", description: "One row per document and agency named in its body: how often, and whether it is given a task.", columns: [
            Column("document_id", .string, title: "Document", description: "Document id."),
            Column("year", .integer, title: "Year", description: "Year of the document."),
            Column("actor_id", .string, title: "Actor", description: "Stable id of the agency (Resources/actors.tsv)."),
            Column("name_vi", .string, title: "Name (Vietnamese)", description: "Canonical name."),
            Column("name_en", .string, title: "Name (English)", description: "English name."),
            Column("mentions", .integer, title: "Mentions", description: "Times it is named in the body."),
            Column("tasked_mentions", .integer, title: "Tasked mentions", description: "Mentions that assign it a task."),
            Column("tasked", .boolean, title: "Tasked", description: "true when at least one mention assigns it a task."),
            Column("first_segment", .string, title: "First segment", description: "Segment path of the first mention."),
        ], primaryKey: ["document_id", "actor_id"])
        // Per document, one small entry per agency (its first mention and two counts); the
        // rows are generated when written (a large corpus has hundreds of thousands).
        let documents = c.documents
        // Mentions are counted by their agency's number, and the agencies of one id joined
        // after: looked up by id, each mention hashed its agency's id twice (1% of the
        // instructions at 1,000 generated plans).
        let entries = Parallel.map(documents.count) { d in
            let actors = documents[d].actorMentions, agencies = actors.agencies
            var counts = [(first: Int, mentions: Int, tasked: Int)](repeating: (-1, 0, 0), count: agencies.count)
            for (index, mention) in actors.mentions.enumerated() {
                let a = Int(mention.agency)
                guard counts.indices.contains(a) else { continue }
                if counts[a].first < 0 { counts[a].first = index }
                counts[a].mentions += 1
                if mention.tasked { counts[a].tasked += 1 }
            }
            var byID: [String: (first: Int, mentions: Int, tasked: Int)] = [:]
            for (a, count) in counts.enumerated() where count.first >= 0 {
                let id = agencies[a].id
                if let other = byID[id] {
                    byID[id] = (min(other.first, count.first), other.mentions + count.mentions, other.tasked + count.tasked)
                } else {
                    byID[id] = count
                }
            }
            return byID.keys.sorted().compactMap { byID[$0] }
        }
        t.rows = CodingTables.generatedRows(entries.map(\.count), filler: {
            { d, i, cells in
                let entry = entries[d][i], metadata = documents[d].metadata, actors = documents[d].actorMentions
                let mention = actors.mentions[entry.first], a = actors.agency(of: mention)
                Table.Rows.fill(&cells, count: 9) { c in
                    c[0] = .text(metadata.id)
                    c[1] = .integer(metadata.year)
                    c[2] = .text(a.id)
                    c[3] = .text(a.name)
                    c[4] = .text(a.nameEnglish)
                    c[5] = .integer(entry.mentions)
                    c[6] = .integer(entry.tasked)
                    c[7] = .boolean(entry.tasked > 0)
                    c[8] = .text(mention.segmentPath)
                }
            }
        }, records: (fields: 9, renderer: { writer in
            // The same fields as the cells, written as the writer writes them, without a
            // copy of the document's metadata per row; its id and year fields are rendered
            // once a pass.
            let prefixes = RenderedFields(documents.map { [.text($0.metadata.id), .integer($0.metadata.year)] }, writer: writer)
            let delimiter = writer.delimiterByte
            return { d, i, out in
                let entry = entries[d][i], actors = documents[d].actorMentions
                let mention = actors.mentions[entry.first], a = actors.agency(of: mention)
                prefixes.append(d, to: &out)
                writer.appendText(a.id, to: &out)
                out.append(delimiter)
                writer.appendText(a.name, to: &out)
                out.append(delimiter)
                writer.appendText(a.nameEnglish, to: &out)
                out.append(delimiter)
                DecimalText.appendInteger(entry.mentions, to: &out)
                out.append(delimiter)
                DecimalText.appendInteger(entry.tasked, to: &out)
                out.append(delimiter)
                writer.appendCell(.boolean(entry.tasked > 0), to: &out)
                out.append(delimiter)
                writer.appendText(mention.segmentPath, to: &out)
            }
        }))
        return t
    }

    public static func reuse(_ c: Comparison) -> Table {
        var t = Table(name: "reuse", description: "Passages shared word for word or nearly between two documents.", columns: [
            Column("document_a", .string, title: "Document A", description: "First document (ids in byte order)."),
            Column("year_a", .integer, title: "Year A", description: "Its year."),
            Column("document_b", .string, title: "Document B", description: "Second document."),
            Column("year_b", .integer, title: "Year B", description: "Its year."),
            Column("start_a", .integer, title: "Start in A", description: "Offset of the passage in A's source (code points)."),
            Column("end_a", .integer, title: "End in A", description: "End offset in A (exclusive)."),
            Column("start_b", .integer, title: "Start in B", description: "Offset of the passage in B's source."),
            Column("end_b", .integer, title: "End in B", description: "End offset in B (exclusive)."),
            Column("syllables_a", .integer, title: "Syllables in A", description: "Length of the passage in A, in tokens."),
            Column("shared_syllables", .integer, title: "Shared syllables", description: "Tokens of the passage covered by shared shingles."),
            Column("similarity", .number, title: "Similarity", description: "Share of the passage's words that are identical in both (0-1)."),
            Column("text_a", .string, title: "Passage in A", description: "The passage as written in A (first 600 characters)."),
            Column("text_b", .string, title: "Passage in B", description: "The passage as written in B (first 600 characters)."),
        ], primaryKey: ["document_a", "document_b", "start_a", "start_b"])
        // Per document, only what a row reads: copying a DocumentAnalysis per row would
        // retain every array it holds (a large corpus has a million passages).
        let documents = c.documents
        let ids = documents.map(\.metadata.id), years = documents.map(\.metadata.year)
        let passages = c.reuse.passages
        let rows = reuseRows(passages, documents: documents)
        let nextB = nextRunsOfB(rows, documents: documents.count)
        t.rows = Table.Rows(count: rows.count, filler: {
            let sources = ReuseSources(documents)
            return { i, cells in
                let row = rows[i], a = row.a, b = row.b
                sources.select(a, b, nextB: nextB[i])
                let ra = row.spanA, rb = row.spanB
                // The passage's fields read in place: a copy retained its two identifiers.
                let tokens = passages[row.passage].tokensA.count, shared = passages[row.passage].sharedTokens
                let similarity = passages[row.passage].similarity
                Table.Rows.fill(&cells, count: 13) { c in
                    c[0] = .text(ids[a])
                    c[1] = .integer(years[a])
                    c[2] = .text(ids[b])
                    c[3] = .integer(years[b])
                    c[4] = .integer(ra.lowerBound)
                    c[5] = .integer(ra.upperBound)
                    c[6] = .integer(rb.lowerBound)
                    c[7] = .integer(rb.upperBound)
                    c[8] = .integer(tokens)
                    c[9] = .integer(shared)
                    c[10] = .number(similarity, places: 3)
                    c[11] = sources.sourceA.cell(ra, keptBytes: row.bytesA, limit: excerptLimit)
                    c[12] = sources.sourceB.cell(rb, keptBytes: row.bytesB, limit: excerptLimit)
                }
            }
        }, records: Table.Rows.CSVRecords(fields: 13) { writer in
            // The same fields as the cells, written as the writer writes them: a million rows
            // at 10,000 plans, which the CSV file no longer makes as cells (the workbook does).
            let sources = ReuseSources(documents)
            let delimiter = writer.delimiterByte
            // Each document's id and year fields, rendered once a pass: every row has two
            // documents, and each document is in many rows.
            let documentFields = RenderedFields(documents.indices.map { [.text(ids[$0]), .integer(years[$0])] }, writer: writer)
            return { i, out in
                let row = rows[i], a = row.a, b = row.b
                sources.select(a, b, nextB: nextB[i])
                let ra = row.spanA, rb = row.spanB
                func append(_ cell: Cell) {
                    writer.appendCell(cell, to: &out)
                    out.append(delimiter)
                }
                documentFields.append(a, to: &out)
                documentFields.append(b, to: &out)
                append(.integer(ra.lowerBound))
                append(.integer(ra.upperBound))
                append(.integer(rb.lowerBound))
                append(.integer(rb.upperBound))
                append(.integer(passages[row.passage].tokensA.count))
                append(.integer(passages[row.passage].sharedTokens))
                append(.number(passages[row.passage].similarity, places: 3))
                writer.appendQuote(ra, keptBytes: row.bytesA, of: sources.sourceA, limit: excerptLimit, to: &out)
                out.append(delimiter)
                writer.appendQuote(rb, keptBytes: row.bytesB, of: sources.sourceB, limit: excerptLimit, to: &out)
            }
        })
        return t
    }

    /// The sources a reader of the reuse rows quotes, for one pass over them.
    ///
    /// The sources of the row before are kept at hand: a run of rows shares A, and a pair's
    /// rows share B, so most rows look neither up (each look-up copied the source out of the
    /// cache, retaining and releasing its arrays). A's and B's caches are apart: A repeats
    /// over a run of rows while B changes with each partner, so in one cache eight partners
    /// pushed A out and it was read back again (8,345 loads for 1,000 generated plans; 7,718
    /// kept apart). B's cache keeps 128 partners, not 8, and lets go the one needed again
    /// last (``nextRunsOfB(_:documents:)``): a document's partners recur in the runs of the
    /// documents after it, and at 10,000 generated plans 8 read 69,717 sources back for
    /// 73,591 pairs, 128 let go oldest first 49,335, and 128 let go by next use 35,833 (2 MB
    /// of sources held at 13 KB each).
    /// A class with unchecked access, as ``RecentlyLoaded`` is: the pair kept in the readers'
    /// captured variables cost more in access checks than the look-ups it saved.
    private final class ReuseSources {
        private let cacheA: RecentlyLoaded<SourceText>
        private let cacheB: RecentlyLoaded<SourceText>
        @exclusivity(unchecked) private var a = -1
        @exclusivity(unchecked) private var b = -1
        /// The source of the document ``select(_:_:)`` made A, and of B.
        @exclusivity(unchecked) private(set) var sourceA = SourceText([])
        @exclusivity(unchecked) private(set) var sourceB = SourceText([])

        init(_ documents: [DocumentAnalysis]) {
            cacheA = RecentlyLoaded { documents[$0].source.loaded() }
            cacheB = RecentlyLoaded(kept: 128) { documents[$0].source.loaded() }
        }

        /// Makes ``sourceA`` and ``sourceB`` the sources of documents `a` and `b`, `b` being
        /// B again next at row `nextB` (see ``nextRunsOfB(_:documents:)``).
        func select(_ a: Int, _ b: Int, nextB: Int32) {
            if a != self.a {
                self.a = a
                sourceA = cacheA[a]
            }
            if b != self.b {
                self.b = b
                sourceB = cacheB[b, readNextAt: Int(nextB)]
            }
        }
    }

    public static func reuseShares(_ c: Comparison) -> Table {
        var t = Table(name: "reuse_shares", description: "For each document and each other document it shares passages with: the share of its text found in the other.", columns: [
            Column("document_id", .string, title: "Document", description: "The document whose text is measured."),
            Column("source_id", .string, title: "Shared with", description: "The other document."),
            Column("reused_syllables", .integer, title: "Reused syllables", description: "Tokens of the document inside passages shared with the other."),
            Column("total_syllables", .integer, title: "Total syllables", description: "Tokens of the document."),
            Column("share", .number, title: "Share", description: "reused_syllables / total_syllables (0-1)."),
        ], primaryKey: ["document_id", "source_id"])
        // Generated when written: a large corpus has hundreds of thousands of shares.
        let shares = c.reuse.shares
        t.rows = Table.Rows(count: shares.count, filler: {
            { i, cells in
                let s = shares[i]
                Table.Rows.fill(&cells, count: 5) { c in
                    c[0] = .text(s.documentID)
                    c[1] = .text(s.sourceID)
                    c[2] = .integer(s.reusedTokens)
                    c[3] = .integer(s.totalTokens)
                    c[4] = .number(s.share, places: 4)
                }
            }
        }, records: Table.Rows.CSVRecords(fields: 5) { writer in
            // The same fields as the cells, written as the writer writes them.
            let delimiter = writer.delimiterByte
            return { i, out in
                writer.appendText(shares[i].documentID, to: &out)
                out.append(delimiter)
                writer.appendText(shares[i].sourceID, to: &out)
                out.append(delimiter)
                writer.appendCell(.integer(shares[i].reusedTokens), to: &out)
                out.append(delimiter)
                writer.appendCell(.integer(shares[i].totalTokens), to: &out)
                out.append(delimiter)
                writer.appendCell(.number(shares[i].share, places: 4), to: &out)
            }
        })
        return t
    }

    /// The passages whose documents and source spans are known, in order, with their indexes,
    /// spans and excerpts' bytes; their rows are generated when written.
    ///
    /// Spans are read from each document's tokens once: the passages of one document with
    /// its many partners lie far apart in the table's order, and reading the tokens back
    /// from the spool per passage was most of the table's cost (a second, serial, at
    /// 10,000 documents). Each excerpt's bytes are found here too, with the document's
    /// source read once, not by each writer that quotes it (the workbook and the CSV file
    /// found them per row, a quarter of the reuse records' cost).
    private static func reuseRows(_ passages: [ReusePassage], documents: [DocumentAnalysis]) -> [ReuseRow] {
        let byID = Dictionary(uniqueKeysWithValues: documents.indices.map { (documents[$0].metadata.id, $0) })
        // A pair's passages are consecutive, and a document's pairs as A: each identifier is
        // looked up only when it is not the passage before's (hashing two identifiers per
        // passage was a third of this function's cost).
        var lastA = (id: "", document: byID[""]), lastB = lastA
        func document(_ id: String, last: inout (id: String, document: Int?)) -> Int? {
            if id != last.id {
                last = (id, byID[id])
            }
            return last.document
        }
        var rows: [ReuseRow] = []
        rows.reserveCapacity(passages.count)
        for i in passages.indices {
            guard let a = document(passages[i].documentA, last: &lastA), let b = document(passages[i].documentB, last: &lastB) else { continue }
            rows.append(ReuseRow(passage: i, a: a, b: b))
        }
        // Both sides of every row, grouped by document (a counting sort): side s of row r is 2r + s.
        var starts = [Int](repeating: 0, count: documents.count + 1)
        for row in rows {
            starts[row.a + 1] += 1
            starts[row.b + 1] += 1
        }
        for d in documents.indices { starts[d + 1] += starts[d] }
        var next = starts
        var sides = [Int32](repeating: 0, count: 2 * rows.count)
        for (r, row) in rows.enumerated() {
            sides[next[row.a]] = Int32(truncatingIfNeeded: 2 * r)
            next[row.a] += 1
            sides[next[row.b]] = Int32(truncatingIfNeeded: 2 * r + 1)
            next[row.b] += 1
        }
        for d in documents.indices where starts[d] < starts[d + 1] {
            let tokens = documents[d].reuseTokens.loaded(), source = documents[d].source.loaded()
            for side in sides[starts[d]..<starts[d + 1]] {
                let r = Int(side >> 1), isB = side & 1 == 1
                let passage = passages[rows[r].passage]
                guard let span = tokens.span(isB ? passage.tokensB : passage.tokensA) else { continue }
                rows[r].setSpan(span, bytes: source.keptBytes(span, limit: excerptLimit), isB: isB)
            }
        }
        rows.removeAll { !$0.hasSpans }
        return rows
    }

    /// For each row, the first row of the next run of rows with its B as B after its own run
    /// (`Int32.max` when none): where ``ReuseSources`` looks B up again.
    private static func nextRunsOfB(_ rows: [ReuseRow], documents: Int) -> [Int32] {
        var next = [Int32](repeating: .max, count: rows.count)
        var nextRun = [Int32](repeating: .max, count: documents)
        for r in rows.indices.reversed() {
            let b = rows[r].b
            guard b >= 0, b < documents else { continue }
            next[r] = nextRun[b]
            if r == 0 || rows[r - 1].b != b {
                nextRun[b] = Int32(clamping: r)
            }
        }
        return next
    }

    /// A row of the reuse table: its passage, documents, source spans and the byte offsets of
    /// its excerpts (``SourceText/keptBytes(_:limit:)``), as 44 bytes (a large corpus has a
    /// million passages).
    private struct ReuseRow: Sendable {
        private var numbers: (passage: Int32, a: Int32, b: Int32, startA: Int32, endA: Int32, startB: Int32, endB: Int32)
        private var excerpts: (startA: Int32, endA: Int32, startB: Int32, endB: Int32) = (0, 0, 0, 0)

        /// A row whose spans are not known yet.
        init(passage: Int, a: Int, b: Int) {
            numbers = (Int32(clamping: passage), Int32(clamping: a), Int32(clamping: b), -1, -1, -1, -1)
        }

        /// Sets the span in A or B and its excerpt's bytes; a row without both spans is dropped.
        mutating func setSpan(_ span: Range<Int>, bytes: Range<Int>, isB: Bool) {
            let (start, end) = (Int32(clamping: span.lowerBound), Int32(clamping: span.upperBound))
            let (first, last) = (Int32(clamping: bytes.lowerBound), Int32(clamping: bytes.upperBound))
            if isB {
                (numbers.startB, numbers.endB) = (start, end)
                (excerpts.startB, excerpts.endB) = (first, last)
            } else {
                (numbers.startA, numbers.endA) = (start, end)
                (excerpts.startA, excerpts.endA) = (first, last)
            }
        }

        var hasSpans: Bool { numbers.startA >= 0 && numbers.startB >= 0 }
        var passage: Int { Int(numbers.passage) }
        var a: Int { Int(numbers.a) }
        var b: Int { Int(numbers.b) }
        var spanA: Range<Int> { Int(numbers.startA)..<Int(numbers.endA) }
        var spanB: Range<Int> { Int(numbers.startB)..<Int(numbers.endB) }
        var bytesA: Range<Int> { Int(excerpts.startA)..<Int(excerpts.endA) }
        var bytesB: Range<Int> { Int(excerpts.startB)..<Int(excerpts.endB) }
    }

    /// Code points of a passage the reuse table quotes, "…" marking a cut.
    static let excerptLimit = 600
}
