#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import RidgeLasso
import RidgeLassoCSV

/// Reads a CSV file or standard input block by block, in memory independent of its length.
///
/// The header record is read once; then whole data lines are gathered into blocks of about
/// `blockBytes` and each block is parsed by ``CSVReader/parse(_:source:)`` behind a copy of the
/// header, so every cell is read by the same parser, with the same rules and messages, as a whole
/// file (``CSVSource``: row names, the delimiter detected once from the header, missing values);
/// line and row numbers in errors are those of the whole input. Data cells never span lines
/// (only header names may be quoted across lines), so blocks can be cut at any newline. A blank
/// line followed by more data is reported as the reader reports it; blank lines at the end are
/// ignored.
struct CSVBlockStream {
    /// The input's name in messages: the path, or `<stdin>` for `-`.
    let source: String
    /// The column names, validated by the reader (without the row-name column).
    private(set) var names: [String] = []
    /// The columns each block holds (indices into ``names``, increasing); all when `nil`.
    var columns: [Int]?
    /// The 0-based data row indices in the input of the last block's rows (rows left out for a
    /// missing value are skipped).
    private(set) var lastRowIndices: [Int] = []
    /// How blocks are read: the options given, with the delimiter found in the header.
    private var dialect: CSVReadOptions

    private let handle: UnsafeMutablePointer<FILE>
    private let ownsHandle: Bool
    private let blockBytes: Int
    private var header: [UInt8] = []
    /// Physical lines of the header (more than 1 when a quoted name holds a newline).
    private(set) var headerLines = 0
    /// Bytes read but not yet returned (at most one partial line after a block).
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private var endOfInput = false
    /// Lines consumed so far (the header included), rows returned so far.
    private var linesBefore = 0
    private var rowsBefore = 0
    /// The first blank line since the last data line, if any.
    private var blankLine: Int?
    /// Bytes read from the input so far (for progress reports).
    private(set) var bytesRead = 0

    /// Opens `path` (`-`: standard input) and reads its header.
    /// - Throws: ``CSVError`` (unreadable, empty, malformed header).
    init(path: String, blockBytes: Int = 4 << 20, options: CSVReadOptions = CSVReadOptions()) throws(CSVError) {
        source = path == "-" ? "<stdin>" : path
        dialect = options
        self.blockBytes = max(1, blockBytes)
        if path == "-" {
            guard let f = fdopen(STDIN_FILENO, "rb") else {
                throw .unreadable(file: source, reason: String(cString: strerror(errno)))
            }
            handle = f
            ownsHandle = false
        } else {
            guard let f = fopen(path, "rb") else {
                throw .unreadable(file: path, reason: String(cString: strerror(errno)))
            }
            handle = f
            ownsHandle = true
        }
        try readHeader()
    }

    /// Closes the input (not standard input).
    func close() {
        if ownsHandle { fclose(handle) }
    }

    /// The next block of rows as a table (all columns, in file order), or `nil` at the end.
    /// - Throws: ``CSVError`` with the line and row numbers of the whole input.
    mutating func next() throws(CSVError) -> CSVTable? {
        while true {
            var block = header
            var rows = 0
            let firstLine = linesBefore + 1
            try gather(into: &block, rows: &rows)
            guard rows > 0 else { return nil }
            let table: CSVTable
            do {
                table = try CSVSource(bytes: block, source: source, options: dialect).read(columns: columns)
            } catch .allRowsOmitted(_, let omitted) {
                rowsBefore += omitted
                continue
            } catch {
                throw renumbered(error, firstLine: firstLine)
            }
            let omitted = Set(table.omittedRows)
            lastRowIndices = (0..<(table.rowCount + omitted.count)).filter { !omitted.contains($0 + 1) }.map { rowsBefore + $0 }
            rowsBefore += table.rowCount + omitted.count
            return table
        }
    }

