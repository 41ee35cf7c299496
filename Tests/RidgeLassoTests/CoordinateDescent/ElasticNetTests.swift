import Testing
import LinearAlgebra
@testable import RidgeLasso

/// Hand-checkable values, closed forms, α_max, edge cases and every bad input.
@Suite struct ElasticNetTests {
    let x1 = try! Matrix(columns: [[-1, 0, 1]])
    let y1: [Double] = [-1, 0, 1]

    @Test(arguments: [(0.1, 0.85), (0.5, 0.25), (1.0, 0.0)])
    func lassoOnThreePoints(alpha: Double, expected: Double) throws {
        // (1/2n)Σ(y − wx)² + α|w| with xᵀy/n = xᵀx/n = 2/3: w = S(2/3, α)/(2/3).
        let m = try Lasso(alpha: alpha, tolerance: 1e-12).fit(x1, y1)
        #expect(abs(m.coefficients[0] - expected) < 1e-12)
        #expect(abs(m.intercept) < 1e-15)
        #expect(m.converged)
        #expect(m.dualityGap >= 0 && m.dualityGap <= 1e-12 * max(m.objective, 1e-4 / 3))
    }

    @Test(arguments: [(0.3, 0.5081967213114754), (0.5, 0.45454545454545453)])
    func elasticNetOnThreePoints(l1Ratio: Double, expected: Double) throws {
        // w = S(2/3, αr)/(2/3 + α(1 − r)) at α = 0.5.
        let m = try ElasticNet(alpha: 0.5, l1Ratio: l1Ratio, tolerance: 1e-12).fit(x1, y1)
        let closed = (2.0 / 3 - 0.5 * l1Ratio) / (2.0 / 3 + 0.5 * (1 - l1Ratio))
        #expect(abs(closed - expected) < 1e-15)
        #expect(abs(m.coefficients[0] - expected) < 1e-12)
        #expect(m.converged)
    }

    /// Centered columns with XᵀX/n = I: the lasso soft-thresholds least squares, the elastic net
    /// also shrinks by 1/(1 + α(1 − r)).
    @Test(arguments: [UpdateScheme.naive, .covariance])
    func orthonormalDesignIsSoftThresholding(_ scheme: UpdateScheme) throws {
        let x = try Matrix(columns: [[1, -1, 1, -1], [1, 1, -1, -1], [1, -1, -1, 1]])
        let y: [Double] = [3, -1, 0.5, 2]
        let z = try x.transposeTimes(y).map { $0 / 4 } // least squares = Xᵀy/n
        for alpha in [0.05, 0.3, 0.9] {
            let lasso = try Lasso(alpha: alpha, tolerance: 1e-12, updateScheme: scheme).fit(x, y)
            let enet = try ElasticNet(alpha: alpha, l1Ratio: 0.4, tolerance: 1e-12, updateScheme: scheme).fit(x, y)
            for j in 0..<3 {
                #expect(abs(lasso.coefficients[j] - softThreshold(z[j], alpha)) < 1e-12)
                #expect(abs(enet.coefficients[j] - softThreshold(z[j], 0.4 * alpha) / (1 + 0.6 * alpha)) < 1e-12)
            }
            #expect(abs(lasso.intercept - 1.125) < 1e-12)
        }
    }

