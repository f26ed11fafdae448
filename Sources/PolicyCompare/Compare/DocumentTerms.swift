/// The sentences of one document as syllable numbers, from which ``Sum`` counts its n-grams.
///
/// A document hands over its token texts once and every token as a number, with where its
/// sentences start; the n-grams are counted only where they are summed (a year's
/// ``YearTerms``). Counting each document into a table of its own first, and then that table
/// into its year's, hashed every term twice and every syllable's text once per document;
/// the profile of ten thousand plans put the two at about 7% of the run. ``merged(_:)``
/// turns a group of documents into ``TermCounts`` with exactly the terms, frequencies and
/// totals that ``TermCounts/count(sentences:maxN:stopList:)`` gives for their sentences
/// (maxN 3), which the tests check.
public struct DocumentTerms: Sendable, Hashable {
    /// A term of two or three syllables: their numbers in a ``Sum``'s vocabulary, -1 past its
    /// length (single syllables are counted by number, without a table).
    struct Gram: Hashable, Sendable {
        var a: Int32
        var b: Int32
        var c: Int32 = -1

        var size: Int { c >= 0 ? 3 : 2 }

        /// A cheap hash (a multiply-xorshift mix of the three numbers).
        var hash: UInt64 {
            var h = UInt64(UInt32(bitPattern: a)) | UInt64(UInt32(bitPattern: b)) << 32
            h = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9 ^ UInt64(UInt32(bitPattern: c)) &* 0x94D0_49BB_1331_11EB
            return h ^ (h >> 31)
        }
    }

    /// A stop list as ``Sum`` looks its syllables up: numbered by their UTF-8 bytes, which
    /// decide equality for normalised (NFC) text, as ``ExactText`` does, without SipHash.
    static func stopKeys(_ stopList: Set<String>) -> RunTable<UInt8> {
        var table = RunTable<UInt8>()
        for syllable in stopList.sorted() { table.insert(syllable) }
        return table
    }

    /// Largest term size counted.
    static let maxN = 3

    /// The document's distinct token texts (normalised, folded syllables and punctuation).
    private(set) var syllables: [String] = []
    /// Every token in reading order, as its number in `syllables`.
    private(set) var tokens: [Int32] = []
    /// Where in `tokens` each sentence starts, ascending: no term spans one of these.
    private(set) var sentenceStarts: [Int32] = []
    /// The syllables that may not start or end a term (``stopKeys(_:)``).
    private(set) var stopList = RunTable<UInt8>()

    /// Empty: no sentences.
    init() {}

    /// A document whose tokens are numbered by their text in `syllables` (as a document's
    /// ``TokenSpellings`` number them): the arrays are kept as they are, not copied.
    init(syllables: [String], tokens: [Int32], sentenceStarts: [Int32], stopList: RunTable<UInt8>) {
        self.syllables = syllables
        self.tokens = tokens
        self.sentenceStarts = sentenceStarts
        self.stopList = stopList
    }

    /// A document of `sentences`, each a list of normalised syllable tokens, as
    /// ``TermCounts/count(sentences:maxN:stopList:)`` takes them.
    init(sentences: [[String]], stopList: Set<String>) {
        var texts = RunTable<UInt8>()
        for sentence in sentences {
            sentenceStarts.append(Int32(truncatingIfNeeded: tokens.count))
            for token in sentence {
                let (number, inserted) = texts.insert(token)
                if inserted { syllables.append(token) }
                tokens.append(Int32(truncatingIfNeeded: number))
            }
        }
        self.stopList = Self.stopKeys(stopList)
    }

    /// The counts of `documents` together, keyed by term text.
    public static func merged<S: Sequence>(_ documents: S) -> TermCounts where S.Element == DocumentTerms {
        var sum = Sum()
        for document in documents { sum.add(document) }
        return sum.counts()
    }

    /// The n-gram counts of documents added one at a time; the result does not depend on
    /// their order.
    ///
    /// Syllables are numbered by their bytes (``RunTable``), once per document each, and terms
    /// kept in a ``GramTable`` by a cheap hash of those numbers, not through `Dictionary`'s
    /// SipHash. A year of a large corpus holds hundreds of thousands of terms; each term of
    /// each document is counted here directly.
    struct Sum: Sendable {
        /// Distinct token texts as UTF-8, numbered in first-use order, and by that number
        /// each one's ``code(_:edge:)``.
        private var vocabulary = RunTable<UInt8>()
        private var codes: [Int32] = []
        /// Frequency of each single syllable, by its number (punctuation stays at 0).
        private var unigrams: [Int] = []
        /// Terms of two and three syllables and their frequencies.
        private var grams = GramTable()
        private var totals = [Int](repeating: 0, count: DocumentTerms.maxN)
        /// The ``code(_:edge:)`` of each syllable of the document being added, `unknown`
        /// until its first token.
        private var local: [Int32] = []

