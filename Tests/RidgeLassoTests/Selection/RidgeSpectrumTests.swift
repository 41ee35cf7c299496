import Testing
import LinearAlgebra
@testable import RidgeLasso

@Suite("RidgeSpectrum: one eigendecomposition, every α")
struct RidgeSpectrumTests {
    @Test("the smaller side is decomposed: primal when p ≤ n⁺ − 1, dual otherwise")
    func form() throws {
        let (x, y) = cvProblem(rows: 10, columns: 9, seed: 1)
        let ym = try Matrix(columns: [y])
        #expect(try RidgeSpectrum(x: x, y: ym, weights: nil, fitIntercept: true).form == .primal)
        #expect(try RidgeSpectrum(x: x, y: ym, weights: nil, fitIntercept: false).form == .primal)
        let (x2, y2) = cvProblem(rows: 10, columns: 10, seed: 1)
        let s = try RidgeSpectrum(x: x2, y: try Matrix(columns: [y2]), weights: nil, fitIntercept: true)
        #expect(s.form == .dual && s.eigenvalues.count == 9)
        // Zero weights shrink n⁺: 10 rows, one of weight 0 → m = 9 − 1 = 8 < 9 columns → dual.
        let w = cvWeights(10, seed: 2)
        let (x3, y3) = cvProblem(rows: 10, columns: 9, seed: 3)
        #expect(try RidgeSpectrum(x: x3, y: try Matrix(columns: [y3]), weights: w, fitIntercept: true).form == .dual)
    }

    @Test("the primal Gram matrix is kept only when asked, and is X̃ᵀX̃")
    func keptCrossProducts() throws {
        let (x, y) = cvProblem(rows: 12, columns: 4, seed: 5)
        let ym = try Matrix(columns: [y])
        #expect(try RidgeSpectrum(x: x, y: ym, weights: nil, fitIntercept: true).crossProducts == nil)
        let kept = try #require(try RidgeSpectrum(x: x, y: ym, weights: nil, fitIntercept: true,
                                                  keepingCrossProducts: true).crossProducts)
        let means = (0..<4).map { j in x.column(j).reduce(0, +) / 12 }
        for a in 0..<4 {
            for b in 0..<4 {
                var g = 0.0
                for i in 0..<12 { g += (x[i, a] - means[a]) * (x[i, b] - means[b]) }
                #expect(abs(kept.gram[a, b] - g) <= 1e-12 * max(1, abs(g)))
            }
        }
        let (wide, yw) = cvProblem(rows: 6, columns: 9, seed: 6)
        #expect(try RidgeSpectrum(x: wide, y: try Matrix(columns: [yw]), weights: nil, fitIntercept: true,
                                  keepingCrossProducts: true).crossProducts == nil)   // dual: no p × p matrix
    }

    @Test("coefficients for many α at once equal the brute-force ridge solution", arguments: [(30, 6), (8, 25)])
    func coefficients(_ shape: (Int, Int)) throws {
        let (x, y) = cvProblem(rows: shape.0, columns: shape.1, seed: 5)
        let w = cvWeights(shape.0, seed: 6)
        let s = try RidgeSpectrum(x: x, y: try Matrix(columns: [y]), weights: w, fitIntercept: true)
        let alphas = [0.01, 1, 100]
        let (coef, b) = try s.coefficients(alphas: alphas)
        for (a, alpha) in alphas.enumerated() {
            let ref = try cvRidgeBruteForce(x, y, alpha: alpha, weights: w, fitIntercept: true)
            #expect(cvMaxDifference(coef.column(a), ref.w) < 1e-9)
            #expect(abs(b[a] - ref.b) < 1e-9)
        }
    }

    @Test("the spectral residual sum of squares equals Σ sᵢeᵢ² of the fit", arguments: [(30, 6), (8, 25)])
    func rss(_ shape: (Int, Int)) throws {
        let (x, y) = cvProblem(rows: shape.0, columns: shape.1, seed: 7)
        let w = cvWeights(shape.0, seed: 8)
        let s = try RidgeSpectrum(x: x, y: try Matrix(columns: [y]), weights: w, fitIntercept: true)
        let alphas = [0.1, 3, 30]
        let rss = s.residualSumsOfSquares(alphas: alphas)
        for (a, alpha) in alphas.enumerated() {
            let ref = try cvRidgeBruteForce(x, y, alpha: alpha, weights: w, fitIntercept: true)
            let pred = RidgeModelCheck.predict(x, ref.w, ref.b)
            var direct = 0.0
            for i in 0..<x.rows { direct += w[i] * (y[i] - pred[i]) * (y[i] - pred[i]) }
            #expect(cvRelativeDifference(rss[a], direct) < 1e-9)
        }
    }
}
