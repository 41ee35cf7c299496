import Foundation
import LinearAlgebra
import RidgeLasso

/// Closed-form ridge against gradient descent, Nesterov, SGD and Adam on one ridge problem.
///
/// Errors are ‖w − w_ref‖/‖w_ref‖ against the SVD reference (``ExactSolvers/ridgeReference``).
/// Every gradient method minimizes the same objective ‖y − Xw − b‖² + α‖w‖² (the stochastic
/// ones in their (1/2n) form with λ = α/n) from w = 0 under the same wall-clock budget.
public struct RidgeBenchmark: Sendable {
    public let problem: BenchmarkProblem
    public let settings: BenchmarkSettings

    public init(problem: BenchmarkProblem, settings: BenchmarkSettings) {
        self.problem = problem
        self.settings = settings
    }

    public func run() throws -> ProblemResult {
        let x = problem.x, y = problem.y, alpha = problem.alpha
        let n = x.rows, p = x.columns
        let budget = settings.budgetSeconds
        let say = settings.progress
        say("[\(problem.name)] reference (SVD)")
        let reference = try ExactSolvers.ridgeReference(x, y, alpha: alpha)
        let referenceNorm = max(BLAS.norm(reference.coefficients), .leastNormalMagnitude)
        func relativeError(_ w: [Double]) -> Double {
            var s = 0.0
            for j in 0..<w.count { let d = w[j] - reference.coefficients[j]; s += d * d }
            return s.squareRoot() / referenceNorm
        }
        var methods: [MethodResult] = []

        say("[\(problem.name)] closed form, \(settings.repeats) repeats")
        let exact = try Timing.median(repeats: settings.repeats) { try ExactSolvers.ridge(x, y, alpha: alpha) }
        let exactError = relativeError(exact.value.coefficients)
        methods.append(MethodResult(
            method: "closed form", family: "exact", seconds: exact.seconds, repeats: settings.repeats,
            iterations: nil, converged: true, relativeError: exactError, relativeSuboptimality: nil,
            dualityGap: nil, timeToAccuracy: [], trace: [TracePoint(seconds: exact.seconds, error: max(exactError, 1e-17))],
            note: exact.value.solver))

        for acceleration in GradientAcceleration.allCases {
            let name = acceleration == .plain ? "gradient descent" : "Nesterov"
            say("[\(problem.name)] \(name), budget \(budget) s")
            var solver = RidgeGradientDescent(alpha: alpha, acceleration: acceleration, tolerance: 1e-13,
                                              maximumIterations: 1_000_000, maximumSeconds: budget, historyInterval: 1)
            solver.recordsObjective = false
            let fit = try solver.fit(x, y) { w, _ in relativeError(w) }
            methods.append(gradientResult(name: name, family: "gradient", fit: fit, error: relativeError(fit.coefficients),
                                          note: String(format: "step 1/L, L = %.4g", fit.lipschitzConstant ?? .nan)))
        }

        // Stochastic methods: λ = α/n; SGD's step 1/L_b for batches of b (expected smoothness of
        // b-nice sampling, Gower et al. 2019), Adam with η = 0.01.
        let batch = min(64, n)
        let lambda = alpha / Double(n)
        let stepSGD = try sgdStep(x, batch: batch, lambda: lambda)
        let recordEvery = max(10, (n + batch - 1) / batch / 20)  // ≤ 20 points per epoch
        say("[\(problem.name)] SGD + L2, budget \(budget / 2) s")
        var sgd = StochasticGradientDescent(learningRate: stepSGD, batchSize: batch, epochs: 1_000_000,
                                            regularization: .l2(lambda), seed: 1, maximumSeconds: budget / 2,
                                            historyInterval: recordEvery)
        sgd.recordsObjective = false
        let sgdFit = try sgd.fit(x, y) { w, _ in relativeError(w) }
        methods.append(gradientResult(name: "SGD + L2", family: "stochastic", fit: sgdFit, error: relativeError(sgdFit.coefficients),
                                      note: String(format: "batch %d, η = %.3g", batch, stepSGD)))
        say("[\(problem.name)] Adam + L2, budget \(budget / 2) s")
        var adam = Adam(learningRate: 0.01, batchSize: batch, epochs: 1_000_000, regularization: .l2(lambda), seed: 1,
                        maximumSeconds: budget / 2, historyInterval: recordEvery)
        adam.recordsObjective = false
        let adamFit = try adam.fit(x, y) { w, _ in relativeError(w) }
        methods.append(gradientResult(name: "Adam + L2", family: "stochastic", fit: adamFit, error: relativeError(adamFit.coefficients),
                                      note: "batch \(batch), η = 0.01"))

        var comparisons: [String] = []
        comparisons.append("closed form: relative error \(Format.sci(exactError)) (\(exact.value.solver)) in \(Format.seconds(exact.seconds))")
        for m in methods where m.family != "exact" {
            let t6 = m.timeToAccuracy.first { $0.target == 1e-6 }?.seconds
            if let t6 {
                comparisons.append("\(m.method) reaches 1e-6 in \(Format.seconds(t6)) = \(Format.ratio(t6 / exact.seconds)) the closed form")
            } else {
                comparisons.append("\(m.method) does not reach 1e-6 in its \(Format.seconds(m.seconds)) budget (\(Format.ratio(m.seconds / exact.seconds)) the closed form); error at the end \(Format.sci(m.relativeError ?? .nan))")
            }
        }
        return ProblemResult(
            name: problem.name, kind: .ridge, description: problem.description, n: n, p: p, alpha: alpha,
            reference: reference.solver, referenceObjective: nil, methods: methods, comparisons: comparisons)
    }

    private func gradientResult(name: String, family: String, fit: GradientMethodResult, error: Double, note: String) -> MethodResult {
        MethodResult(
            method: name, family: family, seconds: fit.seconds, repeats: 1, iterations: fit.iterations,
            converged: fit.converged, relativeError: error, relativeSuboptimality: nil, dualityGap: nil,
            timeToAccuracy: TraceSampling.timeToAccuracy(fit.history, error: \.error),
            trace: TraceSampling.trace(fit.history, error: \.error), note: note)
    }

    /// 1/L_b with L_b = (n − b)/(b(n − 1))·max‖xᵢ − x̄‖² + n(b − 1)/(b(n − 1))·λmax(XcᵀXc/n), plus λ.
    private func sgdStep(_ x: Matrix, batch b: Int, lambda: Double) throws -> Double {
        let n = x.rows, p = x.columns
        let means = Centering.means(x, weights: nil)
        var rowNorms = [Double](repeating: 0, count: n)
        x.storage.withUnsafeBufferPointer { s in
            for j in 0..<p {
                let m = means[j]
                for i in 0..<n { let d = s[i + j * n] - m; rowNorms[i] += d * d }
            }
        }
        let lMax = rowNorms.max() ?? 0
        let lFull = try PowerIteration.largestScaledGramEigenvalue(x)
        let nn = Double(n), bb = Double(b)
        let lb = n > 1 ? (nn - bb) / (bb * (nn - 1)) * lMax + nn * (bb - 1) / (bb * (nn - 1)) * lFull : lMax
        return 1 / (lb + lambda)
    }
}
