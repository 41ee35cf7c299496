#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RidgeLassoPlots

/// Writing the files that `--output` and `--plot` name.
enum OutputFile {
    /// Writes `text` (UTF-8) to `path`, replacing it atomically (``AtomicFile``): on any failure
    /// the file that stood there is untouched and no temporary file is left.
    /// - Throws: ``CLIError`` (exit status 1) naming the path and the system's reason.
    static func write(_ text: String, to path: String, what: String) throws {
        do {
            try AtomicFile.write(text, to: path, fault: injectedFault)
        } catch {
            throw CLIError.data("\(path): cannot write the \(what) file: \(error.description)")
        }
    }

    /// Writes `bytes` to `path`, replacing it atomically, as ``write(_:to:what:)`` does text.
    /// - Throws: ``CLIError`` (exit status 1) naming the path and the system's reason.
    static func write(_ bytes: [UInt8], to path: String, what: String) throws {
        do {
            try AtomicFile.write(bytes, to: path, fault: injectedFault)
        } catch {
            throw CLIError.data("\(path): cannot write the \(what) file: \(error.description)")
        }
    }

    /// A failure to inject into every output file, named by `RIDGELASSO_TEST_OUTPUT_FAULT`
    /// (`write`, `fsync`, `rename` or `pause`): debug builds only, for the tests that run the
    /// executable; release builds never read the variable.
    static var injectedFault: AtomicFile.Fault? {
        #if DEBUG
        guard let name = getenv("RIDGELASSO_TEST_OUTPUT_FAULT") else { return nil }
        return AtomicFile.Fault(rawValue: String(cString: name))
        #else
        return nil
        #endif
    }

    /// Refuses output files that would destroy the input or each other: an `outputs` path that is
    /// the `input` file itself (same device and inode, whatever the spelling), or two outputs
    /// naming the same file. Runs before anything is read or written.
    /// - Parameter outputs: (option name, path) for every output the command line gave.
    /// - Throws: ``CLIError`` (exit status 2) naming the options.
    static func checkDistinct(input: String, outputs: [(option: String, path: String?)]) throws {
        let given = outputs.compactMap { o in o.path.map { (option: o.option, path: $0) } }
        for (k, o) in given.enumerated() {
            if sameFile(o.path, input) {
                throw CLIError.usage("\(o.option) \(o.path) is the input file: refusing to overwrite the data")
            }
            for other in given[..<k] where other.path == o.path || sameFile(other.path, o.path) {
                throw CLIError.usage("\(other.option) and \(o.option) name the same file \(o.path)")
            }
        }
    }

    /// Whether both paths exist and are the same file.
    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
