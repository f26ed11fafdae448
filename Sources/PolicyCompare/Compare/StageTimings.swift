import Foundation

/// Time spent in each pipeline stage, for benchmarks (`compare --timings`).
///
/// Per-document stages (load, decode, normalise, parse, code) add up the time of every
/// worker, so on several cores their sum can exceed the wall-clock time.
public struct StageTimings: Sendable, Hashable {
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        case load, decode, normalise, parse, code, compare, export, total
    }

    public private(set) var seconds: [Stage: Double] = [:]
    /// Input bytes each stage handled.
    public private(set) var bytes: [Stage: Int] = [:]
    /// Peak resident memory of the process, in bytes, when a stage ended (see ``notePeakMemory(_:)``).
    public private(set) var peakMemory: [Stage: Int] = [:]

    public init() {}

    public mutating func add(_ stage: Stage, seconds: Double, bytes: Int) {
        self.seconds[stage, default: 0] += seconds
        self.bytes[stage, default: 0] += bytes
    }

    public mutating func add(_ other: StageTimings) {
        for (stage, value) in other.seconds { seconds[stage, default: 0] += value }
        for (stage, value) in other.bytes { bytes[stage, default: 0] += value }
    }

    /// Runs `body`, adding its duration to `stage`.
    public mutating func measure<T>(_ stage: Stage, bytes: Int, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { add(stage, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, bytes: bytes) }
        return try body()
    }

    /// The clock ``lap(_:since:bytes:)`` reads, in nanoseconds.
    public static func now() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }

    /// Adds the time from `start` (a ``now()``) to now to `stage`, and returns now: the start
    /// of the next stage, so that stages run one after another read the clock once between
    /// two of them rather than twice.
    public mutating func lap(_ stage: Stage, since start: UInt64, bytes: Int) -> UInt64 {
        let end = Self.now()
        add(stage, seconds: Double(end - start) / 1e9, bytes: bytes)
        return end
    }

    /// Tab-separated lines `timing STAGE SECONDS BYTES`, stages in pipeline order.
    /// Records the process's peak resident memory so far as that of `stages` (the per-document
    /// stages run interleaved on all cores, so they share the figure taken when reading ends).
    /// Does nothing where the peak cannot be read (it comes from Linux's `/proc/self/status`).
    public mutating func notePeakMemory(_ stages: Stage...) {
        guard let peak = Self.peakResidentBytes() else { return }
        for stage in stages { peakMemory[stage] = peak }
    }

    /// `VmHWM` of `/proc/self/status`: the most resident memory the process has had.
    static func peakResidentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return kilobytes * 1024
    }

    /// One line per stage: `timing<TAB>STAGE<TAB>SECONDS<TAB>BYTES<TAB>PEAK_MEMORY_BYTES`, the
    /// last field empty when not measured.
    public var lines: String {
        Stage.allCases.compactMap { stage in
            seconds[stage].map {
                "timing\t\(stage.rawValue)\t\(String(format: "%.4f", $0))\t\(bytes[stage] ?? 0)\t\(peakMemory[stage].map(String.init) ?? "")\n"
            }
        }.joined()
    }
}
