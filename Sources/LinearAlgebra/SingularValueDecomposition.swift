import CLAPACK

/// The thin singular value decomposition A = U diag(s) Vᵀ, by divide and conquer (`dgesdd`),
/// falling back to QR iteration (`dgesvd`) when `dgesdd` does not converge.
///
/// For an m×n matrix with k = min(m, n): U is m×k, s has k entries in decreasing order, Vᵀ is k×n.
public struct SingularValueDecomposition: Sendable {
    /// Left singular vectors, m × k.
    public let u: Matrix
    /// Singular values, decreasing, k of them.
    public let singularValues: [Double]
    /// Right singular vectors transposed, k × n.
    public let vt: Matrix
    /// The LAPACK routine that produced the decomposition (`dgesdd`, or `dgesvd` after a fallback).
    public let routine: String

    /// Decomposes `a`.
    /// - Throws: ``LinearAlgebraError/nonFinite(row:column:)`` on NaN/Inf;
    ///   ``LinearAlgebraError/noConvergence(routine:info:)`` when both routines fail to converge.
    /// - Complexity: O(mn·min(m, n)) flops.
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        try a.checkFinite()
        let k = min(a.rows, a.columns)
        _ = try lapackInt(a.rows, "rows")
        _ = try lapackInt(a.columns, "columns")
        guard k > 0 else {
            self.u = Matrix(rows: a.rows, columns: 0)
            self.singularValues = []
            self.vt = Matrix(rows: 0, columns: a.columns)
            self.routine = "none"
            return
        }
        do {
            (u, singularValues, vt) = try Self.gesdd(a)
            routine = "dgesdd"
        } catch .noConvergence {
            (u, singularValues, vt) = try Self.gesvd(a)
            routine = "dgesvd"
        }
    }

    /// The numerical rank: the number of singular values above `tolerance`
    /// (default max(m, n)·ε·s₁, as in NumPy's `matrix_rank`).
    public func rank(tolerance: Double? = nil) -> Int {
        guard let s1 = singularValues.first else { return 0 }
        let tol = tolerance ?? Double(max(u.rows, vt.columns)) * Double.ulpOfOne * s1
        return singularValues.filter { $0 > tol }.count
    }

    private static func gesdd(_ a: Matrix) throws(LinearAlgebraError) -> (Matrix, [Double], Matrix) {
        var m = Int32(a.rows), n = Int32(a.columns)
        let k = Int(min(m, n))
        var work1 = a
        var lda = max(1, m), ldu = max(1, m), ldvt = max(1, Int32(k))
        var s = [Double](repeating: 0, count: k)
        var u = Matrix(rows: a.rows, columns: k), vt = Matrix(rows: k, columns: a.columns)
        var iwork = [Int32](repeating: 0, count: 8 * k)
        var info: Int32 = 0, query = 0.0, lwork: Int32 = -1
        dgesdd_("S", &m, &n, &work1.storage, &lda, &s, &u.storage, &ldu, &vt.storage, &ldvt,
                &query, &lwork, &iwork, &info, 1)
        try check(info, "dgesdd") { .noConvergence(routine: "dgesdd", info: $0) }
        lwork = try workspaceSize(query, routine: "dgesdd")
        var work = [Double](repeating: 0, count: Int(lwork))
        dgesdd_("S", &m, &n, &work1.storage, &lda, &s, &u.storage, &ldu, &vt.storage, &ldvt,
                &work, &lwork, &iwork, &info, 1)
        try check(info, "dgesdd") { .noConvergence(routine: "dgesdd", info: $0) }
        return (u, s, vt)
    }

    private static func gesvd(_ a: Matrix) throws(LinearAlgebraError) -> (Matrix, [Double], Matrix) {
        var m = Int32(a.rows), n = Int32(a.columns)
        let k = Int(min(m, n))
        var work1 = a
        var lda = max(1, m), ldu = max(1, m), ldvt = max(1, Int32(k))
        var s = [Double](repeating: 0, count: k)
        var u = Matrix(rows: a.rows, columns: k), vt = Matrix(rows: k, columns: a.columns)
        var info: Int32 = 0, query = 0.0, lwork: Int32 = -1
        dgesvd_("S", "S", &m, &n, &work1.storage, &lda, &s, &u.storage, &ldu, &vt.storage, &ldvt,
                &query, &lwork, &info, 1, 1)
        try check(info, "dgesvd") { .noConvergence(routine: "dgesvd", info: $0) }
        lwork = try workspaceSize(query, routine: "dgesvd")
        var work = [Double](repeating: 0, count: Int(lwork))
        dgesvd_("S", "S", &m, &n, &work1.storage, &lda, &s, &u.storage, &ldu, &vt.storage, &ldvt,
                &work, &lwork, &info, 1, 1)
        try check(info, "dgesvd") { .noConvergence(routine: "dgesvd", info: $0) }
        return (u, s, vt)
    }
}
