import Foundation

/// Normalises decoded Vietnamese text for matching while remembering where every piece came from.
///
/// One pass over the scalars: line ends to LF; tabs, no-break and other wide spaces to one
/// space (runs collapsed, lines trimmed); invisible characters and controls dropped; dashes
/// and quotes unified; "Ð" (eth) read as "Đ"; each word composed (NFC) with its tone mark
/// in the classic place. Word-processor field codes ("PAGE  1", "NUMPAGES", "MERGEFORMAT")
/// are removed first. Case is kept: matching folds case later, parsing needs it.
public enum VietnameseNormalizer {
    public static func normalize(_ text: String) -> NormalizedText {
        var words = ComposedWords()
        return normalize(text, words: &words)
    }

    /// ``normalize(_:)`` with the composed words of earlier texts in `words`, and this
    /// text's added to them.
    public static func normalize(_ text: String, words: inout ComposedWords) -> NormalizedText {
        normalize(scalars: NormalizedText.scalars(of: text), words: &words)
    }

    public static func normalize(scalars original: [Unicode.Scalar]) -> NormalizedText {
        var words = ComposedWords()
        return normalize(scalars: original, words: &words)
    }

    public static func normalize(scalars original: [Unicode.Scalar], words: inout ComposedWords) -> NormalizedText {
        let (out, starts, ends) = original.withUnsafeBufferPointer { normalize($0, words: &words) }
        return NormalizedText(original: original, scalars: out, starts: starts, ends: ends)
    }

    /// The normalised scalars of `original`, without its field-code lines, and where each
    /// came from. The builder reads the source through one buffer for the whole text:
    /// reading each word from an array it held retained and released the array per word,
    /// 1.5% of a 10,000-plan run's time.
    ///
    /// The builder writes straight into the three arrays, made with room for as many scalars
    /// as the text has: it wrote into a buffer of its own, and the arrays were then copied
    /// out of it (a pass over every scalar). Normalising keeps a text's length or shortens it
    /// (spaces collapse, CR LF becomes LF, invisible characters go) but for ellipses, each
    /// three full stops, and words that NFC lengthens, at most threefold: a text that does
    /// not fit is normalised again with three times the room.
    private static func normalize(_ original: UnsafeBufferPointer<Unicode.Scalar>, words: inout ComposedWords)
        -> (scalars: [Unicode.Scalar], starts: [Int32], ends: [Int32]) {
        var capacity = max(original.count, 16)
        while true {
            if let arrays = normalize(original, capacity: capacity, words: &words) { return arrays }
            capacity *= 3
        }
    }

    /// ``normalize(_:words:)`` into arrays with room for `capacity` scalars; nil when the
    /// normalised text needs more.
    private static func normalize(_ original: UnsafeBufferPointer<Unicode.Scalar>, capacity: Int, words: inout ComposedWords)
        -> (scalars: [Unicode.Scalar], starts: [Int32], ends: [Int32])? {
        var count = 0, fits = true
        var starts: [Int32] = [], ends: [Int32] = []
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { scalars, scalarCount in
            starts = [Int32](unsafeUninitializedCapacity: capacity) { starts, startCount in
                ends = [Int32](unsafeUninitializedCapacity: capacity) { ends, endCount in
                    guard let scalars = scalars.baseAddress, let starts = starts.baseAddress, let ends = ends.baseAddress else { return }
                    var builder = Builder(original: original, scalars: scalars, starts: starts, ends: ends, capacity: capacity)
                    swap(&builder.words, &words)
                    read(original, into: &builder)
                    swap(&builder.words, &words)
                    fits = !builder.overflowed
                    count = fits ? builder.count : 0
                    endCount = count
                }
                startCount = count
            }
            scalarCount = count
        }
        return fits ? (scalars, starts, ends) : nil
    }