        /// What a syllable is to the counting, in one number: punctuation (which splits the
        /// sentence and is not counted) is -1; otherwise its number times two, plus one when
        /// it may not start or end a term (a stop syllable or one without a letter).
        private static func code(_ number: Int, edge: Bool) -> Int32 {
            Int32(truncatingIfNeeded: number) << 1 | (edge ? 1 : 0)
        }

        private static let punctuation: Int32 = -1
        private static let unknown: Int32 = -2

        /// Counts the sentences of `document`. A syllable is looked up in the stop list of the
        /// first document that has it: documents summed together share one stop list, as
        /// merged ``TermCounts`` must.
        mutating func add(_ document: DocumentTerms) {
            local.removeAll(keepingCapacity: true)
            local.append(contentsOf: repeatElement(Self.unknown, count: document.syllables.count))
            var start = 0
            for next in document.sentenceStarts {
                let end = min(max(start, Int(next)), document.tokens.count)
                countSentence(document, start..<end)
                start = end
            }
            countSentence(document, start..<document.tokens.count)
        }

        /// Counts the tokens `range` of `document`, one sentence, streaming: each token
        /// ends up to three terms, counted when neither end is an edge syllable.
        private mutating func countSentence(_ document: DocumentTerms, _ range: Range<Int>) {
            // Codes of the two tokens before this one, and how many non-punctuation tokens
            // run up to it.
            var previous: Int32 = 0, beforePrevious: Int32 = 0
            var run = 0
            var positions = (0, 0, 0)
            for k in range {
                let syllable = Int(document.tokens[k])
                var code = local[syllable]
                if code == Self.unknown {
                    code = lookUp(document.syllables[syllable], stopList: document.stopList)
                    local[syllable] = code
                }
                guard code != Self.punctuation else {
                    run = 0
                    continue
                }
                run += 1
                positions.0 += 1
                if run >= 2 { positions.1 += 1 }
                if run >= 3 { positions.2 += 1 }
                if code & 1 == 0 {
                    let number = code >> 1
                    unigrams[Int(number)] += 1
                    if run >= 2, previous & 1 == 0 { grams.add(Gram(a: previous >> 1, b: number), 1) }
                    if run >= 3, beforePrevious & 1 == 0 { grams.add(Gram(a: beforePrevious >> 1, b: previous >> 1, c: number), 1) }
                }
                beforePrevious = previous
                previous = code
            }
            totals[0] += positions.0
            totals[1] += positions.1
            totals[2] += positions.2
        }

        /// The code of `text`, numbered when new.
        private mutating func lookUp(_ text: String, stopList: RunTable<UInt8>) -> Int32 {
            let (number, inserted) = vocabulary.insert(text)
            if inserted {
                let code = TermCounts.isPunctuation(text) ? Self.punctuation
                    : Self.code(number, edge: stopList.id(of: text) != nil || !TermCounts.hasLetter(text))
                codes.append(code)
                unigrams.append(0)
            }
            return codes[number]
        }

        /// Adds the counts of `other`, made from other documents with the same stop list.
        mutating func add(_ other: Sum) {
            var numbers: [Int32] = []
            numbers.reserveCapacity(other.vocabulary.count)
            for id in 0..<other.vocabulary.count {
                let (number, inserted) = other.vocabulary.withElements(of: id) { vocabulary.insert($0) }
                if inserted {
                    let code = other.codes[id]
                    codes.append(code < 0 ? code : Self.code(number, edge: code & 1 != 0))
                    unigrams.append(0)
                }
                unigrams[number] += other.unigrams[id]
                numbers.append(Int32(truncatingIfNeeded: number))
            }
            other.grams.forEach { gram, frequency in
                let c = gram.c >= 0 ? numbers[Int(gram.c)] : -1
                grams.add(Gram(a: numbers[Int(gram.a)], b: numbers[Int(gram.b)], c: c), frequency)
            }
            for n in 0..<DocumentTerms.maxN { totals[n] += other.totals[n] }
        }

        /// The counts keyed by term text (syllables joined by single spaces).
        ///
        /// Each size's table is made with room for all its terms, since growing rehashes every
        /// key with SipHash, and each key is written straight from the vocabulary's bytes.
        func counts() -> TermCounts {
            var unigramCount = 0, bigramCount = 0
            for frequency in unigrams where frequency > 0 { unigramCount += 1 }
            grams.forEach { gram, _ in if gram.c < 0 { bigramCount += 1 } }
            var byTerm: [[ExactText: Int]] = [
                Dictionary(minimumCapacity: unigramCount), Dictionary(minimumCapacity: bigramCount),
                Dictionary(minimumCapacity: grams.count - bigramCount),
            ]
            for (id, frequency) in unigrams.enumerated() where frequency > 0 {
                byTerm[0][ExactText(text(of: Int32(truncatingIfNeeded: id), -1, -1))] = frequency
            }
            grams.forEach { gram, frequency in
                byTerm[gram.size - 1][ExactText(text(of: gram.a, gram.b, gram.c))] = frequency
            }
            var frequencies: [Int: [ExactText: Int]] = [:]
            var byN: [Int: Int] = [:]
            for n in 0..<DocumentTerms.maxN {
                if !byTerm[n].isEmpty { frequencies[n + 1] = byTerm[n] }
                if totals[n] > 0 { byN[n + 1] = totals[n] }
            }
            return TermCounts(frequencies: frequencies, totals: byN)
        }

