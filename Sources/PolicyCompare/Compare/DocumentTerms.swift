/// The n-gram counts of one document in compact form: its distinct syllables once, and each
/// term as up to three indexes into them.
///
/// A corpus of ten thousand plans keeps every document's counts until the years are merged,
/// and string-keyed counts cost about 130 KB a document; these hold the same information in a
/// fraction of that. ``merged(_:)`` turns a group of documents into ``TermCounts`` with
/// exactly the terms, frequencies and totals that ``TermCounts/count(sentences:maxN:stopList:)``
/// gives for their sentences (maxN 3), which the tests check.
public struct DocumentTerms: Sendable, Hashable {
    /// A term: indexes of its syllables, -1 past its length.
    struct Gram: Hashable, Sendable {
        var a: Int32
        var b: Int32 = -1
        var c: Int32 = -1

        var size: Int { c >= 0 ? 3 : b >= 0 ? 2 : 1 }

        /// A cheap hash for ``HashIndex`` (a multiply-xorshift mix of the three indexes).
        var hash: UInt64 {
            var h = UInt64(UInt32(bitPattern: a)) | UInt64(UInt32(bitPattern: b)) << 32
            h = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9 ^ UInt64(UInt32(bitPattern: c)) &* 0x94D0_49BB_1331_11EB
            return h ^ (h >> 31)
        }
    }

    /// A stop list as ``Builder`` looks its syllables up: numbered by their UTF-8 bytes, which
    /// decide equality for normalised (NFC) text, as ``ExactText`` does, without SipHash.
    static func stopKeys(_ stopList: Set<String>) -> RunTable<UInt8> {
        var table = RunTable<UInt8>()
        for syllable in stopList.sorted() { table.insert(syllable) }
        return table
    }

    /// Largest term size counted.
    static let maxN = 3

    /// Distinct syllables in first-use order (punctuation-only tokens excluded).
    private(set) var syllables: [String] = []
    /// Terms and their frequencies, in first-use order.
    private(set) var grams: [Gram] = []
    private(set) var frequencies: [Int32] = []
    /// N-gram positions of size 1, 2, 3.
    private(set) var totals = [Int](repeating: 0, count: maxN)

    /// Counts the sentences of a document token by token: ``append(_:)`` each token of a
    /// sentence, then ``endSentence()``.
    struct Builder {
        /// The stop list's syllables by their UTF-8 (``stopKeys(_:)``).
        private let stopList: RunTable<UInt8>
        /// Distinct texts of the tokens added by text (``append(_:)``) as UTF-8, numbered in
        /// first-use order, and by that number each one's syllable id (-1: punctuation).
        private var texts = RunTable<UInt8>()
        private var idOfText: [Int32] = []
        /// Syllable id by token spelling, once met.
        private var bySpelling: [Int32?] = []
        /// Per syllable: may it start or end a term?
        private var isEdge: [Bool] = []
        private var piece: [Int32] = []
        /// Index of each term in `result.grams`.
        private var slots = HashIndex(expected: 1024)
        private var result = DocumentTerms()

        /// `spellings`: how many token spellings the document has, when they are appended with theirs.
        init(stopList: RunTable<UInt8>, spellings: Int = 0) {
            self.stopList = stopList
            bySpelling = Array(repeating: nil, count: spellings)
            // A document has about three distinct terms per spelling: room for them up front
            // instead of growing (and rehashing) several times.
            if spellings > 0 {
                slots = HashIndex(expected: spellings * 3)
                result.grams.reserveCapacity(spellings * 3)
                result.frequencies.reserveCapacity(spellings * 3)
                result.syllables.reserveCapacity(spellings)
            }
        }

        /// Adds the next token (a normalised, folded syllable) of the current sentence.
        mutating func append(_ token: String) {
            add(id(of: token))
        }

        /// Adds the next token by its spelling alone when that spelling was met before; false
        /// when it was not, and the token must be added with its text.
        mutating func appendKnown(spelling: Int32) -> Bool {
            let s = Int(spelling)
            guard s >= 0, s < bySpelling.count, let id = bySpelling[s] else { return false }
            add(id)
            return true
        }

        /// Adds the next token, whose spelling (``TokenSpellings``) is `spelling`: the
        /// token's text is read once per spelling. Spellings are keyed by their text, so
        /// no other spelling has this text, and it is not looked up among the texts met.
        mutating func append(_ token: String, spelling: Int32) {
            let s = Int(spelling)
            if s >= 0, s < bySpelling.count, let id = bySpelling[s] { return add(id) }
            let id = register(token)
            if s >= 0 {
                if s >= bySpelling.count { bySpelling += Array(repeating: nil, count: s + 1 - bySpelling.count) }
                bySpelling[s] = id
            }
            add(id)
        }

        /// The syllable id of `token`, new ones registered; -1 for punctuation, which splits
        /// the sentence and is not counted.
        private mutating func id(of token: String) -> Int32 {
            let (number, inserted) = texts.insert(token)
            guard inserted else { return idOfText[number] }
            let id = register(token)
            idOfText.append(id)
            return id
        }

