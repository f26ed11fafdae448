import Foundation

/// A new file written front to back, whose earlier bytes can be written over in place.
///
/// Large tables run to hundreds of megabytes (559 MB of evidence for 10,000 generated plans).
/// Written through the page cache, the kernel's copy of those bytes cost 3 to 5 s of CPU on
/// the benchmark machine (a virtual machine, whose fresh page-cache pages are slow to touch),
/// more than rendering them. So the bytes are gathered into whole aligned blocks, and each
/// full block goes to the disk with direct I/O (`O_DIRECT`, Linux) on a background queue
/// while the next is filled: the disk takes a block in about a millisecond, and the copy
/// leaves the profile. Two blocks take turns, so a file needs 2 MB of memory however long.
///
/// The disk is shared, though: the run's files (1.1 GB at 10,000 plans) are written at once,
/// and the disk took them in 2 to 2.5 s, most of the export. So a block filled while the
/// disk is still taking the one before is not held until it is free: it goes through the
/// page cache at once (``blocksWrittenInPlace``), and the CPU's copy and the disk share
/// the work (a quarter to a third of the bytes went that way at 10,000 plans, and export
/// was about 0.3 s shorter: medians 2.46 and 2.75 s in eight alternating pairs).
///
/// What is not a whole block (the end of the file, or a file smaller than a block), and
/// every write over earlier bytes, goes through an ordinary descriptor. Where direct I/O is
/// not offered (another system, or a file system that refuses it, such as some network
/// shares) the blocks go through that descriptor too: the bytes are the same either way.
final class StreamedFile {
    /// Bytes per block: a multiple of every disk's logical block size, and large enough that
    /// each write costs the disk little besides the transfer.
    static let defaultBlockSize = 1 << 20

    private let path: String
    private let blockSize: Int
    /// The ordinary descriptor, for what is not a whole block; -1 once closed.
    private var descriptor: Int32
    private let writer: BlockWriter
    private let blocks: [UnsafeMutableRawPointer]
    /// The block being filled, and how many of its bytes are.
    private var current = 0
    private var filled = 0
    /// Where in the file the block being filled starts: every byte before it has gone to
    /// the writer.
    private var blockStart = 0
    /// Blocks not being filled and not waiting to be written.
    private let free: DispatchSemaphore
    /// Full blocks written through the page cache while the writer was busy with the one before.
    private(set) var blocksWrittenInPlace = 0

