import Foundation
/// Text reuse: passages that two documents share verbatim or with small edits, and how much
/// of each document they cover.
///
/// Provincial plans copy the national letter's purposes, slogans and activities; finding
/// those passages separates what a province wrote from what it passed on. The steps, each
/// explicit (read, tokenise, hash, as in the R package textreuse):
///
/// 1. **Hash.** Each token is hashed with FNV-1a over its UTF-8 bytes and each run of
///    `shingleSize` tokens (a shingle) from those, so results are identical in every run.
/// 2. **Anchor.** Winnowing keeps a subset of shingles that still hits every identical run
///    of `minPassageTokens` tokens; anchors go into one inverted index.
/// 3. **Pair.** Candidate pairs come only from shared anchors, never from all pairs of
///    documents; anchors in more than `maxDocumentFrequency` documents are boilerplate and
///    skipped, and each document keeps its `maxPartnersPerDocument` strongest partners.
/// 4. **Align.** For each candidate pair, shared anchors are grown into maximal passages
///    along their diagonal, bridging differences of up to `maxGap` tokens.
/// 5. **Share.** Per ordered pair, the tokens of a document covered by passages with the
///    other, counted once, over its length.
///
/// Cost is linear in the total number of tokens, plus at most `maxDocumentFrequency` postings
/// per anchor and `maxPartnersPerDocument` alignments per document (see ``ReuseOptions``).
/// Documents are processed in identifier order and independent steps run on all cores with
/// results merged in that order, so the output does not depend on the input order (when
/// identifiers are unique) nor on scheduling.
public enum TextReuse {
    /// Finds the passages shared between `documents` and each document's share reused from
    /// each other one.
    public static func detect(_ documents: [ReuseInput], options: ReuseOptions = .init()) -> ReuseResult {
        let order = documents.indices.sorted { lhs, rhs in
            let left = documents[lhs].documentID.utf8
            let right = documents[rhs].documentID.utf8
            if left.elementsEqual(right) { return lhs < rhs }
            return left.lexicographicallyPrecedes(right)
        }
        let clock = ContinuousClock(); var t0 = clock.now
        func lap(_ s: String) { let t = clock.now; FileHandle.standardError.write("\(s): \(t - t0)\n".data(using: .utf8)!); t0 = t }
        let sorted = order.map { documents[$0] }
        let shingleSize = options.effectiveShingleSize
        let window = options.winnowingWindow
        let fingerprints = Parallel.flatMapChunks(sorted.count) { chunk in
            chunk.map { AnchorIndex.fingerprint(sorted[$0].tokens, shingleSize: shingleSize, window: window) }
        }
        lap("fingerprints")
        let tokenHashes = fingerprints.map(\.tokens)
        let index = AnchorIndex(
            fingerprints.map(\.anchors),
            maxOccurrences: ReuseOptions.maxOccurrencesPerDocument,
            documentFrequencies: options.anchorFrequencyRange
        )
        lap("index postings \(index.postingDocument.count)")
        let partners = candidatePartners(index, documentCount: sorted.count, options: options)
        lap("partners")
        let aligner = PassageAligner(
            shingleSize: shingleSize,
            minPassageTokens: options.effectiveMinPassageTokens,
            maxGap: options.maxGap
        )

        let found = Parallel.flatMapChunks(sorted.count) { chunk in
            var partnerSlot = [Int](repeating: -1, count: sorted.count)
            var pairs: [PairPassages] = []
            for documentA in chunk where !partners[documentA].isEmpty {
                let seeds = sharedAnchors(index, of: documentA, with: partners[documentA], partnerSlot: &partnerSlot)
                for (slot, documentB) in partners[documentA].enumerated() {
                    let alignments = aligner.align(tokenHashes[documentA], tokenHashes[documentB], seeds: seeds[slot])
                    if !alignments.isEmpty {
                        pairs.append(PairPassages(documentA: documentA, documentB: documentB, alignments: alignments))
                    }
                }
            }
            return pairs
        }

        lap("align")
        var passages: [ReusePassage] = []
        var shareRows: [(document: Int, source: Int, reused: Int)] = []
        for pair in found {
            let idA = sorted[pair.documentA].documentID
            let idB = sorted[pair.documentB].documentID
            for alignment in pair.alignments {
                passages.append(ReusePassage(
                    documentA: idA,
                    documentB: idB,
                    tokensA: alignment.tokensA,
                    tokensB: alignment.tokensB,
                    sharedTokens: alignment.sharedTokens,
                    similarity: 2 * Double(alignment.sharedTokens)
                        / Double(alignment.tokensA.count + alignment.tokensB.count)
                ))
            }
            shareRows.append((pair.documentA, pair.documentB, unionLength(pair.alignments.map(\.tokensA))))
            shareRows.append((pair.documentB, pair.documentA, unionLength(pair.alignments.map(\.tokensB))))
        }
        shareRows.sort { ($0.document, $0.source) < ($1.document, $1.source) }
        let shares = shareRows.map { row in
            let total = sorted[row.document].tokens.count
            return ReuseShare(
                documentID: sorted[row.document].documentID,
                sourceID: sorted[row.source].documentID,
                reusedTokens: row.reused,
                totalTokens: total,
                share: total > 0 ? Double(row.reused) / Double(total) : 0
            )
        }
        // Pairs come out in identifier order and each pair's passages sorted by position, so
        // passages are already ordered by documentA, documentB, then start in A and in B.
        lap("assemble")
        return ReuseResult(passages: passages, shares: shares)
    }

