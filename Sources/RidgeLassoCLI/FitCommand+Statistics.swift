import ArgumentParser
import RidgeLasso

/// `ridgelasso fit --model M --stats S.rlstats`: the same JSON object as `fit` on the CSV
/// file the statistics came from, without the rows (lasso and elastic net add the duality gap's
/// rounding floor, `duality_gap_floor`).
enum StatisticsFit {
    /// The options `--stats` excludes: a CSV file, weights (fixed when the statistics were
    /// written), ridge standardization and ridge solvers that need the rows.
    static func validate(_ fit: FitCommand) throws {
        guard fit.stats != nil else { return }
        try checkStatisticsOptions(csvFile: fit.data.csvFile, model: fit.model, weights: fit.weights,
                                   standardize: fit.data.standardize)
        if let solver = fit.solver, solver != .auto, solver != .cholesky {
            throw ValidationError("--solver \(solver.rawValue) needs the rows; with --stats ridge is solved by cholesky")
        }
    }

    /// Fits ridge at `alpha` from the statistics in `path` (its folds merged).
    /// - Throws: ``CLIError`` (exit status 1) for a bad file, another target than `target`,
    ///   or a fit that fails (no row of positive weight, too few correct digits).
    static func ridge(_ path: String, alpha: Double, fitIntercept: Bool, target: String?) throws -> JSONValue {
        let statistics = try StatisticsFiles.load(path, target: target).all
        let model: RidgeModel
        do {
            guard let first = try Ridge(alpha: alpha, fitIntercept: fitIntercept).fit(statistics).first else {
                throw CLIError.data("\(path): no model was fitted")
            }
            model = first
        } catch let error as RegressionError {
            throw CLIError.data("\(path): \(error)")
        }
        return .object(ridgeMembers(model, features: statistics.featureNames, target: statistics.targetNames[0]))
    }

    /// Fits the lasso or elastic net of `fit` from the statistics in `path` (its folds merged).
    /// - Throws: ``CLIError`` (exit status 1) for a bad file, another target, or a failed fit.
    static func elasticNet(_ fit: FitCommand, path: String) throws -> JSONValue {
        let statistics = try StatisticsFiles.load(path, target: fit.data.target).all
        do {
            return .object(elasticNetMembers(fit.model, try fit.elasticNet.fit(statistics), features: statistics.featureNames,
                                             target: statistics.targetNames[0]))
        } catch {
            throw CLIError.data("\(path): \(error)")
        }
    }
}
