/// How a stochastic method shrinks the weights: an L2 term in the gradient, or decoupled
/// weight decay.
///
/// With learning rate η and mini-batch loss gradient ĝ (of (1/2|B|)‖y_B − X_B w − b‖²):
///
/// - ``l2(_:)`` λ: the objective gets (λ/2)‖w‖², so the gradient gets λw:
///   SGD wₖ₊₁ = wₖ − η(ĝ + λwₖ); Adam feeds ĝ + λw into its moment estimates ("Adam + L2").
/// - ``decoupledWeightDecay(_:)`` ρ (the per-step decay, ηλ in PyTorch's `weight_decay = λ`):
///   the weights shrink by ρwₖ beside the optimizer's step: SGD wₖ₊₁ = (1 − ρ)wₖ − ηĝ;
///   AdamW wₖ₊₁ = wₖ − ρwₖ − η·m̂/(√v̂ + ε).
///
/// For plain SGD the two are the same iteration when ρ = ηλ (equal up to rounding); for Adam they
/// are not, because Adam divides the L2 gradient λw by √v̂, which weakens the penalty on
/// coordinates with large gradients. AdamW's fixed point is therefore not the ridge solution.
/// Reference: I. Loshchilov & F. Hutter, "Decoupled Weight Decay Regularization", ICLR 2019.
public enum WeightRegularization: Sendable, Equatable {
    /// No shrinkage: ordinary least squares.
    case none
    /// The L2 penalty (λ/2)‖w‖² added to the objective; λ ≥ 0. Equals ridge with α = nλ.
    case l2(Double)
    /// Decoupled weight decay: wₖ₊₁ = wₖ − ρwₖ − (optimizer step); ρ ∈ [0, 1).
    case decoupledWeightDecay(Double)

    /// The λ of the ridge objective (1/2n)‖y − Xw − b‖² + (λ/2)‖w‖² that the SGD iteration
    /// minimizes: λ itself, or ρ/η for decoupled decay.
    public func ridgeLambda(learningRate: Double) -> Double {
        switch self {
        case .none: return 0
        case .l2(let lambda): return lambda
        case .decoupledWeightDecay(let rho): return rho / learningRate
        }
    }

    func validate() throws(RegressionError) {
        switch self {
        case .none: return
        case .l2(let lambda): try Validation.alpha(lambda, name: "l2")
        case .decoupledWeightDecay(let rho):
            guard rho.isFinite, rho >= 0, rho < 1 else {
                throw .invalidParameter(name: "weightDecay", value: rho, requirement: "must lie in [0, 1)")
            }
        }
    }

    /// A short label: "L2", "weight decay" or "none".
    var label: String {
        switch self {
        case .none: return "none"
        case .l2: return "L2"
        case .decoupledWeightDecay: return "weight decay"
        }
    }
}
