import Foundation
import Testing

/// Every bad input of the contract: a non-zero exit status, exactly one line on standard error
/// naming the problem (file, row and column where they apply), nothing on standard output, and
/// never a signal, a runtime trap, `null` or `inf` in the output, or an overwritten input file.
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
        // A text cell names the options that handle it; NaN is a missing value (R writes NaN).
        #expect(try Self.failure(Self.fit(nonNumeric), status: 1)
            == "ridgelasso: error: \(nonNumeric): line 3 (row 2), column 2 \"b\": \"five\" is not a number; "
            + "drop the column with --drop \"b\" or one-hot encode it with --categorical \"b\"")
        let nan = Fixture.path("bad/nan.csv")
        #expect(try Self.failure(Self.fit(nan), status: 1)
            == "ridgelasso: error: \(nan): line 3 (row 2), column 2 \"b\": missing value (\"NaN\"); "
            + "--na omit leaves out the rows with missing values")
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

    @Test("standardizing a constant column is not an error: its coefficient is 0 (as glmnet), the others are the fit without it")
    func constantColumn() throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("constant.csv").path
        try "a,c,y\n1,5,1\n2,5,3\n3,5,2\n".write(toFile: file, atomically: true, encoding: .utf8)
        let without = dir.appendingPathComponent("without.csv").path
        try "a,y\n1,1\n2,3\n3,2\n".write(toFile: without, atomically: true, encoding: .utf8)
        for model in [["--model", "lasso"], ["--model", "ridge"], ["--model", "elasticnet"]] {
            let args = ["fit"] + model + ["--alpha", "0.1", "--standardize", "--target", "y"]
            let r = try CLIProcess.run(args + [file])
            #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
            let w = try #require(try jsonObject(r.stdout)["coefficients"] as? [Double])
            let reference = try jsonObject(try CLIProcess.run(args + [without]).stdout)
            let v = try #require(reference["coefficients"] as? [Double])
            #expect(w.count == 2 && w[1] == 0)
            #expect(abs(w[0] - v[0]) <= 1e-12 * abs(v[0]), "\(model): \(w) vs \(v)")
            let b = try #require(try jsonObject(r.stdout)["intercept"] as? Double)
            #expect(abs(b - (reference["intercept"] as? Double ?? .nan)) <= 1e-12 * abs(b))
        }
    }

    static func write(_ text: String, _ name: String) throws -> String {
        let path = try temporaryDirectory().appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    // MARK: - Values beyond the range of Double, counts beyond what can be allocated, files in the way

    @Test("--n-alphas too large: a usage error, not an allocation crash or a segmentation fault")
    func hugeGridCount() throws {
        let f = Self.orthogonal
        for count in ["100000000000", "9223372036854775807", "10001"] {
            for command in [["path", "--model", "lasso"], ["cv", "--model", "lasso"], ["cv", "--model", "ridge"]] {
                #expect(try Self.failure(command + ["--n-alphas", count, f], status: 2)
                    == "ridgelasso: error: --n-alphas must lie in [1, 10000] (got \(count))")
            }
        }
        #expect(try Self.failure(["path", "--model", "lasso", "--n-alphas", "0", f], status: 2)
            == "ridgelasso: error: --n-alphas must lie in [1, 10000] (got 0)")
        // The bound itself works.
        let r = try CLIProcess.run(["path", "--model", "lasso", "--n-alphas", "10000", "--max-iter", "5", "--target", "y", f])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let alphas = try #require(jsonObject(r.stdout)["alphas"] as? [Double])
        #expect(alphas.count == 10_000)
    }

    @Test("values whose sums of squares overflow: an overflow error, not null coefficients with status 0")
    func overflowingData() throws {
        let file = try Self.write("a,b,y\n1e300,2,1\n-1e300,3,3\n1e300,5,-1\n2,4,7\n", "huge.csv")
        let message = "ridgelasso: error: \(file): numerical overflow: the centered sum of squares of column 0 of X exceeds the largest Double; rescale X"
        for extra in [[], ["--standardize"], ["--no-intercept"]] {
            #expect(try Self.failure(["fit", "--model", "lasso", "--alpha", "0.1"] + extra + [file], status: 1) == message)
            #expect(try Self.failure(["fit", "--model", "elasticnet", "--alpha", "0.1"] + extra + [file], status: 1) == message)
            #expect(try Self.failure(["path", "--model", "lasso"] + extra + [file], status: 1) == message)
        }
        #expect(try Self.failure(["cv", "--model", "lasso", "--folds", "2", file], status: 1) == message)
        #expect(try Self.failure(["cv", "--model", "ridge", file], status: 1)
            == "ridgelasso: error: \(file): numerical overflow: tr(XcᵀXc) exceeds the largest Double: no α scale; rescale X")
    }

    @Test("weights whose sum overflows: an error, not a null intercept with status 0")
    func overflowingWeights() throws {
        let file = try Self.write("a,b,w,y\n1,2,1e308,3\n4,5,1e308,7\n7,8,1e308,10\n2,2,1,1\n", "weights.csv")
        let message = "ridgelasso: error: \(file): invalid sample weights: their sum exceeds the largest Double (1.7976931348623157e+308); rescale them"
        for command in [["fit", "--model", "lasso", "--alpha", "0.1"], ["fit", "--model", "ridge", "--alpha", "1"],
                        ["path", "--model", "lasso"], ["cv", "--model", "ridge"]] {
            #expect(try Self.failure(command + ["--weights", "w", file], status: 1) == message)
        }
    }

    @Test("a tiny l1 ratio whose α_max overflows: an error, not a grid of nulls with status 0")
    func alphaMaxOverflow() throws {
        let f = Self.orthogonal
        let message = "ridgelasso: error: \(f): numerical overflow: α_max = maxⱼ |xⱼᵀ(y − ȳ)|/(n r) exceeds the largest Double for l1Ratio = 1e-320; use a larger l1Ratio or explicit alphas"
        #expect(try Self.failure(["path", "--model", "elasticnet", "--l1-ratio", "1e-320", f], status: 1) == message)
        #expect(try Self.failure(["cv", "--model", "elasticnet", "--l1-ratio", "1e-320", "--folds", "2", f], status: 1) == message)
    }

    @Test("--output or --plot naming the input file: refused before anything is written")
    func outputOverwritingInput() throws {
        let dir = try temporaryDirectory()
        let data = "a,b,y\n1,2,3\n2,1,4\n3,5,2\n4,3,8\n5,8,1\n"
        let file = dir.appendingPathComponent("data.csv").path
        try data.write(toFile: file, atomically: true, encoding: .utf8)
        // The same file under another spelling is caught too.
        let other = dir.appendingPathComponent(".").appendingPathComponent("data.csv").path
        #expect(try Self.failure(["fit", "--model", "lasso", "--alpha", "0.1", "--output", other, file], status: 2)
            == "ridgelasso: error: --output \(other) is the input file: refusing to overwrite the data")
        #expect(try Self.failure(["path", "--model", "lasso", "--plot", file, file], status: 2)
            == "ridgelasso: error: --plot \(file) is the input file: refusing to overwrite the data")
        #expect(try Self.failure(["cv", "--model", "ridge", "--plot", file, file], status: 2)
            == "ridgelasso: error: --plot \(file) is the input file: refusing to overwrite the data")
        let model = dir.appendingPathComponent("model.json").path
        #expect(try Self.failure(["cv", "--model", "ridge", "--output", model, "--plot", model, file], status: 2)
            == "ridgelasso: error: --output and --plot name the same file \(model)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == data)
        #expect(!FileManager.default.fileExists(atPath: model))
        // A distinct output is still written.
        let ok = try CLIProcess.run(["fit", "--model", "lasso", "--alpha", "0.1", "--output", model, file])
        #expect(ok.status == 0)
        #expect(try String(contentsOfFile: model, encoding: .utf8) == ok.stdout)
    }

    @Test("predict: a prediction that overflows is an error, not \"inf\" in the CSV")
    func predictionOverflow() throws {
        let model = try Self.write(
            #"{"model":"ridge","alpha":1.0,"intercept":1e308,"features":["a","b"],"coefficients":[1e308,0.0],"solver":"cholesky"}"#,
            "model.json")
        let data = try Self.write("a,b\n-1,0\n1,0\n", "data.csv")
        #expect(try Self.failure(["predict", "--model", model, data], status: 1)
            == "ridgelasso: error: \(data): numerical overflow: the prediction for row 1 is inf (the model's coefficients or intercept are not finite, or Xw + b exceeds the largest Double)")
        // Within range, the same model predicts exactly: −1e308 + 1e308 = 0.
        let fine = try Self.write("a,b\n-1,0\n", "fine.csv")
        let r = try CLIProcess.run(["predict", "--model", model, fine])
        #expect(r.status == 0 && r.stdout == "prediction\n0.0\n")
    }

    @Test("one data row is a valid problem: with an intercept every centered column is 0, so w = 0 and b = y")
    func oneRow() throws {
        let file = try Self.write("a,b,y\n1,2,3\n", "one.csv")
        for command in [["fit", "--model", "ridge", "--alpha", "1"], ["fit", "--model", "ridge", "--alpha", "0"],
                        ["fit", "--model", "lasso", "--alpha", "0.1"], ["fit", "--model", "elasticnet", "--alpha", "0.1"]] {
            let r = try CLIProcess.run(command + ["--target", "y", file])
            #expect(r.status == 0 && r.stderr.isEmpty, "\(command): \(r.stderr)")
            let object = try jsonObject(r.stdout)
            #expect(object["coefficients"] as? [Double] == [0, 0])
            #expect(object["intercept"] as? Double == 3)
        }
        // Without an intercept ridge is the minimum of (3 − a·w₁ − 2w₂)² + α‖w‖²: w = x·3/(‖x‖² + α) = (0.5, 1) at α = 1.
        let r = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "1", "--no-intercept", "--solver", "qr", file])
        let w = try #require(jsonObject(r.stdout)["coefficients"] as? [Double])
        #expect(abs(w[0] - 0.5) <= 1e-15 && abs(w[1] - 1) <= 2e-15)
        // Selection needs at least two rows: a clear error, not a crash.
        #expect(try Self.failure(["cv", "--model", "ridge", file], status: 1)
            .hasPrefix("ridgelasso: error: \(file): "))
        #expect(try Self.failure(["cv", "--model", "lasso", "--folds", "2", file], status: 1)
            .hasPrefix("ridgelasso: error: \(file): "))
    }
}