    /// Appends whole data lines to `block` until it holds about `blockBytes` past the header.
    private mutating func gather(into block: inout [UInt8], rows: inout Int) throws(CSVError) {
        while block.count - header.count < blockBytes {
            guard let range = try nextLine() else { break }
            linesBefore += 1
            var end = range.upperBound
            if end > range.lowerBound, pending[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            if pending[range.lowerBound..<end].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                if blankLine == nil { blankLine = linesBefore }
                continue
            }
            if let blank = blankLine { throw .blankLine(file: source, line: blank) }
            block += pending[range]
            block.append(UInt8(ascii: "\n"))
            rows += 1
        }
    }

    /// A block's error with the whole input's line and row numbers (block line `l` after the
    /// header is input line firstLine + l − headerLines − 1; block row r is row rowsBefore + r).
    private func renumbered(_ error: CSVError, firstLine: Int) -> CSVError {
        func line(_ l: Int) -> Int { firstLine + l - headerLines - 1 }
        switch error {
        case .raggedRow(let file, let l, let row, let fields, let expected):
            return .raggedRow(file: file, line: line(l), row: rowsBefore + row, fields: fields, expected: expected)
        case .notANumber(let file, let l, let row, let column, let name, let text):
            return .notANumber(file: file, line: line(l), row: rowsBefore + row, column: column, name: name, text: text)
        case .nonFinite(let file, let l, let row, let column, let name, let text):
            return .nonFinite(file: file, line: line(l), row: rowsBefore + row, column: column, name: name, text: text)
        case .blankLine(let file, let l):
            return .blankLine(file: file, line: line(l))
        case .missingValue(let file, let l, let row, let column, let name, let text):
            return .missingValue(file: file, line: line(l), row: rowsBefore + row, column: column, name: name, text: text)
        default:
            return error
        }
    }

    /// Reads the header record (several lines when a quoted name holds a newline) and lets the
    /// reader validate it, behind one synthetic row of zeros with as many fields as it has.
    private mutating func readHeader() throws(CSVError) {
        var quotes = 0
        var record: [UInt8] = []
        while let range = try nextLine() {
            headerLines += 1
            let line = pending[range]
            record += line
            record.append(UInt8(ascii: "\n"))
            quotes += line.reduce(0) { $0 + ($1 == UInt8(ascii: "\"") ? 1 : 0) }
            if quotes % 2 == 0 { break }
        }
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
        if record.allSatisfy(isBlank) {
            // Nothing but blank lines is an empty input; a blank line before data has no names.
            while let range = try nextLine() {
                if !pending[range].allSatisfy(isBlank) {
                    throw .malformedHeader(file: source, line: 1, reason: "the first line is blank; expected the column names")
                }
            }
            throw .emptyFile(file: source)
        }
        linesBefore = headerLines
        header = record
        let parsed = try CSVSource(bytes: record, source: source, options: dialect)
        names = parsed.columnNames
        dialect.delimiter = parsed.delimiter
    }

    /// The range in `pending` of the next line without its newline (valid until the next call),
    /// or `nil` at the end of the input.
    private mutating func nextLine() throws(CSVError) -> Range<Int>? {
        while true {
            if let newline = pending[pendingStart...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = pendingStart..<newline
                pendingStart = newline + 1
                return line
            }
            if endOfInput {
                guard pendingStart < pending.count else { return nil }
                let line = pendingStart..<pending.count
                pendingStart = pending.count
                return line
            }
            pending.removeFirst(pendingStart)
            pendingStart = 0
            let old = pending.count, chunk = 1 << 20
            pending.append(contentsOf: repeatElement(0, count: chunk))
            let count = pending.withUnsafeMutableBufferPointer { fread($0.baseAddress! + old, 1, chunk, handle) }
            bytesRead += count
            if count < chunk {
                if ferror(handle) != 0 { throw .unreadable(file: source, reason: String(cString: strerror(errno))) }
                endOfInput = true
            }
            pending.removeLast(chunk - count)
        }
    }
}
