/// Distinct runs of scalars numbered 0, 1, 2, ... in order of first insertion, looked up by a
/// run inside a larger text without building a key.
///
/// The phrase matcher looks up each spelling of every document in its vocabularies; with
/// `Dictionary` each look-up hashed a key with SipHash and compared bytes one by one, among
/// the top costs of a large run. This table hashes with FNV-1a (``HashIndex``).
struct ScalarVocabulary: Sendable {
    private var index = HashIndex()
    private var scalars: [Unicode.Scalar] = []
    private var ranges: [Range<Int>] = []

    /// Number of distinct runs.
    var count: Int { ranges.count }

    /// The number of `text`'s scalars, added when new.
    mutating func insert(_ text: String) -> Int32 {
        let run = Array(text.unicodeScalars)
        return run.withUnsafeBufferPointer { run in
            let (id, inserted) = scalars.withUnsafeBufferPointer { scalars in
                index.id(hash: HashIndex.hash(run, 0..<run.count)) { id in
                    HashIndex.equal(scalars, ranges[Int(id)], run, 0..<run.count)
                }
            }
            if inserted {
                ranges.append(scalars.count..<scalars.count + run.count)
                scalars.append(contentsOf: run)
            }
            return id
        }
    }

    /// The number of `text[range]`, nil when it was never inserted.
    func id(of range: Range<Int>, in text: UnsafeBufferPointer<Unicode.Scalar>) -> Int32? {
        scalars.withUnsafeBufferPointer { scalars in
            index.find(hash: HashIndex.hash(text, range)) { id in
                HashIndex.equal(scalars, ranges[Int(id)], text, range)
            }
        }
    }

    /// The number of `text`, nil when it was never inserted.
    func id(of text: String) -> Int32? {
        Array(text.unicodeScalars).withUnsafeBufferPointer { id(of: 0..<$0.count, in: $0) }
    }
}
