import ArgumentParser
import RidgeLasso

/// `ridgelasso cv --model M --stats S.rlstats`: α chosen without the rows, by K-fold
/// cross-validation when the statistics hold folds (`stats --folds` or `--fold-column`; lasso and
/// elastic net need them), otherwise, for ridge, by generalized cross-validation; then refitted
/// from all the statistics. The JSON has the members of `cv` on a CSV file; `criterion` is
/// `kfold` (with the file's `folds` and `seed`, null for a fold column) or `gcv`.
enum StatisticsCV {
    /// The options `--stats` excludes (see ``StatisticsFit/validate(_:)``): a CSV file, weights,
    /// ridge standardization, and folds (fixed when the statistics were written).
    static func validate(_ cv: CVCommand) throws {
        guard cv.stats != nil else { return }
        try checkStatisticsOptions(csvFile: cv.data.csvFile, model: cv.model, weights: cv.weights,
                                   standardize: cv.data.standardize)
        if cv.folds != nil { throw ValidationError("--folds does not apply with --stats: write the statistics with `ridgelasso stats --folds`") }
    }

    /// Chooses α and refits from the statistics in `path`; `grid` is `--alphas` when given,
    /// otherwise RidgeCV's default grid from tr(X̃ᵀX̃)/p.
    /// - Returns: the JSON members and curve, and the target's name.
    /// - Throws: ``CLIError`` (exit status 1) for a bad file or a failed selection or fit.
    static func ridge(_ cv: CVCommand, path: String, grid: [Double]?) throws -> (CVCommand.Selection, String) {
        let (file, all) = try StatisticsFiles.load(path, target: cv.data.target)
        func fail(_ error: any Error) -> CLIError { .data("\(path): \(error)") }
        let fitIntercept = cv.data.fitIntercept
        let alphas: [Double]
        if let grid { alphas = grid } else {
            // The mean eigenvalue of X̃ᵀX̃, as RidgeCV.defaultAlphas takes it from the rows.
            let p = all.featureCount, mu = all.means
            let trace = (0..<p).reduce(0.0) { $0 + all.comoment[$1, $1] + (fitIntercept ? 0 : all.totalWeight * mu[$1] * mu[$1]) }
            let t = trace / Double(p)
            guard t.isFinite, t > 0 else { throw CLIError.data("\(path): every feature is constant: no α scale") }
            alphas = RidgeCV.logarithmicGrid(minimum: 1e-6 * t, maximum: 1e4 * t, count: cv.alphaCount)
        }
        var members: [(String, JSONValue)]
        let curve: CrossValidationCurve
        let model: RidgeModel
        do {
            let evaluation: RidgeCVEvaluation
            var criterion: [(String, JSONValue)]
            if file.folds >= 2 {
                let seed = file.foldSeed ?? 0
                evaluation = try RidgeCV(alphas: alphas, fitIntercept: fitIntercept,
                                         criterion: .kFold(.shuffled(count: file.folds, seed: seed)), rule: cv.rule)
                    .evaluate(folds: file.parts)
                criterion = cv.kFoldCriterion(folds: file.folds, seed: file.foldSeed)
            } else {
                evaluation = try RidgeCV(alphas: alphas, fitIntercept: fitIntercept,
                                         criterion: .generalizedCrossValidation, rule: cv.rule).evaluate(all)
                criterion = [("criterion", .string("gcv"))]
            }
            curve = evaluation.curves[0]
            let alpha = evaluation.chosenAlphas[0]
            guard let fitted = try Ridge(alpha: alpha, fitIntercept: fitIntercept).fit(all).first else {
                throw CLIError.data("\(path): no model was fitted")
            }
            model = fitted
            criterion.append(("rule", .string(cv.rule.rawValue)))
            members = ridgeMembers(model, features: all.featureNames, target: all.targetNames[0]) + criterion + cv.curveFields(curve)
        } catch let error as RegressionError {
            throw fail(error)
        }
        return (CVCommand.Selection(members: members, curves: [(nil, curve)], alpha: model.alpha), all.targetNames[0])
    }

    /// Lasso or elastic-net K-fold cross-validation from the folds of the statistics in `path`
    /// (``ElasticNetCV/fit(folds:target:)``), on `grid` or the default grid from all of them.
    /// - Throws: ``CLIError`` (exit status 1) for a bad file, statistics without folds, or a
    ///   failed selection.
    static func elasticNet(_ cv: CVCommand, path: String, grid: [Double]?, ratios: [Double]) throws -> (CVCommand.Selection, String) {
        let (file, all) = try StatisticsFiles.load(path, target: cv.data.target)
        guard file.folds >= 2 else {
            throw CLIError.data("\(path): the statistics hold no folds; write them with `ridgelasso stats --folds K` or `--fold-column COL` for cross-validation of \(cv.model.rawValue)")
        }
        do {
            let result = try cv.elasticNetCV(grid: grid, ratios: ratios, folds: .shuffled(count: file.folds, seed: file.foldSeed ?? 0))
                .fit(folds: file.parts)
            return (cv.elasticNetSelection(result, features: all.featureNames, target: all.targetNames[0], ratios: ratios,
                                           criterion: cv.kFoldCriterion(folds: file.folds, seed: file.foldSeed)), all.targetNames[0])
        } catch {
            throw CLIError.data("\(path): \(error)")
        }
    }
}
