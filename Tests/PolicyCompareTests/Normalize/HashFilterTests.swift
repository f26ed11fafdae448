import Testing
@testable import PolicyCompare

@Suite("HashFilter")
struct HashFilterTests {
    @Test("an empty filter holds nothing; one holds what was inserted")
    func insertAndTest() {
        var filter = HashFilter()
        let hashes: [UInt64] = [0, 1, .max, 0x8000_0000_0000_0000, 0x9E37_79B9_7F4A_7C15]
        #expect(hashes.allSatisfy { !filter.mayHold($0) })
        for hash in hashes { filter.insert(hash) }
        #expect(hashes.allSatisfy { filter.mayHold($0) })
    }

    /// The property the phrase matchers rely on: a spelling the filter says a vocabulary does not
    /// hold is not in it. Checked on every spelling of the real directives, against vocabularies
    /// of real pattern syllables (half of the spellings in one, the codebook's in another), with
    /// the hashes ``TokenSpellings`` gives them.
    @Test("built from a run table: never says 'not held' of a run it holds, and seldom 'perhaps' of others")
    func holdsEveryRun() throws {
        var vocabulary = RunTable<Unicode.Scalar>()
        let codebook = try #require(Fixtures.codebook)
        for pattern in codebook.categories.flatMap(\.patterns) {
            for syllable in pattern.syllables { vocabulary.insert(syllable) }
        }
        var alternate = RunTable<Unicode.Scalar>()
        var members = 0, others = 0, falsePerhaps = 0
        var missed: [String] = []
        let empty = HashFilter(RunTable<Unicode.Scalar>())
        let directives = try Fixtures.ids.map { try Fixtures.directive($0) }
        for d in directives {
            d.folded.strict.withUnsafeBufferPointer { strict in
                for k in 0..<d.spellings.count where k % 2 == 0 {
                    alternate.insert(UnsafeBufferPointer(rebasing: strict[d.spellings.ranges[k]]))
                }
            }
        }
        for table in [vocabulary, alternate] {
            let filter = HashFilter(table)
            for d in directives {
                d.folded.strict.withUnsafeBufferPointer { strict in
                    for k in 0..<d.spellings.count {
                        let hash = d.spellings.strictHashes[k]
                        let held = table.id(of: d.spellings.ranges[k], in: strict, hash: hash) != nil
                        // Gathered into one expectation, not one per spelling (tens of thousands).
                        if held && !filter.mayHold(hash) || empty.mayHold(hash) { missed.append(d.spellings.keys[k]) }
                        if held { members += 1 } else { others += 1; if filter.mayHold(hash) { falsePerhaps += 1 } }
                    }
                }
            }
        }
        #expect(missed.isEmpty, "held but 'not held', or held by an empty filter: \(missed.prefix(20))")
        #expect(members > 100 && others > 100, "\(members) held, \(others) not")
        #expect(falsePerhaps * 10 < others, "\(falsePerhaps) of \(others) not held were 'perhaps'")
    }
}
