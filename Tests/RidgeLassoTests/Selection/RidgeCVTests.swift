import Testing
import LinearAlgebra
@testable import RidgeLasso

@Suite("RidgeCV: exact leave-one-out, GCV, K-fold")
struct RidgeCVTests {
    static let alphas = [0.05, 0.3, 1.0, 4.0, 25.0]

    /// (rows, columns, intercept, weighted): n > p and p > n, each with and without intercept and weights.
    static let cases: [(Int, Int, Bool, Bool)] = [
        (30, 5, true, false), (30, 5, false, false), (30, 5, true, true), (30, 5, false, true),
        (12, 40, true, false), (12, 40, false, false), (12, 40, true, true), (12, 40, false, true),
        (9, 8, true, true), (9, 8, true, false),
    ]

    @Test("leave-one-out residuals equal n brute-force refits to 1e-10", arguments: cases)
    func looMatchesBruteForce(_ c: (Int, Int, Bool, Bool)) throws {
        let (n, p, intercept, weighted) = c
        let (x, y) = cvProblem(rows: n, columns: p, seed: UInt64(n * 100 + p))
        let w = weighted ? cvWeights(n, seed: 7) : nil
        let result = try RidgeCV(alphas: Self.alphas, fitIntercept: intercept, storeLeaveOneOutResiduals: true)
            .fit(x, y, sampleWeights: w)
        let loo = try #require(result.leaveOneOutResiduals)
        let total = w?.reduce(0, +) ?? Double(n)
        for (a, alpha) in Self.alphas.enumerated() {
            let brute = try cvLeaveOneOutBruteForce(x, y, alpha: alpha, weights: w, fitIntercept: intercept)
            #expect(cvMaxDifference(loo.column(a), brute) < 1e-10, "alpha \(alpha)")
            var mse = 0.0
            for i in 0..<n { mse += (w?[i] ?? 1) * brute[i] * brute[i] }
            mse /= total
            #expect(cvRelativeDifference(result.curve.meanErrors[a], mse) < 1e-10, "alpha \(alpha)")
        }
    }

    @Test("GCV equals (Σsᵢeᵢ²/Σsᵢ)/(1 − tr H/n⁺)² with H formed explicitly", arguments: cases)
    func gcvMatchesFormula(_ c: (Int, Int, Bool, Bool)) throws {
        let (n, p, intercept, weighted) = c
        let (x, y) = cvProblem(rows: n, columns: p, seed: UInt64(n * 100 + p) + 1)
        let w = weighted ? cvWeights(n, seed: 8) : nil
        let viaLOO = try RidgeCV(alphas: Self.alphas, fitIntercept: intercept).fit(x, y, sampleWeights: w)
        let viaGCV = try RidgeCV(alphas: Self.alphas, fitIntercept: intercept, criterion: .generalizedCrossValidation)
            .fit(x, y, sampleWeights: w)
        let s = w ?? [Double](repeating: 1, count: n)
        let positive = (0..<n).filter { s[$0] > 0 }
        let off = intercept ? 1 : 0, d = p + off
        for (a, alpha) in Self.alphas.enumerated() {
            // Transformed design Z̃ = S^½[1, X] on the rows of positive weight; H = Z̃ M⁻¹ Z̃ᵀ.
            var z = Matrix(rows: positive.count, columns: d)
            for (r, i) in positive.enumerated() {
                let root = s[i].squareRoot()
                if intercept { z[r, 0] = root }
                for j in 0..<p { z[r, j + off] = root * x[i, j] }
            }
            var m = try z.gram()
            for j in 0..<p { m[j + off, j + off] += alpha }
            let minv = try CholeskyFactorization(m).solve(Matrix.identity(d))
            let h = try z.multiplied(by: minv).multiplied(by: z, transposingOther: true)
            var trace = 0.0
            for r in 0..<positive.count { trace += h[r, r] }
            let (coef, b) = try cvRidgeBruteForce(x, y, alpha: alpha, weights: w, fitIntercept: intercept)
            var rss = 0.0
            for i in positive {
                var e = y[i] - b
                for j in 0..<p { e -= x[i, j] * coef[j] }
                rss += s[i] * e * e
            }
            let np = Double(positive.count)
            let gcv = (rss / s.reduce(0, +)) / ((1 - trace / np) * (1 - trace / np))
            // GCV divides by (1 − tr H/n⁺)²: an absolute error δ in the trace (a few ulps of d,
            // from forming M⁻¹ explicitly here) becomes a relative error 2δ/(n⁺ − tr H) in GCV.
            // Near interpolation (p > n, α = 0.05: n⁺ − tr H ≈ 0.01) that amplification reaches
            // about 100, and the reference BLAS lands at 1.1e-9 there (OpenBLAS below 5e-10).
            // Bound: 2e-11 per unit of amplification, and 1e-9 wherever it is below 50.
            let tolerance = max(1e-9, 2e-11 / (np - trace))
            #expect(cvRelativeDifference(try #require(viaLOO.generalizedCrossValidation)[a], gcv) < tolerance)
            #expect(cvRelativeDifference(viaGCV.curve.meanErrors[a], gcv) < tolerance)
            #expect(cvRelativeDifference(try #require(viaLOO.degreesOfFreedom)[a], trace) < 1e-10)
        }
    }

