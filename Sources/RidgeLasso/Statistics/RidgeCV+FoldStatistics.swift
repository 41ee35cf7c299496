import LinearAlgebra

extension RidgeCV {
    /// K-fold cross-validation from the statistics of each fold (``StatisticsFile/parts`` of a
    /// file written with folds): the training statistics of fold f are the merge of all other
    /// folds (never a subtraction), the ridge path is fitted from them by
    /// ``Ridge/fit(_:alphas:minimumDigits:)``, and the held-out weighted squared error of fold f
    /// follows from its own statistics exactly: with a = [−w; eₜ] (d values) and b the intercept,
    ///
    ///     Σᵢ∈f wᵢ(yᵢₜ − xᵢᵀw − b)² = aᵀC_f a + W_f·(aᵀμ_f − b)²,
    ///
    /// divided by W_f. This equals ``evaluate(_:targets:sampleWeights:)`` with
    /// ``RidgeSelectionCriterion/kFold(_:)`` and the same fold of every row
    /// (``CrossValidationFolds/given(_:)``), up to rounding; the curves, standard errors and the
    /// choice of α follow ``CrossValidationCurve`` and ``rule`` in the same way. The evaluation
    /// reports ``criterion`` as set.
    /// - Throws: ``RegressionError/invalidParameter(name:value:requirement:)`` for fewer than 2
    ///   folds or an α that is not finite and > 0; ``RegressionError/dimensionMismatch(_:)`` for
    ///   folds of different columns or weighting; ``RegressionError/invalidWeights(_:)`` for a
    ///   fold (or training set) of zero weight; the errors of ``Ridge/fit(_:alphas:minimumDigits:)``.
    public func evaluate(
        folds: [SufficientStatistics], minimumDigits: Double = Ridge.statisticsMinimumDigits
    ) throws(RegressionError) -> RidgeCVEvaluation {
        guard folds.count >= 2 else {
            throw .invalidParameter(name: "folds", value: Double(folds.count), requirement: "must be ≥ 2")
        }
        guard !alphas.isEmpty else { throw .emptyData("the list of alphas is empty") }
        for alpha in alphas where !(alpha.isFinite && alpha > 0) {
            throw .invalidParameter(name: "alpha", value: alpha, requirement: "every alpha must be finite and > 0")
        }
        let k = folds[0].targetCount, a = alphas.count
        var errors: [[[Double]]] = []   // [fold][target][alpha]
        var weights: [Double] = []
        for (f, test) in folds.enumerated() {
            guard test.totalWeight > 0 else { throw .invalidWeights("fold \(f) has zero total weight") }
            let train: SufficientStatistics
            do { train = try SufficientStatistics.merge(folds.enumerated().filter { $0.offset != f }.map(\.element)) } catch {
                throw .dimensionMismatch(error.description)
            }
            if let difference = test.incompatibility(with: train) { throw .dimensionMismatch("fold \(f): \(difference)") }
            guard train.totalWeight > 0 else { throw .invalidWeights("the training rows of fold \(f) all have zero weight") }
            let path = try Ridge(fitIntercept: fitIntercept).fit(train, alphas: alphas, minimumDigits: minimumDigits)
            var foldErrors = [[Double]](repeating: [Double](repeating: 0, count: a), count: k)
            for t in 0..<k {
                for ai in 0..<a {
                    let model = path[ai][t]
                    foldErrors[t][ai] = test.meanSquaredError(coefficients: model.coefficients, intercept: model.intercept,
                                                              target: t) ?? 0
                }
            }
            errors.append(foldErrors)
            weights.append(test.totalWeight)
        }
        let curves = (0..<k).map { t in
            CrossValidationCurve(alphas: alphas, foldErrors: errors.map { $0[t] }, foldWeights: weights)
        }
        return RidgeCVEvaluation(criterion: criterion, rule: rule, curves: curves, generalizedCrossValidation: nil,
                                 degreesOfFreedom: nil, leaveOneOutResiduals: nil, indicesOfChosenAlpha: chosenIndices(curves))
    }
}
