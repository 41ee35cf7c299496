import Testing
@testable import BenchmarkSuite

@Suite struct CSVDatasetTests {
    @Test func parsesAndStandardizes() throws {
        let data = try CSVDataset(text: "a, b ,target\r\n1,10,5\n2,20,6\n3,60,7\n\n")
        #expect(data.featureNames == ["a", "b"] && data.targetName == "target")
        #expect(data.y == [5, 6, 7])
        #expect(data.x.rows == 3 && data.x.columns == 2)
        let a = data.x.column(0)
        #expect(abs(a.reduce(0, +)) < 1e-12)
        #expect(abs(a.map { $0 * $0 }.reduce(0, +) / 3 - 1) < 1e-12)
    }

    @Test func errorsNameTheLineAndColumn() {
        // The library's CSVReader messages, as the command line prints them.
        #expect(throws: CSVDataset.ParseError(message: "t.csv: line 3 (row 2), column 2 \"b\": \"x\" is not a number")) {
            try CSVDataset(text: "a,b,y\n1,2,3\n4,x,6\n", source: "t.csv")
        }
        #expect(throws: CSVDataset.ParseError(message: "CSV: line 2 (row 1): 2 fields, but the header has 3")) {
            try CSVDataset(text: "a,b,y\n1,2\n")
        }
        #expect(throws: CSVDataset.ParseError(message: "CSV: column 1 (a) is constant")) {
            try CSVDataset(text: "a,y\n1,2\n1,3\n")
        }
        #expect(throws: CSVDataset.ParseError.self) { try CSVDataset(text: "") }
        #expect(throws: CSVDataset.ParseError.self) { try CSVDataset(text: "y\n1\n2\n") }
        #expect(throws: CSVDataset.ParseError.self) { try CSVDataset(text: "a,y\nnan,1\n2,3\n") }
        #expect(throws: CSVDataset.ParseError.self) { try CSVDataset(contentsOfFile: "/nonexistent/file.csv") }
        #expect(throws: CSVDataset.ParseError(message: "CSV: need at least 2 data rows, found 1")) {
            try CSVDataset(text: "a,y\n1,2\n")
        }
    }

    @Test func quotedHeaderNamesKeepTheirCommas() throws {
        let data = try CSVDataset(text: "\"dose, mg\",\"weight\",y\n1,2,3\n2,5,4\n3,4,8\n")
        #expect(data.featureNames == ["dose, mg", "weight"] && data.targetName == "y")
        #expect(data.y == [3, 4, 8])
    }

    /// The shipped diabetes data: 442 patients, 10 features, target mean 152.13 (scikit-learn's
    /// `load_diabetes`).
    @Test func diabetesIsShipped() throws {
        let data = try CSVDataset.diabetes()
        #expect(data.x.rows == 442 && data.x.columns == 10)
        #expect(abs(data.y.reduce(0, +) / 442 - 152.133) < 1e-3)
        let problems = try data.problems(name: "diabetes")
        #expect(problems.map(\.kind) == [.ridge, .lasso])
        #expect(problems.allSatisfy { $0.alpha > 0 })
    }
}
