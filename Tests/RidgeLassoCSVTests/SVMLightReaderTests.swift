import Foundation
import LinearAlgebra
import RidgeLasso
import RidgeLassoCSV
import Testing
import _TestSupport

@Suite("SVMLightReader")
struct SVMLightReaderTests {
    @Test("a small file: labels, 1-based indices in any order, width from the largest index")
    func small() throws {
        let data = try SVMLightReader.parse("""
            1.5 1:2 3:-4
            -2 2:0.5
            0 3:1e-3 1:7
            """, source: "a.svm")
        #expect(data.labels == [1.5, -2, 0])
        #expect(data.x.rows == 3 && data.x.columns == 3)
        #expect(data.x.dense() == (try Matrix(rows: [[2, 0, -4], [0, 0.5, 0], [7, 0, 1e-3]])))
        #expect(data.featureNames == ["1", "2", "3"])
        #expect(data.source == "a.svm")
    }

    @Test("comments, CRLF, tabs, trailing spaces, empty lines and qid: are accepted")
    func layout() throws {
        let text = "# a header comment\r\n\r\n3 qid:7 1:1 \t 2:2   # trailing comment\r\n   \n\t\n-1\tqid:8\t2:5\r\n4 # a row without features\n"
        let data = try SVMLightReader.parse(text)
        #expect(data.labels == [3, -1, 4])
        #expect(data.x.dense() == (try Matrix(rows: [[1, 2], [0, 5], [0, 0]])))
    }

    @Test("--n-features keeps columns no row uses (the largest index absent from every row)")
    func width() throws {
        let data = try SVMLightReader.parse("1 1:1 3:2\n2 2:1\n", features: 6)
        #expect(data.x.columns == 6 && data.x.nonzeroCount == 3)
        #expect(data.x.nonzeroCount(column: 5) == 0 && data.x.nonzeroCount(column: 3) == 0)
        #expect(data.featureNames.last == "6")
        #expect(throws: SVMLightError.badWidth(file: "<memory>", features: 0, limit: SVMLightReader.maximumFeatures)) {
            try SVMLightReader.parse("1 1:1\n", features: 0)
        }
    }

    @Test("round trip: a seeded sparse matrix written and read back is bitwise the same",
          arguments: [(1, 1, 1.0), (40, 25, 0.2), (7, 300, 0.01)])
    func roundTrip(n: Int, p: Int, density: Double) throws {
        var rng = SplitMix64(seed: UInt64(n * 1000 + p))
        let x = try rng.sparseMatrix(n, p, density: density, offset: 0.3)
        let labels = (0..<n).map { _ in rng.normal() * 1e3 }
        let text = SVMLightReader.format(x, labels: labels)
        let back = try SVMLightReader.parse(text, features: p)
        #expect(back.x == x)
        #expect(back.labels.map(\.bitPattern) == labels.map(\.bitPattern))
        // From a file as well (the two-pass reader reads it twice).
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("svmlight-\(n)-\(p)-\(UUID()).svm")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let fromFile = try SVMLightReader.read(contentsOf: url.path, features: p)
        #expect(fromFile.x == x && fromFile.labels == labels)
    }

    /// Every kind of bad input is one error naming the file, the line and the pair.
    @Test("bad input: each error names the file, line and pair", arguments: [
        ("1 1:2\n2 3\n", "f.svm: line 2, pair \"3\": not of the form index:value"),
        ("1 1:2\n2 0:1\n", "f.svm: line 2, pair \"0:1\": index 0 (indices are 1-based)"),
        ("1 -3:1\n", "f.svm: line 1, pair \"-3:1\": negative index (indices are 1-based)"),
        ("1 1:1\n\n2 5:1\n", "f.svm: line 3, pair \"5:1\": index 5 is beyond --n-features 4"),
        ("abc 1:1\n", "f.svm: line 1: label \"abc\" is not a number"),
        ("1 2:x\n", "f.svm: line 1, pair \"2:x\": the value is not a number"),
        ("1 2:\n", "f.svm: line 1, pair \"2:\": the value is not a number"),
        ("1 2:1.5.2\n", "f.svm: line 1, pair \"2:1.5.2\": the value is not a number"),
        ("1 2:nan\n", "f.svm: line 1, pair \"2:nan\": the value is not finite (NaN and Inf are not allowed)"),
        ("1 2:1e999\n", "f.svm: line 1, pair \"2:1e999\": the value is not finite (NaN and Inf are not allowed)"),
        ("inf 2:1\n", "f.svm: line 1: label \"inf\" is not finite (NaN and Inf are not allowed)"),
        ("1 2:1 3:1 2:4\n", "f.svm: line 1, pair \"2:4\": index 2 appears twice in this line"),
        ("1 :4\n", "f.svm: line 1, pair \":4\": not of the form index:value"),
        ("1 1:2 qid:3\n", "f.svm: line 1, pair \"qid:3\": not of the form index:value"),
        ("# only a comment\n\n", "f.svm: no data line (expected lines of the form `label index:value …`)"),
    ])
    func badInput(text: String, message: String) throws {
        do {
            _ = try SVMLightReader.parse(text, source: "f.svm", features: 4)
            Issue.record("no error for \(text.debugDescription)")
        } catch {
            #expect(error.description == message)
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("without --n-features an index past the limit is refused before anything is allocated")
    func hugeIndex() throws {
        #expect(throws: SVMLightError.badPair(file: "<memory>", line: 1, pair: "999999999999:1",
                                               reason: "index beyond the limit of \(SVMLightReader.maximumFeatures) features")) {
            try SVMLightReader.parse("1 999999999999:1\n")
        }
    }

    @Test("a missing file is reported as unreadable")
    func missing() {
        #expect(throws: SVMLightError.unreadable(file: "/nonexistent/x.svm", reason: "No such file or directory")) {
            try SVMLightReader.read(contentsOf: "/nonexistent/x.svm")
        }
    }

    @Test("svmlight errors are RidgeLassoErrors: localizedDescription is the one-line message")
    func errorProtocol() {
        do {
            _ = try SVMLightReader.read(contentsOf: "/nonexistent/x.svm")
            Issue.record("a missing file was read")
        } catch let error as any RidgeLassoError {
            #expect(error.localizedDescription == "/nonexistent/x.svm: cannot read file: No such file or directory")
        } catch {
            Issue.record("\(error) is not a RidgeLassoError")
        }
    }
}
