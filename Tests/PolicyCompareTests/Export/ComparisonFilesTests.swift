import Foundation
import Testing
@testable import PolicyCompare

@Suite("ComparisonFiles")
struct ComparisonFilesTests {
    private func table(_ name: String, rows: Int) -> Table {
        Table(name: name, description: "Test.", columns: [Column("n", .integer, title: "N", description: "Row number.")],
              rows: (0..<rows).map { [.integer($0)] })
    }

    @Test("a CSV file's size is estimated from a sample of its rows: long rows outweigh more short ones")
    func estimatedSize() throws {
        let csv = CSVWriter()
        let short = table("coding_by_document", rows: 330)
        let long = Table(name: "reuse", description: "Test.", columns: [Column("text", .string, title: "Text", description: "A passage.")],
                         rows: (0..<254).map { [.text(String(repeating: "trẻ em ", count: 50 + $0 % 7))] })
        let shortSize = ComparisonFiles.estimatedCSVBytes(short, csv: csv)
        let longSize = ComparisonFiles.estimatedCSVBytes(long, csv: csv)
        #expect(longSize > 5 * shortSize, "\(longSize) against \(shortSize)")
        // Within a tenth of the real sizes; a table of no more rows than the sample, exactly.
        for table in [short, long] {
            let size = csv.write(table).count, estimate = ComparisonFiles.estimatedCSVBytes(table, csv: csv)
            #expect(abs(estimate - size) * 10 < size, "\(table.name): \(estimate) against \(size)")
        }
        let small = self.table("slogans", rows: 20)
        #expect(ComparisonFiles.estimatedCSVBytes(small, csv: csv) == csv.write(small).count)
        #expect(ComparisonFiles.estimatedCSVBytes(self.table("none", rows: 0), csv: csv) == 0)
    }

    @Test("sheets longer than the cap keep their first rows, and a first sheet lists what was cut")
    func sheetCap() throws {
        let tables = [table("documents", rows: 3), table("evidence", rows: 8), table("reuse", rows: 5)]
        let bytes = try XLSXWriter.workbook(ComparisonFiles.sheets(tables.map { ($0, $0.rows.count) }, maxRows: 5))
        let reader = try ZipTestReader(bytes)
        let workbook = try #require(reader.text("xl/workbook.xml"))
        #expect(workbook.contains("<sheet name=\"truncated\" sheetId=\"1\""))
        // truncated, then evidence (cut to 5 rows), reuse (5 rows: not cut), documents.
        let cut = try #require(reader.text("xl/worksheets/sheet2.xml"))
        #expect(cut.contains("<row r=\"6\"") && !cut.contains("<row r=\"7\""))
        let list = try #require(reader.text("xl/worksheets/sheet1.xml"))
        #expect(list.contains("<row r=\"2\"") && !list.contains("<row r=\"3\""), "only evidence is listed")
        let strings = try #require(reader.text("xl/sharedStrings.xml"))
        #expect(strings.contains(">evidence.csv</t>") && !strings.contains(">reuse.csv</t>"))
    }

    @Test("nothing is cut: no truncated sheet, and the order puts the summary tables first")
    func noCut() throws {
        let tables = [table("documents", rows: 2), table("matrix_by_year", rows: 2), table("extra", rows: 1)]
        let reader = try ZipTestReader(XLSXWriter.workbook(ComparisonFiles.sheets(tables.map { ($0, $0.rows.count) })))
        let workbook = try #require(reader.text("xl/workbook.xml"))
        #expect(!workbook.contains("truncated"))
        let names = ["matrix_by_year", "documents", "extra"].map { "<sheet name=\"\($0)\"" }
        let positions = names.compactMap { workbook.range(of: $0)?.lowerBound }
        #expect(positions.count == 3 && positions == positions.sorted())
    }

    @Test("a table cut before it reaches the workbook is listed with its full row count")
    func cutBeforehand() throws {
        var evidence = table("evidence", rows: 4)
        evidence.rows.removeSubrange(2...)
        let reader = try ZipTestReader(XLSXWriter.workbook(ComparisonFiles.sheets([(evidence, 9)], maxRows: 2)))
        let list = try #require(reader.text("xl/worksheets/sheet1.xml"))
        #expect(list.contains("<v>9</v>") && list.contains("<v>2</v>"))
        let sheet = try #require(reader.text("xl/worksheets/sheet2.xml"))
        #expect(sheet.contains("<row r=\"3\"") && !sheet.contains("<row r=\"4\""))
    }

