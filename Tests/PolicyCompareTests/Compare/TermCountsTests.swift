import Testing
@testable import PolicyCompare

@Suite("TermCounts")
struct TermCountsTests {
    let stopList: Set<String> = ["và", "của", "các", "cho", "để"]

    @Test("a token with an ASCII letter, as its bytes tell, is a word with a letter; others are told by their scalars")
    func asciiLetterBytes() {
        let tokens = ["trẻ", "Em", "ở", "ư", "2019", "05/7", ",", "-", "“", "đ", "x1", "ABC", "₫", "Ⅳ", "ﬁ", ""]
        let withASCII: Set<String> = ["trẻ", "Em", "x1", "ABC"]
        for token in tokens {
            var utf8 = token
            let hasASCII = utf8.withUTF8 { TermCounts.hasASCIILetter($0) }
            #expect(hasASCII == withASCII.contains(token), "\(token)")
            if hasASCII { #expect(!TermCounts.isPunctuation(token) && TermCounts.hasLetter(token), "\(token)") }
        }
        #expect(TermCounts.hasLetter("ở") && TermCounts.isPunctuation("“") && !TermCounts.hasLetter("2019"))
    }

    @Test("counts 1- to 3-grams and every n-gram position in the totals")
    func countsAndTotals() {
        let counts = TermCounts.count(sentences: [["bảo", "vệ", "trẻ", "em"]], stopList: stopList)
        #expect(counts.frequency(of: "trẻ") == 1)
        #expect(counts.frequency(of: "trẻ em") == 1)
        #expect(counts.frequency(of: "vệ trẻ em") == 1)
        #expect(counts.frequency(of: "bảo vệ trẻ em") == 0)  // maxN is 3
        // 4 tokens: 4 unigram, 3 bigram and 2 trigram positions.
        #expect(counts.total(n: 1) == 4)
        #expect(counts.total(n: 2) == 3)
        #expect(counts.total(n: 3) == 2)
        #expect(counts.total(n: 4) == 0)
    }

    @Test("a term may not start or end with a stop syllable, but may contain one")
    func stopSyllables() {
        let counts = TermCounts.count(sentences: [["quyền", "của", "trẻ", "em", "và", "gia", "đình"]], stopList: stopList)
        #expect(counts.frequency(of: "của") == 0)
        #expect(counts.frequency(of: "quyền của") == 0)
        #expect(counts.frequency(of: "của trẻ") == 0)
        #expect(counts.frequency(of: "của trẻ em") == 0)
        #expect(counts.frequency(of: "em và") == 0)
        #expect(counts.frequency(of: "quyền của trẻ") == 1)
        #expect(counts.frequency(of: "em và gia") == 1)
        #expect(counts.frequency(of: "trẻ em") == 1)
        // Skipped positions still count towards the totals: 7, 6 and 5 positions.
        #expect(counts.total(n: 1) == 7)
        #expect(counts.total(n: 2) == 6)
        #expect(counts.total(n: 3) == 5)
    }

    @Test("numbers are edges like stop syllables; punctuation splits the sentence")
    func numbersAndPunctuation() {
        let counts = TermCounts.count(
            sentences: [["tháng", "6", "năm", "2019"], ["phòng", ",", "chống", "đuối", "nước"]],
            stopList: stopList
        )
        #expect(counts.frequency(of: "6") == 0)
        #expect(counts.frequency(of: "năm 2019") == 0)
        #expect(counts.frequency(of: "tháng 6 năm") == 1)
        #expect(counts.frequency(of: ",") == 0)
        #expect(counts.frequency(of: "phòng chống") == 0)
        #expect(counts.frequency(of: "phòng , chống") == 0)
        #expect(counts.frequency(of: "chống đuối nước") == 1)
        // "," is dropped: pieces of 4, 1 and 3 tokens give 8, 5 and 3 positions.
        #expect(counts.total(n: 1) == 8)
        #expect(counts.total(n: 2) == 5)
        #expect(counts.total(n: 3) == 3)
        // A code with letters is a term, not a number.
        #expect(TermCounts.count(sentences: [["1332/lđtbxh-te"]], stopList: []).frequency(of: "1332/lđtbxh-te") == 1)
    }

    @Test("n-grams never cross a sentence")
    func sentenceBoundaries() {
        let counts = TermCounts.count(sentences: [["trẻ", "em"], ["em", "bé"]], stopList: stopList)
        #expect(counts.frequency(of: "em") == 2)
        #expect(counts.frequency(of: "em em") == 0)
        #expect(counts.frequency(of: "trẻ em em") == 0)
        #expect(counts.total(n: 2) == 2)
        #expect(counts.total(n: 3) == 0)
    }

    @Test("maxN bounds the sizes; below 1 nothing is counted")
    func maxN() {
        let unigrams = TermCounts.count(sentences: [["trẻ", "em"]], maxN: 1, stopList: [])
        #expect(unigrams.frequency(of: "trẻ em") == 0)
        #expect(unigrams.total(n: 2) == 0)
        #expect(TermCounts.count(sentences: [["trẻ", "em"]], maxN: 0, stopList: []) == TermCounts())
        let unbounded = TermCounts.count(sentences: [["trẻ", "em", "nghèo"]], maxN: .max, stopList: [])
        #expect(unbounded.frequency(of: "trẻ em nghèo") == 1)
        #expect(unbounded.total(n: 3) == 1)
        #expect(unbounded.total(n: 4) == 0)
    }

    @Test("merging documents equals counting them together")
    func merging() {
        let first = [["trẻ", "em", "nghèo"], ["dân", "tộc", "thiểu", "số"]]
        let second = [["trẻ", "em", "dân", "tộc", "thiểu", "số"], ["các", "trẻ", "em"]]
        let together = TermCounts.count(sentences: first + second, stopList: stopList)
        let merged = TermCounts.count(sentences: first, stopList: stopList)
            + TermCounts.count(sentences: second, stopList: stopList)
        #expect(merged == together)
        #expect(merged.frequency(of: "trẻ em") == 3)
        #expect(merged.frequency(of: "dân tộc thiểu") == 2)
        #expect(merged.total(n: 1) == 16)

        var folded = TermCounts()
        folded.add(TermCounts.count(sentences: first, stopList: stopList))
        folded.add(TermCounts.count(sentences: second, stopList: stopList))
        #expect(folded == together)
    }

    @Test("subtracting a part leaves exactly the counts of the rest, with no zero entries")
    func subtracting() {
        let year = [["trẻ", "em", "nghèo"], ["đuối", "nước"]]
        let rest = [["trẻ", "em", "dân", "tộc", "thiểu", "số"], ["các", "trẻ", "em"]]
        var corpus = TermCounts.count(sentences: year + rest, stopList: stopList)
        corpus.subtract(TermCounts.count(sentences: year, stopList: stopList))
        #expect(corpus == TermCounts.count(sentences: rest, stopList: stopList))
        #expect(corpus.frequency(of: "đuối") == 0)
        #expect(corpus.frequency(of: "trẻ em") == 2)

        var emptied = TermCounts.count(sentences: year, stopList: stopList)
        emptied.subtract(TermCounts.count(sentences: year, stopList: stopList))
        #expect(emptied == TermCounts())
    }

    @Test("terms are keyed by their bytes, and a stop list in any spelling is matched as NFC")
    func byteKeys() {
        let counts = TermCounts.count(sentences: [["trẻ", "em", "của", "trẻ"]], stopList: ["của"])
        #expect(counts.frequency(of: "trẻ") == 2)
        #expect(counts.frequency(of: "trẻ em") == 1)
        #expect(counts.frequency(of: "em của") == 0)  // ends on a stop syllable
    }

    @Test("subtracting from a copy leaves the original whole; adding to empty counts takes the other's terms")
    func sharedCounts() {
        let year = [["trẻ", "em", "nghèo"], ["đuối", "nước"], ["trẻ", "em"]]
        let rest = [["trẻ", "em", "dân", "tộc", "thiểu", "số"], ["các", "trẻ", "em"]]
        let corpus = TermCounts.count(sentences: year + rest, stopList: stopList)
        var reference = corpus
        reference.subtract(TermCounts.count(sentences: year, stopList: stopList))
        #expect(reference == TermCounts.count(sentences: rest, stopList: stopList))
        #expect(corpus == TermCounts.count(sentences: year + rest, stopList: stopList))
        // Terms the counts do not hold are no-ops.
        var unrelated = reference
        unrelated.subtract(TermCounts.count(sentences: [["gia", "đình"]], stopList: stopList))
        #expect(unrelated.frequencies == reference.frequencies)

        var sum = TermCounts()
        sum.add(TermCounts.count(sentences: year, stopList: stopList))
        #expect(sum == TermCounts.count(sentences: year, stopList: stopList))
        sum.add(TermCounts.count(sentences: rest, stopList: stopList))
        #expect(sum == corpus)
    }
}

extension TermCounts {
    /// Removes the counts of `other`, which must be part of these counts (as a year's counts
    /// are part of the whole corpus's): the result equals counting the rest alone.
    ///
    /// How a year's keyness reference was once built; kept here so the tests can check the
    /// reference counts ``Keyness`` reads off the corpus against the reference itself.
    mutating func subtract(_ other: TermCounts) {
        var frequencies = self.frequencies, totals = self.totals
        for (n, total) in other.totals {
            totals[n, default: 0] -= total
            if totals[n] == 0 { totals[n] = nil }
        }
        for (n, terms) in other.frequencies {
            guard var mine = frequencies[n] else { continue }
            for (term, count) in terms {
                let left = (mine[term] ?? 0) - count
                mine[term] = left > 0 ? left : nil
            }
            frequencies[n] = mine.isEmpty ? nil : mine
        }
        self = TermCounts(frequencies: frequencies, totals: totals)
    }
}
