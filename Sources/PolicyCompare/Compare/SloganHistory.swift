/// One slogan (or message) across the corpus: when it first appears and every year it recurs,
/// exactly or nearly.
public struct SloganHistory: Sendable, Hashable {
    /// The wording where it first appears.
    public var text: String
    public var firstYear: Int
    public var years: [Int]
    public var documents: [String]
    /// Every distinct wording grouped under this slogan, in order of appearance.
    public var variants: [String]
    /// True when every occurrence has the same words (ignoring case, tone placement and punctuation).
    public var exact: Bool

    /// Groups slogans whose syllable sets overlap at least `threshold` (Jaccard), in
    /// document order, each joining the first group it is close enough to.
    ///
    /// Groups are only ever appended, so the first group close to a set of syllables never
    /// changes once found: it is looked up once per distinct set, and a corpus where ten
    /// thousand plans repeat the same slogans costs one look-up per wording, not per plan. So a
    /// wording's group, and whether it is a variant and an exact one, are settled when it is
    /// first met; a later occurrence only looks its wording up (hashing its set of syllables
    /// and comparing the sets for every occurrence was most of the cost), by its bytes:
    /// hashing a `String` of Vietnamese normalises it first, some 4,000 instructions a
    /// slogan. Wordings are told apart as strings are (canonical equivalence), so bytes not
    /// seen before are looked up as a string once.
    ///
    /// Looking a wording's group up by comparing it with every group made a corpus of
    /// distinct slogans cost the square of their number (4,000 took 24 s); ``CloseGroups``
    /// compares it only with the groups that share one of a few of its rarest syllables, and
    /// finds the same group. Which syllables are rare is counted over every wording first, so
    /// the wordings are gathered before any is grouped, and the occurrences are then recorded
    /// in document order, as they were met.
    static func track(_ documents: [DocumentAnalysis], threshold: Double) -> [SloganHistory] {
        // Plans repeat the same wordings: each is split into syllables and grouped once.
        var wordings: [Wording] = []
        var wordingOfText: [String: Int] = [:]
        var wordingOfBytes: [ExactText: Int] = [:]
        // The wording of every slogan, in document order.
        var occurrences: [Int] = []
        for document in documents {
            for slogan in document.slogans {
                let bytes = ExactText(slogan.text)
                if let index = wordingOfBytes[bytes] {
                    occurrences.append(index)
                    continue
                }
                if let index = wordingOfText[slogan.text] {
                    wordingOfBytes[bytes] = index
                    occurrences.append(index)
                    continue
                }
                wordingOfText[slogan.text] = wordings.count
                wordingOfBytes[bytes] = wordings.count
                occurrences.append(wordings.count)
                wordings.append(Wording(text: slogan.text, words: PhrasePattern.syllables(of: slogan.text, loose: false),
                                        year: document.metadata.year))
            }
        }
        let (keys, syllableCount) = CloseGroups.keys(of: wordings.map(\.words))
        var index = CloseGroups(syllableCount: syllableCount, threshold: threshold)
        var groups: [Group] = []
        var groupOfKeys: [[Int]: Int] = [:]
        var groupOfWording: [Int] = []
        groupOfWording.reserveCapacity(wordings.count)
        for (wording, keys) in zip(wordings, keys) {
            guard let found = groupOfKeys[keys] ?? index.firstGroup(closeTo: keys) else {
                groupOfKeys[keys] = groups.count
                groupOfWording.append(groups.count)
                index.append(keys)
                groups.append(Group(words: wording.words, history: SloganHistory(
                    text: wording.text, firstYear: wording.year, years: [], documents: [],
                    variants: [wording.text], exact: true)))
                continue
            }
            groupOfKeys[keys] = found
            groupOfWording.append(found)
            groups[found].add(variant: wording.text, words: wording.words)
        }
        var occurrence = occurrences.makeIterator()
        for document in documents {
            let year = document.metadata.year, id = document.metadata.id
            for _ in document.slogans {
                guard let wording = occurrence.next() else { break }
                groups[groupOfWording[wording]].add(year: year, document: id)
            }
        }
        return groups.map(\.history)
    }

    /// A distinct wording, where it first appears.
    private struct Wording {
        var text: String
        var words: [String]
        var year: Int
    }

    /// A slogan being grouped: the syllables of its first wording and what it has gathered.
    private struct Group {
        var words: [String]
        var history: SloganHistory

        /// Records a wording met for the first time, which no group has yet.
        mutating func add(variant text: String, words: [String]) {
            history.variants.append(text)
            if words != self.words { history.exact = false }
        }

        /// Records one more occurrence. Documents come in order, so a document already
        /// recorded is the last one.
        mutating func add(year: Int, document: String) {
            if !history.years.contains(year) { history.years.append(year) }
            if history.documents.last != document { history.documents.append(document) }
        }
    }

