import LinearAlgebra

/// The scores of every α for every target, and the α ``RidgeCV`` picked, before any refit
/// (``RidgeCV/evaluate(_:targets:sampleWeights:)``).
public struct RidgeCVEvaluation: Sendable {
    /// The criterion that scored the α list.
    public let criterion: RidgeSelectionCriterion
    /// The rule that picked α from the curves.
    public let rule: SelectionRule
    /// One curve per target: the error of every α (LOO, GCV or K-fold mean, in the order of
    /// ``RidgeCV/alphas``), standard errors, α_min and α_1se.
    public let curves: [CrossValidationCurve]
    /// GCV(α) per target (computed alongside leave-one-out at no extra cost), `nil` for K-fold.
    public let generalizedCrossValidation: [[Double]]?
    /// The effective degrees of freedom tr H(α) of every α (intercept included), `nil` for K-fold.
    public let degreesOfFreedom: [Double]?
    /// Per target, the n × A matrix of leave-one-out residuals rᵢ = yᵢ − ŷᵢ⁽⁻ⁱ⁾, when
    /// ``RidgeCV/storeLeaveOneOutResiduals`` was set.
    public let leaveOneOutResiduals: [Matrix]?
    /// The index of the chosen α, per target.
    public let indicesOfChosenAlpha: [Int]

    /// The chosen α, per target.
    public var chosenAlphas: [Double] {
        indicesOfChosenAlpha.indices.map { curves[$0].alphas[indicesOfChosenAlpha[$0]] }
    }
}
