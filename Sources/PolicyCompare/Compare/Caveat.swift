/// Something that limits how far a comparison can be read as change over time.
public enum Caveat: Sendable, Hashable {
    /// Compared years hold documents of different administrative levels.
    case mixedLevels([Int: [String]])
    /// The longest year has more than twice the syllables of the shortest.
    case unequalLength(longest: Int, longestSyllables: Int, shortest: Int, shortestSyllables: Int)
    /// Only one year is compared: a status says no more than "present in that year".
    case singleYear(Int)
    /// Years between the first and the last compared year that are not compared (no document
    /// in the corpus, or left out by `--years`), ascending: "new in 2019" means first
    /// mentioned in 2019 among the compared years, perhaps already in a year of the gap.
    case yearGaps([Int])
    /// A year holds several documents; presence means "in at least one".
    case severalDocuments(year: Int, count: Int)
    /// Documents whose text states the month of action, or whose date of issue is, in another
    /// year than the manifest's: each is compared under the manifest's year, which may be a
    /// slip (a file copied, a row mistyped). In manifest order.
    case yearDiffers([YearDifference])
    /// Documents whose syllables mostly carry no diacritic (see ``Directive/hasFewDiacritics``):
    /// in another language, or typed without tone marks, they code little or nothing, and
    /// their words weigh on their year's key terms. In manifest order.
    case fewDiacritics([DiacriticShare])
    /// Categories present in a year only through unnumbered paragraphs outside the numbered
    /// sections and items (context, preamble, lead-ins; see
    /// ``DocumentCoding/Count/contextMatches``): mentioned, but asked for by no numbered task.
    /// By compared year, then codebook order.
    case contextOnly([ContextMention])
    /// Documents that state neither the month's theme nor its period: perhaps guidance of
    /// another kind (a year's child-protection priorities, say) rather than a plan for the
    /// month, counted in their years all the same. In manifest order.
    case noThemeOrPeriod([String])

    public struct YearDifference: Sendable, Hashable, CustomStringConvertible {
        /// What states the other year, the first of these that a document has.
        public enum Basis: String, Sendable, Hashable {
            /// The month of action's period in the text ("từ ngày 01/6 đến ngày 30/6/2021").
            case period
            /// The date of issue in the letter head ("..., ngày 10 tháng 5 năm 2021").
            case letterDate
            /// The manifest's own `date` column.
            case manifestDate
            /// The year the body names ("năm 2013"), never naming the manifest's.
            case namedYear
        }

        public var documentID: String
        public var manifestYear: Int
        public var statedYear: Int
        public var basis: Basis = .period
        /// The date that states it (ISO), as the text or the manifest gives it; for
        /// ``Basis/namedYear``, the year.
        public var date: String = ""
        /// For ``Basis/namedYear``: how many times the body names the year.
        public var mentions = 0

        /// For `documents.csv` notes and warnings: "manifest year 2020, but its month of action is from 2021-06-01".
        public var description: String {
            let stated = switch basis {
            case .period: "its month of action is from \(date)"
            case .letterDate: "its letter head dates it \(date)"
            case .manifestDate: "its date column gives \(date)"
            case .namedYear: "its text names the year \(date) (\(mentions) times) and never \(manifestYear)"
            }
            return "manifest year \(manifestYear), but \(stated); check the year column of manifest.csv"
        }

        /// The year a document's period states, else its letter head's date, else its
        /// manifest date, else the year its body names (``Directive/namedYear``), when that
        /// differs from its manifest year; nil otherwise.
        ///
        /// A plan is issued in the months before June of its year, so a date of issue in
        /// another year is worth a look too; a period that states its year settles it.
        static func of(_ document: DocumentAnalysis) -> YearDifference? {
            let manifestYear = document.metadata.year
            let stated: (String, Basis)? = if let period = document.period, period.statesYear { (period.start, .period) }
                else if !document.letterDate.isEmpty { (document.letterDate, .letterDate) }
                else if !document.metadata.date.isEmpty { (document.metadata.date, .manifestDate) }
                else { nil }
            if stated == nil, let named = document.namedYear {
                return YearDifference(documentID: document.metadata.id, manifestYear: manifestYear, statedYear: named.year, basis: .namedYear,
                                      date: String(named.year), mentions: named.mentions)
            }
            guard let (date, basis) = stated, let year = Int(date.prefix(4)), year != manifestYear else { return nil }
            return YearDifference(documentID: document.metadata.id, manifestYear: manifestYear, statedYear: year, basis: basis, date: date)
        }
    }

    public struct ContextMention: Sendable, Hashable {
        public var year: Int
        public var categoryID: String
        /// The documents of that year that mention it, in manifest order.
        public var documentIDs: [String]
    }

    public struct DiacriticShare: Sendable, Hashable {
        public var documentID: String
        /// The share of its syllables with a diacritic, as a whole percentage.
        public var percent: Int
    }

    /// The categories each of `years` mentions only in context paragraphs, with the documents
    /// that mention them.
    static func contextOnly(_ documents: [DocumentAnalysis], years: [Int]) -> [ContextMention] {
        guard let first = documents.first else { return [] }
        let categories = first.coding.counts.map(\.categoryID)
        var result: [ContextMention] = []
        for year in years {
            let inYear = documents.filter { $0.metadata.year == year }
            for (c, id) in categories.enumerated() {
                var matches = 0, context = 0
                var mentioning: [String] = []
                for document in inYear {
                    guard let count = document.coding.counts[safe: c], count.categoryID == id, count.matches > 0 else { continue }
                    matches += count.matches
                    context += count.contextMatches
                    mentioning.append(document.metadata.id)
                }
                if matches > 0, context == matches {
                    result.append(ContextMention(year: year, categoryID: id, documentIDs: mentioning))
                }
            }
        }
        return result
    }

    static func find(_ documents: [DocumentAnalysis], years: [Int]) -> [Caveat] {
        var caveats: [Caveat] = []
        if years.count == 1, let year = years.first { caveats.append(.singleYear(year)) }
        if let first = years.min(), let last = years.max() {
            let compared = Set(years)
            let gaps = (first...last).filter { !compared.contains($0) }
            if !gaps.isEmpty { caveats.append(.yearGaps(gaps)) }
        }
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
        let differences = documents.compactMap(YearDifference.of)
        if !differences.isEmpty { caveats.append(.yearDiffers(differences)) }
        let unmarked = documents.compactMap { document -> DiacriticShare? in
            guard document.coding.hasFewDiacritics else { return nil }
            return DiacriticShare(documentID: document.metadata.id, percent: document.coding.diacriticPercent)
        }
        if !unmarked.isEmpty { caveats.append(.fewDiacritics(unmarked)) }
        let unthemed = documents.filter { $0.theme == nil && $0.period == nil }.map(\.metadata.id)
        if !unthemed.isEmpty { caveats.append(.noThemeOrPeriod(unthemed)) }
        let context = contextOnly(documents, years: years)
        if !context.isEmpty { caveats.append(.contextOnly(context)) }
        return caveats
    }
}
