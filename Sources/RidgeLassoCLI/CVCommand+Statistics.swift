import ArgumentParser
import RidgeLasso

/// `ridgelasso cv --model ridge --stats S.rlstats`: ridge's α chosen without the rows, by K-fold
/// cross-validation when the statistics hold folds (`stats --folds`), otherwise by generalized
/// cross-validation, then refitted from all the statistics. The JSON has the members of `cv` on
/// a CSV file; `criterion` is `kfold` (with the file's `folds` and `seed`) or `gcv`.
enum StatisticsCV {
    /// The options `--stats` excludes (see ``StatisticsFit/validate(_:)``): a CSV file, lasso and
    /// elastic net, weights, standardization, and folds (fixed when the statistics were written).
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
        let file = try StatisticsFiles.read(path)
        func fail(_ error: any Error) -> CLIError { .data("\(path): \(error)") }
        let all: SufficientStatistics
        do { all = try file.combined() } catch { throw fail(error) }
        if let target = cv.data.target, target != all.targetNames[0] {
            throw CLIError.data("\(path): the statistics are for the target \(quoted(all.targetNames[0])), not \(quoted(target))")
        }
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
                criterion = [("criterion", .string("kfold")), ("folds", .integer(file.folds)),
                             ("seed", seed <= UInt64(Int.max) ? .integer(Int(seed)) : .string(String(seed)))]
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
}
