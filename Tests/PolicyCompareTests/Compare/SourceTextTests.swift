import Testing
@testable import PolicyCompare

@Suite("SourceText")
struct SourceTextTests {
    /// Random text of 1- to 4-byte code points, long enough to cross many checkpoints.
    private static func scalars(count: Int, seed: UInt64) -> [Unicode.Scalar] {
        var random = ExportFixtures.SeededRandom(seed: seed)
        let pools: [ClosedRange<UInt32>] = [0x20...0x7E, 0xC0...0x1B0, 0x1EA0...0x1EF9, 0x1F600...0x1F64F]
        return (0..<count).compactMap { _ in
            let pool = pools[Int.random(in: 0..<pools.count, using: &random)]
            return Unicode.Scalar(UInt32.random(in: pool, using: &random))
        }
    }

    @Test("byte offsets and quotes agree with counting code points one by one", arguments: [1, 2, 3] as [UInt64])
    func offsetsMatchANaiveCount(seed: UInt64) {
        let scalars = Self.scalars(count: 1_000, seed: seed)
        let source = SourceText(scalars)
        var naive: [Int] = [0]
        for scalar in scalars { naive.append((naive.last ?? 0) + String(scalar).utf8.count) }
        for index in 0...scalars.count {
            #expect(source.byteOffset(index) == naive[index], "code point \(index)")
        }
        #expect(source.byteOffset(scalars.count + 1) == nil && source.byteOffset(-1) == nil)
        var random = ExportFixtures.SeededRandom(seed: seed)
        for _ in 0..<200 {
            let start = Int.random(in: 0...scalars.count, using: &random)
            let end = Int.random(in: start...scalars.count, using: &random)
            let expected = NormalizedText.string(scalars, start..<end)
            #expect(source.quote(start..<end) == expected)
            #expect(source.reference(start..<end)?.text == expected)
        }
        // Short ranges (a match's words), whose end is found from their start, around the
        // checkpoints' step and up to the end of the text.
        for _ in 0..<300 {
            let start = Int.random(in: 0...scalars.count, using: &random)
            let end = min(scalars.count, start + Int.random(in: 0...70, using: &random))
            #expect(source.reference(start..<end)?.text == NormalizedText.string(scalars, start..<end), "\(start)..<\(end)")
        }
        #expect(source.reference(scalars.count - 3..<scalars.count)?.text == NormalizedText.string(scalars, scalars.count - 3..<scalars.count))
        #expect(source.quote(0..<(scalars.count + 1)).isEmpty)
    }

    @Test("byte ranges walked to from the range before are those found from checkpoints, in reading order or not", arguments: [12, 13] as [UInt64])
    func byteRangesWalkedOnFromTheLast(seed: UInt64) {
        let scalars = Self.scalars(count: 2_000, seed: seed)
        let source = SourceText(scalars)
        var naive: [Int] = [0]
        for scalar in scalars { naive.append((naive.last ?? 0) + String(scalar).utf8.count) }
        var random = ExportFixtures.SeededRandom(seed: seed)
        // Ranges in reading order (a document's matches and sentences, some overlapping and
        // some far apart), then in any order, then out of range, all from the same place.
        var ranges: [Range<Int>] = []
        var start = 0
        while start < scalars.count {
            let end = min(scalars.count, start + Int.random(in: 0...150, using: &random))
            ranges.append(start..<end)
            start += Int.random(in: 0...90, using: &random)
        }
        ranges += (0..<300).map { _ in
            let start = Int.random(in: 0...scalars.count, using: &random)
            return start..<Int.random(in: start...scalars.count, using: &random)
        }
        ranges += [0..<0, scalars.count..<scalars.count, 0..<scalars.count, 5..<(scalars.count + 1), -1..<3, 10..<20]
        var near = SourceText.Position()
        source.withUTF8 { text in
            for range in ranges {
                let inRange = range.lowerBound >= 0 && range.upperBound <= scalars.count
                let expected = inRange ? naive[range.lowerBound]..<naive[range.upperBound] : nil
                #expect(source.byteRange(range, in: text, near: &near) == expected, "\(range)")
                #expect(!inRange || near == SourceText.Position(scalar: range.lowerBound, byte: naive[range.lowerBound]))
            }
        }
    }