    @Test("the refit model is the ridge solution at the chosen α", arguments: cases)
    func refit(_ c: (Int, Int, Bool, Bool)) throws {
        let (n, p, intercept, weighted) = c
        let (x, y) = cvProblem(rows: n, columns: p, seed: UInt64(n + p))
        let w = weighted ? cvWeights(n, seed: 9) : nil
        let result = try RidgeCV(alphas: Self.alphas, fitIntercept: intercept).fit(x, y, sampleWeights: w)
        #expect(result.alpha == result.curve.alphaMin)
        #expect(result.model.alpha == result.alpha && result.model.solverUsed != .automatic)
        #expect(result.curve.meanErrors.allSatisfy { $0 >= result.curve.meanErrors[result.indexOfChosenAlpha] })
        let (coef, b) = try cvRidgeBruteForce(x, y, alpha: result.alpha, weights: w, fitIntercept: intercept)
        #expect(cvMaxDifference(result.coefficients, coef) < 1e-10)
        #expect(abs(result.intercept - b) < 1e-10)
        #expect(try cvMaxDifference(result.predict(x), RidgeModelCheck.predict(x, coef, b)) < 1e-9)
    }

    @Test("the refit reuses the Gram matrix of the eigendecomposition and keeps Ridge's solver rule")
    func refitFromTheSpectrumGram() throws {
        // Well conditioned, n > p, with and without weights (zeros included): the refit is
        // Ridge's own Cholesky model at the chosen α, to rounding.
        let (x, y) = cvProblem(rows: 40, columns: 6, seed: 21)
        var weights = cvWeights(40, seed: 5)
        weights[3] = 0
        for w in [nil, weights] {
            for criterion in [RidgeSelectionCriterion.leaveOneOut, .generalizedCrossValidation] {
                let result = try RidgeCV(alphas: Self.alphas, criterion: criterion).fit(x, y, sampleWeights: w)
                let direct = try Ridge(alpha: result.alpha).fit(x, y, sampleWeights: w)
                #expect(result.model.solverUsed == .cholesky && direct.solverUsed == .cholesky)
                #expect(cvMaxDifference(result.coefficients, direct.coefficients) < 1e-12)
                #expect(abs(result.intercept - direct.intercept) < 1e-12)
                let rc = try #require(result.model.reciprocalCondition), dc = try #require(direct.reciprocalCondition)
                #expect(abs(rc - dc) <= 1e-12 * dc)
            }
        }
        // Two targets sharing one α: both models from the one adopted Gram matrix.
        let (_, y2) = cvProblem(rows: 40, columns: 6, seed: 22)
        let targets = try Matrix(columns: [y, y2])
        let shared = try RidgeCV(alphas: Self.alphas).fit(x, targets: targets)
        #expect(shared[0].alpha == shared[1].alpha)
        let both = try Ridge(alpha: shared[0].alpha).fit(x, targets: targets)
        for t in 0..<2 {
            #expect(cvMaxDifference(shared[t].coefficients, both[t].coefficients) < 1e-12)
            #expect(abs(shared[t].intercept - both[t].intercept) < 1e-12)
        }
        // Nearly collinear columns and a tiny α: Ridge's rule turns down Cholesky (reciprocal
        // condition < 1e-6), and so does the refit.
        var ill = x
        for i in 0..<40 { ill[i, 5] = ill[i, 4] + 1e-7 * ill[i, 0] }
        let tiny = try RidgeCV(alphas: [1e-12]).fit(ill, y)
        let direct = try Ridge(alpha: 1e-12).fit(ill, y)
        #expect(direct.solverUsed != .cholesky)
        #expect(tiny.model.solverUsed == direct.solverUsed)
        #expect(cvMaxDifference(tiny.coefficients, direct.coefficients) < 1e-6 * direct.coefficients.map(abs).max()!)
    }

