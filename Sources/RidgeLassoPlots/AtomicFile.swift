#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces files atomically: a reader, a crash, a full disk or a signal never leaves a half-written
/// file where a good one stood.
///
/// The contract of ``write(_:to:fault:)``: the bytes go to a new temporary file in the target's
/// directory (`.NAME.tmp-XXXXXX`, created exclusively with `O_CREAT | O_EXCL`, so it is ours
/// alone and the final `rename(2)` stays on one file system), are written completely, `fsync`ed
/// and closed; only then is the temporary renamed over the target, and the directory is synced
/// so that the rename itself survives a power loss. On any failure the temporary is removed and
/// the target is exactly as it was (absent, or its old bytes). From before the temporary exists
/// until it is renamed its path is registered with ``TemporaryFiles``, whose signal handlers
/// remove it on SIGINT, SIGTERM or SIGHUP.
///
/// Permissions: a replaced file keeps its mode bits (and, when the process may set them, its
/// owner and group); a new file gets `0666 & ~umask`, as `fopen(path, "w")` would give it.
/// A symbolic link to a regular file is followed: the file it names is replaced and the link
/// stays. A target that exists but is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO) is
/// written in place, since renaming over it would replace the device or pipe itself.
///
/// Shared by the command line and the benchmark: it lives in the module both import, and is
/// `package`, not `public`, since it is not part of any library API.
package enum AtomicFile {
    /// A failure injected on purpose, for tests of the failure paths (the real system calls
    /// cannot be made to fail on demand, least of all as root).
    package enum Fault: String, Sendable, CaseIterable {
        /// The write fails with ENOSPC after half the bytes are written.
        case write
        /// `fsync` of the temporary fails with EIO.
        case fsync
        /// `rename` fails with EIO.
        case rename
        /// The writer sleeps (up to a minute) after syncing the temporary, before renaming it:
        /// a window in which a test can deliver a signal.
        case pauseBeforeRename = "pause"
    }

    /// Writes `text` as UTF-8 to `path`, replacing it atomically (see the type's contract).
    /// - Parameter fault: a failure to inject (tests only); `nil` in normal use.
    /// - Throws: ``AtomicFileError`` naming the path, the step that failed and the system's reason.
    package static func write(_ text: String, to path: String, fault: Fault? = nil) throws(AtomicFileError) {
        var text = text
        try text.withUTF8 { bytes in
            Result { () throws(AtomicFileError) in try write(UnsafeRawBufferPointer(bytes), to: path, fault: fault) }
        }.get()
    }

    /// Writes `bytes` to `path`, replacing it atomically (see the type's contract).
    package static func write(_ bytes: [UInt8], to path: String, fault: Fault? = nil) throws(AtomicFileError) {
        try bytes.withUnsafeBytes { raw in
            Result { () throws(AtomicFileError) in try write(raw, to: path, fault: fault) }
        }.get()
    }

    /// Writes `bytes` to `path`, replacing it atomically (see the type's contract).
    package static func write(_ bytes: UnsafeRawBufferPointer, to path: String, fault: Fault? = nil)
        throws(AtomicFileError) {
        guard !path.isEmpty else { throw AtomicFileError(path: path, step: .open, code: ENOENT) }
        var info = stat()
        var target = path
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                var link = stat()
                if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
                    target = String(cString: resolved)
                    free(resolved)
                }
            case S_IFDIR:
                throw AtomicFileError(path: path, step: .open, code: EISDIR)
            default:
                return try writeInPlace(bytes, to: path, fault: fault)
            }
        }
        let exists = stat(target, &info) == 0
        let (directory, name) = split(target)
        // The name is registered before the file exists, so a signal at any moment finds it (an
        // unlink of a name not yet created is harmless); O_CREAT|O_EXCL makes it ours alone, as
        // mkstemp would, with the same 0600 mode.
        var fd: Int32 = -1, temporary = "", slot: Int? = nil, createError: Int32 = EEXIST
        for _ in 0..<100 where fd < 0 && createError == EEXIST {
            let suffix = String(UInt64.random(in: 0..<(1 << 40)), radix: 36)
            temporary = "\(directory)/.\(name.prefix(200)).tmp-\(suffix)"
            slot = TemporaryFiles.register(temporary)
            fd = createDescriptor(temporary)
            if fd < 0 {
                createError = errno
                TemporaryFiles.unregister(slot)
            }
        }
        guard fd >= 0 else { throw AtomicFileError(path: path, step: .createTemporary, code: createError) }
        var isOpen = true
        func fail(_ step: AtomicFileError.Step, _ code: Int32) -> AtomicFileError {
            if isOpen { _ = closeDescriptor(fd) }
            unlink(temporary)
            TemporaryFiles.unregister(slot)
            return AtomicFileError(path: path, step: step, code: code)
        }
        if exists {
            _ = fchown(fd, info.st_uid, info.st_gid)   // allowed for root or an owner in the group
            guard fchmod(fd, info.st_mode & 0o7777) == 0 else { throw fail(.permissions, errno) }
        } else {
            let mask = umask(0)
            umask(mask)
            guard fchmod(fd, 0o666 & ~mask) == 0 else { throw fail(.permissions, errno) }
        }
        if let code = writeAll(bytes, to: fd, fault: fault) { throw fail(.write, code) }
        if fault == .fsync { throw fail(.sync, EIO) }
        guard fsync(fd) == 0 else { throw fail(.sync, errno) }
        isOpen = false
        guard closeDescriptor(fd) == 0 else { throw fail(.close, errno) }
        if fault == .pauseBeforeRename {
            for _ in 0..<60 { sleep(1) }
        }
        if fault == .rename { throw fail(.rename, EIO) }
        guard rename(temporary, target) == 0 else { throw fail(.rename, errno) }
        TemporaryFiles.unregister(slot)
        // Make the rename durable; a file system that cannot sync a directory still renamed it.
        let directoryDescriptor = openDescriptor(directory, O_RDONLY | O_DIRECTORY)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            _ = closeDescriptor(directoryDescriptor)
        }
    }

    /// Writes into an existing non-regular file (a device, a FIFO) without creating or renaming.
    private static func writeInPlace(_ bytes: UnsafeRawBufferPointer, to path: String, fault: Fault?)
        throws(AtomicFileError) {
        let fd = openDescriptor(path, O_WRONLY)
        guard fd >= 0 else { throw AtomicFileError(path: path, step: .open, code: errno) }
        if let code = writeAll(bytes, to: fd, fault: fault) {
            _ = closeDescriptor(fd)
            throw AtomicFileError(path: path, step: .write, code: code)
        }
        guard closeDescriptor(fd) == 0 else { throw AtomicFileError(path: path, step: .close, code: errno) }
    }

    /// Writes every byte to descriptor `fd` (retrying short writes and EINTR); the errno of a
    /// failure, or `nil`. Also the CLI's writer of standard output and standard error.
    package static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32, fault: Fault? = nil) -> Int32? {
        guard var p = bytes.baseAddress, !bytes.isEmpty else { return fault == .write ? ENOSPC : nil }
        var left = fault == .write ? bytes.count / 2 : bytes.count
        while left > 0 {
            let n = writeDescriptor(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            p += n
            left -= n
        }
        return fault == .write ? ENOSPC : nil
    }

    /// The directory (`.` when none is given) and the last component of `path`.
    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }
}

