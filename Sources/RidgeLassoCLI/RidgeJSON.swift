import ArgumentParser
import RidgeLasso

/// The JSON members every ridge result starts with (`fit`, `cv`, with or without `--stats`):
/// model, alpha, intercept, features, coefficients, the solver used, the rank when the SVD
/// found the design rank-deficient, and for conjugate gradients the iterations, relative residual
/// and whether it met its tolerance.
func ridgeMembers(_ model: RidgeModel, features: [String]) -> [(String, JSONValue)] {
    var members: [(String, JSONValue)] = [
        ("model", .string("ridge")),
        ("alpha", .number(model.alpha)),
        ("intercept", .number(model.intercept)),
        ("features", .strings(features)),
        ("coefficients", .numbers(model.coefficients)),
        ("solver", .string(model.solverUsed.rawValue)),
    ]
    if model.solverUsed == .svd, let rank = model.rank, rank < features.count {
        members.append(("rank", .integer(rank)))
    }
    if let report = model.iterativeSolve {
        // Conjugate gradients (sparse X): not exact; how close it came.
        members.append(("iterations", .integer(report.iterations)))
        members.append(("relative_residual", .number(report.relativeResidual)))
        members.append(("converged", .bool(report.converged)))
    }
    return members
}

/// The options `--stats` excludes in `fit` and `cv`: a CSV file (the statistics replace it),
/// lasso and elastic net (they need the rows), and weights and standardization (fixed when the
/// statistics were written).
func checkStatisticsOptions(csvFile: String?, model: ModelKind, weights: String?, standardize: Bool) throws {
    if csvFile != nil { throw ValidationError("--stats replaces the CSV file: give one or the other") }
    guard model == .ridge else {
        throw ValidationError("--stats supports --model ridge only (lasso and elastic net need the rows)")
    }
    if weights != nil { throw ValidationError("--weights does not apply with --stats: the statistics already hold the weights") }
    if standardize { throw ValidationError("--standardize does not apply with --stats") }
}