    /// Normalises `original` into `builder`.
    private static func read(_ original: UnsafeBufferPointer<Unicode.Scalar>, into builder: inout Builder) {
        var fieldCodes = FieldCodeLines()
        var i = 0
        let n = original.count
        // Each line is normalised, then judged at its end (below, and after the loop): what a
        // field-code line emitted, from `lineMark` on, is taken back; its line end is kept.
        var lineStart = 0
        var lineMark = 0
        while i < n {
            let s = original[i]
            let v = s.value
            if v < 0x80 {
                // ASCII, most scalars, by its commonest kinds first: a letter starts a word;
                // a digit or punctuation stays as it is; a space or tab joins the pending
                // space; any other control but a line end is dropped.
                if isASCIILetter(v) {
                    i = builder.prose(from: i, first: v)
                    continue
                }
                if v > 0x20, v != 0x7F {
                    builder.emit(s, i..<i + 1)
                    i += 1
                    continue
                }
                if v == 0x20 || v == 0x09 {
                    builder.space(at: i)
                    i += 1
                    continue
                }
                if v < 0x0A || v > 0x0D {
                    i += 1
                    continue
                }
            } else {
                // Invisible characters (soft hyphen, zero-width space and joiners, word joiner,
                // BOM) are dropped; inside a word they do not end it (``Builder/word(from:first:)``).
                if isDropped(s) {
                    i += 1
                    continue
                }
                if isWordScalar(s) {
                    i = builder.prose(from: i, first: v)
                    continue
                }
            }
            switch v {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029:
                // CR LF is one line end.
                let end = (v == 0x0D && i + 1 < n && original[i + 1] == "\n") ? i + 2 : i + 1
                if fieldCodes.isFieldCode(UnsafeBufferPointer(rebasing: original[lineStart..<i])) { builder.takeBack(to: lineMark) }
                builder.newline(i..<end)
                lineStart = end
                lineMark = builder.count
                i = end
                continue
            case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                builder.space(at: i)
            case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
                builder.emit("-", i..<i + 1)
            case 0x201C...0x201F, 0xAB, 0xBB, 0x2033, 0xFF02:
                builder.emit("\"", i..<i + 1)
            case 0x2018...0x201B, 0x2032, 0xFF07:
                builder.emit("'", i..<i + 1)
            case 0x2026:
                for _ in 0..<3 { builder.emit(".", i..<i + 1) }
            default:
                builder.emit(s, i..<i + 1)
            }
            i += 1
        }
        if fieldCodes.isFieldCode(UnsafeBufferPointer(rebasing: original[lineStart..<n])) { builder.takeBack(to: lineMark) }
        builder.trimTrailingSpace()
    }

    /// A to Z and a to z: `v | 0x20` lower-cases an ASCII letter, and one unsigned
    /// comparison tests the range.
    @inline(__always)
    static func isASCIILetter(_ v: UInt32) -> Bool {
        (v | 0x20) &- 0x61 < 26
    }

