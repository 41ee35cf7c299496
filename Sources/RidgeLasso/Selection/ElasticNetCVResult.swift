/// How well one fold's path was solved: per α of the grid (descending), as reported by
/// ``ElasticNet/path(_:_:alphas:count:epsilon:sampleWeights:)``.
public struct FoldPathDiagnostics: Sendable, Equatable {
    /// Whether each α met the stopping rule.
    public let converged: [Bool]
    /// The duality gap at each α.
    public let dualityGaps: [Double]
    /// Coordinate-descent sweeps at each α.
    public let iterations: [Int]
}

/// What ``ElasticNetCV`` / ``LassoCV`` found: the cross-validation curve of every l1 ratio, the
/// chosen (l1 ratio, α), and the model refit on all rows there.
public struct ElasticNetCVResult: LinearPredictor, Sendable {
    /// The l1 ratios tried, in the given order.
    public let l1Ratios: [Double]
    /// One curve per l1 ratio: its α grid (descending), errors per fold, mean, standard error,
    /// α_min and α_1se.
    public let curves: [CrossValidationCurve]
    /// The health of every fold path: `foldDiagnostics[ratio][fold]`.
    public let foldDiagnostics: [[FoldPathDiagnostics]]
    /// The folds used.
    public let folds: FoldAssignment
    /// The rule that picked α.
    public let rule: SelectionRule
    /// The index of the chosen l1 ratio.
    public let indexOfChosenL1Ratio: Int
    /// The index of the chosen α in that ratio's curve.
    public let indexOfChosenAlpha: Int
    /// The model refit on all rows at the chosen (l1 ratio, α): the point of
    /// ``fullPaths``[``indexOfChosenL1Ratio``] at ``indexOfChosenAlpha``.
    public private(set) var model: ElasticNetModel
    /// Per l1 ratio, the warm-started path on all rows over the whole grid.
    public let fullPaths: [ElasticNetPath]

    /// The chosen l1 ratio.
    public var l1Ratio: Double { l1Ratios[indexOfChosenL1Ratio] }
    /// The curve of the chosen l1 ratio.
    public var curve: CrossValidationCurve { curves[indexOfChosenL1Ratio] }
    /// The chosen α.
    public var alpha: Double { curve.alphas[indexOfChosenAlpha] }
    /// α_min of the chosen l1 ratio.
    public var alphaMin: Double { curve.alphaMin }
    /// α_1se of the chosen l1 ratio.
    public var alphaOneStandardError: Double { curve.alphaOneStandardError ?? curve.alphaMin }
    /// Whether every fold path and every full-data path converged at every α.
    public var allConverged: Bool {
        fullPaths.allSatisfy(\.allConverged) && foldDiagnostics.allSatisfy { $0.allSatisfy { !$0.converged.contains(false) } }
    }

    /// The same result with names for the refit model's features and, optionally, its response
    /// (see ``ElasticNetModel/named(features:target:)``).
    /// - Throws: as ``ElasticNetModel/named(features:target:)``.
    public func named(features: [String], target: String? = nil) throws(RegressionError) -> ElasticNetCVResult {
        var copy = self
        copy.model = try model.named(features: features, target: target)
        return copy
    }

    /// The refit model's coefficients (``ElasticNetModel/coefficients``).
    public var coefficients: [Double] { model.coefficients }
    /// The refit model's intercept (``ElasticNetModel/intercept``).
    public var intercept: Double { model.intercept }
}
