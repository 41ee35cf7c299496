import Foundation
import LinearAlgebra
import RidgeLasso
import RidgeLassoCSV
import Testing
import _TestSupport

/// `ridgelasso cv`: the same choice and refit as the library, a model file `predict` reads,
/// the plot, and bad input.
@Suite("ridgelasso cv")
struct CVCommandTests {
    static let diabetes = Datasets.diabetesPath

    /// X and y of the diabetes fixture, as the CLI reads them (the last column is the target).
    static func data() throws -> (Matrix, [Double]) {
        let table = try CSVReader.read(contentsOf: diabetes)
        let p = table.values.columns - 1
        return (table.values.selectingColumns(Array(0..<p)), table.values.column(p))
    }

    @Test("ridge: exact leave-one-out over the given α, the same choice, curve and refit as RidgeCV")
    func ridgeLeaveOneOut() throws {
        let r = try CLIProcess.run(["cv", "--model", "ridge", "--alphas", "0.01,0.1,1,10,100", "--target", "progression", Self.diabetes])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let json = try jsonObject(r.stdout)
        let (x, y) = try Self.data()
        let lib = try RidgeCV(alphas: [0.01, 0.1, 1, 10, 100]).fit(x, y)
        #expect(json["model"] as? String == "ridge" && json["criterion"] as? String == "leave_one_out")
        #expect(json["alpha"] as? Double == lib.alpha && json["alpha_min"] as? Double == lib.curve.alphaMin)
        #expect(json["alpha_1se"] as? Double == lib.curve.alphaOneStandardError)
        #expect(agree(json["mean_errors"] as? [Double], lib.curve.meanErrors))
        #expect(agree(json["standard_errors"] as? [Double], lib.curve.standardErrors ?? []))
        #expect(agree(json["coefficients"] as? [Double], lib.coefficients))
        #expect(agree((json["intercept"] as? Double).map { [$0] }, [lib.intercept]))
        #expect((json["gcv"] as? [Double])?.count == 5)
        #expect(Array(topLevelKeys(r.stdout).prefix(5)) == ["model", "alpha", "intercept", "features", "coefficients"])
    }

    @Test("lasso: seeded K-fold along the full-data grid equals LassoCV; --rule 1se refits at α_1se ≥ α_min")
    func lassoKFold() throws {
        let r = try CLIProcess.run(["cv", "--model", "lasso", "--n-alphas", "15", "--folds", "4", "--seed", "3",
                                    "--rule", "1se", Self.diabetes])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try jsonObject(r.stdout)
        let (x, y) = try Self.data()
        let lib = try LassoCV(alphaCount: 15, folds: .shuffled(count: 4, seed: 3), rule: .oneStandardError).fit(x, y)
        #expect(agree(json["alphas"] as? [Double], lib.curve.alphas))
        #expect(agree(json["mean_errors"] as? [Double], lib.curve.meanErrors))
        #expect(json["alpha"] as? Double == lib.alpha && lib.alpha == lib.alphaOneStandardError)
        let amin = try #require(json["alpha_min"] as? Double), a1se = try #require(json["alpha_1se"] as? Double)
        #expect(a1se >= amin)
        #expect(agree(json["coefficients"] as? [Double], lib.coefficients))
        #expect(json["folds"] as? Int == 4 && json["seed"] as? Int == 3 && json["rule"] as? String == "1se")
        #expect(json["all_converged"] as? Bool == true && json["converged"] as? Bool == true)
    }

    @Test("elastic net over several l1 ratios reports one curve per ratio and the winner")
    func elasticNetRatios() throws {
        let r = try CLIProcess.run(["cv", "--model", "elasticnet", "--l1-ratio", "0.3", "--l1-ratio", "0.6,0.9",
                                    "--n-alphas", "8", "--folds", "3", Self.diabetes])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try jsonObject(r.stdout)
        let curves = try #require(json["curves"] as? [[String: Any]])
        #expect(curves.map { $0["l1_ratio"] as? Double } == [0.3, 0.6, 0.9])
        let (x, y) = try Self.data()
        let lib = try ElasticNetCV(l1Ratios: [0.3, 0.6, 0.9], alphaCount: 8, folds: .shuffled(count: 3, seed: 0)).fit(x, y)
        #expect(json["l1_ratio"] as? Double == lib.l1Ratio && json["alpha"] as? Double == lib.alpha)
    }

    @Test("--output writes a model that predict reads; --plot writes the CV curve with α_min marked")
    func outputAndPlot() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = dir.appendingPathComponent("m.json").path, svg = dir.appendingPathComponent("cv.svg").path
        let r = try CLIProcess.run(["cv", "--model", "lasso", "--n-alphas", "10", "--output", model, "--plot", svg, Self.diabetes])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: model, encoding: .utf8) == r.stdout)
        let p = try CLIProcess.run(["predict", "--model", model, Self.diabetes])
        #expect(p.status == 0, "\(p.stderr)")
        let picture = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(picture.hasPrefix("<?xml") || picture.hasPrefix("<svg"))
        #expect(picture.contains("α_min") && picture.contains("cross-validation"))
    }

    static let badCases: [([String], Int32)] = [
        (["cv", "--model", "ridge", "--l1-ratio", "0.5"], 2),
        (["cv", "--model", "lasso", "--folds", "1"], 2),
        (["cv", "--model", "lasso", "--rule", "best"], 2),
        (["cv", "--model", "ridge", "--alphas", "1,0"], 2),
        (["cv", "--model", "elasticnet", "--l1-ratio", "0"], 2),
        (["cv", "--model", "lasso", "--l1-ratio", "0.5"], 2),
        (["cv", "--model", "lasso", "--folds", "1000"], 1),
    ]

    @Test("bad options and data exit with one line on standard error", arguments: badCases)
    func badInput(_ c: ([String], Int32)) throws {
        let r = try CLIProcess.run(c.0 + [Self.diabetes])
        #expect(r.status == c.1, "\(c.0): \(r.stderr)")
        #expect(r.stdout.isEmpty && r.stderrLines.count == 1)
    }
}

/// Whether the CLI's numbers equal the library's up to BLAS summation order: the CLI process
/// and this test process may run OpenBLAS with different thread counts (CV pins BLAS to one
/// thread process-wide while it runs), which changes the last bits of dsyrk/dgemm results.
/// 1e-12 relative to the largest entry leaves room for that rounding (≈1e-16 times a modest
/// condition number on diabetes) and for nothing else.
func agree(_ cli: [Double]?, _ library: [Double], relative: Double = 1e-12) -> Bool {
    guard let cli, cli.count == library.count else { return false }
    let scale = max(library.map(abs).max() ?? 0, .leastNormalMagnitude)
    return zip(cli, library).allSatisfy { abs($0 - $1) <= relative * scale }
}
