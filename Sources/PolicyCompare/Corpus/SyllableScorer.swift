import Foundation

/// Scores a text by the share of its words that are well-formed Vietnamese syllables.
///
/// Decoding legacy bytes with the wrong table gives words such as "ho¹ch", "viờũt" or "Vieät":
/// symbols inside words, two tone marks, letters Vietnamese does not use, vowel clusters no
/// syllable has. Decoded with the right table, nearly every word that has a diacritic reads as
/// onset + nucleus + coda with at most one tone. Words without any non-ASCII letter say nothing
/// about the encoding and are not counted; Latin-1 symbols (¹ © ¸ µ ...) count against, and so
/// does a word with a "?" between letters ("tri?n"), where a code page without the letter wrote
/// "?" for it: no table gives such a letter back.
struct SyllableScorer: Sendable {
    /// The outcome of scoring one text.
    struct Score: Sendable, Hashable {
        /// Words with a diacritic that are well-formed syllables.
        var wellFormed = 0
        /// Words with a diacritic that are not.
        var malformed = 0
        /// Latin-1 symbols and C1 controls, which legacy text read with the wrong table is full of.
        var junk = 0

        /// The share of well-formed words among all counted words and symbols, 0 when none.
        var share: Double {
            let total = wellFormed + malformed + junk
            return total == 0 ? 0 : Double(wellFormed) / Double(total)
        }

        /// Whether the text reads as Vietnamese: most counted words are well-formed.
        var isPlausible: Bool {
            wellFormed > 0 && share >= 0.6
        }

        /// The share as a whole percentage, for notes and messages.
        var percent: Int {
            Int((share * 100).rounded())
        }
    }

    private let onsets: Set<UInt64>
    private let codas: Set<UInt64>
    private let openNuclei: Set<UInt64>
    private let closedNuclei: Set<UInt64>
    private let stopCodas: Set<UInt64>

    /// The scorer built from `Resources/legacy-syllable-parts.tsv`.
    static let shared: Result<SyllableScorer, ResourceError> = load(from: "legacy-syllable-parts.tsv")

    /// Reads the syllable parts table (`part <TAB> spellings`).
    static func load(from fileName: String) -> Result<SyllableScorer, ResourceError> {
        let rows: [[String]]
        do {
            rows = try BundledResource.tsvRows(fileName)
        } catch {
            return .failure(error)
        }
        var parts: [String: Set<UInt64>] = [:]
        for row in rows {
            guard row.count >= 2 else { return .failure(.unreadable(fileName)) }
            for spelling in row[1].split(separator: " ") {
                guard let key = key(of: spelling.unicodeScalars.map(\.value)) else {
                    return .failure(.unreadable(fileName))
                }
                parts[row[0], default: []].insert(key)
            }
        }
        guard let onsets = parts["onset"], let codas = parts["coda"], let nuclei = parts["nucleus"],
              let open = parts["nucleus-open"], let closed = parts["nucleus-closed"]
        else { return .failure(.unreadable(fileName)) }
        let stops = Set(["c", "ch", "p", "t"].compactMap { key(of: $0.unicodeScalars.map(\.value)) })
        return .success(SyllableScorer(onsets: onsets, codas: codas, openNuclei: nuclei.union(open),
                                       closedNuclei: nuclei.union(closed), stopCodas: stops))
    }

    private init(onsets: Set<UInt64>, codas: Set<UInt64>, openNuclei: Set<UInt64>,
                 closedNuclei: Set<UInt64>, stopCodas: Set<UInt64>) {
        self.onsets = onsets
        self.codas = codas
        self.openNuclei = openNuclei
        self.closedNuclei = closedNuclei
        self.stopCodas = stopCodas
    }

    // MARK: Scoring

