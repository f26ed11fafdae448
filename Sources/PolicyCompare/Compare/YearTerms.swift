import Foundation

/// A corpus's n-gram counts by year, summed as its documents are analysed.
///
/// Kept per document until the comparison, the counts of ten thousand plans took more memory
/// than anything else the documents keep. ``CorpusAnalyzer`` adds each document's counts here
/// as soon as it is analysed and lets them go; ``Comparison/compute(_:codebook:options:terms:)``
/// reads the years back. Sums do not depend on the order documents finish in, so the keyness
/// table is the same however many cores there are.
///
/// A class because the workers share one store; every access holds the lock.
public final class YearTerms: @unchecked Sendable {
    private let lock = NSLock()
    private var sums: [Int: DocumentTerms.Sum] = [:]

    public init() {}

    /// Adds the counts of one document of `year`.
    public func add(_ terms: DocumentTerms, year: Int) {
        lock.lock()
        defer { lock.unlock() }
        sums[year, default: DocumentTerms.Sum()].add(terms)
    }

    /// The counts of the documents of each of `years` (empty counts for a year without any).
    public func counts(_ years: [Int]) -> [Int: TermCounts] {
        lock.lock()
        let sums = self.sums
        lock.unlock()
        let counts = Parallel.map(years) { sums[$0]?.counts() ?? TermCounts() }
        return Dictionary(zip(years, counts)) { first, _ in first }
    }
}
