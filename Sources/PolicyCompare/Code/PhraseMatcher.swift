/// Finds every occurrence of a set of phrase patterns in tokenised text.
///
/// Patterns are compiled into two tries over interned syllable ids (strict and mark-folded
/// keys). From each token the matcher walks the trie while the sentence lasts, so the cost
/// is linear in the text and bounded by the longest pattern, not by the number of patterns.
/// Abbreviations in the text are expanded to their syllables first.
public struct PhraseMatcher: Sendable {
    /// One occurrence: which pattern, and the source tokens it covers.
    public struct Match: Sendable, Hashable {
        public var pattern: Int
        /// Token indices (in the tokeniser's output), half-open.
        public var tokens: Range<Int>
    }

    private struct Node: Sendable {
        var children: [Int32: Int32] = [:]
        var terminals: [Int32] = []
    }

    private struct Trie: Sendable {
        var nodes: [Node] = [Node()]

        mutating func insert(_ ids: [Int32], pattern: Int32) {
            var node: Int32 = 0
            for id in ids {
                if let next = nodes[Int(node)].children[id] {
                    node = next
                } else {
                    let next = Int32(nodes.count)
                    nodes.append(Node())
                    nodes[Int(node)].children[id] = next
                    node = next
                }
            }
            nodes[Int(node)].terminals.append(pattern)
        }

        /// The walk names a node by its code, `node << 1 | 1` when patterns end there and
        /// `node << 1` when none does: the test made at every step reads the code it has
        /// in hand instead of the node's entries in ``terminalStart``.
        @inline(__always)
        private func code(_ node: Int32) -> Int32 {
            node << 1 | (nodes[Int(node)].terminals.isEmpty ? 0 : 1)
        }

        /// The root's children by syllable id, as codes (-1: none): each token's first test.
        private(set) var root: [Int32] = []

        /// Every node's patterns in one list, once every pattern is in (``freeze()``): node `n`'s
        /// are `terminalPatterns[terminalStart[n]..<terminalStart[n + 1]]`, read in the walk
        /// without retaining a node's own array.
        private(set) var terminalStart: [Int32] = [0]
        private(set) var terminalPatterns: [Int32] = []

        /// The edges below the root, once every pattern is in (``freeze()``): an open-addressing
        /// table of `code << 32 | syllable` keys (0: empty; the root's edges are in `root`)
        /// and their children's codes, looked up with a multiply instead of `Dictionary`'s SipHash.
        /// It is at most a quarter full: most look-ups fail, and a failed one probes until an
        /// empty slot (at half full, half of them probed more than one).
        private var edgeKeys: [UInt64] = [0]
        private var edgeChildren: [Int32] = [0]

        mutating func freeze() {
            terminalStart = [0]
            terminalPatterns = []
            for node in nodes {
                terminalPatterns += node.terminals
                terminalStart.append(Int32(terminalPatterns.count))
            }
            let width = nodes[0].children.keys.reduce(0) { max($0, Int($1) + 1) }
            root = Array(repeating: -1, count: width)
            for (id, child) in nodes[0].children where id >= 0 { root[Int(id)] = code(child) }
            let count = nodes.reduce(0) { $0 + $1.children.count }
            var size = 2
            while size < count * 4 { size <<= 1 }
            edgeKeys = Array(repeating: 0, count: size)
            edgeChildren = Array(repeating: 0, count: size)
            for (node, entry) in nodes.enumerated() where node > 0 {
                for (id, child) in entry.children {
                    let key = Self.edge(code(Int32(node)), id)
                    var slot = Self.slot(key, size - 1)
                    while edgeKeys[slot] != 0 { slot = (slot + 1) & (size - 1) }
                    edgeKeys[slot] = key
                    edgeChildren[slot] = code(child)
                }
            }
        }

        @inline(__always)
        private static func edge(_ code: Int32, _ id: Int32) -> UInt64 {
            UInt64(UInt32(bitPattern: code)) << 32 | UInt64(UInt32(bitPattern: id))
        }

        @inline(__always)
        private static func slot(_ key: UInt64, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
        }

        /// The code of the root's child along syllable `id`, -1 when no pattern starts with it.
        func start(_ id: Int32) -> Int32 {
            id >= 0 && Int(id) < root.count ? root[Int(id)] : -1
        }

