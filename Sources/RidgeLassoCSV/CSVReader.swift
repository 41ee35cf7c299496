#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import LinearAlgebra

/// Reads a numeric CSV file — a header row of column names, then rows of numbers — into a
/// column-major `Matrix` (a ``CSVTable``).
///
/// The format accepted:
/// - Fields are separated by commas; lines end in LF or CRLF; the last line may or may not end
///   in a newline, and blank lines at the end of the file are ignored (a blank line *between*
///   data rows is an error: it would silently shift every later row).
/// - The header follows RFC 4180: a field may be quoted with `"`, a quote inside a quoted field is
///   written `""`, and a quoted field may span lines. Spaces around a field (outside quotes) are
///   trimmed. Names must be non-empty and distinct. A UTF-8 byte-order mark is skipped.
/// - Every data cell is a decimal number as `strtod` reads it in the C locale (`1`, `-2.5`,
///   `3e-7`, `0x1p-3`), optionally surrounded by spaces or double quotes. Empty cells, text,
///   and non-finite values (`nan`, `inf`, or a literal that overflows, such as `1e999`) are
///   errors naming the file, line, row and column.
/// - Every data row has as many fields as the header.
/// - Limits: at most ``maximumColumns`` columns and ``maximumLineBytes`` bytes per line (the
///   header record included), so that a malformed or hostile file fails at once with a message
///   instead of asking for memory the machine does not have. Both lie far beyond dense data
///   that fits in memory as a matrix of doubles.
///
/// Numbers are converted exactly (correctly rounded): short decimals, those with at most 19
/// significant digits, a mantissa below 2⁵³ and a power of ten of at most 22, go through the exact
/// fast path m·10ᵉ or m/10⁻ᵉ (Clinger, 1990: both operands are exact doubles, so one IEEE
/// operation rounds correctly); all others go to the C library's correctly rounded `strtod`.
///
/// Cost: the file is read in 1 MiB chunks (never held whole in memory), once to count its lines
/// (which sizes the matrix exactly and finds a line start near the middle) and once to parse,
/// straight from the bytes into the matrix storage (no string per cell), so the memory used is
/// one `n × p` matrix plus two chunks. Files of 8 MiB or more are parsed as two halves on two
/// threads when two processors are online; the result, and the error reported (that of the
/// earliest bad line), are the same as a serial parse. Eight digits at a time are converted with
/// one 64-bit SWAR step.
///
/// Reference: W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990.
/// RFC 4180, "Common Format and MIME Type for Comma-Separated Values (CSV) Files", 2005.
public enum CSVReader {
    /// The most columns a header may name: 10⁶. A dense n × 10⁶ matrix of doubles takes
    /// 8 MB per row, beyond what scikit-learn or glmnet users fit densely (wider data is sparse,
    /// which a CSV of numbers is not the format for); a header of 10⁷ names is an error at once.
    public static let maximumColumns = 1_000_000

    /// The longest line (and the longest header record) in bytes: 64 MiB, room for a row of
    /// 10⁶ numbers written with full 17-digit precision (`-1.2345678901234567e-05,` is 24 bytes,
    /// 10⁶ of them 24 MB). Reading stops with an error once a line passes it, so a file of one
    /// 10⁹-byte line costs about twice this much memory, never 10⁹ bytes.
    public static let maximumLineBytes = 64 << 20

    /// Reads the CSV file at `path`.
    /// - Throws: ``CSVError`` naming the problem, with file, line, row and column where they apply.
    public static func read(contentsOf path: String) throws(CSVError) -> CSVTable {
        try read(contentsOf: path, parallelThreshold: parallelThreshold)
    }

    /// Reads `path`, parsing it as two halves in parallel when it has at least
    /// `parallelThreshold` bytes (tests lower it to exercise the split on small files).
    static func read(contentsOf path: String, parallelThreshold: Int,
                     lineLimit: Int = maximumLineBytes) throws(CSVError) -> CSVTable {
        let input = try ByteInput(path: path)
        defer { input.close() }
        input.lineLimit = lineLimit
        return try parse(input, parallelThreshold: parallelThreshold)
    }

