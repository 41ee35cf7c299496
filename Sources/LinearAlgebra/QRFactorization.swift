import CLAPACK

/// The Householder QR factorization A = QR of a tall matrix (m ≥ n), by `dgeqrf`, and least
/// squares min ‖AX − B‖ through Qᵀ (`dormqr`) and the triangular solve (`dtrtrs`).
///
/// No normal equations are formed, so the accuracy is governed by κ(A), not κ(A)².
public struct QRFactorization: Sendable {
    /// R in the upper triangle, the Householder vectors below it (LAPACK's packed form).
    let packed: Matrix
    /// The Householder scalars.
    let tau: [Double]
    /// LAPACK's estimate of 1/κ₁(R) by `dtrcon`: near 0 means the least-squares problem is
    /// (numerically) rank-deficient.
    public let reciprocalCondition: Double

    /// Factors `a`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` unless rows ≥ columns,
    ///   ``LinearAlgebraError/nonFinite(row:column:)`` on NaN/Inf.
    /// - Complexity: 2n²(m − n/3) flops.
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.rows >= a.columns else {
            throw .dimensionMismatch("QR least squares needs rows ≥ columns, got \(a.rows)×\(a.columns)")
        }
        try a.checkFinite()
        var m = try lapackInt(a.rows, "rows"), n = try lapackInt(a.columns, "columns")
        var lda = max(1, m)
        var qr = a
        var tau = [Double](repeating: 0, count: Int(n))
        guard n > 0 else {
            self.packed = qr
            self.tau = tau
            self.reciprocalCondition = 1
            return
        }
        var info: Int32 = 0, query = 0.0, lwork: Int32 = -1
        dgeqrf_(&m, &n, &qr.storage, &lda, &tau, &query, &lwork, &info)
        try check(info, "dgeqrf") { _ in .invalidArgument(routine: "dgeqrf", position: 0) }
        lwork = try workspaceSize(query, routine: "dgeqrf")
        var work = [Double](repeating: 0, count: Int(lwork))
        dgeqrf_(&m, &n, &qr.storage, &lda, &tau, &work, &lwork, &info)
        try check(info, "dgeqrf") { _ in .invalidArgument(routine: "dgeqrf", position: 0) }
        var rcond = 0.0
        var twork = [Double](repeating: 0, count: 3 * Int(n))
        var iwork = [Int32](repeating: 0, count: Int(n))
        dtrcon_("1", "U", "N", &n, qr.storage, &lda, &rcond, &twork, &iwork, &info, 1, 1, 1)
        try check(info, "dtrcon") { _ in .invalidArgument(routine: "dtrcon", position: 0) }
        self.packed = qr
        self.tau = tau
        self.reciprocalCondition = rcond
    }

    /// The upper-triangular factor R (n × n).
    public var r: Matrix {
        let n = packed.columns
        var r = Matrix(rows: n, columns: n)
        for j in 0..<n { for i in 0...j where i < n { r[i, j] = packed[i, j] } }
        return r
    }

    /// The least-squares solution X of min ‖AX − B‖_F, column by column.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `b.rows` differs from A's rows,
    ///   ``LinearAlgebraError/singular(index:)`` when R has an exact zero on its diagonal.
    /// - Complexity: 4mn + n² flops per right-hand side.
    public func solveLeastSquares(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard b.rows == packed.rows else {
            throw .dimensionMismatch("QR of \(packed.rows)×\(packed.columns) cannot solve for \(b.rows)×\(b.columns)")
        }
        try b.checkFinite()
        var m = try lapackInt(packed.rows, "rows"), n = try lapackInt(packed.columns, "columns")
        var k = n, nrhs = try lapackInt(b.columns, "right-hand sides")
        var lda = max(1, m), ldc = max(1, m)
        var c = b
        guard packed.columns > 0, b.columns > 0 else {
            return Matrix(rows: packed.columns, columns: b.columns)
        }
        var info: Int32 = 0, query = 0.0, lwork: Int32 = -1
        dormqr_("L", "T", &m, &nrhs, &k, packed.storage, &lda, tau, &c.storage, &ldc, &query, &lwork, &info, 1, 1)
        try check(info, "dormqr") { _ in .invalidArgument(routine: "dormqr", position: 0) }
        lwork = try workspaceSize(query, routine: "dormqr")
        var work = [Double](repeating: 0, count: Int(lwork))
        dormqr_("L", "T", &m, &nrhs, &k, packed.storage, &lda, tau, &c.storage, &ldc, &work, &lwork, &info, 1, 1)
        try check(info, "dormqr") { _ in .invalidArgument(routine: "dormqr", position: 0) }
        dtrtrs_("U", "N", "N", &n, &nrhs, packed.storage, &lda, &c.storage, &ldc, &info, 1, 1, 1)
        try check(info, "dtrtrs") { .singular(index: $0) }
        // The first n rows of C hold X.
        var x = Matrix(rows: packed.columns, columns: b.columns)
        for j in 0..<b.columns {
            for i in 0..<packed.columns { x[i, j] = c[i, j] }
        }
        return x
    }

    /// The least-squares solution x of min ‖Ax − b‖₂.
    public func solveLeastSquares(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        try solveLeastSquares(Matrix(rows: b.count, columns: 1, columnMajor: b)).storage
    }
}
