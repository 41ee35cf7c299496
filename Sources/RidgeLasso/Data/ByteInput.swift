#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a file (read in chunks) or of an in-memory buffer, handed out line by line for
/// ``CSVReader``. Internal: lines point into a buffer that the next call may move.
///
/// Invariant: `buffer[end]` is always a NUL byte, so a number parser reading past the last line of
/// the data stops there.
final class ByteInput {
    /// The path or name given, for messages.
    let source: String
    /// Size of the whole input in bytes.
    private(set) var totalBytes: Int

    private var fd: Int32 = -1
    private var buffer: UnsafeMutablePointer<UInt8>
    /// Usable bytes in `buffer` (one more is allocated for the NUL).
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var atEOF: Bool

    private static let chunkSize = 1 << 20

    /// Opens `path`. A regular file is read in chunks; anything else (a pipe, `/dev/stdin`) is
    /// read whole into memory first, since it cannot be read twice.
    init(path: String) throws(CSVError) {
        source = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(file: path, reason: ByteInput.lastError()) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = ByteInput.lastError()
            _ = Glibc_close(descriptor)
            throw .unreadable(file: path, reason: reason)
        }
        let kind = UInt32(info.st_mode) & 0o170000
        if kind == 0o040000 {
            _ = Glibc_close(descriptor)
            throw .unreadable(file: path, reason: "is a directory")
        }
        capacity = ByteInput.chunkSize
        buffer = .allocate(capacity: capacity + 1)
        buffer[0] = 0
        fd = descriptor
        if kind == 0o100000 {
            totalBytes = Int(info.st_size)
            atEOF = false
        } else {
            totalBytes = 0
            atEOF = false
            do throws(CSVError) {
                while !atEOF { try refill() }
            } catch {
                buffer.deallocate()
                _ = Glibc_close(descriptor)
                fd = -1
                throw error
            }
            totalBytes = end
            _ = Glibc_close(descriptor)
            fd = -1
        }
    }

    /// Wraps bytes held in memory.
    init(bytes: [UInt8], source: String) {
        self.source = source
        totalBytes = bytes.count
        capacity = bytes.count
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 1)
        bytes.withUnsafeBufferPointer { b in
            if let base = b.baseAddress { storage.update(from: base, count: b.count) }
        }
        storage[bytes.count] = 0
        buffer = storage
        end = capacity
        atEOF = true
    }

    deinit { close() }

    /// Releases the file and the buffer; idempotent.
    func close() {
        if fd >= 0 { _ = Glibc_close(fd); fd = -1 }
        if capacity >= 0 { buffer.deallocate(); capacity = -1 }
    }

    /// The number of lines in the input (a last line without a newline counts), read without
    /// moving the position of ``nextLine()``.
    func countLines() throws(CSVError) -> Int {
        var newlines = 0
        var last: UInt8 = UInt8(ascii: "\n")
        func count(_ p: UnsafeMutablePointer<UInt8>, _ n: Int) {
            var q = UnsafeMutableRawPointer(p)
            var left = n
            while left > 0, let hit = memchr(q, 10, left) {
                newlines += 1
                let advance = hit - q + 1
                q = hit + 1
                left -= advance
            }
            if n > 0 { last = p[n - 1] }
        }
        if fd < 0 {
            count(buffer + start, end - start)
        } else {
            guard start == 0, end == 0 else { preconditionFailure("countLines must come first") }
            var offset = 0
            while true {
                let n = pread(fd, buffer, capacity, off_t(offset))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw .unreadable(file: source, reason: ByteInput.lastError())
                }
                if n == 0 { break }
                count(buffer, n)
                offset += n
            }
            buffer[0] = 0
            totalBytes = offset
        }
        return newlines + (last == UInt8(ascii: "\n") ? 0 : 1)
    }

    /// The next line (without its `\n`), or `nil` at the end of the input. The pointer is valid
    /// until the next call.
    func nextLine() throws(CSVError) -> (start: UnsafeMutablePointer<UInt8>, count: Int)? {
        var searched = 0
        while true {
            let available = end - start
            if available > searched, let hit = memchr(buffer + start + searched, 10, available - searched) {
                let lineStart = buffer + start
                let length = hit.assumingMemoryBound(to: UInt8.self) - lineStart
                start += length + 1
                return (lineStart, length)
            }
            searched = available
            if atEOF {
                if available == 0 { return nil }
                let lineStart = buffer + start
                start = end
                return (lineStart, available)
            }
            try refill()   // keeps the unread bytes, so `searched` (relative to start) stays valid
        }
    }

    /// Whether every remaining line is blank (spaces and tabs only); consumes them.
    func restIsBlank() throws(CSVError) -> Bool {
        while let line = try nextLine() {
            for k in 0..<line.count {
                let b = line.start[k]
                if b != 0x20, b != 0x09, b != 0x0D { return false }
            }
        }
        return true
    }

    /// Moves the unread bytes to the front, grows the buffer when it is full, and reads more.
    private func refill() throws(CSVError) {
        if start > 0 {
            let unread = end - start
            if unread > 0 { memmove(buffer, buffer + start, unread) }
            end = unread
            start = 0
        }
        if end == capacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * capacity + 1)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        while true {
            let n = read(fd, buffer + end, capacity - end)
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(file: source, reason: ByteInput.lastError())
            }
            if n == 0 { atEOF = true }
            end += n
            break
        }
        buffer[end] = 0
    }

    private static func lastError() -> String {
        guard let message = strerror(errno) else { return "error \(errno)" }
        return String(cString: message)
    }
}

/// `close(2)`, named apart from ``ByteInput/close()``.
@inline(__always)
private func Glibc_close(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
    return Glibc.close(fd)
    #elseif canImport(Musl)
    return Musl.close(fd)
    #else
    return Darwin.close(fd)
    #endif
}