    /// Parses CSV text held in memory; `source` names it in error messages.
    public static func parse(_ bytes: [UInt8], source: String = "<memory>") throws(CSVError) -> CSVTable {
        try parse(bytes, source: source, lineLimit: maximumLineBytes)
    }

    /// Parses `bytes` with lines of at most `lineLimit` bytes (tests lower it).
    static func parse(_ bytes: [UInt8], source: String, lineLimit: Int) throws(CSVError) -> CSVTable {
        let input = ByteInput(bytes: bytes, source: source)
        defer { input.close() }
        input.lineLimit = lineLimit
        return try parse(input, parallelThreshold: Int.max)
    }

    /// Parses CSV text held in a `String`.
    public static func parse(_ text: String, source: String = "<memory>") throws(CSVError) -> CSVTable {
        try parse(Array(text.utf8), source: source)
    }

    // MARK: - Parsing

    /// Files of at least this many bytes are parsed as two halves on two threads (when the
    /// machine has two processors or more).
    static let parallelThreshold = 8 << 20

    private static func parse(_ input: ByteInput, parallelThreshold: Int) throws(CSVError) -> CSVTable {
        let file = input.source
        // Pass 1: an upper bound on the number of lines, so the matrix is allocated once, and a
        // line start near the middle of a large file.
        let parallel = input.isRegularFile && onlineProcessors >= 2
        let count = try input.countLines(splitThreshold: parallel ? max(1, parallelThreshold) : Int.max)
        guard let header = try readHeader(input) else { throw .emptyFile(file: file) }
        return try parseBody(input, header: header, count: count)
    }

