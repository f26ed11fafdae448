/// 64-bit hashes that are identical in every process, for fingerprints that must not change
/// between runs.
///
/// Swift's `Hasher` is seeded per process, so anything derived from it (which shingles are
/// anchors, hence which passages are found) would differ from run to run.
enum StableHash {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a over the UTF-8 bytes of `text`.
    static func fnv1a(_ text: String) -> UInt64 {
        fnv1a(bytes: text.utf8)
    }

    /// FNV-1a over raw bytes: the fingerprint of an input file. Contiguous bytes (an array,
    /// a native string's UTF-8) are read through a buffer pointer, without a bounds check
    /// each; others (a bridged string) are iterated.
    static func fnv1a<Bytes: Sequence<UInt8>>(bytes: Bytes) -> UInt64 {
        bytes.withContiguousStorageIfAvailable(fnv1aLoop) ?? fnv1aLoop(bytes)
    }

    private static func fnv1aLoop<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash = fnvOffset
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* fnvPrime
        }
        return hash
    }

    /// The fingerprint of a file's bytes as the outputs write it: "fnv1a:" and the hash's 16
    /// lower-case hex digits ("fnv1a:0318232e94916291").
    ///
    /// The prefix names the hash and keeps spreadsheets and data readers from taking the digits
    /// for a number: bare, one fingerprint in about 700 is all digits ("8748666838962340",
    /// which loses digits as a number) or digits around one "e" ("53906064318e3869", read in
    /// exponent form); 15 of 10,000 generated documents had such a fingerprint.
    static func fingerprint<Bytes: Sequence<UInt8>>(bytes: Bytes) -> String {
        let digits = String(fnv1a(bytes: bytes), radix: 16)
        return "fnv1a:" + String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of a run of token hashes, order-sensitive.
    ///
    /// FNV-1a over whole 64-bit words, finished with the SplitMix64 mixer because FNV alone
    /// leaves word-wise input poorly mixed, and every bit is used: winnowing compares whole
    /// hashes, the index picks partitions by the top bits and table slots by the low bits.
    static func combine(_ tokens: [UInt64], from start: Int, count: Int) -> UInt64 {
        var hash = fnvOffset
        for index in start..<(start + count) {
            hash = (hash ^ tokens[index]) &* fnvPrime
        }
        return mix(hash)
    }

    /// SplitMix64 finaliser: spreads every input bit over the whole word.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