        /// The code of the child of the node coded `code` (not the root) along syllable `id`
        /// (not negative).
        @inline(__always)
        func child(of code: Int32, _ id: Int32) -> Int32? {
            edgeKeys.withUnsafeBufferPointer { keys in
                let key = Self.edge(code, id), mask = keys.count - 1
                var slot = Self.slot(key, mask)
                while true {
                    let found = keys[slot]
                    if found == key { return edgeChildren[slot] }
                    if found == 0 { return nil }
                    slot = (slot + 1) & mask
                }
            }
        }
    }
    public let patterns: [PhrasePattern]
    private var strictVocabulary = RunTable<Unicode.Scalar>()
    /// The loose syllables of the patterns and, so that one look-up finds both, the
    /// mark-folded abbreviations.
    private var looseVocabulary = RunTable<Unicode.Scalar>()
    /// The hashes of the runs of `strictVocabulary` and `looseVocabulary`: most spellings of a
    /// document are in neither, and ``documentState(_:folded:)`` looks up only those that may be.
    private var strictFilter = HashFilter()
    private var looseFilter = HashFilter()
    /// By strict id, the loose id of that syllable's mark-folded form (-1: none): a spelling's
    /// loose form is a function of its strict one, so a spelling found in the strict vocabulary
    /// needs no second look-up.
    private var looseOfStrict: [Int32] = []
    private var strictTrie = Trie()
    private var looseTrie = Trie()
    private var nearIDs: [[Int32]] = []
    /// By loose id, the number of the abbreviation it spells (-1: none).
    private var abbreviationOfLoose: [Int32] = []
    /// Abbreviation `a`'s syllables are `expansions[expansionStart[a]..<expansionStart[a + 1]]`.
    private var expansionStart: [Int32] = [0]
    private var expansions: [Encoding] = []
    /// The most syllables an abbreviation stands for (at least 1): a segment's copy has at
    /// most this many positions a token.
    private var longestExpansion = 1
    /// The bound words (``Abbreviations/boundWords``), each as its two syllables' strict ids: no
    /// match starts at a token that ends one. A few, so looked through rather than hashed.
    private var boundWords: [(first: Int32, second: Int32)] = []

    public init(patterns: [PhrasePattern], abbreviations table: Abbreviations) {
        self.patterns = patterns
        for (index, pattern) in patterns.enumerated() {
            let ids = pattern.syllables.map { intern($0, loose: pattern.loose) }
            nearIDs.append(pattern.near.map { intern($0, loose: pattern.loose) })
            if pattern.loose {
                looseTrie.insert(ids, pattern: Int32(index))
            } else {
                strictTrie.insert(ids, pattern: Int32(index))
            }
        }
        strictTrie.freeze()
        looseTrie.freeze()
        var readings: [(form: String, syllables: [Encoding])] = []
        var words = ComposedWords()
        for (form, expansion) in table.expansions {
            let strict = PhrasePattern.syllables(of: expansion, loose: false, words: &words)
            let loose = PhrasePattern.syllables(of: expansion, loose: true, words: &words)
            readings.append((form, zip(strict, loose).map { encoding(strict: lookup($0, loose: false), loose: lookup($1, loose: true)) }))
        }
        for (number, reading) in readings.enumerated() {
            let id = looseVocabulary.insert(reading.form)
            if abbreviationOfLoose.count <= id { abbreviationOfLoose += repeatElement(-1, count: id + 1 - abbreviationOfLoose.count) }
            abbreviationOfLoose[id] = Int32(number)
            expansions += reading.syllables
            expansionStart.append(Int32(expansions.count))
            longestExpansion = max(longestExpansion, reading.syllables.count)
        }
        for word in table.boundWords {
            let syllables = PhrasePattern.syllables(of: word, loose: false, words: &words)
            guard syllables.count == 2 else { continue }
            boundWords.append((intern(syllables[0], loose: false), intern(syllables[1], loose: false)))
        }
        strictFilter = HashFilter(strictVocabulary)
        looseFilter = HashFilter(looseVocabulary)
        for id in 0..<strictVocabulary.count {
            // Folded as text is: the loose fold of a scalar is the plain letter of its strict fold.
            let loose = strictVocabulary.withElements(of: id) { FoldedText(Array($0)).loose }
            let looseID = loose.withUnsafeBufferPointer { looseVocabulary.id(of: 0..<$0.count, in: $0) }.map(Int32.init) ?? -1
            looseOfStrict.append(looseID)
        }
    }

