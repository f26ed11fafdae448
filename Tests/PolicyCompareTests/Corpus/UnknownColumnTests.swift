import Testing
@testable import PolicyCompare

@Suite struct UnknownColumnTests {
    static let manifestColumns = Manifest.requiredColumns + Manifest.optionalColumns

    @Test("A known name misspelt, in other case or separators, or in the singular is suggested", arguments: [
        ("tittle", "title"), ("titel", "title"), ("Title", "title"), (" TITLE ", "title"),
        ("Document ID", "document_id"), ("document-id", "document_id"), ("documentid", "document_id"), ("document__id", "document_id"),
        ("dates", "date"), ("yaer", "year"), ("nuber", "number"), ("sources", "source"),
    ])
    func suggests(name: String, expected: String) {
        #expect(UnknownColumn.closest(to: name, among: Self.manifestColumns) == expected)
    }

    @Test("A researcher's own column is not taken for a known one", arguments: [
        "notes", "url", "province", "link", "name", "type", "year_of_issue", "source_url", "", "nam",
    ])
    func leavesOwnColumnsAlone(name: String) {
        #expect(UnknownColumn.closest(to: name, among: Self.manifestColumns) == nil)
    }

    @Test func namesUpToNineLettersAllowOneEditAndLongerTwo() {
        #expect(UnknownColumn.closest(to: "yr", among: ["year"]) == nil)            // two edits from four letters
        #expect(UnknownColumn.closest(to: "yea", among: ["year"]) == "year")
        #expect(UnknownColumn.closest(to: "label_fr", among: CodebookLoader.columns) == nil, "a third language's labels are the researcher's own")
        #expect(UnknownColumn.closest(to: "documnt_d", among: ["document_id"]) == "document_id")   // two edits from eleven letters
        #expect(UnknownColumn.closest(to: "patern", among: ["patterns"]) == nil)    // two edits from eight letters
        #expect(UnknownColumn.closest(to: "exclusion", among: CodebookLoader.columns) == "exclusions")
        #expect(UnknownColumn.closest(to: "paretn_id", among: CodebookLoader.columns) == "parent_id")   // a swap is one edit
        #expect(UnknownColumn.closest(to: "labelEN", among: CodebookLoader.columns) == "label_en")
        #expect(UnknownColumn.closest(to: "pattern", among: CodebookLoader.columns) == "patterns")
    }

    @Test func theNearestWinsAndAmongEqualsTheFirst() {
        #expect(UnknownColumn.closest(to: "label_e", among: ["label_vi", "label_en"]) == "label_en")
        #expect(UnknownColumn.closest(to: "note", among: ["notes", "nota"]) == "notes")
        #expect(UnknownColumn.closest(to: "note", among: ["nota", "notes"]) == "nota")
    }

    @Test("Only columns absent from the header are suggested; known columns are not unknown")
    func findKeepsHeaderOrderAndSuggestsAbsentColumnsOnly() {
        let header = ["document_id", "year", "notes", "title", "titles", "Date"]
        let found = UnknownColumn.find(in: header, known: Self.manifestColumns, file: "m.csv")
        #expect(found == [
            UnknownColumn(file: "m.csv", column: 3, name: "notes", suggestion: nil),
            UnknownColumn(file: "m.csv", column: 5, name: "titles", suggestion: nil),   // title is there already
            UnknownColumn(file: "m.csv", column: 6, name: "Date", suggestion: "date"),
        ])
    }

    @Test func descriptionNamesThePlaceAndTheFix() {
        #expect(UnknownColumn(file: "m.csv", column: 7, name: "tittle", suggestion: "title").description
            == "m.csv:1:7: column 'tittle' is not one PolicyCompare reads, so its values are ignored; did you mean 'title'? Rename the column to use them")
        #expect(UnknownColumn(file: "m.csv", column: 3, name: "notes", suggestion: nil).description
            == "m.csv:1:3: column 'notes' is not one PolicyCompare reads; its values are ignored")
    }
}
