import Foundation
import LinearAlgebra
@testable import RidgeLassoCSV
import Testing

/// Reads `text` with ``CSVSource`` (all columns, or `columns` with `types`).
private func read(_ text: String, _ options: CSVReadOptions = CSVReadOptions(), columns: [Int]? = nil,
                  types: [Int: CSVColumnType] = [:]) throws(CSVError) -> CSVTable {
    try CSVSource(bytes: Array(text.utf8), source: "t.csv", options: options).read(columns: columns, types: types)
}

private func readError(_ text: String, _ options: CSVReadOptions = CSVReadOptions(), columns: [Int]? = nil,
                       types: [Int: CSVColumnType] = [:]) -> CSVError? {
    do { _ = try read(text, options, columns: columns, types: types); return nil } catch { return error }
}

/// Writes `text` to a temporary file (so the fast path, which needs a regular file for its
/// split, and the rewind of a file are exercised) and returns its path.
private func temporaryCSV(_ text: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("CSVSourceTests-\(UUID().uuidString).csv")
    try Data(text.utf8).write(to: url)
    return url.path
}

@Suite("CSVSource: CSV as people write it")
struct CSVSourceTests {
    @Test("R write.csv: an empty first header cell is a column of row names, never a value")
    func rowNames() throws {
        let t = try read("\"\",\"mpg\",\"cyl\"\n\"Mazda RX4\",21,6\n\"Datsun 710\",22.8,4\n")
        #expect(t.columnNames == ["mpg", "cyl"])
        #expect(t.rowNames == ["Mazda RX4", "Datsun 710"])
        #expect(t.values.storage == [21, 22.8, 6, 4])
        // pandas to_csv with an unnamed index: the header starts with a bare comma.
        let p = try read(",a,b\n0,1.5,2\n1,3,4\n")
        #expect(p.rowNames == ["0", "1"] && p.values.storage == [1.5, 3, 2, 4])
    }