    private mutating func intern(_ syllable: String, loose: Bool) -> Int32 {
        Int32(loose ? looseVocabulary.insert(syllable) : strictVocabulary.insert(syllable))
    }

    private func lookup(_ syllable: String, loose: Bool) -> Int32 {
        (loose ? looseVocabulary.id(of: syllable) : strictVocabulary.id(of: syllable)).map(Int32.init) ?? -1
    }

    /// A syllable with these ids, with the tries' first steps along them.
    private func encoding(strict: Int32, loose: Int32, abbreviation: Int32 = -1) -> Encoding {
        Encoding(strict: strict, loose: loose, strictStart: strictTrie.start(strict), looseStart: looseTrie.start(loose), abbreviation: abbreviation)
    }

    /// How the matcher sees one spelling of a token: its ids, the codes of the tries' first
    /// steps along them (-1: no pattern starts with it), and the number of the abbreviation
    /// whose syllables it stands for (-1: none; used for word tokens only).
    struct Encoding {
        var strict: Int32
        var loose: Int32
        var strictStart: Int32
        var looseStart: Int32
        var abbreviation: Int32
        /// Whether no walk starts here and nothing needs expanding: the test most tokens end at,
        /// made with one load.
        var isInert: Bool

        init(strict: Int32, loose: Int32, strictStart: Int32, looseStart: Int32, abbreviation: Int32) {
            self.strict = strict
            self.loose = loose
            self.strictStart = strictStart
            self.looseStart = looseStart
            self.abbreviation = abbreviation
            isInert = strictStart < 0 && looseStart < 0 && abbreviation < 0
        }

        static let unknown = Encoding(strict: -1, loose: -1, strictStart: -1, looseStart: -1, abbreviation: -1)

        /// The id the strict or the loose trie reads.
        @inline(__always)
        func id(loose: Bool) -> Int32 {
            loose ? self.loose : strict
        }
    }

    /// Every match of every pattern in `tokens` (all overlaps kept), ordered by start then pattern.
    public func matches(tokens: [Token], folded: FoldedText) -> [Match] {
        let spellings = TokenSpellings([Tokenizer.Output(tokens: tokens, sentences: [], markedWords: 0)], folded: folded)  // spellings read only the tokens
        var state = documentState(spellings, folded: folded)
        return matches(tokens: tokens, spellings: spellings.ids.first ?? [], state: &state)
    }

    /// What the calls for one document's segments share: each spelling's encoding, and the
    /// buffers a call fills, reused from segment to segment instead of allocated for each.
    struct DocumentState {
        /// By spelling, then the syllables of the abbreviations (at `expansionBase` on).
        fileprivate var encodings: [Encoding]
        fileprivate var expansionBase: Int
        /// A segment with an abbreviation, as the tries read it (the first positions, as many
        /// as it has): each syllable's encoding and the token it comes from.
        fileprivate var expanded: [Int32] = []
        fileprivate var expandedSources: [Int32] = []
        /// The last call's matches: its buffer is the next call's once the caller has let
        /// go of them (as the coder and the agency finder do, segment by segment).
        fileprivate var found: [Match] = []

        fileprivate init(encodings: [Encoding], expansionBase: Int) {
            self.encodings = encodings
            self.expansionBase = expansionBase
        }
    }

