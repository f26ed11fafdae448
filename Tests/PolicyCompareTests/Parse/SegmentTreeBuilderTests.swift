import Foundation
import Testing
@testable import PolicyCompare

@Suite struct SegmentTreeBuilderTests {
    @Test("bullets are counted per parent, \"•\" with \"-\"; a repeated path gets \"#2\"; prose hangs under an open heading")
    func pathsOfMixedMarkers() throws {
        let text = """
        1. Một
        - a
        • b
        - c
        + d
        1. Hai
        Đoạn văn.
        Đoạn hai.
        II. PHẦN HAI
        a) mục
        * sao
        * sao nữa
        Kết.
        """
        let d = try Fixtures.parse(text)
        #expect(d.segments.map(\.path) == ["1", "1.-1", "1.-1.-1", "1.-2", "1.-2.+1", "1#2", "1#2.p1", "1#2.p2",
                                           "II", "II.a", "II.a.*1", "II.a.*2", "II.p1"])
        #expect(d.segments.map(\.marker) == ["1.", "-", "•", "-", "+", "1.", "", "", "II.", "a)", "*", "*", ""])
        #expect(d.segments.map(\.parent) == ["", "1", "1.-1", "1", "1.-2", "", "1#2", "1#2", "", "II", "II.a", "II.a", "II"])
    }

    @Test("a marker's text is the marker without the spaces after it")
    func markerTextWithoutSpaces() throws {
        let d = try Fixtures.parse("1.   Một\n1.1   Con\n•   b\nIV)  BỐN\nb)\tchữ")
        #expect(d.segments.map(\.marker) == ["1.", "1.1", "•", "IV)", "b)"])
        #expect(d.segments.map(\.path) == ["1", "1.1", "1.1.-1", "IV", "IV.b"])
    }
}
