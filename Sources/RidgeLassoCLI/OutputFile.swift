#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing the files that `--output` and `--plot` name.
enum OutputFile {
    /// Writes `text` (UTF-8) to `path`, replacing it.
    /// - Throws: ``CLIError`` (exit status 1) naming the path and the system's reason.
    static func write(_ text: String, to path: String, what: String) throws {
        guard let file = fopen(path, "w") else {
            throw CLIError.data("\(path): cannot write the \(what) file: \(reason())")
        }
        var bytes = Array(text.utf8)
        let written = fwrite(&bytes, 1, bytes.count, file)
        let writeFailed = written != bytes.count
        let closeFailed = fclose(file) != 0
        if writeFailed || closeFailed {
            throw CLIError.data("\(path): cannot write the \(what) file: \(reason())")
        }
    }

    private static func reason() -> String {
        guard let message = strerror(errno) else { return "error \(errno)" }
        return String(cString: message)
    }
}
