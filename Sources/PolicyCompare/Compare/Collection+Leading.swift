extension Collection {
    /// The first `count` elements in the order `isBefore`, as a stable sort would put them
    /// (ties in input order), without sorting or copying them all: each element is tried
    /// against the last of a short sorted list, which most fail. For a small `count` only
    /// (each kept element may be moved once per insertion): a large corpus has a million reuse
    /// passages of which the report quotes three, and a plan touches thousands of documents
    /// of which text reuse aligns ten.
    func leading(_ count: Int, by isBefore: (Element, Element) -> Bool) -> [Element] {
        var best: [Element] = []
        guard count > 0 else { return best }
        for item in self {
            if best.count == count, let last = best.last, !isBefore(item, last) { continue }
            var index = best.count
            while index > 0, isBefore(item, best[index - 1]) { index -= 1 }
            best.insert(item, at: index)
            if best.count > count { best.removeLast() }
        }
        return best
    }
}
