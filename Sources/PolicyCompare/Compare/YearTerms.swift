import Foundation

/// A corpus's n-gram counts by year, summed as its documents are analysed.
///
/// Kept per document until the comparison, the counts of ten thousand plans took more memory
/// than anything else the documents keep. ``CorpusAnalyzer`` adds each document's counts here
/// as soon as it is analysed and lets them go; ``Comparison/compute(_:codebook:options:terms:)``
/// reads the years back. Sums do not depend on the order documents finish in, or on which
/// worker counted them, so the keyness table is the same however many cores there are.
///
/// A class because the workers share one store; every access holds the lock.
public final class YearTerms: @unchecked Sendable {
    private let lock = NSLock()
    /// Every shard handed out, and the one ``add(_:year:)`` counts into.
    private var shards: [Shard] = []
    private let shared = Shard()

    public init() {
        shards = [shared]
    }

    /// Counts of some of the corpus's documents by year, for one worker: counting a document
    /// is most of the work of summing it, and under one lock for all workers it would run on
    /// one core at a time. A worker's own shard has its lock to itself.
    final class Shard: @unchecked Sendable {
        private let lock = NSLock()
        private var sums: [Int: DocumentTerms.Sum] = [:]

        /// Adds the counts of one document of `year`.
        func add(_ terms: DocumentTerms, year: Int) {
            lock.lock()
            defer { lock.unlock() }
            sums[year, default: DocumentTerms.Sum()].add(terms)
        }

        /// Hands over the sums counted so far and keeps none.
        fileprivate func take() -> [Int: DocumentTerms.Sum] {
            lock.lock()
            defer { lock.unlock() }
            let taken = sums
            sums = [:]
            return taken
        }
    }

    /// A new shard, whose counts ``takeCounts(_:)`` includes; for one worker to add to.
    func shard() -> Shard {
        let shard = Shard()
        lock.lock()
        defer { lock.unlock() }
        shards.append(shard)
        return shard
    }

    /// Adds the counts of one document of `year`.
    public func add(_ terms: DocumentTerms, year: Int) {
        shared.add(terms, year: year)
    }

    /// The counts of the documents of each of `years` (empty counts for a year without any),
    /// handed over: the store keeps nothing, so its tables, one set per worker, are freed
    /// while the comparison goes on instead of lasting through export (a second call finds
    /// no documents).
    public func takeCounts(_ years: [Int]) -> [Int: TermCounts] {
        takeSums(years).mapValues { $0.counts() }
    }

    /// The sums of the documents of each of `years`, handed over as ``takeCounts(_:)`` hands
    /// over their counts: keyness reads them by syllable number and makes the text of a term
    /// only for its rows (keying every term of every year by its text was over 5% of a run).
    func takeSums(_ years: [Int]) -> [Int: DocumentTerms.Sum] {
        lock.lock()
        let shards = self.shards
        lock.unlock()
        var sums = shards.map { $0.take() }
        // Each year's parts moved out of the shards, so the first part is the only reference
        // to its tables and the others are added into it in place, not into a copy.
        let parts = years.map { year in YearParts(sums.indices.compactMap { sums[$0].removeValue(forKey: year) }) }
        sums = []
        let merged = Parallel.map(parts) { $0.merged() ?? DocumentTerms.Sum() }
        return Dictionary(zip(years, merged)) { first, _ in first }
    }

    /// One year's sums from the shards, each held once, to be added together on one thread.
    private final class YearParts: @unchecked Sendable {
        private var parts: [DocumentTerms.Sum]

        init(_ parts: [DocumentTerms.Sum]) {
            self.parts = parts
        }

        /// The parts added together; nil when there are none. Takes them out of this holder.
        func merged() -> DocumentTerms.Sum? {
            guard var sum = parts.popLast() else { return nil }
            while let part = parts.popLast() { sum.add(part) }
            return sum
        }
    }
}