    /// The state for matching the segments of a document whose spellings are `spellings`
    /// (found in `folded`): every spelling encoded once, up front, so that a segment's tokens
    /// read their encodings without testing whether each is known yet. The loose form is a
    /// function of the strict one, so the spelling decides the encoding.
    ///
    /// The array is made at its full size, the abbreviations' syllables copied in as one block
    /// (appended to a mapped array, they moved it to a larger one, element by element). A
    /// spelling is looked up in a vocabulary only when that vocabulary's ``HashFilter`` may hold
    /// its hash (about five look-ups in six failed, each probing the table's index), and in the
    /// loose one only when it is not a strict syllable, whose loose id ``looseOfStrict`` holds.
    func documentState(_ spellings: TokenSpellings, folded: FoldedText) -> DocumentState {
        let base = spellings.ranges.count
        let encodings = folded.strict.withUnsafeBufferPointer { strict in
            folded.loose.withUnsafeBufferPointer { loose in
                strictFilter.words.withUnsafeBufferPointer { strictBits in
                    looseFilter.words.withUnsafeBufferPointer { looseBits in
                        [Encoding](unsafeUninitializedCapacity: base + expansions.count) { buffer, initialized in
                            let unknown = Encoding.unknown
                            for spelling in 0..<base {
                                let strictHash = spellings.strictHashes[spelling], looseHash = spellings.looseHashes[spelling]
                                let strictMay = HashFilter.mayHold(strictHash, in: strictBits), looseMay = HashFilter.mayHold(looseHash, in: looseBits)
                                guard strictMay || looseMay else {
                                    buffer.initializeElement(at: spelling, to: unknown)
                                    continue
                                }
                                let range = spellings.ranges[spelling]
                                let strictID = strictMay ? strictVocabulary.id(of: range, in: strict, hash: strictHash).map(Int32.init) ?? -1 : -1
                                let looseID = strictID >= 0 ? looseOfStrict[Int(strictID)]
                                    : looseMay ? looseVocabulary.id(of: range, in: loose, hash: looseHash).map(Int32.init) ?? -1 : -1
                                let form = looseID >= 0 && Int(looseID) < abbreviationOfLoose.count ? abbreviationOfLoose[Int(looseID)] : -1
                                buffer.initializeElement(at: spelling, to: encoding(strict: strictID, loose: looseID, abbreviation: form))
                            }
                            _ = UnsafeMutableBufferPointer(rebasing: buffer[base...]).initialize(fromContentsOf: expansions)
                            initialized = base + expansions.count
                        }
                    }
                }
            }
        }
        return DocumentState(encodings: encodings, expansionBase: base)
    }

    /// ``matches(tokens:folded:)`` for tokens whose spellings (index for index) are known, with
    /// the state of their document (``documentState(_:folded:)``), which a caller keeps across
    /// the segments of one document.
    func matches(tokens: [Token], spellings: [Int32], state: inout DocumentState) -> [Match] {
        var result = state.found
        state.found = []
        result.removeAll(keepingCapacity: true)
        let count = min(tokens.count, spellings.count)
        tokens.withUnsafeBufferPointer { tokens in
            state.encodings.withUnsafeBufferPointer { encodings in
                // Most segments hold no abbreviation: their tokens are read one for one, with
                // no copy. The first abbreviation met sends the rest of the segment, from the
                // start of its sentence, to the copy that reads its syllables: no walk from an
                // earlier sentence reads into that one, so their matches stand.
                let met = spellings.withUnsafeBufferPointer { spellings in
                    scan(Syllables(tokens: tokens, positions: UnsafeBufferPointer(rebasing: spellings[..<count]), sources: nil, encodings: encodings), into: &result)
                }
                guard let met else { return }
                let sentence = tokens[met].sentence
                var first = met
                while first > 0, tokens[first - 1].sentence == sentence { first -= 1 }
                while let last = result.last, last.tokens.lowerBound >= first { result.removeLast() }
                // Written through pointers into buffers at least as long as the copy can be
                // (appending, each position paid two uniqueness checks). The buffers are not
                // zeroed first (filling them cost more than matching the segments): the copy
                // writes each position it reads.
                let bound = (count - first) * longestExpansion
                if state.expanded.count < bound {
                    state.expanded = [Int32](unsafeUninitializedCapacity: bound) { $1 = bound }
                    state.expandedSources = [Int32](unsafeUninitializedCapacity: bound) { $1 = bound }
                }
                let base = Int32(state.expansionBase)
                let length = state.expanded.withUnsafeMutableBufferPointer { positions in
                    state.expandedSources.withUnsafeMutableBufferPointer { sources in
                        var length = 0
                        for index in first..<count {
                            let spelling = spellings[index]
                            let abbreviation = Syllables.encoding(spelling, in: encodings).abbreviation
                            if abbreviation >= 0, tokens[index].kind == .word {
                                for k in expansionStart[Int(abbreviation)]..<expansionStart[Int(abbreviation) + 1] {
                                    positions[length] = base + k
                                    sources[length] = Int32(index)
                                    length += 1
                                }
                            } else {
                                positions[length] = spelling
                                sources[length] = Int32(index)
                                length += 1
                            }
                        }
                        return length
                    }
                }
                state.expanded.withUnsafeBufferPointer { positions in
                    state.expandedSources.withUnsafeBufferPointer { sources in
                        _ = scan(Syllables(tokens: tokens, positions: UnsafeBufferPointer(rebasing: positions[..<length]),
                                           sources: UnsafeBufferPointer(rebasing: sources[..<length]), encodings: encodings), into: &result)
                    }
                }
            }
        }
        if !boundWords.isEmpty, !result.isEmpty {
            dropStartsInsideWords(&result, tokens: tokens, spellings: spellings, encodings: state.encodings)
        }
        state.found = result
        return result
    }

