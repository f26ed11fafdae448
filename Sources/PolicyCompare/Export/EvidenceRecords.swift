/// The evidence table's CSV records for one pass of one writer, rendered a document at a time.
///
/// The table has a row per match (1.8 million at 10,000 generated plans). Rendered a row at a
/// time, each row read its document's matches, source and rendered fields back through the
/// pass's state, retaining and releasing their arrays, and found each quote's bytes by
/// walking from the quote's checkpoint. Here a document's records are rendered in one loop
/// that keeps all it reads in locals, and finds each quote's bytes from the places found
/// before (see ``Places``); a row then copies its record.
///
/// A class for the pass's state: the writer's row function holds it and asks for one row at
/// a time, in order. Unchecked for exclusive access, as nothing a row calls reaches back in.
final class EvidenceRecords {
    private let documents: [DocumentCoding]
    /// The first row of each document.
    private let starts: [Int]
    private let writer: CSVWriter
    private let dimensions: [String: String]

    /// The rows of the document rendered last.
    @exclusivity(unchecked) private var rows = 0..<0
    /// Its records, one after another, and where each ends.
    @exclusivity(unchecked) private var records = GrowableBuffer<UInt8>(capacity: 1 << 16)
    @exclusivity(unchecked) private var ends = GrowableBuffer<Int>(capacity: 1 << 10)
    /// The labels `categories` and `patterns` were rendered from: codings of one run share
    /// theirs, so they are rendered once a pass.
    @exclusivity(unchecked) private var labels: DocumentCoding.Labels?
    /// Each category's id and dimension fields, and each pattern's field, each with the
    /// delimiter after it.
    @exclusivity(unchecked) private var categories = RenderedFields()
    @exclusivity(unchecked) private var patterns = RenderedFields()

    /// Records of `documents` (those with evidence, in table order; `starts[d]` is the first
    /// row of document `d`) as `writer` writes them; a category's dimension is `dimensions[id]`.
    init(_ documents: [DocumentCoding], starts: [Int], writer: CSVWriter, dimensions: [String: String]) {
        self.documents = documents
        self.starts = starts
        self.writer = writer
        self.dimensions = dimensions
    }

