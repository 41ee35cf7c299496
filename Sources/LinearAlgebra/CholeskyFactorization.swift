import CLAPACK

/// The Cholesky factorization A = LLᵀ of a symmetric positive definite matrix (`dpotrf`), with
/// LAPACK's estimate of the reciprocal condition number in the 1-norm (`dlansy` + `dpocon`).
///
/// Only the lower triangle of `A` is read. A matrix that is not numerically positive definite
/// throws ``LinearAlgebraError/notPositiveDefinite(minor:)`` instead of returning garbage.
public struct CholeskyFactorization: Sendable {
    /// L in the lower triangle (the strict upper triangle is zero).
    public let factor: Matrix
    /// 1 / (‖A‖₁‖A⁻¹‖₁) as estimated by `dpocon`: near 1 is well conditioned; below about
    /// 1e-16 the factorization carries no correct digits.
    public let reciprocalCondition: Double

    /// Factors `a` (consumed: a caller that passes its last use of a matrix saves a copy).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` if `a` is not square,
    ///   ``LinearAlgebraError/nonFinite(row:column:)`` on NaN/Inf,
    ///   ``LinearAlgebraError/notPositiveDefinite(minor:)`` when `dpotrf` reports `info > 0`.
    /// - Complexity: n³/3 flops.
    public init(_ a: consuming Matrix) throws(LinearAlgebraError) {
        guard a.rows == a.columns else {
            throw .dimensionMismatch("Cholesky needs a square matrix, got \(a.rows)×\(a.columns)")
        }
        try a.checkFinite()
        var n = try lapackInt(a.rows, "order")
        var lda = max(1, n)
        var l = consume a
        guard n > 0 else {
            self.factor = l
            self.reciprocalCondition = 1
            return
        }
        var work = [Double](repeating: 0, count: 3 * Int(n))
        var anorm = dlansy_("1", "L", &n, l.storage, &lda, &work, 1, 1)
        var info: Int32 = 0
        dpotrf_("L", &n, &l.storage, &lda, &info, 1)
        try check(info, "dpotrf") { .notPositiveDefinite(minor: $0) }
        var rcond = 0.0
        var iwork = [Int32](repeating: 0, count: Int(n))
        dpocon_("L", &n, l.storage, &lda, &anorm, &rcond, &work, &iwork, &info, 1)
        try check(info, "dpocon") { _ in .invalidArgument(routine: "dpocon", position: 0) }
        for j in 1..<Int(n) {
            for i in 0..<j { l.storage[i + j * Int(n)] = 0 }
        }
        self.factor = l
        self.reciprocalCondition = rcond
    }

    /// The order n of the factored matrix.
    public var order: Int { factor.rows }

