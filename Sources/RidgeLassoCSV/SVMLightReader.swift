import LinearAlgebra
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A regression data set read from an svmlight / libsvm file: the labels y and the features X,
/// sparse. Feature j (0-based column) is the one written with index j + 1 in the file, and is
/// named by that index as written ("1", "2", …).
public struct SVMLightData: Sendable, Equatable {
    /// The path (or name) it was read from, for messages.
    public let source: String
    /// The features, n × P, in compressed columns.
    public let x: SparseMatrix
    /// The label of every row, y.
    public let labels: [Double]

    /// The feature names: "1" … "P", the 1-based indices of the file.
    public var featureNames: [String] { (0..<x.columns).map { String($0 + 1) } }
}

/// Reads svmlight / libsvm files: one row per line,
///
///     <label> [qid:<q>] <index>:<value> <index>:<value> … [# comment]
///
/// - The label and every value are decimal numbers as ``CSVReader`` reads them (correctly
///   rounded); NaN and ±∞ are refused.
/// - Indices are 1-based positive integers; within a line they may come in any order, but an
///   index may not repeat. An explicit `i:0` is allowed and stores nothing.
/// - `qid:<q>` (a query id, for ranking) is accepted after the label and **ignored**: regression
///   has no use for it.
/// - `#` starts a comment that runs to the end of the line; lines that are empty or hold only a
///   comment are skipped (they are not rows, but they count in line numbers); CRLF line ends,
///   tabs and trailing spaces are accepted.
/// - The width P is the largest index seen, or `features` when given (then an index beyond it
///   is an error, and columns no row uses are kept as all-zero columns).
///
/// Memory: two passes over the file — the first validates every line and counts the nonzeros
/// of each column, the second writes them straight into the compressed columns — so the peak is
/// one copy of the nonzeros (12 bytes each) plus O(n + P). A regular file is read twice in 1 MiB
/// chunks; standard input or a pipe is held whole in memory for the second pass (its size more).
public enum SVMLightReader {
    /// The largest index accepted: 2²⁷ (134 million). An index is a column of the result, and
    /// the reader keeps O(P) counters: a mistyped 10¹² is refused, not allocated.
    public static let maximumFeatures = 1 << 27

    /// Reads the file at `path` (`/dev/stdin` for standard input).
    /// - Parameter features: the width P (`--n-features`), or nil for the largest index seen.
    /// - Throws: ``SVMLightError`` naming the file, line and pair of the first problem.
    public static func read(contentsOf path: String, features: Int? = nil) throws(SVMLightError) -> SVMLightData {
        try checkWidth(features, source: path)
        let input: ByteInput
        do { input = try ByteInput(path: path) } catch { throw SVMLightError(error, file: path) }
        defer { input.close() }
        return try read(input, features: features)
    }

    /// Parses svmlight text held in memory; `source` names it in messages.
    public static func parse(_ bytes: [UInt8], source: String = "<memory>", features: Int? = nil) throws(SVMLightError) -> SVMLightData {
        try checkWidth(features, source: source)
        let input = ByteInput(bytes: bytes, source: source)
        defer { input.close() }
        return try read(input, features: features)
    }

    /// Parses svmlight text held in a `String`.
    public static func parse(_ text: String, source: String = "<memory>", features: Int? = nil) throws(SVMLightError) -> SVMLightData {
        try parse(Array(text.utf8), source: source, features: features)
    }

    /// The svmlight text of (X, y): one line per row, `label index:value …` with increasing
    /// 1-based indices, every number written so that it reads back to the same Double.
    public static func format(_ x: SparseMatrix, labels: [Double]) -> String {
        precondition(labels.count == x.rows, "one label per row")
        var rows = [[(Int, Double)]](repeating: [], count: x.rows)
        for j in 0..<x.columns {
            let (r, v) = x.column(j)
            for (i, value) in zip(r, v) { rows[Int(i)].append((j + 1, value)) }
        }
        var out = ""
        for (i, row) in rows.enumerated() {
            out += labels[i].description
            for (index, value) in row { out += " \(index):\(value.description)" }
            out += "\n"
        }
        return out
    }

