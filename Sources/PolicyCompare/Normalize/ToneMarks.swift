/// Puts a syllable's tone mark in one canonical place: the classic ("kiểu cũ") convention.
///
/// The mark is placed by syllable structure (onset, nucleus, coda), so "hoà"/"hòa",
/// "thuỷ"/"thủy", "Uỷ"/"Ủy" and typos such as "qúy", "gìa", "hòang" all come out the same.
/// Words that are not one Vietnamese syllable are left as they are.
enum ToneMarks {
    /// A letter of a word being normalised: its shaped base and its tone (0 = none).
    struct Letter {
        var base: Unicode.Scalar
        var tone: UInt8
    }

    /// Moves the single tone of `letters` onto the vowel the classic rules choose.
    static func place(_ letters: inout [Letter], table: VietnameseLetters) {
        var tonedIndex = -1
        for i in letters.indices where letters[i].tone != 0 {
            if tonedIndex >= 0 { return }  // two tones: not one syllable, leave it alone
            tonedIndex = i
        }
        guard tonedIndex >= 0, let target = nucleusTarget(letters, table: table), target != tonedIndex else { return }
        letters[target].tone = letters[tonedIndex].tone
        letters[tonedIndex].tone = 0
    }

    /// Vowel clusters that form the nucleus of a Vietnamese syllable (lower case, shaped, untoned).
    static let nuclei: Set<String> = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "iê", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo",
        "ua", "uâ", "ue", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê",
        "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu", "uyê", "uai", "uao", "uay", "ueo",
    ]

    /// ``nuclei`` as ``key(_:)`` values, so a syllable is checked without building a string.
    private static let nucleusKeys = Set(nuclei.compactMap { key($0.unicodeScalars) })

    /// Up to three scalars packed in one integer (21 bits each); nil for longer clusters,
    /// which no nucleus is.
    private static func key<C: Collection>(_ scalars: C) -> UInt64? where C.Element == Unicode.Scalar {
        guard scalars.count <= 3 else { return nil }
        return scalars.reduce(0) { $0 << 21 | UInt64($1.value) }
    }

    /// The index of the vowel that carries the tone, or nil when the word is not a syllable.
    static func nucleusTarget(_ letters: [Letter], table: VietnameseLetters) -> Int? {
        let lower = letters.map { table.lowercase($0.base) }
        let n = lower.count
        var i = 0
        while i < n && !table.isVowel(lower[i]) { i += 1 }
        guard i < n else { return nil }
        // "qu" and "gi" before another vowel belong to the onset.
        if i > 0, i + 1 < n, table.isVowel(lower[i + 1]) {
            let onset = lower[i - 1], vowel = lower[i]
            if (onset == "q" && vowel == "u") || (onset == "g" && vowel == "i") { i += 1 }
        }
        let start = i
        while i < n && table.isVowel(lower[i]) { i += 1 }
        let end = i
        // Another vowel after the coda means this is not one Vietnamese syllable.
        while i < n {
            if table.isVowel(lower[i]) { return nil }
            i += 1
        }
        // Only nuclei Vietnamese has: glued words ("hòaem") or foreign words keep their marks
        // where they are, which also makes normalising twice change nothing.
        guard let nucleus = Self.key(lower[start..<end]), Self.nucleusKeys.contains(nucleus) else { return nil }
        let hasCoda = end < n
        if let shaped = (start..<end).last(where: { table.isShapedVowel(lower[$0]) }) {
            return shaped
        }
        if hasCoda { return end - 1 }
        switch end - start {
        case 3: return start + 1
        default: return start
        }
    }
}