    /// Solves A X = B for every column of `b` (`dpotrs`).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `b.rows != order`.
    /// - Complexity: 2n² flops per right-hand side.
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard b.rows == order else {
            throw .dimensionMismatch("Cholesky of order \(order) cannot solve for \(b.rows)×\(b.columns)")
        }
        var n = try lapackInt(order, "order"), nrhs = try lapackInt(b.columns, "right-hand sides")
        var x = b
        guard order > 0, b.columns > 0 else { return x }
        var lda = max(1, n), ldb = max(1, n), info: Int32 = 0
        dpotrs_("L", &n, &nrhs, factor.storage, &lda, &x.storage, &ldb, &info, 1)
        try check(info, "dpotrs") { _ in .invalidArgument(routine: "dpotrs", position: 0) }
        return x
    }

    /// Solves A x = b for a symmetric positive definite `a` (lower triangle read) in one go:
    /// `dpotrf` then `dpotrs`, without the condition estimate, the finite check or the stored
    /// factor of ``init(_:)``. For inner loops whose caller verifies the answer some other way
    /// (e.g. a step kept only if it lowers an objective).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` for a non-square `a` or a `b` of the
    ///   wrong length, ``LinearAlgebraError/notPositiveDefinite(minor:)``.
    /// - Complexity: n³/3 + 2n² flops.
    public static func solve(_ a: consuming Matrix, _ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard a.rows == a.columns else {
            throw .dimensionMismatch("cannot solve a \(a.rows)×\(a.columns) system")
        }
        var l = consume a
        return try solve(order: l.rows, overwriting: &l.storage, b)
    }

    /// As ``solve(_:_:)``, with A (order m, column-major, lower triangle read) in the first m·m
    /// values of a scratch buffer that the factor L then overwrites: a caller solving many
    /// systems of changing order keeps one buffer instead of allocating each matrix.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `storage` holds fewer than m·m
    ///   values or `b` does not have m; ``LinearAlgebraError/notPositiveDefinite(minor:)``.
    public static func solve(order m: Int, overwriting storage: inout [Double], _ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard b.count == m else {
            throw .dimensionMismatch("cannot solve a system of order \(m) for \(b.count) right-hand-side values")
        }
        try factor(order: m, overwriting: &storage)
        guard m > 0 else { return [] }
        return try solve(order: m, factor: storage, Matrix(rows: m, columns: 1, columnMajor: b)).storage
    }

    /// Overwrites the first m·m values of `storage` (A, column-major, lower triangle read) with
    /// its Cholesky factor L (`dpotrf`), for later ``solve(order:factor:_:)`` calls.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `storage` holds fewer than m·m
    ///   values; ``LinearAlgebraError/notPositiveDefinite(minor:)``.
    public static func factor(order m: Int, overwriting storage: inout [Double]) throws(LinearAlgebraError) {
        guard m >= 0, storage.count >= m * m else {
            throw .dimensionMismatch("cannot factor a system of order \(m) from \(storage.count) values")
        }
        var n = try lapackInt(m, "order")
        guard n > 0 else { return }
        var lda = n, info: Int32 = 0
        dpotrf_("L", &n, &storage, &lda, &info, 1)
        try check(info, "dpotrf") { .notPositiveDefinite(minor: $0) }
    }

    /// Solves A X = B for every column of `b` with the factor L that ``factor(order:overwriting:)``
    /// left in the first m·m values of `factor` (`dpotrs`: 2m² flops per column, BLAS-3 for many).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `factor` holds fewer than m·m
    ///   values or `b` does not have m rows.
    public static func solve(order m: Int, factor: [Double], _ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard m >= 0, factor.count >= m * m, b.rows == m else {
            throw .dimensionMismatch("cannot solve with a factor of order \(m) (\(factor.count) values) for \(b.rows)×\(b.columns)")
        }
        var n = try lapackInt(m, "order"), nrhs = try lapackInt(b.columns, "right-hand sides")
        var x = b
        guard m > 0, b.columns > 0 else { return x }
        var lda = n, ldb = n, info: Int32 = 0
        dpotrs_("L", &n, &nrhs, factor, &lda, &x.storage, &ldb, &info, 1)
        try check(info, "dpotrs") { _ in .invalidArgument(routine: "dpotrs", position: 0) }
        return x
    }

    /// Solves A x = b in place for one right-hand side with the factor L that
    /// ``factor(order:overwriting:)`` left in the first m·m values of `factor`: L y = b, then
    /// Lᵀx = y (two `dtrsv`, 2m² flops; for one column this level-2 pair is several times faster
    /// than `dpotrs`, which packs the factor for its level-3 kernels).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `factor` holds fewer than m·m
    ///   values or `x` does not have m.
    public static func solve(order m: Int, factor: [Double], inPlace x: inout [Double]) throws(LinearAlgebraError) {
        guard m >= 0, factor.count >= m * m, x.count == m else {
            throw .dimensionMismatch("cannot solve with a factor of order \(m) (\(factor.count) values) for \(x.count) values")
        }
        let n = try lapackInt(m, "order")
        guard n > 0 else { return }
        cblas_dtrsv(CblasColMajor, CblasLower, CblasNoTrans, CblasNonUnit, n, factor, n, &x, 1)
        cblas_dtrsv(CblasColMajor, CblasLower, CblasTrans, CblasNonUnit, n, factor, n, &x, 1)
    }

    /// Solves A x = b.
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        try solve(Matrix(rows: b.count, columns: 1, columnMajor: b)).storage
    }
}
