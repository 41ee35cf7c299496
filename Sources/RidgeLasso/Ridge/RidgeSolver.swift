/// How ``Ridge`` computes the exact ridge solution w = (XcᵀXc + αI)⁻¹Xcᵀyc.
///
/// All solvers minimize the same objective, ‖y − Xw − b‖² + α‖w‖² (weighted as described in
/// ``Ridge``); they differ in speed and in how many digits survive ill-conditioning. With
/// κ = κ₂(Xc), the unit roundoff ε ≈ 1.1e-16 and p features:
///
/// | solver     | cost (n ≥ p)        | relative error of w, roughly |
/// |------------|---------------------|------------------------------|
/// | `cholesky` | n·p² (one `dsyrk`)  | κ²·ε                         |
/// | `qr`       | 2n·p²               | κ·ε (+ κ²·ε·residual)        |
/// | `svd`      | ≈ 4n·p² + 8p³       | κ·ε, and handles rank loss   |
public enum RidgeSolver: String, Sendable, CaseIterable {
    /// The default: the fastest solver that is safe for this X and α.
    ///
    /// The rule, applied to each α separately:
    /// 1. Form the (primal, or dual when p > n) Gram matrix and its Cholesky factor, with the
    ///    system equilibrated to a unit diagonal. If `dpotrf` succeeds and LAPACK's estimate of
    ///    the reciprocal condition number is at least ``Ridge/choleskyReciprocalConditionThreshold``
    ///    (1e-6), use it: Cholesky's forward error is then at most about ε·κ(G) ≤ 2.2e-10, so at
    ///    least 9–10 significant digits survive (the tests check this on NIST StRD).
    /// 2. Otherwise, for α > 0, use `qr`: backward stable on the augmented system, whose
    ///    condition number is the square root of the Gram matrix's.
    /// 3. For α = 0, use `qr` when its triangular factor (columns equilibrated) has a reciprocal
    ///    condition of at least max(n, p)·ε, the same tolerance as the numerical rank; otherwise
    ///    X is numerically rank-deficient and `svd` gives the minimum-norm least-squares solution.
    ///
    /// An ill-conditioned design therefore never silently gets Cholesky's loss of digits.
    case automatic
    /// Cholesky of the regularized Gram matrix: (XcᵀXc + αI)w = Xcᵀyc when n ≥ p, or the dual
    /// w = Xcᵀ(XcXcᵀ + αI)⁻¹yc when p > n, so a p × p system is never formed when p ≫ n.
    /// Fastest; loses digits as κ(X)². Throws ``RegressionError/singular(_:)`` when the system
    /// is not numerically positive definite or its reciprocal condition is below m·ε (m its
    /// order) — typically α = 0 with a rank-deficient X.
    case cholesky
    /// Householder QR of the augmented system [Xc; √α I] (n ≥ p; columns equilibrated, with the
    /// penalty rescaled so the objective is unchanged), or of Xcᵀ followed by a small n × n
    /// augmented problem when p > n. No Gram matrix: error ∝ κ(X), not κ(X)². Throws
    /// ``RegressionError/singular(_:)`` for α = 0 on a numerically rank-deficient X.
    case qr
    /// Thin SVD Xc = U diag(s) Vᵀ and w = V diag(sᵢ/(sᵢ² + α)) Uᵀyc. At α = 0 the columns are
    /// first scaled to unit norm (an unscaled SVD loses digits on badly scaled designs), the
    /// numerical rank is counted with tolerance max(n, p)·ε·s₁, and a rank-deficient X gets the
    /// minimum-norm least-squares solution (in the original, unscaled coordinates).
    case svd
    /// Preconditioned conjugate gradients (Jacobi) on the implicitly centered normal equations
    /// (X̃ᵀX̃ + αI)w = X̃ᵀỹ, for a sparse X only: each iteration costs two passes over the
    /// nonzeros and nothing of size p × p or n × n is formed. Not exact: it stops when the
    /// relative residual reaches the tolerance given to `fit`, and the model reports the
    /// residual reached (``RidgeModel/iterativeSolve``). A dense X refuses it.
    case conjugateGradient

    /// The solvers of a dense X: every case but ``conjugateGradient``, which only a sparse X takes.
    public static var allCases: [RidgeSolver] { [.automatic, .cholesky, .qr, .svd] }
}
