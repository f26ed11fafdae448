import Foundation

/// A string compared and hashed by its UTF-8 bytes, as a dictionary or set key.
///
/// `String` hashes and compares by canonical equivalence, which checks every non-ASCII key
/// for NFC on each hash and comparison; profiles of large corpora put that among the top
/// costs. Text produced by the normaliser is already NFC, so for it byte equality is
/// canonical equality and this key gives the same answers for a fraction of the work. Do not
/// mix NFC and NFD spellings of one text under this key: they would count as two.
struct ExactText: Hashable, Sendable, Comparable {
    var string: String

    init(_ string: String) {
        self.string = string
    }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        let left = lhs.string.utf8
        let right = rhs.string.utf8
        guard left.count == right.count else { return false }
        let fast = left.withContiguousStorageIfAvailable { a in
            right.withContiguousStorageIfAvailable { b in
                guard let left = a.baseAddress, let right = b.baseAddress else { return a.count == b.count }
                return memcmp(left, right, a.count) == 0
            }
        }
        if let equal = fast ?? nil { return equal }
        return left.elementsEqual(right)
    }

    func hash(into hasher: inout Hasher) {
        let utf8 = string.utf8
        let hashed: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
        if hashed == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
        hasher.combine(utf8.count)
    }

    /// UTF-8 byte order, the order every sorted output uses.
    static func < (lhs: ExactText, rhs: ExactText) -> Bool {
        lhs.string.utf8.lexicographicallyPrecedes(rhs.string.utf8)
    }
}
