import ArgumentParser
import RidgeLasso
import RidgeLassoCSV

/// The JSON members every ridge result starts with (`fit`, `cv`, with or without `--stats`):
/// model, alpha, intercept, features, coefficients, the solver used, and the rank when the SVD
/// found the design rank-deficient.
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