    /// Creates (or empties) the file at `url`; with `direct`, full blocks bypass the page
    /// cache where the system allows it.
    ///
    /// - Throws: ``OutputError/cannotWrite(_:reason:)`` when the file cannot be created.
    init(url: URL, direct: Bool = true, blockSize: Int = defaultBlockSize) throws(OutputError) {
        path = url.path
        let blockSize = max(Self.alignment, blockSize / Self.alignment * Self.alignment)
        self.blockSize = blockSize
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
        descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path, errno) }
        var directDescriptor: Int32 = -1
        if direct, let directFlag = Self.directFlag {
            directDescriptor = open(path, O_WRONLY | O_CLOEXEC | directFlag)
        }
        writer = BlockWriter(path: path, direct: directDescriptor, buffered: descriptor)
        blocks = (0..<2).map { _ in UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: Self.alignment) }
        free = DispatchSemaphore(value: blocks.count - 1)
    }

    deinit {
        writer.finish()
        for block in blocks { block.deallocate() }
        if descriptor >= 0 { _ = FileWrite.close(descriptor) }
    }

    /// Memory and file offsets of direct writes are multiples of this (the page size, which
    /// every disk's logical block size divides).
    private static let alignment = 4096

    /// `O_DIRECT`, which Swift does not import from the C headers; nil where it is unknown.
    private static var directFlag: Int32? {
        #if os(Linux) && (arch(x86_64) || arch(i386))
        0o40000
        #elseif os(Linux) && arch(arm64)
        0o200000
        #else
        nil
        #endif
    }

    /// Appends `source`'s bytes at the end of the file.
    ///
    /// - Throws: ``OutputError/cannotWrite(_:reason:)`` for an earlier block that failed (a
    ///   full disk, say).
    func write(_ source: UnsafeRawBufferPointer) throws(OutputError) {
        try writer.check()
        guard let base = source.baseAddress else { return }
        var done = 0
        while done < source.count {
            let count = min(source.count - done, blockSize - filled)
            (blocks[current] + filled).copyMemory(from: base + done, byteCount: count)
            filled += count
            done += count
            if filled == blockSize { submitBlock() }
        }
    }

    /// Lets `render` append bytes at the end of the file through a ``Sink``, which renders
    /// them straight into the block being filled; what `render` throws is thrown on.
    ///
    /// Rendered into a buffer of their own and then copied into the block, a large table's
    /// bytes were copied once more than needed (80 MB for the CSV files of 200 plans).
    func withSink<R>(_ render: (inout Sink) throws -> R) rethrows -> R {
        var sink = Sink(file: self)
        defer { filled = sink.filled }
        return try render(&sink)
    }

    /// Hands the full block to the writer and goes on in the other, when the writer is done
    /// with it; while the disk is still taking the block before, writes this one through the
    /// page cache itself and goes on in the same block.
    private func submitBlock() {
        let block = UnsafeRawBufferPointer(start: blocks[current], count: filled)
        if free.wait(timeout: .now()) == .timedOut {
            if let failed = FileWrite.all(block, to: descriptor, at: blockStart) { writer.record(failed) }
            blocksWrittenInPlace += 1
        } else {
            writer.write(Block(bytes: block, offset: blockStart), then: free)
            current = (current + 1) % blocks.count
        }
        blockStart += filled
        filled = 0
    }

    /// Runs `body` while the writer takes no block: every full block after the first is then
    /// written in place (for tests of a busy disk). `body` must not write over earlier bytes
    /// or close the file, which wait for the writer.
    func whileWriterIsBusy<R>(_ body: () throws -> R) rethrows -> R {
        let release = DispatchSemaphore(value: 0)
        writer.hold(until: release)
        defer { release.signal() }
        return try body()
    }

    /// Whether full blocks go to the disk with direct I/O (false once a write refused it).
    var writesDirectly: Bool {
        writer.writesDirectly
    }

    /// Writes `bytes` over the file's bytes from `offset` on (bytes already written).
    ///
    /// - Throws: ``OutputError/cannotWrite(_:reason:)`` when they cannot be written.
    func overwrite(at offset: Int, with bytes: [UInt8]) throws(OutputError) {
        precondition(offset >= 0 && offset + bytes.count <= blockStart + filled, "only bytes already written are written over")
        // The part still in memory is patched there; the part before it, once every block
        // is on the disk, through the ordinary descriptor.
        let onDisk = max(0, min(bytes.count, blockStart - offset))
        bytes.withUnsafeBytes { source in
            if onDisk < source.count, let base = source.baseAddress {
                (blocks[current] + (offset + onDisk - blockStart)).copyMemory(from: base + onDisk, byteCount: source.count - onDisk)
            }
        }
        if onDisk > 0 {
            writer.finish()
            try writer.check()
            let failed = bytes.withUnsafeBytes { FileWrite.all(UnsafeRawBufferPointer(rebasing: $0[..<onDisk]), to: descriptor, at: offset) }
            if let failed { throw Self.failure(path, failed) }
        }
    }

    /// Writes what is left and closes the file.
    ///
    /// - Throws: ``OutputError/cannotWrite(_:reason:)`` for any block that could not be written.
    func close() throws(OutputError) {
        writer.finish()
        try writer.check()
        if let failed = FileWrite.all(UnsafeRawBufferPointer(start: blocks[current], count: filled), to: descriptor, at: blockStart) {
            throw Self.failure(path, failed)
        }
        let failed = FileWrite.close(descriptor)
        descriptor = -1
        if let failed { throw Self.failure(path, failed) }
    }

    /// The error for `path`, with the system's reason for `code` (an `errno`).
    fileprivate static func failure(_ path: String, _ code: Int32) -> OutputError {
        .cannotWrite(path, reason: String(cString: strerror(code)))
    }
}

extension StreamedFile {
    /// Bytes appended at the end of a ``StreamedFile``, in place in its block being filled
    /// (see ``StreamedFile/withSink(_:)``), each full block handed to the disk as it fills.
    ///
    /// Not copyable, and only lent to a `withSink` body: the block's place is the sink's
    /// while it renders, and the file's again once the body returns.
    struct Sink: ByteSink, ~Copyable {
        private let file: StreamedFile
        private var base: UnsafeMutablePointer<UInt8>
        private var position: UnsafeMutablePointer<UInt8>
        private var end: UnsafeMutablePointer<UInt8>

