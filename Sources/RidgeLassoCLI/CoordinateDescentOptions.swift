import ArgumentParser
import RidgeLasso

/// The stopping rule of coordinate descent (lasso and elastic net).
struct CoordinateDescentOptions: ParsableArguments {
    @Option(name: .customLong("tol"), parsing: .unconditional, help: ArgumentHelp(
        "Stop when the duality gap ≤ T·max(P(w), 10⁻⁴·P(0)), P the objective: a certified relative "
            + "suboptimality below T (default \(ElasticNet.defaultTolerance)).",
        valueName: "T"))
    var tolerance: Double?

    @Option(name: .customLong("max-iter"), parsing: .unconditional, help: ArgumentHelp(
        "Budget of coordinate-descent sweeps (per α on a path; default \(ElasticNet.defaultMaximumIterations)). "
            + "Reaching it is reported as \"converged\": false, not as an error.",
        valueName: "N"))
    var maximumIterations: Int?

    /// Whether either option was given.
    var isSet: Bool { tolerance != nil || maximumIterations != nil }

    mutating func validate() throws {
        if let t = tolerance, !(t.isFinite && t > 0) {
            throw ValidationError("--tol must be a finite number > 0 (got \(t))")
        }
        if let n = maximumIterations, n < 1 {
            throw ValidationError("--max-iter must be ≥ 1 (got \(n))")
        }
    }

    /// `model` with these settings applied.
    func configured(_ model: ElasticNet) -> ElasticNet {
        var m = model
        if let tolerance { m.tolerance = tolerance }
        if let maximumIterations { m.maximumIterations = maximumIterations }
        return m
    }
}