    /// The fast path's second pass: the data rows after `header` (all of them numbers, comma
    /// separated), parsed straight into the matrix, in two halves when `count` found a split.
    static func parseBody(_ input: ByteInput, header: Header, count: ByteInput.LineCount) throws(CSVError) -> CSVTable {
        let file = input.source
        let p = header.names.count
        // Each data row holds at least 2p bytes ("d," × p with a newline), another upper bound
        // that keeps a long header over short ragged rows from asking for a huge allocation.
        let byBytes = (input.totalBytes - header.bytes) / (2 * p) + 1
        let capacity = max(1, min(count.lines - header.lines, byBytes))
        guard capacity.multipliedReportingOverflow(by: p).overflow == false else {
            throw .unreadable(file: file, reason: "too large to hold in memory")
        }
        var split = count.split
        if let s = split, s.offset <= header.bytes || s.linesBefore <= header.lines { split = nil }

        var failure: CSVError?
        var rows = 0
        var rowNames: [String] = []
        let storage = [Double](unsafeUninitializedCapacity: capacity * p) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            do throws(CSVError) {
                if let split {
                    (rows, rowNames) = try parseHalves(input, split: split, header: header, into: base, capacity: capacity)
                } else {
                    let segment = try parseRows(input, names: header.names, firstLine: header.lines + 1, firstRow: 0,
                                                into: base, capacity: capacity, rowNames: header.rowNames)
                    (rows, rowNames) = (segment.rows, segment.rowNames)
                }
            } catch {
                failure = error
                return
            }
            // Close the gaps between columns (column j was written at j·capacity).
            if rows < capacity {
                for j in 1..<max(p, 1) {
                    (base + j * rows).update(from: base + j * capacity, count: rows)
                }
            }
            initialized = rows * p
        }
        if let failure { throw failure }
        guard rows > 0 else { throw .noDataRows(file: file) }
        let matrix: Matrix
        do { matrix = try Matrix(rows: rows, columns: p, columnMajor: storage) } catch {
            throw .unreadable(file: file, reason: "internal error: \(error)")
        }
        return CSVTable(columnNames: header.names, values: matrix, source: file,
                        rowNames: header.rowNames ? rowNames : nil)
    }

    /// Parses the data rows as two halves on two threads, split at a line start.
    /// Reports the error of the earliest line, as a serial parse would.
    private static func parseHalves(
        _ input: ByteInput, split: (offset: Int, linesBefore: Int), header: Header,
        into storage: UnsafeMutablePointer<Double>, capacity: Int
    ) throws(CSVError) -> (rows: Int, rowNames: [String]) {
        let second = try ByteInput(path: input.source, offset: split.offset)
        defer { second.close() }
        second.lineLimit = input.lineLimit
        second.lineNumber = split.linesBefore + 1
        input.limit(to: split.offset)
        let firstRowOfSecond = split.linesBefore - header.lines
        let halves = [
            HalfParse(input: input, names: header.names, firstLine: header.lines + 1, firstRow: 0,
                      storage: storage, capacity: capacity, rowNames: header.rowNames),
            HalfParse(input: second, names: header.names, firstLine: split.linesBefore + 1,
                      firstRow: firstRowOfSecond, storage: storage, capacity: capacity, rowNames: header.rowNames),
        ]
        // The same mechanism as the library's parallel tasks: Dispatch runs both halves (one on
        // the calling thread) and returns when both are done.
        DispatchQueue.concurrentPerform(iterations: 2) { halves[$0].run() }
        let a = try halves[0].outcome.get()
        let b = halves[1].outcome
        if let blank = a.trailingBlank {
            // A blank line is allowed only at the end: any line of the second half after it is an error.
            if case .failure = b { throw .blankLine(file: input.source, line: blank) }
            if let r = try? b.get(), r.rows > 0 { throw .blankLine(file: input.source, line: blank) }
        }
        let r = try b.get()
        guard r.rows > 0 else { return (a.rows, a.rowNames) }
        guard a.rows == firstRowOfSecond else {
            throw .unreadable(file: input.source, reason: "internal error: the first half has \(a.rows) rows")
        }
        return (firstRowOfSecond + r.rows, a.rowNames + r.rowNames)
    }

    /// The parse of one half; its result is read once both halves are done.
    private final class HalfParse: @unchecked Sendable {
        let input: ByteInput
        let names: [String]
        let firstLine: Int
        let firstRow: Int
        let storage: UnsafeMutablePointer<Double>
        let capacity: Int
        let rowNames: Bool
        var result: Result<Segment, CSVError>?

        init(input: ByteInput, names: [String], firstLine: Int, firstRow: Int,
             storage: UnsafeMutablePointer<Double>, capacity: Int, rowNames: Bool) {
            self.rowNames = rowNames
            self.input = input
            self.names = names
            self.firstLine = firstLine
            self.firstRow = firstRow
            self.storage = storage
            self.capacity = capacity
        }

        /// The result once ``run()`` has returned.
        var outcome: Result<Segment, CSVError> {
            result ?? .failure(.unreadable(file: input.source, reason: "internal error: no result"))
        }

        func run() {
            result = Result { () throws(CSVError) in
                try CSVReader.parseRows(input, names: names, firstLine: firstLine, firstRow: firstRow,
                                        into: storage, capacity: capacity, rowNames: rowNames)
            }
        }
    }

    struct Header {
        var names: [String]
        /// Physical lines the header took (more than 1 when a quoted name holds a newline).
        var lines: Int
        /// Bytes the header took, newlines included.
        var bytes: Int
        /// The field separator (a comma unless detected or given otherwise).
        var delimiter: UInt8 = UInt8(ascii: ",")
        /// Whether the first header cell was empty: a column of row names, not in ``names``.
        var rowNames = false
    }

    /// Reads and validates the header record; `nil` when the file holds nothing but blank lines.
    ///
    /// `dialect` nil is the strict numeric format (commas, every name non-empty). With a
    /// dialect, the delimiter is the one given or, when it is nil, the most frequent of comma,
    /// semicolon and tab outside quotes in the header (a comma on a tie or when none occurs), and an
    /// empty first name in a header of two or more is a column of row names.
    static func readHeader(_ input: ByteInput, dialect: CSVReadOptions? = nil) throws(CSVError) -> Header? {
        var record: [UInt8] = []
        var lines = 0
        var bytes = 0
        var quotes = 0
        while let line = try input.nextLine() {
            lines += 1
            bytes += line.count + 1
            var start = line.start, count = line.count
            if lines == 1, count >= 3, start[0] == 0xEF, start[1] == 0xBB, start[2] == 0xBF {
                start += 3; count -= 3   // UTF-8 byte-order mark
            }
            for k in 0..<count where start[k] == UInt8(ascii: "\"") { quotes += 1 }
            let ends = quotes % 2 == 0   // a quoted field that spans lines continues otherwise
            // A CR before the newline ends the record (CRLF); inside a quoted name the CRLF is
            // part of the name (RFC 4180), so the name reads back as written.
            if ends, count > 0, start[count - 1] == UInt8(ascii: "\r") { count -= 1 }
            let chunk = UnsafeBufferPointer(start: start, count: count)
            if lines > 1 { record.append(UInt8(ascii: "\n")) }
            guard record.count + count <= input.lineLimit else {
                throw .lineTooLong(file: input.source, line: 1, limit: input.lineLimit)
            }
            record.append(contentsOf: chunk)
            if ends { break }
        }
        if lines == 0 { return nil }
        if quotes % 2 != 0 {
            throw .malformedHeader(file: input.source, line: 1, reason: "unterminated quoted field")
        }
        if record.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
            // Blank first line: an empty file when nothing else follows.
            if try input.restIsBlank() { return nil }
            throw .malformedHeader(file: input.source, line: 1, reason: "the first line is blank; expected the column names")
        }
        var delimiter = UInt8(ascii: ",")
        if let dialect { delimiter = dialect.delimiter?.byte ?? detectDelimiter(record) }
        let columns = countHeaderFields(record, delimiter: delimiter)
        guard columns <= maximumColumns else {
            throw .tooManyColumns(file: input.source, columns: columns, limit: maximumColumns)
        }
        var names = try splitHeader(record, delimiter: delimiter, file: input.source)
        let rowNames = dialect != nil && names.count >= 2 && names[0].isEmpty
        if rowNames { names.removeFirst() }
        let offset = rowNames ? 1 : 0
        var seen: [String: Int] = [:]
        for (j, name) in names.enumerated() {
            if name.isEmpty { throw .emptyColumnName(file: input.source, column: j + 1 + offset) }
            if let first = seen[name] {
                throw .duplicateColumnName(file: input.source, name: name, first: first + 1 + offset, second: j + 1 + offset)
            }
            seen[name] = j
        }
        return Header(names: names, lines: lines, bytes: bytes, delimiter: delimiter, rowNames: rowNames)
    }

    /// The most frequent of `,` `;` and tab outside quotes in a header record; a comma on a tie
    /// or when none occurs (a one-column file).
    private static func detectDelimiter(_ record: [UInt8]) -> UInt8 {
        var commas = 0, semicolons = 0, tabs = 0
        var quoted = false
        for b in record {
            switch b {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ",") where !quoted: commas += 1
            case UInt8(ascii: ";") where !quoted: semicolons += 1
            case UInt8(ascii: "\t") where !quoted: tabs += 1
            default: break
            }
        }
        if semicolons > commas, semicolons >= tabs { return UInt8(ascii: ";") }
        if tabs > commas, tabs > semicolons { return UInt8(ascii: "\t") }
        return UInt8(ascii: ",")
    }

    /// The number of fields in a header record: commas outside quotes, plus one (counted before
    /// any name is built, so a header of 10⁷ names costs no more than its bytes).
    private static func countHeaderFields(_ record: [UInt8], delimiter comma: UInt8) -> Int {
        var fields = 1
        var quoted = false
        for b in record {
            if b == UInt8(ascii: "\"") { quoted.toggle() } else if b == comma, !quoted { fields += 1 }
        }
        return fields
    }

    /// Splits one header record into trimmed, unquoted field values (RFC 4180).
    private static func splitHeader(_ record: [UInt8], delimiter comma: UInt8, file: String) throws(CSVError) -> [String] {
        let quote = UInt8(ascii: "\"")
        var names: [String] = []
        var i = 0
        let n = record.count
        // Spaces around a name are trimmed, and tabs unless they separate the fields.
        func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || (b == UInt8(ascii: "\t") && comma != b) }
        while true {
            while i < n, isBlank(record[i]) { i += 1 }
            if i < n, record[i] == quote {
                var field: [UInt8] = []
                i += 1
                while true {
                    guard i < n else {
                        throw .malformedHeader(file: file, line: 1, reason: "unterminated quoted field")
                    }
                    if record[i] == quote {
                        if i + 1 < n, record[i + 1] == quote { field.append(quote); i += 2; continue }
                        i += 1
                        break
                    }
                    field.append(record[i])
                    i += 1
                }
                while i < n, isBlank(record[i]) { i += 1 }
                names.append(String(decoding: field, as: UTF8.self))
                if i == n { return names }
                guard record[i] == comma else {
                    throw .malformedHeader(file: file, line: 1,
                                           reason: "text after the closing quote of column \(names.count)")
                }
                i += 1
            } else {
                let start = i
                while i < n, record[i] != comma { i += 1 }
                var end = i
                while end > start, isBlank(record[end - 1]) { end -= 1 }
                names.append(String(decoding: record[start..<end], as: UTF8.self))
                if i == n { return names }
                i += 1
            }
        }
    }

    /// What parsing a run of lines found.
    struct Segment {
        /// Data rows parsed.
        var rows: Int
        /// The first of the blank lines that end the run, if it ends with blank lines.
        var trailingBlank: Int?
        /// The rows' names, when the first field of each line is a row name.
        var rowNames: [String] = []
    }

    /// Parses data rows into column-major `storage` (column j starts at j·capacity), the first
    /// one at row index `firstRow`, its line being `firstLine`. With `rowNames` the first field of
    /// each line is a row name (kept as text; one with a `""` escape or a line break inside quotes
    /// is reported as a bad cell, which sends the file to ``CSVSource``'s general parser).
    fileprivate static func parseRows(
        _ input: ByteInput, names: [String], firstLine: Int, firstRow: Int,
        into storage: UnsafeMutablePointer<Double>, capacity: Int, rowNames: Bool = false
    ) throws(CSVError) -> Segment {
        var rowNameList: [String] = []
        let p = names.count
        var lineNumber = firstLine - 1
        var row = firstRow
        var pendingBlank: Int?
        let file = input.source
        while let line = try input.nextLine() {
            lineNumber += 1
            var end = line.start + line.count
            if end > line.start, end[-1] == UInt8(ascii: "\r") { end -= 1 }
            var q = UnsafePointer(line.start)
            let lineEnd = UnsafePointer(end)
            while q < lineEnd, isBlank(q[0]) { q += 1 }
            if q == lineEnd {
                if pendingBlank == nil { pendingBlank = lineNumber }
                continue
            }
            if let blank = pendingBlank { throw .blankLine(file: file, line: blank) }
            guard row < capacity else {
                throw .unreadable(file: file, reason: "the file changed while it was read")
            }
            q = UnsafePointer(line.start)
            if rowNames {
                guard let (name, next) = rowNameField(q, lineEnd) else {
                    throw .notANumber(file: file, line: lineNumber, row: row + 1, column: 1, name: "",
                                      text: cellText(q, lineEnd))
                }
                rowNameList.append(name)
                q = next
            }
            for j in 0..<p {
                let cellStart = q
                let parsed = parseCell(q, lineEnd)
                guard let (value, next) = parsed else {
                    // A row with the wrong number of fields is reported as such, not as a bad cell.
                    let fields = countFields(UnsafePointer(line.start), lineEnd)
                    if fields != p {
                        throw .raggedRow(file: file, line: lineNumber, row: row + 1, fields: fields, expected: p)
                    }
                    let text = cellText(cellStart, lineEnd)
                    throw .notANumber(file: file, line: lineNumber, row: row + 1, column: j + 1,
                                      name: names[j], text: text)
                }
                guard value.isFinite else {
                    throw .nonFinite(file: file, line: lineNumber, row: row + 1, column: j + 1,
                                     name: names[j], text: cellText(cellStart, lineEnd))
                }
                storage[row + j * capacity] = value
                if next == lineEnd {
                    if j < p - 1 {
                        throw .raggedRow(file: file, line: lineNumber, row: row + 1, fields: j + 1, expected: p)
                    }
                } else {
                    // parseCell only stops at a comma or the line end.
                    if j == p - 1 {
                        let fields = countFields(UnsafePointer(line.start), lineEnd)
                        throw .raggedRow(file: file, line: lineNumber, row: row + 1, fields: fields, expected: p)
                    }
                    q = next + 1
                }
            }
            row += 1
        }
        return Segment(rows: row - firstRow, trailingBlank: pendingBlank, rowNames: rowNameList)
    }

    /// The row name at the start of a line (blanks trimmed, quotes removed) and where the next
    /// field starts; `nil` when it has no comma after it or is a quoted name with `""` inside.
    @inline(__always)
    private static func rowNameField(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        -> (String, UnsafePointer<UInt8>)? {
        var a = start
        while a < end, isBlank(a[0]) { a += 1 }
        var b: UnsafePointer<UInt8>
        var q: UnsafePointer<UInt8>
        if a < end, a[0] == UInt8(ascii: "\"") {
            a += 1
            b = a
            while b < end, b[0] != UInt8(ascii: "\"") { b += 1 }
            guard b < end else { return nil }
            q = b + 1
            while q < end, isBlank(q[0]) { q += 1 }
            guard q < end, q[0] == UInt8(ascii: ",") else { return nil }
        } else {
            q = a
            while q < end, q[0] != UInt8(ascii: ",") { q += 1 }
            guard q < end else { return nil }
            b = q
            while b > a, isBlank(b[-1]) { b -= 1 }
        }
        return (String(decoding: UnsafeBufferPointer(start: a, count: b - a), as: UTF8.self), q + 1)
    }

    @inline(__always)
    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// Parses the cell that starts at `p`: blanks, a number (optionally in double quotes), blanks.
    /// Returns the value and the position of the comma after the cell or `end`; `nil` when the
    /// cell is not exactly one number.
    @inline(__always)
    private static func parseCell(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        -> (Double, UnsafePointer<UInt8>)? {
        var q = start
        while q < end, isBlank(q[0]) { q += 1 }
        guard q < end else { return nil }
        var value: Double
        if q[0] == UInt8(ascii: "\"") {
            // "1.5": the number between quotes, blanks allowed inside.
            var close = q + 1
            while close < end, close[0] != UInt8(ascii: "\"") { close += 1 }
            guard close < end else { return nil }
            var r = q + 1
            while r < close, isBlank(r[0]) { r += 1 }
            guard r < close, let (v, after) = parseNumber(r, close) else { return nil }
            r = after
            while r < close, isBlank(r[0]) { r += 1 }
            guard r == close else { return nil }
            value = v
            q = close + 1
        } else {
            guard let (v, after) = parseNumber(q, end) else { return nil }
            value = v
            q = after
        }
        while q < end, isBlank(q[0]) { q += 1 }
        guard q == end || q[0] == UInt8(ascii: ",") else { return nil }
        return (value, q)
    }

    /// The text of the cell at `p` (up to the next comma or the line end), trimmed, for messages.
    private static func cellText(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> String {
        var a = p
        while a < end, isBlank(a[0]) { a += 1 }
        var b = a
        while b < end, b[0] != UInt8(ascii: ",") { b += 1 }
        while b > a, isBlank(b[-1]) { b -= 1 }
        return String(decoding: UnsafeBufferPointer(start: a, count: b - a), as: UTF8.self)
    }

    /// Number of comma-separated fields on a data line.
    private static func countFields(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Int {
        var fields = 1
        var q = p
        while q < end { if q[0] == UInt8(ascii: ",") { fields += 1 }; q += 1 }
        return fields
    }
}

/// The number of processors online (1 when unknown): a split file is parsed in parallel only
/// when there is a second one.
var onlineProcessors: Int {
    let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    return n > 0 ? n : 1
}
