import Foundation
import Testing
@testable import PolicyCompare

@Suite struct ScalarSearchTests {
    @Test("the eight-at-a-time search finds what a loop finds, for every range of short arrays and every place of the scalar")
    func agreesWithALoop() {
        for length in 0...27 {
            for place in -1..<length {
                var scalars = [Unicode.Scalar](repeating: "a", count: length)
                if place >= 0 { scalars[place] = "(" }
                if place >= 3 { scalars[place - 3] = "(" }
                scalars.withUnsafeBufferPointer { buffer in
                    for start in -1...(length + 1) {
                        for end in [start, start + 1, start + 8, length, length + 2] {
                            var expected = max(start, 0)
                            let stop = min(end, length)
                            while expected < stop, scalars[expected] != "(" { expected += 1 }
                            #expect(buffer.index(of: "(", from: start, to: end) == expected,
                                    "\(length) \(place) \(start) \(end)")
                        }
                    }
                }
            }
        }
        let text = VietnameseNormalizer.normalize("dòng một\ndòng hai (i) và (ii)")
        text.scalars.withUnsafeBufferPointer { buffer in
            #expect(buffer.index(of: "\n", from: 0, to: buffer.count) == text.scalars.firstIndex(of: "\n"))
            #expect(buffer.index(of: "(", from: 0, to: buffer.count) == text.scalars.firstIndex(of: "("))
        }
    }
}