    @Test("write: every file, named in a fixed order, the same bytes on every run, for any set of formats")
    func writeFiles() throws {
        let corpus = try #require(Fixtures.corpus), codebook = try #require(Fixtures.codebook)
        let comparison = try Comparison.compute(try CorpusAnalyzer(codebook: codebook).analyze(corpus), codebook: codebook)
        let csv = try CSVWriter(delimiter: ",")
        let strings = try ReportStrings.bundled(.en)
        func write(_ formats: Set<String>) throws -> (names: [String], files: [String: Data]) {
            let folder = try Fixtures.temporaryFolder()
            let names = try ComparisonFiles.write(comparison, formats: formats, csv: csv, strings: strings, toolVersion: "test", into: folder)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            return (names, try Dictionary(uniqueKeysWithValues: files.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }))
        }
        let tables = ComparisonTables.builders(comparison).map { $0().name + ".csv" }
        #expect(ComparisonTables.all(comparison).map { $0.name + ".csv" } == tables, "built slowest first, returned in table order")
        #expect(tables[ComparisonTables.slowestBuilder] == "reuse.csv")
        #expect(ComparisonTables.names.map { $0 + ".csv" } == tables, "the names known before building are the built tables'")
        let all = try write(Set(ComparisonFiles.formats))
        #expect(all.names == tables + ["datapackage.json", "report.txt", "report.md", "report.html", "comparison.xlsx"])
        #expect(all.names == ComparisonFiles.names(formats: Set(ComparisonFiles.formats)))
        #expect(Set(all.files.keys) == Set(all.names))
        #expect(try write(Set(ComparisonFiles.formats)).files == all.files, "parallel jobs, same bytes")
        let some = try write(["xlsx", "txt"])
        #expect(some.names == ["report.txt", "comparison.xlsx"] && some.files["comparison.xlsx"] == all.files["comparison.xlsx"])
        #expect(some.names == ComparisonFiles.names(formats: ["xlsx", "txt"]))
        #expect(try write(["csv"]).names == tables + ["datapackage.json"])
        #expect(ComparisonFiles.names(formats: ["csv"]) == tables + ["datapackage.json"])
    }

    @Test("a corpus's sources are spooled as it is read; a source that cannot be read back lets no file out")
    func unreadableSource() throws {
        let corpus = try #require(Fixtures.corpus), codebook = try #require(Fixtures.codebook)
        let analyzer = try CorpusAnalyzer(codebook: codebook)
        let analyses = try analyzer.analyze(corpus)
        for (analysis, document) in zip(analyses, corpus.documents) {
            let alone = try analyzer.analyze(document, in: corpus)  // one document: kept in memory
            #expect(analysis.source == alone.source && analysis.coding.evidence == alone.coding.evidence)
            #expect(analysis.actors == alone.actors && analysis.coding.uncoded == alone.coding.uncoded)
            #expect(analysis.deadlines == alone.deadlines && analysis.reuseHashes == alone.reuseHashes)
            #expect(analysis.coding == alone.coding)
        }
        // Spooled already: a second spool takes nothing (its first bytes go at 0).
        let other = try #require(DocumentSpool())
        #expect(analyses.allSatisfy { $0.source.spooled(to: other) == $0.source })
        #expect(other.store([1]) == 0..<1)
        let comparison = try Comparison.compute(analyses, codebook: codebook)
        // A source in a spool that fails a read, as a failing disk would.
        let spool = try #require(DocumentSpool())
        var broken = comparison
        broken.documents[0].source = broken.documents[0].source.loaded()
        broken.documents[0].spool(to: spool)
        _ = spool.load(1 << 40..<(1 << 40) + 1)
        let destination = try Fixtures.temporaryFolder().appendingPathComponent("out")
        let strings = try ReportStrings.bundled(.en)
        #expect(throws: ExportError.self) {
            try OutputFolder.write(to: destination) { folder in
                try ComparisonFiles.write(broken, formats: ["csv"], csv: try CSVWriter(delimiter: ","), strings: strings, toolVersion: "test", into: folder)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: destination.path), "nothing was written")
        let message = ExportError.sourceUnreadable("bytes 0..<1: the file ends early").description
        #expect(message.contains("no output was written") && message.contains("TMPDIR"))
    }

    @Test("the reports are NFC though a Windows-1258 source keeps its tone marks apart, as the CSV files are; offsets still index the source")
    func reportsFromAWindows1258SourceAreNFC() throws {
        let plan = """
            KẾ HOẠCH
            Triển khai Tháng hành động vì trẻ em năm 2020

            1. Chủ đề: "Chung tay vì trẻ em nghèo".
            2. Tổ chức các hoạt động truyền thông về phòng, chống tảo hôn và đuối nước cho trẻ em.
            3. Phòng chống bạo lực, xâm hại trẻ em.
            """
        let folder = try Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("directives"), withIntermediateDirectories: true)
        let bytes = try #require(Fixtures.windows1258Bytes(plan))
        try Data(bytes).write(to: folder.appendingPathComponent("directives/2020-x.txt"))
        try Data("document_id,year,file,issuer,level,kind\n2020-x,2020,directives/2020-x.txt,UBND,provincial,plan\n".utf8)
            .write(to: folder.appendingPathComponent("manifest.csv"))
        let codebook = try #require(Fixtures.codebook)
        let analyses = try CorpusAnalyzer(codebook: codebook).analyze(try Corpus.load(folder))
        #expect(analyses.first?.encoding == "windows-1258")
        let evidence = try #require(analyses.first?.coding.evidence.first { $0.matched.precomposedStringWithCanonicalMapping == "tảo hôn" })
        #expect(evidence.matched.unicodeScalars.count > "tảo hôn".unicodeScalars.count, "the source's own words, tone marks apart")
        let comparison = try Comparison.compute(analyses, codebook: codebook)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        _ = try ComparisonFiles.write(comparison, formats: ["txt", "md", "html"], csv: CSVWriter(), strings: try ReportStrings.bundled(.en),
                                      toolVersion: "test", into: out)
        for name in ["report.txt", "report.md", "report.html"] {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(text.bytes == text.precomposedStringWithCanonicalMapping.bytes, "\(name) is not NFC")
            #expect(text.contains("Chung tay vì trẻ em nghèo"), "\(name)")
        }
    }
}
