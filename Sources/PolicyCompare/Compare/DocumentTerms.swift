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
    /// A term of up to three syllables: their numbers in a ``Sum``'s vocabulary, -1 past its
    /// length (the table holds terms of two or three; single syllables are counted by number).
    struct Gram: Hashable, Sendable {
        var a: Int32
        var b: Int32
        var c: Int32 = -1

        /// A single syllable (as ``Sum/forEachTerm(_:)`` hands it over) has `b` -1 too.
        var size: Int { c >= 0 ? 3 : b >= 0 ? 2 : 1 }

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

    /// The UTF-8 bytes of the document's distinct token texts (normalised, folded syllables
    /// and punctuation), end to end, and where each text's bytes end: ``Sum`` looks a
    /// syllable up by its bytes, and making a string of each for that was over half the
    /// cost of the look-up.
    private(set) var utf8: [UInt8] = []
    private(set) var utf8Ends: [Int] = []
    /// The ``StableHash/fnv1a(_:)`` of each syllable, which ``Sum`` files them under:
    /// a document hashes its spellings so for text reuse, and hashing them again here was
    /// most of the cost of looking each up in its year's vocabulary.
    private(set) var syllableHashes: [UInt64] = []
    /// Every token in reading order, as its number in `syllables`.
    private(set) var tokens: [Int32] = []
    /// Where in `tokens` each sentence starts, ascending: no term spans one of these.
    private(set) var sentenceStarts: [Int32] = []
    /// The syllables that may not start or end a term (``stopKeys(_:)``).
    private(set) var stopList = RunTable<UInt8>()

    /// Empty: no sentences.
    init() {}

    /// A document whose tokens are numbered by their text in `syllables` (as a document's
    /// ``TokenSpellings`` number them). `hashes`, when given, are the
    /// ``StableHash/fnv1a(_:)`` of `syllables`, one for one.
    init(syllables: [String], hashes: [UInt64]? = nil, tokens: [Int32], sentenceStarts: [Int32], stopList: RunTable<UInt8>) {
        var utf8: [UInt8] = [], ends: [Int] = []
        for var syllable in syllables {
            syllable.withUTF8 { utf8.append(contentsOf: $0) }
            ends.append(utf8.count)
        }
        self.init(utf8: utf8, ends: ends, hashes: hashes ?? syllables.map(StableHash.fnv1a), tokens: tokens,
                  sentenceStarts: sentenceStarts, stopList: stopList)
    }

    /// A document whose tokens are numbered by their text, given as UTF-8 `utf8` and the end of
    /// each text in it (as ``TokenSpellings/utf8`` and ``TokenSpellings/utf8Ends`` hold a
    /// document's spellings): the arrays are kept as they are, not copied. `hashes` are the
    /// ``StableHash/fnv1a(_:)`` of the texts, one for one; when they are not as many, they
    /// are taken again. Ends that fall back or past `utf8` are cut to the ends before them and
    /// to `utf8`, so that every text is a run of it.
    init(utf8: [UInt8], ends: [Int], hashes: [UInt64], tokens: [Int32], sentenceStarts: [Int32], stopList: RunTable<UInt8>) {
        self.utf8 = utf8
        var lower = 0
        if ends.allSatisfy({ end in
            defer { lower = end }
            return lower <= end && end <= utf8.count
        }) {
            utf8Ends = ends
        } else {
            lower = 0
            utf8Ends = ends.map { end in
                lower = min(max(lower, end), utf8.count)
                return lower
            }
        }
        if hashes.count == ends.count {
            syllableHashes = hashes
        } else {
            syllableHashes = utf8Ends.indices.map { k in StableHash.fnv1a(bytes: utf8[(k > 0 ? utf8Ends[k - 1] : 0)..<utf8Ends[k]]) }
        }
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
                if inserted {
                    var token = token
                    token.withUTF8 { utf8.append(contentsOf: $0) }
                    utf8Ends.append(utf8.count)
                    syllableHashes.append(StableHash.fnv1a(token))
                }
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
        /// Distinct token texts as UTF-8, numbered in first-use order and filed under their
        /// ``DocumentTerms/syllableHashes``, and by that number each one's hash and
        /// ``code(_:edge:)``.
        private var vocabulary = RunTable<UInt8>()
        private var hashes: [UInt64] = []
        private var codes: [Int32] = []
        /// Frequency of each single syllable, by its number (punctuation stays at 0).
        private var unigrams: [Int] = []
        /// Terms of two and three syllables and their frequencies.
        private var grams = GramTable()
        private var totals = [Int](repeating: 0, count: DocumentTerms.maxN)
        /// The ``code(_:edge:)`` of each syllable of the document being added, `unknown`
        /// until its first token (kept between documents for its memory).
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
        ///
        /// Every syllable met is numbered first, in order of first use; then the sentences are
        /// counted through bare pointers to the document's tokens, their codes and the
        /// frequencies of single syllables, which numbering new syllables would move, and the
        /// document's terms of two and three syllables added to the table together (checking
        /// arrays' bounds and uniqueness for every token and term was about a tenth of counting).
        mutating func add(_ document: DocumentTerms) {
            // Taken out of `self` while pointers to them are held, so that `self` stays free to change.
            var codes: [Int32] = [], unigrams: [Int] = []
            swap(&codes, &local)
            codes.removeAll(keepingCapacity: true)
            codes.append(contentsOf: repeatElement(Self.unknown, count: document.utf8Ends.count))
            document.utf8.withUnsafeBufferPointer { utf8 in
                document.utf8Ends.withUnsafeBufferPointer { ends in
                    document.syllableHashes.withUnsafeBufferPointer { hashes in
                        for syllable in document.tokens where codes[Int(syllable)] == Self.unknown {
                            let k = Int(syllable)
                            let range = (k > 0 ? ends[k - 1] : 0)..<ends[k]
                            codes[k] = lookUp(range, of: utf8, hash: hashes[k], stopList: document.stopList)
                        }
                    }
                }
            }
            swap(&unigrams, &self.unigrams)
            // Each token ends at most two terms of two or three syllables.
            withUnsafeTemporaryAllocation(of: Gram.self, capacity: max(1, 2 * document.tokens.count)) { terms in
                var termCount = 0
                codes.withUnsafeBufferPointer { codes in
                    document.tokens.withUnsafeBufferPointer { tokens in
                        unigrams.withUnsafeMutableBufferPointer { unigrams in
                            var start = 0
                            for next in document.sentenceStarts {
                                let end = min(max(start, Int(next)), tokens.count)
                                countSentence(tokens[start..<end], codes: codes, unigrams: unigrams, terms: terms, termCount: &termCount)
                                start = end
                            }
                            countSentence(tokens[start..<tokens.count], codes: codes, unigrams: unigrams, terms: terms, termCount: &termCount)
                        }
                    }
                }
                grams.addOne(toEach: UnsafeBufferPointer(rebasing: terms[..<termCount]))
            }
            swap(&unigrams, &self.unigrams)
            swap(&codes, &local)
        }

        /// Counts `tokens`, one sentence, streaming: each token ends up to three terms,
        /// counted when neither end is an edge syllable. `codes` holds the code of every
        /// syllable of `tokens` and `unigrams` a frequency for every number of those codes;
        /// the terms of two and three syllables are written to `terms` from `termCount` on
        /// (room for two a token), for ``GramTable/addOne(toEach:)`` to count together.
        ///
        /// The two codes before a token stand for punctuation at the start of each piece, so
        /// that a term's first syllable is in the piece when its code is not odd; the
        /// positions of a piece of L tokens, L, L - 1 and L - 2 (none below 0), are added when
        /// it ends, not counted token by token.
        @inline(__always)
        private mutating func countSentence(_ tokens: Slice<UnsafeBufferPointer<Int32>>, codes: UnsafeBufferPointer<Int32>,
                                            unigrams: UnsafeMutableBufferPointer<Int>,
                                            terms: UnsafeMutableBufferPointer<Gram>, termCount: inout Int) {
            var previous = Self.punctuation, beforePrevious = Self.punctuation
            // Tokens of the piece so far, and positions of each size in the pieces before it.
            var run = 0
            var positions = (0, 0, 0)
            for syllable in tokens {
                let code = codes[Int(syllable)]
                guard code != Self.punctuation else {
                    Self.addPositions(of: run, to: &positions)
                    run = 0
                    previous = Self.punctuation
                    beforePrevious = Self.punctuation
                    continue
                }
                run += 1
                if code & 1 == 0 {
                    let number = code >> 1
                    unigrams[Int(number)] += 1
                    if previous & 1 == 0 {
                        terms.initializeElement(at: termCount, to: Gram(a: previous >> 1, b: number))
                        termCount += 1
                    }
                    if beforePrevious & 1 == 0 {
                        terms.initializeElement(at: termCount, to: Gram(a: beforePrevious >> 1, b: previous >> 1, c: number))
                        termCount += 1
                    }
                }
                beforePrevious = previous
                previous = code
            }
            Self.addPositions(of: run, to: &positions)
            totals[0] += positions.0
            totals[1] += positions.1
            totals[2] += positions.2
        }

        /// Adds the positions of each size in a piece of `length` tokens.
        @inline(__always)
        private static func addPositions(of length: Int, to positions: inout (Int, Int, Int)) {
            positions.0 += length
            positions.1 += max(0, length - 1)
            positions.2 += max(0, length - 2)
        }

        /// The code of the syllable `utf8[range]`, whose ``StableHash/fnv1a(_:)`` is `hash`,
        /// numbered when new: its text is made a string only then, and only when it has no
        /// ASCII letter. One that has is neither punctuation nor without a letter, as its bytes
        /// tell (making a string of every new syllable and reading its scalars' properties was
        /// about a tenth of summing a document).
        private mutating func lookUp(_ range: Range<Int>, of utf8: UnsafeBufferPointer<UInt8>, hash: UInt64, stopList: RunTable<UInt8>) -> Int32 {
            let run = UnsafeBufferPointer(rebasing: utf8[range])
            let (number, inserted) = vocabulary.insert(run, hash: hash)
            if inserted {
                let isStop = stopList.id(of: range, in: utf8) != nil
                let code: Int32
                if TermCounts.hasASCIILetter(run) {
                    code = Self.code(number, edge: isStop)
                } else {
                    let text = String(decoding: run, as: UTF8.self)
                    code = TermCounts.isPunctuation(text) ? Self.punctuation : Self.code(number, edge: isStop || !TermCounts.hasLetter(text))
                }
                hashes.append(hash)
                codes.append(code)
                unigrams.append(0)
            }
            return codes[number]
        }

        /// Adds the counts of `other`, made from other documents with the same stop list, and
        /// returns the number here of each of its syllables, by its number there.
        @discardableResult
        mutating func add(_ other: Sum) -> [Int32] {
            var numbers: [Int32] = []
            numbers.reserveCapacity(other.vocabulary.count)
            for id in 0..<other.vocabulary.count {
                let hash = other.hashes[id]
                let (number, inserted) = other.vocabulary.withElements(of: id) { vocabulary.insert($0, hash: hash) }
                if inserted {
                    hashes.append(hash)
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
            return numbers
        }

        /// Number of syllables numbered (``add(_:)-(Sum)`` maps each of them).
        var syllableCount: Int { vocabulary.count }

        /// Number of positions of terms of `n` syllables; 0 for sizes not counted.
        func total(n: Int) -> Int {
            (1...DocumentTerms.maxN).contains(n) ? totals[n - 1] : 0
        }

        /// Calls `body` with every term counted and its frequency, in no particular order; a
        /// single syllable comes as a ``Gram`` whose `b` is -1.
        func forEachTerm(_ body: (Gram, Int) -> Void) {
            for (id, frequency) in unigrams.enumerated() where frequency > 0 {
                body(Gram(a: Int32(truncatingIfNeeded: id), b: -1), frequency)
            }
            grams.forEach(body)
        }

        /// The frequency of `term`, its syllables numbered here (a single syllable's `b` -1);
        /// 0 when it was not counted.
        func frequency(of term: Gram) -> Int {
            guard term.b < 0 else { return grams.frequency(of: term) }
            return unigrams.indices.contains(Int(term.a)) ? unigrams[Int(term.a)] : 0
        }

        /// The number here of the syllable `text`, nil when no document added has it.
        func number(of text: Substring) -> Int32? {
            var text = String(text)
            let hash = StableHash.fnv1a(text)
            return text.withUTF8 { vocabulary.id(of: 0..<$0.count, in: $0, hash: hash) }.map { Int32(truncatingIfNeeded: $0) }
        }

        /// The text of `term` (syllables numbered here): its syllables joined by single spaces.
        func text(of term: Gram) -> String {
            text(of: term.a, term.b, term.c)
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
        mutating func add(_ gram: Gram, _ frequency: Int) {
            let (inserted, tooLarge) = entries.withUnsafeMutableBufferPointer { Self.add(gram, frequency, to: $0) }
            if let slot = tooLarge { addLarge(frequency, at: slot) }
            if inserted {
                count += 1
                if count * 2 > entries.count { grow() }
            }
        }

        /// Adds one to the count of each of `grams` in turn, exactly as ``add(_:_:)`` would,
        /// through one access to the slots until the table must grow: an access for every
        /// term made the array check every time that its storage was unique. The loop is
        /// ``add(_:_:)`` for a count of one, with no result to build and check per term.
        mutating func addOne(toEach grams: UnsafeBufferPointer<Gram>) {
            var next = 0
            while next < grams.count {
                // New terms the slots take before the table must grow (at most half full), and
                // the slot of a count that would reach `UInt32.max`.
                var room = entries.count / 2 - count
                var full: Int?
                entries.withUnsafeMutableBufferPointer { entries in
                    let mask = entries.count - 1
                    while next < grams.count {
                        let gram = grams[next]
                        next += 1
                        let hash = gram.hash
                        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
                        while true {
                            if entries[slot].gram.a < 0 {
                                entries[slot] = Entry(gram: gram, frequency: 1)
                                room -= 1
                                if room < 0 { return }
                                break
                            }
                            if entries[slot].gram == gram {
                                guard entries[slot].frequency < UInt32.max - 1 else {
                                    full = slot
                                    return
                                }
                                entries[slot].frequency += 1
                                break
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
                count = entries.count / 2 - room
                if let slot = full { addLarge(1, at: slot) }
                if count * 2 > entries.count { grow() }
            }
        }

        /// Adds `frequency` to the slot of `gram` in `entries`, taking a free one when it is
        /// new: whether it was, and the slot when its count would reach `UInt32.max` (then
        /// left as it was).
        @inline(__always)
        private static func add(_ gram: Gram, _ frequency: Int, to entries: UnsafeMutableBufferPointer<Entry>) -> (inserted: Bool, tooLarge: Int?) {
            let mask = entries.count - 1
            let hash = gram.hash
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
            var inserted = false
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
            guard frequency < Int(UInt32.max - current) else { return (inserted, slot) }
            entries[slot].frequency = current + UInt32(truncatingIfNeeded: frequency)
            return (inserted, nil)
        }

        /// Adds a frequency that takes the slot's count to `UInt32.max` or past it.
        private mutating func addLarge(_ frequency: Int, at slot: Int) {
            let entry = entries[slot]
            large[entry.gram] = (entry.frequency == .max ? large[entry.gram, default: 0] : Int(entry.frequency)) + frequency
            entries[slot].frequency = .max
        }

        /// The frequency of `gram`; 0 when it has none.
        func frequency(of gram: Gram) -> Int {
            entries.withUnsafeBufferPointer { entries in
                let mask = entries.count - 1
                let hash = gram.hash
                var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
                while entries[slot].gram.a >= 0 {
                    if entries[slot].gram == gram {
                        let frequency = entries[slot].frequency
                        return frequency == .max ? large[gram, default: 0] : Int(frequency)
                    }
                    slot = (slot + 1) & mask
                }
                return 0
            }
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
