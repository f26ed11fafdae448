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

    @Test("repeated paths, of letters beyond ASCII and of clauses, each get the next free \"#n\"")
    func repeatedPathsGetTheNextFreeNumber() throws {
        let d = try Fixtures.parse("đ) một\nđ) hai\nđ) ba\n1. Nội dung: (i) một; (ii) hai.\n1. Lại")
        #expect(d.segments.map(\.path) == ["đ", "đ#2", "đ#3", "1", "1.(i)", "1.(ii)", "1#2"])
        for id in Fixtures.ids {
            let paths = try Fixtures.directive(id).segments.map(\.path)
            #expect(Set(paths).count == paths.count, "\(id)")
        }
    }

    @Test("a marker's text is the marker without the spaces after it")
    func markerTextWithoutSpaces() throws {
        let d = try Fixtures.parse("1.   Một\n1.1   Con\n•   b\nIV)  BỐN\nb)\tchữ")
        #expect(d.segments.map(\.marker) == ["1.", "1.1", "•", "IV)", "b)"])
        #expect(d.segments.map(\.path) == ["1", "1.1", "1.1.-1", "IV", "IV.b"])
    }
}
