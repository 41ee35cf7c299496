#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra

/// A CSV file opened and its header read, ready to read the columns a caller chooses by name:
/// the reader for files as people write them (see ``CSVReadOptions`` for the rules).
///
/// ```swift
/// let source = try CSVSource(contentsOf: "mtcars.csv")          // header: delimiter, row names
/// let mpg = source.columnNames.firstIndex(of: "mpg")!
/// let table = try source.read(columns: [mpg])                    // only the columns needed
/// ```
///
/// Cost: a file of comma-separated numbers (with or without row names) is read by ``CSVReader``'s
/// fast path (two threads on large files), whatever columns are chosen; any other file — another
/// delimiter, decimal commas, missing values, booleans, text — goes through a general
/// field-by-field parser (one thread), which converts numbers with the same exact conversion.
/// A file whose numeric cells the fast path rejects is re-read by the general parser from the
/// first data line, so that its rules apply.
public final class CSVSource {
    /// The input's name in messages (the path as given).
    public let source: String
    /// The column names from the header, in file order, without the row-name column.
    public let columnNames: [String]
    /// Whether the header's first cell was empty, making the first column row names.
    public let hasRowNames: Bool
    /// The field separator, given or detected.
    public let delimiter: CSVReadOptions.Delimiter
    /// The options it was opened with.
    public let options: CSVReadOptions

    private let input: ByteInput
    private let header: CSVReader.Header
    private let count: ByteInput.LineCount

    /// Opens the CSV file at `path` and reads its header.
    /// - Throws: ``CSVError`` when the file cannot be read, is empty, or its header is malformed.
    public convenience init(contentsOf path: String, options: CSVReadOptions = CSVReadOptions()) throws(CSVError) {
        try self.init(input: try ByteInput(path: path), options: options, parallelThreshold: CSVReader.parallelThreshold)
    }

    /// Reads the header of CSV text held in memory; `source` names it in error messages.
    public convenience init(bytes: [UInt8], source: String = "<memory>", options: CSVReadOptions = CSVReadOptions()) throws(CSVError) {
        try self.init(input: ByteInput(bytes: bytes, source: source), options: options, parallelThreshold: Int.max)
    }

    init(input: ByteInput, options: CSVReadOptions, parallelThreshold: Int, lineLimit: Int = CSVReader.maximumLineBytes) throws(CSVError) {
        input.lineLimit = lineLimit
        self.input = input
        self.source = input.source
        self.options = options
        let parallel = input.isRegularFile && onlineProcessors >= 2
        count = try input.countLines(splitThreshold: parallel ? max(1, parallelThreshold) : Int.max)
        guard let header = try CSVReader.readHeader(input, dialect: options) else { throw .emptyFile(file: input.source) }
        self.header = header
        columnNames = header.names
        hasRowNames = header.rowNames
        delimiter = CSVReadOptions.Delimiter.allCases.first { $0.byte == header.delimiter } ?? .comma
    }

    /// Reads the data rows: the columns `columns` (indices into ``columnNames``, increasing; all
    /// of them when `nil`), each read as `types` says (numeric when absent), with the row names
    /// when the file has them. Column k of the table is column `columns[k]` of the file.
    /// - Throws: ``CSVError`` naming the file, line, row and column of the first bad cell
    ///   (a text cell in a numeric column, a missing value under ``CSVReadOptions/MissingValues/error``,
    ///   a ragged row, an unknown level), or ``CSVError/allRowsOmitted(file:rows:)``.
    public func read(columns: [Int]? = nil, types: [Int: CSVColumnType] = [:]) throws(CSVError) -> CSVTable {
        let p = columnNames.count
        let chosen = columns ?? Array(0..<p)
        precondition(zip(chosen, chosen.dropFirst()).allSatisfy { $0 < $1 } && chosen.allSatisfy { $0 >= 0 && $0 < p },
                     "CSVSource.read: columns must be increasing indices of columnNames")
        var kinds = chosen.map { types[$0] ?? .numeric }
        let numericOnly = kinds.allSatisfy { $0 == .numeric || $0 == .numericOrCategorical }
        if numericOnly, header.delimiter == UInt8(ascii: ","), options.decimalMark != .comma {
            input.rewind(to: header.bytes, line: header.lines + 1)
            do {
                let whole = try CSVReader.parseBody(input, header: header, count: count)
                return try selecting(chosen, from: whole)
            } catch {
                switch error {
                case .notANumber, .nonFinite, .raggedRow: break   // the general rules may read it
                default: throw error
                }
            }
        }
        while true {
            input.rewind(to: header.bytes, line: header.lines + 1)
            let parser = GeneralParser(source: self, header: header, columns: chosen, kinds: kinds)
            switch try parser.run() {
            case .table(let table): return table
            case .becameCategorical(let k): kinds[k] = .categorical
            }
        }
    }