    @Test("RidgeData adopts given cross products only when they cover every column")
    func adoptedCrossProducts() throws {
        let (x, y) = cvProblem(rows: 20, columns: 4, seed: 8)
        let target = try Matrix(rows: 20, columns: 1, columnMajor: y)
        // Products of another target (2y): adopted, they are what the Cholesky solver reads.
        let doubled = try Matrix(rows: 20, columns: 1, columnMajor: y.map { 2 * $0 })
        let other = try CenteredCrossProducts(x: x, y: doubled, weights: nil, center: true)
        let own = try CenteredCrossProducts(x: x, y: target, weights: nil, center: true)
        let data = RidgeData(x: x, y: target, weights: nil, fitIntercept: true)
        data.adoptCrossProducts(other)
        #expect(try data.crossProducts().cross == other.cross)
        #expect(cvMaxDifference(other.cross.storage, own.cross.storage.map { 2 * $0 }) < 1e-12)
        // A constant column is set aside: products over all columns do not fit, and are ignored.
        var constant = x
        for i in 0..<20 { constant[i, 2] = 3 }
        let withConstant = RidgeData(x: constant, y: target, weights: nil, fitIntercept: true)
        withConstant.adoptCrossProducts(try CenteredCrossProducts(x: constant, y: doubled, weights: nil, center: true))
        #expect(try withConstant.crossProducts().gram.rows == 3)
    }

    @Test("the LOO standard error is glmnet's formula with every row as a fold")
    func looStandardError() throws {
        let (x, y) = cvProblem(rows: 25, columns: 4, seed: 3)
        let w = cvWeights(25, seed: 4)
        let result = try RidgeCV(alphas: Self.alphas, storeLeaveOneOutResiduals: true).fit(x, y, sampleWeights: w)
        let loo = try #require(result.leaveOneOutResiduals)
        let se = try #require(result.curve.standardErrors)
        let positive = (0..<25).filter { w[$0] > 0 }
        let total = w.reduce(0, +)
        for a in Self.alphas.indices {
            let mean = positive.reduce(0.0) { $0 + w[$1] * loo[$1, a] * loo[$1, a] } / total
            let v = positive.reduce(0.0) { acc, i in
                let d = loo[i, a] * loo[i, a] - mean
                return acc + w[i] * d * d
            } / total / Double(positive.count - 1)
            #expect(cvRelativeDifference(se[a], v.squareRoot()) < 1e-8)
        }
        #expect(try #require(result.curve.alphaOneStandardError) >= result.curve.alphaMin)
    }

    @Test("several targets: per-target α equals separate fits; a shared α minimizes the mean error")
    func multipleTargets() throws {
        let (x, y1) = cvProblem(rows: 40, columns: 6, seed: 11, noise: 0.2)
        let (_, y2raw) = cvProblem(rows: 40, columns: 6, seed: 12, noise: 3)
        let y2 = y2raw.map { $0 * 0.5 }
        let targets = try Matrix(columns: [y1, y2])
        let alphas = RidgeCV.logarithmicGrid(minimum: 1e-2, maximum: 1e3, count: 30)
        let perTarget = try RidgeCV(alphas: alphas, alphaPerTarget: true).fit(x, targets: targets)
        let single1 = try RidgeCV(alphas: alphas).fit(x, y1)
        let single2 = try RidgeCV(alphas: alphas).fit(x, y2)
        #expect(perTarget[0].alpha == single1.alpha && perTarget[1].alpha == single2.alpha)
        for a in alphas.indices {
            #expect(cvRelativeDifference(perTarget[0].curve.meanErrors[a], single1.curve.meanErrors[a]) < 1e-12)
        }
        #expect(cvMaxDifference(perTarget[1].coefficients, single2.coefficients) < 1e-12)
        let shared = try RidgeCV(alphas: alphas).fit(x, targets: targets)
        #expect(shared[0].alpha == shared[1].alpha)
        let mean = alphas.indices.map { (single1.curve.meanErrors[$0] + single2.curve.meanErrors[$0]) / 2 }
        let best = mean.indices.min { mean[$0] < mean[$1] }!
        #expect(shared[0].alpha == alphas[best])
        let (coef, b) = try cvRidgeBruteForce(x, y2, alpha: alphas[best], weights: nil, fitIntercept: true)
        #expect(cvMaxDifference(shared[1].coefficients, coef) < 1e-10 && abs(shared[1].intercept - b) < 1e-10)
    }