    @Test func alphaMaxGivesExactZerosAndJustBelowDoesNot() throws {
        for (n, p) in [(50, 10), (20, 60)] {
            let prob = CDTestSupport.problem(n: n, p: p, seed: UInt64(n))
            for r in [1.0, 0.5, 0.1] {
                for intercept in [true, false] {
                    let amax = try ElasticNet.alphaMax(prob.x, prob.y, l1Ratio: r, fitIntercept: intercept)
                    // Definition: maxⱼ |xⱼᵀ(y − ȳ)|/(n r) (nothing centered without an intercept).
                    let xm = intercept ? Centering.means(prob.x, weights: nil) : [Double](repeating: 0, count: p)
                    let ym = intercept ? prob.y.reduce(0, +) / Double(n) : 0
                    var best = 0.0
                    for j in 0..<p {
                        var s = 0.0
                        for i in 0..<n { s += (prob.x[i, j] - xm[j]) * (prob.y[i] - ym) }
                        best = max(best, abs(s) / (Double(n) * r))
                    }
                    #expect(abs(amax - best) <= 1e-12 * best)
                    let at = try ElasticNet(alpha: amax, l1Ratio: r, fitIntercept: intercept).fit(prob.x, prob.y)
                    #expect(at.coefficients.allSatisfy { $0 == 0 })
                    #expect(at.dualityGap == 0 || at.dualityGap < 1e-15)
                    let above = try ElasticNet(alpha: 2 * amax, l1Ratio: r, fitIntercept: intercept).fit(prob.x, prob.y)
                    #expect(above.coefficients.allSatisfy { $0 == 0 })
                    #expect(abs(above.intercept - ym) < 1e-12)
                    let below = try ElasticNet(alpha: 0.99 * amax, l1Ratio: r, fitIntercept: intercept).fit(prob.x, prob.y)
                    #expect(below.coefficients.filter { $0 != 0 }.count >= 1)
                }
            }
        }
    }

    @Test func singleFeature() throws {
        // p = 1: w = S(c xᵀy, α r)/(c xᵀx + α(1 − r)) on centered data.
        let x = try Matrix(columns: [[1, 2, 4, 7]])
        let y: [Double] = [2, 3, 9, 12]
        let xm = 3.5, ym = 6.5
        var xy = 0.0, xx = 0.0
        for i in 0..<4 { xy += (x[i, 0] - xm) * (y[i] - ym) / 4; xx += (x[i, 0] - xm) * (x[i, 0] - xm) / 4 }
        let fit = try ElasticNet(alpha: 0.7, l1Ratio: 0.6, tolerance: 1e-12).fit(x, y)
        let w = softThreshold(xy, 0.42) / (xx + 0.28)
        #expect(abs(fit.coefficients[0] - w) < 1e-12)
        #expect(abs(fit.intercept - (ym - xm * w)) < 1e-12)
    }

    /// r = 0 is ridge with α_ridge = nα: (1/2n)‖·‖² + (α/2)‖w‖² = (1/2n)(‖·‖² + nα‖w‖²).
    @Test(arguments: [UpdateScheme.naive, .covariance])
    func pureL2EqualsExactRidge(_ scheme: UpdateScheme) throws {
        for (n, p) in [(60, 8), (25, 40)] {
            let prob = CDTestSupport.problem(n: n, p: p, rho: 0.7, seed: UInt64(p))
            for alpha in [0.01, 0.5] {
                let fit = try ElasticNet(alpha: alpha, l1Ratio: 0, tolerance: 1e-13, updateScheme: scheme).fit(prob.x, prob.y)
                let ridge = try CDTestSupport.ridge(prob.x, prob.y, lambda: Double(n) * alpha)
                #expect(fit.converged)
                // P is α-strongly convex, so ‖w − w*‖ ≤ √(2·gap/α): the certified distance.
                let radius = (2 * fit.dualityGap / alpha).squareRoot() + 1e-12
                let distance = zip(fit.coefficients, ridge.w).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
                #expect(distance <= radius, "n\(n) p\(p) α\(alpha)")
                #expect(distance <= 1e-6 * max(1, ridge.w.map(abs).max()!))
                let xm = Centering.means(prob.x, weights: nil)
                #expect(abs(fit.intercept - ridge.b) <= xm.map { $0 * $0 }.reduce(0, +).squareRoot() * radius + 1e-12)
            }
        }
    }

