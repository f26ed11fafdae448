/// The coding tables: `coding_by_document`, `evidence`, `uncoded`.
public enum CodingTables {
    /// The columns that name a category, shared by every table with one row per category.
    static let categoryColumns = [
        Column("category_id", .string, title: "Category", description: "Codebook category id."),
        Column("dimension", .string, title: "Dimension", description: "theme or activity."),
        Column("label_en", .string, title: "Label (English)", description: "Category label in English."),
        Column("label_vi", .string, title: "Label (Vietnamese)", description: "Nhãn danh mục (tiếng Việt)."),
    ]

    /// The names of the tables ``all(_:codebook:)`` makes, in its order.
    public static let names = ["coding_by_document", "evidence", "uncoded"]

    public static func all(_ codings: [DocumentCoding], codebook: Codebook) -> [Table] {
        [byDocument(codings, codebook: codebook), evidence(codings, codebook: codebook), uncoded(codings)]
    }

    static func ordered(_ codings: [DocumentCoding]) -> [DocumentCoding] {
        codings.sorted { ($0.year, $0.documentID) < ($1.year, $1.documentID) }
    }

    public static func byDocument(_ codings: [DocumentCoding], codebook: Codebook) -> Table {
        var table = Table(
            name: "coding_by_document",
            description: "One row per document and codebook category: whether the category occurs in the document's body and how often.",
            columns: [
                Column("document_id", .string, title: "Document", description: "Document id from the manifest."),
                Column("year", .integer, title: "Year", description: "Year the directive is for."),
            ] + categoryColumns + [
                Column("present", .boolean, title: "Present", description: "true when at least one counted match occurs in the body or annexes."),
                Column("segments", .integer, title: "Segments", description: "Number of body and annex segments with at least one counted match."),
                Column("matches", .integer, title: "Matches", description: "Number of counted matches (overlaps within a category counted once)."),
                Column("per_1000_syllables", .number, title: "Matches per 1,000 syllables", description: "matches / syllables * 1000, three decimals."),
                Column("syllables", .integer, title: "Syllables", description: "Syllables in the document's coded body and annexes."),
            ],
            primaryKey: ["document_id", "category_id"])
        let categories = codebook.categories
        let index = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($0.element.id, $0.offset) })
        // Per document, only what a row reads (copying a coding per row retains all it holds):
        // its counts (the coding's own array), and which of them name a codebook category,
        // with the category's index, as two 4-byte numbers a row.
        let documents = ordered(codings)
        let ids = documents.map(\.documentID), years = documents.map(\.year), syllables = documents.map(\.syllables)
        let counts = documents.map(\.counts)
        let rows = counts.map { counts in
            counts.indices.compactMap { i in index[counts[i].categoryID].map { (count: Int32(i), category: Int32($0)) } }
        }
        table.rows = generatedRows(rows.map(\.count), filler: {
            { d, i, cells in
                let count = counts[d][Int(rows[d][i].count)]
                let category = categories[Int(rows[d][i].category)]
                Table.Rows.fill(&cells, count: 11) { c in
                    c[0] = .text(ids[d])
                    c[1] = .integer(years[d])
                    c[2] = .text(category.id)
                    c[3] = .text(category.dimension.rawValue)
                    c[4] = .text(category.labelEnglish)
                    c[5] = .text(category.labelVietnamese)
                    c[6] = .boolean(count.present)
                    c[7] = .integer(count.segments)
                    c[8] = .integer(count.matches)
                    c[9] = .number(DocumentCoding.rate(matches: count.matches, syllables: syllables[d]), places: 3)
                    c[10] = .integer(syllables[d])
                }
            }
        }, records: (fields: 11, renderer: { writer in
            // The same fields as the cells, written as the writer writes them; each document's
            // id and year fields and a category's four text fields are rendered once a pass.
            let prefixes = RenderedFields(ids.indices.map { [.text(ids[$0]), .integer(years[$0])] }, writer: writer)
            let delimiter = writer.delimiterByte
            let categoryFields = RenderedFields(categories.map { category in
                [.text(category.id), .text(category.dimension.rawValue), .text(category.labelEnglish), .text(category.labelVietnamese)]
            }, writer: writer)
            return { d, i, out in
                let count = counts[d][Int(rows[d][i].count)]
                prefixes.append(d, to: &out)
                categoryFields.append(Int(rows[d][i].category), to: &out)
                writer.appendCell(.boolean(count.present), to: &out)
                out.append(delimiter)
                writer.appendCell(.integer(count.segments), to: &out)
                out.append(delimiter)
                writer.appendCell(.integer(count.matches), to: &out)
                out.append(delimiter)
                writer.appendCell(.number(DocumentCoding.rate(matches: count.matches, syllables: syllables[d]), places: 3), to: &out)
                out.append(delimiter)
                writer.appendCell(.integer(syllables[d]), to: &out)
            }
        }))
        return table
    }

    public static func evidence(_ codings: [DocumentCoding], codebook: Codebook) -> Table {
        var table = Table(
            name: "evidence",
            description: "One row per counted match: the words, the pattern and the sentence of the original text that triggered a category.",
            columns: [
                Column("document_id", .string, title: "Document", description: "Document id."),
                Column("year", .integer, title: "Year", description: "Year the directive is for."),
                Column("segment_path", .string, title: "Segment", description: "Path of the segment in the document's tree (e.g. IV.2.-3)."),
                Column("category_id", .string, title: "Category", description: "Codebook category id."),
                Column("dimension", .string, title: "Dimension", description: "theme or activity."),
                Column("pattern", .string, title: "Pattern", description: "The codebook pattern that matched."),
                Column("matched", .string, title: "Matched words", description: "The matched words as written in the source."),
                Column("match_start", .integer, title: "Match start", description: "Offset of the match in the decoded source, in Unicode code points from 0."),
                Column("match_end", .integer, title: "Match end", description: "End offset (exclusive) of the match."),
                Column("sentence", .string, title: "Sentence", description: "The sentence or clause around the match, as written in the source."),
                Column("sentence_start", .integer, title: "Sentence start", description: "Offset of the sentence in the decoded source (code points)."),
                Column("sentence_end", .integer, title: "Sentence end", description: "End offset (exclusive) of the sentence."),
            ],
            primaryKey: ["document_id", "category_id", "match_start"])
        let dimensions = Dictionary(uniqueKeysWithValues: codebook.categories.map { ($0.id, $0.dimension.rawValue) })
        let documents = ordered(codings).filter { $0.evidenceCount > 0 }
        // Per document, only what a row reads (copying a coding per row retains all it holds).
        let ids = documents.map(\.documentID), years = documents.map(\.year), paths = documents.map(\.segmentPaths)
        let labels = documents.map(\.labels)
        // Codings of one run share their labels: each category's dimension by its number, not
        // looked up by id per row (comparing labels that share storage costs nothing).
        let common = labels.first ?? DocumentCoding.Labels(categoryIDs: [], patterns: [])
        let commonDimensions = common.categoryIDs.map { dimensions[$0] ?? "" }
        let dimension: @Sendable (Int, Int) -> String = { d, category in
            labels[d] == common ? commonDimensions[category] : dimensions[labels[d].categoryIDs[category]] ?? ""
        }
        // The words and sentence are quoted by reference: the table has a row per match.
        let (starts, count) = rowStarts(documents.map(\.evidenceCount))
        table.rows = generatedRows(starts: starts, count: count, filler: {
            let sources = RecentlyLoaded { documents[$0].source.loaded() }
            let matches = RecentlyLoaded { documents[$0].matches.elements }
            // Most rows (63% at 1,000 generated plans) quote the sentence the row before quoted.
            let previous = PassState<(document: Int, sentence: Range<Int>, cell: Cell)?>(nil)
            return { d, i, cells in
                let m = matches[d][i], source = sources[d]
                let category = Int(m.category)
                let match = m.wordsRange, sentence = m.sentenceRange
                let sentenceCell: Cell
                if let last = previous.value, last.document == d, last.sentence == sentence {
                    sentenceCell = last.cell
                } else {
                    sentenceCell = source.cell(sentence)
                    previous.value = (d, sentence, sentenceCell)
                }
                Table.Rows.fill(&cells, count: 12) { c in
                    c[0] = .text(ids[d])
                    c[1] = .integer(years[d])
                    c[2] = .text(paths[d][Int(m.segment)])
                    c[3] = .text(labels[d].categoryIDs[category])
                    c[4] = .text(dimension(d, category))
                    c[5] = .text(labels[d].patterns[Int(m.pattern)])
                    c[6] = source.cell(match)
                    c[7] = .integer(match.lowerBound)
                    c[8] = .integer(match.upperBound)
                    c[9] = sentenceCell
                    c[10] = .integer(sentence.lowerBound)
                    c[11] = .integer(sentence.upperBound)
                }
            }
        }, records: Table.Rows.CSVRecords(fields: 12) { writer in
            // The same fields as the cells, written as the writer writes them, a document's
            // records at a time (see ``EvidenceRecords``).
            let records = EvidenceRecords(documents, starts: starts, writer: writer, dimensions: dimensions)
            return { index, out in records.append(row: index, to: &out) }
        })
        return table
    }

    /// ``generatedRows(_:filler:)`` with one `row` function for every pass.
    static func generatedRows(_ counts: [Int], row: @escaping @Sendable (Int, Int) -> [Cell]) -> Table.Rows {
        generatedRows(counts) { { group, index, cells in cells = row(group, index) } }
    }

    /// Rows generated from groups read in order: `counts[g]` rows for group `g`, and the
    /// cells of row `i` of group `g` written by `fill(g, i, &cells)` over the row before
    /// (``Table/Rows/init(count:filler:records:)``), `fill` being made by `filler` for each pass
    /// over the rows. The tables of one row per match or per document and category run to
    /// millions of rows on a large corpus; generated, they are never all in memory.
    ///
    /// With `records`, a CSV writer renders row `i` of group `g` straight to bytes with the
    /// function `records.renderer` makes for its pass, which must write what the cells would.
    static func generatedRows(
        _ counts: [Int], filler: @escaping @Sendable () -> (Int, Int, inout [Cell]) -> Void,
        records: (fields: Int, renderer: @Sendable (CSVWriter) -> (Int, Int, inout GrowableBuffer<UInt8>) -> Void)? = nil
    ) -> Table.Rows {
        let (offsets, total) = rowStarts(counts)
        let csv = records.map { records in
            Table.Rows.CSVRecords(fields: records.fields) { writer in
                let render = records.renderer(writer)
                let group = PassState(0)
                return { index, out in
                    group.value = Self.group(of: index, in: offsets, near: group.value)
                    render(group.value, index - offsets[group.value], &out)
                }
            }
        }
        return generatedRows(starts: offsets, count: total, filler: filler, records: csv)
    }

    /// Where each group's rows start when group `g` has `counts[g]` rows, and how many rows
    /// there are in all.
    static func rowStarts(_ counts: [Int]) -> (starts: [Int], count: Int) {
        var starts: [Int] = []
        starts.reserveCapacity(counts.count)
        var total = 0
        for count in counts {
            starts.append(total)
            total += count
        }
        return (starts, total)
    }

    /// ``generatedRows(_:filler:records:)`` for groups that start at `offsets`, `total` rows
    /// in all, with `records` that render a row from its index in the table.
    static func generatedRows(
        starts offsets: [Int], count total: Int, filler: @escaping @Sendable () -> (Int, Int, inout [Cell]) -> Void,
        records: Table.Rows.CSVRecords?
    ) -> Table.Rows {
        Table.Rows(count: total, filler: {
            let fill = filler()
            let group = PassState(0)
            return { index, cells in
                group.value = Self.group(of: index, in: offsets, near: group.value)
                fill(group.value, index - offsets[group.value], &cells)
            }
        }, records: records)
    }

    /// What one pass over generated rows keeps from row to row (its group, the last sentence
    /// quoted), held by its row function.
    ///
    /// Unchecked for exclusive access: a pass belongs to one thread, and nothing a row calls
    /// reaches back into it. As a variable captured by the row function, every row's read and
    /// write of it was a dynamic exclusivity check (20 million instructions for 200 plans).
    private final class PassState<Value> {
        @exclusivity(unchecked) var value: Value

        init(_ value: Value) {
            self.value = value
        }
    }

    /// The last group that starts at or before `index` (groups start at `offsets`, in order),
    /// stepping on from `near` when the rows are read in order, else found by halving.
    static func group(of index: Int, in offsets: [Int], near: Int) -> Int {
        var group = near
        if group < offsets.count, offsets[group] <= index {
            // Steps over a few empty groups between one row's group and the next row's; a
            // longer run of them (documents without uncoded segments, say) is halved instead.
            for _ in 0..<8 {
                guard group + 1 < offsets.count, offsets[group + 1] <= index else { return group }
                group += 1
            }
        }
        var low = 0, high = offsets.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if offsets[middle] <= index { low = middle } else { high = middle }
        }
        return low
    }

    public static func uncoded(_ codings: [DocumentCoding]) -> Table {
        var table = Table(
            name: "uncoded",
            description: "One row per body or annex segment that no category matched: what the codebook misses.",
            columns: [
                Column("document_id", .string, title: "Document", description: "Document id."),
                Column("year", .integer, title: "Year", description: "Year the directive is for."),
                Column("segment_path", .string, title: "Segment", description: "Path of the segment in the document's tree."),
                Column("role", .string, title: "Role", description: "section, heading, item, paragraph, clause, theme, slogan or annex_heading."),
                Column("syllables", .integer, title: "Syllables", description: "Syllables in the segment."),
                Column("share_of_document", .number, title: "Share of document", description: "The segment's syllables as a share of the document's coded syllables (0-1, four decimals)."),
                Column("text", .string, title: "Text", description: "The segment's text as written in the source, without its list marker."),
                Column("source_start", .integer, title: "Source start", description: "Offset of the text in the decoded source (code points)."),
                Column("source_end", .integer, title: "Source end", description: "End offset (exclusive)."),
            ],
            primaryKey: ["document_id", "segment_path"])
        // Generated when written: a large corpus has a hundred thousand uncoded segments.
        // Per document, only what a row reads (copying a coding per row retains all it holds).
        let documents = ordered(codings)
        let ids = documents.map(\.documentID), years = documents.map(\.year), syllables = documents.map(\.syllables)
        let segments = documents.map(\.uncodedSegments)
        let share: @Sendable (Int, Int) -> Double = { d, i in
            syllables[d] > 0 ? Double(segments[d][i].syllables) / Double(syllables[d]) : 0
        }
        table.rows = generatedRows(segments.map(\.count), filler: {
            let sources = RecentlyLoaded { documents[$0].source.loaded() }
            return { d, i, cells in
                let u = segments[d][i]
                Table.Rows.fill(&cells, count: 9) { c in
                    c[0] = .text(ids[d])
                    c[1] = .integer(years[d])
                    c[2] = .text(u.segmentPath)
                    c[3] = .text(u.role.rawValue)
                    c[4] = .integer(u.syllables)
                    c[5] = .number(share(d, i), places: 4)
                    c[6] = sources[d].cell(u.sourceRange)
                    c[7] = .integer(u.sourceRange.lowerBound)
                    c[8] = .integer(u.sourceRange.upperBound)
                }
            }
        }, records: (fields: 9, renderer: { writer in
            // The same fields as the cells, written as the writer writes them; each
            // document's id and year fields are rendered once a pass.
            let sources = RecentlyLoaded { documents[$0].source.loaded() }
            let prefixes = RenderedFields(ids.indices.map { [.text(ids[$0]), .integer(years[$0])] }, writer: writer)
            let delimiter = writer.delimiterByte
            return { d, i, out in
                let u = segments[d][i], source = sources[d]
                prefixes.append(d, to: &out)
                writer.appendText(u.segmentPath, to: &out)
                out.append(delimiter)
                writer.appendText(u.role.rawValue, to: &out)
                out.append(delimiter)
                DecimalText.appendInteger(u.syllables, to: &out)
                out.append(delimiter)
                writer.appendNumber(share(d, i), places: 4, to: &out)
                out.append(delimiter)
                writer.appendQuote(u.sourceRange, keptBytes: source.keptBytes(u.sourceRange), of: source, limit: .max, to: &out)
                out.append(delimiter)
                DecimalText.appendInteger(u.sourceRange.lowerBound, to: &out)
                out.append(delimiter)
                DecimalText.appendInteger(u.sourceRange.upperBound, to: &out)
            }
        }))
        return table
    }
}
