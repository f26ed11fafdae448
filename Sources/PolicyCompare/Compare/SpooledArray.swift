import Foundation

/// An array of plain values that may live in a ``DocumentSpool`` instead of memory: a
/// document's source bytes, evidence offsets and reuse tokens, which only text reuse and
/// export read, a document at a time. Equal arrays are equal wherever they live.
struct SpooledArray<Element: BitwiseCopyable & Sendable & Hashable>: Sendable, Hashable {
    private enum Storage: Sendable {
        case memory([Element])
        case spool(DocumentSpool, Range<Int>)
    }

    private let storage: Storage
    /// Number of elements.
    let count: Int

    init(_ elements: [Element]) {
        storage = .memory(elements)
        count = elements.count
    }

    private init(_ storage: Storage, count: Int) {
        self.storage = storage
        self.count = count
    }

    /// The elements, read back when spooled (none if they cannot be, as ``readFailure`` says).
    var elements: [Element] {
        switch storage {
        case .memory(let elements):
            return elements
        case .spool(let spool, let range):
            guard let elements = spool.load(range, as: Element.self), elements.count == count else { return [] }
            return elements
        }
    }

    /// The same elements written to `spool`, or themselves when spooled already or empty.
    func spooled(to spool: DocumentSpool) -> SpooledArray {
        guard case .memory(let elements) = storage, !elements.isEmpty else { return self }
        return SpooledArray(.spool(spool, spool.store(elements.withUnsafeBytes { Array($0) })), count: count)
    }

    /// The same elements in memory.
    func loaded() -> SpooledArray {
        guard case .spool = storage else { return self }
        return SpooledArray(elements)
    }

    /// Why the spooled elements could not be read back, if they could not.
    var readFailure: String? {
        guard case .spool(let spool, _) = storage else { return nil }
        return spool.readFailure
    }

    static func == (lhs: SpooledArray, rhs: SpooledArray) -> Bool {
        lhs.count == rhs.count && lhs.elements == rhs.elements
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(elements)
    }
}
