import Testing
import LinearAlgebra
@testable import RidgeLasso

@Suite("RidgeSpectrum.leaveOneOut: exactness where the hat matrix nears the identity")
struct RidgeLeaveOneOutTests {
    @Test("p ≫ n with tiny α (Hᵢᵢ → 1): the deflated dual keeps LOO residuals exact to 1e-9")
    func nearInterpolation() throws {
        let (x, y) = cvProblem(rows: 15, columns: 80, seed: 17)
        let ym = try Matrix(columns: [y])
        let s = try RidgeSpectrum(x: x, y: ym, weights: nil, fitIntercept: true)
        let alphas = [1e-6, 1e-3]
        let scores = try s.leaveOneOut(alphas: alphas, storeResiduals: true)
        let loo = try #require(scores.residuals?.first)
        for (a, alpha) in alphas.enumerated() {
            let brute = try cvLeaveOneOutBruteForce(x, y, alpha: alpha, weights: nil, fitIntercept: true)
            for i in 0..<15 { #expect(cvRelativeDifference(loo[i, a], brute[i]) < 1e-9, "alpha \(alpha) row \(i)") }
        }
    }

    @Test("rows of zero weight keep their ordinary residual and do not count in the mean", arguments: [(20, 4), (10, 30)])
    func zeroWeights(_ shape: (Int, Int)) throws {
        let (x, y) = cvProblem(rows: shape.0, columns: shape.1, seed: 19)
        var w = cvWeights(shape.0, seed: 20)
        w[0] = 0
        let s = try RidgeSpectrum(x: x, y: try Matrix(columns: [y]), weights: w, fitIntercept: true)
        let scores = try s.leaveOneOut(alphas: [0.7], storeResiduals: true)
        let loo = try #require(scores.residuals?.first)
        let ref = try cvRidgeBruteForce(x, y, alpha: 0.7, weights: w, fitIntercept: true)
        let pred = RidgeModelCheck.predict(x, ref.w, ref.b)
        #expect(abs(loo[0, 0] - (y[0] - pred[0])) < 1e-10)
        #expect(abs(loo[3, 0] - (y[3] - pred[3])) < 1e-10)
        let brute = try cvLeaveOneOutBruteForce(x, y, alpha: 0.7, weights: w, fitIntercept: true)
        var mean = 0.0
        for i in 0..<shape.0 { mean += w[i] * brute[i] * brute[i] }
        mean /= w.reduce(0, +)
        #expect(cvRelativeDifference(scores.meanSquaredErrors[0], mean) < 1e-10)
    }

    @Test("primal LOO from X's own rows (modest offsets) and from centered copies (large ones) both equal brute force")
    func primalRowsWithAndWithoutCopies() throws {
        var (x, y) = cvProblem(rows: 60, columns: 6, seed: 29)
        // Modest offsets: each column moved to mean 0.2 (spread ≥ 0.5), so XcᵀXc and (X − 1x̄ᵀ)V
        // may come from X itself; the original large offsets force the centered copies.
        var modest = x
        for j in 0..<6 {
            let mean = (0..<60).reduce(0.0) { $0 + x[$1, j] } / 60
            for i in 0..<60 { modest[i, j] = x[i, j] - mean + 0.2 }
        }
        for i in 0..<60 { y[i] += 0.1 * Double(i % 3) }
        for (design, direct) in [(modest, true), (x, false)] {
            let s = try RidgeSpectrum(x: design, y: try Matrix(columns: [y]), weights: nil, fitIntercept: true)
            #expect(s.centerAfterProduct == direct)
            let alphas = [0.05, 3]
            // One block, and blocks of 7 rows (8 full ones and a shorter last one).
            for blockRows in [nil, 7] as [Int?] {
                let scores = try s.leaveOneOut(alphas: alphas, storeResiduals: true, blockRows: blockRows)
                let loo = try #require(scores.residuals?.first)
                for (a, alpha) in alphas.enumerated() {
                    let brute = try cvLeaveOneOutBruteForce(design, y, alpha: alpha, weights: nil, fitIntercept: true)
                    for i in 0..<60 {
                        #expect(cvRelativeDifference(loo[i, a], brute[i]) < 1e-10,
                                "direct \(direct) block \(String(describing: blockRows)) alpha \(alpha) row \(i)")
                    }
                }
            }
        }
    }

    @Test("GCV without a second pass equals GCV from the LOO pass's residuals")
    func gcvBothWays() throws {
        let (x, y) = cvProblem(rows: 40, columns: 7, seed: 23)
        let s = try RidgeSpectrum(x: x, y: try Matrix(columns: [y]), weights: cvWeights(40, seed: 24), fitIntercept: true)
        let alphas = [0.01, 0.5, 20]
        let scores = try s.leaveOneOut(alphas: alphas, storeResiduals: false)
        let a = s.generalizedCrossValidation(alphas: alphas)
        let b = s.generalizedCrossValidation(alphas: alphas, rss: scores.residualSumsOfSquares)
        for i in alphas.indices { #expect(cvRelativeDifference(a[i], b[i]) < 1e-10) }
    }
}
