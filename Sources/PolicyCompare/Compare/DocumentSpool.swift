import Foundation

/// Documents' bulky data kept in a temporary file instead of memory, between reading a
/// corpus and writing the outputs: their source bytes (``SourceText``), reuse tokens
/// (``ReuseTokens``) and evidence offsets, each a ``SpooledArray``.
///
/// Only text reuse and export read these, a document at a time; in memory they were most of
/// what a corpus kept (about 330 MB for 10,000 generated plans). The file is removed from its
/// folder as soon as it is opened, so nothing is left behind however the run ends; the
/// operating system frees it when the last source that points into it is gone, and its pages
/// stay in the page cache while memory allows.
///
/// Nothing is lost when the file fails: ``store(_:)`` then answers nil and the caller keeps
/// the bytes in memory; a failed ``load(_:)`` is recorded in ``readFailure``, which export
/// checks before it lets any file out.
final class DocumentSpool: @unchecked Sendable {  // `end` and `failure` are guarded by `lock`
    private let descriptor: Int32
    private let lock = NSLock()
    private var end = 0
    private var failure: String?

    /// A new spool in the system's temporary folder; nil when none can be made there.
    init?(directory: String = NSTemporaryDirectory()) {
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
            + Array("policycompare-spool-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            let descriptor = mkstemp(base)
            if descriptor >= 0 { unlink(base) }
            return descriptor
        }
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Writes `bytes` at the end of the file: their place in it, or nil when they could not
    /// all be written (a full disk, say).
    func store(_ bytes: [UInt8]) -> Range<Int>? {
        lock.lock()
        let start = end
        end += bytes.count
        lock.unlock()
        let failed = bytes.withUnsafeBytes { FileWrite.all($0, to: descriptor, at: start) }
        return failed == nil ? start..<start + bytes.count : nil
    }

    /// The values stored at `range`, read straight into the array returned; nil, and the
    /// failure recorded, when they cannot be read.
    func load<Element: BitwiseCopyable>(_ range: Range<Int>, as type: Element.Type = UInt8.self) -> [Element]? {
        let stride = MemoryLayout<Element>.stride
        var failed: String? = range.count % stride == 0 ? nil : "\(range.count) bytes are not whole values of \(stride) bytes"
        let values = [Element](unsafeUninitializedCapacity: failed == nil ? range.count / stride : 0) { buffer, count in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var done = 0
            while failed == nil, done < raw.count, let base = raw.baseAddress {
                let read = pread(descriptor, base + done, raw.count - done, off_t(range.lowerBound + done))
                if read < 0, errno == EINTR { continue }
                guard read > 0 else {
                    failed = read < 0 ? String(cString: strerror(errno)) : "the file ends early"
                    break
                }
                done += read
            }
            count = failed == nil ? buffer.count : 0
        }
        guard let failed else { return values }
        lock.lock()
        if failure == nil { failure = "bytes \(range.lowerBound)..<\(range.upperBound): \(failed)" }
        lock.unlock()
        return nil
    }

    /// The first read that failed, if any.
    var readFailure: String? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }
}
