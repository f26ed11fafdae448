import Foundation
import Testing
@testable import PolicyCompare

@Suite("TextReuse")
struct TextReuseTests {
    /// 33 tokens from the 2019 plans: "Vận động các tổ chức, cá nhân ủng hộ Quỹ Bảo trợ trẻ em, ...".
    static let fund = words(
        "vận động các tổ chức cá nhân ủng hộ quỹ bảo trợ trẻ em hỗ trợ bữa ăn dinh dưỡng "
            + "tại trường học cho trẻ em nghèo trẻ em dân tộc thiểu số"
    )
    /// Three paragraphs that share no 8-syllable run with each other.
    static let slogans = words(
        "không để trẻ em nào bị bỏ lại phía sau tạo cơ hội phát triển bình đẳng cho mọi trẻ em "
            + "lắng nghe trẻ em bằng trái tim"
    )
    static let summer = words(
        "bảo đảm kỳ nghỉ hè an toàn lành mạnh cho trẻ em trên địa bàn bằng các hoạt động "
            + "lập danh sách bàn giao tiếp nhận quản lý trẻ em về sinh hoạt hè tại khu dân cư"
    )

    @Test("a verbatim copy is one passage with similarity 1")
    func exactCopy() {
        let a = ReuseInput(documentID: "a", tokens: filler("a", 30) + Self.fund + filler("a", 20))
        let b = ReuseInput(documentID: "b", tokens: filler("b", 10) + Self.fund + filler("b", 40))
        let result = TextReuse.detect([b, a])
        #expect(result.passages == [
            ReusePassage(documentA: "a", documentB: "b", tokensA: 30..<63, tokensB: 10..<43, sharedTokens: 33, similarity: 1),
        ])
        // Both documents have 83 tokens, 33 of them in the passage.
        #expect(result.shares == [
            ReuseShare(documentID: "a", sourceID: "b", reusedTokens: 33, totalTokens: 83, share: 33.0 / 83),
            ReuseShare(documentID: "b", sourceID: "a", reusedTokens: 33, totalTokens: 83, share: 33.0 / 83),
        ])
    }

    @Test("two changed words stay inside one passage")
    func editedCopy() {
        var edited = Self.fund
        edited[10] = "đổi"  // "bảo" -> "đổi"
        edited[20] = "ở"    // "tại" -> "ở"
        let a = ReuseInput(documentID: "a", tokens: filler("a", 30) + Self.fund + filler("a", 20))
        let b = ReuseInput(documentID: "b", tokens: filler("b", 10) + edited + filler("b", 40))
        let passages = TextReuse.detect([a, b]).passages
        #expect(passages.count == 1)
        #expect(passages.first?.tokensA == 30..<63)
        #expect(passages.first?.tokensB == 10..<43)
        // 31 of 33 tokens identical on each side: Dice = 2 * 31 / (33 + 33).
        #expect(passages.first?.sharedTokens == 31)
        #expect(abs((passages.first?.similarity ?? 0) - 62.0 / 66) < 1e-12)
    }

    @Test("an inserted and a dropped word are bridged too")
    func insertionAndDeletion() {
        var edited = Self.fund
        edited.insert("mới", at: 12)
        edited.remove(at: 25)
        let a = ReuseInput(documentID: "a", tokens: filler("a", 5) + Self.fund + filler("a", 5))
        let b = ReuseInput(documentID: "b", tokens: filler("b", 5) + edited + filler("b", 5))
        let passages = TextReuse.detect([a, b]).passages
        #expect(passages.count == 1)
        #expect(passages.first?.tokensA == 5..<38)
        #expect(passages.first?.tokensB == 5..<38)
        #expect(passages.first?.sharedTokens == 32)
    }

    @Test("a reordered paragraph is a passage of its own")
    func reordered() {
        let a = ReuseInput(documentID: "a", tokens: Self.fund + Self.slogans + Self.summer)
        let b = ReuseInput(documentID: "b", tokens: Self.summer + Self.fund + Self.slogans)
        let result = TextReuse.detect([a, b])
        let fundAndSlogans = Self.fund.count + Self.slogans.count
        #expect(result.passages.map(\.tokensA) == [0..<fundAndSlogans, fundAndSlogans..<a.tokenHashes.count])
        #expect(result.passages.map(\.tokensB) == [Self.summer.count..<b.tokenHashes.count, 0..<Self.summer.count])
        #expect(result.passages.allSatisfy { $0.similarity == 1 })
        #expect(result.shares.map(\.share) == [1, 1])
    }

    @Test("unrelated texts share nothing")
    func unrelated() {
        let a = ReuseInput(documentID: "a", tokens: Self.fund + filler("a", 50))
        let b = ReuseInput(documentID: "b", tokens: Self.summer + filler("b", 50))
        let result = TextReuse.detect([a, b])
        #expect(result.passages.isEmpty)
        #expect(result.shares.isEmpty)
    }

    @Test("shares are directional: a short letter copied whole into a long plan")
    func directionalShares() {
        let letter = ReuseInput(documentID: "letter", tokens: Self.fund)
        let plan = ReuseInput(documentID: "plan", tokens: filler("p", 100) + Self.fund + filler("p", 100))
        let shares = TextReuse.detect([plan, letter]).shares
        #expect(shares.map(\.documentID) == ["letter", "plan"])
        #expect(shares.first?.share == 1)
        #expect(shares.last?.reusedTokens == 33)
        #expect(shares.last?.totalTokens == 233)
    }

    @Test("output is identical across runs and input orders")
    func determinism() {
        let documents = (0..<12).map { index in
            ReuseInput(
                documentID: "doc-\(index)",
                tokens: filler("d\(index)", index * 3) + (index.isMultiple(of: 2) ? Self.fund : Self.summer)
                    + filler("e\(index)", 7) + (index.isMultiple(of: 3) ? Self.slogans : [])
            )
        }
        let first = TextReuse.detect(documents)
        #expect(!first.passages.isEmpty)
        #expect(TextReuse.detect(documents) == first)
        #expect(TextReuse.detect(documents.reversed()) == first)
        let order = first.passages.map { [$0.documentA, $0.documentB] }
        #expect(order == order.sorted { $0.lexicographicallyPrecedes($1) { $0.utf8.lexicographicallyPrecedes($1.utf8) } })
    }

    @Test("shingles in more than maxDocumentFrequency documents are boilerplate")
    func boilerplate() {
        let documents = (0..<4).map { index in
            ReuseInput(documentID: "d\(index)", tokens: filler("x\(index)", 10) + Self.fund + filler("y\(index)", 10))
        }
        #expect(TextReuse.detect(documents).passages.count == 6)
        #expect(TextReuse.detect(documents, options: .init(maxDocumentFrequency: 3)).passages.isEmpty)
    }

    @Test("each document aligns with its strongest partners; either side's choice counts")
    func partnerCap() {
        // a and b are the same text, c shares only `fund` with both; with one partner each,
        // a picks b, b picks a, and c (an exact tie between a and b) picks a: b-c is never aligned.
        let a = ReuseInput(documentID: "a", tokens: Self.fund + Self.summer)
        let b = ReuseInput(documentID: "b", tokens: Self.fund + Self.summer)
        let c = ReuseInput(documentID: "c", tokens: Self.fund + filler("c", 5))
        let pairs = TextReuse.detect([a, b, c], options: .init(maxPartnersPerDocument: 1)).passages
            .map { $0.documentA + "-" + $0.documentB }
        #expect(Set(pairs) == ["a-b", "a-c"])
        let all = TextReuse.detect([a, b, c]).passages.map { $0.documentA + "-" + $0.documentB }
        #expect(Set(all) == ["a-b", "a-c", "b-c"])
    }

    @Test("runs shorter than minPassageTokens are not passages")
    func shortRuns() {
        let a = ReuseInput(documentID: "a", tokens: filler("a", 10) + Array(Self.fund.prefix(10)) + filler("a", 10))
        let b = ReuseInput(documentID: "b", tokens: filler("b", 10) + Self.fund + filler("b", 10))
        #expect(TextReuse.detect([a, b]).passages.isEmpty)
        let loose = TextReuse.detect([a, b], options: .init(minPassageTokens: 8)).passages
        #expect(loose.map(\.sharedTokens) == [10])
    }

    @Test("every identical run of minPassageTokens is found, wherever it starts", arguments: 0...21)
    func winnowingGuarantee(offset: Int) {
        let run = Array(Self.fund[offset..<(offset + 12)])
        let a = ReuseInput(documentID: "a", tokens: filler("a", 7) + run + filler("a", 9))
        let b = ReuseInput(documentID: "b", tokens: filler("b", 3) + Self.fund + filler("b", 4))
        let passages = TextReuse.detect([a, b]).passages
        #expect(passages.map(\.tokensA) == [7..<19])
        #expect(passages.map(\.tokensB) == [(3 + offset)..<(15 + offset)])
    }

    @Test("no documents, empty and short documents")
    func degenerate() {
        #expect(TextReuse.detect([]) == ReuseResult(passages: [], shares: []))
        let inputs = [
            ReuseInput(documentID: "empty", tokens: []),
            ReuseInput(documentID: "short", tokens: ["trẻ", "em"]),
            ReuseInput(documentID: "also-short", tokens: ["trẻ", "em"]),
        ]
        #expect(TextReuse.detect(inputs) == ReuseResult(passages: [], shares: []))
        #expect(TextReuse.detect(inputs, options: .init(shingleSize: 0, minPassageTokens: 0, maxGap: -1)).passages.count == 1)
    }

    @Test("extreme options are clamped, never trapped on")
    func extremeOptions() {
        let a = ReuseInput(documentID: "a", tokens: Self.fund)
        let b = ReuseInput(documentID: "b", tokens: Self.fund)
        let wide = ReuseOptions(maxGap: 1_000_000, maxDocumentFrequency: .max, maxPartnersPerDocument: .max)
        #expect(TextReuse.detect([a, b], options: wide).passages.map(\.sharedTokens) == [33])
        #expect(TextReuse.detect([a, b], options: .init(shingleSize: .max)).passages.isEmpty)
        #expect(TextReuse.detect([a, b], options: .init(minPassageTokens: .max)).passages.isEmpty)
        #expect(TextReuse.detect([a, b], options: .init(maxDocumentFrequency: .min)).passages.isEmpty)
        #expect(TextReuse.detect([a, b], options: .init(maxPartnersPerDocument: 0)).passages.isEmpty)
    }

    @Test("token hashes are FNV-1a 64 over UTF-8, the same in every process")
    func stableHash() {
        #expect(StableHash.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        // "trẻ" is 74 72 E1 BA BB in UTF-8; computed with Python.
        #expect(StableHash.fnv1a("trẻ") == 0x3144_48a9_3702_20dd)
    }

    // MARK: - Real directives

    @Test("the two 2019 provincial plans share their purposes, slogans and fund-raising passages")
    func provincialPlans() throws {
        let kienGiang = try directive("2019-kien-giang")
        let langSon = try directive("2019-lang-son")
        let result = TextReuse.detect([
            ReuseInput(documentID: "2019-lang-son", tokens: langSon),
            ReuseInput(documentID: "2019-kien-giang", tokens: kienGiang),
        ])
        for passage in result.passages {
            print(
                "reuse \(passage.tokensA) \(passage.tokensB) shared \(passage.sharedTokens)",
                String(format: "similarity %.3f:", passage.similarity),
                kienGiang[passage.tokensA].joined(separator: " ")
            )
        }
        for share in result.shares {
            print("share \(share.documentID) from \(share.sourceID): \(share.reusedTokens)/\(share.totalTokens) =",
                  String(format: "%.3f", share.share))
        }
        // "2019-kien-giang" sorts first, so it is side A.
        #expect(result.passages.allSatisfy { $0.documentA == "2019-kien-giang" && $0.documentB == "2019-lang-son" })

        let verbatim = [
            "thực hiện hiệu quả hơn các chính sách chương trình và vận động xã hội để giảm khoảng cách "
                + "về cơ hội phát triển và tiếp cận các dịch vụ chăm sóc y tế giáo dục bảo vệ chăm sóc trẻ em "
                + "nước sạch và các dịch vụ phúc lợi xã hội của trẻ em giữa các vùng kinh tế và dân tộc bảo đảm "
                + "thực hiện tốt hơn quyền trẻ em đặc biệt là trẻ em nghèo trẻ em dân tộc thiểu số",
            "vận động các tổ chức cá nhân ủng hộ quỹ bảo trợ trẻ em hỗ trợ bữa ăn dinh dưỡng tại trường học "
                + "cho trẻ em nghèo trẻ em dân tộc thiểu số xây dựng các công trình trường lớp học nhà bán trú "
                + "điểm vui chơi giải trí cho trẻ em thăm tặng quà học bổng và hỗ trợ khám chữa bệnh cho trẻ em "
                + "nghèo trẻ em dân tộc thiểu số trẻ em có hoàn cảnh đặc biệt",
            "khẩu hiệu truyền thông chung tay vì trẻ em nghèo trẻ em dân tộc thiểu số không để trẻ em nào "
                + "bị bỏ lại phía sau tạo cơ hội phát triển bình đẳng cho mọi trẻ em lắng nghe trẻ em bằng trái tim "
                + "bảo vệ trẻ em bằng hành động mùa hè an toàn lành mạnh cho mọi trẻ em hãy gọi 111 để bảo vệ trẻ em",
        ]
        for text in verbatim {
            let phrase = Self.words(text)
            let inKienGiang = try #require(Self.range(of: phrase, in: kienGiang))
            let inLangSon = try #require(Self.range(of: phrase, in: langSon))
            let covering = result.passages.first {
                Self.range($0.tokensA, encloses: inKienGiang) && Self.range($0.tokensB, encloses: inLangSon)
            }
            #expect(covering?.similarity == 1, "no verbatim passage covers \"\(text.prefix(40))...\"")
        }

        // Lạng Sơn adds "được" and "và" to this sentence; it must stay one passage.
        let edited = Self.words(
            "phát triển các mô hình thúc đẩy quyền tham gia của trẻ em như diễn đàn trẻ em câu lạc bộ quyền trẻ em "
                + "các chương trình hoạt động do trẻ em khởi xướng và thực hiện để trẻ em"
        )
        let editedInKienGiang = try #require(Self.range(of: edited, in: kienGiang))
        let editedPassage = result.passages.first { Self.range($0.tokensA, encloses: editedInKienGiang) }
        #expect(editedPassage.map { $0.similarity > 0.85 && $0.similarity < 1 } == true)
        #expect(editedPassage.map { $0.tokensB.count - $0.tokensA.count } == 2)

        // Observed: Lạng Sơn 604/1180 = 0.512 from Kiên Giang; Kiên Giang 595/4219 = 0.141.
        let langSonShare = try #require(result.shares.first { $0.documentID == "2019-lang-son" })
        let kienGiangShare = try #require(result.shares.first { $0.documentID == "2019-kien-giang" })
        #expect(langSonShare.share > 0.45)
        #expect(kienGiangShare.share > 0.12)
        #expect(result.passages.count >= 8)
    }

    @Test("each pair of many documents gets the passages and shares it gets alone")
    func pairsAsIfAlone() throws {
        let ids = ["2010-molisa", "2013-molisa", "2014-molisa", "2019-kien-giang", "2019-lang-son"]
        let texts = try ids.map { try directive($0) }
        var random = ExportFixtures.SeededRandom(seed: 3)
        // Edited copies of the directives with a stretch of another appended, so most
        // documents are partners of several in their chunk and of several later ones.
        let documents = (0..<24).map { number in
            let base = texts[number % texts.count], other = texts[(number * 7 + 3) % texts.count]
            var tokens = Array(base.prefix(Int.random(in: base.count / 2...base.count, using: &random)))
            for edit in stride(from: Int.random(in: 0..<40, using: &random), to: tokens.count, by: 41) {
                tokens[edit] = "v\(number)-\(edit)"
            }
            let start = Int.random(in: 0..<max(1, other.count - 300), using: &random)
            tokens += other[start..<min(other.count, start + 300)]
            return ReuseInput(documentID: (number < 10 ? "d0" : "d") + String(number), tokens: tokens)
        }
        let options = ReuseOptions(maxPartnersPerDocument: 100)
        let result = TextReuse.detect(documents, options: options)
        var passages: [ReusePassage] = []
        var shares: [ReuseShare] = []
        for first in documents.indices {
            for second in documents.indices where first < second {
                let alone = TextReuse.detect([documents[first], documents[second]], options: options)
                passages += alone.passages
                shares += alone.shares
            }
        }
        #expect(result.passages == passages)
        #expect(result.shares == shares.sorted { ($0.documentID, $0.sourceID) < ($1.documentID, $1.sourceID) })
        // Not vacuous: documents have many partners.
        #expect(Set(result.shares.map { $0.documentID + $0.sourceID }).count > 100)
    }

    @Test("shared anchors come out as every pairing of the key's postings, sorted by A then B")
    func sharedAnchorsMatchPlainPairing() throws {
        let ids = ["2010-molisa", "2013-molisa", "2014-molisa", "2019-kien-giang", "2019-lang-son"]
        let documents = try ids.map { ReuseInput(documentID: $0, tokens: try directive($0)) }
        let options = ReuseOptions()
        let chunks = [0..<2, 2..<documents.count]
        let bits = 1
        let anchors = chunks.map { chunk in
            var anchors: [AnchorIndex.Anchor] = []
            var hashes: [UInt64] = []
            for document in chunk {
                documents[document].tokenHashes(into: &hashes)
                AnchorIndex.winnow(hashes, shingleSize: options.effectiveShingleSize, window: options.winnowingWindow) {
                    anchors.append(AnchorIndex.Anchor(hash: $0, document: document, position: $1))
                }
            }
            return AnchorIndex.partitioned(anchors, bits: bits)
        }
        let index = AnchorIndex(
            anchors, chunks: chunks, bits: bits,
            maxOccurrences: ReuseOptions.maxOccurrencesPerDocument, documentFrequencies: options.anchorFrequencyRange
        )
        // Each key's documents and each document's keys are its postings' documents, and the
        // keys whose postings hold the document, ascending and each once.
        let keys = Set(index.keyList.map(Int.init)).sorted()
        var plainKeys = [[Int]](repeating: [], count: documents.count)
        for key in keys {
            var holders: [Int] = []
            for posting in index.postingRange(of: key) where holders.last != index.postings[posting].document {
                holders.append(index.postings[posting].document)
            }
            #expect(index.documentRange(of: key).map { Int(index.documentList[$0]) } == holders)
            #expect(holders.count >= 2)
            for holder in holders { plainKeys[holder].append(key) }
        }
        for document in documents.indices {
            #expect(index.keyRange(of: document).map { Int(index.keyList[$0]) } == plainKeys[document])
        }
        #expect(keys.count > 100)
        // One scratch for every call, as a chunk of detect uses it.
        var scratch = TextReuse.SeedScratch(documentCount: documents.count)
        var seedCount = 0
        // All other documents, and only the later ones (as detect pairs them), whose search
        // skips the postings of earlier documents.
        for document in documents.indices {
            for partners in [documents.indices.filter { $0 != document }, Array(document + 1..<documents.count)] {
                let seeds = TextReuse.sharedAnchors(index, of: document, with: partners, scratch: &scratch)
                let plain = partners.map { partner in
                    index.keyRange(of: document).flatMap { held in
                        let postings = index.postingRange(of: Int(index.keyList[held])).map { index.postings[$0] }
                        let mine = postings.filter { $0.document == document }
                        let theirs = postings.filter { $0.document == partner }
                        return mine.flatMap { a in theirs.map { b in (a: a.position, b: b.position) } }
                    }.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
                }
                #expect(partners.indices.map { seeds[$0].map { [$0.a, $0.b] } } == plain.map { $0.map { [$0.a, $0.b] } })
                #expect(scratch.partnerSlot.allSatisfy { $0 == -1 })
                seedCount += seeds.seeds.count
                #expect(seeds.starts.first == 0 && seeds.starts.last == seeds.seeds.count)
            }
        }
        // The plans share whole paragraphs, so the comparison is not vacuous.
        #expect(seedCount > 100)
    }

    // MARK: - Helpers

    /// Crude tokenisation for the tests: lower case, split on anything but letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// `count` tokens that occur nowhere else ("a1", "a2", ...), so passages end exactly.
    private func filler(_ prefix: String, _ count: Int) -> [String] {
        (0..<count).map { "\(prefix)\($0)" }
    }

    /// Tokens of a directive in `Datasets/directives`, found from this file's path.
    private func directive(_ id: String) throws -> [String] {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Compare
            .deletingLastPathComponent()  // PolicyCompareTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
        let url = root.appendingPathComponent("Datasets/directives/\(id).txt")
        return Self.words(try String(contentsOf: url, encoding: .utf8))
    }

    /// First occurrence of `phrase` in `tokens`.
    private static func range(of phrase: [String], in tokens: [String]) -> Range<Int>? {
        guard !phrase.isEmpty, phrase.count <= tokens.count else { return nil }
        for start in 0...(tokens.count - phrase.count) where tokens[start..<(start + phrase.count)].elementsEqual(phrase) {
            return start..<(start + phrase.count)
        }
        return nil
    }

    private static func range(_ outer: Range<Int>, encloses inner: Range<Int>) -> Bool {
        outer.lowerBound <= inner.lowerBound && inner.upperBound <= outer.upperBound
    }
}
