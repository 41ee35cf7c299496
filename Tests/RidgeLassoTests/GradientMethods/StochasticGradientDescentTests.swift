import Foundation
import LinearAlgebra
import Testing
@testable import RidgeLasso

@Suite struct StochasticGradientDescentTests {
    /// SGD with L2 coefficient λ and SGD with decoupled weight decay ρ = ηλ are the same
    /// iteration: on seeded data the iterates agree to rounding at every recorded epoch.
    @Test func l2AndWeightDecayGiveTheSameIterates() throws {
        let (x, y) = GradientTestData.problem(n: 300, p: 7, seed: 31)
        let eta = 0.01, lambda = 0.3
        let withL2 = StochasticGradientDescent(learningRate: eta, batchSize: 16, epochs: 20,
                                               regularization: .l2(lambda), seed: 9, historyInterval: 19)
        let withDecay = StochasticGradientDescent(learningRate: eta, batchSize: 16, epochs: 20,
                                                  regularization: .decoupledWeightDecay(eta * lambda), seed: 9,
                                                  historyInterval: 19)
        var recordedL2: [[Double]] = [], recordedDecay: [[Double]] = []
        let a = try withL2.fit(x, y) { w, _ in recordedL2.append(w); return 0 }
        let b = try withDecay.fit(x, y) { w, _ in recordedDecay.append(w); return 0 }
        #expect(a.iterations == b.iterations && a.iterations == 20 * 19)  // ⌈300/16⌉ = 19 batches
        #expect(recordedL2.count == 21 && recordedDecay.count == 21)
        var worst = 0.0
        for (u, v) in zip(recordedL2, recordedDecay) {
            for (p, q) in zip(u, v) { worst = max(worst, abs(p - q) / max(1, abs(p))) }
        }
        #expect(worst < 1e-13, "largest relative difference \(worst)")
        #expect(worst > 0 || a.coefficients == b.coefficients)
        #expect(abs(a.objective - b.objective) <= 1e-13 * a.objective)
        // And a different seed gives genuinely different iterates (the comparison is not vacuous).
        let other = try StochasticGradientDescent(learningRate: eta, batchSize: 16, epochs: 20,
                                                  regularization: .l2(lambda), seed: 10).fit(x, y)
        #expect(GradientTestData.relativeError(other.coefficients, a.coefficients) > 1e-6)
    }

    /// With one batch holding all rows, SGD is gradient descent and reaches the ridge solution
    /// with α = nλ; with small batches and a constant step it stays in a noise ball around it.
    @Test func convergesToTheRidgeSolution() throws {
        let (x, y) = GradientTestData.problem(n: 200, p: 5, seed: 32)
        let lambda = 0.05
        let exact = try GradientTestData.exactRidge(x, y, alpha: 200 * lambda)
        let full = try StochasticGradientDescent(batchSize: 200, epochs: 3_000, regularization: .l2(lambda),
                                                 tolerance: 1e-10).fit(x, y)
        #expect(full.converged)
        #expect(GradientTestData.relativeError(full.coefficients, exact.w) < 1e-9)
        #expect(abs(full.intercept - exact.b) < 1e-8)
        let noisy = try StochasticGradientDescent(learningRate: 0.02, batchSize: 10, epochs: 200,
                                                  regularization: .l2(lambda)).fit(x, y)
        let error = GradientTestData.relativeError(noisy.coefficients, exact.w)
        #expect(error < 1e-2 && error > 1e-8, "noise-ball error \(error)")
    }

    @Test func badParametersThrow() throws {
        let (x, y) = GradientTestData.problem(n: 10, p: 2, seed: 33)
        #expect(throws: RegressionError.invalidParameter(name: "learningRate", value: 0, requirement: "must be finite and > 0")) {
            try StochasticGradientDescent(learningRate: 0).fit(x, y)
        }
        #expect(throws: RegressionError.invalidParameter(name: "weightDecay", value: 1, requirement: "must lie in [0, 1)")) {
            try StochasticGradientDescent(regularization: .decoupledWeightDecay(1)).fit(x, y)
        }
        #expect(throws: RegressionError.invalidParameter(name: "batchSize", value: 0, requirement: "must be ≥ 1")) {
            try StochasticGradientDescent(batchSize: 0).fit(x, y)
        }
    }

    /// A step far above 2/L diverges; the result says so instead of crashing.
    @Test func divergenceIsReported() throws {
        let (x, y) = GradientTestData.problem(n: 50, p: 3, seed: 34)
        let fit = try StochasticGradientDescent(learningRate: 50, batchSize: 50, epochs: 30).fit(x, y)
        #expect(!fit.converged)
    }
}
