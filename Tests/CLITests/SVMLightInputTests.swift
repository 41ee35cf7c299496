import Foundation
import LinearAlgebra
import RidgeLasso
import RidgeLassoCSV
import Testing
import _TestSupport

/// `fit`, `cv`, `path` and `predict` on svmlight files, against the same numbers in a CSV file.
@Suite("ridgelasso on svmlight input")
struct SVMLightInputTests {
    /// A seeded problem written twice: as `data.svm` and as `data.csv` (features named "1" … "p",
    /// then the label `y`), the CSV holding every zero explicitly.
    static func files(n: Int = 40, p: Int = 6, seed: UInt64 = 17) throws -> (dir: URL, svm: String, csv: String, x: SparseMatrix, y: [Double]) {
        var rng = SplitMix64(seed: seed)
        let x = try rng.sparseMatrix(n, p, density: 0.4, offset: 1.5)
        let truth = rng.vector(p)
        let y = try x.multiply(truth).map { $0 + 3 + 0.2 * rng.normal() }
        let dir = try temporaryDirectory()
        let svm = dir.appendingPathComponent("data.svm").path
        try SVMLightReader.format(x, labels: y).write(toFile: svm, atomically: true, encoding: .utf8)
        var csv = (1...p).map(String.init).joined(separator: ",") + ",y\n"
        let dense = x.dense()
        for i in 0..<n {
            csv += (0..<p).map { dense[i, $0].description }.joined(separator: ",") + ",\(y[i].description)\n"
        }
        let csvPath = dir.appendingPathComponent("data.csv").path
        try csv.write(toFile: csvPath, atomically: true, encoding: .utf8)
        return (dir, svm, csvPath, x, y)
    }

    static func numbers(_ object: [String: Any], _ key: String) throws -> [Double] {
        try #require(object[key] as? [Any]).map { try #require($0 as? Double) }
    }

    static func relative(_ a: [Double], _ b: [Double]) -> Double {
        let scale = max(1, b.map(abs).max() ?? 0)
        return zip(a, b).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
    }

    @Test("fit ridge on svmlight equals fit on the densified CSV, with and without intercept and --standardize")
    func fitRidge() throws {
        let (_, svm, csv, _, _) = try Self.files()
        for extra in [[], ["--no-intercept"], ["--standardize"]] {
            let options = ["fit", "--model", "ridge", "--alpha", "0.7"] + extra
            let sparse = try CLIProcess.run(options + [svm])
            let dense = try CLIProcess.run(options + [csv])
            #expect(sparse.status == 0 && dense.status == 0, "\(sparse.stderr) \(dense.stderr)")
            let s = try jsonObject(sparse.stdout), d = try jsonObject(dense.stdout)
            #expect(s["features"] as? [String] == ["1", "2", "3", "4", "5", "6"])
            #expect(s["features"] as? [String] == d["features"] as? [String])
            let sw = try Self.numbers(s, "coefficients") + [try #require(s["intercept"] as? Double)]
            let dw = try Self.numbers(d, "coefficients") + [try #require(d["intercept"] as? Double)]
            #expect(Self.relative(sw, dw) <= 1e-10, "\(extra)")
            #expect(s["solver"] as? String == "cholesky")
        }
    }

    @Test("fit --output on svmlight, then predict on svmlight and on the CSV: the same predictions")
    func fitThenPredict() throws {
        let (dir, svm, csv, x, _) = try Self.files()
        let model = dir.appendingPathComponent("m.json").path
        let fit = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "2", "--output", model, svm])
        #expect(fit.status == 0, "\(fit.stderr)")
        let fromSVM = try CLIProcess.run(["predict", "--model", model, svm])
        let fromCSV = try CLIProcess.run(["predict", "--model", model, csv])
        #expect(fromSVM.status == 0 && fromCSV.status == 0, "\(fromSVM.stderr) \(fromCSV.stderr)")
        let a = fromSVM.stdout.split(separator: "\n").dropFirst().compactMap { Double(String($0)) }
        let b = fromCSV.stdout.split(separator: "\n").dropFirst().compactMap { Double(String($0)) }
        #expect(a.count == x.rows && b.count == x.rows)
        #expect(Self.relative(a, b) <= 1e-12)
        // A prediction file whose largest index is smaller than the model's: absent means 0.
        let short = dir.appendingPathComponent("short.svm").path
        try "0 1:1\n0 2:1\n".write(toFile: short, atomically: true, encoding: .utf8)
        let r = try CLIProcess.run(["predict", "--model", model, short])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try jsonObject(fit.stdout)
        let w = try Self.numbers(object, "coefficients"), b0 = try #require(object["intercept"] as? Double)
        #expect(r.stdout == "prediction\n\((w[0] + b0).description)\n\((w[1] + b0).description)\n")
    }

    @Test("cv ridge on svmlight equals cv on the CSV (leave-one-out and K-fold)")
    func cvRidge() throws {
        let (_, svm, csv, _, _) = try Self.files(n: 50, p: 8, seed: 5)
        for extra in [[], ["--folds", "5", "--seed", "2"]] {
            let options = ["cv", "--model", "ridge", "--n-alphas", "20"] + extra
            let s = try jsonObject(try CLIProcess.run(options + [svm]).stdout)
            let d = try jsonObject(try CLIProcess.run(options + [csv]).stdout)
            // The default grid is scaled by tr(X̃ᵀX̃)/p, summed in another order: equal to rounding.
            let sa = try #require(s["alpha"] as? Double), da = try #require(d["alpha"] as? Double)
            #expect(abs(sa - da) <= 1e-12 * da)
            #expect(Self.relative(try Self.numbers(s, "alphas"), try Self.numbers(d, "alphas")) <= 1e-12)
            #expect(Self.relative(try Self.numbers(s, "mean_errors"), try Self.numbers(d, "mean_errors")) <= 1e-9)
            #expect(Self.relative(try Self.numbers(s, "coefficients"), try Self.numbers(d, "coefficients")) <= 1e-10)
        }
    }