    /// Letters and combining marks form words; everything else separates them.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        // Latin letters and combining diacritics, all of Vietnamese, and the Latin-1 and general
        // punctuation between words (no-break space, curly quotes, dashes, the ellipsis) without
        // a property lookup (VietnameseNormalizerTests checks these ranges against the properties).
        if v >= 0xC0 && v <= 0x24F { return v != 0xD7 && v != 0xF7 }
        if (v >= 0x300 && v <= 0x36F) || (v >= 0x1E00 && v <= 0x1EFF) { return true }
        if v < 0xC0 { return v == 0xAA || v == 0xB5 || v == 0xBA }
        if v >= 0x2000 && v <= 0x206F { return false }
        return isLetterOrMark(s)
    }

    /// Unicode's answer for a scalar the ranges above do not decide. Not inlined: reading a
    /// scalar's properties sets up their (resilient) types on entry to the function that
    /// does it, about 40 instructions, which the normaliser paid on every word it read.
    @inline(never)
    private static func isLetterOrMark(_ s: Unicode.Scalar) -> Bool {
        let properties = s.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
    }

    /// Line ends the normaliser turns into LF: U+000A...U+000D, U+0085, U+2028 and U+2029
    /// (two comparisons for an ASCII scalar).
    @inline(__always)
    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v &- 0x0A <= 3 || (v >= 0x85 && (v == 0x85 || v &- 0x2028 <= 1))
    }

    /// Invisible characters and controls the normaliser drops without ending a word.
    @inline(__always)
    static func isDropped(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        // A printable ASCII scalar, the one a word most often ends at, in two comparisons.
        if v < 0x7F { return v < 0x20 && (v < 0x09 || v > 0x0D) }
        return v == 0xAD || (0x200B...0x200D).contains(v) || v == 0x2060 || v == 0xFEFF || (v <= 0x9F && v != 0x85)
    }

    /// Accumulates the normalised scalars and their origins.
    private struct Builder: ~Copyable {
        /// The text being normalised, valid while the builder is.
        let original: UnsafeBufferPointer<Unicode.Scalar>
        let table = VietnameseLetters.shared
        /// The normalised scalars and their origins as written so far.
        private var out: Output
        /// Where the run of spaces before what comes next began; -1 when there is none.
        var pendingSpace = -1
        /// The word's scalars when an invisible character was dropped inside it.
        var gappedWord: [Unicode.Scalar] = []
        /// Composed form of every non-ASCII word met so far, by this text and the ones before.
        var words = ComposedWords(limit: 0)

        init(original: UnsafeBufferPointer<Unicode.Scalar>, scalars: UnsafeMutablePointer<Unicode.Scalar>,
             starts: UnsafeMutablePointer<Int32>, ends: UnsafeMutablePointer<Int32>, capacity: Int) {
            self.original = original
            out = Output(scalars: scalars, starts: starts, ends: ends, capacity: capacity)
        }

        /// Number of scalars emitted so far.
        var count: Int { out.count }

        /// Whether the text needed more than its capacity: nothing past it was written, and the
        /// text must be normalised again with more room.
        var overflowed: Bool { out.overflowed }

        /// Removes what was emitted after the first `mark` scalars (a field-code line), and the
        /// space pending after it.
        mutating func takeBack(to mark: Int) {
            out.count = min(out.count, max(0, mark))
            pendingSpace = -1
        }

        mutating func emit(_ s: Unicode.Scalar, _ origin: Range<Int>) {
            emitPendingSpace()
            out.append(s, origin)
        }

        /// The space that a run of spaces became, before what follows it on the line.
        @inline(__always)
        private mutating func emitPendingSpace() {
            guard pendingSpace >= 0 else { return }
            if let last = out.last, last != "\n" {
                out.append(" ", pendingSpace..<pendingSpace + 1)
            }
            pendingSpace = -1
        }

        mutating func space(at i: Int) {
            if pendingSpace < 0 { pendingSpace = i }
        }

        mutating func newline(_ origin: Range<Int>) {
            pendingSpace = -1
            trimTrailingSpace()
            out.append("\n", origin)
        }

        mutating func trimTrailingSpace() {
            while out.last == " " { out.count -= 1 }
        }

        /// Reads the prose that starts at `start` (a word scalar): words, and between them the
        /// ASCII digits and punctuation, emitted as they are, and single spaces (U+0020) before
        /// anything but a space; emits each word as ``word(_:from:first:into:)`` does, and
        /// returns where the caller's loop must go on (at a line end, any other space, a scalar
        /// to map or drop).
        ///
        /// Prose is words with one space between them: reading the spaces and punctuation
        /// between words here spares each of them the caller's loop and its tests, and the
        /// pending space's bookkeeping. A space is emitted at once: something other than a
        /// space or line end was emitted last (the run starts with a word) and no space is
        /// pending, so it is what ``space(at:)`` and the next ``emit(_:_:)`` would emit. The
        /// pending space, if any, goes before the first word: nothing is emitted before it.
        ///
        /// The output is written through a copy of ``out`` held in a local for the whole run:
        /// written through the builder, each store through its pointers made the compiler load
        /// them and the count from the builder again (they might have been stored over).
        ///
        /// The caller has read and tested the first word's first scalar, whose value is `first`.
        mutating func prose(from start: Int, first: UInt32) -> Int {
            emitPendingSpace()
            guard let text = original.baseAddress else { return start }
            let n = original.count
            var out = self.out
            defer { self.out = out }
            var i = start, v = first
            while true {
                i = word(text, from: i, first: v, into: &out)
                // Up to the next word, or back to the caller.
                while true {
                    guard i < n else { return i }
                    let s = text[i]
                    v = s.value
                    if v == 0x20 {
                        // A space, mostly between two words: the next word is read at once.
                        guard i + 1 < n else { return i }
                        let next = text[i + 1]
                        let w = next.value
                        let isWord = VietnameseNormalizer.isASCIILetter(w) || (w >= 0x80 && VietnameseNormalizer.isWordScalar(next))
                        guard isWord || (w > 0x20 && w < 0x7F) else { return i }
                        out.append(" ", i..<i + 1)
                        i += 1
                        guard isWord else { continue }
                        v = w
                        break
                    }
                    if VietnameseNormalizer.isASCIILetter(v) { break }
                    if v > 0x20, v < 0x7F {
                        out.append(s, i..<i + 1)
                        i += 1
                        continue
                    }
                    guard v >= 0x80, VietnameseNormalizer.isWordScalar(s) else { return i }
                    break
                }
            }
        }

        /// Reads the word that starts at `start` (a word scalar) of `text` (``original``'s
        /// scalars), emits it into `out` composed, with its tone in place and mapped to its
        /// range, and returns where reading goes on.
        ///
        /// One pass reads the word, notes whether it is all ASCII and hashes it for
        /// ``ComposedWords``: an ASCII word is copied as it is, letter for letter, and any
        /// other is looked up without reading it again.
        ///
        /// The caller has read and tested the word's first scalar, whose value is `first`.
        @inline(__always)
        private mutating func word(_ text: UnsafePointer<Unicode.Scalar>, from start: Int, first: UInt32,
                                   into out: inout Output) -> Int {
            let n = original.count
            var end = start + 1
            var bits = first
            var hash = ComposedWords.hash(ComposedWords.emptyHash, adding: first)
            // The scalar the word ends at; a space when it ends the text.
            var next: UInt32 = 0x20
            while end < n {
                let s = text[end]
                let v = s.value
                guard VietnameseNormalizer.isASCIILetter(v) || (v >= 0x80 && VietnameseNormalizer.isWordScalar(s)) else {
                    next = v
                    break
                }
                bits |= v
                hash = ComposedWords.hash(hash, adding: v)
                end += 1
            }
            // A word mostly ends at a space or punctuation (U+0020...U+007E), never dropped:
            // one test spares those the full one.
            if next &- 0x20 >= 0x5F, end < n, VietnameseNormalizer.isDropped(text[end]),
               let gapped = gappedWord(from: start, end: end, into: &out) {
                return gapped
            }
            let word = UnsafeBufferPointer(start: text + start, count: end &- start)
            if bits < 0x80 {
                out.append(ascii: word, readable: n &- start, at: start)
            } else {
                let table = self.table
                let composed = words.range(of: word, hash: hash) { VietnameseNormalizer.compose(Array($0), table: table) }
                words.composed.withUnsafeBufferPointer {
                    out.append(composed: UnsafeBufferPointer(rebasing: $0[composed]), readable: $0.count &- composed.lowerBound, from: start..<end)
                }
            }
            return end
        }

        /// Reads on past the invisible characters at `end`: when a word scalar follows them, the
        /// word goes on and is emitted whole into `out` from `start` to its last word scalar,
        /// whose end this returns; nil (nothing emitted) when the word ended at `end`.
        private mutating func gappedWord(from start: Int, end: Int, into out: inout Output) -> Int? {
            let n = original.count
            var next = end
            while next < n, VietnameseNormalizer.isDropped(original[next]) { next += 1 }
            guard next < n, VietnameseNormalizer.isWordScalar(original[next]) else { return nil }
            // After a dropped character the word's scalars are no longer a run of the original.
            gappedWord.removeAll(keepingCapacity: true)
            gappedWord.append(contentsOf: UnsafeBufferPointer(rebasing: original[start..<end]))
            var wordEnd = end
            while next < n {
                let s = original[next]
                if VietnameseNormalizer.isWordScalar(s) {
                    gappedWord.append(s)
                    wordEnd = next + 1
                } else if !VietnameseNormalizer.isDropped(s) {
                    break
                }
                next += 1
            }
            // Letters no longer sit at start + k: the word, ASCII or not, comes from its whole range.
            let word = gappedWord
            let table = self.table
            let composed = word.withUnsafeBufferPointer { word in
                words.range(of: word) { VietnameseNormalizer.compose(Array($0), table: table) }
            }
            words.composed.withUnsafeBufferPointer {
                out.append(composed: UnsafeBufferPointer(rebasing: $0[composed]), readable: $0.count &- composed.lowerBound, from: start..<wordEnd)
            }
            return wordEnd
        }
    }

    /// The three arrays a ``Builder`` writes, the normalised scalars and the start and end of
    /// each one's original range, with room for ``capacity`` each, and how many are written.
    private struct Output {
        let scalars: UnsafeMutablePointer<Unicode.Scalar>
        let starts: UnsafeMutablePointer<Int32>
        let ends: UnsafeMutablePointer<Int32>
        let capacity: Int
        /// Number of scalars written so far.
        var count = 0
        /// Whether the text needed more than ``capacity`` scalars: nothing past them was written.
        var overflowed = false

        init(scalars: UnsafeMutablePointer<Unicode.Scalar>, starts: UnsafeMutablePointer<Int32>,
             ends: UnsafeMutablePointer<Int32>, capacity: Int) {
            self.scalars = scalars
            self.starts = starts
            self.ends = ends
            self.capacity = capacity
        }

        /// The last scalar written, nil when none is.
        var last: Unicode.Scalar? { count > 0 ? scalars[count - 1] : nil }

        /// Whether there is room for `added` more scalars; notes that the text overflowed when not.
        @inline(__always)
        private mutating func hasRoom(for added: Int) -> Bool {
            if count &+ added <= capacity { return true }
            overflowed = true
            return false
        }

        @inline(__always)
        mutating func append(_ s: Unicode.Scalar, _ origin: Range<Int>) {
            guard hasRoom(for: 1) else { return }
            (scalars + count).initialize(to: s)
            (starts + count).initialize(to: Int32(truncatingIfNeeded: origin.lowerBound))
            (ends + count).initialize(to: Int32(truncatingIfNeeded: origin.upperBound))
            count += 1
        }

        /// Appends an ASCII word as it is, letter k from place `start` + k. `readable` scalars
        /// (the word's and those after it) can be read from the word's start.
        @inline(__always)
        mutating func append(ascii word: UnsafeBufferPointer<Unicode.Scalar>, readable: Int, at start: Int) {
            guard hasRoom(for: word.count), let source = word.baseAddress else { return }
            if word.count <= Self.lanes, readable >= Self.lanes, capacity &- count >= Self.lanes {
                let place = SIMD4<Int32>(repeating: Int32(truncatingIfNeeded: start)) &+ SIMD4(0, 1, 2, 3)
                write(from: source, starts: place, place &+ 4, ends: place &+ 1, place &+ 5)
            } else {
                let (scalars, starts, ends) = (self.scalars + count, self.starts + count, self.ends + count)
                for k in 0..<word.count {
                    let place = Int32(truncatingIfNeeded: start &+ k)
                    (scalars + k).initialize(to: source[k])
                    (starts + k).initialize(to: place)
                    (ends + k).initialize(to: place &+ 1)
                }
            }
            count &+= word.count
        }

        /// Appends a composed word, every scalar from the word's whole original range.
        /// `readable` scalars (the word's and those after it) can be read from the word's start.
        @inline(__always)
        mutating func append(composed word: UnsafeBufferPointer<Unicode.Scalar>, readable: Int, from origin: Range<Int>) {
            let start = Int32(truncatingIfNeeded: origin.lowerBound), end = Int32(truncatingIfNeeded: origin.upperBound)
            guard hasRoom(for: word.count), let source = word.baseAddress else { return }
            if word.count <= Self.lanes, readable >= Self.lanes, capacity &- count >= Self.lanes {
                let starts = SIMD4(repeating: start), ends = SIMD4(repeating: end)
                write(from: source, starts: starts, starts, ends: ends, ends)
            } else {
                let (scalars, starts, ends) = (self.scalars + count, self.starts + count, self.ends + count)
                for k in 0..<word.count {
                    (scalars + k).initialize(to: source[k])
                    (starts + k).initialize(to: start)
                    (ends + k).initialize(to: end)
                }
            }
            count &+= word.count
        }

        /// The most scalars ``write(from:starts:_:ends:_:)`` writes, and the room it needs.
        private static var lanes: Int { 8 }

        /// Writes ``lanes`` scalars from `source` and their starts and ends from ``count`` on,
        /// four at a time: a word (a syllable, mostly of two to six scalars) in six loads and
        /// stores, where a loop spent about 45 instructions getting ready and seven a scalar.
        /// The caller counts those of the word and has made sure that all can be read and
        /// written; the rest are past the count, in the room, and are written over later.
        @inline(__always)
        private func write(from source: UnsafePointer<Unicode.Scalar>, starts: SIMD4<Int32>, _ starts2: SIMD4<Int32>,
                           ends: SIMD4<Int32>, _ ends2: SIMD4<Int32>) {
            let from = UnsafeRawPointer(source)
            let scalars = UnsafeMutableRawPointer(self.scalars + count)
            scalars.storeBytes(of: from.loadUnaligned(as: SIMD4<UInt32>.self), as: SIMD4<UInt32>.self)
            scalars.storeBytes(of: from.loadUnaligned(fromByteOffset: 16, as: SIMD4<UInt32>.self), toByteOffset: 16, as: SIMD4<UInt32>.self)
            let startPlaces = UnsafeMutableRawPointer(self.starts + count), endPlaces = UnsafeMutableRawPointer(self.ends + count)
            startPlaces.storeBytes(of: starts, as: SIMD4<Int32>.self)
            startPlaces.storeBytes(of: starts2, toByteOffset: 16, as: SIMD4<Int32>.self)
            endPlaces.storeBytes(of: ends, as: SIMD4<Int32>.self)
            endPlaces.storeBytes(of: ends2, toByteOffset: 16, as: SIMD4<Int32>.self)
        }
    }

    /// `word` composed (NFC) with its tone mark in the classic place; a word with marks
    /// Vietnamese does not use, plain NFC.
    static func compose(_ word: [Unicode.Scalar], table: VietnameseLetters = .shared) -> [Unicode.Scalar] {
        var letters: [ToneMarks.Letter] = []
        letters.reserveCapacity(word.count)
        for raw in word {
            let s: Unicode.Scalar = switch raw.value {
            case 0xD0, 0x189: "\u{110}"
            case 0xF0: "\u{111}"
            default: raw
            }
            if let parts = table.parts(s) {
                letters.append(ToneMarks.Letter(base: parts.base, tone: parts.tone))
            } else if s.value < 0x80 {
                letters.append(ToneMarks.Letter(base: s, tone: 0))  // an ASCII consonant
            } else if let tone = VietnameseLetters.toneMark(s.value) {
                guard let last = letters.last, last.tone == 0, table.isVowel(last.base) else { return fallback(word) }
                letters[letters.count - 1].tone = tone
            } else if VietnameseLetters.isShapeMark(s.value) {
                guard let last = letters.last, let shaped = table.shape(last.base, with: s) else { return fallback(word) }
                letters[letters.count - 1].base = shaped
            } else if s.properties.generalCategory == .nonspacingMark {
                return fallback(word)
            } else if s.value >= 0x80, s.value != 0x110, s.value != 0x111,
                      s.properties.canonicalCombiningClass == .notReordered,
                      String(s).decomposedStringWithCanonicalMapping.unicodeScalars.count > 1 {
                // A precomposed letter Vietnamese does not use ("ǵ"): treat the word as
                // foreign, exactly as its decomposed spelling is treated.
                return fallback(word)
            } else {
                letters.append(ToneMarks.Letter(base: s, tone: 0))
            }
        }
        ToneMarks.place(&letters, table: table)
        return letters.map { letter in
            letter.tone == 0 ? letter.base : (table.compose(letter.base, tone: letter.tone) ?? letter.base)
        }
    }

    /// Words with marks Vietnamese does not use: plain NFC, no tone placement.
    private static func fallback(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        Array(NormalizedText.string(word, 0..<word.count).precomposedStringWithCanonicalMapping.unicodeScalars)
    }
}
