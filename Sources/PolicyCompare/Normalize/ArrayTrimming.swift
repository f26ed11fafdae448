extension Array {
    /// The same elements in storage of just their size. An array built by appending keeps up
    /// to twice the room it needs; one kept for every document of a large corpus until the
    /// end of a run should not.
    var trimmed: [Element] {
        capacity > count ? withUnsafeBufferPointer { Array($0) } : self
    }
}