/// Why ``AtomicFile`` could not replace a file: the path, the step that failed and the `errno`.
package struct AtomicFileError: Error, Equatable, CustomStringConvertible {
    /// The steps of an atomic replacement, in order.
    package enum Step: String, Sendable {
        case open = "opening it"
        case createTemporary = "creating the temporary file"
        case permissions = "setting the permissions of the temporary file"
        case write = "writing"
        case sync = "syncing the temporary file to disk"
        case close = "closing the temporary file"
        case rename = "renaming the temporary file over it"
    }

    /// The path as given.
    package let path: String
    /// The step that failed.
    package let step: Step
    /// The `errno` value.
    package let code: Int32

    /// The system's text for ``code`` ("No space left on device").
    package var reason: String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message)
    }

    /// The reason, and the step when it is not evident (`Input/output error (syncing the
    /// temporary file to disk)`); without the path, which callers put first in their own words.
    package var description: String {
        switch step {
        case .open, .createTemporary, .write: return reason
        default: return "\(reason) (\(step.rawValue))"
        }
    }
}

// `open(2)`, `write(2)` and `close(2)` under names apart from the methods called `write`.
#if canImport(Glibc)
private func openDescriptor(_ path: String, _ flags: Int32) -> Int32 { Glibc.open(path, flags) }
private func createDescriptor(_ path: String) -> Int32 { Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
private func writeDescriptor(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { Glibc.write(fd, p, n) }
func closeDescriptor(_ fd: Int32) -> Int32 { Glibc.close(fd) }
#elseif canImport(Musl)
private func openDescriptor(_ path: String, _ flags: Int32) -> Int32 { Musl.open(path, flags) }
private func createDescriptor(_ path: String) -> Int32 { Musl.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
private func writeDescriptor(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { Musl.write(fd, p, n) }
func closeDescriptor(_ fd: Int32) -> Int32 { Musl.close(fd) }
#else
private func openDescriptor(_ path: String, _ flags: Int32) -> Int32 { Darwin.open(path, flags) }
private func createDescriptor(_ path: String) -> Int32 { Darwin.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
private func writeDescriptor(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { Darwin.write(fd, p, n) }
func closeDescriptor(_ fd: Int32) -> Int32 { Darwin.close(fd) }
#endif