    /// Appends row `index`'s record, without its line end.
    func append(row index: Int, to out: inout GrowableBuffer<UInt8>) {
        if !rows.contains(index) {
            render(CodingTables.group(of: index, in: starts, near: 0))
        }
        let k = index - rows.lowerBound
        ends.withUnsafeBufferPointer { ends in
            // A document whose matches could not be read back has fewer records than rows.
            guard k < ends.count else { return }
            let start = k > 0 ? ends[k - 1] : 0, end = ends[k]
            records.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end])) }
        }
    }

    /// Renders document `d`'s records: the fields the table's cells hold, as `writer` writes them.
    private func render(_ d: Int) {
        let coding = documents[d]
        rows = starts[d]..<starts[d] + coding.evidenceCount
        records.removeAll()
        ends.removeAll()
        if labels != coding.labels {
            labels = coding.labels
            categories = RenderedFields(coding.labels.categoryIDs.map { [.text($0), .text(dimensions[$0] ?? "")] }, writer: writer)
            patterns = RenderedFields(texts: coding.labels.patterns, writer: writer)
        }
        let categories = categories, patterns = patterns
        let prefix = RenderedFields([[.text(coding.documentID), .integer(coding.year)]], writer: writer)
        let paths = RenderedFields(texts: coding.segmentPaths, writer: writer)
        let matches = coding.matches.elements
        let source = coding.source.loaded()
        let writer = writer, delimiter = writer.delimiterByte
        // The pass's buffers, lent to locals for the loop, so that it appends to locals
        // rather than through the class.
        var out = GrowableBuffer<UInt8>(capacity: 0)
        swap(&out, &records)
        defer { swap(&out, &records) }
        var ends = GrowableBuffer<Int>(capacity: 0)
        swap(&ends, &self.ends)
        defer { swap(&ends, &self.ends) }
        // Most rows (63% at 1,000 generated plans) quote the sentence the row before quoted:
        // its three fields, the last of a record, are copied.
        var sentence = -1..<(-1)
        var sentenceFields = GrowableBuffer<UInt8>(capacity: 1024)
        source.withUTF8 { text in
            var places = Places()
            for m in matches {
                let match = m.wordsRange
                prefix.append(0, to: &out)
                paths.append(Int(m.segment), to: &out)
                categories.append(Int(m.category), to: &out)
                patterns.append(Int(m.pattern), to: &out)
                let words: Range<Int>
                if m.sentenceRange != sentence {
                    sentence = m.sentenceRange
                    let found = places.find(sentence: sentence, words: match, of: source, in: text)
                    words = found.words
                    sentenceFields.removeAll()
                    writer.appendQuote(utf8: UnsafeBufferPointer(rebasing: text[found.sentence]), isNFC: source.isNFC, to: &sentenceFields)
                    sentenceFields.append(delimiter)
                    DecimalText.appendInteger(sentence.lowerBound, to: &sentenceFields)
                    sentenceFields.append(delimiter)
                    DecimalText.appendInteger(sentence.upperBound, to: &sentenceFields)
                } else {
                    words = places.find(words: match, of: source, in: text)
                }
                writer.appendQuote(utf8: UnsafeBufferPointer(rebasing: text[words]), isNFC: source.isNFC, to: &out)
                out.append(delimiter)
                DecimalText.appendInteger(match.lowerBound, to: &out)
                out.append(delimiter)
                DecimalText.appendInteger(match.upperBound, to: &out)
                out.append(delimiter)
                sentenceFields.withUnsafeBufferPointer { out.append(contentsOf: $0) }
                ends.append(out.count)
            }
        }
    }

    /// Where the quotes found last start and end in a document's source: the places the
    /// next row's quotes are walked to from.
    ///
    /// A document's matches and their sentences are in reading order, each match inside its
    /// sentence: a new sentence's start is walked to from the sentence before's end (or its
    /// checkpoint, when nearer), the match's start from there, its end from its start, and
    /// the sentence's end from the match's end, so the sentence is walked once. Walked from
    /// its start to its end and again to the match (as before), the sentences of the evidence
    /// took 1.2% of the CPU of a 10,000-plan run.
    private struct Places {
        var matchStart = SourceText.Position()
        var matchEnd = SourceText.Position()
        var sentenceEnd = SourceText.Position()

        /// The bytes of `sentence` and of the match `words` in `text` (`source`'s UTF-8),
        /// each empty when out of the text, as ``SourceText/byteRange(_:in:near:)`` finds them.
        mutating func find(sentence: Range<Int>, words: Range<Int>, of source: SourceText, in text: UnsafeBufferPointer<UInt8>)
            -> (sentence: Range<Int>, words: Range<Int>) {
            var near = sentenceEnd.scalar <= sentence.lowerBound ? sentenceEnd : SourceText.Position()
            var sentenceBytes: Range<Int>?, wordBytes: Range<Int>?
            if sentence.lowerBound <= words.lowerBound, words.upperBound <= sentence.upperBound,
               let head = source.byteRange(sentence.lowerBound..<words.lowerBound, in: text, near: &near) {
                var atWords = SourceText.Position(scalar: words.lowerBound, byte: head.upperBound)
                if let tail = source.byteRange(words.upperBound..<sentence.upperBound, in: text, near: &atWords) {
                    sentenceBytes = head.lowerBound..<max(head.lowerBound, tail.upperBound)
                    wordBytes = head.upperBound..<max(head.upperBound, tail.lowerBound)
                }
            }
            if sentenceBytes == nil {
                // A match outside its sentence, or a sentence out of the text (neither seen in
                // any coding): each found on its own.
                near = SourceText.Position()
                sentenceBytes = source.byteRange(sentence, in: text, near: &near)
                wordBytes = source.byteRange(words, in: text, near: &near)
            }
            // Only places found are kept to walk from.
            if let sentenceBytes {
                sentenceEnd = SourceText.Position(scalar: sentence.upperBound, byte: sentenceBytes.upperBound)
            }
            if let wordBytes {
                matchStart = SourceText.Position(scalar: words.lowerBound, byte: wordBytes.lowerBound)
                matchEnd = SourceText.Position(scalar: words.upperBound, byte: wordBytes.upperBound)
            }
            return (sentenceBytes ?? 0..<0, wordBytes ?? 0..<0)
        }

        /// The bytes of the match `words` in `text`, in the sentence of the match before:
        /// walked to from that match's end when it is not past the start, else from its start.
        mutating func find(words: Range<Int>, of source: SourceText, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
            var near = matchEnd.scalar <= words.lowerBound ? matchEnd : matchStart
            guard let bytes = source.byteRange(words, in: text, near: &near) else { return 0..<0 }
            matchStart = near
            matchEnd = SourceText.Position(scalar: words.upperBound, byte: bytes.upperBound)
            return bytes
        }
    }
}
