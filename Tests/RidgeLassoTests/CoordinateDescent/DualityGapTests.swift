import Testing
import LinearAlgebra
@testable import RidgeLasso

@Suite struct DualityGapTests {
    /// At w = 0 with α ≥ α_max the gap is exactly 0; at the optimum of a 1-D problem it is ~0; at a
    /// non-optimal point it is at least the suboptimality.
    @Test func gapOnAOneDimensionalProblem() throws {
        let x = try Matrix(columns: [[-1, 0, 1]])
        let design = try PreparedDesign(x, [-1, 0, 1], weights: nil, fitIntercept: true)
        let alpha = 0.1
        let penalty = ElasticNetPenalty.lasso(alpha: alpha, count: 1)
        func gap(at w: Double) -> Double {
            // r = y − wx, ρ = c xᵀr = (2/3)(1 − w), c‖r‖² = (2/3)(1 − w)².
            var ws = [w], rho = [(2.0 / 3) * (1 - w)], d = design.curvature, scratch = [0.0]
            return DualityGap.compute(coefficients: &ws, correlations: &rho, count: 1,
                                      residualNormSquared: (2.0 / 3) * (1 - w) * (1 - w), curvature: &d,
                                      penalty: penalty, projection: nil, scratch: &scratch)
        }
        let optimum = 0.85
        let objective = { (w: Double) in (1.0 / 3) * (1 - w) * (1 - w) + alpha * abs(w) }
        #expect(gap(at: optimum) < 1e-15)
        for w in [0.0, 0.5, 0.8, 1.0, 1.5, -0.3] {
            let g = gap(at: w)
            #expect(g >= objective(w) - objective(optimum) - 1e-15)
            #expect(g >= 0)
        }
    }

    @Test func unpenalizedFeaturesAreProjectedOut() throws {
        let prob = CDTestSupport.problem(n: 50, p: 6, seed: 51)
        let factors: [Double] = [0, 1, 1, 0, 1, 1]
        let fit = try Lasso(alpha: 0.05, tolerance: 1e-12, penaltyFactors: factors).fit(prob.x, prob.y)
        #expect(fit.converged && fit.dualityGap.isFinite)
        let rough = try Lasso(alpha: 0.05, tolerance: 1e-12, maximumIterations: 1, penaltyFactors: factors).fit(prob.x, prob.y)
        #expect(rough.dualityGap.isFinite && rough.dualityGap >= rough.objective - fit.objective - 1e-12)
        // α = 0 (every feature unpenalized): ordinary least squares through the projection.
        let ols = try Lasso(alpha: 0, tolerance: 1e-12).fit(prob.x, prob.y)
        let exact = try CDTestSupport.ridge(prob.x, prob.y, lambda: 0)
        #expect(ols.converged)
        #expect(CDTestSupport.maxAbsDifference(ols.coefficients, exact.w) < 1e-7)
    }
}