    @Test("K-fold ridge equals a brute-force loop over folds", arguments: [(40, 6), (15, 30)])
    func kFoldMatchesBruteForce(_ shape: (Int, Int)) throws {
        let (n, p) = shape
        let (x, y) = cvProblem(rows: n, columns: p, seed: 21)
        let w = cvWeights(n, seed: 22)
        let folds = CrossValidationFolds.shuffled(count: 4, seed: 5)
        let result = try RidgeCV(alphas: Self.alphas, criterion: .kFold(folds)).fit(x, y, sampleWeights: w)
        let assignment = try FoldAssignment(folds, rows: n)
        let foldErrors = try #require(result.curve.foldErrors)
        var foldWeights: [Double] = []
        for f in 0..<4 {
            let train = assignment.trainingRows(f), test = assignment.testRows(f)
            let xt = x.selectingRows(train), yt = train.map { y[$0] }, wt = train.map { w[$0] }
            let testWeight = test.reduce(0.0) { $0 + w[$1] }
            foldWeights.append(testWeight)
            for (a, alpha) in Self.alphas.enumerated() {
                let (coef, b) = try cvRidgeBruteForce(xt, yt, alpha: alpha, weights: wt, fitIntercept: true)
                let pred = RidgeModelCheck.predict(x.selectingRows(test), coef, b)
                var err = 0.0
                for (r, i) in test.enumerated() { err += w[i] * (y[i] - pred[r]) * (y[i] - pred[r]) }
                #expect(cvRelativeDifference(foldErrors[f][a], err / testWeight) < 1e-10)
            }
        }
        let total = foldWeights.reduce(0, +)
        for a in Self.alphas.indices {
            let mean = (0..<4).reduce(0.0) { $0 + foldWeights[$1] * foldErrors[$1][a] } / total
            #expect(cvRelativeDifference(result.curve.meanErrors[a], mean) < 1e-14)
        }
    }

    @Test("K-fold results are bit-identical with 1, 2 and 5 threads")
    func kFoldThreads() throws {
        let (x, y) = cvProblem(rows: 60, columns: 8, seed: 31)
        let make = { (threads: Int) in
            try RidgeCV(alphas: Self.alphas, criterion: .kFold(.shuffled(count: 5, seed: 2)), threads: threads).fit(x, y)
        }
        let one = try make(1), two = try make(2), five = try make(5)
        #expect(one.curve == two.curve && one.curve == five.curve)
        #expect(one.coefficients == five.coefficients)
    }

    @Test("bad input throws a typed error naming the problem")
    func validation() throws {
        let (x, y) = cvProblem(rows: 10, columns: 3, seed: 1)
        #expect(throws: RegressionError.emptyData("the list of alphas is empty")) { try RidgeCV(alphas: []).fit(x, y) }
        #expect(throws: RegressionError.invalidParameter(name: "alpha", value: -1,
                                                         requirement: "every alpha must be finite and > 0")) {
            try RidgeCV(alphas: [1, -1]).fit(x, y)
        }
        #expect(throws: RegressionError.dimensionMismatch("X has 10 rows but y has 9 values")) {
            try RidgeCV(alphas: [1]).fit(x, Array(y.dropLast()))
        }
        var bad = x
        bad[4, 2] = .nan
        #expect(throws: RegressionError.nonFinite(input: "X", row: 4, column: 2)) { try RidgeCV(alphas: [1]).fit(bad, y) }
        #expect(throws: RegressionError.invalidWeights("weight -1.0 at row 0 is negative")) {
            try RidgeCV(alphas: [1]).fit(x, y, sampleWeights: [-1] + Array(repeating: 1, count: 9))
        }
        var oneRow = [Double](repeating: 0, count: 10)
        oneRow[2] = 1
        #expect(throws: RegressionError.self) { try RidgeCV(alphas: [1]).fit(x, y, sampleWeights: oneRow) }
        #expect(throws: RegressionError.self) { try RidgeCV(alphas: [1], criterion: .kFold(.contiguous(count: 11))).fit(x, y) }
        #expect(throws: RegressionError.self) { try RidgeCV(alphas: [1], threads: 0).fit(x, y) }
    }
}

/// Predictions Xw + b computed by a plain loop.
enum RidgeModelCheck {
    static func predict(_ x: Matrix, _ w: [Double], _ b: Double) -> [Double] {
        (0..<x.rows).map { i in (0..<x.columns).reduce(b) { $0 + x[i, $1] * w[$1] } }
    }
}
