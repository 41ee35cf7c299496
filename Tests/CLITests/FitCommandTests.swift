import Foundation
import LinearAlgebra
import RidgeLasso
import RidgeLassoCSV
import Testing
import _TestSupport

/// `ridgelasso fit` on small files, against closed forms and against the library called directly.
///
/// orthogonal.csv has centered, mutually orthogonal columns x1 = (1,−1,1,−1), x2 = (1,1,−1,−1),
/// x3 = (2,−2,−2,2) and y = (5,2,3,−2) (ȳ = 2, xⱼᵀ(y − ȳ) = 8, 6, −4; ‖xⱼ‖² = 4, 4, 16; n = 4), so
/// every objective separates per coordinate:
///   ridge        wⱼ = xⱼᵀyc / (‖xⱼ‖² + α)
///   elastic net  wⱼ = S(xⱼᵀyc/n, αr) / (‖xⱼ‖²/n + α(1 − r)),  S the soft threshold
/// and b = ȳ − x̄ᵀw = 2.
@Suite("ridgelasso fit")
struct FitCommandTests {
    static let orthogonal = Fixture.path("orthogonal.csv")

    @Test("ridge: closed form, exact field list and order, solver used")
    func ridgeClosedForm() throws {
        let r = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "4", "--target", "y", Self.orthogonal])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.hasSuffix("}\n") && r.stdout.filter { $0 == "\n" }.count == 1)
        #expect(topLevelKeys(r.stdout) == ["model", "alpha", "intercept", "features", "coefficients", "solver", "target"])
        let json = try jsonObject(r.stdout)
        #expect(json["model"] as? String == "ridge")
        #expect(json["alpha"] as? Double == 4)
        #expect(json["features"] as? [String] == ["x1", "x2", "x3"])
        #expect(json["solver"] as? String == "cholesky")
        let w = try #require(json["coefficients"] as? [Double])
        let expected = [8.0 / 8, 6.0 / 8, -4.0 / 20]
        for j in 0..<3 { #expect(abs(w[j] - expected[j]) <= 1e-14, "w[\(j)] = \(w[j])") }
        #expect(abs(try #require(json["intercept"] as? Double) - 2) <= 1e-14)
    }

    @Test("ridge: each --solver is the one reported, all agree with the closed form")
    func ridgeSolvers() throws {
        for solver in ["cholesky", "qr", "svd"] {
            let r = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "4", "--solver", solver, Self.orthogonal])
            #expect(r.status == 0, "\(solver): \(r.stderr)")
            let json = try jsonObject(r.stdout)
            #expect(json["solver"] as? String == solver)
            #expect(json["rank"] == nil)   // full rank: no rank field
            let w = try #require(json["coefficients"] as? [Double])
            #expect(abs(w[2] + 0.2) <= 1e-14)
        }
    }

    @Test("ridge at α = 0 on a rank-deficient design reports the SVD and the rank")
    func ridgeRankDeficient() throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("collinear.csv").path
        // x2 = 2·x1: rank 1 after centering.
        try "x1,x2,y\n1,2,1\n2,4,3\n3,6,2\n4,8,5\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "0", file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(topLevelKeys(r.stdout) == ["model", "alpha", "intercept", "features", "coefficients", "solver", "rank", "target"])
        let json = try jsonObject(r.stdout)
        #expect(json["solver"] as? String == "svd")
        #expect(json["rank"] as? Int == 1)
        // Minimum-norm least squares: w ∝ (1, 2), slope of y on x1 is 1.1 ⇒ w = (1.1, 2.2)/5.
        let w = try #require(json["coefficients"] as? [Double])
        #expect(abs(w[0] - 0.22) <= 1e-12 && abs(w[1] - 0.44) <= 1e-12, "\(w)")
    }

    @Test("lasso: closed form, l1_ratio 1.0, convergence fields")
    func lassoClosedForm() throws {
        let r = try CLIProcess.run(["fit", "--model", "lasso", "--alpha", "0.5", Self.orthogonal])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(topLevelKeys(r.stdout) == ["model", "alpha", "l1_ratio", "intercept", "features", "coefficients",
                                           "iterations", "converged", "duality_gap", "target"])
        #expect(r.stdout.contains("\"l1_ratio\":1.0,"))
        let json = try jsonObject(r.stdout)
        #expect(json["model"] as? String == "lasso")
        let w = try #require(json["coefficients"] as? [Double])
        let expected = [1.5, 1.0, -0.125]   // S(2, .5)/1, S(1.5, .5)/1, S(−1, .5)/4
        for j in 0..<3 { #expect(abs(w[j] - expected[j]) <= 1e-9, "w[\(j)] = \(w[j])") }
        #expect(abs(try #require(json["intercept"] as? Double) - 2) <= 1e-9)
        #expect(json["converged"] as? Bool == true)
        #expect((json["iterations"] as? Int ?? 0) >= 1)
        let gap = try #require(json["duality_gap"] as? Double)
        // tolerance · max(P(w), 1e-4·P(0)) ≤ tolerance · P(0), P(0) = (1/2n)‖y − ȳ‖² = 26/8
        #expect(gap >= 0 && gap <= 1e-8 * 26 / 8)
    }

    @Test("elastic net: closed form with r = 0.5; a tight budget reports converged false, not an error")
    func elasticNetClosedForm() throws {
        let r = try CLIProcess.run(["fit", "--model", "elasticnet", "--alpha", "1", "--l1-ratio", "0.5", Self.orthogonal])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try jsonObject(r.stdout)
        #expect(json["l1_ratio"] as? Double == 0.5)
        let w = try #require(json["coefficients"] as? [Double])
        let expected = [1.5 / 1.5, 1.0 / 1.5, -0.5 / 4.5]
        for j in 0..<3 { #expect(abs(w[j] - expected[j]) <= 1e-9, "w[\(j)] = \(w[j])") }

        let diabetes = Datasets.diabetesPath
        let tight = try CLIProcess.run(["fit", "--model", "lasso", "--alpha", "0.01", "--max-iter", "1",
                                        "--tol", "1e-12", diabetes])
        #expect(tight.status == 0)
        let t = try jsonObject(tight.stdout)
        #expect(t["converged"] as? Bool == false)
        #expect(t["iterations"] as? Int == 1)
        #expect((t["duality_gap"] as? Double ?? 0) > 0)
    }

    @Test("the CLI prints exactly what the library computes, digit for digit (diabetes)")
    func matchesLibrary() throws {
        let path = Datasets.diabetesPath
        let table = try CSVReader.read(contentsOf: path)
        let p = table.values.columns - 1
        let x = table.values.selectingColumns(Array(0..<p))
        let y = table.values.column(p)
        let names = Array(table.columnNames.prefix(p))
        let featuresJSON = "[" + names.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        func array(_ v: [Double]) -> String { "[" + v.map { "\($0)" }.joined(separator: ",") + "]" }

        let lasso = try Lasso(alpha: 0.1).fit(x, y)
        let expectedLasso = "{\"model\":\"lasso\",\"alpha\":0.1,\"l1_ratio\":1.0,\"intercept\":\(lasso.intercept),"
            + "\"features\":\(featuresJSON),\"coefficients\":\(array(lasso.coefficients)),"
            + "\"iterations\":\(lasso.iterations),\"converged\":\(lasso.converged),\"duality_gap\":\(lasso.dualityGap),"
            + "\"target\":\"progression\"}\n"
        #expect(try CLIProcess.run(["fit", "--model", "lasso", "--alpha", "0.1", path]).stdout == expectedLasso)

        let ridge = try Ridge(alpha: 1, fitIntercept: false, solver: .qr).fit(x, y)
        let expectedRidge = "{\"model\":\"ridge\",\"alpha\":1.0,\"intercept\":\(ridge.intercept),"
            + "\"features\":\(featuresJSON),\"coefficients\":\(array(ridge.coefficients)),\"solver\":\"qr\","
            + "\"target\":\"progression\"}\n"
        #expect(try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "1", "--no-intercept", "--solver", "qr", path])
            .stdout == expectedRidge)
        #expect(ridge.intercept == 0)

        let en = try ElasticNet(alpha: 0.05, l1Ratio: 0.3, standardize: true, tolerance: 1e-10).fit(x, y)
        let out = try jsonObject(try CLIProcess.run(["fit", "--model", "elasticnet", "--alpha", "0.05", "--l1-ratio", "0.3",
                                                     "--standardize", "--tol", "1e-10", path]).stdout)
        #expect(out["coefficients"] as? [Double] == en.coefficients)
        #expect(out["intercept"] as? Double == en.intercept)
    }

    @Test("--target picks the response; the other columns stay features in file order")
    func targetColumn() throws {
        let r = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "1", "--target", "x2", Self.orthogonal])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try jsonObject(r.stdout)["features"] as? [String] == ["x1", "x3", "y"])
    }

    @Test("--weights with integer weights equals repeating rows; the weights column is not a feature")
    func weightsEqualRepetition() throws {
        let dir = try temporaryDirectory()
        let weighted = dir.appendingPathComponent("weighted.csv").path
        let repeated = dir.appendingPathComponent("repeated.csv").path
        try "x1,w,x2,y\n1,2,0.5,3\n2,1,-1,1\n3,3,2,7\n4,1,0,2\n5,1,1,4\n".write(toFile: weighted, atomically: true, encoding: .utf8)
        try "x1,x2,y\n1,0.5,3\n1,0.5,3\n2,-1,1\n3,2,7\n3,2,7\n3,2,7\n4,0,2\n5,1,4\n".write(toFile: repeated, atomically: true, encoding: .utf8)
        let a = try jsonObject(try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "0.7", "--weights", "w", weighted]).stdout)
        let b = try jsonObject(try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "0.7", repeated]).stdout)
        #expect(a["features"] as? [String] == ["x1", "x2"])
        let wa = try #require(a["coefficients"] as? [Double]), wb = try #require(b["coefficients"] as? [Double])
        for j in 0..<2 { #expect(abs(wa[j] - wb[j]) <= 1e-12 * max(1, abs(wb[j]))) }
        #expect(abs((a["intercept"] as? Double ?? .nan) - (b["intercept"] as? Double ?? 0)) <= 1e-12)
    }

    @Test("ridge --standardize penalizes sⱼwⱼ: equals ridge on pre-scaled columns, mapped back")
    func ridgeStandardize() throws {
        // orthogonal.csv: sⱼ = ‖xⱼ‖/√n = 1, 1, 2. Ridge on xⱼ/sⱼ gives βⱼ = (xⱼᵀyc/sⱼ)/(‖xⱼ‖²/sⱼ² + α),
        // and wⱼ = βⱼ/sⱼ: with α = 4, w = (8/8, 6/8, (−4/2)/(4 + 4)/2) = (1, 0.75, −0.125).
        let r = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "4", "--standardize", Self.orthogonal])
        #expect(r.status == 0, "\(r.stderr)")
        let w = try #require(try jsonObject(r.stdout)["coefficients"] as? [Double])
        let expected = [1.0, 0.75, -0.125]
        for j in 0..<3 { #expect(abs(w[j] - expected[j]) <= 1e-14, "w[\(j)] = \(w[j])") }
    }

    @Test("an RFC 4180 header with quotes, commas, CRLF and no final newline gives the names")
    func quotedHeader() throws {
        let r = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "4", Fixture.path("quoted_header.csv")])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try jsonObject(r.stdout)
        #expect(json["features"] as? [String] == ["x one", "x,two"])
        let w = try #require(json["coefficients"] as? [Double])
        #expect(abs(w[0] - 1) <= 1e-14 && abs(w[1] - 0.75) <= 1e-14)
    }
}
