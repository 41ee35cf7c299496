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
/// A regular file is read with `pread` from ``fileOffset`` up to ``fileLimit``, so that two
/// inputs on the same file can read two halves of it in parallel.
///
/// Invariant: `buffer[end]` is always a NUL byte, so a number parser reading past the last line of
/// the data stops there.
final class ByteInput {
    /// The path or name given, for messages.
    let source: String
    /// Size of the whole input in bytes.
    private(set) var totalBytes: Int

    private var fd: Int32 = -1
    /// Whether `fd` is a regular file read with `pread` (else everything is in the buffer).
    private var seekable = false
    /// The file offset of the next byte to read into the buffer.
    private var fileOffset = 0
    /// The file offset where reading stops.
    private var fileLimit = Int.max

    private var buffer: UnsafeMutablePointer<UInt8>
    /// Usable bytes in `buffer` (one more is allocated for the NUL).
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var atEOF: Bool

    private static let chunkSize = 1 << 20

    /// The longest line ``nextLine()`` returns; a longer one is ``CSVError/lineTooLong(file:line:limit:)``
    /// as soon as that many bytes are buffered without a newline, so the buffer never grows
    /// past about twice this size.
    var lineLimit = Int.max
    /// The line number of the next line ``nextLine()`` returns (1-based), for messages.
    var lineNumber = 1

    /// The line count of the input and, for a large regular file, a point near its middle where
    /// a line starts (for reading the two halves in parallel).
    struct LineCount {
        /// Lines in the input (a last line without a newline counts).
        var lines: Int
        /// The file offset just after the first newline at or past the middle, and the number of
        /// lines before that offset; `nil` when the input is small or not a regular file.
        var split: (offset: Int, linesBefore: Int)?
    }

    /// Opens `path`. A regular file is read in chunks, from `offset`; anything else (a pipe,
    /// `/dev/stdin`) is read whole into memory first, since it cannot be read twice.
    init(path: String, offset: Int = 0) throws(CSVError) {
        source = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(file: path, reason: ByteInput.lastError()) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = ByteInput.lastError()
            _ = closeDescriptor(descriptor)
            throw .unreadable(file: path, reason: reason)
        }
        let kind = UInt32(info.st_mode) & 0o170000
        if kind == 0o040000 {
            _ = closeDescriptor(descriptor)
            throw .unreadable(file: path, reason: "is a directory")
        }
        capacity = ByteInput.chunkSize
        buffer = .allocate(capacity: capacity + 1)
        buffer[0] = 0
        fd = descriptor
        atEOF = false
        if kind == 0o100000 {
            totalBytes = Int(info.st_size)
            seekable = true
            fileOffset = offset
        } else {
            totalBytes = 0
            do throws(CSVError) {
                while !atEOF { try refill() }
            } catch {
                buffer.deallocate()
                _ = closeDescriptor(descriptor)
                fd = -1
                throw error
            }
            totalBytes = end
            _ = closeDescriptor(descriptor)
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
        if fd >= 0 { _ = closeDescriptor(fd); fd = -1 }
        if capacity >= 0 { buffer.deallocate(); capacity = -1 }
    }

    /// Whether this input reads a regular file (so that a second input can read part of it).
    var isRegularFile: Bool { seekable }

    /// Counts the lines of the whole input without moving the position of ``nextLine()``, and,
    /// for a regular file of at least `splitThreshold` bytes, finds a line start near the middle.
    func countLines(splitThreshold: Int = Int.max) throws(CSVError) -> LineCount {
        var newlines = 0
        var last: UInt8 = UInt8(ascii: "\n")
        var split: (offset: Int, linesBefore: Int)?
        var middle = Int.max
        func count(_ p: UnsafeMutablePointer<UInt8>, _ n: Int, at base: Int) {
            let origin = UnsafeMutableRawPointer(p)
            var q = origin
            var left = n
            while left > 0, let hit = memchr(q, 10, left) {
                newlines += 1
                let position = base + (hit - origin)
                if split == nil, position >= middle { split = (position + 1, newlines) }
                let advance = hit - q + 1
                q = hit + 1
                left -= advance
            }
            if n > 0 { last = p[n - 1] }
        }
        if !seekable {
            count(buffer + start, end - start, at: 0)
        } else {
            guard start == 0, end == 0, fileOffset == 0 else { preconditionFailure("countLines must come first") }
            var offset = 0
            if totalBytes >= splitThreshold { middle = totalBytes / 2 }
            while true {
                let n = pread(fd, buffer, capacity, off_t(offset))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw .unreadable(file: source, reason: ByteInput.lastError())
                }
                if n == 0 { break }
                count(buffer, n, at: offset)
                offset += n
            }
            buffer[0] = 0
            totalBytes = offset
            if let s = split, s.offset >= totalBytes { split = nil }
        }
        return LineCount(lines: newlines + (last == UInt8(ascii: "\n") ? 0 : 1), split: split)
    }

    /// Stops the input at file offset `limit` (bytes already buffered past it are dropped).
    func limit(to limit: Int) {
        guard seekable else { return }
        if fileOffset > limit {
            let drop = min(fileOffset - limit, end - start)
            end -= drop
            buffer[end] = 0
            fileOffset = limit
        }
        fileLimit = limit
    }

    /// Moves the position of ``nextLine()`` back to `offset`, a line start of the input, whose
    /// line number is `line`, and lifts any ``limit(to:)``: the reader's general path re-reads the
    /// data rows after the fast path gave up on them.
    func rewind(to offset: Int, line: Int) {
        lineNumber = line
        if seekable {
            start = 0
            end = 0
            buffer[0] = 0
            fileOffset = offset
            fileLimit = Int.max
            atEOF = false
        } else {
            start = min(offset, end)   // the whole input is in the buffer, from offset 0
        }
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
                guard length <= lineLimit else { throw .lineTooLong(file: source, line: lineNumber, limit: lineLimit) }
                start += length + 1
                lineNumber += 1
                return (lineStart, length)
            }
            searched = available
            guard available <= lineLimit else { throw .lineTooLong(file: source, line: lineNumber, limit: lineLimit) }
            if atEOF {
                if available == 0 { return nil }
                let lineStart = buffer + start
                start = end
                lineNumber += 1
                return (lineStart, available)
            }
            try refill()   // keeps the unread bytes, so `searched` (relative to start) stays valid
        }
    }

    /// Starts again at the first line (a second pass over the same input): a regular file is
    /// read again from its start; anything else is still whole in the buffer.
    func rewind() {
        if seekable {
            start = 0
            end = 0
            fileOffset = 0
            atEOF = false
            buffer[0] = 0
        } else {
            start = 0
        }
        lineNumber = 1
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
            let n: Int
            if seekable {
                let wanted = min(capacity - end, fileLimit - fileOffset)
                n = wanted > 0 ? pread(fd, buffer + end, wanted, off_t(fileOffset)) : 0
            } else {
                n = read(fd, buffer + end, capacity - end)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(file: source, reason: ByteInput.lastError())
            }
            if n == 0 { atEOF = true }
            end += n
            fileOffset += n
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
private func closeDescriptor(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
    return Glibc.close(fd)
    #elseif canImport(Musl)
    return Musl.close(fd)
    #else
    return Darwin.close(fd)
    #endif
}
