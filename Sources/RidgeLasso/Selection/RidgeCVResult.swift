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
    public let curve: CrossValidationCurve
    /// GCV(α) for every α (computed alongside leave-one-out at no extra cost), `nil` for K-fold.
    public let generalizedCrossValidation: [Double]?
    /// The effective degrees of freedom tr H(α) of every α (intercept included), `nil` for K-fold.
    public let degreesOfFreedom: [Double]?
    /// rᵢ = yᵢ − ŷᵢ⁽⁻ⁱ⁾ for every row (rows) and α (columns), when
    /// ``RidgeCV/storeLeaveOneOutResiduals`` was set.
    public let leaveOneOutResiduals: Matrix?
    /// The ridge coefficients at ``alpha``, fitted on all rows.
    public let coefficients: [Double]
    /// The intercept at ``alpha`` (0 without intercept).
    public let intercept: Double
    /// Whether an intercept was fitted.
    public let fitIntercept: Bool
}

import LinearAlgebra
