/// Whether a word written without marks reads as a Vietnamese syllable: an onset, one run of
/// vowels and a coda from `Resources/legacy-syllable-parts.tsv`, its marks set aside. "tao",
/// "thanh", "nguoi", "quan" do; "game", "online", "hiv", "covid" do not.
struct SyllableShape: Sendable {
    private let onsets: Set<String>
    private let codas: Set<String>
    /// Vowel runs that may end a syllable, and those that a coda may follow.
    private let openNuclei: Set<String>
    private let closedNuclei: Set<String>

    /// The shape read from the bundled table; nil when the table cannot be read.
    static let shared: SyllableShape? = try? load()

    private static func load() throws(ResourceError) -> SyllableShape {
        var parts: [String: Set<String>] = [:]
        for row in try BundledResource.tsvRows("legacy-syllable-parts.tsv") where row.count >= 2 {
            for spelling in row[1].split(separator: " ") {
                var plain = ""
                plain.unicodeScalars.append(contentsOf: FoldedText(Array(spelling.unicodeScalars)).loose)
                parts[row[0], default: []].insert(plain)
            }
        }
        guard let onsets = parts["onset"], let codas = parts["coda"], let nuclei = parts["nucleus"],
              let open = parts["nucleus-open"], let closed = parts["nucleus-closed"]
        else { throw .unreadable("legacy-syllable-parts.tsv") }
        return SyllableShape(onsets: onsets, codas: codas, openNuclei: nuclei.union(open), closedNuclei: nuclei.union(closed))
    }

    /// Whether `word`, lower case without marks, is onset + vowels + coda.
    func reads(_ word: String) -> Bool {
        let letters = Array(word.unicodeScalars)
        guard letters.allSatisfy({ ("a"..."z").contains($0) }),
              var start = letters.firstIndex(where: Self.isVowel),
              let last = letters.lastIndex(where: Self.isVowel),
              letters[start...last].allSatisfy(Self.isVowel)
        else { return false }
        // "gi" and "qu" are onsets when a vowel follows them: gi-a, qu-an (but g-in).
        if start == 1, last > start, (letters[0] == "g" && letters[1] == "i") || (letters[0] == "q" && letters[1] == "u") {
            start = 2
        }
        func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            return text
        }
        let onset = text(letters[..<start]), nucleus = text(letters[start...last]), coda = text(letters[(last + 1)...])
        guard onset.isEmpty || onsets.contains(onset) else { return false }
        return coda.isEmpty ? openNuclei.contains(nucleus) : codas.contains(coda) && closedNuclei.contains(nucleus)
    }

    private static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        "aeiouy".unicodeScalars.contains(scalar)
    }
}
