import ArgumentParser
import RidgeLasso
import RidgeLassoCSV

/// `ridgelasso cv --model M --stats S.rlstats`: α chosen without the rows, by K-fold
/// cross-validation when the statistics hold folds (`stats --folds` or `--fold-column`; lasso and
/// elastic net need them), otherwise, for ridge, by generalized cross-validation; then refitted
/// from all the statistics. The JSON has the members of `cv` on a CSV file; `criterion` is
/// `kfold` (with the file's `folds` and `seed`, null for a fold column) or `gcv`.
enum StatisticsCV {
    /// The options `--stats` excludes (see ``StatisticsFit/validate(_:)``): a CSV file, weights,
    /// ridge standardization, and folds (fixed when the statistics were written).
    static func validate(_ cv: CVCommand) throws {
        guard cv.stats != nil else {
            if cv.looData != nil { throw ValidationError("--loo-data applies with --stats (the rows are read again for leave-one-out)") }
            return
        }
        if cv.looData != nil, cv.model != .ridge { throw ValidationError("--loo-data applies to --model ridge") }
        // With --loo-data the weights column is read from the rows again.
        try checkStatisticsOptions(csvFile: cv.data.csvFile, model: cv.model, weights: cv.looData == nil ? cv.weights : nil,
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
            if let looData = cv.looData {
                let selection = RidgeCV(alphas: alphas, fitIntercept: fitIntercept, criterion: .leaveOneOut, rule: cv.rule)
                evaluation = try leaveOneOut(all, selection: selection, data: looData, weights: cv.weights,
                                             options: cv.data.reading.csvOptions)
                criterion = [("criterion", .string("leave_one_out"))]
            } else if file.folds >= 2 {
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
            if cv.looData != nil, let gcv = evaluation.generalizedCrossValidation { members.append(("gcv", .numbers(gcv[0]))) }
        } catch let error as RegressionError {
            throw fail(error)
        }
        return (CVCommand.Selection(members: members, curves: [(nil, curve)], alpha: model.alpha), all.targetNames[0])
    }

    /// Exact leave-one-out from a second pass over the rows of `data` (a CSV file or `-`), whose
    /// columns are found by the statistics' names (``RidgeLeaveOneOutPass``).
    /// - Throws: ``CLIError`` (exit status 1) for an unreadable or malformed file, a missing
    ///   column, weights that do not match the statistics' weighting, or other rows than theirs.
    static func leaveOneOut(
        _ all: SufficientStatistics, selection: RidgeCV, data: String, weights: String?, options: CSVReadOptions
    ) throws -> RidgeCVEvaluation {
        // The rows are read by the rules `stats` read them with (delimiter, decimal mark, --na).
        var stream = try CSVBlockStream(path: data, options: options)
        defer { stream.close() }
        let source = stream.source, names = stream.names
        func index(_ name: String, _ role: String) throws -> Int {
            guard let i = names.firstIndex(of: name) else {
                throw CLIError.data("\(source): no column named \(quoted(name)) (\(role) of the statistics) for --loo-data")
            }
            return i
        }
        let columns = try all.featureNames.map { try index($0, "a feature") } + [try index(all.targetNames[0], "the target")]
        if all.isWeighted, weights == nil {
            throw CLIError.data("\(source): the statistics are weighted: give the weights column with --weights")
        }
        if !all.isWeighted, let weights {
            throw CLIError.data("\(source): the statistics are unweighted: --weights \(quoted(weights)) does not apply")
        }
        let weightIndex = try weights.map { try index($0, "the weights") }
        do {
            var pass = try RidgeLeaveOneOutPass(statistics: all, selection: selection)
            while let table = try stream.next() {
                try pass.add(rows: table.values.selectingColumns(columns), weights: weightIndex.map { table.values.column($0) })
            }
            return try pass.evaluation()
        } catch let error as CSVError {
            throw error
        } catch {
            throw CLIError.data("\(source): \(error)")
        }
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