    @Test("delimiter detected from the header: semicolon (decimal commas accepted), tab")
    func delimiters() throws {
        let s = try read("\"\";\"a\";\"b\"\n\"r1\";3,9;2\n\"r2\";-0,5;1e3\n")
        #expect(s.columnNames == ["a", "b"] && s.values.storage == [3.9, -0.5, 2, 1000])
        let t = try read("a\tb\n1\t2\n 3 \t4\n")
        #expect(t.values.storage == [1, 3, 2, 4])
        // Given explicitly, the delimiter wins over detection.
        let given = try read("a;b,c\n1;2,5\n", CSVReadOptions(delimiter: .semicolon))
        #expect(given.columnNames == ["a", "b,c"] && given.values.storage == [1, 2.5])
        // With --decimal . a decimal comma is text, not silently a number.
        #expect(readError("a;b\n1;2,5\n", CSVReadOptions(decimalMark: .period))
            == .notANumber(file: "t.csv", line: 2, row: 1, column: 2, name: "b", text: "2,5"))
        // With --decimal , a period is not a decimal mark (it would be a thousands separator).
        #expect(readError("a;b\n1;2.5\n", CSVReadOptions(decimalMark: .comma))
            == .notANumber(file: "t.csv", line: 2, row: 1, column: 2, name: "b", text: "2.5"))
        // A quoted decimal comma in a comma-separated file, with --decimal ,.
        let quoted = try read("a,b\n\"1,25\",2\n", CSVReadOptions(decimalMark: .comma))
        #expect(quoted.values.storage == [1.25, 2])
    }

    @Test("missing values: named in the error by default, rows left out with omitRow")
    func missing() throws {
        let text = "a,b,y\n1,NA,3\n4,5,6\n7,,9\n10,NaN,12\n13,null,15\n16,17,18\n"
        #expect(readError(text) == .missingValue(file: "t.csv", line: 2, row: 1, column: 2, name: "b", text: "NA"))
        #expect(readError(text)?.description == "t.csv: line 2 (row 1), column 2 \"b\": missing value (\"NA\")")
        #expect(readError("a,b\n1,\n")?.description == "t.csv: line 2 (row 1), column 2 \"b\": missing value (empty cell)")
        let t = try read(text, CSVReadOptions(missingValues: .omitRow))
        #expect(t.values.storage == [4, 16, 5, 17, 6, 18])
        #expect(t.omittedRows == [1, 3, 4, 5])
        // A missing value in a column not read does not count.
        let some = try read(text, columns: [0, 2])
        #expect(some.values.storage == [1, 4, 7, 10, 13, 16, 3, 6, 9, 12, 15, 18])
        #expect(readError("a,b\nNA,1\n", CSVReadOptions(missingValues: .omitRow)) == .allRowsOmitted(file: "t.csv", rows: 1))
    }

    @Test("TRUE/FALSE read as 1/0; other text names the cell; Inf stays an error")
    func booleansAndText() throws {
        let t = try read("a,b\nTRUE,1\nfalse,2\nTrue,3\n")
        #expect(t.values.storage == [1, 0, 1, 1, 2, 3])
        #expect(readError("a,b\n1,setosa\n") == .notANumber(file: "t.csv", line: 2, row: 1, column: 2, name: "b", text: "setosa"))
        #expect(readError("a,b\n1,-Inf\n") == .nonFinite(file: "t.csv", line: 2, row: 1, column: 2, name: "b", text: "-Inf"))
    }

    @Test("categorical columns: levels in order of first appearance, codes in the matrix; auto detects text")
    func categorical() throws {
        let text = "x,s,y\n1,b,2\n2,a,3\n3,b,4\n4,\"c, d\",5\n"
        let t = try read(text, types: [1: .categorical])
        #expect(t.levels == [nil, ["b", "a", "c, d"], nil])
        #expect(t.values.column(1) == [0, 1, 0, 2])
        let auto = try read(text, types: [0: .numericOrCategorical, 1: .numericOrCategorical])
        #expect(auto.levels == [nil, ["b", "a", "c, d"], nil])
        #expect(auto.values.column(0) == [1, 2, 3, 4])
        // Fixed levels (a model's): codes index them; another level is an error naming the cell.
        let fixed = try read("s\na\nc, d\n", CSVReadOptions(delimiter: .semicolon), types: [0: .levels(["a", "b", "c, d"])])
        #expect(fixed.values.column(0) == [0, 2])
        #expect(readError("s,y\na,1\nz,2\n", types: [0: .levels(["a", "b"])])
            == .unknownLevel(file: "t.csv", line: 3, row: 2, column: 1, name: "s", level: "z", known: ["a", "b"]))
        // A level first seen in an omitted row is not recorded.
        let omitted = try read("s,y\nq,NA\na,1\n", CSVReadOptions(missingValues: .omitRow), types: [0: .categorical])
        #expect(omitted.levels[0] == ["a"] && omitted.values.storage == [0, 1])
        // Text columns keep every cell, missing tokens included.
        let kept = try read("s,y\nNA,1\na,2\n", types: [0: .text])
        #expect(kept.levels[0] == ["NA", "a"])
    }

    @Test("quoted fields: escapes, delimiters and newlines inside quotes; ragged rows counted with quotes")
    func quoting() throws {
        let t = try read(",v\n\"a \"\"b\"\", c\nd\",1\n\"e\",2\n")
        #expect(t.rowNames == ["a \"b\", c\nd", "e"])
        #expect(t.values.storage == [1, 2])
        #expect(readError(",a,b\n\"x, y\",1\n") == .raggedRow(file: "t.csv", line: 2, row: 1, fields: 2, expected: 3))
        #expect(readError("a,b\n1,2,3\n") == .raggedRow(file: "t.csv", line: 2, row: 1, fields: 3, expected: 2))
        #expect(readError(",a\n\"x\"y,1\n") == .notANumber(file: "t.csv", line: 2, row: 1, column: 1, name: "", text: "\"x\"y"))
    }

    @Test("column selection: only the chosen columns, in file order, from the fast path and the general one")
    func selection() throws {
        let path = try temporaryCSV("a,b,c,d\n1,2,3,4\n5,6,7,8\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fast = try CSVSource(contentsOf: path).read(columns: [1, 3])
        #expect(fast.columnNames == ["b", "d"] && fast.values.storage == [2, 6, 4, 8])
        // A text column not chosen sends the file to the general path, which skips it; the file is
        // read again from its first data line.
        let textPath = try temporaryCSV("a,b,c\n1,x,3\n4,y,6\n")
        defer { try? FileManager.default.removeItem(atPath: textPath) }
        let general = try CSVSource(contentsOf: textPath).read(columns: [0, 2])
        #expect(general.columnNames == ["a", "c"] && general.values.storage == [1, 4, 3, 6])
    }

    @Test("every numeric cell converts as the fast path does: the same doubles bit for bit")
    func sameNumbersAsFastPath() throws {
        var lines = ["a,b,c"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(Int64(bitPattern: state >> 1)) / Double(1 << 40) * (state & 1 == 0 ? 1 : 1e-7)
        }
        for _ in 0..<500 { lines.append("\(next()),\(next()),\(next())") }
        let text = lines.joined(separator: "\n") + "\n"
        let fast = try CSVReader.parse(text)
        let general = try read("," + text.replacingOccurrences(of: "\n", with: "\nr,").dropLast(2))
        #expect(general.values.storage.map(\.bitPattern) == fast.values.storage.map(\.bitPattern))
        let semicolon = try read(text.replacingOccurrences(of: ",", with: ";"))
        #expect(semicolon.values.storage.map(\.bitPattern) == fast.values.storage.map(\.bitPattern))
    }

    @Test("row names on the fast path, in two halves: the same names and numbers as the general parser")
    func rowNamesFastPath() throws {
        var lines = ["\"\",\"a\",\"b\""]
        for i in 0..<2000 { lines.append("\"r\(i)\",\(Double(i) * 0.1),\(-Double(i) / 3)") }
        let text = lines.joined(separator: "\n") + "\n"
        let path = try temporaryCSV(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let split = try CSVSource(input: try ByteInput(path: path), options: CSVReadOptions(), parallelThreshold: 1).read()
        // Semicolons send the same cells through the general parser.
        let general = try read(text.replacingOccurrences(of: ",", with: ";"))
        #expect(split.rowNames == (0..<2000).map { "r\($0)" })
        #expect(split.rowNames == general.rowNames)
        #expect(split.values.storage.map(\.bitPattern) == general.values.storage.map(\.bitPattern))
        // A quoted row name with an escaped quote or a comma is left to the general parser.
        let escaped = try temporaryCSV(",a\n\"x \"\"y\"\"\",1\n\"p, q\",2\n")
        defer { try? FileManager.default.removeItem(atPath: escaped) }
        let t = try CSVSource(contentsOf: escaped).read()
        #expect(t.rowNames == ["x \"y\"", "p, q"] && t.values.storage == [1, 2])
    }
}
