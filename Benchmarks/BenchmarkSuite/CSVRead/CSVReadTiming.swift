#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import RidgeLasso
import RidgeLassoCSV
import RidgeLassoPlots

/// How fast ``CSVReader`` turns a numeric CSV file into a matrix, next to how fast the same file's
/// bytes can merely be read (the baseline, measured in the same run on the same cached file).
public struct CSVReadTiming: Sendable, CustomStringConvertible {
    /// Shape of the generated table (data rows × columns).
    public let rows: Int
    public let columns: Int
    /// Size of the generated file.
    public let fileBytes: Int
    /// Median wall-clock seconds of `CSVReader.read(contentsOf:)` over the repetitions.
    public let parseSeconds: Double
    /// Median wall-clock seconds to `read(2)` the file's bytes in 1 MiB chunks, doing nothing with them.
    public let rawReadSeconds: Double
    /// Bytes of the resulting matrix (rows · columns · 8).
    public let matrixBytes: Int
    /// The process's peak resident set size after the reads (`getrusage` `ru_maxrss`), in bytes;
    /// process-wide, so an upper bound on what the reader used.
    public let peakResidentBytes: Int

    /// Parse throughput in MB/s (10⁶ bytes per second) of file text.
    public var megabytesPerSecond: Double { Double(fileBytes) / 1e6 / parseSeconds }
    /// Raw read throughput in MB/s of the same file.
    public var rawReadMegabytesPerSecond: Double { Double(fileBytes) / 1e6 / rawReadSeconds }

    public var description: String {
        func f(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }
        return "CSV read \(rows)×\(columns), \(f(Double(fileBytes) / 1e6)) MB: "
            + "\(f(parseSeconds, 2)) s = \(f(megabytesPerSecond)) MB/s "
            + "(raw read \(f(rawReadMegabytesPerSecond)) MB/s, parse/raw time \(f(parseSeconds / rawReadSeconds))×); "
            + "matrix \(f(Double(matrixBytes) / 1e6)) MB, peak RSS \(f(Double(peakResidentBytes) / 1e6)) MB"
    }
}

/// Errors of the timing run itself (the generated file could not be written).
public struct CSVReadTimingError: Error, CustomStringConvertible {
    public let description: String
}

/// Generates a `rows × columns` numeric CSV (header `x1,…,x{columns}`, values drawn from a seeded
/// generator and written in Swift's shortest round-trip form, e.g. `-0.7316411263541727`, as
/// pandas' `to_csv` writes them), then times ``CSVReader/read(contentsOf:)`` on it against a raw
/// `read(2)` of the same bytes. Each measurement is the median of `repetitions` runs after the
/// file has been read once (so both sides read from the page cache). The file is deleted at the end.
///
/// - Parameters:
///   - rows, columns: the table's shape; the default 100 000 × 500 makes a file of about 0.95 GB.
///   - repetitions: runs per measurement (median taken).
///   - directory: where to write the file (default: the temporary directory).
///   - seed: seed of the SplitMix64 generator for the values.
public func measureCSVReadThroughput(
    rows: Int = 100_000, columns: Int = 500, repetitions: Int = 3,
    directory: String? = nil, seed: UInt64 = 42
) throws -> CSVReadTiming {
    guard rows > 0, columns > 0, repetitions > 0 else {
        throw CSVReadTimingError(description: "CSV timing: rows, columns and repetitions must be positive")
    }
    let dir = directory ?? FileManager.default.temporaryDirectory.path
    let path = dir + "/ridgelasso-csv-timing-\(getpid()).csv"
    let slot = TemporaryFiles.register(path)   // removed on SIGINT too
    defer {
        unlink(path)
        TemporaryFiles.unregister(slot)
    }
    let fileBytes = try writeRandomCSV(path: path, rows: rows, columns: columns, seed: seed)

    _ = try rawRead(path)   // warm the page cache
    var parse: [Double] = []
    var raw: [Double] = []
    var shapeOK = true
    for _ in 0..<repetitions {
        raw.append(try timed { _ = try rawRead(path) })
        parse.append(try timed {
            let table = try CSVReader.read(contentsOf: path)
            shapeOK = shapeOK && table.values.rows == rows && table.values.columns == columns
        })
    }
    guard shapeOK else { throw CSVReadTimingError(description: "CSV timing: the table read back has the wrong shape") }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return CSVReadTiming(
        rows: rows, columns: columns, fileBytes: fileBytes,
        parseSeconds: median(parse), rawReadSeconds: median(raw),
        matrixBytes: rows * columns * 8, peakResidentBytes: Int(usage.ru_maxrss) * 1024
    )
}

private func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

private func timed(_ body: () throws -> Void) throws -> Double {
    var t0 = timespec(), t1 = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t0)
    try body()
    clock_gettime(CLOCK_MONOTONIC, &t1)
    return Double(t1.tv_sec - t0.tv_sec) + Double(t1.tv_nsec - t0.tv_nsec) * 1e-9
}

/// Reads the file's bytes in 1 MiB chunks and returns how many there were.
private func rawRead(_ path: String) throws -> Int {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw CSVReadTimingError(description: "CSV timing: cannot open \(path)") }
    defer { close(fd) }
    let size = 1 << 20
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
    defer { buffer.deallocate() }
    var total = 0
    while true {
        let n = read(fd, buffer, size)
        if n <= 0 { break }
        total += n
    }
    return total
}

/// Writes the random table; returns the file size in bytes.
private func writeRandomCSV(path: String, rows: Int, columns: Int, seed: UInt64) throws -> Int {
    guard let file = fopen(path, "w") else {
        throw CSVReadTimingError(description: "CSV timing: cannot create \(path)")
    }
    defer { fclose(file) }
    var source = SplitMix64(seed: seed)
    func next() -> Double { 2 * source.nextUniform() - 1 }   // uniform in [-1, 1)
    var line: [UInt8] = []
    line.reserveCapacity(columns * 24)
    var total = 0
    func flush() throws {
        let written = line.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == line.count else { throw CSVReadTimingError(description: "CSV timing: cannot write \(path)") }
        total += line.count
        line.removeAll(keepingCapacity: true)
    }
    line.append(contentsOf: (1...columns).map { "x\($0)" }.joined(separator: ",").utf8)
    line.append(UInt8(ascii: "\n"))
    try flush()
    for _ in 0..<rows {
        for j in 0..<columns {
            if j > 0 { line.append(UInt8(ascii: ",")) }
            line.append(contentsOf: next().description.utf8)
        }
        line.append(UInt8(ascii: "\n"))
        try flush()
    }
    return total
}