    /// Scores every word of `text`.
    func score(_ text: String) -> Score {
        var score = Score()
        var word = Word()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if let base = Self.asciiLetter(value) {
                    word.add(base: base, tone: 0, nonASCII: false)
                } else if value == 0x3F, word.count > 0 {
                    // A "?" after letters: a lost letter if a letter follows, else a question mark.
                    word.questionMark = true
                } else {
                    finish(&word, into: &score)
                }
                continue
            }
            let packed = Self.letter(value)
            if packed != 0 {
                word.add(base: packed & 0xFFFF, tone: packed >> 16, nonASCII: true)
            } else if let tone = Self.toneMarks[value] {
                word.addTone(tone)
            } else if let shape = Self.shapeMarks[value] {
                word.addShape(shape)
            } else if Self.isJunk(value) {
                finish(&word, into: &score)
                score.junk += 1
            } else if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark {
                word.addForeign()
            } else {
                finish(&word, into: &score)
            }
        }
        finish(&word, into: &score)
        return score
    }

    /// Counts a finished word and starts the next.
    private func finish(_ word: inout Word, into score: inout Score) {
        defer { word.reset() }
        // A word without a vowel ("HĐND", "QĐ") says nothing, unless it has a foreign letter
        // or lost one.
        guard word.lostLetter || (word.nonASCII && (word.hasVowel || word.foreign)) else { return }
        if isWellFormed(word) {
            score.wellFormed += 1
        } else {
            score.malformed += 1
        }
    }

    /// Whether a word is onset + nucleus + coda from the table, with at most one tone mark and
    /// the acute or dot-below tone after a stop consonant.
    private func isWellFormed(_ word: Word) -> Bool {
        guard !word.foreign, !word.lostLetter, word.toneCount <= 1, word.count <= Word.capacity else { return false }
        let letters = word.letters
        let count = word.count
        var start = 0
        while start < count && !Self.isVowel(letters[start]) { start += 1 }
        var end = count
        while end > start && !Self.isVowel(letters[end - 1]) { end -= 1 }
        guard start < end else { return false }
        for index in start..<end where !Self.isVowel(letters[index]) {
            return false
        }
        // "gi" and "qu" are onsets when a vowel follows them: gi-ữa, qu-ốc (but g-ìn).
        if start == 1, end - start > 1,
           (letters[0] == 0x67 && letters[1] == 0x69) || (letters[0] == 0x71 && letters[1] == 0x75) {
            start = 2
        }
        guard let onset = Self.key(of: letters[0..<start]), start == 0 || onsets.contains(onset),
              let nucleus = Self.key(of: letters[start..<end]),
              let coda = Self.key(of: letters[end..<count])
        else { return false }
        if end == count {
            return openNuclei.contains(nucleus)
        }
        guard codas.contains(coda), closedNuclei.contains(nucleus) else { return false }
        if stopCodas.contains(coda) {
            return word.tone == 2 || word.tone == 5
        }
        return true
    }

    // MARK: Letters

    /// The letters of the word being read.
    private struct Word {
        static let capacity = 8
        var letters = [UInt32](repeating: 0, count: Word.capacity)
        var count = 0
        var toneCount = 0
        var tone: UInt32 = 0
        var nonASCII = false
        var foreign = false
        var hasVowel = false
        /// Whether a "?" follows the last letter.
        var questionMark = false
        /// Whether a "?" stands between two letters.
        var lostLetter = false

        mutating func add(base: UInt32, tone: UInt32, nonASCII: Bool) {
            followQuestionMark()
            if count < Self.capacity {
                letters[count] = base
            }
            count += 1
            if tone != 0 {
                addTone(tone)
            }
            self.nonASCII = self.nonASCII || nonASCII
            hasVowel = hasVowel || SyllableScorer.isVowel(base)
        }

        mutating func addTone(_ tone: UInt32) {
            toneCount += 1
            self.tone = tone
            nonASCII = true
            if count == 0 {
                foreign = true
            }
        }

        /// A combining circumflex, breve or horn: shapes the letter before it (decomposed text).
        mutating func addShape(_ shape: UInt32) {
            nonASCII = true
            guard count > 0, count <= Self.capacity,
                  let shaped = SyllableScorer.shaped[letters[count - 1] << 16 | shape]
            else {
                foreign = true
                return
            }
            letters[count - 1] = shaped
            hasVowel = true
        }

        mutating func addForeign() {
            followQuestionMark()
            count += 1
            nonASCII = true
            foreign = true
        }

        mutating func reset() {
            count = 0
            toneCount = 0
            tone = 0
            nonASCII = false
            foreign = false
            hasVowel = false
            questionMark = false
            lostLetter = false
        }

        /// A letter after a "?" makes that "?" a lost letter.
        private mutating func followQuestionMark() {
            lostLetter = lostLetter || questionMark
            questionMark = false
        }
    }

    /// Lower-case ASCII letter for an ASCII scalar value, `nil` for anything else.
    @inline(__always)
    private static func asciiLetter(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x61...0x7A: value
        case 0x41...0x5A: value + 0x20
        default: nil
        }
    }

    /// a ă â e ê i o ô ơ u ư y.
    private static func isVowel(_ base: UInt32) -> Bool {
        switch base {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0x103, 0xE2, 0xEA, 0xF4, 0x1A1, 0x1B0: true
        default: false
        }
    }

    /// Latin-1 symbols, C1 controls and the replacement character: never part of Vietnamese words.
    private static func isJunk(_ value: UInt32) -> Bool {
        (0x80...0xBF).contains(value) || value == 0xD7 || value == 0xF7 || value == 0xFFFD
    }

    /// Packs up to seven letters (lower-case base scalars below 0x200) into one number.
    private static func key<Letters: Collection<UInt32>>(of letters: Letters) -> UInt64? {
        guard letters.count <= 7 else { return nil }
        var key: UInt64 = 0
        for letter in letters {
            guard letter > 0, letter < 0x200 else { return nil }
            key = key << 9 | UInt64(letter)
        }
        return key
    }

    /// Tone numbers: 1 grave, 2 acute, 3 hook above, 4 tilde, 5 dot below.
    private static let toneMarks: [UInt32: UInt32] = [0x300: 1, 0x301: 2, 0x309: 3, 0x303: 4, 0x323: 5]

    /// Combining marks that change a letter's shape.
    private static let shapeMarks: [UInt32: UInt32] = [0x302: 0x302, 0x306: 0x306, 0x31B: 0x31B]

    /// `shaped[base << 16 | mark]`: the shaped base letter (a + U+0302 is â).
    private static let shaped: [UInt32: UInt32] = [
        0x61 << 16 | 0x302: 0xE2, 0x65 << 16 | 0x302: 0xEA, 0x6F << 16 | 0x302: 0xF4,
        0x61 << 16 | 0x306: 0x103, 0x6F << 16 | 0x31B: 0x1A1, 0x75 << 16 | 0x31B: 0x1B0,
    ]

    /// A precomposed Vietnamese letter (either case) as `base | tone << 16`, where base is the
    /// lower-case letter without tone (ế is ê with tone 2); 0 for any other scalar.
    @inline(__always)
    private static func letter(_ value: UInt32) -> UInt32 {
        if value < 0x200 {
            return latinLetters[Int(value)]
        }
        if value >= 0x1EA0 && value < 0x1F00 {
            return extendedLetters[Int(value - 0x1EA0)]
        }
        return 0
    }

    /// `letter` for U+0000-U+01FF.
    private static let latinLetters: [UInt32] = (0..<0x200).map { letters[UInt32($0)] ?? 0 }

    /// `letter` for U+1EA0-U+1EFF.
    private static let extendedLetters: [UInt32] = (0x1EA0..<0x1F00).map { letters[UInt32($0)] ?? 0 }

    /// Every precomposed Vietnamese letter, derived from Unicode decompositions.
    private static let letters: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [0x110: 0x111, 0x111: 0x111]
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x1B0, 0x1EA0...0x1EF9]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let parts = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
                guard let first = parts.first, let lower = asciiLetter(first), parts.count > 1 else { continue }
                var base = lower
                var tone: UInt32 = 0
                var valid = true
                for mark in parts.dropFirst() {
                    if let number = toneMarks[mark], tone == 0 {
                        tone = number
                    } else if let shape = shapeMarks[mark], let next = shaped[base << 16 | shape] {
                        base = next
                    } else {
                        valid = false
                    }
                }
                if valid {
                    table[value] = base | tone << 16
                }
            }
        }
        return table
    }()
}
