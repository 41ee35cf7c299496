import CLAPACK

/// The eigendecomposition A = V diag(λ) Vᵀ of a symmetric matrix, by divide and conquer
/// (`dsyevd`). Only the lower triangle of `A` is read.
public struct SymmetricEigendecomposition: Sendable {
    /// Eigenvalues in ascending order.
    public let eigenvalues: [Double]
    /// Orthonormal eigenvectors, one per column, in the order of ``eigenvalues``.
    public let eigenvectors: Matrix

    /// Decomposes `a`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` if `a` is not square,
    ///   ``LinearAlgebraError/nonFinite(row:column:)`` on NaN/Inf,
    ///   ``LinearAlgebraError/noConvergence(routine:info:)`` when `dsyevd` reports `info > 0`.
    /// - Complexity: O(n³) flops.
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.rows == a.columns else {
            throw .dimensionMismatch("eigendecomposition needs a square matrix, got \(a.rows)×\(a.columns)")
        }
        try a.checkFinite()
        var n = try lapackInt(a.rows, "order")
        var v = a
        var w = [Double](repeating: 0, count: Int(n))
        guard n > 0 else {
            self.eigenvalues = w
            self.eigenvectors = v
            return
        }
        var lda = max(1, n), info: Int32 = 0
        var query = 0.0, lwork: Int32 = -1, iquery: Int32 = 0, liwork: Int32 = -1
        dsyevd_("V", "L", &n, &v.storage, &lda, &w, &query, &lwork, &iquery, &liwork, &info, 1, 1)
        try check(info, "dsyevd") { .noConvergence(routine: "dsyevd", info: $0) }
        lwork = try workspaceSize(query, routine: "dsyevd")
        liwork = max(1, iquery)
        var work = [Double](repeating: 0, count: Int(lwork))
        var iwork = [Int32](repeating: 0, count: Int(liwork))
        dsyevd_("V", "L", &n, &v.storage, &lda, &w, &work, &lwork, &iwork, &liwork, &info, 1, 1)
        try check(info, "dsyevd") { .noConvergence(routine: "dsyevd", info: $0) }
        self.eigenvalues = w
        self.eigenvectors = v
    }
}
