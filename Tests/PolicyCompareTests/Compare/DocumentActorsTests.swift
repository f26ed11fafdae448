import Testing
@testable import PolicyCompare

@Suite("DocumentActors")
struct DocumentActorsTests {
    @Test("kept compactly, the mentions of each real directive come back exactly, quotes included", arguments: Fixtures.ids)
    func roundTrip(id: String) throws {
        let directive = try Fixtures.directive(id)
        #expect(!directive.actors.isEmpty)
        let source = SourceText(directive.text.original)
        let kept = DocumentActors(directive.actors)
        #expect(kept.mentions(quotingFrom: source) == directive.actors)
        // Each agency once, in order of first mention.
        var firstSeen: [String] = []
        for actor in directive.actors where !firstSeen.contains(actor.id) { firstSeen.append(actor.id) }
        #expect(kept.agencies.map(\.id) == firstSeen)
        #expect(kept.mentions.map { kept.agency(of: $0).id } == directive.actors.map(\.id))
    }

    @Test("the analysis of a directive gives the parser's mentions and deadlines, quotes included", arguments: Fixtures.ids)
    func analysis(id: String) throws {
        let directive = try Fixtures.directive(id)
        let coder = Coder(codebook: try #require(Fixtures.codebook), abbreviations: try Abbreviations.bundled())
        let analysis = DocumentAnalysis(directive, coder: coder, stopList: [], bytes: [])
        #expect(analysis.actors == directive.actors)
        #expect(analysis.deadlines == directive.deadlines)
        #expect(directive.deadlines.allSatisfy { !$0.quote.isEmpty })
        #expect(DocumentActors().mentions(quotingFrom: analysis.source).isEmpty)
    }

    @Test("a mention's words come from the source at its offsets")
    func quotes() {
        let source = SourceText(Array("Sở Lao động phối hợp với Đoàn TNCS".unicodeScalars))
        let mentions = [
            ActorMention(id: "dolisa", name: "Sở Lao động - Thương binh và Xã hội", nameEnglish: "DOLISA", tasked: true,
                         quote: "Sở Lao động", segmentPath: "I.1", sourceRange: 0..<11),
            ActorMention(id: "youth_union", name: "Đoàn TNCS Hồ Chí Minh", nameEnglish: "Youth Union", tasked: true,
                         quote: "Đoàn TNCS", segmentPath: "I.1", sourceRange: 25..<34),
            ActorMention(id: "dolisa", name: "Sở Lao động - Thương binh và Xã hội", nameEnglish: "DOLISA", tasked: false,
                         quote: "Sở Lao động", segmentPath: "II.2.a.clause3", sourceRange: 0..<11),
        ]
        let kept = DocumentActors(mentions)
        #expect(kept.agencies.count == 2)
        #expect(kept.mentions.map(\.agency) == [0, 1, 0])
        #expect(kept.mentions(quotingFrom: source) == mentions)
    }
}
