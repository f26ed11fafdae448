import Foundation

/// Number-and-symbol codes of Vietnamese official documents ("1555/QĐ-TTg", "20-CT/TW").
///
/// Typed by hand, the same code appears as "1332 /LĐTBXH-TE", "1332/LĐT BXH-TE" or
/// "1332/LĐ-TB&XH-TE"; `normalize` gives one key for all of them.
enum DocumentSymbol {
    /// Known spellings of symbol parts and their canonical form, from `Resources/symbol-variants.tsv`.
    /// ``DirectiveParser`` is not made without them, so a missing table is an error, not codes
    /// left unfolded.
    static let loadedVariants: Result<[(String, String)], ResourceError> = Result { () throws(ResourceError) in
        try BundledResource.tsvRows("symbol-variants.tsv").filter { $0.count >= 2 }.map { ($0[0], $0[1]) }
    }

    /// ``loadedVariants``, none when the table could not be read.
    static var variants: [(String, String)] { (try? loadedVariants.get()) ?? [] }

    /// Scans a symbol starting at `start` in `scalars` (digits first); returns it and where it ends.
    ///
    /// Spaces are allowed around `/` and `-`, and between two upper-case parts when the next
    /// part continues the symbol ("LĐT BXH-TE").
    static func scan(_ scalars: [Unicode.Scalar], from start: Int, limit: Int) -> (symbol: String, end: Int)? {
        let end = min(limit, scalars.count)
        guard start < end, Tokenizer.isDigit(scalars[start]) else { return nil }
        var i = start
        var lastGood = start
        var sawSeparator = false
        while i < end {
            let s = scalars[i]
            if Tokenizer.isDigit(s) || VietnameseNormalizer.isWordScalar(s) || s == "&" {
                i += 1
                lastGood = i
                continue
            }
            // A separator, possibly with spaces around it.
            var j = i
            while j < end && scalars[j] == " " { j += 1 }
            if j < end && (scalars[j] == "/" || scalars[j] == "-") {
                var k = j + 1
                while k < end && scalars[k] == " " { k += 1 }
                if k < end && (Tokenizer.isDigit(scalars[k]) || isUpper(scalars[k])) {
                    sawSeparator = true
                    i = k
                    continue
                }
                break
            }
            // "LĐT BXH-TE": an upper-case run after a space that itself leads to a separator.
            if scalars[i] == " ", sawSeparator, j < end, isUpper(scalars[j]) {
                var k = j
                while k < end && (isUpper(scalars[k]) || scalars[k] == "&") { k += 1 }
                if k < end, scalars[k] == "-" || scalars[k] == "/", lastGood > start, isUpper(scalars[lastGood - 1]) {
                    i = j
                    continue
                }
            }
            break
        }
        guard sawSeparator, lastGood > start else { return nil }
        // Encoded straight to the bytes `normalize` works on: a string of the raw code was made
        // only to be read back as UTF-8.
        let bytes = [UInt8](unsafeUninitializedCapacity: 4 * (lastGood - start)) { out, count in
            count = 0
            guard let base = out.baseAddress else { return }
            for scalar in scalars[start..<lastGood] where scalar != " " { count += UTF8Scalars.write(scalar.value, to: base + count) }
        }
        return (normalize(bytes: bytes), lastGood)
    }

    /// One spelling per code: spaces removed, known variants of parts replaced, in the table's
    /// order, each wherever it occurs from left to right.
    ///
    /// Works on UTF-8: codes are NFC like all normalised text, so a variant's bytes are found
    /// exactly where the variant is (Foundation's search, which profiles showed among the
    /// parser's costs, finds the same).
    static func normalize(_ raw: String) -> String {
        var symbol: [UInt8] = []
        symbol.reserveCapacity(raw.utf8.count)
        for byte in raw.utf8 where byte != UInt8(ascii: " ") { symbol.append(byte) }
        return normalize(bytes: symbol)
    }

    /// ``normalize(_:)`` of UTF-8 `bytes` that hold no space.
    private static func normalize(bytes: [UInt8]) -> String {
        var symbol = bytes
        for (variant, canonical) in variantBytes {
            symbol = replacing(variant, with: canonical, in: symbol)
        }
        return String(decoding: symbol, as: UTF8.self)
    }

    private static let variantBytes: [([UInt8], [UInt8])] = variants.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// `bytes` with every occurrence of `variant`, left to right and not overlapping, replaced.
    private static func replacing(_ variant: [UInt8], with canonical: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard let head = variant.first else { return bytes }
        // Each place is tested by its first byte before the rest are compared (comparing a
        // slice at every byte, for each of the variants, was most of a symbol's cost).
        func occurs(at i: Int) -> Bool {
            guard bytes.count - i >= variant.count, bytes[i] == head else { return false }
            for k in 1..<variant.count where bytes[i + k] != variant[k] { return false }
            return true
        }
        guard let first = bytes.indices.first(where: occurs) else { return bytes }
        var result = Array(bytes[..<first])
        var i = first
        while i < bytes.count {
            if occurs(at: i) {
                result.append(contentsOf: canonical)
                i += variant.count
            } else {
                result.append(bytes[i])
                i += 1
            }
        }
        return result
    }

    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        // Of the ASCII scalars only "A" to "Z" are upper case; others ask their properties.
        s.isASCII ? s.value >= 0x41 && s.value <= 0x5A : s.properties.isUppercase
    }
}
