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
/// Stored bytes are gathered into blocks of ``blockSize`` and each full block is written with
/// one call: a document stores six arrays, and writing each with a call of its own was 60,000
/// writes for 10,000 generated plans. ``finishWriting()`` writes the last block; until a
/// block is written, loads read its bytes where they wait.
///
/// Nothing is lost when the file fails: a block that cannot be written (a full disk, say)
/// stays in memory and loads read it there; a failed ``load(_:)`` is recorded in
/// ``readFailure``, which export checks before it lets any file out.
final class DocumentSpool: @unchecked Sendable {  // every `var` is guarded by `lock`
    /// The file's descriptor.
    let descriptor: Int32
    private let lock = NSLock()
    private var end = 0
    private var failure: String?
    /// Bytes per write.
    let blockSize: Int
    /// The stored bytes from `pendingStart` to `end`, not written yet.
    private var pending: [UInt8] = []
    private var pendingStart = 0
    /// Blocks that could not be written, by their start in the file: kept for loads.
    private var unwritten: [(start: Int, bytes: [UInt8])] = []

    /// A new spool in the system's temporary folder; nil when none can be made there.
    init?(directory: String = NSTemporaryDirectory(), blockSize: Int = 1 << 20) {
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
        self.blockSize = max(1, blockSize)
    }

    deinit {
        close(descriptor)
    }

    /// Adds `bytes` after those stored before: their place in the file.
    func store(_ bytes: [UInt8]) -> Range<Int> {
        lock.lock()
        let start = end
        end += bytes.count
        if pending.isEmpty {
            pendingStart = start
            pending.reserveCapacity(max(blockSize, bytes.count))
        }
        pending.append(contentsOf: bytes)
        let full = pending.count >= blockSize ? takePending() : nil
        lock.unlock()
        if let full { write(full) }
        return start..<start + bytes.count
    }

    /// Writes the bytes stored since the last full block: once every value is stored.
    func finishWriting() {
        lock.lock()
        let last = pending.isEmpty ? nil : takePending()
        lock.unlock()
        if let last { write(last) }
    }

    /// The waiting bytes and their start, handed over for writing. Until ``write(_:)`` has
    /// written them they are kept in `unwritten`, where loads find them.
    private func takePending() -> (start: Int, bytes: [UInt8]) {
        let block = (start: pendingStart, bytes: pending)
        unwritten.append(block)
        pending = []
        pendingStart = end
        return block
    }

    /// Writes `block`, and forgets its bytes once they are in the file.
    private func write(_ block: (start: Int, bytes: [UInt8])) {
        guard block.bytes.withUnsafeBytes({ FileWrite.all($0, to: descriptor, at: block.start) }) == nil else { return }
        lock.lock()
        unwritten.removeAll { $0.start == block.start }
        lock.unlock()
    }

    /// The values stored at `range`, read straight into the array returned (or copied from
    /// where they wait to be written); nil, and the failure recorded, when they cannot be read.
    func load<Element: BitwiseCopyable>(_ range: Range<Int>, as type: Element.Type = UInt8.self) -> [Element]? {
        let stride = MemoryLayout<Element>.stride
        var failed: String? = range.count % stride == 0 ? nil : "\(range.count) bytes are not whole values of \(stride) bytes"
        lock.lock()
        let waiting = failed == nil ? waitingBytes(range) : nil
        lock.unlock()
        let values = [Element](unsafeUninitializedCapacity: failed == nil ? range.count / stride : 0) { buffer, count in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            if let waiting {
                waiting.bytes.withUnsafeBytes { raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[waiting.offset..<waiting.offset + raw.count])) }
                count = buffer.count
                return
            }
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

    /// The bytes not in the file yet that hold `range`, and where in them it starts; nil when
    /// the range is in the file (or stored nowhere). Called with `lock` held.
    private func waitingBytes(_ range: Range<Int>) -> (bytes: [UInt8], offset: Int)? {
        if !pending.isEmpty, range.lowerBound >= pendingStart, range.upperBound <= end {
            return (pending, range.lowerBound - pendingStart)
        }
        for block in unwritten where range.lowerBound >= block.start && range.upperBound <= block.start + block.bytes.count {
            return (block.bytes, range.lowerBound - block.start)
        }
        return nil
    }

    /// The first read that failed, if any.
    var readFailure: String? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }
}
