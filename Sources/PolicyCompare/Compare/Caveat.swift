/// Something that limits how far a comparison can be read as change over time.
public enum Caveat: Sendable, Hashable {
    /// Compared years hold documents of different administrative levels.
    case mixedLevels([Int: [String]])
    /// The longest year has more than twice the syllables of the shortest.
    case unequalLength(longest: Int, longestSyllables: Int, shortest: Int, shortestSyllables: Int)
    /// A year holds several documents; presence means "in at least one".
    case severalDocuments(year: Int, count: Int)

    static func find(_ documents: [DocumentAnalysis], years: [Int]) -> [Caveat] {
        var caveats: [Caveat] = []
        var levels: [Int: [String]] = [:]
        var syllables: [Int: Int] = [:]
        var counts: [Int: Int] = [:]
        for document in documents {
            let year = document.metadata.year
            if levels[year]?.contains(document.metadata.level) != true { levels[year, default: []].append(document.metadata.level) }
            syllables[year, default: 0] += document.coding.syllables
            counts[year, default: 0] += 1
        }
        if Set(levels.values.flatMap { $0 }).count > 1 {
            caveats.append(.mixedLevels(levels))
        }
        let ordered = years.compactMap { year in syllables[year].map { (year, $0) } }
        if let longest = ordered.max(by: { ($0.1, -$0.0) < ($1.1, -$1.0) }), let shortest = ordered.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }),
           shortest.1 > 0, longest.1 > 2 * shortest.1 {
            caveats.append(.unequalLength(longest: longest.0, longestSyllables: longest.1, shortest: shortest.0, shortestSyllables: shortest.1))
        }
        for year in years where (counts[year] ?? 0) > 1 {
            caveats.append(.severalDocuments(year: year, count: counts[year] ?? 0))
        }
        return caveats
    }
}