    /// Drops the matches that start at a token ending a bound word with the token before it,
    /// in one sentence: "sở" after "cơ" ("cơ sở y tế"). Only matches are read, not every token,
    /// and apart from the walk.
    @inline(never)
    private func dropStartsInsideWords(_ matches: inout [Match], tokens: [Token], spellings: [Int32], encodings: [Encoding]) {
        func strict(_ t: Int) -> Int32 {
            guard spellings.indices.contains(t), encodings.indices.contains(Int(spellings[t])) else { return -1 }
            return encodings[Int(spellings[t])].strict
        }
        matches.removeAll { match in
            let t = match.tokens.lowerBound
            let second = strict(t)
            guard second >= 0, boundWords.contains(where: { $0.second == second }), t > 0, t < tokens.count,
                  tokens[t - 1].kind == .word, tokens[t].kind == .word, tokens[t - 1].sentence == tokens[t].sentence else { return false }
            let first = strict(t - 1)
            return boundWords.contains { $0.first == first && $0.second == second }
        }
    }

    /// A segment's syllables as the tries read them: by position, the index of its encoding,
    /// and the token it comes from (the position itself when `sources` is nil).
    private struct Syllables {
        var tokens: UnsafeBufferPointer<Token>
        var positions: UnsafeBufferPointer<Int32>
        var sources: UnsafeBufferPointer<Int32>?
        var encodings: UnsafeBufferPointer<Encoding>

        @inline(__always)
        static func encoding(_ index: Int32, in encodings: UnsafeBufferPointer<Encoding>) -> Encoding {
            UInt32(bitPattern: index) < UInt32(truncatingIfNeeded: encodings.count) ? encodings[Int(index)] : .unknown
        }

        @inline(__always)
        func encoding(_ position: Int) -> Encoding {
            Self.encoding(positions[position], in: encodings)
        }

        @inline(__always)
        func token(_ position: Int) -> Int {
            if let sources { Int(sources[position]) } else { position }
        }

        @inline(__always)
        func sentence(_ position: Int) -> Int {
            tokens[token(position)].sentence
        }

        /// The first position from `position` on that starts a walk or is an abbreviation
        /// (`positions.count`: none), found in a loop of its own that holds its few values in
        /// registers (in the loop of ``scan(_:into:)`` most tokens, inert, paid for its spills).
        @inline(__always)
        func firstActive(from position: Int) -> Int {
            var position = position
            while position < positions.count, encoding(position).isInert { position += 1 }
            return position
        }

        /// The end of the sentence of the position `start` (the first position after it in
        /// another sentence, or `positions.count`), found by galloping then halving: sentence
        /// numbers never decrease from position to position, as the tokeniser numbers them.
        /// Walks and proximity searches stop there instead of testing each position's sentence.
        func sentenceEnd(from start: Int) -> Int {
            let sentence = self.sentence(start)
            var inside = start, step = 1
            var outside = start + 1
            while outside < positions.count, self.sentence(outside) == sentence {
                inside = outside
                step <<= 1
                outside = inside + step
            }
            outside = min(outside, positions.count)
            while outside - inside > 1 {
                let middle = inside + (outside - inside) / 2
                if self.sentence(middle) == sentence { inside = middle } else { outside = middle }
            }
            return outside
        }
    }

