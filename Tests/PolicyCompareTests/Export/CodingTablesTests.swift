import Foundation
import Testing
@testable import PolicyCompare

@Suite("CodingTables")
struct CodingTablesTests {
    @Test("evidence rows, generated per match, give each match's document, segment, category, dimension, pattern and quotes")
    func evidenceRows() throws {
        let corpus = try #require(Fixtures.corpus)
        let codebook = try #require(Fixtures.codebook)
        let codings = try CorpusAnalyzer(codebook: codebook).analyze(corpus).map(\.coding)  // spooled
        #expect(CodingTables.all(codings, codebook: codebook).map(\.name) == CodingTables.names, "the names code checks before writing")
        let dimensions = Dictionary(uniqueKeysWithValues: codebook.categories.map { ($0.id, $0.dimension.rawValue) })
        let expected: [[Cell]] = CodingTables.ordered(codings).flatMap { coding in
            coding.evidence.map { e in
                [.text(e.documentID), .integer(e.year), .text(e.segmentPath), .text(e.categoryID), .text(dimensions[e.categoryID] ?? ""),
                 .text(e.pattern), .text(e.matched), .integer(e.matchRange.lowerBound), .integer(e.matchRange.upperBound),
                 .text(e.sentence), .integer(e.sentenceRange.lowerBound), .integer(e.sentenceRange.upperBound)]
            }
        }
        let rows = Array(CodingTables.evidence(codings, codebook: codebook).rows).map { row in
            row.map { cell -> Cell in
                if case .quote(let quote) = cell { return .text(quote.text) }
                return cell
            }
        }
        #expect(rows.count > 500 && rows == expected)
        #expect(Set(rows.map { $0[4] }) == [.text("theme"), .text("activity")])
    }

    /// Every CSV writer the tests try: both profiles and the three delimiters.
    static func writers() throws -> [CSVWriter] {
        try [CSVWriter(), CSVWriter(profile: .plain), CSVWriter(delimiter: ";"), CSVWriter(profile: .plain, delimiter: "\t")]
    }

    /// The tables' CSV bytes rendered from their generated records, and from the same rows
    /// stored as cells (which writers write cell by cell): they must be the same.
    static func expectRecordsMatchCells(_ codings: [DocumentCoding], codebook: Codebook) throws {
        for table in [CodingTables.evidence(codings, codebook: codebook), CodingTables.byDocument(codings, codebook: codebook), CodingTables.uncoded(codings)] {
            #expect(table.rows.csvRecords != nil)
            let stored = Table(name: table.name, description: table.description, columns: table.columns, rows: Array(table.rows))
            #expect(stored.rows.csvRecords == nil)
            for writer in try writers() {
                #expect(writer.write(table) == writer.write(stored), "\(table.name), \(writer.profile), \(writer.delimiter)")
            }
            // A prefix kept generated (a workbook's sheet) renders its records too.
            var cut = table
            cut.rows.removeLast(table.rows.count / 3)
            let cutStored = Table(name: table.name, description: table.description, columns: table.columns, rows: Array(cut.rows))
            #expect(cut.rows.csvRecords != nil && CSVWriter().write(cut) == CSVWriter().write(cutStored))
        }
    }

    @Test("evidence, coding_by_document and uncoded records rendered straight to CSV bytes are the cells' bytes, on the shipped directives")
    func recordsOfTheShippedDirectives() throws {
        let corpus = try #require(Fixtures.corpus)
        let codebook = try #require(Fixtures.codebook)
        let codings = try CorpusAnalyzer(codebook: codebook).analyze(corpus).map(\.coding)
        #expect(codings.map(\.evidenceCount).reduce(0, +) > 500)
        try Self.expectRecordsMatchCells(codings, codebook: codebook)
    }

    /// A codebook whose ids, labels and patterns hold a delimiter, a quote and a formula sign.
    private static func awkwardCodebook() throws -> Codebook {
        try #require(try CodebookLoader.check("""
            category_id,dimension,parent_id,label_en,label_vi,definition,patterns,exclusions
            marriage,theme,,"Child marriage, early",Tảo hôn,,tảo hôn,
            drowning,activity,,=Drowning,"Đuối ""nước"" sâu",,đuối nước,
            """, file: "t.csv").0)
    }

    @Test("records are the cells' bytes for decomposed text, quotes, delimiters and formula-like sentences")
    func recordsOfAwkwardText() throws {
        let codebook = try Self.awkwardCodebook()
        let codings = try Self.awkwardCodings(codebook)
        #expect(codings.map(\.evidenceCount).reduce(0, +) >= 8)
        #expect(codings.contains { !$0.source.isNFC })
        try Self.expectRecordsMatchCells(codings, codebook: codebook)
    }

    @Test("records of codings from two codebooks, in alternating documents, give each document its own labels' fields")
    func recordsOfCodingsWithOtherLabels() throws {
        let codebook = try Self.awkwardCodebook()
        let other = try #require(try CodebookLoader.check("""
            category_id,dimension,parent_id,label_en,label_vi,definition,patterns,exclusions
            -water,activity,,Water,Nước,,nước,
            child,theme,,Child,Trẻ em,,tảo hôn ; đuối nước,
            """, file: "u.csv").0)
        let renamed = try Self.awkwardCodings(other).map { coding in
            var coding = coding
            coding.documentID += "-other"
            return coding
        }
        let codings = try Self.awkwardCodings(codebook) + renamed
        #expect(renamed.map(\.evidenceCount).reduce(0, +) >= 4)
        #expect(Set(codings.map(\.labels)).count == 2)
        try Self.expectRecordsMatchCells(codings, codebook: codebook)
    }

    /// The codings, by `codebook`, of four documents of awkward text.
    private static func awkwardCodings(_ codebook: Codebook) throws -> [DocumentCoding] {
        let root = try Fixtures.temporaryFolder()
        let files = [
            // Decomposed (NFD) text: its quotes are normalised when written.
            ("nfd-2019", 2019, "Phòng chống đuối nước; tảo hôn.".decomposedStringWithCanonicalMapping),
            ("quotes-2019", 2019, "-Phòng chống \"đuối nước\", tảo hôn; tảo hôn\tđuối nước. =Tảo hôn, đuối nước."),
            ("empty-2020", 2020, "Không có gì."),
            ("plain-2021", 2021, "Đuối nước. Đuối nước. Tảo hôn và đuối nước, tảo hôn."),
        ]
        var manifest = "document_id,year,file,issuer,level,kind\n"
        for (id, year, text) in files {
            try Data(text.utf8).write(to: root.appendingPathComponent("\(id).txt"))
            manifest += "\(id),\(year),\(id).txt,Test,national,letter\n"
        }
        try Data(manifest.utf8).write(to: root.appendingPathComponent("manifest.csv"))
        return try CorpusAnalyzer(codebook: codebook).analyze(try Corpus.load(root)).map(\.coding)
    }
}