        /// The syllables `a`, `b`, `c` (those not -1) joined by single spaces.
        private func text(of a: Int32, _ b: Int32, _ c: Int32) -> String {
            func length(_ id: Int32) -> Int {
                id < 0 ? 0 : vocabulary.withElements(of: Int(id)) { $0.count } + 1
            }
            return String(unsafeUninitializedCapacity: length(a) + length(b) + length(c) - 1) { buffer in
                var end = 0
                func copy(_ id: Int32) {
                    guard id >= 0 else { return }
                    if end > 0 {
                        buffer[end] = UInt8(ascii: " ")
                        end += 1
                    }
                    end += vocabulary.withElements(of: Int(id)) { UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(fromContentsOf: $0) }
                }
                copy(a)
                copy(b)
                copy(c)
                return end
            }
        }
    }

    /// Terms of two and three syllables and their frequencies, each in a slot of one
    /// open-addressing table (linear probing, at most half full) with its key and count
    /// inline.
    ///
    /// Counting the n-grams of ten thousand plans into their years' tables missed the cache
    /// on nearly every term once the tables outgrew it; a table of ids with the hashes, terms
    /// and counts in arrays of their own touched four places for each term, this one
    /// usually one. Sixteen bytes a slot also keep it smaller than those arrays were.
    struct GramTable: Sendable {
        /// One slot: a term and its frequency, or empty (`gram.a` -1).
        private struct Entry: Sendable {
            var gram: Gram
            /// The frequency, or `UInt32.max` when it is in ``GramTable/large``.
            var frequency: UInt32
        }

        private var entries = [Entry](repeating: Entry(gram: Gram(a: -1, b: -1), frequency: 0), count: 8_192)
        /// Frequencies of `UInt32.max` or more, which no slot holds (only a year of billions
        /// of syllables has one).
        private var large: [Gram: Int] = [:]
        /// Number of distinct terms.
        private(set) var count = 0

        /// Adds `frequency` (at least 0) to the count of `gram`.
        @inline(__always)
        mutating func add(_ gram: Gram, _ frequency: Int) {
            var inserted = false
            let tooLarge: Int? = entries.withUnsafeMutableBufferPointer { entries in
                let mask = entries.count - 1
                let hash = gram.hash
                var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
                while true {
                    if entries[slot].gram.a < 0 {
                        entries[slot].gram = gram
                        inserted = true
                        break
                    }
                    if entries[slot].gram == gram { break }
                    slot = (slot + 1) & mask
                }
                let current = entries[slot].frequency
                guard frequency < Int(UInt32.max - current) else { return slot }
                entries[slot].frequency = current + UInt32(truncatingIfNeeded: frequency)
                return nil
            }
            if let slot = tooLarge { addLarge(frequency, at: slot) }
            if inserted {
                count += 1
                if count * 2 > entries.count { grow() }
            }
        }

        /// Adds a frequency that takes the slot's count to `UInt32.max` or past it.
        private mutating func addLarge(_ frequency: Int, at slot: Int) {
            let entry = entries[slot]
            large[entry.gram] = (entry.frequency == .max ? large[entry.gram, default: 0] : Int(entry.frequency)) + frequency
            entries[slot].frequency = .max
        }

        /// Calls `body` with every term and its frequency, in no particular order.
        func forEach(_ body: (Gram, Int) -> Void) {
            for entry in entries where entry.gram.a >= 0 {
                body(entry.gram, entry.frequency == .max ? large[entry.gram, default: 0] : Int(entry.frequency))
            }
        }

        /// Twice the slots, each entry moved to where its hash now leads.
        private mutating func grow() {
            let old = entries
            entries = [Entry](repeating: Entry(gram: Gram(a: -1, b: -1), frequency: 0), count: old.count * 2)
            entries.withUnsafeMutableBufferPointer { entries in
                let mask = entries.count - 1
                for entry in old where entry.gram.a >= 0 {
                    let hash = entry.gram.hash
                    var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
                    while entries[slot].gram.a >= 0 { slot = (slot + 1) & mask }
                    entries[slot] = entry
                }
            }
        }
    }
}
