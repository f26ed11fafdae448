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
        /// The root's children as an array indexed by syllable id (-1: none). Every token
        /// starts a walk at the root, so this lookup is the matcher's hottest; the deeper
        /// nodes, visited rarely, keep dictionaries.
        var root: [Int32] = []

        mutating func insert(_ ids: [Int32], pattern: Int32) {
            var node: Int32 = 0
            for id in ids {
                if let next = nodes[Int(node)].children[id] {
                    node = next
                } else {
                    let next = Int32(nodes.count)
                    nodes.append(Node())
                    nodes[Int(node)].children[id] = next
                    if node == 0, id >= 0 {
                        if root.count <= Int(id) { root += Array(repeating: -1, count: Int(id) + 1 - root.count) }
                        root[Int(id)] = next
                    }
                    node = next
                }
            }
            nodes[Int(node)].terminals.append(pattern)
        }

        /// Every node's patterns in one list, once every pattern is in (``freeze()``): node `n`'s
        /// are `terminalPatterns[terminalStart[n]..<terminalStart[n + 1]]`, read in the walk
        /// without retaining a node's own array.
        private(set) var terminalStart: [Int32] = [0]
        private(set) var terminalPatterns: [Int32] = []

        /// The edges below the root, once every pattern is in (``freeze()``): an open-addressing
        /// table of `node << 32 | syllable` keys (0: empty; the root's edges are in `root`)
        /// and their children, looked up with a multiply instead of `Dictionary`'s SipHash.
        private var edgeKeys: [UInt64] = [0]
        private var edgeChildren: [Int32] = [0]

        mutating func freeze() {
            terminalStart = [0]
            terminalPatterns = []
            for node in nodes {
                terminalPatterns += node.terminals
                terminalStart.append(Int32(terminalPatterns.count))
            }
            let count = nodes.reduce(0) { $0 + $1.children.count }
            var size = 2
            while size < count * 2 { size <<= 1 }
            edgeKeys = Array(repeating: 0, count: size)
            edgeChildren = Array(repeating: 0, count: size)
            for (node, entry) in nodes.enumerated() where node > 0 {
                for (id, child) in entry.children {
                    let key = Self.edge(Int32(node), id)
                    var slot = Self.slot(key, size - 1)
                    while edgeKeys[slot] != 0 { slot = (slot + 1) & (size - 1) }
                    edgeKeys[slot] = key
                    edgeChildren[slot] = child
                }
            }
        }

        @inline(__always)
        private static func edge(_ node: Int32, _ id: Int32) -> UInt64 {
            UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
        }

        @inline(__always)
        private static func slot(_ key: UInt64, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
        }

        /// Whether a pattern starts with syllable `id`: the test every token's walk begins
        /// with, made before the walk is called (most tokens start none).
        @inline(__always)
        func starts(_ id: Int32) -> Bool {
            id >= 0 && Int(id) < root.count && root[Int(id)] >= 0
        }

        /// The child of `node` along syllable `id` (not negative).
        @inline(__always)
        func child(of node: Int32, _ id: Int32) -> Int32? {
            guard node == 0 else {
                let key = Self.edge(node, id), mask = edgeKeys.count - 1
                var slot = Self.slot(key, mask)
                while true {
                    let found = edgeKeys[slot]
                    if found == key { return edgeChildren[slot] }
                    if found == 0 { return nil }
                    slot = (slot + 1) & mask
                }
            }
            let index = Int(id)
            return index < root.count && root[index] >= 0 ? root[index] : nil
        }
    }

    public let patterns: [PhrasePattern]
    private var strictVocabulary = RunTable<Unicode.Scalar>()
    private var looseVocabulary = RunTable<Unicode.Scalar>()
    private var strictTrie = Trie()
    private var looseTrie = Trie()
    private var nearIDs: [[Int32]] = []
    /// Mark-folded abbreviations, and by their number the (strict, loose) ids of their syllables.
    private var abbreviationForms = RunTable<Unicode.Scalar>()
    private var abbreviations: [[(Int32, Int32)]] = []
    /// The most syllables one token is read as (an abbreviation's expansion, else 1).
    private var longestExpansion = 1

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
        for (form, expansion) in table.expansions {
            let strict = PhrasePattern.syllables(of: expansion, loose: false)
            let loose = PhrasePattern.syllables(of: expansion, loose: true)
            let ids = zip(strict, loose).map { (lookup($0, loose: false), lookup($1, loose: true)) }
            let form = abbreviationForms.insert(form)
            if form == abbreviations.count { abbreviations.append(ids) } else { abbreviations[form] = ids }
        }
        longestExpansion = abbreviations.reduce(1) { max($0, $1.count) }
    }

    private mutating func intern(_ syllable: String, loose: Bool) -> Int32 {
        Int32(loose ? looseVocabulary.insert(syllable) : strictVocabulary.insert(syllable))
    }

    private func lookup(_ syllable: String, loose: Bool) -> Int32 {
        (loose ? looseVocabulary.id(of: syllable) : strictVocabulary.id(of: syllable)).map(Int32.init) ?? -1
    }

    /// How the matcher sees one spelling of a token: its ids, and the number of the
    /// abbreviation whose syllables it stands for (-1: none; used for word tokens only).
    struct Encoding {
        var strict: Int32
        var loose: Int32
        var abbreviation: Int32
    }

    /// Every match of every pattern in `tokens` (all overlaps kept), ordered by start then pattern.
    public func matches(tokens: [Token], folded: FoldedText) -> [Match] {
        let spellings = TokenSpellings([Tokenizer.Output(tokens: tokens, sentences: [])], folded: folded)
        var state = documentState(spellings, folded: folded)
        return matches(tokens: tokens, spellings: spellings.ids.first ?? [], state: &state)
    }

    /// What the calls for one document's segments share: each spelling's encoding, and the
    /// buffers a call fills, reused from segment to segment instead of allocated for each.
    struct DocumentState {
        fileprivate var encodings: [Encoding]
        /// A segment's tokens as the tries read them, at the start of buffers that only grow:
        /// the ids of each syllable, and the token and sentence it comes from.
        fileprivate var strict: [Int32] = []
        fileprivate var loose: [Int32] = []
        fileprivate var source: [Int32] = []
        fileprivate var sentence: [Int] = []
        /// The last call's matches: its buffer is the next call's once the caller has let
        /// go of them (as the coder and the agency finder do, segment by segment).
        fileprivate var found: [Match] = []

        fileprivate init(encodings: [Encoding]) {
            self.encodings = encodings
        }
    }

    /// The state for matching the segments of a document whose spellings are `spellings`
    /// (found in `folded`): every spelling encoded once, up front, so that a segment's tokens
    /// read their encodings without testing whether each is known yet. The loose form is a
    /// function of the strict one, so the spelling decides the encoding.
    func documentState(_ spellings: TokenSpellings, folded: FoldedText) -> DocumentState {
        let encodings = folded.strict.withUnsafeBufferPointer { strict in
            folded.loose.withUnsafeBufferPointer { loose in
                spellings.ranges.indices.map { spelling in
                    let range = spellings.ranges[spelling], looseHash = spellings.looseHashes[spelling]
                    let strictID = strictVocabulary.id(of: range, in: strict, hash: spellings.strictHashes[spelling])
                    let looseID = looseVocabulary.id(of: range, in: loose, hash: looseHash)
                    let form = abbreviationForms.id(of: range, in: loose, hash: looseHash)
                    return Encoding(strict: strictID.map(Int32.init) ?? -1, loose: looseID.map(Int32.init) ?? -1,
                                    abbreviation: form.map(Int32.init) ?? -1)
                }
            }
        }
        return DocumentState(encodings: encodings)
    }

    /// ``matches(tokens:folded:)`` for tokens whose spellings (index for index) are known, with
    /// the state of their document (``documentState(_:folded:)``), which a caller keeps across
    /// the segments of one document.
    func matches(tokens: [Token], spellings: [Int32], state: inout DocumentState) -> [Match] {
        // The syllables as the tries read them, abbreviations expanded, written in place into
        // buffers with room for every token's longest reading (appending checked four arrays'
        // capacity and uniqueness per token).
        let room = tokens.count * longestExpansion
        if state.strict.count < room {
            let more = room - state.strict.count
            state.strict += repeatElement(0, count: more)
            state.loose += repeatElement(0, count: more)
            state.source += repeatElement(0, count: more)
            state.sentence += repeatElement(0, count: more)
        }
        var result = state.found
        state.found = []
        result.removeAll(keepingCapacity: true)
        let encodings = state.encodings
        state.strict.withUnsafeMutableBufferPointer { strict in
            state.loose.withUnsafeMutableBufferPointer { loose in
                state.source.withUnsafeMutableBufferPointer { source in
                    state.sentence.withUnsafeMutableBufferPointer { sentence in
                        var n = 0
                        for (index, token) in tokens.enumerated() {
                            let encoding = encodings[Int(spellings[index])]
                            if token.kind == .word, encoding.abbreviation >= 0 {
                                for (s, l) in abbreviations[Int(encoding.abbreviation)] {
                                    strict[n] = s
                                    loose[n] = l
                                    source[n] = Int32(index)
                                    sentence[n] = token.sentence
                                    n += 1
                                }
                                continue
                            }
                            strict[n] = encoding.strict
                            loose[n] = encoding.loose
                            source[n] = Int32(index)
                            sentence[n] = token.sentence
                            n += 1
                        }
                        let read = Encoded(strict: UnsafeBufferPointer(rebasing: strict[..<n]), loose: UnsafeBufferPointer(rebasing: loose[..<n]),
                                           source: UnsafeBufferPointer(rebasing: source[..<n]), sentence: UnsafeBufferPointer(rebasing: sentence[..<n]))
                        let hasLoose = looseTrie.nodes.count > 1
                        for start in 0..<n {
                            if strictTrie.starts(read.strict[start]) {
                                walk(strictTrie, ids: read.strict, from: start, read, into: &result)
                            }
                            if hasLoose, looseTrie.starts(read.loose[start]) {
                                walk(looseTrie, ids: read.loose, from: start, read, into: &result)
                            }
                        }
                    }
                }
            }
        }
        result.sort { ($0.tokens.lowerBound, $0.pattern, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.pattern, $1.tokens.upperBound) }
        state.found = result
        return result
    }

    /// A segment's encoded syllables (``DocumentState``'s buffers, cut to their length).
    private struct Encoded {
        var strict: UnsafeBufferPointer<Int32>
        var loose: UnsafeBufferPointer<Int32>
        var source: UnsafeBufferPointer<Int32>
        var sentence: UnsafeBufferPointer<Int>
    }

    private func walk(_ trie: Trie, ids: UnsafeBufferPointer<Int32>, from start: Int, _ encoded: Encoded, into result: inout [Match]) {
        let sentence = encoded.sentence, source = encoded.source
        var node: Int32 = 0
        var i = start
        let n = ids.count
        while i < n, sentence[i] == sentence[start] {
            guard ids[i] >= 0, let next = trie.child(of: node, ids[i]) else { return }
            node = next
            i += 1
            for terminal in Int(trie.terminalStart[Int(node)])..<Int(trie.terminalStart[Int(node) + 1]) {
                let pattern = trie.terminalPatterns[terminal]
                var end = i
                if !nearIDs[Int(pattern)].isEmpty {
                    guard let found = find(nearIDs[Int(pattern)], in: ids, from: i, window: patterns[Int(pattern)].window, sentence: sentence, sentenceID: sentence[start]) else { continue }
                    end = found
                }
                let lower = Int(source[start])
                let upper = Int(source[end - 1]) + 1
                result.append(Match(pattern: Int(pattern), tokens: lower..<upper))
            }
        }
    }

    /// The end of the first occurrence of `phrase` starting within `window` positions of `from`.
    private func find(_ phrase: [Int32], in ids: UnsafeBufferPointer<Int32>, from: Int, window: Int, sentence: UnsafeBufferPointer<Int>, sentenceID: Int) -> Int? {
        let n = ids.count
        var begin = from
        while begin <= from + window, begin + phrase.count <= n {
            if sentence[begin + phrase.count - 1] != sentenceID { return nil }
            var ok = true
            for (k, id) in phrase.enumerated() where ids[begin + k] != id {
                ok = false
                break
            }
            if ok { return begin + phrase.count }
            begin += 1
        }
        return nil
    }
}
