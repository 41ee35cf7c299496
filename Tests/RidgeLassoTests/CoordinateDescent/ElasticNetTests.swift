import Testing
import LinearAlgebra
@testable import RidgeLasso

/// Hand-checkable values, exact zeros at α_max, closed forms.
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
        #expect(m.dualityGap >= 0 && m.dualityGap <= 1e-12 * 2.0 / 3.0)
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

    @Test func quickSeededKKT() throws {
        let prob = CDTestSupport.problem(n: 200, p: 50, seed: 1)
        let amax = try ElasticNet.alphaMax(prob.x, prob.y, l1Ratio: 0.7)
        for scheme in [UpdateScheme.naive, .covariance] {
            let m = try ElasticNet(alpha: amax / 50, l1Ratio: 0.7, tolerance: 1e-10, updateScheme: scheme).fit(prob.x, prob.y)
            #expect(m.converged)
            #expect(CDTestSupport.kktViolation(prob.x, prob.y, model: m) < 1e-5)
        }
    }
}
