import Foundation
import LinearAlgebra
import Testing
@testable import RidgeLasso

@Suite struct RidgeGradientDescentTests {
    @Test func gradientDescentAndNesterovReachTheClosedForm() throws {
        let (x, y) = GradientTestData.problem(n: 80, p: 6, seed: 1)
        let exact = try GradientTestData.exactRidge(x, y, alpha: 2.5)
        for acceleration in GradientAcceleration.allCases {
            let fit = try RidgeGradientDescent(alpha: 2.5, acceleration: acceleration, tolerance: 1e-12,
                                               maximumIterations: 20_000).fit(x, y)
            #expect(fit.converged)
            #expect(GradientTestData.relativeError(fit.coefficients, exact.w) < 1e-10)
            #expect(abs(fit.intercept - exact.b) < 1e-9 * max(1, abs(exact.b)))
            #expect(fit.stoppingValue <= 1e-12)
        }
    }

    /// f(wₖ) − f* ≤ (1 − μ/L)ᵏ(f(w₀) − f*) for gradient descent with step 1/L, and
    /// f(wₖ) − f* ≤ (1 − √(μ/L))ᵏ(f(w₀) − f* + (μ/2)‖w₀ − w*‖²) for Nesterov's constant-momentum
    /// scheme (Nesterov 2004, Thm 2.2.3); here μ = α/n and f is the objective divided by 2n.
    @Test func errorsStayBelowTheTheoreticalRates() throws {
        let scales = (0..<8).map { pow(10, -2 * Double($0) / 7) }  // κ(XᵀX) ≈ 1e4
        let (x, y) = GradientTestData.problem(n: 200, p: 8, seed: 2, scales: scales)
        let alpha = 0.5
        let exact = try GradientTestData.exactRidge(x, y, alpha: alpha)
        let n = Double(x.rows)
        let fStar = try ridgeObjective(x, y, exact.w, alpha) / (2 * n)
        var finalErrors: [GradientAcceleration: Double] = [:]
        for acceleration in GradientAcceleration.allCases {
            let fit = try RidgeGradientDescent(alpha: alpha, acceleration: acceleration, tolerance: 1e-14,
                                               maximumIterations: 400, historyInterval: 1).fit(x, y)
            let lipschitz = try #require(fit.lipschitzConstant)
            let mu = alpha / n
            let f0 = try #require(fit.history[0].objective) / (2 * n)
            let distance2 = exact.w.reduce(0) { $0 + $1 * $1 }
            for point in fit.history.dropFirst() {
                let gap = try #require(point.objective) / (2 * n) - fStar
                let k = Double(point.iteration)
                let bound = acceleration == .plain
                    ? pow(1 - mu / lipschitz, k) * (f0 - fStar)
                    : pow(1 - (mu / lipschitz).squareRoot(), k) * (f0 - fStar + mu / 2 * distance2)
                #expect(gap <= bound * (1 + 1e-9) + 1e-13 * abs(fStar), "iteration \(point.iteration): \(gap) > \(bound)")
            }
            finalErrors[acceleration] = GradientTestData.relativeError(fit.coefficients, exact.w)
        }
        // After the same 400 iterations, momentum is far ahead on this ill-conditioned problem.
        let plain = try #require(finalErrors[.plain]), nesterov = try #require(finalErrors[.nesterov])
        #expect(nesterov < plain / 10, "Nesterov \(nesterov) vs GD \(plain)")
    }

    @Test func nonConvergenceIsReportedNotHidden() throws {
        let (x, y) = GradientTestData.problem(n: 50, p: 5, seed: 3, scales: [1, 1e-2, 1e-3, 1, 1])
        let fit = try RidgeGradientDescent(alpha: 1e-6, tolerance: 1e-12, maximumIterations: 5).fit(x, y)
        #expect(!fit.converged)
        #expect(fit.iterations == 5)
        #expect(fit.stoppingValue > 1e-12)
    }

    @Test func timeBudgetStopsTheRun() throws {
        let (x, y) = GradientTestData.problem(n: 400, p: 30, seed: 4, scales: (0..<30).map { pow(10, -Double($0) / 10) })
        let fit = try RidgeGradientDescent(alpha: 1e-8, tolerance: 1e-15, maximumIterations: 100_000_000,
                                           maximumSeconds: 0.05).fit(x, y)
        #expect(!fit.converged)
        #expect(fit.iterations < 100_000_000)
        #expect(fit.seconds < 5)
    }

    @Test func badInputThrowsNamedErrors() throws {
        let (x, y) = GradientTestData.problem(n: 10, p: 3, seed: 5)
        #expect(throws: RegressionError.invalidParameter(name: "alpha", value: -1, requirement: "must be finite and ≥ 0")) {
            try RidgeGradientDescent(alpha: -1).fit(x, y)
        }
        #expect(throws: RegressionError.dimensionMismatch("X has 10 rows but y has 9 values")) {
            try RidgeGradientDescent().fit(x, Array(y.dropLast()))
        }
        var bad = x
        bad[4, 2] = .nan
        #expect(throws: RegressionError.nonFinite(input: "X", row: 4, column: 2)) {
            try RidgeGradientDescent().fit(bad, y)
        }
        #expect(throws: RegressionError.self) { try RidgeGradientDescent(maximumSeconds: 0).fit(x, y) }
    }

    private func ridgeObjective(_ x: Matrix, _ y: [Double], _ w: [Double], _ alpha: Double) throws -> Double {
        let data = try GradientDesign(x, y, fitIntercept: true)
        let r = try data.residual(w)
        return BLAS.dot(r, r) + alpha * BLAS.dot(w, w)
    }
}