    /// r = 0 against the library's exact ridge solver, Ridge(alpha: nα), with and without
    /// intercept and with sample weights (weights sum to n so that both scalings coincide).
    @Test func pureL2EqualsRidgeSolver() throws {
        for (n, p) in [(50, 7), (20, 35)] {
            let prob = CDTestSupport.problem(n: n, p: p, rho: 0.6, seed: UInt64(3 * p))
            var weights = CDTestSupport.weights(n, seed: 5)
            let total = weights.reduce(0, +)
            weights = weights.map { $0 * Double(n) / total }
            for intercept in [true, false] {
                for sw in [nil, weights] {
                    let alpha = 0.2
                    let fit = try ElasticNet(alpha: alpha, l1Ratio: 0, fitIntercept: intercept, tolerance: 1e-13)
                        .fit(prob.x, prob.y, sampleWeights: sw)
                    let ridge = try Ridge(alpha: Double(n) * alpha, fitIntercept: intercept).fit(prob.x, prob.y, sampleWeights: sw)
                    let radius = (2 * fit.dualityGap / alpha).squareRoot() + 1e-10
                    let distance = zip(fit.coefficients, ridge.coefficients).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
                    #expect(fit.converged)
                    #expect(distance <= radius, "n\(n) p\(p) intercept \(intercept) weights \(sw != nil)")
                    #expect(abs(fit.intercept - ridge.intercept) <= 1e-6 * max(1, abs(ridge.intercept)))
                }
            }
        }
    }

    @Test func degenerateShapesAndTargets() throws {
        // One row: every column is constant after centering — all zeros, intercept = y.
        let one = try ElasticNet(alpha: 0.1).fit(try Matrix(rows: [[1, 2, 3]]), [4])
        #expect(one.coefficients == [0, 0, 0] && one.intercept == 4 && one.converged)
        // A constant target: α_max = 0, every fit is zero, the default path is all zeros.
        let x = try Matrix(columns: [[1, 2, 3, 4], [0, 1, 0, 1]])
        #expect(try Lasso.alphaMax(x, [2, 2, 2, 2]) == 0)
        let flat = try Lasso(alpha: 0.1).fit(x, [2, 2, 2, 2])
        #expect(flat.coefficients == [0, 0] && flat.intercept == 2 && flat.converged)
        let path = try Lasso().path(x, [2, 2, 2, 2], count: 5)
        #expect(path.alphas == [0, 0, 0, 0, 0] && path.allConverged)
        // No intercept, all-zero column.
        let z = try Lasso(alpha: 0.01, fitIntercept: false).fit(try Matrix(columns: [[0, 0, 0], [1, 2, 3]]), [1, 2, 3])
        #expect(z.coefficients[0] == 0 && z.intercept == 0 && z.converged)
    }

    @Test func toleranceOf1e12IsReachable() throws {
        let (x, y) = try CDFixtures.dataset("diabetes")
        let amax = try Lasso.alphaMax(x, y)
        for fraction in [0.5, 0.01, 1e-4] {
            for r in [1.0, 0.5] {
                let fit = try ElasticNet(alpha: amax * fraction, l1Ratio: r, tolerance: 1e-12).fit(x, y)
                #expect(fit.converged, "fraction \(fraction) r \(r): gap \(fit.dualityGap)")
            }
        }
    }

