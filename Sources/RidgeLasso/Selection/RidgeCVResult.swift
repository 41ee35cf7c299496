import LinearAlgebra

/// What ``RidgeCV`` found for one target: the error of every α, the chosen α and the ridge model
/// refit on all rows at that α.
public struct RidgeCVResult: LinearPredictor, Sendable {
    /// The chosen α.
    public let alpha: Double
    /// Its index in ``CrossValidationCurve/alphas``.
    public let indexOfChosenAlpha: Int
    /// The criterion that scored the α list.
    public let criterion: RidgeSelectionCriterion
    /// The rule that picked ``alpha`` from the curve.
    public let rule: SelectionRule
    /// The error of every α (LOO, GCV or K-fold mean) with standard errors, α_min and α_1se.
    /// (With several targets sharing one α, ``alpha`` minimizes the mean over targets and may
    /// differ from this target's own α_min.)
    public let curve: CrossValidationCurve
    /// GCV(α) for every α (computed alongside leave-one-out at no extra cost), `nil` for K-fold.
    public let generalizedCrossValidation: [Double]?
    /// The effective degrees of freedom tr H(α) of every α (intercept included), `nil` for K-fold.
    public let degreesOfFreedom: [Double]?
    /// rᵢ = yᵢ − ŷᵢ⁽⁻ⁱ⁾ for every row (rows) and α (columns), when
    /// ``RidgeCV/storeLeaveOneOutResiduals`` was set.
    public let leaveOneOutResiduals: Matrix?
    /// The ridge model refit on all rows at ``alpha`` by ``Ridge``.
    public private(set) var model: RidgeModel

    /// The refit model's coefficients (``RidgeModel/coefficients``).
    public var coefficients: [Double] { model.coefficients }
    /// The refit model's intercept (``RidgeModel/intercept``).
    public var intercept: Double { model.intercept }

    /// The same result with names for the refit model's features and, optionally, its response
    /// (see ``RidgeModel/named(features:target:)``).
    /// - Throws: as ``RidgeModel/named(features:target:)``.
    public func named(features: [String], target: String? = nil) throws(RegressionError) -> RidgeCVResult {
        var copy = self
        copy.model = try model.named(features: features, target: target)
        return copy
    }

    /// Target `t` of an evaluation, with its refit model.
    init(target t: Int, evaluation e: RidgeCVEvaluation, model: RidgeModel) {
        self.indexOfChosenAlpha = e.indicesOfChosenAlpha[t]
        self.alpha = e.curves[t].alphas[e.indicesOfChosenAlpha[t]]
        self.criterion = e.criterion
        self.rule = e.rule
        self.curve = e.curves[t]
        self.generalizedCrossValidation = e.generalizedCrossValidation?[t]
        self.degreesOfFreedom = e.degreesOfFreedom
        self.leaveOneOutResiduals = e.leaveOneOutResiduals?[t]
        self.model = model
    }
}
