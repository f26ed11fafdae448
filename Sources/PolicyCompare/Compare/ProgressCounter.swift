import Foundation

/// Counts documents done across worker threads and reports progress at most every 0.2 s,
/// and only once the run has taken more than a second (short runs stay silent).
///
/// A class because the workers share one counter; every access holds the lock.
public final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let report: @Sendable (_ done: Int, _ total: Int, _ bytes: Int, _ seconds: Double) -> Void
    private let start = DispatchTime.now().uptimeNanoseconds
    private var done = 0
    private var bytes = 0
    private var lastReport: UInt64 = 0

    private let delay: UInt64

    /// - Parameter delay: seconds before the first report (a short run reports nothing).
    public init(total: Int, delay: Double = 1, report: @escaping @Sendable (_ done: Int, _ total: Int, _ bytes: Int, _ seconds: Double) -> Void) {
        self.total = total
        self.delay = UInt64(max(0, delay) * 1e9)
        self.report = report
    }

    public func documentDone(bytes: Int) {
        lock.lock()
        done += 1
        self.bytes += bytes
        let now = DispatchTime.now().uptimeNanoseconds
        let due = now - start >= delay && (now - lastReport > 200_000_000 || done == total)
        if due { lastReport = now }
        let snapshot = (done, self.bytes, Double(now - start) / 1e9)
        lock.unlock()
        if due { report(snapshot.0, total, snapshot.1, snapshot.2) }
    }
}
