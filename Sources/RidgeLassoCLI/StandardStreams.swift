#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RidgeLassoPlots

/// Standard output and standard error written with `write(2)`, so that a reader that went away, a
/// full disk or a closed descriptor is an outcome the command line handles, not a crash inside
/// Foundation's `FileHandle.write` (which traps on every error).
///
/// - A reader that closed the pipe (`ridgelasso path … | head -1`): EPIPE. The process ends
///   quietly, killed by SIGPIPE as `cat` or `grep` would be (no message, no crash report, and a
///   status the shell does not count as success, so a truncated JSON is never passed off as
///   complete). SIGPIPE itself is ignored until then, so the error arrives as EPIPE at the write
///   that caused it, after every output file is complete.
/// - Any other failure (`> /dev/full`: ENOSPC; a closed descriptor, `>&-`: EBADF): a ``CLIError``,
///   so exit status 1 and one line on standard error.
enum StandardStreams {
    /// Whether descriptor 1 was closed when the process started (see ``prepare()``).
    nonisolated(unsafe) private static var outputWasClosed = false

    /// Ignores SIGPIPE, and puts `/dev/null` on descriptors 0, 1 and 2 when they are closed, so
    /// that no file the command opens later takes their numbers (an output file opened as
    /// descriptor 1 would receive the JSON meant for standard output). A closed standard output is
    /// remembered and reported when the command writes to it. Call once, first, from main.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0, null != fd {
                dup2(null, fd)
                close(null)
            }
            if fd == 1 { outputWasClosed = true }
        }
    }

    /// Writes `text` to standard output, completely.
    /// - Throws: ``CLIError`` (exit status 1) when the write fails; never returns after EPIPE.
    static func writeOutput(_ text: String) throws {
        var text = text
        try text.withUTF8 { try writeOutput(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Writes `bytes` to standard output, completely (`--output -` of a binary file).
    /// - Throws: ``CLIError`` (exit status 1) when the write fails; never returns after EPIPE.
    static func writeOutput(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try writeOutput(bytes: $0) }
    }

    /// Whether standard output is a terminal, where binary output would only garble the screen.
    static var outputIsTerminal: Bool { isatty(1) == 1 }

    private static func writeOutput(bytes: UnsafeRawBufferPointer) throws {
        guard !outputWasClosed else { throw CLIError.data("cannot write standard output: \(reason(EBADF))") }
        guard let code = AtomicFile.writeAll(bytes, to: 1) else { return }
        if code == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
            exit(128 + SIGPIPE)   // not reached: SIGPIPE's default action ends the process
        }
        throw CLIError.data("cannot write standard output: \(reason(code))")
    }

    /// Writes `text` to standard error; a failure there has nowhere to be reported and is ignored.
    static func writeError(_ text: String) {
        _ = writeAll(text, to: 2)
    }

    /// Writes every byte of `text` to `fd`; the errno of a failure, or `nil`.
    private static func writeAll(_ text: String, to fd: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { AtomicFile.writeAll(UnsafeRawBufferPointer($0), to: fd) }
    }

    private static func reason(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message)
    }
}
