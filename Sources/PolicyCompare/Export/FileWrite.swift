import Foundation

/// Positional writes that finish the job `pwrite` may leave half done.
enum FileWrite {
    /// Writes all of `bytes` at `offset` of `descriptor`, again after an interruption or a
    /// short write: nil when done, else the `errno` of the write that failed.
    static func all(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, at offset: Int) -> Int32? {
        var done = 0
        while done < bytes.count, let base = bytes.baseAddress {
            let count = pwrite(descriptor, base + done, bytes.count - done, off_t(offset + done))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return count < 0 ? errno : EIO }
            done += count
        }
        return nil
    }

    /// Closes `descriptor`: nil when done, else the `errno` of the failure.
    static func close(_ descriptor: Int32) -> Int32? {
        closeDescriptor(descriptor) == 0 ? nil : errno
    }
}

/// The C library's `close`, which a type's own `close` method would hide.
private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