        fileprivate init(file: StreamedFile) {
            self.file = file
            base = file.blocks[file.current].assumingMemoryBound(to: UInt8.self)
            position = base + file.filled
            end = base + file.blockSize
        }

        /// Bytes of the file so far, those written before the sink included.
        var count: Int {
            file.blockStart + filled
        }

        /// Bytes of the block being filled.
        fileprivate var filled: Int {
            base.distance(to: position)
        }

        /// Throws the error of a block that could not be written, if any: so a renderer can
        /// stop early (a full disk, say) rather than render the rest of a large file for nothing.
        func check() throws(OutputError) {
            try file.writer.check()
        }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            if position == end { nextBlock() }
            position.initialize(to: byte)
            position += 1
        }

        mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard var source = bytes.baseAddress else { return }
            var left = bytes.count
            while left > position.distance(to: end) {
                let room = position.distance(to: end)
                position.initialize(from: source, count: room)
                source += room
                left -= room
                position = end
                nextBlock()
            }
            position.initialize(from: source, count: left)
            position += left
        }

        @inline(__always)
        mutating func append(word: UInt64, count: Int) {
            guard position.distance(to: end) >= 8 else { return appendNearEnd(word: word, count: count) }
            UnsafeMutableRawPointer(position).storeBytes(of: word.littleEndian, as: UInt64.self)
            position += min(max(count, 0), 8)
        }

        /// ``append(word:count:)`` a byte at a time, where the block has no room for the word.
        @inline(never)
        private mutating func appendNearEnd(word: UInt64, count: Int) {
            for k in 0..<min(max(count, 0), 8) { append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(k)))) }
        }

        /// Hands the full block to the disk and goes on in the next.
        @inline(never)
        private mutating func nextBlock() {
            file.filled = filled
            file.submitBlock()
            base = file.blocks[file.current].assumingMemoryBound(to: UInt8.self)
            position = base
            end = base + file.blockSize
        }
    }
}

/// One full block and where it goes in the file.
private struct Block: @unchecked Sendable {  // the memory is the file's, untouched until the write is done
    var bytes: UnsafeRawBufferPointer
    var offset: Int
}

/// Writes a file's full blocks in order on a queue of its own, and keeps the first failure.
private final class BlockWriter: @unchecked Sendable {  // `direct` is used on `queue` only; `failure` is guarded by `lock`
    private let path: String
    private let queue = DispatchQueue(label: "PolicyCompare.StreamedFile")
    private var direct: Int32
    private let buffered: Int32
    private let lock = NSLock()
    private var failure: OutputError?

    init(path: String, direct: Int32, buffered: Int32) {
        self.path = path
        self.direct = direct
        self.buffered = buffered
    }

    deinit {
        if direct >= 0 { _ = FileWrite.close(direct) }
    }

    /// Writes `block` after the blocks before it, then signals `done`.
    func write(_ block: Block, then done: DispatchSemaphore) {
        queue.async { [self] in
            defer { done.signal() }
            if failedAlready { return }
            if direct >= 0 {
                guard let error = FileWrite.all(block.bytes, to: direct, at: block.offset) else { return }
                // A file system that takes the flag at open but not the write: go on without it.
                guard error == EINVAL else { return record(error) }
                _ = FileWrite.close(direct)
                direct = -1
            }
            if let error = FileWrite.all(block.bytes, to: buffered, at: block.offset) { record(error) }
        }
    }

    /// Keeps the writer from the blocks handed over after this call until `release` is signalled.
    func hold(until release: DispatchSemaphore) {
        queue.async { release.wait() }
    }

    /// Whether blocks go out with direct I/O.
    var writesDirectly: Bool {
        queue.sync { direct >= 0 }
    }

    /// Returns once every block handed over is written (or has failed).
    func finish() {
        queue.sync {}
    }

    /// Throws the first failure, if any.
    func check() throws(OutputError) {
        lock.lock()
        let failure = self.failure
        lock.unlock()
        if let failure { throw failure }
    }

    private var failedAlready: Bool {
        lock.lock()
        defer { lock.unlock() }
        return failure != nil
    }

    func record(_ error: Int32) {
        lock.lock()
        if failure == nil { failure = StreamedFile.failure(path, error) }
        lock.unlock()
    }
}

