import LinearAlgebra

extension ElasticNetCV {
    /// K-fold cross-validation from the statistics of each fold (``StatisticsFile/parts`` of a file
    /// written with folds), with no row in memory: the procedure of ``fit(_:_:sampleWeights:)``,
    /// each path fitted from statistics by the covariance scheme (``ElasticNet/path(_:target:alphas:count:epsilon:)``).
    ///
    /// - The α grid of each l1 ratio comes from the merge of all folds (the full data), as on the rows.
    /// - The training statistics of fold f are the merge of all other folds (never a subtraction).
    /// - The held-out error of fold f at every α follows exactly from its own statistics
    ///   (``SufficientStatistics/meanSquaredError(coefficients:intercept:target:)``).
    /// - The refit is the path on the merge of all folds.
    ///
    /// With the same fold of every row this equals ``fit(_:_:sampleWeights:)`` with
    /// ``CrossValidationFolds/given(_:)``, up to the solver's certified tolerance. The result's
    /// ``ElasticNetCVResult/folds`` has ``FoldAssignment/count`` K and no per-row labels (the rows
    /// were never seen).
    /// - Throws: ``RegressionError/invalidParameter(name:value:requirement:)`` for fewer than 2
    ///   folds, and the parameter errors of ``fit(_:_:sampleWeights:)``;
    ///   ``RegressionError/dimensionMismatch(_:)`` for folds of different columns or weighting;
    ///   ``RegressionError/invalidWeights(_:)`` for a fold (or training set) of zero weight.
    public func fit(folds: [SufficientStatistics], target: Int = 0) throws(RegressionError) -> ElasticNetCVResult {
        guard folds.count >= 2 else {
            throw .invalidParameter(name: "folds", value: Double(folds.count), requirement: "must be ≥ 2")
        }
        try validateParameters()
        func merge(_ parts: [SufficientStatistics]) throws(RegressionError) -> SufficientStatistics {
            do { return try SufficientStatistics.merge(parts) } catch { throw .dimensionMismatch(error.description) }
        }
        let all = try merge(folds)
        let k = folds.count
        var training: [SufficientStatistics] = []
        for (f, test) in folds.enumerated() {
            guard test.totalWeight > 0 else { throw .invalidWeights("fold \(f) has zero total weight") }
            let train = try merge(folds.enumerated().filter { $0.offset != f }.map(\.element))
            guard train.totalWeight > 0 else { throw .invalidWeights("the training rows of fold \(f) all have zero weight") }
            training.append(train)
        }
        let grids = try l1Ratios.map { (r: Double) throws(RegressionError) -> [Double] in
            if let alphas { return alphas.sorted(by: >) }
            guard r > 0 else {
                throw .invalidParameter(name: "l1Ratio", value: r,
                                        requirement: "a default α grid needs l1Ratio > 0 (α_max is infinite for pure l2); pass explicit alphas")
            }
            let maximum = try ElasticNet.alphaMax(all, target: target, l1Ratio: r, fitIntercept: fitIntercept,
                                                  positive: positive, penaltyFactors: penaltyFactors, standardize: standardize)
            return AlphaGrid.logSpaced(maximum: maximum, count: alphaCount, epsilon: epsilon)
        }
        let perRatio = k + 1, settings = self, trainingParts = training
        let outcomes = try ParallelTasks.map(count: l1Ratios.count * perRatio, threads: threads ?? ParallelTasks.defaultThreadCount) {
            (task: Int) throws(RegressionError) -> TaskOutcome in
            let r = task / perRatio, f = task % perRatio - 1
            let estimator = settings.estimator(l1Ratio: settings.l1Ratios[r])
            guard f >= 0 else { return .full(try estimator.path(all, target: target, alphas: grids[r])) }
            let path = try estimator.path(trainingParts[f], target: target, alphas: grids[r])
            let errors = (0..<path.count).map { i in
                folds[f].meanSquaredError(coefficients: path.coefficients[i], intercept: path.intercepts[i], target: target) ?? 0
            }
            return .fold(FoldScore(errors: errors, weight: folds[f].totalWeight,
                                   diagnostics: FoldPathDiagnostics(converged: path.converged, dualityGaps: path.dualityGaps,
                                                                    iterations: path.iterations)))
        }
        return try result(outcomes, grids: grids, folds: FoldAssignment(statisticsFolds: k))
    }
}