    /// Walks the tries from every position of `read`, appending the matches by start token,
    /// then pattern, then end. When `read` reads tokens one for one and meets an abbreviation,
    /// which must be read as its syllables, it stops there and returns that position, with the
    /// matches of the positions before it in `result` (nil: every position was read).
    ///
    /// The walks append by start position, and a start's matches by trie (strict, then loose)
    /// and depth; they are put in order once, at the end, instead of each start checking whether
    /// it began a new token's group: most starts (about a third of all positions) find nothing,
    /// and that check was a fifth of what each of them cost.
    private func scan(_ read: Syllables, into result: inout [Match]) -> Int? {
        let first = result.count
        // The end of the sentence of the last walk's start.
        var sentenceEnd = 0
        var start = read.firstActive(from: 0)
        while start < read.positions.count {
            let encoding = read.encoding(start)
            if encoding.abbreviation >= 0, read.sources == nil, read.tokens[start].kind == .word {
                Self.order(&result, from: first)
                return start
            }
            if start >= sentenceEnd { sentenceEnd = read.sentenceEnd(from: start) }
            if encoding.strictStart >= 0 {
                walk(strictTrie, loose: false, from: start, code: encoding.strictStart, sentenceEnd: sentenceEnd, read, into: &result)
            }
            if encoding.looseStart >= 0 {
                walk(looseTrie, loose: true, from: start, code: encoding.looseStart, sentenceEnd: sentenceEnd, read, into: &result)
            }
            start = read.firstActive(from: start + 1)
        }
        Self.order(&result, from: first)
        return nil
    }

    /// Orders the matches from `first` on by start token, then pattern, then end, by insertion:
    /// they come by start already, so only a start's few matches (usually none or one) move.
    /// Two matches with the same key are the same match, so the order is the one any sort gives.
    private static func order(_ result: inout [Match], from first: Int) {
        guard result.count - first > 1 else { return }
        result.withUnsafeMutableBufferPointer { result in
            for i in first + 1..<result.count {
                let match = result[i]
                var j = i
                while j > first, Self.precedes(match, result[j - 1]) {
                    result[j] = result[j - 1]
                    j -= 1
                }
                result[j] = match
            }
        }
    }

    @inline(__always)
    private static func precedes(_ a: Match, _ b: Match) -> Bool {
        (a.tokens.lowerBound, a.pattern, a.tokens.upperBound) < (b.tokens.lowerBound, b.pattern, b.tokens.upperBound)
    }

    /// The matches of the patterns of `trie` that start at `start`, whose first syllable led
    /// to the node coded `code`, within the start's sentence (which ends at `sentenceEnd`).
    @inline(__always)
    private func walk(_ trie: Trie, loose: Bool, from start: Int, code first: Int32, sentenceEnd: Int, _ read: Syllables, into result: inout [Match]) {
        var code = first
        var i = start + 1
        while true {
            if code & 1 != 0 { collect(trie, node: Int(code >> 1), loose: loose, from: start, to: i, sentenceEnd: sentenceEnd, read, into: &result) }
            guard i < sentenceEnd else { return }
            let id = read.encoding(i).id(loose: loose)
            guard id >= 0, let next = trie.child(of: code, id) else { return }
            code = next
            i += 1
        }
    }

    /// The matches of the patterns that end at `node`, reached from `start` at `end`.
    private func collect(_ trie: Trie, node: Int, loose: Bool, from start: Int, to end: Int, sentenceEnd: Int, _ read: Syllables, into result: inout [Match]) {
        for terminal in Int(trie.terminalStart[node])..<Int(trie.terminalStart[node + 1]) {
            let pattern = Int(trie.terminalPatterns[terminal])
            var last = end
            if !nearIDs[pattern].isEmpty {
                guard let found = find(nearIDs[pattern], loose: loose, in: read, from: end, window: patterns[pattern].window, sentenceEnd: sentenceEnd) else { continue }
                last = found
            }
            result.append(Match(pattern: pattern, tokens: read.token(start)..<read.token(last - 1) + 1))
        }
    }

    /// The end of the first occurrence of `phrase` starting within `window` positions of `from`,
    /// in the sentence that ends at `sentenceEnd`.
    private func find(_ phrase: [Int32], loose: Bool, in read: Syllables, from: Int, window: Int, sentenceEnd: Int) -> Int? {
        guard let first = phrase.first else { return nil }
        let last = min(from + window, sentenceEnd - phrase.count)
        var begin = from
        while begin <= last {
            // The first syllable alone rules out most positions.
            if read.encoding(begin).id(loose: loose) == first,
               phrase.indices.dropFirst().allSatisfy({ read.encoding(begin + $0).id(loose: loose) == phrase[$0] }) {
                return begin + phrase.count
            }
            begin += 1
        }
        return nil
    }
}
