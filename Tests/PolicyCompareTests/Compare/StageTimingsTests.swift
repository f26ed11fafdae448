import Foundation
import Testing
@testable import PolicyCompare

@Suite struct StageTimingsTests {
    @Test func linesAreTabSeparatedInPipelineOrder() {
        var t = StageTimings()
        t.add(.export, seconds: 0.5, bytes: 10)
        t.add(.decode, seconds: 0.25, bytes: 10)
        t.add(.decode, seconds: 0.25, bytes: 5)
        #expect(t.lines == "timing\tdecode\t0.5000\t15\t\ntiming\texport\t0.5000\t10\t\n")
    }

    @Test func peakMemoryIsTheProcesssHighWaterMark() throws {
        var t = StageTimings()
        t.add(.compare, seconds: 1, bytes: 3)
        t.notePeakMemory(.compare)
        // Linux reports VmHWM; elsewhere the field stays empty.
        if let peak = StageTimings.peakResidentBytes() {
            let noted = try #require(t.peakMemory[.compare])
            #expect(noted > 1 << 20 && noted <= peak)
            #expect(t.lines == "timing\tcompare\t1.0000\t3\t\(noted)\n")
        } else {
            #expect(t.lines == "timing\tcompare\t1.0000\t3\t\n")
        }
    }

    @Test func measureAddsToTheStage() throws {
        var t = StageTimings()
        let value = t.measure(.parse, bytes: 7) { 42 }
        #expect(value == 42)
        #expect(t.bytes[.parse] == 7)
        #expect((t.seconds[.parse] ?? -1) >= 0)
    }

    @Test func lapsAddEachStageFromTheEndOfTheOneBefore() {
        var t = StageTimings()
        let start = StageTimings.now()
        let middle = t.lap(.load, since: start, bytes: 3)
        let end = t.lap(.decode, since: middle, bytes: 5)
        #expect(start <= middle && middle <= end)
        #expect(t.bytes[.load] == 3 && t.bytes[.decode] == 5)
        #expect(t.seconds[.load] == Double(middle - start) / 1e9 && t.seconds[.decode] == Double(end - middle) / 1e9)
    }

    @Test func shortRunsReportNoProgress() {
        let reports = Reports()
        let counter = ProgressCounter(total: 3) { done, _, _, _ in reports.add(done) }
        for _ in 0..<3 { counter.documentDone(bytes: 10) }
        #expect(reports.values.isEmpty, "a run shorter than a second stays silent")
    }

    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [Int] = []
        func add(_ value: Int) { lock.lock(); stored.append(value); lock.unlock() }
        var values: [Int] { lock.lock(); defer { lock.unlock() }; return stored }
    }
}