    private static func checkWidth(_ features: Int?, source: String) throws(SVMLightError) {
        if let features, features < 1 || features > maximumFeatures {
            throw .badWidth(file: source, features: features, limit: maximumFeatures)
        }
    }

    // MARK: - Parsing

    /// One parsed line: the label, and its pairs handed to `pair` (0-based column, value).
    private static func parseLine(
        _ start: UnsafeMutablePointer<UInt8>, _ count: Int, file: String, line: Int, features: Int?,
        pair: (Int, Double) throws(SVMLightError) -> Void
    ) throws(SVMLightError) -> Double? {
        var end = UnsafePointer(start) + count
        let begin = UnsafePointer(start)
        // A comment runs to the end of the line; a CR before the newline is not data.
        if let hash = memchr(begin, Int32(UInt8(ascii: "#")), count) {
            end = UnsafePointer(hash.assumingMemoryBound(to: UInt8.self))
        }
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        var p = begin
        while p < end, isBlank(p[0]) { p += 1 }
        while end > p, isBlank(end[-1]) { end -= 1 }
        guard p < end else { return nil }
        // A token runs to the next blank; the byte there (a blank, `#`, CR, LF or the input's
        // closing NUL) stops the number parser.
        func tokenEnd(_ q: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
            var t = q
            while t < end, !isBlank(t[0]) { t += 1 }
            return t
        }
        func text(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>) -> String {
            String(decoding: UnsafeBufferPointer(start: a, count: min(b - a, 80)), as: UTF8.self)
        }
        // The label.
        let labelEnd = tokenEnd(p)
        guard let (label, stop) = CSVReader.parseNumber(p, labelEnd), stop == labelEnd else {
            throw .badLabel(file: file, line: line, text: text(p, labelEnd), reason: "not a number")
        }
        guard label.isFinite else {
            throw .badLabel(file: file, line: line, text: text(p, labelEnd), reason: "not finite (NaN and Inf are not allowed)")
        }
        p = labelEnd
        var first = true
        while true {
            while p < end, isBlank(p[0]) { p += 1 }
            guard p < end else { break }
            let tokenStop = tokenEnd(p)
            let token = p
            defer { p = tokenStop }
            if first, tokenStop - token >= 4, token[0] == UInt8(ascii: "q"), token[1] == UInt8(ascii: "i"),
               token[2] == UInt8(ascii: "d"), token[3] == UInt8(ascii: ":") {
                first = false
                continue   // a query id: ignored
            }
            first = false
            var q = token
            if q < tokenStop, q[0] == UInt8(ascii: "-") {
                throw .badPair(file: file, line: line, pair: text(token, tokenStop), reason: "negative index (indices are 1-based)")
            }
            var index = 0
            var digits = 0
            while q < tokenStop, q[0] &- 48 < 10 {
                if index <= maximumFeatures { index = index * 10 + Int(q[0] &- 48) }
                digits += 1
                q += 1
            }
            guard digits > 0, q < tokenStop, q[0] == UInt8(ascii: ":") else {
                throw .badPair(file: file, line: line, pair: text(token, tokenStop), reason: "not of the form index:value")
            }
            guard index > 0 else {
                throw .badPair(file: file, line: line, pair: text(token, tokenStop), reason: "index 0 (indices are 1-based)")
            }
            if let features, index > features {
                throw .badPair(file: file, line: line, pair: text(token, tokenStop),
                               reason: "index \(index) is beyond --n-features \(features)")
            }
            guard index <= maximumFeatures else {
                throw .badPair(file: file, line: line, pair: text(token, tokenStop),
                               reason: "index beyond the limit of \(maximumFeatures) features")
            }
            q += 1
            guard q < tokenStop, let (value, valueStop) = CSVReader.parseNumber(q, tokenStop), valueStop == tokenStop else {
                throw .badPair(file: file, line: line, pair: text(token, tokenStop), reason: "the value is not a number")
            }
            guard value.isFinite else {
                throw .badPair(file: file, line: line, pair: text(token, tokenStop),
                               reason: "the value is not finite (NaN and Inf are not allowed)")
            }
            do throws(SVMLightError) {
                try pair(index - 1, value)
            } catch .badPair(_, _, _, let reason) {
                throw .badPair(file: file, line: line, pair: text(token, tokenStop), reason: reason)
            }
        }
        return label
    }

