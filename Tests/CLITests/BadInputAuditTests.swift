import Foundation
import Testing

/// Regressions found by the robustness audit of the command line: each used to crash (a signal,
/// a Swift runtime trap with a backtrace), to print NaN as `null` with exit status 0, to write
/// `inf` into a CSV, or to overwrite the input file. Each must now be exactly one line on standard
/// error, nothing on standard output, and a non-zero exit status.
@Suite("ridgelasso bad input (audit)")
struct BadInputAuditTests {
    static let orthogonal = Fixture.path("orthogonal.csv")

    /// Runs and checks the bad-input contract; returns the single stderr line.
    static func failure(_ arguments: [String], status: Int32) throws -> String {
        try CLIProcess.expectFailure(arguments, status: status)
    }

    static func write(_ text: String, _ name: String) throws -> String {
        let path = try temporaryDirectory().appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

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
        let r = try CLIProcess.run(["path", "--model", "lasso", "--n-alphas", "10000", "--max-iter", "5", f])
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
            let r = try CLIProcess.run(command + [file])
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

/// Absurd sizes in flags and files: a one-line error naming the limit, before any large allocation.
@Suite struct InputLimitTests {
    static let orthogonal = Fixture.path("orthogonal.csv")

    @Test func foldsBeyondTheLimitAreAUsageError() throws {
        for model in ["ridge", "lasso"] {
            #expect(try CLIProcess.expectFailure(["cv", "--model", model, "--folds", "1000000000", Self.orthogonal], status: 2)
                == "ridgelasso: error: --folds must be ≤ 100000 (got 1000000000); for leave-one-out ridge, omit --folds")
        }
    }

    @Test func tooManyAlphasAreAUsageError() throws {
        let list = Array(repeating: "0.5", count: 10_001).joined(separator: ",")
        #expect(try CLIProcess.expectFailure(["path", "--model", "lasso", "--alphas", list, Self.orthogonal], status: 2)
            == "ridgelasso: error: --alphas has 10001 values, more than the limit of 10000")
    }

    @Test func aHugeRowIsOneLine() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("huge.csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("x,y\n".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 1_000_000_004)   // sparse: a 10⁹-byte second line
        try handle.close()
        #expect(try CLIProcess.expectFailure(["fit", "--model", "ridge", "--alpha", "1", path], status: 1)
            == "ridgelasso: error: \(path): line 2: longer than the limit of 67108864 bytes per line")
    }

    @Test func aHugeModelFileIsRefusedUnread() throws {
        let directory = try temporaryDirectory()
        let model = directory.appendingPathComponent("model.json").path
        #expect(FileManager.default.createFile(atPath: model, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: model))
        try handle.truncate(atOffset: 300 << 20)
        try handle.close()
        #expect(try CLIProcess.expectFailure(["predict", "--model", model, Self.orthogonal], status: 1)
            == "ridgelasso: error: \(model): the model file has 314572800 bytes, more than the limit of 268435456")
    }
}
