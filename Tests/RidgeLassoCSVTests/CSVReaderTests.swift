import Foundation
import LinearAlgebra
@testable import RidgeLassoCSV
import RidgeLasso
import Testing

/// The directory of this process's CSV test files, removed when the process exits.
private let csvScratchRoot: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("CSVReaderTests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: csvScratchRoot) }
    return url
}()

/// Writes `text` to a fresh temporary file (alone in its directory) and returns its path.
private func csvTemporaryFile(_ text: String, name: String = "data.csv") throws -> String {
    let dir = csvScratchRoot.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

private func csvParseError(_ text: String) -> CSVError? {
    do {
        _ = try CSVReader.parse(text, source: "t.csv")
        return nil
    } catch {
        return error
    }
}

@Suite("CSVReader")
struct CSVReaderTests {
    @Test("values land column-major under their header names")
    func basic() throws {
        let t = try CSVReader.parse("a,b,c\n1,2,3\n4,5,6\n", source: "t.csv")
        #expect(t.columnNames == ["a", "b", "c"])
        #expect(t.values.rows == 2 && t.values.columns == 3)
        #expect(t.values.storage == [1, 4, 2, 5, 3, 6])
        #expect(t.columnIndex(named: "c") == 2)
        #expect(t.columnIndex(named: "z") == nil)
        #expect(t.source == "t.csv")
    }

    @Test("RFC 4180 header: quotes, escaped quotes, commas and a newline inside quotes, spaces around")
    func quotedHeader() throws {
        let text = "  \"x, first\" , \"say \"\"hi\"\"\",\"two\nlines\",  plain name  \n1,2,3,4\n"
        let t = try CSVReader.parse(text)
        #expect(t.columnNames == ["x, first", "say \"hi\"", "two\nlines", "plain name"])
        #expect(t.values.storage == [1, 2, 3, 4])
    }

    @Test("CRLF line ends, no trailing newline, trailing blank lines, a byte-order mark")
    func lineEnds() throws {
        let expected: [Double] = [1, 3, 2, 4]
        for text in [
            "a,b\r\n1,2\r\n3,4\r\n", "a,b\r\n1,2\r\n3,4", "a,b\n1,2\n3,4", "a,b\n1,2\n3,4\n\n\n",
            "a,b\n1,2\n3,4\r\n  \r\n", "\u{FEFF}a,b\n1,2\n3,4\n",
        ] {
            let t = try CSVReader.parse(text)
            #expect(t.columnNames == ["a", "b"], "\(text.debugDescription)")
            #expect(t.values.storage == expected, "\(text.debugDescription)")
        }
    }

    @Test("spaces, tabs and double quotes around numeric cells")
    func surroundingSpaces() throws {
        let t = try CSVReader.parse("a,b,c\n  1 ,\t-2.5\t, \"3e2\" \n\" 4 \",+5,6.\n")
        #expect(t.values.row(0) == [1, -2.5, 300])
        #expect(t.values.row(1) == [4, 5, 6])
    }

    @Test("number syntax: exponents, hexadecimal, signed zero, leading zeros, long mantissas")
    func numberSyntax() throws {
        let cells = [
            "0", "-0", "007", "1e22", "1e23", "1E-5", ".5", "5.", "-.25e+2", "0x1p-3", "9007199254740993",
            "123456789012345678901234567890", "0.000000000000000000000000001234", "4.9e-324",
            "2.2250738585072014e-308", "1.7976931348623157e308", "1e-400",
        ]
        let header = (0..<cells.count).map { "c\($0)" }.joined(separator: ",")
        let t = try CSVReader.parse(header + "\n" + cells.joined(separator: ",") + "\n")
        for (j, cell) in cells.enumerated() {
            let expected = cell == "0x1p-3" ? 0.125 : Double(cell)!
            #expect(t.values[0, j].bitPattern == expected.bitPattern, "\(cell)")
        }
        #expect(t.values[0, 1].sign == .minus)
        #expect(t.values[0, 10] == 9007199254740992)   // ties to even
        #expect(t.values[0, 16] == 0)                  // underflow rounds to zero
    }

    @Test("every double round-trips exactly through its shortest and 17-digit decimal forms")
    func exactRoundTrip() throws {
        var rng = SplitMix64(seed: 20_261_123)
        var values: [Double] = []
        for k in 0..<4000 {
            switch k % 4 {
            case 0: values.append(rng.nextUniform() * 2 - 1)
            case 1: values.append((rng.nextUniform() - 0.5) * pow(10, Double(Int(rng.next() % 40)) - 20))
            case 2: values.append(Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF))   // finite, any exponent
            default: values.append(Double(Int64(bitPattern: rng.next()) >> 20))
            }
        }
        let p = 8
        var text = (0..<p).map { "v\($0)" }.joined(separator: ",") + "\n"
        for (k, v) in values.enumerated() {
            // alternate the shortest form with the 17-significant-digit form
            text += (k / p) % 2 == 0 ? "\(v)" : String(format: "%.17g", v)
            text += (k % p == p - 1) ? "\n" : ","
        }
        let t = try CSVReader.parse(text)
        #expect(t.values.rows == values.count / p)
        for (k, v) in values.enumerated() {
            let got = t.values[k / p, k % p]
            #expect(got.bitPattern == v.bitPattern, "value \(k): \(v) read as \(got)")
        }
    }

    @Test("digit strings of every length 1…25, with leading zeros, around the 8-digit blocks and the 19-digit limit")
    func digitBlocks() throws {
        var rng = SplitMix64(seed: 99)
        var cells: [String] = []
        for length in 1...25 {
            for _ in 0..<20 {
                var digits = ""
                for _ in 0..<length { digits += String(rng.next() % 10) }
                let zeros = String(repeating: "0", count: Int(rng.next() % 10))
                let split = Int(rng.next() % UInt64(length + 1))
                let intPart = String(digits.prefix(split)), fracPart = String(digits.dropFirst(split))
                cells.append(digits)                                   // integer
                cells.append(zeros + digits)                           // leading zeros
                cells.append((intPart.isEmpty ? "0" : intPart) + "." + fracPart)
                cells.append("-0." + zeros + digits)                   // small, many zeros
                cells.append(intPart + "." + fracPart + "e" + String(Int(rng.next() % 60) - 30))
            }
        }
        cells = cells.filter { $0 != "." && $0 != "-0." && !$0.hasPrefix(".e") }
        let text = "v\n" + cells.joined(separator: "\n") + "\n"
        let t = try CSVReader.parse(text)
        #expect(t.values.rows == cells.count)
        for (i, cell) in cells.enumerated() {
            let expected = try #require(Double(cell), "\(cell)")
            #expect(t.values[i, 0].bitPattern == expected.bitPattern, "\(cell): \(t.values[i, 0]) vs \(expected)")
        }
    }

    @Test("a file read in chunks: rows straddling chunk boundaries and a line longer than a chunk")
    func chunkedFile() throws {
        var rng = SplitMix64(seed: 7)
        let p = 3000   // a header line and rows of ~60 kB; 40 rows cross many 1 MiB chunks
        let longName = String(repeating: "n", count: 1_200_000)   // header longer than one chunk
        var text = longName + "," + (1..<p).map { "x\($0)" }.joined(separator: ",") + "\r\n"
        var expected: [[Double]] = []
        for _ in 0..<40 {
            let row = (0..<p).map { _ in rng.nextUniform() * 1000 - 500 }
            expected.append(row)
            text += row.map { "\($0)" }.joined(separator: ",") + "\r\n"
        }
        let path = try csvTemporaryFile(text)
        let t = try CSVReader.read(contentsOf: path)
        #expect(t.columnNames.count == p)
        #expect(t.columnNames[0] == longName)
        #expect(t.values == (try Matrix(rows: expected)))
    }

    @Test("many short rows in a file: the matrix is exactly the rows, no gaps between columns")
    func manyRows() throws {
        var text = "a,b,c\n"
        for i in 0..<100_000 { text += "\(i),\(-i),\(Double(i) / 8)\n" }
        text += "\n\n"   // trailing blank lines are allowed
        let t = try CSVReader.read(contentsOf: try csvTemporaryFile(text))
        #expect(t.values.rows == 100_000)
        #expect(t.values.column(0) == (0..<100_000).map { Double($0) })
        #expect(t.values.column(1) == (0..<100_000).map { -Double($0) })
        #expect(t.values.column(2) == (0..<100_000).map { Double($0) / 8 })
    }

    @Test("a single column; a FIFO (not seekable) is read whole, with the same result")
    func singleColumnAndFIFO() throws {
        let t = try CSVReader.parse("y\n1\n2\n3")
        #expect(t.values.storage == [1, 2, 3])
        let dir = (try csvTemporaryFile("") as NSString).deletingLastPathComponent
        let fifo = dir + "/fifo.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        var body = "a, b\n"
        for i in 0..<50_000 { body += "\(i),\(Double(i) * 0.5)\n" }
        let text = body
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(text.utf8))
                try? handle.close()
            }
        }
        writer.start()
        let f = try CSVReader.read(contentsOf: fifo)
        #expect(f.columnNames == ["a", "b"])
        #expect(f.values.rows == 50_000)
        #expect(f.values.column(1) == (0..<50_000).map { Double($0) * 0.5 })
    }

    @Test("two halves in parallel give exactly the serial result or the serial (earliest) error")
    func parallelHalves() throws {
        var texts: [String] = []
        var rows: [String] = []
        for i in 0..<30 { rows.append("\(i),\(Double(i) / 3),\(-i)") }
        let header = "a,b,c"
        func file(_ lines: [String], crlf: Bool = false, finalNewline: Bool = true) -> String {
            let sep = crlf ? "\r\n" : "\n"
            return lines.joined(separator: sep) + (finalNewline ? sep : "")
        }
        texts.append(file([header] + rows))
        texts.append(file([header] + rows, crlf: true))
        texts.append(file([header] + rows, finalNewline: false))
        texts.append(file([header] + rows + ["", "  ", ""]))                     // trailing blank lines
        texts.append(file(["\"a\nb\",\"c\"\"\",d"] + rows))                   // header over two lines
        for k in [1, 5, 10, 14, 15, 16, 17, 20, 29] {
            var bad = rows; bad[k] = "\(k),x,1"; texts.append(file([header] + bad))     // one bad cell
            var blank = rows; blank[k] = ""; texts.append(file([header] + blank))        // blank line inside
            var ragged = rows; ragged[k] = "1,2"; texts.append(file([header] + ragged))
            var two = rows; two[k] = "nan,1,1"; two[29 - k] = "1,2,3,4"; texts.append(file([header] + two))
            texts.append(file([header] + Array(rows.prefix(k)) + ["", ""]))            // ends in blanks
        }
        texts.append(file([header] + Array(rows.prefix(14)) + ["", ""] + Array(rows.suffix(14))))  // blank at the middle
        texts.append(file([header]))
        texts.append(file([header] + ["", "", "", "", "", ""]))
        for (t, text) in texts.enumerated() {
            let path = try csvTemporaryFile(text)
            let serial = Result { () throws(CSVError) in try CSVReader.read(contentsOf: path, parallelThreshold: Int.max) }
            for threshold in [1, 64, text.utf8.count] {
                let parallel = Result { () throws(CSVError) in try CSVReader.read(contentsOf: path, parallelThreshold: threshold) }
                switch (serial, parallel) {
                case (.success(let a), .success(let b)): #expect(a == b, "text \(t), threshold \(threshold)")
                case (.failure(let a), .failure(let b)): #expect(a == b, "text \(t), threshold \(threshold)")
                default: Issue.record("text \(t), threshold \(threshold): serial \(serial) vs parallel \(parallel)")
                }
            }
        }
    }

    @Test("a large file (over the parallel threshold) equals its in-memory parse")
    func largeFileParallel() throws {
        var rng = SplitMix64(seed: 5)
        var text = "x,y,z\n"
        var count = 0
        while text.utf8.count < CSVReader.parallelThreshold + 100_000 {
            text += "\(rng.nextUniform()),\(rng.nextUniform() * 1e6),\(Int(rng.next() % 1000))\n"
            count += 1
        }
        let fromFile = try CSVReader.read(contentsOf: try csvTemporaryFile(text))
        let fromMemory = try CSVReader.parse(text)
        #expect(fromFile.values.rows == count)
        #expect(fromFile.values == fromMemory.values)
    }

    // MARK: errors

    @Test("missing file and directory name the path and the reason")
    func unreadable() throws {
        let missing = "/nonexistent-dir-ridgelasso/x.csv"
        #expect(throws: CSVError.unreadable(file: missing, reason: "No such file or directory")) {
            try CSVReader.read(contentsOf: missing)
        }
        let dir = (try csvTemporaryFile("a\n1\n") as NSString).deletingLastPathComponent
        #expect(throws: CSVError.unreadable(file: dir, reason: "is a directory")) {
            try CSVReader.read(contentsOf: dir)
        }
        #expect(CSVError.unreadable(file: missing, reason: "No such file or directory").description
            == "/nonexistent-dir-ridgelasso/x.csv: cannot read file: No such file or directory")
    }

    @Test("empty file, blank file, header only")
    func emptyAndHeaderOnly() throws {
        #expect(csvParseError("") == .emptyFile(file: "t.csv"))
        #expect(csvParseError("\n  \n\r\n") == .emptyFile(file: "t.csv"))
        #expect(csvParseError("a,b\n") == .noDataRows(file: "t.csv"))
        #expect(csvParseError("a,b") == .noDataRows(file: "t.csv"))
        #expect(csvParseError("a,b\r\n\r\n") == .noDataRows(file: "t.csv"))
        let path = try csvTemporaryFile("")
        #expect(throws: CSVError.emptyFile(file: path)) { try CSVReader.read(contentsOf: path) }
        #expect(CSVError.noDataRows(file: "t.csv").description == "t.csv: the file has a header but no data rows")
    }

    @Test("non-numeric cells name line, row, column and the text")
    func nonNumeric() {
        let e = csvParseError("a,b,c\n1,2,3\n4,abc,6\n")
        #expect(e == .notANumber(file: "t.csv", line: 3, row: 2, column: 2, name: "b", text: "abc"))
        #expect(e?.description == "t.csv: line 3 (row 2), column 2 \"b\": \"abc\" is not a number")
        #expect(csvParseError("a,b\n1,\n") == .notANumber(file: "t.csv", line: 2, row: 1, column: 2, name: "b", text: ""))
        #expect(csvParseError("a,b\n1,\n")?.description == "t.csv: line 2 (row 1), column 2 \"b\": empty cell")
        #expect(csvParseError("a,b\n1,,\n") == .raggedRow(file: "t.csv", line: 2, row: 1, fields: 3, expected: 2))
        #expect(csvParseError("a,b,c\n1,,3\n") == .notANumber(file: "t.csv", line: 2, row: 1, column: 2, name: "b", text: ""))
        for bad in ["1.2.3", "1e", "1e+", "--1", "1 2", "12abc", "0x", "\"1", "\"1\"x", "1,5e"] {
            let text = "a\n" + bad + "\n"
            let error = csvParseError(text)
            if case .notANumber(_, 2, 1, 1, "a", _) = error {} else if case .raggedRow = error {} else {
                Issue.record("\(bad.debugDescription) gave \(String(describing: error))")
            }
        }
    }

    @Test("NaN and infinities are rejected with their position")
    func nonFinite() {
        for cell in ["nan", "NaN", "inf", "-Infinity", "1e999", "-1e400000"] {
            #expect(csvParseError("a,b\n1,2\n3,\(cell)\n")
                == .nonFinite(file: "t.csv", line: 3, row: 2, column: 2, name: "b", text: cell))
        }
        #expect(csvParseError("a,b\n1,nan\n")?.description
            == "t.csv: line 2 (row 1), column 2 \"b\": \"nan\" is not finite (NaN and Inf are not allowed)")
    }

    @Test("ragged rows: too few and too many fields")
    func ragged() {
        #expect(csvParseError("a,b,c\n1,2,3\n4,5\n") == .raggedRow(file: "t.csv", line: 3, row: 2, fields: 2, expected: 3))
        #expect(csvParseError("a,b,c\n1,2,3,4,5\n") == .raggedRow(file: "t.csv", line: 2, row: 1, fields: 5, expected: 3))
        #expect(csvParseError("a,b,c\n1,2,3,4,5\n")?.description == "t.csv: line 2 (row 1): 5 fields, but the header has 3")
        #expect(csvParseError("a,b\n1\n") == .raggedRow(file: "t.csv", line: 2, row: 1, fields: 1, expected: 2))
    }

    @Test("blank line between rows is an error, line numbers count quoted header lines")
    func blankLineBetweenRows() {
        #expect(csvParseError("a,b\n1,2\n\n3,4\n") == .blankLine(file: "t.csv", line: 3))
        #expect(csvParseError("\"a\nb\",c\n1,x\n") == .notANumber(file: "t.csv", line: 3, row: 1, column: 2, name: "c", text: "x"))
    }

    @Test("header problems: duplicate, empty and unterminated names")
    func headerProblems() {
        #expect(csvParseError("a,b, a\n1,2,3\n") == .duplicateColumnName(file: "t.csv", name: "a", first: 1, second: 3))
        #expect(csvParseError("a,b,a\n1,2,3\n")?.description == "t.csv: line 1: duplicate column name \"a\" (columns 1 and 3)")
        #expect(csvParseError(",b\n1,2\n") == .emptyColumnName(file: "t.csv", column: 1))
        #expect(csvParseError("a,b,\n1,2,3\n") == .emptyColumnName(file: "t.csv", column: 3))
        #expect(csvParseError("\"a,b\n1,2\n") == .malformedHeader(file: "t.csv", line: 1, reason: "unterminated quoted field"))
        #expect(csvParseError("\"a\"x,b\n1,2\n")
            == .malformedHeader(file: "t.csv", line: 1, reason: "text after the closing quote of column 1"))
        #expect(csvParseError("\n1,2\n") == .malformedHeader(file: "t.csv", line: 1, reason: "the first line is blank; expected the column names"))
    }

    @Test("messages stay on one line whatever the cell holds")
    func oneLineMessages() {
        let e = csvParseError("a\n1\rx\n")
        #expect(e?.description.contains("\n") == false)
        #expect(e?.description.contains("\r") == false)
        #expect(e == .notANumber(file: "t.csv", line: 2, row: 1, column: 1, name: "a", text: "1\rx"))
    }
}
