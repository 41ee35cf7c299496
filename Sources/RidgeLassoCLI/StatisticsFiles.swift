#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RidgeLasso

/// Reading and writing `.rlstats` files for `stats`, `merge` and `fit --stats`.
enum StatisticsFiles {
    /// Reads and decodes `path`.
    /// - Throws: ``CLIError`` (exit status 1): unreadable, or the file's ``StatisticsFileError``.
    static func read(_ path: String) throws -> StatisticsFile {
        guard let file = fopen(path, "rb") else {
            throw CLIError.data("\(path): cannot read the statistics file: \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            bytes += chunk[0..<count]
            if count < chunk.count {
                if ferror(file) != 0 {
                    throw CLIError.data("\(path): cannot read the statistics file: \(String(cString: strerror(errno)))")
                }
                break
            }
        }
        do { return try StatisticsFile(decoding: bytes, source: path) } catch { throw CLIError.data(error.description) }
    }

    /// Writes `file` to `path`, replacing it.
    /// - Throws: ``CLIError`` (exit status 1) naming the path and the system's reason.
    static func write(_ file: StatisticsFile, to path: String) throws {
        let bytes = file.encoded()
        guard let handle = fopen(path, "wb") else {
            throw CLIError.data("\(path): cannot write the statistics file: \(String(cString: strerror(errno)))")
        }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) }
        let writeFailed = written != bytes.count
        let closeFailed = fclose(handle) != 0
        if writeFailed || closeFailed {
            throw CLIError.data("\(path): cannot write the statistics file: \(String(cString: strerror(errno)))")
        }
    }
}