    @Test("--format svmlight reads any extension; --n-features widens the model")
    func formatAndWidth() throws {
        let dir = try temporaryDirectory()
        let txt = dir.appendingPathComponent("data.txt").path
        try "1 1:1 2:3\n2 1:2\n4 2:1 1:5\n0 2:2\n".write(toFile: txt, atomically: true, encoding: .utf8)
        let r = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "1", "--format", "svmlight", "--n-features", "4", txt])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try jsonObject(r.stdout)
        #expect(object["features"] as? [String] == ["1", "2", "3", "4"])
        let w = try Self.numbers(object, "coefficients")
        #expect(w[2] == 0 && w[3] == 0)
    }

    @Test("bad input: one line on stderr naming file, line and pair; non-zero exit")
    func badInput() throws {
        let dir = try temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.svm").path
        try "1 1:2\n# comment\n2 1:2 1:3\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let line = try CLIProcess.expectFailure(["fit", "--model", "ridge", "--alpha", "1", bad], status: 1)
        #expect(line == "ridgelasso: error: \(bad): line 3, pair \"1:3\": index 1 appears twice in this line")
        let wide = try CLIProcess.expectFailure(["fit", "--model", "ridge", "--alpha", "1", "--n-features", "1",
                                                 dir.appendingPathComponent("w.svm").path], status: 1)
        #expect(wide.contains("w.svm: cannot read file"))
        let (_, svm, csv, _, _) = try Self.files()
        #expect(try CLIProcess.expectFailure(["fit", "--model", "ridge", "--alpha", "1", "--target", "y", svm], status: 2)
            .contains("--target does not apply to svmlight input"))
        #expect(try CLIProcess.expectFailure(["fit", "--model", "ridge", "--alpha", "1", "--n-features", "3", csv], status: 2)
            .contains("--n-features applies to svmlight input"))
        #expect(try CLIProcess.expectFailure(["fit", "--model", "ridge", "--alpha", "1", "--n-features", "0", svm], status: 2)
            .contains("--n-features must lie in"))
        // A model with CSV feature names cannot be applied to svmlight rows.
        let model = dir.appendingPathComponent("named.json").path
        #expect(try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "1", "--output", model, Fixture.path("orthogonal.csv")]).status == 0)
        #expect(try CLIProcess.expectFailure(["predict", "--model", model, svm], status: 1)
            .contains("is not an svmlight index"))
    }

    @Test("lasso and elastic net fit, path and cv on svmlight equal the same commands on the densified CSV")
    func elasticNet() throws {
        let (_, svm, csv, _, _) = try Self.files(n: 60, p: 6, seed: 11)
        // Both sides stop at a relative duality gap of 1e-13: coefficients agree far below 1e-6
        // (strong convexity of these well-conditioned columns bounds ‖Δw‖² by the gaps).
        let tight = ["--tol", "1e-13"]
        let cases: [[String]] = [
            ["fit", "--model", "lasso", "--alpha", "0.05"],
            ["fit", "--model", "elasticnet", "--alpha", "0.05", "--l1-ratio", "0.4", "--standardize"],
            ["fit", "--model", "lasso", "--alpha", "0.02", "--no-intercept"],
            ["path", "--model", "elasticnet", "--l1-ratio", "0.7", "--n-alphas", "15"],
            ["cv", "--model", "lasso", "--n-alphas", "15", "--folds", "4", "--seed", "3"],
        ]
        for options in cases {
            let sparse = try CLIProcess.run(options + tight + [svm])
            let dense = try CLIProcess.run(options + tight + [csv])
            #expect(sparse.status == 0 && dense.status == 0, "\(options): \(sparse.stderr) \(dense.stderr)")
            let s = try jsonObject(sparse.stdout), d = try jsonObject(dense.stdout)
            #expect(s["features"] as? [String] == d["features"] as? [String])
            if options[0] == "path" {
                #expect(Self.relative(try Self.numbers(s, "alphas"), try Self.numbers(d, "alphas")) <= 1e-12)
                let sc = try #require(s["coefficients"] as? [[Double]]), dc = try #require(d["coefficients"] as? [[Double]])
                #expect(sc.count == dc.count)
                for (a, b) in zip(sc, dc) { #expect(Self.relative(a, b) <= 1e-6, "\(options)") }
            } else {
                let sw = try Self.numbers(s, "coefficients") + [try #require(s["intercept"] as? Double)]
                let dw = try Self.numbers(d, "coefficients") + [try #require(d["intercept"] as? Double)]
                #expect(Self.relative(sw, dw) <= 1e-6, "\(options)")
                #expect(s["converged"] as? Bool == true)
            }
            if options[0] == "cv" {
                #expect(s["alpha"] as? Double == d["alpha"] as? Double)
                #expect(Self.relative(try Self.numbers(s, "mean_errors"), try Self.numbers(d, "mean_errors")) <= 1e-6)
            }
        }
    }
}