    /// The columns `chosen` of a table the fast path read whole.
    private func selecting(_ chosen: [Int], from whole: CSVTable) throws(CSVError) -> CSVTable {
        if chosen.count == whole.columnNames.count { return whole }
        let n = whole.rowCount
        let rowNames = whole.rowNames
        var storage = (consume whole).values.storage
        storage.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for (k, j) in chosen.enumerated() where k != j {   // j > k: the ranges do not overlap
                (base + k * n).update(from: base + j * n, count: n)
            }
        }
        storage.removeLast(storage.count - chosen.count * n)
        do {
            return CSVTable(columnNames: chosen.map { columnNames[$0] },
                            values: try Matrix(rows: n, columns: chosen.count, columnMajor: storage), source: source,
                            rowNames: rowNames)
        } catch {
            throw .unreadable(file: source, reason: "internal error: \(error)")
        }
    }

    /// What one run of the general parser gave.
    enum Outcome {
        case table(CSVTable)
        /// Column k (of the chosen) was read as numericOrCategorical and holds text: read again.
        case becameCategorical(Int)
    }

    /// The field-by-field parser for every file the fast path does not read.
    final class GeneralParser {
        let file: String
        let input: ByteInput
        let names: [String]
        let columns: [Int]
        let kinds: [CSVColumnType]
        let delimiter: UInt8
        let blankTab: Bool
        let rowNames: Bool
        let fields: Int
        /// Per field of the file: -2 row names, -1 not read, k ≥ 0 the k-th chosen column.
        let role: [Int]
        let commaDecimal: Bool
        let periodDecimal: Bool
        let omit: Bool
        let missingTokens: [[UInt8]]

        /// The kept rows' values, row-major (k per row), transposed once at the end.
        @exclusivity(unchecked) private var values: [Double] = []
        @exclusivity(unchecked) private var levelIndex: [[String: Int]]
        @exclusivity(unchecked) private var levelList: [[String]]
        private var rowNameList: [String] = []
        private var omitted: [Int] = []

        init(source: CSVSource, header: CSVReader.Header, columns: [Int], kinds: [CSVColumnType]) {
            file = source.source
            input = source.input
            names = source.columnNames
            self.columns = columns
            self.kinds = kinds
            delimiter = header.delimiter
            blankTab = header.delimiter != UInt8(ascii: "\t")
            rowNames = header.rowNames
            let offset = rowNames ? 1 : 0
            fields = names.count + offset
            var role = [Int](repeating: -1, count: fields)
            if rowNames { role[0] = -2 }
            for (k, j) in columns.enumerated() { role[j + offset] = k }
            self.role = role
            let mark = source.options.decimalMark
            commaDecimal = mark == .comma || (mark == nil && header.delimiter != UInt8(ascii: ","))
            periodDecimal = mark != .comma
            omit = source.options.missingValues == .omitRow
            missingTokens = CSVReadOptions.missingValueTokens.map { Array($0.utf8) }
            levelIndex = kinds.map { kind in
                if case .levels(let given) = kind {
                    return Dictionary(given.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                }
                return [:]
            }
            levelList = kinds.map { kind in
                if case .levels(let given) = kind { return given }
                return []
            }
        }

        @inline(__always)
        private func isBlank(_ b: UInt8) -> Bool { b == 0x20 || (b == 0x09 && blankTab) }

        /// Per-row state of ``parseRecord(_:_:line:row:)``.
        // Unchecked: only this parser's own methods touch them, one at a time.
        @exclusivity(unchecked) private var rowValues: [Double] = []
        @exclusivity(unchecked) private var rowMissing = false
        @exclusivity(unchecked) private var newLevels: [(Int, String)] = []
        @exclusivity(unchecked) private var rowName = ""
        /// A record gathered over several lines (a quoted field with a newline), NUL-terminated.
        private var record: UnsafeMutablePointer<UInt8> = .allocate(capacity: 1)
        private var recordCapacity = 1
        private var recordCount = 0

        deinit { record.deallocate() }

        private func appendToRecord(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
            let needed = recordCount + count + 1
            if needed > recordCapacity {
                let capacity = max(2 * recordCapacity, needed)
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
                bigger.update(from: record, count: recordCount)
                record.deallocate()
                record = bigger
                recordCapacity = capacity
            }
            (record + recordCount).update(from: bytes, count: count)
            recordCount += count
            record[recordCount] = 0
        }

        func run() throws(CSVError) -> Outcome {
            let k = columns.count
            var dataRow = 0
            var pendingBlank: Int?
            rowValues = [Double](repeating: 0, count: k)
            while true {
                let firstLine = input.lineNumber
                guard let line = try input.nextLine() else { break }
                var start = UnsafePointer(line.start)
                var end = start + line.count
                if end > start, end[-1] == UInt8(ascii: "\r") { end -= 1 }
                var q = start
                while q < end, q[0] == 0x20 || q[0] == 0x09 { q += 1 }
                if q == end {
                    if pendingBlank == nil { pendingBlank = firstLine }
                    continue
                }
                if let blank = pendingBlank { throw .blankLine(file: file, line: blank) }
                dataRow += 1
                if memchr(start, Int32(UInt8(ascii: "\"")), end - start) != nil, Self.quoteCount(start, end) % 2 != 0 {
                    // A quoted field spans lines: gather the record (RFC 4180).
                    recordCount = 0
                    appendToRecord(start, line.count)
                    var quotes = Self.quoteCount(start, start + line.count)
                    var newline = UInt8(ascii: "\n")
                    while quotes % 2 != 0 {
                        guard let more = try input.nextLine() else { break }
                        appendToRecord(&newline, 1)
                        appendToRecord(more.start, more.count)
                        guard recordCount <= input.lineLimit else {
                            throw .lineTooLong(file: file, line: firstLine, limit: input.lineLimit)
                        }
                        quotes += Self.quoteCount(UnsafePointer(more.start), UnsafePointer(more.start) + more.count)
                    }
                    if recordCount > 0, record[recordCount - 1] == UInt8(ascii: "\r") {
                        recordCount -= 1
                        record[recordCount] = 0
                    }
                    start = UnsafePointer(record)
                    end = start + recordCount
                }
                if let outcome = try parseRecord(start, end, line: firstLine, row: dataRow) { return outcome }
                if rowMissing {
                    omitted.append(dataRow)
                    continue
                }
                values.append(contentsOf: rowValues)
                for (r, level) in newLevels {
                    levelIndex[r][level] = levelList[r].count
                    levelList[r].append(level)
                }
                if rowNames { rowNameList.append(rowName) }
            }
            let n = dataRow - omitted.count
            guard n > 0 else {
                if !omitted.isEmpty { throw .allRowsOmitted(file: file, rows: omitted.count) }
                throw .noDataRows(file: file)
            }
            var storage = [Double](repeating: 0, count: n * k)
            storage.withUnsafeMutableBufferPointer { out in
                values.withUnsafeBufferPointer { v in
                    for i in 0..<n { for j in 0..<k { out[i + j * n] = v[i * k + j] } }
                }
            }
            let matrix: Matrix
            do { matrix = try Matrix(rows: n, columns: k, columnMajor: storage) } catch {
                throw .unreadable(file: file, reason: "internal error: \(error)")
            }
            let levels: [[String]?] = kinds.indices.map { r in
                switch kinds[r] {
                case .numeric, .numericOrCategorical: return nil
                default: return levelList[r]
                }
            }
            return .table(CSVTable(columnNames: columns.map { names[$0] }, values: matrix, source: file,
                                   rowNames: rowNames ? rowNameList : nil, levels: levels, omittedRows: omitted))
        }

        /// Splits the record `start..<end` into fields and reads those chosen into ``rowValues``
        /// (and the row name); `nil` unless a column must be read again as categorical.
        private func parseRecord(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>,
                                 line: Int, row: Int) throws(CSVError) -> Outcome? {
            rowMissing = false
            newLevels.removeAll(keepingCapacity: true)
            var q = start
            var f = 0
            while true {
                while q < end, isBlank(q[0]) { q += 1 }
                let fieldStart = q
                var a = q, b = q
                var quoted = false, escaped = false
                if q < end, q[0] == UInt8(ascii: "\"") {
                    quoted = true
                    q += 1
                    a = q
                    while q < end {
                        if q[0] == UInt8(ascii: "\"") {
                            if q + 1 < end, q[1] == UInt8(ascii: "\"") { escaped = true; q += 2; continue }
                            break
                        }
                        q += 1
                    }
                    b = q
                    if q < end { q += 1 }
                    while q < end, isBlank(q[0]) { q += 1 }
                    if q < end, q[0] != delimiter {
                        var stop = q
                        while stop < end, stop[0] != delimiter { stop += 1 }
                        let text = String(decoding: UnsafeBufferPointer(start: fieldStart, count: stop - fieldStart), as: UTF8.self)
                        throw .notANumber(file: file, line: line, row: row, column: f + 1, name: fieldName(f), text: text)
                    }
                } else {
                    if let hit = memchr(q, Int32(delimiter), end - q) {
                        q = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                    } else {
                        q = end
                    }
                    b = q
                    while b > a, isBlank(b[-1]) { b -= 1 }
                }
                guard f < fields else {
                    throw .raggedRow(file: file, line: line, row: row, fields: Self.fieldCount(start, end, delimiter), expected: fields)
                }
                let r = role[f]
                if r >= 0 {
                    switch try value(Cell(a: a, b: b, quoted: quoted, escaped: escaped), column: r, field: f, line: line, row: row) {
                    case .number(let v): rowValues[r] = v
                    case .missing: rowMissing = true
                    case .level(let code, let new):
                        rowValues[r] = Double(code)
                        if let new { newLevels.append((r, new)) }
                    case .becameText: return .becameCategorical(r)
                    }
                } else if r == -2 {
                    rowName = Self.text(Cell(a: a, b: b, quoted: quoted, escaped: escaped))
                }
                f += 1
                if q >= end { break }
                q += 1   // past the delimiter; a delimiter that ends the line starts one more, empty field
            }
            if f != fields {
                throw .raggedRow(file: file, line: line, row: row, fields: f, expected: fields)
            }
            return nil
        }

        /// The name of field `f` for messages (empty for the row names).
        private func fieldName(_ f: Int) -> String {
            let j = f - (rowNames ? 1 : 0)
            return j >= 0 && j < names.count ? names[j] : ""
        }

        /// One field: its content `a..<b` (inside the quotes when `quoted`; `escaped` when it holds `""`).
        struct Cell {
            let a: UnsafePointer<UInt8>
            let b: UnsafePointer<UInt8>
            let quoted: Bool
            let escaped: Bool
        }

        enum Value {
            case number(Double)
            case missing
            /// A level's index, and its text when it is new (recorded once the row is kept).
            case level(Int, String?)
            case becameText
        }

        /// The cell's value for chosen column `r` (field `f` of the file, for messages).
        @inline(__always)
        private func value(_ cell: Cell, column r: Int, field f: Int, line: Int, row: Int) throws(CSVError) -> Value {
            switch kinds[r] {
            case .numeric, .numericOrCategorical:
                var cell = cell
                if cell.quoted {   // "  1.5 ": blanks inside the quotes are allowed around a number
                    var a = cell.a, b = cell.b
                    while a < b, isBlank(a[0]) { a += 1 }
                    while b > a, isBlank(b[-1]) { b -= 1 }
                    cell = Cell(a: a, b: b, quoted: true, escaped: cell.escaped)
                }
                if commaDecimal, cell.b > cell.a, memchr(cell.a, Int32(UInt8(ascii: ",")), cell.b - cell.a) != nil {
                    // 3,9: one conversion of the text with a period, not a failed attempt first.
                    if let v = commaNumber(cell) {
                        if v.isFinite { return .number(v) }
                        throw .nonFinite(file: file, line: line, row: row, column: f + 1, name: names[columns[r]], text: Self.text(cell))
                    }
                    return try slowNumber(cell, column: r, field: f, line: line, row: row)
                }
                if cell.b > cell.a, !cell.escaped, let (v, stop) = CSVReader.parseNumber(cell.a, cell.b), stop == cell.b,
                   periodDecimal || memchr(cell.a, Int32(UInt8(ascii: ".")), cell.b - cell.a) == nil {
                    if v.isFinite { return .number(v) }
                    if isMissing(cell) { return try missing(cell, field: f, line: line, row: row) }
                    throw .nonFinite(file: file, line: line, row: row, column: f + 1, name: names[columns[r]], text: Self.text(cell))
                }
                return try slowNumber(cell, column: r, field: f, line: line, row: row)
            case .categorical, .levels:
                if isMissing(cell) { return try missing(cell, field: f, line: line, row: row) }
                let text = Self.text(cell)
                if let code = levelIndex[r][text] { return .level(code, nil) }
                if case .levels(let known) = kinds[r] {
                    throw .unknownLevel(file: file, line: line, row: row, column: f + 1, name: names[columns[r]],
                                        level: text, known: known)
                }
                return .level(levelList[r].count, text)
            case .text:
                let text = Self.text(cell)
                if let code = levelIndex[r][text] { return .level(code, nil) }
                return .level(levelList[r].count, text)
            }
        }

        /// A numeric cell that is not a plain number: missing, a boolean, a decimal comma, or text.
        private func slowNumber(_ cell: Cell, column r: Int, field f: Int, line: Int, row: Int) throws(CSVError) -> Value {
            if isMissing(cell) { return try missing(cell, field: f, line: line, row: row) }
            let count = cell.b - cell.a
            let bytes = UnsafeBufferPointer(start: cell.a, count: count)
            switch count {
            case 4 where bytes.elementsEqual("TRUE".utf8) || bytes.elementsEqual("true".utf8) || bytes.elementsEqual("True".utf8):
                return .number(1)
            case 5 where bytes.elementsEqual("FALSE".utf8) || bytes.elementsEqual("false".utf8) || bytes.elementsEqual("False".utf8):
                return .number(0)
            default: break
            }
            if kinds[r] == .numericOrCategorical { return .becameText }
            throw .notANumber(file: file, line: line, row: row, column: f + 1, name: names[columns[r]], text: Self.text(cell))
        }

        /// The number of a cell with one decimal comma (and no period), or `nil`: the cell copied
        /// with a period, NUL-terminated, into a small stack buffer and converted once.
        private func commaNumber(_ cell: Cell) -> Double? {
            let count = cell.b - cell.a
            guard count < 128, !cell.escaped else { return nil }
            var commas = 0
            for k in 0..<count {
                let b = cell.a[k]
                if b == UInt8(ascii: ",") { commas += 1 } else if b == UInt8(ascii: ".") { return nil }
            }
            guard commas == 1 else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count + 1) { buffer -> Double? in
                guard let base = buffer.baseAddress else { return nil }
                for k in 0..<count { base[k] = cell.a[k] == UInt8(ascii: ",") ? UInt8(ascii: ".") : cell.a[k] }
                base[count] = 0
                let start = UnsafePointer(base)
                guard let (v, stop) = CSVReader.parseNumber(start, start + count), stop - start == count else { return nil }
                return v
            }
        }

        private func missing(_ cell: Cell, field f: Int, line: Int, row: Int) throws(CSVError) -> Value {
            guard omit else {
                throw .missingValue(file: file, line: line, row: row, column: f + 1, name: fieldName(f), text: Self.text(cell))
            }
            return .missing
        }

        /// Whether the cell is empty or a missing-value token.
        @inline(__always)
        private func isMissing(_ cell: Cell) -> Bool {
            let count = cell.b - cell.a
            if count == 0 { return true }
            guard count <= 4 else { return false }
            let bytes = UnsafeBufferPointer(start: cell.a, count: count)
            return missingTokens.contains { $0.count == count && bytes.elementsEqual($0) }
        }

        /// The cell's text, `""` unescaped.
        static func text(_ cell: Cell) -> String {
            let bytes = UnsafeBufferPointer(start: cell.a, count: cell.b - cell.a)
            guard cell.escaped else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                out.append(bytes[i])
                i += bytes[i] == UInt8(ascii: "\"") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") ? 2 : 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        static func quoteCount(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Int {
            var n = 0
            var q = start
            while q < end { if q[0] == UInt8(ascii: "\"") { n += 1 }; q += 1 }
            return n
        }

        /// Fields of a record: delimiters outside quotes, plus one.
        static func fieldCount(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ delimiter: UInt8) -> Int {
            var n = 1
            var quoted = false
            var q = start
            while q < end {
                if q[0] == UInt8(ascii: "\"") { quoted.toggle() } else if q[0] == delimiter, !quoted { n += 1 }
                q += 1
            }
            return n
        }
    }
}
