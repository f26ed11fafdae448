import Foundation
import Testing
@testable import PolicyCompare

@Suite struct AgreementTests {
    func codings() throws -> [DocumentCoding] {
        let coder = Coder(codebook: try #require(Fixtures.codebook), abbreviations: try Abbreviations.bundled())
        return try Fixtures.ids.map { coder.code(try Fixtures.directive($0)) }
    }

    @Test func handMadeCodingGivesHandComputedScores() throws {
        // Tool (known from the corpus): T F T T F F; human below: T F F T T F.
        // TP=2 FP=1 FN=1 TN=2: precision = recall = F1 = 2/3; po = 4/6,
        // pe = (3*3 + 3*3)/36 = 0.5, kappa = (2/3 - 1/2) / (1/2) = 1/3.
        let human = """
            document_id,category_id,present
            2019-lang-son,child_marriage,true
            2014-molisa,child_marriage,false
            2019-kien-giang,online_safety,false
            2010-molisa,climate_change,1
            2013-molisa,hotline_111,yes
            2010-molisa,online_safety,no
            """
        let codebook = try #require(Fixtures.codebook)
        let codes = try HumanCode.load(human, file: "h.csv", documents: Set(Fixtures.ids), categories: Set(codebook.categories.map(\.id)))
        let a = Agreement.compute(codings: try codings(), human: codes, codebook: codebook)
        #expect((a.overall.truePositive, a.overall.falsePositive, a.overall.falseNegative, a.overall.trueNegative) == (2, 1, 1, 2))
        #expect(abs((a.overall.precision ?? 0) - 2.0 / 3) < 1e-12)
        #expect(abs((a.overall.f1 ?? 0) - 2.0 / 3) < 1e-12)
        #expect(abs((a.overall.kappa ?? 0) - 1.0 / 3) < 1e-12)
        #expect(a.disagreements.map { "\($0.documentID) \($0.categoryID) \($0.tool)" } == ["2013-molisa hotline_111 false", "2019-kien-giang online_safety true"])
        #expect(a.disagreements.last?.toolEvidence.isEmpty == false)
        #expect(a.byCategory.first { $0.id == "child_marriage" }?.confusion.kappa == 1)
    }

    @Test func badHumanCodingFilesAreNamed() throws {
        let codebook = try #require(Fixtures.codebook)
        let ids = Set(codebook.categories.map(\.id))
        #expect(throws: AgreementError.unknownDocument(file: "h.csv", line: 2, id: "1999-x")) {
            try HumanCode.load("document_id,category_id,present\n1999-x,child_marriage,true\n", file: "h.csv", documents: Set(Fixtures.ids), categories: ids)
        }
        // A misspelt id offers the one it nearly is.
        #expect(throws: AgreementError.unknownCategory(file: "h.csv", line: 2, id: "online_safty", nearest: "online_safety")) {
            try HumanCode.load("document_id,category_id,present\n2010-molisa,online_safty,true\n", file: "h.csv", documents: Set(Fixtures.ids), categories: ids)
        }
        #expect(throws: AgreementError.unknownDocument(file: "h.csv", line: 2, id: "2019-kien_giang", nearest: "2019-kien-giang")) {
            try HumanCode.load("document_id,category_id,present\n2019-kien_giang,child_marriage,true\n", file: "h.csv", documents: Set(Fixtures.ids), categories: ids)
        }
        #expect(AgreementError.unknownCategory(file: "h.csv", line: 2, id: "online_safty", nearest: "online_safety").description
                == "h.csv:2: category_id 'online_safty' is not in the codebook; did you mean 'online_safety'? Otherwise use an id from the codebook")
        #expect(throws: AgreementError.badPresent(file: "h.csv", line: 2, value: "maybe")) {
            try HumanCode.load("document_id,category_id,present\n2010-molisa,child_marriage,maybe\n", file: "h.csv", documents: Set(Fixtures.ids), categories: ids)
        }
        for text in ["document_id,category_id,present\n", "document_id,category_id,present\r\n,,\r\n,,\r\n"] {
            #expect(throws: AgreementError.noRows(file: "h.csv")) {
                try HumanCode.load(text, file: "h.csv", documents: Set(Fixtures.ids), categories: ids)
            }
        }
    }

    /// The quality bar: an independent careful human reading of the five directives
    /// (Tests/PolicyCompareTests/Fixtures/human-coding.csv, with a quote for every "true").
    @Test func defaultCodebookAgreesWithTheIndependentHumanCoding() throws {
        let codebook = try #require(Fixtures.codebook)
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Tests/PolicyCompareTests/Fixtures/human-coding.csv"), encoding: .utf8)
        let codes = try HumanCode.load(text, file: "human-coding.csv", documents: Set(Fixtures.ids), categories: Set(codebook.categories.map(\.id)))
        #expect(codes.count == 165)
        let a = Agreement.compute(codings: try codings(), human: codes, codebook: codebook)
        #expect((a.overall.kappa ?? 0) >= 0.9, "disagreements: \(a.disagreements.map { "\($0.documentID) \($0.categoryID)" })")
        #expect(a.disagreements.count <= 5)
    }
}