    @Test func badInputsThrowTypedErrors() throws {
        let x = try Matrix(columns: [[1, 2, 3], [0, 1, 5]])
        let y: [Double] = [1, 2, 3]
        func fails(_ expected: RegressionError, _ body: () throws -> Void) {
            do { try body(); Issue.record("expected \(expected)") } catch { #expect(error as? RegressionError == expected) }
        }
        fails(.invalidParameter(name: "alpha", value: -1, requirement: "must be finite and ≥ 0")) {
            _ = try ElasticNet(alpha: -1).fit(x, y)
        }
        fails(.invalidParameter(name: "alpha", value: .infinity, requirement: "must be finite and ≥ 0")) {
            _ = try ElasticNet(alpha: .infinity).fit(x, y)
        }
        fails(.invalidParameter(name: "l1Ratio", value: 1.5, requirement: "must lie in [0, 1]")) {
            _ = try ElasticNet(alpha: 1, l1Ratio: 1.5).fit(x, y)
        }
        fails(.invalidParameter(name: "l1Ratio", value: -0.1, requirement: "must lie in [0, 1]")) {
            _ = try ElasticNet(alpha: 1, l1Ratio: -0.1).fit(x, y)
        }
        fails(.invalidParameter(name: "tolerance", value: 0, requirement: "must be finite and > 0")) {
            _ = try ElasticNet(alpha: 1, tolerance: 0).fit(x, y)
        }
        fails(.invalidParameter(name: "tolerance", value: -1e-3, requirement: "must be finite and > 0")) {
            _ = try Lasso(alpha: 1, tolerance: -1e-3).fit(x, y)
        }
        fails(.invalidParameter(name: "maximumIterations", value: 0, requirement: "must be ≥ 1")) {
            _ = try ElasticNet(alpha: 1, maximumIterations: 0).fit(x, y)
        }
        fails(.dimensionMismatch("X has 3 rows but y has 2 values")) { _ = try ElasticNet().fit(x, [1, 2]) }
        fails(.nonFinite(input: "y", row: 1, column: 0)) { _ = try ElasticNet().fit(x, [1, .nan, 3]) }
        var bad = x
        bad[2, 1] = .infinity
        fails(.nonFinite(input: "X", row: 2, column: 1)) { _ = try ElasticNet().fit(bad, y) }
        fails(.emptyData("X has no rows")) { _ = try ElasticNet().fit(Matrix(rows: 0, columns: 2), []) }
        fails(.emptyData("X has no columns")) { _ = try ElasticNet().fit(Matrix(rows: 3, columns: 0), y) }
        fails(.dimensionMismatch("X has 3 rows but there are 2 sample weights")) {
            _ = try ElasticNet().fit(x, y, sampleWeights: [1, 1])
        }
        fails(.invalidWeights("weight -1.0 at row 1 is negative")) {
            _ = try ElasticNet().fit(x, y, sampleWeights: [1, -1, 1])
        }
        fails(.invalidWeights("all weights are zero")) { _ = try ElasticNet().fit(x, y, sampleWeights: [0, 0, 0]) }
        fails(.nonFinite(input: "weights", row: 0, column: 0)) { _ = try ElasticNet().fit(x, y, sampleWeights: [.nan, 1, 1]) }
        fails(.dimensionMismatch("X has 2 columns but there are 3 penalty factors")) {
            _ = try ElasticNet(penaltyFactors: [1, 1, 1]).fit(x, y)
        }
        fails(.invalidParameter(name: "penaltyFactors[1]", value: -2, requirement: "must be finite and ≥ 0")) {
            _ = try ElasticNet(penaltyFactors: [1, -2]).fit(x, y)
        }
        fails(.dimensionMismatch("X has 2 columns but there are 1 initial coefficients")) {
            _ = try ElasticNet().fit(x, y, initialCoefficients: [1])
        }
        fails(.nonFinite(input: "initialCoefficients", row: 0, column: 0)) {
            _ = try ElasticNet().fit(x, y, initialCoefficients: [.nan, 0])
        }
        fails(.invalidParameter(name: "initialCoefficients[1]", value: -1, requirement: "must be ≥ 0 when positive")) {
            _ = try ElasticNet(positive: true).fit(x, y, initialCoefficients: [0, -1])
        }
        // Not an error: a constant column under standardization gets the coefficient 0 (glmnet's rule).
        #expect(try ElasticNet(standardize: true).fit(try Matrix(columns: [[2, 2, 2], [1, 2, 3]]), y).coefficients[0] == 0)
        fails(.invalidParameter(name: "l1Ratio", value: 0,
                                requirement: "α_max needs l1Ratio > 0 (it is infinite for pure l2)")) {
            _ = try ElasticNet.alphaMax(x, y, l1Ratio: 0)
        }
    }

    /// X's NaN/±Inf check is part of the pass that computes the column means and spreads: the
    /// first non-finite entry in column order is named, with or without an intercept, on paths,
    /// α_max and weighted fits alike; a finite value whose square overflows is not called
    /// non-finite.
    @Test func nonFiniteEntriesOfXAreNamedFromTheCenteringPass() throws {
        var x = Matrix(rows: 6, columns: 4)
        for j in 0..<4 { for i in 0..<6 { x[i, j] = Double((i * 7 + j * 3) % 5) - 2 } }
        let y: [Double] = [1, -2, 0.5, 3, -1, 2]
        func fails(_ expected: RegressionError, _ body: () throws -> Void) {
            do { try body(); Issue.record("expected \(expected)") } catch { #expect(error as? RegressionError == expected) }
        }
        var bad = x
        bad[4, 2] = .nan
        bad[1, 3] = .infinity
        bad[5, 2] = -.infinity
        let first = RegressionError.nonFinite(input: "X", row: 4, column: 2)
        fails(first) { _ = try Lasso(alpha: 0.1).fit(bad, y) }
        fails(first) { _ = try Lasso(alpha: 0.1, fitIntercept: false).fit(bad, y) }
        fails(first) { _ = try ElasticNet(alpha: 0.1, l1Ratio: 0.5).path(bad, y) }
        fails(first) { _ = try Lasso.alphaMax(bad, y) }
        fails(first) { _ = try Lasso(alpha: 0.1).fit(bad, y, sampleWeights: [1, 2, 1, 1, 1, 1]) }
        var minus = x
        minus[0, 1] = -.infinity
        fails(.nonFinite(input: "X", row: 0, column: 1)) { _ = try Lasso(alpha: 0.1).fit(minus, y) }
        var huge = x
        huge[3, 0] = 1e200
        fails(.overflow("the centered sum of squares of column 0 of X exceeds the largest Double; rescale X")) {
            _ = try Lasso(alpha: 0.1).fit(huge, y)
        }
    }

    @Test func weightsEqualRepeatedRows() throws {
        let prob = CDTestSupport.problem(n: 30, p: 6, seed: 21)
        let counts = (0..<30).map { Double($0 % 3 + 1) }
        var rows: [[Double]] = [], ys: [Double] = []
        for i in 0..<30 { for _ in 0..<Int(counts[i]) { rows.append(prob.x.row(i)); ys.append(prob.y[i]) } }
        let a = try ElasticNet(alpha: 0.05, l1Ratio: 0.7, tolerance: 1e-12).fit(prob.x, prob.y, sampleWeights: counts)
        let b = try ElasticNet(alpha: 0.05, l1Ratio: 0.7, tolerance: 1e-12).fit(try Matrix(rows: rows), ys)
        #expect(CDTestSupport.maxAbsDifference(a.coefficients, b.coefficients) < 1e-9)
        #expect(abs(a.intercept - b.intercept) < 1e-9)
    }
}

/// A warm start far worse than w = 0 (P(w₀) ≫ P(0)) must not pass the relative stopping rule by
/// the size of its own objective: the fit ends at the cold fit's solution.
@Suite struct AbsurdWarmStartTests {
    @Test(arguments: [UpdateScheme.naive, .covariance])
    func absurdWarmStartStillReachesTheSolution(scheme: UpdateScheme) throws {
        let prob = CDTestSupport.problem(n: 80, p: 30, rho: 0.5, seed: 31)
        let model = ElasticNet(alpha: 0.02, l1Ratio: 0.8, tolerance: 1e-8, updateScheme: scheme)
        let cold = try model.fit(prob.x, prob.y)
        let warm = try model.fit(prob.x, prob.y, initialCoefficients: [Double](repeating: 1e7, count: 30))
        #expect(cold.converged && warm.converged)
        #expect(CDTestSupport.maxAbsDifference(cold.coefficients, warm.coefficients) < 1e-5)
    }
}

/// ``ElasticNet/singlePrecisionGram`` on a single fit wide enough to use it (covariance scheme,
/// p ≥ ``ElasticNet/singlePrecisionMinimumColumns``): the same certified answer as the exact
/// Gram matrix, weighted or not, lasso or elastic net.
@Suite struct SinglePrecisionGramFitTests {
    @Test(arguments: [(1.0, false), (0.5, false), (1.0, true)])
    func sameAnswerWithAndWithoutSinglePrecision(l1Ratio: Double, weighted: Bool) throws {
        let n = 700, p = ElasticNet.singlePrecisionMinimumColumns + 20
        let prob = CDTestSupport.problem(n: n, p: p, rho: 0.6, nonzeros: 12, seed: 41)
        let weights = weighted ? CDTestSupport.weights(n, seed: 42) : nil
        let amax = try ElasticNet.alphaMax(prob.x, prob.y, l1Ratio: l1Ratio, sampleWeights: weights)
        var model = ElasticNet(alpha: 0.02 * amax, l1Ratio: l1Ratio, tolerance: 1e-10)
        #expect(UpdateScheme.automatic.resolved(rows: n, columns: p) == .covariance)
        let single = try model.fit(prob.x, prob.y, sampleWeights: weights)
        model.singlePrecisionGram = false
        let exact = try model.fit(prob.x, prob.y, sampleWeights: weights)
        #expect(single.converged && exact.converged)
        // What the two certificates imply: both objectives within 1e-10·P of P*, and for r < 1
        // (strong convexity μ = α(1 − r)) both coefficient vectors within √(2·gap/μ) of w*.
        func objective(_ m: ElasticNetModel) -> Double {
            CDTestSupport.objective(prob.x, prob.y, w: m.coefficients, b: m.intercept, alpha: 0.02 * amax,
                                    l1Ratio: l1Ratio, weights: weights)
        }
        let best = min(objective(single), objective(exact))
        #expect(abs(objective(single) - objective(exact)) <= 2e-10 * best)
        if l1Ratio < 1 {
            let mu = 0.02 * amax * (1 - l1Ratio)
            let radius = (2 * single.dualityGap / mu).squareRoot() + (2 * exact.dualityGap / mu).squareRoot()
            #expect(CDTestSupport.maxAbsDifference(single.coefficients, exact.coefficients) <= radius)
        }
        let violation = CDTestSupport.kktViolation(prob.x, prob.y, model: single, weights: weights)
        #expect(violation < 1e-4 * amax)
    }

    /// Duplicated columns make the single-precision model indefinite along their differences; with
    /// 20 duplicated pairs (some unpenalized, where only λ₂ bounds the model) the fit still
    /// converges to the exact Gram matrix's objective (the split between duplicates is not unique).
    @Test(arguments: [1.0, 0.5, 0.0])
    func duplicatedColumnsStillConverge(l1Ratio: Double) throws {
        let n = 600, p = ElasticNet.singlePrecisionMinimumColumns + 10
        let prob = CDTestSupport.problem(n: n, p: p, rho: 0.5, nonzeros: 12, seed: 43)
        var x = prob.x
        for k in 0..<20 { for i in 0..<n { x[i, 2 * k + 1] = x[i, 2 * k] } }
        let factors = (0..<p).map { $0 < 6 ? 0.0 : 1.0 }
        var model = ElasticNet(alpha: 1e-3, l1Ratio: l1Ratio, tolerance: 1e-10, penaltyFactors: factors)
        let single = try model.fit(x, prob.y)
        model.singlePrecisionGram = false
        let exact = try model.fit(x, prob.y)
        #expect(single.converged && exact.converged)
        func objective(_ m: ElasticNetModel) -> Double {
            CDTestSupport.objective(x, prob.y, w: m.coefficients, b: m.intercept, alpha: 1e-3, l1Ratio: l1Ratio, factors: factors)
        }
        #expect(abs(objective(single) - objective(exact)) <= 1e-9 * objective(exact))
    }
}
