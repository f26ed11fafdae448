/// A document's agency mentions kept compactly until export: each agency's names once, each
/// mention as a number and source offsets. Its words are quoted from the source only when a
/// whole ``ActorMention`` is asked for (no table or report prints them; at 10,000 generated
/// plans the mentions as ``ActorMention``s held 70 MB, most of it their quotes).
struct DocumentActors: Sendable, Hashable {
    /// An agency as the actor table names it.
    struct Agency: Sendable, Hashable {
        var id: String
        var name: String
        var nameEnglish: String
    }

    /// One mention, without its words.
    struct Mention: Sendable, Hashable {
        /// Index in ``DocumentActors/agencies``.
        var agency: Int32
        var start: Int32
        var end: Int32
        var tasked: Bool
        var segmentPath: String

        var sourceRange: Range<Int> { Int(start)..<Int(max(start, end)) }
    }

    /// The agencies mentioned, in order of first mention.
    private(set) var agencies: [Agency] = []
    /// The mentions, in reading order.
    private(set) var mentions: [Mention] = []

    init() {}

    init(_ actors: [ActorMention]) {
        mentions.reserveCapacity(actors.count)
        for actor in actors {
            let agency = Agency(id: actor.id, name: actor.name, nameEnglish: actor.nameEnglish)
            // Found among the agencies met so far by comparison: a plan names a few dozen at
            // most (the actor table's size bounds them), and their strings are the table's
            // own, so equal ones compare at once, where a dictionary hashed three strings.
            let number: Int32
            if let known = agencies.firstIndex(of: agency) {
                number = Int32(clamping: known)
            } else {
                number = Int32(clamping: agencies.count)
                agencies.append(agency)
            }
            mentions.append(Mention(agency: number, start: Int32(clamping: actor.sourceRange.lowerBound),
                                    end: Int32(clamping: actor.sourceRange.upperBound), tasked: actor.tasked,
                                    segmentPath: actor.segmentPath))
        }
    }

    /// The agency of a mention.
    func agency(of mention: Mention) -> Agency {
        agencies[Int(mention.agency)]
    }

    /// Every mention in reading order, its words quoted from `source`.
    func mentions(quotingFrom source: SourceText) -> [ActorMention] {
        mentions.map { mention in
            let agency = agency(of: mention)
            return ActorMention(id: agency.id, name: agency.name, nameEnglish: agency.nameEnglish, tasked: mention.tasked,
                                quote: source.quote(mention.sourceRange), segmentPath: mention.segmentPath,
                                sourceRange: mention.sourceRange)
        }
    }
}
