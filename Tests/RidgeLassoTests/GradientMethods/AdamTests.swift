import Foundation
import LinearAlgebra
import Testing
@testable import RidgeLasso

@Suite struct AdamTests {
    /// Adam + L2 and AdamW with ρ = ηλ are different methods: on seeded data their answers
    /// differ by far more than rounding, and only Adam + L2 approaches the ridge solution
    /// (α = nλ). Measured here (n = 400, p = 6, columns scaled 1…1/32, λ = 0.5, η = 0.003,
    /// 400 epochs of batches of 50, seed 3): the two answers differ by 0.81 (relative);
    /// Adam + L2 is 0.004 from the ridge solution, AdamW 2.5.
    @Test func adamWithL2AndAdamWDiffer() throws {
        let scales: [Double] = [1, 0.5, 0.25, 0.125, 0.0625, 0.03125]
        let (x, y) = GradientTestData.problem(n: 400, p: 6, seed: 41, scales: scales)
        let eta = 0.003, lambda = 0.5
        let exact = try GradientTestData.exactRidge(x, y, alpha: 400 * lambda)
        let l2 = try Adam(learningRate: eta, batchSize: 50, epochs: 400, regularization: .l2(lambda), seed: 3).fit(x, y)
        let decoupled = try Adam(learningRate: eta, batchSize: 50, epochs: 400,
                                 regularization: .decoupledWeightDecay(eta * lambda), seed: 3).fit(x, y)
        let between = GradientTestData.relativeError(l2.coefficients, decoupled.coefficients)
        let errorL2 = GradientTestData.relativeError(l2.coefficients, exact.w)
        let errorW = GradientTestData.relativeError(decoupled.coefficients, exact.w)
        print("Adam+L2 vs AdamW: relative difference \(between); to ridge: Adam+L2 \(errorL2), AdamW \(errorW)")
        #expect(between > 0.5)
        #expect(errorL2 < 0.01)
        #expect(errorW > 1)
        #expect(l2.method == "Adam + L2" && decoupled.method == "AdamW")
    }

    /// The first Adam step moves every coordinate by about η (m̂/√v̂ = ±1 at k = 1).
    @Test func firstStepHasSizeLearningRate() throws {
        let (x, y) = GradientTestData.problem(n: 64, p: 4, seed: 42)
        let fit = try Adam(learningRate: 0.01, batchSize: 64, epochs: 1).fit(x, y)
        #expect(fit.iterations == 1)
        for w in fit.coefficients { #expect(abs(abs(w) - 0.01) < 1e-6) }
    }

    @Test func badParametersThrow() throws {
        let (x, y) = GradientTestData.problem(n: 10, p: 2, seed: 43)
        #expect(throws: RegressionError.invalidParameter(name: "beta2", value: 1, requirement: "must lie in [0, 1)")) {
            try Adam(beta2: 1).fit(x, y)
        }
        #expect(throws: RegressionError.invalidParameter(name: "epsilon", value: 0, requirement: "must be finite and > 0")) {
            try Adam(epsilon: 0).fit(x, y)
        }
    }
}