        /// A new syllable id for `token`, a text not met before; -1 for punctuation.
        private mutating func register(_ token: String) -> Int32 {
            guard !TermCounts.isPunctuation(token) else { return -1 }
            let id = Int32(truncatingIfNeeded: result.syllables.count)
            result.syllables.append(token)
            isEdge.append(stopList.id(of: token) != nil || !TermCounts.hasLetter(token))
            return id
        }

        private mutating func add(_ id: Int32) {
            if id >= 0 { piece.append(id) } else { flushPiece() }
        }

        mutating func endSentence() {
            flushPiece()
        }

        consuming func finish() -> DocumentTerms {
            flushPiece()
            result.syllables = result.syllables.trimmed
            result.grams = result.grams.trimmed
            result.frequencies = result.frequencies.trimmed
            return result
        }

        /// Counts one run of tokens between punctuation, as ``TermCounts`` does.
        private mutating func flushPiece() {
            let length = piece.count
            guard length > 0 else { return }
            for n in 1...min(DocumentTerms.maxN, length) {
                result.totals[n - 1] += length - n + 1
            }
            for start in 0..<length where !isEdge[Int(piece[start])] {
                var gram = Gram(a: piece[start])
                count(gram)
                if start + 1 < length {
                    gram.b = piece[start + 1]
                    if !isEdge[Int(gram.b)] { count(gram) }
                    if start + 2 < length {
                        gram.c = piece[start + 2]
                        if !isEdge[Int(gram.c)] { count(gram) }
                    }
                }
            }
            piece.removeAll(keepingCapacity: true)
        }

        @inline(__always)
        private mutating func count(_ gram: Gram) {
            let hash = gram.hash
            let probe = result.grams.withUnsafeBufferPointer { grams in
                slots.probe(hash: hash) { grams[Int($0)] == gram }
            }
            switch probe {
            case .found(let id):
                result.frequencies[Int(id)] += 1
            case .vacant(let slot):
                slots.insert(hash: hash, at: slot)
                result.grams.append(gram)
                result.frequencies.append(1)
            }
        }
    }

    /// The counts of `documents` together, keyed by term text.
    public static func merged<S: Sequence>(_ documents: S) -> TermCounts where S.Element == DocumentTerms {
        var sum = Sum()
        for document in documents { sum.add(document) }
        return sum.counts()
    }

    /// Documents' counts added one at a time; the result does not depend on their order.
    ///
    /// Each year of a large corpus adds hundreds of thousands of terms, under ``YearTerms``'s
    /// lock: syllables are numbered by their bytes (``RunTable``) and terms by a cheap hash
    /// (``HashIndex``), not through `Dictionary`'s SipHash.
    struct Sum: Sendable {
        /// Distinct syllables as UTF-8, numbered in first-use order.
        private var vocabulary = RunTable<UInt8>()
        /// Terms over the vocabulary's numbers, and their frequencies, in first-use order.
        private var grams: [Gram] = []
        private var frequencies: [Int] = []
        private var slots = HashIndex(expected: 4_096)
        private var totals = [Int](repeating: 0, count: DocumentTerms.maxN)
        /// The vocabulary's number of each syllable of the document being added.
        private var global: [Int32] = []

        mutating func add(_ document: DocumentTerms) {
            global.removeAll(keepingCapacity: true)
            for syllable in document.syllables {
                let id = vocabulary.insert(syllable).id
                global.append(Int32(truncatingIfNeeded: id))
            }
            for (gram, frequency) in zip(document.grams, document.frequencies) {
                let mapped = Gram(a: global[Int(gram.a)], b: gram.b >= 0 ? global[Int(gram.b)] : -1, c: gram.c >= 0 ? global[Int(gram.c)] : -1)
                let hash = mapped.hash
                let probe = grams.withUnsafeBufferPointer { grams in
                    slots.probe(hash: hash) { grams[Int($0)] == mapped }
                }
                switch probe {
                case .found(let id):
                    frequencies[Int(id)] += Int(frequency)
                case .vacant(let slot):
                    slots.insert(hash: hash, at: slot)
                    grams.append(mapped)
                    frequencies.append(Int(frequency))
                }
            }
            for n in 0..<DocumentTerms.maxN { totals[n] += document.totals[n] }
        }

        func counts() -> TermCounts {
            var frequencies: [Int: [ExactText: Int]] = [:]
            var text: [UInt8] = []
            func append(_ id: Int32) {
                guard id >= 0 else { return }
                if !text.isEmpty { text.append(UInt8(ascii: " ")) }
                vocabulary.withElements(of: Int(id)) { text.append(contentsOf: $0) }
            }
            for (gram, frequency) in zip(grams, self.frequencies) {
                text.removeAll(keepingCapacity: true)
                append(gram.a)
                append(gram.b)
                append(gram.c)
                frequencies[gram.size, default: [:]][ExactText(String(decoding: text, as: UTF8.self))] = frequency
            }
            var byN: [Int: Int] = [:]
            for n in 0..<DocumentTerms.maxN where totals[n] > 0 { byN[n + 1] = totals[n] }
            return TermCounts(frequencies: frequencies, totals: byN)
        }
    }
}
