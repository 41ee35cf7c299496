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

    /// Reads `path` and merges its folds; `target`, when given, must be the statistics' target.
    /// - Throws: ``CLIError`` (exit status 1) naming the file.
    static func load(_ path: String, target: String?) throws -> (file: StatisticsFile, all: SufficientStatistics) {
        let file = try read(path)
        let all: SufficientStatistics
        do { all = try file.combined() } catch { throw CLIError.data("\(path): \(error)") }
        // Statistics of several targets come from the library; every command here fits one.
        guard all.targetNames.count == 1 else {
            throw CLIError.data("\(path): the statistics hold \(all.targetNames.count) targets (\(list(all.targetNames))); "
                + "the command line fits statistics of one target, as `ridgelasso stats` writes them")
        }
        if let target, target != all.targetNames[0] {
            throw CLIError.data("\(path): the statistics are for the target \(quoted(all.targetNames[0])), not \(quoted(target))")
        }
        return (file, all)
    }

    /// Writes `file` to `path`, replacing it atomically (``OutputFile``), or to standard output
    /// when `path` is `-` (for pipelines: a shell, ssh, Spark's `RDD.pipe` through base64). The
    /// file is encoded whole before the first byte is written, so a failure writes nothing.
    /// - Throws: ``CLIError`` (exit status 1) naming the path and the system's reason.
    static func write(_ file: StatisticsFile, to path: String) throws {
        if path == "-" {
            try StandardStreams.writeOutput(file.encoded())
        } else {
            try OutputFile.write(file.encoded(), to: path, what: "statistics")
        }
    }

    /// Refuses `--output -` when standard output is a terminal, as gzip does: binary statistics
    /// there are lost and garble the screen. Runs before anything is read.
    /// - Throws: ``CLIError`` (exit status 2).
    static func checkOutput(_ path: String) throws {
        if path == "-", StandardStreams.outputIsTerminal {
            throw CLIError.usage("--output - writes binary statistics to standard output, which is a terminal; redirect or pipe it")
        }
    }
}
