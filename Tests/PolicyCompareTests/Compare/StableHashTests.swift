import Testing
@testable import PolicyCompare

@Suite struct StableHashTests {
    /// FNV-1a 64-bit test vectors (Fowler, Noll and Vo's reference values).
    @Test(arguments: [("", 0xcbf2_9ce4_8422_2325 as UInt64), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8)])
    func fnv1aMatchesTheReferenceValues(text: String, hash: UInt64) {
        #expect(StableHash.fnv1a(text) == hash)
        #expect(StableHash.fnv1a(bytes: Array(text.utf8)) == hash)
    }

    @Test func fingerprintNamesTheHashAndKeepsLeadingZeros() {
        #expect(StableHash.fingerprint(bytes: Array("".utf8)) == "fnv1a:cbf29ce484222325")
        // Small hashes keep all 16 digits.
        for text in ["a", "b", "Tháng hành động vì trẻ em"] {
            let fingerprint = StableHash.fingerprint(bytes: Array(text.utf8))
            #expect(fingerprint.hasPrefix("fnv1a:") && fingerprint.count == 22, "\(fingerprint)")
        }
    }

    /// Bare hex fingerprints such as "8748666838962340" or "53906064318e3869" read as numbers
    /// in spreadsheets, pandas and R; with the prefix none does.
    @Test func noFingerprintReadsAsANumber() {
        var numeric = 0
        for k in 0..<1000 {
            let bytes = Array(String(k).utf8)
            let digits = String(StableHash.fingerprint(bytes: bytes).dropFirst("fnv1a:".count))
            if Double(digits) != nil { numeric += 1 }
            #expect(Double(StableHash.fingerprint(bytes: bytes)) == nil)
        }
        // The bare digits would have been a number for some of these inputs.
        #expect(numeric > 0)
    }
}
