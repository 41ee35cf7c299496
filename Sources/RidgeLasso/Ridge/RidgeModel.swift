import LinearAlgebra

/// A fitted ridge regression: ŷ = Xw + b, the exact minimizer of ‖y − Xw − b‖² + α‖w‖²
/// (with sample weights vᵢ: Σᵢ vᵢ(yᵢ − xᵢᵀw − b)² + α‖w‖²) for one target.
///
/// `predict(_:)` comes from ``LinearPredictor``. The model is `Codable` in the format of the
/// model file `ridgelasso fit --output` writes and `ridgelasso predict --model` reads (see
/// ``FittedModel``), and `print(model)` shows a one-line summary.
public struct RidgeModel: LinearPredictor, Sendable, Equatable {
    /// The coefficients w, one per column of X, on the original scale of the features. A column
    /// that is constant (with an intercept) or all zero (without one) gets exactly 0.
    public let coefficients: [Double]
    /// The unpenalized intercept b = ȳ − x̄ᵀw (weighted means), or 0 without an intercept.
    public let intercept: Double
    /// The regularization strength α this model was fitted with.
    public let alpha: Double
    /// The solver that produced the coefficients: never ``RidgeSolver/automatic``; with `automatic`, the
    /// one its rule picked for this α.
    public let solverUsed: RidgeSolver
    /// The numerical rank of the centered (weighted) design Xc, counted on its singular values
    /// with tolerance max(n, p)·ε·s₁: of the column-equilibrated Xc, except for α > 0 with
    /// p > n, where the unscaled Xc is decomposed. Set whenever the SVD was used (always for
    /// ``RidgeSolver/svd``, and when `automatic` fell back to it for a rank-deficient X at α = 0);
    /// `nil` for Cholesky and QR, which only run on numerically full-rank systems.
    public let rank: Int?
    /// The reciprocal condition number of the system the solver factored (1 is perfect, below
    /// about 1e-16 nothing is left): LAPACK's `dpocon` estimate for the equilibrated regularized
    /// Gram matrix (cholesky), `dtrcon` for the triangular factor R of the (augmented,
    /// equilibrated) least-squares system (qr), or from singular values (svd): s_min/s₁ of the
    /// equilibrated Xc at α = 0 (0 when p > n), of the equilibrated augmented matrix for α > 0
    /// when n ≥ p, and α/(s₁² + α) for α > 0 when p > n. `nil` when X has no column that can
    /// carry a coefficient, so that there was nothing to factor.
    public let reciprocalCondition: Double?
    /// The names of the features, one per coefficient, when known (see ``named(features:target:)``);
    /// the model file then matches CSV columns by these names. `nil`: `x1`, `x2`, … when encoded.
    public let featureNames: [String]?
    /// The name of the response, when known (written as the model file's `target`).
    public let targetName: String?
    /// The categorical columns one-hot encoded into the features, when the model came from a file
    /// that records them (``CategoricalLevels``); nil otherwise.
    public let categorical: [CategoricalLevels]?
    /// How the iterative solve ended (``RidgeSolver/conjugateGradient`` on a sparse X): the
    /// relative residual reached, the tolerance asked for and the iterations. `nil` when the
    /// solution came from a direct factorization and is exact up to rounding.
    public let iterativeSolve: IterativeSolveReport?

    /// A model from its parts (for instance to predict with stored coefficients).
    public init(
        coefficients: [Double], intercept: Double, alpha: Double, solverUsed: RidgeSolver,
        rank: Int? = nil, reciprocalCondition: Double? = nil, iterativeSolve: IterativeSolveReport? = nil,
        featureNames: [String]? = nil, targetName: String? = nil,
        categorical: [CategoricalLevels]? = nil
    ) {
        self.coefficients = coefficients
        self.intercept = intercept
        self.alpha = alpha
        self.solverUsed = solverUsed
        self.rank = rank
        self.reciprocalCondition = reciprocalCondition
        self.iterativeSolve = iterativeSolve
        self.featureNames = featureNames
        self.targetName = targetName
        self.categorical = categorical
    }

    /// The same model with other coefficients (for instance mapped back from standardized
    /// columns to the original scale); names and diagnostics are kept.
    public func withCoefficients(_ coefficients: [Double]) -> RidgeModel {
        RidgeModel(coefficients: coefficients, intercept: intercept, alpha: alpha, solverUsed: solverUsed,
                   rank: rank, reciprocalCondition: reciprocalCondition, iterativeSolve: iterativeSolve,
                   featureNames: featureNames, targetName: targetName, categorical: categorical)
    }

    /// The same model with names for its features (one per coefficient) and, optionally, its response.
    /// - Throws: ``RegressionError/dimensionMismatch(_:)`` when the count differs from the
    ///   coefficients', ``RegressionError/invalidNames(_:)`` for an empty or repeated name.
    public func named(features: [String], target: String? = nil) throws(RegressionError) -> RidgeModel {
        try FeatureNames.validate(features, count: coefficients.count)
        return RidgeModel(coefficients: coefficients, intercept: intercept, alpha: alpha, solverUsed: solverUsed,
                          rank: rank, reciprocalCondition: reciprocalCondition, iterativeSolve: iterativeSolve,
                          featureNames: features, targetName: target, categorical: categorical)
    }
}

/// Where an iterative ridge solve stopped: the solution is not exact, and this says how close it is.
///
/// The residual is that of the normal equations A w = q, A = X̃ᵀX̃ + αI, q = X̃ᵀỹ (X̃, ỹ the
/// weighted, centered data), recomputed from X after the last iteration rather than taken from
/// the recurrence: ‖q − Aw‖₂ / ‖q‖₂ (0 when q = 0).
public struct IterativeSolveReport: Sendable, Equatable, Hashable {
    /// Iterations run.
    public var iterations: Int
    /// ‖q − Aw‖₂ / ‖q‖₂ at the returned w.
    public var relativeResidual: Double
    /// The relative residual that was asked for.
    public var tolerance: Double

    /// Whether ``relativeResidual`` ≤ ``tolerance``.
    public var converged: Bool { relativeResidual <= tolerance }

    /// A report from its parts.
    public init(iterations: Int, relativeResidual: Double, tolerance: Double) {
        self.iterations = iterations
        self.relativeResidual = relativeResidual
        self.tolerance = tolerance
    }
}
