import Foundation
@testable import RidgeLassoCSV
import Testing

/// ``CSVReader``'s limits: an absurd size in the data is an error naming the limit and the line,
/// found before the memory it would need is asked for.
@Suite("CSVReader limits")
struct CSVLimitsTests {
    private func scratchFile(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csvlimits-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        return url.path
    }

    private func parseError(_ body: () throws(CSVError) -> CSVTable) -> CSVError? {
        do { _ = try body(); return nil } catch { return error }
    }

    @Test("a header of maximumColumns + 1 names is refused before the names are built")
    func tooManyColumns() {
        let header = Array(repeating: "c", count: CSVReader.maximumColumns + 1).joined(separator: ",")
        let error = parseError { () throws(CSVError) in try CSVReader.parse(header + "\n1\n", source: "wide.csv") }
        #expect(error == .tooManyColumns(file: "wide.csv", columns: CSVReader.maximumColumns + 1,
                                         limit: CSVReader.maximumColumns))
        #expect(error?.description == "wide.csv: line 1: the header has 1000001 columns, more than the limit of 1000000")
    }

    @Test("commas inside quoted names are not columns")
    func quotedCommasDoNotCount() throws {
        let t = try CSVReader.parse("\"a,b\",c\n1,2\n", source: "q.csv")
        #expect(t.columnNames == ["a,b", "c"])
    }

    @Test("a line longer than the limit names its line, in memory and from a file, serial and split")
    func lineTooLong() throws {
        let limit = 64
        let rows = (1...40).map { "\($0),\($0 * 2)" }
        var long = rows
        long[29] = "1," + String(repeating: "9", count: limit)   // line 31: 66 bytes
        let text = (["x,y"] + long).joined(separator: "\n") + "\n"
        let expected = CSVError.lineTooLong(file: "<memory>", line: 31, limit: limit)
        #expect(parseError { () throws(CSVError) in try CSVReader.parse(Array(text.utf8), source: "<memory>", lineLimit: limit) }
                == expected)
        let path = try scratchFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        for threshold in [Int.max, 1, 64] {
            #expect(parseError { () throws(CSVError) in
                try CSVReader.read(contentsOf: path, parallelThreshold: threshold, lineLimit: limit)
            } == .lineTooLong(file: path, line: 31, limit: limit), "threshold \(threshold)")
        }
        // The same file without the long line is read; a line of exactly the limit is allowed.
        var exact = rows
        exact[29] = "1," + String(repeating: "9", count: limit - 2)
        let ok = try CSVReader.parse(Array((["x,y"] + exact).joined(separator: "\n").utf8), source: "m", lineLimit: limit)
        #expect(ok.rowCount == 40)
        #expect(ok.values[29, 1] == Double(String(repeating: "9", count: limit - 2)))
    }

    @Test("a long header record, a quoted name spanning lines included, is refused")
    func longHeader() {
        let text = "\"a\n" + String(repeating: "b", count: 40) + "\n" + String(repeating: "c", count: 40) + "\",d\n1,2\n"
        #expect(parseError { () throws(CSVError) in try CSVReader.parse(Array(text.utf8), source: "h", lineLimit: 64) }
                == .lineTooLong(file: "h", line: 1, limit: 64))
    }

    @Test("a 10⁹-byte row (a sparse file) fails at the default limit")
    func gigabyteRow() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("csvlimits-\(UUID().uuidString).csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("x,y\n".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 1_000_000_004)   // a hole of zero bytes: one line of 10⁹ bytes
        try handle.close()
        #expect(parseError { () throws(CSVError) in try CSVReader.read(contentsOf: path) }
                == .lineTooLong(file: path, line: 2, limit: CSVReader.maximumLineBytes))
    }
}