    /// The groups' first wordings, indexed so that the first group close enough to a set of
    /// syllables is found without comparing the set with every group (the prefix filter of
    /// set-similarity joins).
    ///
    /// Syllables are numbered rarest first (by how many wordings have them, then in order of
    /// appearance), and a set is kept as its numbers in ascending order. When two sets of `n`
    /// and `m` syllables are close enough, they share at least `k(n)` syllables, the fewest
    /// that can pass against a set of `n` (``prefixLength(of:threshold:)``), and at least
    /// `k(m)`; the first syllable they share is then among the first `n - k(n) + 1` of the one
    /// and the first `m - k(m) + 1` of the other, as at least `k - 1` shared ones come after
    /// it in each. So each group is filed under the syllables of its prefix, and a set need
    /// only be compared with the groups filed under those of its own; and where it first
    /// meets a group, at the first syllable they share, the syllables after it in the shorter
    /// remainder bound how many more they can share, which rules most groups out unmerged
    /// (the positional filter). Rarest first, the
    /// prefixes are syllables few wordings have: 'trẻ' and 'em', in nearly every slogan, are
    /// at the end of the sets and seldom in a prefix, and a corpus of slogans costs about
    /// its size, not its square.
    ///
    /// Syllables are numbered as a `Set<String>` tells them apart (canonical equivalence), so
    /// a set of numbers has as many members, and two share as many, as the sets of syllables
    /// do, and a candidate passes exactly when ``jaccard(_:_:)`` would pass it.
    private struct CloseGroups {
        let threshold: Double
        /// The syllables of each group's first wording.
        var keys: [[Int]] = []
        /// For each syllable, the groups with it in their prefix, in ascending order, and
        /// where it is among the group's syllables.
        var postings: [[(group: Int, position: Int)]]
        /// The look-up in which each group was last compared: a group filed under several
        /// syllables of a set is compared with it once.
        var compared: [Int] = []
        var lookUps = 0

        init(syllableCount: Int, threshold: Double) {
            self.threshold = threshold
            postings = Array(repeating: [], count: syllableCount)
        }

        /// Each wording's syllables as ascending numbers, rarest first, and how many
        /// syllables there are.
        static func keys(of wordings: [[String]]) -> (keys: [[Int]], syllableCount: Int) {
            var numberOf: [String: Int] = [:]
            var wordingsWith: [Int] = []
            let numbered = wordings.map { words in
                var numbers = Set<Int>()
                for word in words {
                    if let number = numberOf[word] {
                        numbers.insert(number)
                    } else {
                        numberOf[word] = wordingsWith.count
                        numbers.insert(wordingsWith.count)
                        wordingsWith.append(0)
                    }
                }
                for number in numbers { wordingsWith[number] += 1 }
                return numbers
            }
            var rank = Array(repeating: 0, count: wordingsWith.count)
            let rarestFirst = wordingsWith.indices.sorted { (wordingsWith[$0], $0) < (wordingsWith[$1], $1) }
            for (position, number) in rarestFirst.enumerated() { rank[number] = position }
            return (numbered.map { $0.map { rank[$0] }.sorted() }, rank.count)
        }

        /// How many of the first syllables of a set of `count` hold one it shares with any set
        /// close enough to it: `count - k + 1`, where `k` is the fewest shared syllables that
        /// pass against a union of `count`. A larger union only lowers the similarity (a
        /// rounded quotient never grows as its divisor does), so a set close enough to it
        /// shares at least `k`. `k` is found with the very division ``jaccard(shared:union:)``
        /// makes, not from `threshold * count`, whose rounding could make it one too many and
        /// the prefix one too short. 0 when no set can pass: an empty set (its similarity is
        /// 0 with every set) or a threshold above 1 (or not a number).
        static func prefixLength(of count: Int, threshold: Double) -> Int {
            var shared = 1
            while shared <= count, !(jaccard(shared: shared, union: count) >= threshold) { shared += 1 }
            return count - shared + 1
        }

        /// Files the first wording of a new group, the last one.
        mutating func append(_ keys: [Int]) {
            let group = self.keys.count
            for (position, key) in keys.prefix(Self.prefixLength(of: keys.count, threshold: threshold)).enumerated() {
                postings[key].append((group, position))
            }
            self.keys.append(keys)
            compared.append(-1)
        }

        /// The first group whose first wording is close enough to `keys`, if any.
        mutating func firstGroup(closeTo keys: [Int]) -> Int? {
            // At most 0 every set is close enough to every group, the empty ones too (and
            // they share no syllable to be found by). Not `guard threshold > 0`: a threshold
            // that is not a number passes no set, as the prefixes of no length say.
            if threshold <= 0 { return self.keys.isEmpty ? nil : 0 }
            lookUps += 1
            var first = Int.max
            for (position, key) in keys.prefix(Self.prefixLength(of: keys.count, threshold: threshold)).enumerated() {
                // Each syllable's groups are in ascending order: past the first group found,
                // none can come before it.
                for (group, otherPosition) in postings[key] {
                    if group >= first { break }
                    if compared[group] == lookUps { continue }
                    compared[group] = lookUps
                    let other = self.keys[group]
                    // The syllables are met in order, so this is the first they share (one
                    // before it would be in both prefixes too, and met first): they share at
                    // most it and the syllables after it in the shorter remainder. This also
                    // rules out sets whose sizes are too far apart to pass.
                    let most = min(keys.count - position, other.count - otherPosition)
                    guard jaccard(shared: most, union: keys.count + other.count - most) >= threshold else { continue }
                    let shared = Self.sharedCount(keys, other)
                    if jaccard(shared: shared, union: keys.count + other.count - shared) >= threshold {
                        first = group
                        break
                    }
                }
            }
            return first == Int.max ? nil : first
        }

        /// How many numbers two ascending arrays of distinct numbers share.
        static func sharedCount(_ a: [Int], _ b: [Int]) -> Int {
            var i = a.startIndex, j = b.startIndex, shared = 0
            while i < a.endIndex, j < b.endIndex {
                if a[i] < b[j] {
                    i += 1
                } else if a[i] > b[j] {
                    j += 1
                } else {
                    shared += 1
                    i += 1
                    j += 1
                }
            }
            return shared
        }
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        jaccard(shared: a.intersection(b).count, union: a.union(b).count)
    }

    /// The similarity of two sets with `shared` syllables in common and `union` in all: the
    /// one division every comparison of slogans makes, so that they all round alike.
    static func jaccard(shared: Int, union: Int) -> Double {
        union == 0 ? 0 : Double(shared) / Double(union)
    }
}
