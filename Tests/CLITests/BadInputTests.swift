import Foundation
import Testing

/// Every bad input of the contract: a non-zero exit status, exactly one line on standard error
/// naming the problem (file, row and column where they apply), nothing on standard output.
@Suite("ridgelasso bad input")
struct BadInputTests {
    static let orthogonal = Fixture.path("orthogonal.csv")

    /// Runs and checks the bad-input contract; returns the single stderr line.
    static func failure(_ arguments: [String], status: Int32) throws -> String {
        try CLIProcess.expectFailure(arguments, status: status)
    }

    static func fit(_ file: String, _ extra: [String] = []) -> [String] {
        ["fit", "--model", "lasso", "--alpha", "0.1"] + extra + [file]
    }

    @Test("files: missing, a directory, empty, header only")
    func files() throws {
        #expect(try Self.failure(Self.fit("/nonexistent/data.csv"), status: 1)
            == "ridgelasso: error: /nonexistent/data.csv: cannot read file: No such file or directory")
        let dir = try temporaryDirectory().path
        #expect(try Self.failure(Self.fit(dir), status: 1) == "ridgelasso: error: \(dir): cannot read file: is a directory")
        let empty = Fixture.path("bad/empty.csv")
        #expect(try Self.failure(Self.fit(empty), status: 1)
            == "ridgelasso: error: \(empty): the file is empty (expected a header line and numeric rows)")
        let headerOnly = Fixture.path("bad/header_only.csv")
        #expect(try Self.failure(Self.fit(headerOnly), status: 1)
            == "ridgelasso: error: \(headerOnly): the file has a header but no data rows")
    }

    @Test("cells: non-numeric, NaN, Inf, ragged row, duplicate column names — with line, row and column")
    func cells() throws {
        let nonNumeric = Fixture.path("bad/non_numeric.csv")
        #expect(try Self.failure(Self.fit(nonNumeric), status: 1)
            == "ridgelasso: error: \(nonNumeric): line 3 (row 2), column 2 \"b\": \"five\" is not a number")
        let nan = Fixture.path("bad/nan.csv")
        #expect(try Self.failure(Self.fit(nan), status: 1)
            == "ridgelasso: error: \(nan): line 3 (row 2), column 2 \"b\": \"NaN\" is not finite (NaN and Inf are not allowed)")
        let inf = Fixture.path("bad/inf.csv")
        #expect(try Self.failure(Self.fit(inf), status: 1)
            == "ridgelasso: error: \(inf): line 3 (row 2), column 3 \"y\": \"-inf\" is not finite (NaN and Inf are not allowed)")
        let ragged = Fixture.path("bad/ragged.csv")
        #expect(try Self.failure(Self.fit(ragged), status: 1)
            == "ridgelasso: error: \(ragged): line 3 (row 2): 2 fields, but the header has 3")
        let duplicate = Fixture.path("bad/duplicate_columns.csv")
        #expect(try Self.failure(Self.fit(duplicate), status: 1)
            == "ridgelasso: error: \(duplicate): line 1: duplicate column name \"a\" (columns 1 and 3)")
        // predict reads CSV the same way
        #expect(try Self.failure(["predict", "--model", Fixture.path("bad/truncated_model.json"), nan], status: 1)
            .hasPrefix("ridgelasso: error: "))
    }

    @Test("columns: unknown target, unknown weights column, negative weights")
    func columns() throws {
        let f = Self.orthogonal
        #expect(try Self.failure(Self.fit(f, ["--target", "z"]), status: 1)
            == "ridgelasso: error: \(f): no column named \"z\" for --target (columns: \"x1\", \"x2\", \"x3\", \"y\")")
        #expect(try Self.failure(Self.fit(f, ["--weights", "w"]), status: 1)
            == "ridgelasso: error: \(f): no column named \"w\" for --weights (columns: \"x1\", \"x2\", \"x3\", \"y\")")
        #expect(try Self.failure(Self.fit(f, ["--weights", "x1"]), status: 1)
            == "ridgelasso: error: \(f): line 3 (row 2), column 1 \"x1\": negative weight -1.0")
        #expect(try Self.failure(Self.fit(f, ["--weights", "y"]), status: 1)
            == "ridgelasso: error: \(f): column \"y\" cannot be both the target and the weights")
        let dir = try temporaryDirectory()
        let zeros = dir.appendingPathComponent("zeros.csv").path
        try "a,w,y\n1,0,2\n2,0,3\n".write(toFile: zeros, atomically: true, encoding: .utf8)
        #expect(try Self.failure(Self.fit(zeros, ["--weights", "w"]), status: 1)
            == "ridgelasso: error: \(zeros): every weight in column \"w\" is zero")
        let single = dir.appendingPathComponent("single.csv").path
        try "y\n1\n2\n".write(toFile: single, atomically: true, encoding: .utf8)
        #expect(try Self.failure(Self.fit(single), status: 1)
            == "ridgelasso: error: \(single): no feature columns (the file has only \"y\")")
        #expect(try Self.failure(["path", "--model", "lasso", "--target", "nope", f], status: 1)
            .hasPrefix("ridgelasso: error: \(f): no column named \"nope\" for --target"))
    }

    @Test("parameters: α < 0, r outside [0, 1], unknown model or solver, unknown option, options that do not apply")
    func parameters() throws {
        let f = Self.orthogonal
        #expect(try Self.failure(["fit", "--model", "lasso", "--alpha", "-1", f], status: 2)
            == "ridgelasso: error: --alpha must be a finite number ≥ 0 (got -1.0)")
        #expect(try Self.failure(["fit", "--model", "ridge", "--alpha", "nan", f], status: 2)
            == "ridgelasso: error: --alpha must be a finite number ≥ 0 (got nan)")
        #expect(try Self.failure(["fit", "--model", "elasticnet", "--alpha", "1", "--l1-ratio", "1.5", f], status: 2)
            == "ridgelasso: error: --l1-ratio must lie in [0, 1] (got 1.5)")
        #expect(try Self.failure(["path", "--model", "elasticnet", "--l1-ratio", "-0.1", f], status: 2)
            == "ridgelasso: error: --l1-ratio must lie in [0, 1] (got -0.1)")
        #expect(try Self.failure(["fit", "--model", "ols", "--alpha", "1", f], status: 2)
            == "ridgelasso: error: The value 'ols' is invalid for '--model <model>'. Please provide one of 'ridge', 'lasso' or 'elasticnet'.")
        #expect(try Self.failure(["fit", "--model", "ridge", "--alpha", "1", "--solver", "lu", f], status: 2)
            == "ridgelasso: error: The value 'lu' is invalid for '--solver <solver>'. Please provide one of 'auto', 'cholesky', 'qr' or 'svd'.")
        #expect(try Self.failure(["fit", "--model", "ridge", "--alpha", "1", "--frobnicate", f], status: 2)
            == "ridgelasso: error: Unknown option '--frobnicate'")
        #expect(try Self.failure(["fit", "--model", "ridge", f], status: 2)
            == "ridgelasso: error: Missing expected argument '--alpha <A>'")
        #expect(try Self.failure(["fit", "--model", "lasso", "--alpha", "1", "--solver", "qr", f], status: 2)
            == "ridgelasso: error: --solver applies to --model ridge, not lasso")
        #expect(try Self.failure(["fit", "--model", "ridge", "--alpha", "1", "--l1-ratio", "0.5", f], status: 2)
            == "ridgelasso: error: --l1-ratio applies to --model elasticnet, not ridge")
        #expect(try Self.failure(["fit", "--model", "ridge", "--alpha", "1", "--tol", "1e-6", f], status: 2)
            == "ridgelasso: error: --tol and --max-iter apply to lasso and elasticnet; ridge is solved exactly")
        #expect(try Self.failure(["fit", "--model", "lasso", "--alpha", "1", "--max-iter", "0", f], status: 2)
            == "ridgelasso: error: --max-iter must be ≥ 1 (got 0)")
        #expect(try Self.failure(["path", "--model", "ridge", f], status: 2)
            == "ridgelasso: error: path supports --model lasso or elasticnet (ridge is solved exactly at any α with fit)")
        #expect(try Self.failure(["path", "--model", "lasso", "--alphas", "1,x", f], status: 2)
            == "ridgelasso: error: --alphas: \"x\" is not a number (expected a comma-separated list like 1,0.1,0.01)")
        #expect(try Self.failure(["path", "--model", "lasso", "--alphas", "1,-2", f], status: 2)
            == "ridgelasso: error: --alphas must be a finite number ≥ 0 (got -2.0)")
        #expect(try Self.failure(["path", "--model", "lasso", "--eps", "1", f], status: 2)
            == "ridgelasso: error: --eps must lie in (0, 1) (got 1.0)")
        #expect(try Self.failure(["path", "--model", "elasticnet", "--l1-ratio", "0", f], status: 2)
            == "ridgelasso: error: --l1-ratio 0 has no α_max (it is infinite for pure l2): give the grid with --alphas")
        #expect(try Self.failure(["frobnicate"], status: 2) == "ridgelasso: error: Unexpected argument 'frobnicate'")
    }

    @Test("a fit that cannot be done: standardizing a constant column names the feature")
    func constantColumn() throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("constant.csv").path
        try "a,c,y\n1,5,1\n2,5,3\n3,5,2\n".write(toFile: file, atomically: true, encoding: .utf8)
        for model in [["--model", "lasso"], ["--model", "ridge"]] {
            #expect(try Self.failure(["fit"] + model + ["--alpha", "0.1", "--standardize", file], status: 1)
                == "ridgelasso: error: \(file): feature \"c\" (column 2) is constant and cannot be standardized")
        }
    }
}