    private static func read(_ input: ByteInput, features: Int?) throws(SVMLightError) -> SVMLightData {
        let file = input.source
        input.lineLimit = CSVReader.maximumLineBytes
        // Pass 1: validate, count rows, labels and the nonzeros of each column.
        var counts = [Int](repeating: 0, count: (features ?? 0) + 1)
        var lastRow = [Int32](repeating: -1, count: features ?? 0)
        var labels: [Double] = []
        var width = features ?? 0
        func nextLine() throws(SVMLightError) -> (start: UnsafeMutablePointer<UInt8>, count: Int)? {
            do { return try input.nextLine() } catch { throw SVMLightError(error, file: file) }
        }
        while let (start, count) = try nextLine() {
            let line = input.lineNumber - 1
            let row = Int32(truncatingIfNeeded: labels.count)
            let label = try parseLine(start, count, file: file, line: line, features: features) {
                (j: Int, value: Double) throws(SVMLightError) in
                if j >= width {
                    // Without --n-features the width grows with the largest index seen.
                    width = j + 1
                    if counts.count < width + 1 {
                        let grown = max(width + 1, 2 * counts.count)
                        counts += [Int](repeating: 0, count: grown - counts.count)
                        lastRow += [Int32](repeating: -1, count: grown - 1 - lastRow.count)
                    }
                }
                guard lastRow[j] != row else {
                    throw .badPair(file: "", line: 0, pair: "", reason: "index \(j + 1) appears twice in this line")
                }
                lastRow[j] = row
                if value != 0 { counts[j + 1] += 1 }
            }
            guard let label else { continue }
            guard labels.count < Int(Int32.max) else { throw .tooManyRows(file: file, limit: Int(Int32.max)) }
            labels.append(label)
        }
        guard !labels.isEmpty else { throw .noData(file: file) }
        lastRow = []
        counts.removeLast(counts.count - (width + 1))
        for j in 0..<width { counts[j + 1] += counts[j] }
        // Pass 2: the same lines, already validated, written into the compressed columns.
        let nonzeros = counts[width]
        var fill = counts
        var rowIndices = [Int32](repeating: 0, count: nonzeros)
        var values = [Double](repeating: 0, count: nonzeros)
        input.rewind()
        var row: Int32 = 0
        while let (start, count) = try nextLine() {
            let line = input.lineNumber - 1
            let label = try parseLine(start, count, file: file, line: line, features: features) {
                (j: Int, value: Double) throws(SVMLightError) in
                guard value != 0 else { return }
                guard j < width, Int(row) < labels.count, fill[j] < counts[j + 1] else {
                    throw .changedDuringRead(file: file, detail: "line \(line) differs from the first reading")
                }
                rowIndices[fill[j]] = row
                values[fill[j]] = value
                fill[j] += 1
            }
            if label != nil { row += 1 }
        }
        let x: SparseMatrix
        do {
            x = try SparseMatrix(rows: labels.count, columns: width, columnStarts: counts, rowIndices: rowIndices, values: values)
        } catch {
            // Unreachable for a file that did not change between the passes.
            throw .changedDuringRead(file: file, detail: error.description)
        }
        return SVMLightData(source: file, x: x, labels: labels)
    }
}
