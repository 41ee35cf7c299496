import Testing
import LinearAlgebra
@testable import RidgeLasso

@Suite("ElasticNetCV / LassoCV: K-fold cross-validation along one α grid")
struct ElasticNetCVTests {
    /// Held-out errors of one fold by a plain loop: path on the training rows, then Σsᵢeᵢ²/Σsᵢ.
    static func bruteForceFoldErrors(
        _ x: Matrix, _ y: [Double], _ w: [Double]?, grid: [Double], l1Ratio: Double,
        train: [Int], test: [Int], tolerance: Double
    ) throws -> [Double] {
        let path = try ElasticNet(l1Ratio: l1Ratio, tolerance: tolerance)
            .path(x.selectingRows(train), train.map { y[$0] }, alphas: grid, sampleWeights: w.map { v in train.map { v[$0] } })
        return (0..<grid.count).map { k in
            var num = 0.0, den = 0.0
            for i in test {
                var pred = path.intercepts[k]
                for j in 0..<x.columns { pred += x[i, j] * path.coefficients[k][j] }
                let s = w?[i] ?? 1
                num += s * (y[i] - pred) * (y[i] - pred)
                den += s
            }
            return num / den
        }
    }

    @Test("fold errors equal a brute-force loop over folds (n > p and p > n, with weights)",
          arguments: [(60, 12, false), (30, 70, false), (50, 15, true)])
    func matchesBruteForceLoop(_ c: (Int, Int, Bool)) throws {
        let (n, p, weighted) = c
        let (x, y) = cvProblem(rows: n, columns: p, seed: UInt64(n * p), noise: 2)
        let w = weighted ? cvWeights(n, seed: 3) : nil
        let cv = try LassoCV(alphaCount: 25, folds: .shuffled(count: 4, seed: 9), tolerance: 1e-10)
            .fit(x, y, sampleWeights: w)
        let folds = try FoldAssignment(.shuffled(count: 4, seed: 9), rows: n)
        #expect(cv.folds == folds)
        let foldErrors = try #require(cv.curve.foldErrors)
        for f in 0..<4 {
            let brute = try Self.bruteForceFoldErrors(x, y, w, grid: cv.curve.alphas, l1Ratio: 1,
                                                      train: folds.trainingRows(f), test: folds.testRows(f),
                                                      tolerance: 1e-10)
            for k in brute.indices { #expect(cvRelativeDifference(foldErrors[f][k], brute[k]) < 1e-12) }
        }
        // The grid is computed on the full data: α_max = maxⱼ|xⱼᵀ(y − ȳ)|/n (weighted), ε = 1e-3.
        let alphaMax = try Lasso.alphaMax(x, y, sampleWeights: w)
        #expect(cv.curve.alphas.first == alphaMax)
        #expect(cvRelativeDifference(cv.curve.alphas.last!, 1e-3 * alphaMax) < 1e-12)
    }

    @Test("fold errors agree with independent single fits at every α (no warm start) to solver accuracy")
    func matchesIndependentFits() throws {
        let (x, y) = cvProblem(rows: 40, columns: 10, seed: 5, noise: 2)
        let cv = try LassoCV(alphaCount: 12, folds: .contiguous(count: 3), tolerance: 1e-12).fit(x, y)
        let folds = try FoldAssignment(.contiguous(count: 3), rows: 40)
        for f in 0..<3 {
            let train = folds.trainingRows(f), test = folds.testRows(f)
            for (k, alpha) in cv.curve.alphas.enumerated() {
                let m = try Lasso(alpha: alpha, tolerance: 1e-12).fit(x.selectingRows(train), train.map { y[$0] })
                let pred = try m.predict(x.selectingRows(test))
                let err = test.indices.reduce(0.0) { $0 + (y[test[$1]] - pred[$1]) * (y[test[$1]] - pred[$1]) } / Double(test.count)
                #expect(cvRelativeDifference(cv.curve.foldErrors![f][k], err) < 1e-6)
            }
        }
    }

    @Test("α_1se ≥ α_min, and each rule refits at its own α")
    func rules() throws {
        let (x, y) = cvProblem(rows: 80, columns: 30, seed: 8, noise: 3)
        let minimum = try LassoCV(alphaCount: 40, folds: .shuffled(count: 5, seed: 1)).fit(x, y)
        let oneSE = try LassoCV(alphaCount: 40, folds: .shuffled(count: 5, seed: 1), rule: .oneStandardError).fit(x, y)
        #expect(minimum.alphaOneStandardError >= minimum.alphaMin)
        #expect(minimum.alpha == minimum.alphaMin && oneSE.alpha == oneSE.alphaOneStandardError)
        #expect(minimum.curve == oneSE.curve)
        let c = minimum.curve, se = try #require(c.standardErrors)
        #expect(c.meanErrors.allSatisfy { $0 >= c.meanErrors[c.indexOfMinimum] })
        let i1 = try #require(c.indexOfOneStandardError)
        #expect(c.meanErrors[i1] <= c.meanErrors[c.indexOfMinimum] + se[c.indexOfMinimum])
        for k in c.alphas.indices where c.alphas[k] > c.alphas[i1] {
            #expect(c.meanErrors[k] > c.meanErrors[c.indexOfMinimum] + se[c.indexOfMinimum])
        }
        // The refit is the full-data lasso at the chosen α.
        let direct = try Lasso(alpha: oneSE.alpha, tolerance: 1e-12).fit(x, y)
        #expect(cvMaxDifference(oneSE.coefficients, direct.coefficients) < 1e-5)
        #expect(oneSE.model.alpha == oneSE.alpha && oneSE.allConverged)
        #expect(oneSE.model.activeSet.count <= minimum.model.activeSet.count)
    }

    @Test("1, 2 and 4 threads give bit-identical curves, diagnostics and refit")
    func threads() throws {
        let (x, y) = cvProblem(rows: 90, columns: 40, seed: 12, noise: 2)
        let run = { (t: Int) in
            try ElasticNetCV(l1Ratios: [0.4, 1], alphaCount: 30, folds: .shuffled(count: 5, seed: 4), threads: t).fit(x, y)
        }
        let one = try run(1), two = try run(2), four = try run(4)
        #expect(one.curves == two.curves && one.curves == four.curves)
        #expect(one.foldDiagnostics == two.foldDiagnostics && one.foldDiagnostics == four.foldDiagnostics)
        #expect(one.model == four.model)
    }

    @Test("several l1 ratios: the ratio with the lowest minimum mean error is chosen")
    func l1Ratios() throws {
        let (x, y) = cvProblem(rows: 70, columns: 20, seed: 15, noise: 2)
        let both = try ElasticNetCV(l1Ratios: [0.2, 0.9], alphaCount: 20, folds: .contiguous(count: 5)).fit(x, y)
        let a = try ElasticNetCV(l1Ratios: [0.2], alphaCount: 20, folds: .contiguous(count: 5)).fit(x, y)
        let b = try ElasticNetCV(l1Ratios: [0.9], alphaCount: 20, folds: .contiguous(count: 5)).fit(x, y)
        #expect(both.curves == [a.curve, b.curve])
        let best = a.curve.meanErrors[a.curve.indexOfMinimum] <= b.curve.meanErrors[b.curve.indexOfMinimum] ? 0.2 : 0.9
        #expect(both.l1Ratio == best)
        #expect(both.model == (best == 0.2 ? a.model : b.model))
    }

    @Test("user fold ids are honoured")
    func givenFolds() throws {
        let (x, y) = cvProblem(rows: 24, columns: 6, seed: 2)
        let ids = (0..<24).map { ($0 * 7) % 3 + 10 }
        let r = try LassoCV(alphaCount: 8, folds: .given(ids)).fit(x, y)
        #expect(r.folds.count == 3 && r.folds.foldOfRow == ids.map { $0 - 10 })
    }

    @Test("bad input throws typed errors")
    func validation() throws {
        let (x, y) = cvProblem(rows: 20, columns: 4, seed: 1)
        #expect(throws: RegressionError.emptyData("the list of l1 ratios is empty")) { try ElasticNetCV(l1Ratios: []).fit(x, y) }
        #expect(throws: RegressionError.self) { try ElasticNetCV(l1Ratios: [1.5]).fit(x, y) }
        #expect(throws: RegressionError.self) { try ElasticNetCV(l1Ratios: [0]).fit(x, y) }
        #expect(throws: RegressionError.self) { try LassoCV(alphas: []).fit(x, y) }
        #expect(throws: RegressionError.self) { try LassoCV(alphas: [1, -2]).fit(x, y) }
        #expect(throws: RegressionError.self) { try LassoCV(alphaCount: 0).fit(x, y) }
        #expect(throws: RegressionError.self) { try LassoCV(epsilon: 1).fit(x, y) }
        #expect(throws: RegressionError.self) { try LassoCV(folds: .contiguous(count: 21)).fit(x, y) }
        #expect(throws: RegressionError.self) { try LassoCV(threads: 0).fit(x, y) }
        var w = [Double](repeating: 1, count: 20)
        for i in 0..<4 { w[i] = 0 }
        #expect(throws: RegressionError.invalidWeights("fold 0 has zero total weight")) {
            try LassoCV(folds: .contiguous(count: 5)).fit(x, y, sampleWeights: w)
        }
        #expect(throws: RegressionError.dimensionMismatch("X has 20 rows but y has 19 values")) {
            try LassoCV().fit(x, Array(y.dropLast()))
        }
    }
}
