import Foundation

/// Runs independent pieces of a pipeline stage on all cores and returns their results in
/// input order, so parallel runs give exactly the serial result.
enum Parallel {
    /// `body(0) ... body(count - 1)`, computed concurrently, in index order.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        map(count, state: {}) { index, _ in body(index) }
    }

    /// `body(0, &state) ... body(count - 1, &state)`, in index order, computed by one worker
    /// per core, each taking the next index as it is free and keeping its own `state` (made by
    /// `makeState`) from one index to the next, so a cache fills once per core and no core
    /// waits at the end for a slow chunk. `body` must give the same result whatever state
    /// it is handed.
    static func map<State, T: Sendable>(
        _ count: Int, state makeState: @Sendable () -> State, _ body: @Sendable (Int, inout State) -> T
    ) -> [T] {
        let workers = min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else {
            var state = makeState()
            return (0..<max(0, count)).map { body($0, &state) }
        }
        let slots = ResultSlots<T>(count: count)
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var state = makeState()
            while let index = next.take(below: count) {
                slots.store(body(index, &state), at: index)
            }
        }
        return slots.values()
    }

    /// Splits `0..<count` into contiguous chunks, several per core so uneven chunks balance.
    static func chunks(_ count: Int) -> [Range<Int>] {
        let pieces = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount * 8))
        guard pieces > 0 else { return [] }
        return (0..<pieces).map { piece in (piece * count / pieces)..<((piece + 1) * count / pieces) }
    }

    /// `a()` and `b()`, computed concurrently.
    static func both<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let results = map(2) { index in index == 0 ? Either<A, B>.first(a()) : .second(b()) }
        if results.count == 2, case .first(let first) = results[0], case .second(let second) = results[1] {
            return (first, second)
        }
        return (a(), b())  // not reached: `map` returns both results, in order
    }

    private enum Either<A: Sendable, B: Sendable>: Sendable {
        case first(A)
        case second(B)
    }

    /// `body` applied to each element of `items` concurrently, in order.
    static func map<Item: Sendable, T: Sendable>(_ items: [Item], _ body: @Sendable (Item) -> T) -> [T] {
        map(items.count) { body(items[$0]) }
    }
}

/// Write-once result slots shared by the workers of ``Parallel/map(_:_:)``.
///
/// A class because the workers must share one store; every access holds the lock.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ value: T, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = value
    }

    func values() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

/// The next index for a worker of ``Parallel/map(_:state:_:)``; every access holds the lock.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    /// The next index below `count`, each given once; nil when all are taken.
    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}