    @Test("a reference cut after `limit` code points ends with …, as do its bytes")
    func referencesCutWithAnEllipsis() throws {
        let source = SourceText(Array("Tháng hành động vì trẻ em".unicodeScalars))
        let cut = try #require(source.reference(0..<15, limit: 5))
        #expect(cut.text == "Tháng…" && cut.cut)
        #expect(cut.withUTF8 { Array($0) } == Array("Tháng…".utf8))
        let whole = try #require(source.reference(6..<15, limit: 600))
        #expect(whole.text == "hành động" && whole.withUTF8 { Array($0) } == Array("hành động".utf8) && !whole.cut)
        #expect(source.reference(20..<99, limit: 5)?.text == "rẻ em…", "cut first, so the kept part is in range")
        #expect(source.reference(30..<99, limit: 5)?.text == "…", "out of range and cut, as the string path quoted it")
        #expect(source.reference(20..<99)?.text == "")
        #expect(source.cell(0..<15, limit: 5) == .quote(cut))
    }

    @Test("a cell from bytes found beforehand is the cell its code points give, cut or not, in range or not", arguments: [10, 11] as [UInt64])
    func cellsFromKeptBytes(seed: UInt64) {
        let scalars = Self.scalars(count: 700, seed: seed)
        let decomposed = Array(String(String.UnicodeScalarView(scalars)).decomposedStringWithCanonicalMapping.unicodeScalars)
        var random = ExportFixtures.SeededRandom(seed: seed)
        for source in [SourceText(scalars), SourceText(decomposed)] {
            let count = source.scalarCount
            for _ in 0..<300 {
                let start = Int.random(in: 0...count + 5, using: &random)
                let end = start + Int.random(in: 0...200, using: &random)
                for limit in [1, 63, 64, 65, 150, 600, Int.max] {
                    let kept = source.keptBytes(start..<end, limit: limit)
                    #expect(source.cell(start..<end, keptBytes: kept, limit: limit) == source.cell(start..<end, limit: limit), "\(start)..<\(end), \(limit)")
                }
            }
        }
        // Bytes past the text (a source whose spool could not be read back the second time)
        // quote nothing rather than trap.
        let empty = SourceText([])
        #expect(empty.cell(0..<5, keptBytes: 3..<9, limit: 600) == .text(""))
        #expect(empty.cell(0..<5, keptBytes: 3..<9, limit: 2) == .text("…"))
        #expect(empty.withUTF8(bytes: 3..<9) { $0.count } == 0)
    }

    @Test("a quote is 16 bytes, so a cell holding one is no larger than a cell holding a string")
    func quotesKeepCellsSmall() {
        #expect(MemoryLayout<SourceText.Quote>.size == 16)
        #expect(MemoryLayout<Cell>.size == MemoryLayout<String>.size + 1)
    }

    @Test("offsets past 31 bits cannot be a quote")
    func offsetsPast31BitsAreRefused() {
        #expect(SourceText.Quote([], 0..<(1 << 31), cut: false, isNFC: true) == nil)
        #expect(SourceText.Quote([], 0..<0, cut: true, isNFC: true)?.text == "…")
    }

    @Test("NFC is noted once per text: precomposed Vietnamese is, a combining tone mark is not")
    func notesWhetherTheTextIsNFC() {
        let nfc = SourceText(Array("Hòa bình “trẻ em” 2019".unicodeScalars))
        let nfd = SourceText(Array("Hoa\u{300} bình".unicodeScalars))
        #expect(nfc.isNFC && nfc.reference(0..<3)?.isNFC == true)
        #expect(!nfd.isNFC && nfd.reference(0..<3)?.isNFC == false)
    }

