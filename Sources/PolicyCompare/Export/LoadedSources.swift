import Foundation

/// Documents' sources for a table that quotes them row by row: a spooled source is read back
/// once for a stretch of rows of the same document, not once per quote.
///
/// Rows come document by document (or, for reuse, pair by pair), and a table's CSV file and
/// its sheet read them at the same time, so the few most recent documents are kept.
final class LoadedSources: @unchecked Sendable {  // `recent` is guarded by `lock`
    private let sources: [SourceText]
    private let lock = NSLock()
    private var recent: [(index: Int, source: SourceText)] = []
    private static let kept = 8

    init(_ sources: [SourceText]) {
        self.sources = sources
    }

    /// Source `index`, its bytes in memory.
    subscript(index: Int) -> SourceText {
        lock.lock()
        if let hit = recent.first(where: { $0.index == index }) {
            lock.unlock()
            return hit.source
        }
        lock.unlock()
        let source = sources[index].loaded()
        lock.lock()
        recent.insert((index, source), at: 0)
        if recent.count > Self.kept { recent.removeLast() }
        lock.unlock()
        return source
    }
}
