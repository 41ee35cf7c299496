// libFuzzer target: CSVSource (CSV as people write it) on bytes in memory and from a file.
//
// The first input byte picks the options (delimiter, decimal mark, missing values, column types,
// column selection); the rest is the file. Properties: a failure is a CSVError whose message is
// one non-empty line; a table is consistent (one name per column, row names one per row, level
// codes inside their levels, numeric values finite, omitted rows increasing); and the file read
// from disk (fast path, rewind, general parser, two threads when split) gives exactly the table
// or the error read from memory.
#if canImport(Glibc)
import Glibc
#endif
@testable import RidgeLassoCSV

private let path: String = {
    let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    atexit { unlink("/dev/shm/ridgelasso-fuzz-source-\(getpid()).csv"); unlink("/tmp/ridgelasso-fuzz-source-\(getpid()).csv") }
    return "\(directory)/ridgelasso-fuzz-source-\(getpid()).csv"
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let choice = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let delimiters: [CSVReadOptions.Delimiter?] = [nil, .comma, .semicolon, .tab]
    let marks: [CSVReadOptions.DecimalMark?] = [nil, .period, .comma, nil]
    let options = CSVReadOptions(delimiter: delimiters[Int(choice & 3)], decimalMark: marks[Int((choice >> 2) & 3)],
                                 missingValues: choice & 16 == 0 ? .error : .omitRow)
    func read(_ source: CSVSource) throws(CSVError) -> CSVTable {
        let p = source.columnNames.count
        let columns: [Int]? = choice & 32 == 0 ? nil : Array(stride(from: 0, to: p, by: 2))
        var types: [Int: CSVColumnType] = [:]
        switch choice >> 6 {
        case 1: types[0] = .categorical
        case 2: for j in 0..<p { types[j] = .numericOrCategorical }
        case 3: types[0] = .text; if p > 1 { types[p - 1] = .levels(["a", "b", "1"]) }
        default: break
        }
        return try source.read(columns: columns, types: types)
    }
    let memory = Result { () throws(CSVError) in try read(CSVSource(bytes: bytes, source: path, options: options)) }
    switch memory {
    case .failure(let error): FuzzCheck.message(error.description)
    case .success(let table): consistent(table)
    }
    // The same bytes from a file: the fast path (when it applies) on a seekable input, its
    // rewind, and two threads at a low split threshold.
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { FuzzCheck.fail("cannot create \(path)") }
    var written = 0
    while written < bytes.count {
        let n = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress! + written, bytes.count - written) }
        guard n > 0 else { FuzzCheck.fail("cannot write \(path)") }
        written += n
    }
    close(fd)
    for threshold in [Int.max, 1] {
        let file = Result { () throws(CSVError) in
            try read(CSVSource(input: ByteInput(path: path), options: options, parallelThreshold: threshold))
        }
        switch (memory, file) {
        case (.success(let a), .success(let b)):
            FuzzCheck.same(a, b, "file (threshold \(threshold)) and memory differ")
            if a.rowNames != b.rowNames || a.levels != b.levels || a.omittedRows != b.omittedRows {
                FuzzCheck.fail("file (threshold \(threshold)) and memory differ in row names, levels or omitted rows")
            }
        case (.failure(let a), .failure(let b)):
            if a != b { FuzzCheck.fail("file error \(b) vs memory error \(a)") }
        default:
            FuzzCheck.fail("file (threshold \(threshold)): \(file), memory: \(memory)")
        }
    }
    return 0
}

/// A table as CSVSource promises it.
private func consistent(_ t: CSVTable) {
    if t.columnNames.count != t.values.columns || t.levels.count != t.values.columns { FuzzCheck.fail("names, levels, columns") }
    if t.values.rows < 1 { FuzzCheck.fail("a table without rows") }
    if let names = t.rowNames, names.count != t.values.rows { FuzzCheck.fail("\(names.count) row names for \(t.values.rows) rows") }
    if zip(t.omittedRows, t.omittedRows.dropFirst()).contains(where: { $0 >= $1 }) { FuzzCheck.fail("omitted rows not increasing") }
    for j in 0..<t.values.columns {
        let column = t.values.column(j)
        if let levels = t.levels[j] {
            if Set(levels).count != levels.count { FuzzCheck.fail("duplicate levels \(levels)") }
            if column.contains(where: { $0 < 0 || $0 >= Double(levels.count) || $0 != $0.rounded() }) {
                FuzzCheck.fail("a level code outside \(levels.count) levels")
            }
        } else if column.contains(where: { !$0.isFinite }) {
            FuzzCheck.fail("a non-finite value")
        }
    }
}
