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
        // The positions are sorted, not the inputs: swapping inputs copied them, each copy
        // retaining every array a document's tokens hold.
        let sorted = documents.indices.sorted { lhs, rhs in
            let left = documents[lhs].documentID.utf8
            let right = documents[rhs].documentID.utf8
            if left.elementsEqual(right) { return lhs < rhs }
            return left.lexicographicallyPrecedes(right)
        }.map { documents[$0] }
        let chunks = Parallel.chunks(sorted.count)
        let index = fingerprint(sorted, chunks: chunks, options: options)
        let partners = candidatePartners(index, chunks: chunks, options: options)
        var found = Parallel.map(chunks) { chunk in
            // One aligner per chunk: threads sharing one would contend on its reference counts.
            let aligner = PassageAligner(
                shingleSize: options.effectiveShingleSize,
                minPassageTokens: options.effectiveMinPassageTokens,
                maxGap: options.effectiveMaxGap
            )
            // A partner is usually the partner of several documents of the chunk, and expanding
            // its hashes for every pair was most of what reading the tokens cost (a pread and a
            // pass per pair). So the chunk's documents are expanded and seeded first, pairs are
            // aligned partner by partner, each partner expanded once, and the results are then
            // put back in document order. Only one chunk's documents are held expanded at once.
            let members = chunk.filter { !partners[$0].isEmpty }
            var scratch = SeedScratch(documentCount: sorted.count)
            var seeds: [SharedSeeds] = []
            var hashes: [[UInt64]] = []
            var pairs: [(partner: Int, member: Int, slot: Int)] = []
            for (member, document) in members.enumerated() {
                seeds.append(sharedAnchors(index, of: document, with: partners[document], scratch: &scratch))
                var memberHashes: [UInt64] = []
                sorted[document].tokenHashes(into: &memberHashes)
                hashes.append(memberHashes)
                for (slot, partner) in partners[document].enumerated() {
                    pairs.append((partner, member, slot))
                }
            }
            pairs.sort { ($0.partner, $0.member, $0.slot) < ($1.partner, $1.member, $1.slot) }
            var alignments = members.map { [[PassageAligner.Alignment]](repeating: [], count: partners[$0].count) }
            var partnerHashes: [UInt64] = []
            var expanded = -1
            for pair in pairs {
                if pair.partner != expanded {
                    sorted[pair.partner].tokenHashes(into: &partnerHashes)
                    expanded = pair.partner
                }
                alignments[pair.member][pair.slot] = aligner.align(
                    hashes[pair.member], partnerHashes, seeds: seeds[pair.member][pair.slot]
                )
            }
            // Room for every passage and share of the chunk at once: growing the list of
            // passages (80 bytes each) by doubling copied it several times per chunk.
            var result = ChunkResult()
            result.passages.reserveCapacity(alignments.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } })
            result.shares.reserveCapacity(alignments.reduce(0) { $0 + 2 * $1.count(where: { !$0.isEmpty }) })
            for (member, document) in members.enumerated() {
                for (slot, partner) in partners[document].enumerated() where !alignments[member][slot].isEmpty {
                    result.add(alignments[member][slot], between: document, and: partner, of: sorted)
                }
            }
            return result
        }
        // Chunks and pairs come out in identifier order and each pair's passages sorted by
        // position, so passages are already ordered by documentA, documentB, then start in A
        // and in B. Share rows of (B, A) are made with (A, B), so they need sorting. Each
        // chunk's rows are let go as soon as they are copied: a large corpus has a million
        // passages, and holding them twice was the peak of the comparison.
        var passages: [ReusePassage] = []
        passages.reserveCapacity(found.reduce(0) { $0 + $1.passages.count })
        var shareRows: [ShareRow] = []
        shareRows.reserveCapacity(found.reduce(0) { $0 + $1.shares.count })
        for index in found.indices {
            passages.append(contentsOf: found[index].passages)
            shareRows.append(contentsOf: found[index].shares)
            found[index] = ChunkResult()
        }
        shareRows.sort { ($0.document, $0.source) < ($1.document, $1.source) }
        return ReuseResult(passages: passages, shares: shareRows.map(\.share))
    }

    /// The index of every document's anchors.
    private static func fingerprint(_ documents: [ReuseInput], chunks: [Range<Int>], options: ReuseOptions) -> AnchorIndex {
        let shingleSize = options.effectiveShingleSize
        let window = options.winnowingWindow
        let tokenTotal = documents.reduce(0) { $0 + $1.tokenCount }
        // Winnowing keeps about 2 / (window + 1) of the shingles.
        let bits = AnchorIndex.partitionBits(anchorCount: 2 * (tokenTotal / window + 1))
        let anchors = Parallel.map(chunks) { chunk in
            // Room for the anchors winnowing is expected to keep, and a little more: growing
            // the list by doubling copied it a dozen times per chunk.
            let chunkTokens = chunk.reduce(0) { $0 + documents[$1].tokenCount }
            var anchors: [AnchorIndex.Anchor] = []
            anchors.reserveCapacity(chunkTokens / (window + 1) * 2 + chunkTokens / 16 + 64)
            var hashes: [UInt64] = []
            for document in chunk {
                documents[document].tokenHashes(into: &hashes)
                AnchorIndex.winnow(hashes, shingleSize: shingleSize, window: window) { hash, position in
                    anchors.append(AnchorIndex.Anchor(hash: hash, document: document, position: position))
                }
            }
            return AnchorIndex.partitioned(anchors, bits: bits)
        }
        return AnchorIndex(
            anchors, chunks: chunks, bits: bits,
            maxOccurrences: ReuseOptions.maxOccurrencesPerDocument,
            documentFrequencies: options.anchorFrequencyRange
        )
    }

    /// What one chunk of documents contributes to the result.
    private struct ChunkResult: Sendable {
        var passages: [ReusePassage] = []
        var shares: [ShareRow] = []

        /// Records the passages of one pair (positions `a` and `b` in `documents`, in identifier
        /// order, A before B) and the share of each side.
        ///
        /// Positions rather than inputs: a copied input retains every array its tokens hold.
        mutating func add(_ alignments: [PassageAligner.Alignment], between a: Int, and b: Int, of documents: [ReuseInput]) {
            let idA = documents[a].documentID, idB = documents[b].documentID
            for alignment in alignments {
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
            shares.append(ShareRow(
                document: a, source: b,
                share: TextReuse.share(of: idA, tokens: documents[a].tokenCount, from: idB, covered: alignments.map(\.tokensA))
            ))
            shares.append(ShareRow(
                document: b, source: a,
                share: TextReuse.share(of: idB, tokens: documents[b].tokenCount, from: idA, covered: alignments.map(\.tokensB))
            ))
        }
    }

    /// A share with its sort key: the positions of both documents in identifier order.
    private struct ShareRow: Sendable {
        var document: Int
        var source: Int
        var share: ReuseShare
    }

    /// The share of `document` (of `total` tokens) covered by `covered`, its side of the
    /// passages with `source`.
    private static func share(of document: String, tokens total: Int, from source: String, covered: [Range<Int>]) -> ReuseShare {
        let reused = unionLength(covered)
        return ReuseShare(
            documentID: document,
            sourceID: source,
            reusedTokens: reused,
            totalTokens: total,
            share: total > 0 ? Double(reused) / Double(total) : 0
        )
    }

    /// For each document, the later documents (in identifier order) it is aligned with.
    ///
    /// Every document ranks the others by the number of distinct anchors they share and
    /// keeps the strongest; a pair is aligned when either side keeps it, so a short letter
    /// copied into many plans is still aligned with each plan that ranks it highly.
    private static func candidatePartners(_ index: AnchorIndex, chunks: [Range<Int>], options: ReuseOptions) -> [[Int]] {
        let documentCount = chunks.last?.upperBound ?? 0
        let limit = max(0, options.maxPartnersPerDocument)
        let choices = Parallel.map(chunks) { chunk in
            var sharedCount = [Int](repeating: 0, count: documentCount)
            var touched: [Int] = []
            var chosen: [[Int]] = []
            // Counting reads every document of every key a document holds, so it goes through
            // buffers: the arrays' bounds checks and uniqueness checks doubled that loop.
            // Each key's documents are listed once each, so no posting is skipped as a repeat.
            index.documentList.withUnsafeBufferPointer { documents in index.keyList.withUnsafeBufferPointer { keyList in
                sharedCount.withUnsafeMutableBufferPointer { counts in
                    for document in chunk {
                        // The document's own count starts far below zero, so its keys are
                        // counted like any other's but never make it a candidate: one test less
                        // per key than skipping them. Counts add with `&+=`: none comes near
                        // the bounds, and the overflow test was a tenth of this loop.
                        counts[document] = Int.min / 2
                        for held in index.keyRange(of: document) {
                            for listed in index.documentRange(of: Int(keyList[held])) {
                                let other = Int(documents[listed])
                                if counts[other] == 0 { touched.append(other) }
                                counts[other] &+= 1
                            }
                        }
                        counts[document] = 0
                        // The documents sharing the most anchors, ties to the lower number (a
                        // total order, so selecting the first few gives what sorting all of
                        // them did). The order reads the counts through the buffer: a function
                        // that captured the counting array made it a boxed variable, and every
                        // count a dynamic exclusivity check.
                        let tally = UnsafeBufferPointer(counts)
                        func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
                            tally[lhs] != tally[rhs] ? tally[lhs] > tally[rhs] : lhs < rhs
                        }
                        chosen.append(
                            limit <= 32 ? touched.leading(limit, by: precedes) : Array(touched.sorted(by: precedes).prefix(limit))
                        )
                        for other in touched { counts[other] = 0 }
                        touched.removeAll(keepingCapacity: true)
                    }
                }
            } }
            return chosen
        }.flatMap { $0 }
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

    /// Starts of the anchors one document shares with each of its partners, all in one array.
    ///
    /// One array rather than one per partner: a document pair has thousands of seeds, and
    /// appending each to its partner's array checked that array's uniqueness every time.
    struct SharedSeeds: Sendable {
        /// Seeds of partner `slot` are `seeds[starts[slot]..<starts[slot + 1]]`.
        var seeds: [PassageAligner.Seed]
        var starts: [Int]

        /// The seeds shared with the partner in `slot`.
        subscript(slot: Int) -> ArraySlice<PassageAligner.Seed> {
            seeds[starts[slot]..<starts[slot + 1]]
        }
    }

    /// Working storage of ``sharedAnchors(_:of:with:scratch:)``, kept across the documents of
    /// a chunk: growing its lists anew for every document was a tenth of that step.
    struct SeedScratch: ~Copyable {
        /// Per document, its slot among the partners of the current call; -1 between calls.
        var partnerSlot: [Int]
        /// The partners' occurrences of each shared key. A buffer, not an array: appending to
        /// an array captured by the loop that reads the postings checked its uniqueness with a
        /// runtime call per occurrence, a quarter of that loop.
        fileprivate var hits = GrowableBuffer<Hit>(capacity: 1_024)
        /// Per shared key, the range of its occurrences in `hits`.
        fileprivate var groups: [Range<Int>] = []
        /// This document's occurrences of the shared keys: position above the key's number in
        /// `groups`.
        fileprivate var own: [UInt64] = []

        /// Storage for a corpus of `documentCount` documents.
        init(documentCount: Int) {
            partnerSlot = [Int](repeating: -1, count: documentCount)
        }
    }

    /// A partner's occurrence of a shared key: its position, and the partner's slot.
    ///
    /// Internal, not file-private: a file-private type in the storage of ``SeedScratch``,
    /// which tests use, broke the test module's build (swift 6.3.1).
    struct Hit {
        var position: Int32
        var slot: Int32
    }

    /// Starts of the anchors `document` shares with each of `partners`, sorted by position
    /// in `document` then in the partner; partner `slot`'s are the seeds of that slot.
    ///
    /// Every occurrence of a shared key in `document` (up to the per-document cap) is paired
    /// with every occurrence in the partner. The lists come out sorted without sorting them:
    /// only this document's occurrences are sorted (one key per position, and fewer than its
    /// seeds with all partners), and each key's postings are already by document then position.
    /// Each partner's seeds are counted first, so each seed is written once, in its place.
    static func sharedAnchors(
        _ index: AnchorIndex, of document: Int, with partners: [Int], scratch: inout SeedScratch
    ) -> SharedSeeds {
        // The document itself takes the slot past the partners' (it wins over a partner
        // listed as itself): the loop over the postings then tests most of them, those of
        // documents that are neither, once instead of twice.
        let ownSlot = partners.count
        for (slot, partner) in partners.enumerated() { scratch.partnerSlot[partner] = slot }
        scratch.partnerSlot[document] = ownSlot
        defer {
            for partner in partners { scratch.partnerSlot[partner] = -1 }
            scratch.partnerSlot[document] = -1
        }
        // The lists are moved out for the call (so each stays uniquely referenced) and back.
        var groups = scratch.groups, own = scratch.own
        var hits = GrowableBuffer<Hit>(capacity: 0)
        swap(&hits, &scratch.hits)
        scratch.groups = []
        scratch.own = []
        hits.removeAll()
        groups.removeAll(keepingCapacity: true)
        own.removeAll(keepingCapacity: true)
        defer {
            scratch.groups = groups
            scratch.own = own
            swap(&hits, &scratch.hits)
        }
        var starts = [Int](repeating: 0, count: partners.count + 1)
        // Postings of documents before this one and all its partners are neither; a key's
        // postings are by document, so they are skipped by a binary search (partners come
        // after the document in ``detect(_:options:)``, so this skips half of each key's).
        let floor = min(document, partners.min() ?? document)
        // The postings are read through buffers: this loop reads every posting of every key
        // the document holds.
        index.postings.withUnsafeBufferPointer { postings in index.keyList.withUnsafeBufferPointer { keyList in
            scratch.partnerSlot.withUnsafeBufferPointer { partnerSlot in starts.withUnsafeMutableBufferPointer { starts in
                for held in index.keyRange(of: document) {
                    let range = index.postingRange(of: Int(keyList[held]))
                    var low = range.lowerBound, high = range.upperBound
                    while low < high {
                        let middle = (low + high) / 2
                        if postings[middle].document < floor { low = middle + 1 } else { high = middle }
                    }
                    let first = hits.count
                    // This document's own occurrences are one run.
                    var ownStart = range.upperBound, ownEnd = range.upperBound
                    for posting in low..<range.upperBound {
                        let slot = partnerSlot[postings[posting].document]
                        guard slot >= 0 else { continue }
                        if slot == ownSlot {
                            if ownStart == range.upperBound { ownStart = posting }
                            ownEnd = posting + 1
                        } else {
                            hits.append(Hit(
                                position: Int32(truncatingIfNeeded: postings[posting].position),
                                slot: Int32(truncatingIfNeeded: slot)
                            ))
                        }
                    }
                    guard hits.count > first else { continue }
                    hits.withUnsafeBufferPointer { hits in
                        for hit in first..<hits.count {
                            starts[Int(hits[hit].slot) + 1] += ownEnd - ownStart
                        }
                    }
                    let group = UInt64(groups.count)
                    groups.append(first..<hits.count)
                    for mine in ownStart..<ownEnd {
                        own.append(UInt64(postings[mine].position) << 32 | group)
                    }
                }
            } }
        } }
        // Positions are unique (one anchor per position) and below 2^31, so sorting the packed
        // integers sorts by position, without a comparison closure.
        own.sort()
        for slot in partners.indices {
            starts[slot + 1] += starts[slot]
        }
        var cursor = starts
        let total = starts[partners.count]
        let seeds = [PassageAligner.Seed](unsafeUninitializedCapacity: total) { buffer, count in
            // Through buffers: a slice of `hits` per own occurrence retained its storage.
            hits.withUnsafeBufferPointer { hits in
                groups.withUnsafeBufferPointer { groups in
                    cursor.withUnsafeMutableBufferPointer { cursor in
                        for mine in own {
                            let position = Int(truncatingIfNeeded: mine >> 32)
                            for hit in hits[groups[Int(truncatingIfNeeded: mine & 0xFFFF_FFFF)]] {
                                buffer[cursor[Int(hit.slot)]] = PassageAligner.Seed(a: position, b: Int(hit.position))
                                cursor[Int(hit.slot)] += 1
                            }
                        }
                    }
                }
            }
            count = total
        }
        return SharedSeeds(seeds: seeds, starts: starts)
    }

    /// Number of integers covered by at least one of `ranges`.
    ///
    /// A pair's passages come sorted by their start in A, so A's side is not sorted again.
    private static func unionLength(_ ranges: [Range<Int>]) -> Int {
        let isSorted = zip(ranges, ranges.dropFirst()).allSatisfy { $0.lowerBound <= $1.lowerBound }
        var total = 0
        var reach = Int.min
        for range in isSorted ? ranges : ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let start = max(range.lowerBound, reach)
            if range.upperBound > start {
                total += range.upperBound - start
                reach = range.upperBound
            }
        }
        return total
    }
}
