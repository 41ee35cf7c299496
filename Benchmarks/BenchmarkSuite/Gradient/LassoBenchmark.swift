import Foundation
import LinearAlgebra
import RidgeLasso

/// Coordinate descent against ISTA and FISTA on one lasso problem,
/// P(w) = (1/2n)‖y − Xw − b‖² + α‖w‖₁.
///
/// Every method's answer is certified with the same duality-gap formula
/// (``ProximalGradientDescent/objectiveAndDualityGap(_:_:coefficients:)``). The relative
/// suboptimality (P(w) − P*)/P* uses P* = the lowest objective any run reached, including a
/// reference run (coordinate descent at tolerance 1e-12, or FISTA with twice the budget when
/// coordinate descent is unavailable); the reference's own gap bounds how far P* can be off.
public struct LassoBenchmark: Sendable {
    public let problem: BenchmarkProblem
    public let settings: BenchmarkSettings
    /// The coordinate-descent tolerance of the timed runs (``StoppingCriterion/relativeSuboptimality``).
    public var coordinateDescentTolerance = 1e-8

    public init(problem: BenchmarkProblem, settings: BenchmarkSettings) {
        self.problem = problem
        self.settings = settings
    }

    public func run() throws -> ProblemResult {
        let x = problem.x, y = problem.y, alpha = problem.alpha
        let budget = settings.budgetSeconds
        let say = settings.progress
        let certifier = ProximalGradientDescent(alpha: alpha, l1Ratio: 1)

        // Reference objective.
        var referenceText: String
        var pStar: Double
        if let cd = try ExactSolvers.lasso(x, y, alpha: alpha, tolerance: 1e-12) {
            let (objective, gap) = try certifier.objectiveAndDualityGap(x, y, coefficients: cd.coefficients)
            pStar = objective
            referenceText = "coordinate descent, tolerance 1e-12 (gap \(Format.sci(gap)))"
        } else {
            say("[\(problem.name)] reference: FISTA, budget \(2 * budget) s (coordinate descent unavailable)")
            var fista = ProximalGradientDescent(alpha: alpha, tolerance: 1e-15, maximumIterations: 10_000_000,
                                                gapCheckInterval: 50, maximumSeconds: 2 * budget)
            fista.acceleration = .nesterov
            let ref = try fista.fit(x, y)
            pStar = ref.objective
            referenceText = "FISTA with 2× budget (gap \(Format.sci(ref.dualityGap ?? .nan)))"
        }

        var methods: [MethodResult] = []
        var cdSeconds: Double?
        var cdGap: Double?
        if ExactSolvers.coordinateDescentAvailable {
            say("[\(problem.name)] coordinate descent, tolerance \(coordinateDescentTolerance), \(settings.repeats) repeats")
            let timed = try Timing.median(repeats: settings.repeats) {
                try ExactSolvers.lasso(x, y, alpha: alpha, tolerance: coordinateDescentTolerance)
            }
            if let cd = timed.value {
                let (objective, gap) = try certifier.objectiveAndDualityGap(x, y, coefficients: cd.coefficients)
                pStar = min(pStar, objective)
                cdSeconds = timed.seconds
                cdGap = gap
                methods.append(MethodResult(
                    method: "coordinate descent", family: "coordinate descent", seconds: timed.seconds,
                    repeats: settings.repeats, iterations: cd.iterations, converged: cd.converged,
                    relativeError: nil, relativeSuboptimality: objective, dualityGap: gap, timeToAccuracy: [],
                    trace: [], note: "tolerance \(coordinateDescentTolerance) (certified relative suboptimality)"))
            }
        }

        var fits: [(String, GradientMethodResult)] = []
        for acceleration in GradientAcceleration.allCases {
            let name = acceleration == .plain ? "ISTA" : "FISTA"
            say("[\(problem.name)] \(name), budget \(budget) s")
            let solver = ProximalGradientDescent(alpha: alpha, acceleration: acceleration, tolerance: 1e-15,
                                                 maximumIterations: 10_000_000, gapCheckInterval: 10,
                                                 maximumSeconds: budget, historyInterval: 10)
            let fit = try solver.fit(x, y)
            pStar = min(pStar, fit.history.compactMap(\.objective).min() ?? fit.objective)
            fits.append((name, fit))
        }
        let scale = max(abs(pStar), .leastNormalMagnitude)
        func suboptimality(_ objective: Double?) -> Double? { objective.map { max(0, $0 - pStar) / scale } }
        // Coordinate descent's objective was stored in the suboptimality slot until P* was final.
        for k in methods.indices { methods[k].relativeSuboptimality = suboptimality(methods[k].relativeSuboptimality) }
        for (name, fit) in fits {
            let error: (GradientHistoryPoint) -> Double? = { suboptimality($0.objective) }
            methods.append(MethodResult(
                method: name, family: "gradient", seconds: fit.seconds, repeats: 1, iterations: fit.iterations,
                converged: fit.converged, relativeError: nil, relativeSuboptimality: suboptimality(fit.objective),
                dualityGap: fit.dualityGap, timeToAccuracy: TraceSampling.timeToAccuracy(fit.history, error: error),
                trace: TraceSampling.trace(fit.history, error: error),
                note: "step 1/L, L = \(Format.short(fit.lipschitzConstant ?? .nan)), gap checked every 10 iterations"))
        }

        var comparisons: [String] = []
        if let cdSeconds, let cdGap {
            comparisons.append("coordinate descent: gap \(Format.sci(cdGap)) in \(Format.seconds(cdSeconds))")
            for (name, fit) in fits {
                if let t = fit.history.secondsToReach(cdGap, by: \.dualityGap) {
                    comparisons.append("\(name) reaches the same gap in \(Format.seconds(t)) = \(Format.ratio(t / cdSeconds)) coordinate descent")
                } else {
                    comparisons.append("\(name) does not reach gap \(Format.sci(cdGap)) in its \(Format.seconds(fit.seconds)) budget (\(Format.ratio(fit.seconds / cdSeconds)) coordinate descent); its gap at the end \(Format.sci(fit.dualityGap ?? .nan))")
                }
            }
        } else {
            comparisons.append("coordinate descent: not available in this build")
        }
        return ProblemResult(
            name: problem.name, kind: .lasso, description: problem.description, n: x.rows, p: x.columns,
            alpha: alpha, reference: referenceText, referenceObjective: pStar, methods: methods, comparisons: comparisons)
    }
}
