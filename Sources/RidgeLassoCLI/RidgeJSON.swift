import ArgumentParser
import RidgeLasso
import RidgeLassoCSV

/// The JSON members every ridge result starts with (`fit`, `cv`, with or without `--stats`):
/// model, alpha, intercept, features, coefficients, the solver used, the rank when the SVD
/// found the design rank-deficient, for conjugate gradients the iterations, relative residual
/// and whether it met its tolerance, then the target and the categorical encodings.
func ridgeMembers(_ model: RidgeModel, features: [String], target: String,
                  encodings: [CategoricalEncoding] = []) -> [(String, JSONValue)] {
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
    return members + targetMembers(target, encodings: encodings)
}

/// The members that close every model object: the target column's name and, when there are
/// categorical features, their encodings (`predict` encodes new rows with them).
func targetMembers(_ target: String, encodings: [CategoricalEncoding]) -> [(String, JSONValue)] {
    var members: [(String, JSONValue)] = [("target", .string(target))]
    if !encodings.isEmpty {
        members.append(("categorical", .array(encodings.map { e in
            .object([("column", .string(e.column)), ("levels", .strings(e.levels))])
        })))
    }
    return members
}

/// The options `--stats` excludes in `fit`, `path` and `cv`: a CSV file (the statistics replace
/// it), weights (fixed when the statistics were written), and for ridge standardization (lasso
/// and elastic net standardize through their penalty weights, which the statistics give).
func checkStatisticsOptions(csvFile: String?, model: ModelKind, weights: String?, standardize: Bool) throws {
    if csvFile != nil { throw ValidationError("--stats replaces the CSV file: give one or the other") }
    if weights != nil { throw ValidationError("--weights does not apply with --stats: the statistics already hold the weights") }
    if standardize, model == .ridge { throw ValidationError("--standardize does not apply to ridge with --stats") }
}

/// The JSON members of a lasso or elastic-net model (`fit`, `cv`, with or without `--stats`):
/// model, alpha, l1_ratio, intercept, features, coefficients, iterations, converged,
/// duality_gap, from statistics the gap's rounding floor `duality_gap_floor`, then the target
/// and the categorical encodings.
func elasticNetMembers(_ kind: ModelKind, _ model: ElasticNetModel, features: [String], target: String,
                       encodings: [CategoricalEncoding] = []) -> [(String, JSONValue)] {
    var members: [(String, JSONValue)] = [
        ("model", .string(kind.rawValue)),
        ("alpha", .number(model.alpha)),
        ("l1_ratio", .number(model.l1Ratio)),
        ("intercept", .number(model.intercept)),
        ("features", .strings(features)),
        ("coefficients", .numbers(model.coefficients)),
        ("iterations", .integer(model.iterations)),
        ("converged", .bool(model.converged)),
        ("duality_gap", .number(model.dualityGap)),
    ]
    if let floor = model.dualityGapFloor { members.append(("duality_gap_floor", .number(floor))) }
    return members + targetMembers(target, encodings: encodings)
}
