import LinearAlgebra

/// Ridge regression, solved exactly through BLAS/LAPACK: the hyperparameters, and `fit`.
///
/// Objective (scikit-learn's convention), for X (n × p), y (n), optional sample weights v ≥ 0:
///
///     minimize over w, b:   Σᵢ vᵢ (yᵢ − xᵢᵀw − b)² + α‖w‖²        (vᵢ = 1 without weights)
///
/// The intercept b is never penalized. With an intercept, X and y are centered at their weighted
/// means x̄, ȳ and the rows scaled by √vᵢ, Xc = diag(√v)(X − 1x̄ᵀ), yc = diag(√v)(y − ȳ); then
///
///     w = (XcᵀXc + αI)⁻¹ Xcᵀyc,   b = ȳ − x̄ᵀw.
///
/// Without an intercept, x̄ = 0, ȳ = 0 and b = 0. Integer weights give the same fit as repeating
/// rows. At α = 0 this is ordinary least squares; with ``RidgeSolver/svd`` (or `automatic`) a
/// rank-deficient X then gets the minimum-norm solution and its rank.
///
/// ```swift
/// let model = try Ridge(alpha: 0.5).fit(x, y)
/// let yHat = try model.predict(xNew)
/// let path = try Ridge().fit(x, y, alphas: [0.01, 0.1, 1, 10])   // one decomposition
/// ```
///
/// Validation happens once, when `fit` starts, before any BLAS/LAPACK call.
public struct Ridge: Sendable {
    /// The penalty strength α ≥ 0 (default 1, as in scikit-learn). α = 0 is least squares.
    public var alpha: Double
    /// Fit an unpenalized intercept b by centering (default `true`).
    public var fitIntercept: Bool
    /// How to solve (default ``RidgeSolver/automatic``: Cholesky when it is safe, otherwise QR or SVD).
    public var solver: RidgeSolver

    /// The smallest reciprocal condition number (`dpocon`, equilibrated regularized Gram matrix)
    /// at which ``RidgeSolver/automatic`` accepts Cholesky: 1e-6, where Cholesky's relative error
    /// bound ε·κ ≈ 2.2e-10 still leaves 9–10 significant digits. Below it, QR (error ∝ √κ·ε).
    public static let choleskyReciprocalConditionThreshold = 1e-6

    /// Ridge with strength `alpha` (≥ 0; 0 is least squares), an unpenalized intercept unless
    /// `fitIntercept` is false, and the given solver (``RidgeSolver/automatic`` by default).
    public init(alpha: Double = 1, fitIntercept: Bool = true, solver: RidgeSolver = .automatic) {
        self.alpha = alpha
        self.fitIntercept = fitIntercept
        self.solver = solver
    }

    /// Fits one target y.
    /// - Parameters:
    ///   - x: the design, n × p, every entry finite.
    ///   - y: n finite targets.
    ///   - sampleWeights: n finite weights vᵢ ≥ 0, not all zero (`nil`: all 1).
    /// - Throws: ``RegressionError/emptyData(_:)`` (no rows or columns),
    ///   ``RegressionError/dimensionMismatch(_:)``, ``RegressionError/nonFinite(input:row:column:)``
    ///   (NaN/Inf in X, y or the weights, with its position), ``RegressionError/invalidParameter(name:value:requirement:)``
    ///   (α < 0 or not finite), ``RegressionError/invalidWeights(_:)`` (negative or all zero),
    ///   ``RegressionError/singular(_:)`` (α = 0 on a rank-deficient X with `cholesky` or `qr`).
    public func fit(_ x: Matrix, _ y: [Double], sampleWeights: [Double]? = nil) throws(RegressionError) -> RidgeModel {
        try Validation.design(x, y)
        try Validation.weights(sampleWeights, rows: x.rows)
        try Validation.alpha(alpha)
        let models = try path(x, y, alphas: [alpha], sampleWeights: sampleWeights)
        guard let model = models.first else { throw .emptyData("no model was fitted") }
        return model
    }

    /// Fits every column of Y (n × k) as a separate target, from ONE factorization of X:
    /// returns k models, in the order of Y's columns, each equal to fitting that column alone.
    /// - Throws: as ``fit(_:_:sampleWeights:)-(Matrix,_,_)``; ``RegressionError/emptyData(_:)`` when Y has no column.
    public func fit(_ x: Matrix, targets y: Matrix, sampleWeights: [Double]? = nil) throws(RegressionError) -> [RidgeModel] {
        try Validation.design(x, targets: y)
        try Validation.weights(sampleWeights, rows: x.rows)
        try Validation.alpha(alpha)
        var engine = RidgeFit(data: RidgeData(x: x, y: y, weights: sampleWeights, fitIntercept: fitIntercept),
                              solver: solver)
        return try engine.models(alpha: alpha, last: true)
    }

    /// Fits y for each α in `alphas` (the ``alpha`` property is ignored), reusing one
    /// decomposition: the Gram matrix for Cholesky, the QR of Xc, or the SVD of Xc (plus the SVD
    /// of the equilibrated Xc when an α is 0). Returns one model per α, in the order given, each
    /// equal to `Ridge(alpha: α, …).fit(x, y)`.
    /// - Throws: as ``fit(_:_:sampleWeights:)-(Matrix,_,_)``; ``RegressionError/emptyData(_:)`` when `alphas`
    ///   is empty; ``RegressionError/invalidParameter(name:value:requirement:)`` naming `alphas[i]`.
    public func fit(
        _ x: Matrix, _ y: [Double], alphas: [Double], sampleWeights: [Double]? = nil
    ) throws(RegressionError) -> [RidgeModel] {
        try Validation.design(x, y)
        try Validation.weights(sampleWeights, rows: x.rows)
        guard !alphas.isEmpty else { throw .emptyData("alphas is empty") }
        for (i, a) in alphas.enumerated() { try Validation.alpha(a, name: "alphas[\(i)]") }
        return try path(x, y, alphas: alphas, sampleWeights: sampleWeights)
    }

    /// The validated core of the one-target fits.
    private func path(
        _ x: Matrix, _ y: [Double], alphas: [Double], sampleWeights: [Double]?
    ) throws(RegressionError) -> [RidgeModel] {
        let target = try la { () throws(LinearAlgebraError) in try Matrix(rows: y.count, columns: 1, columnMajor: y) }
        var engine = RidgeFit(data: RidgeData(x: x, y: target, weights: sampleWeights, fitIntercept: fitIntercept),
                              solver: solver)
        var models: [RidgeModel] = []
        models.reserveCapacity(alphas.count)
        for (k, a) in alphas.enumerated() {
            guard let model = try engine.models(alpha: a, last: k == alphas.count - 1).first else {
                throw .emptyData("no model was fitted")
            }
            models.append(model)
        }
        return models
    }
}