    /// The passages of one aligned pair, by position in identifier order.
    private struct PairPassages: Sendable {
        var documentA: Int
        var documentB: Int
        var alignments: [PassageAligner.Alignment]
    }

    /// For each document, the later documents (in identifier order) it is aligned with.
    ///
    /// Every document ranks the others by the number of distinct anchors they share and
    /// keeps the strongest; a pair is aligned when either side keeps it, so a short letter
    /// copied into many plans is still aligned with each plan that ranks it highly.
    private static func candidatePartners(_ index: AnchorIndex, documentCount: Int, options: ReuseOptions) -> [[Int]] {
        let limit = max(0, options.maxPartnersPerDocument)
        let choices = Parallel.flatMapChunks(documentCount) { chunk in
            var sharedCount = [Int](repeating: 0, count: documentCount)
            var touched: [Int] = []
            var chosen: [[Int]] = []
            for document in chunk {
                for anchor in index.documentAnchors[document] where index.anchorFirstInDocument[anchor] {
                    var previous = -1
                    for posting in index.anchorPostings[anchor] {
                        let other = index.postingDocument[posting]
                        guard other != document, other != previous else { continue }
                        previous = other
                        if sharedCount[other] == 0 { touched.append(other) }
                        sharedCount[other] += 1
                    }
                }
                touched.sort { lhs, rhs in
                    sharedCount[lhs] != sharedCount[rhs] ? sharedCount[lhs] > sharedCount[rhs] : lhs < rhs
                }
                chosen.append(Array(touched.prefix(limit)))
                for other in touched { sharedCount[other] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
            return chosen
        }
        var partners = [[Int]](repeating: [], count: documentCount)
        for (document, others) in choices.enumerated() {
            for other in others {
                partners[min(document, other)].append(max(document, other))
            }
        }
        return partners.map { list in
            var unique: [Int] = []
            for other in list.sorted() where other != unique.last {
                unique.append(other)
            }
            return unique
        }
    }

    /// Starts of the anchors `document` shares with each of `partners`, sorted by position
    /// in `document` then in the partner; one list per partner, in the partners' order.
    private static func sharedAnchors(
        _ index: AnchorIndex, of document: Int, with partners: [Int], partnerSlot: inout [Int]
    ) -> [[(a: Int, b: Int)]] {
        for (slot, partner) in partners.enumerated() { partnerSlot[partner] = slot }
        defer { for partner in partners { partnerSlot[partner] = -1 } }
        var seeds = [[(a: Int, b: Int)]](repeating: [], count: partners.count)
        for anchor in index.documentAnchors[document] where index.anchorIndexed[anchor] {
            let position = index.anchorPosition[anchor]
            for posting in index.anchorPostings[anchor] {
                let slot = partnerSlot[index.postingDocument[posting]]
                if slot >= 0 {
                    seeds[slot].append((position, index.postingPosition[posting]))
                }
            }
        }
        return seeds
    }

    /// Number of integers covered by at least one of `ranges`.
    private static func unionLength(_ ranges: [Range<Int>]) -> Int {
        var total = 0
        var reach = Int.min
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let start = max(range.lowerBound, reach)
            if range.upperBound > start {
                total += range.upperBound - start
                reach = range.upperBound
            }
        }
        return total
    }
}