    @Test("a spooled source quotes, cuts and counts exactly as the same source in memory", arguments: [4, 5] as [UInt64])
    func spooled(seed: UInt64) throws {
        let scalars = Self.scalars(count: 2_000, seed: seed)
        let memory = SourceText(scalars)
        let spool = try #require(DocumentSpool())
        _ = spool.store(Array(repeating: 0xFF, count: 17))  // not at the file's start
        let spooled = memory.spooled(to: spool)
        #expect(spooled.spooled(to: spool) == spooled)
        var random = ExportFixtures.SeededRandom(seed: seed)
        for _ in 0..<100 {
            let start = Int.random(in: 0...scalars.count, using: &random)
            let end = Int.random(in: start...scalars.count, using: &random)
            #expect(spooled.quote(start..<end) == memory.quote(start..<end))
            #expect(spooled.cell(start..<end, limit: 50) == memory.cell(start..<end, limit: 50))
            #expect(spooled.loaded().cell(start..<end) == memory.cell(start..<end))
            #expect(spooled.byteOffset(start) == memory.byteOffset(start))
        }
        #expect(spooled == memory && spooled.loaded() == memory && spooled.hashValue == memory.hashValue)
        #expect(spooled != SourceText(Array(scalars.dropLast())))
        #expect(spooled.readFailure == nil && memory.readFailure == nil)
        _ = spool.load(1_000_000..<1_000_001)
        #expect(spooled.readFailure != nil, "a failed read of the spool is reported by its sources")
    }

    @Test("a source made from UTF-8 bytes is the source made from their code points", arguments: [6, 7] as [UInt64])
    func fromUTF8(seed: UInt64) {
        for count in [0, 1, 63, 64, 65, 5_000] {
            let scalars = Self.scalars(count: count, seed: seed), decomposed = scalars + ["e", "\u{301}"]
            #expect(SourceText(utf8: NormalizedText.utf8(scalars)) == SourceText(scalars))
            #expect(SourceText(utf8: NormalizedText.utf8(decomposed)) == SourceText(decomposed))
        }
    }

    @Test("checkpoints read a word at a time are those of a byte-by-byte count", arguments: [8, 9] as [UInt64])
    func checkpointsMatchAByteByByteCount(seed: UInt64) {
        var random = ExportFixtures.SeededRandom(seed: seed)
        for count in [0, 1, 7, 8, 9, 63, 64, 65, 127, 128, 129, 3_000] {
            // Runs of one width, so that checkpoints fall at every place in a word.
            var scalars: [Unicode.Scalar] = []
            while scalars.count < count {
                let run = Self.scalars(count: 1, seed: UInt64.random(in: 0...1_000, using: &random))
                scalars += Array(repeating: run.first ?? "a", count: Int.random(in: 1...20, using: &random))
            }
            let bytes = NormalizedText.utf8(Array(scalars.prefix(count)))
            var expected: [Int32] = [], scalar = 0
            for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
                if scalar % 64 == 0 { expected.append(Int32(offset)) }
                scalar += 1
            }
            let (checkpoints, counted) = bytes.withUnsafeBufferPointer(SourceText.checkpoints(utf8:))
            #expect(checkpoints == expected, "\(count) code points")
            #expect(counted == scalar)
        }
    }

    @Test("a shipped file that decodes as UTF-8 with no note is its text's UTF-8, so its bytes can be the source's")
    func unchangedUTF8FilesAreTheirText() throws {
        let corpus = try #require(Fixtures.corpus)
        var unchanged = 0
        for document in corpus.documents {
            let bytes = try corpus.bytes(of: document)
            let decoded = try TextDecoder.decode(bytes, source: document.file)
            guard decoded.encoding == .utf8, decoded.notes.isEmpty else {
                #expect(decoded.source == nil)
                continue
            }
            unchanged += 1
            #expect(Array(decoded.text.utf8) == bytes)
            #expect(SourceText(utf8: bytes) == SourceText(Array(decoded.text.unicodeScalars)))
            // Made from what the decoder read while decoding: the same checkpoints and NFC check.
            #expect(decoded.source == SourceText(utf8: bytes))
        }
        #expect(unchanged >= 3)
    }
}
