import CLAPACK

/// Products through CBLAS. Every dimension is checked in Swift first, so BLAS's XERBLA is
/// never reached; empty operands return at once without a BLAS call.
extension Matrix {
    /// The Gram matrix AᵀA (`columns × columns`, both triangles filled), by `dsyrk`.
    /// - Complexity: n·p² flops for an n×p matrix (half of the general product).
    public func gram() throws(LinearAlgebraError) -> Matrix {
        let n = try lapackInt(rows, "rows"), p = try lapackInt(columns, "columns")
        var c = Matrix(rows: columns, columns: columns)
        guard rows > 0, columns > 0 else { return c }
        storage.withUnsafeBufferPointer { a in
            c.storage.withUnsafeMutableBufferPointer { cp in
                cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, p, n, 1.0,
                            a.baseAddress, max(1, n), 0.0, cp.baseAddress, max(1, p))
            }
        }
        c.symmetrizeFromLower()
        return c
    }

    /// The outer Gram matrix AAᵀ (`rows × rows`, both triangles filled), by `dsyrk`.
    /// - Complexity: n²·p flops for an n×p matrix.
    public func outerGram() throws(LinearAlgebraError) -> Matrix {
        let n = try lapackInt(rows, "rows"), p = try lapackInt(columns, "columns")
        var c = Matrix(rows: rows, columns: rows)
        guard rows > 0, columns > 0 else { return c }
        storage.withUnsafeBufferPointer { a in
            c.storage.withUnsafeMutableBufferPointer { cp in
                cblas_dsyrk(CblasColMajor, CblasLower, CblasNoTrans, n, p, 1.0,
                            a.baseAddress, max(1, n), 0.0, cp.baseAddress, max(1, n))
            }
        }
        c.symmetrizeFromLower()
        return c
    }

    /// Copies the lower triangle into the upper one.
    public mutating func symmetrizeFromLower() {
        precondition(rows == columns, "symmetrizeFromLower needs a square matrix")
        let n = rows
        storage.withUnsafeMutableBufferPointer { s in
            for j in 0..<n {
                for i in (j + 1)..<max(j + 1, n) { s[j + i * n] = s[i + j * n] }
            }
        }
    }

    /// op(A)·op(B) by `dgemm`, where op transposes when asked.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the inner dimensions differ.
    /// - Complexity: 2·m·n·k flops.
    public func multiplied(
        by other: Matrix, transposingSelf: Bool = false, transposingOther: Bool = false
    ) throws(LinearAlgebraError) -> Matrix {
        let m = transposingSelf ? columns : rows
        let k = transposingSelf ? rows : columns
        let kb = transposingOther ? other.columns : other.rows
        let n = transposingOther ? other.rows : other.columns
        guard k == kb else {
            throw .dimensionMismatch("cannot multiply \(transposingSelf ? "transposed " : "")\(rows)×\(columns) by \(transposingOther ? "transposed " : "")\(other.rows)×\(other.columns)")
        }
        let m32 = try lapackInt(m, "rows"), n32 = try lapackInt(n, "columns"), k32 = try lapackInt(k, "inner dimension")
        let lda = try lapackInt(max(1, rows), "lda"), ldb = try lapackInt(max(1, other.rows), "ldb")
        var c = Matrix(rows: m, columns: n)
        guard m > 0, n > 0, k > 0 else { return c }
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                c.storage.withUnsafeMutableBufferPointer { cp in
                    cblas_dgemm(CblasColMajor,
                                transposingSelf ? CblasTrans : CblasNoTrans,
                                transposingOther ? CblasTrans : CblasNoTrans,
                                m32, n32, k32, 1.0, a.baseAddress, lda, b.baseAddress, ldb,
                                0.0, cp.baseAddress, max(1, m32))
                }
            }
        }
        return c
    }

    /// Rows start..<start+count of self times `other`, written into `result` (count × other.columns,
    /// reused by the caller across blocks), by one `dgemm` that reads the row block in place
    /// (leading dimension `rows`): no copy of the block and no new result matrix.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the rows are out of range or
    ///   the shapes do not fit.
    /// - Complexity: 2·count·columns·other.columns flops.
    public func rowBlock(_ start: Int, count: Int, times other: Matrix, into result: inout Matrix) throws(LinearAlgebraError) {
        guard start >= 0, count >= 0, start <= rows - count else {
            throw .dimensionMismatch("rows \(start)..<\(start + count) are outside 0..<\(rows)")
        }
        guard other.rows == columns, result.rows == count, result.columns == other.columns else {
            throw .dimensionMismatch("cannot multiply \(count)×\(columns) rows by \(other.rows)×\(other.columns) into \(result.rows)×\(result.columns)")
        }
        let m32 = try lapackInt(count, "rows"), n32 = try lapackInt(other.columns, "columns"), k32 = try lapackInt(columns, "inner dimension")
        let lda = try lapackInt(max(1, rows), "lda"), ldb = try lapackInt(max(1, other.rows), "ldb")
        guard count > 0, other.columns > 0 else { return }
        guard columns > 0 else {
            for k in result.storage.indices { result.storage[k] = 0 }
            return
        }
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                result.storage.withUnsafeMutableBufferPointer { cp in
                    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, m32, n32, k32, 1.0,
                                a.baseAddress! + start, lda, b.baseAddress, ldb, 0.0, cp.baseAddress, max(1, m32))
                }
            }
        }
    }

    /// A·x by `dgemv`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `x.count != columns`.
    public func times(_ x: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard x.count == columns else {
            throw .dimensionMismatch("\(rows)×\(columns) matrix times a vector of \(x.count)")
        }
        return try gemv(x, transposed: false)
    }

    /// Aᵀ·x by `dgemv`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `x.count != rows`.
    public func transposeTimes(_ x: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard x.count == rows else {
            throw .dimensionMismatch("transposed \(rows)×\(columns) matrix times a vector of \(x.count)")
        }
        return try gemv(x, transposed: true)
    }

    private func gemv(_ x: [Double], transposed: Bool) throws(LinearAlgebraError) -> [Double] {
        let m = try lapackInt(rows, "rows"), n = try lapackInt(columns, "columns")
        var y = [Double](repeating: 0, count: transposed ? columns : rows)
        guard rows > 0, columns > 0 else { return y }
        storage.withUnsafeBufferPointer { a in
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { yp in
                    cblas_dgemv(CblasColMajor, transposed ? CblasTrans : CblasNoTrans, m, n, 1.0,
                                a.baseAddress, max(1, m), xp.baseAddress, 1, 0.0, yp.baseAddress, 1)
                }
            }
        }
        return y
    }
}

/// Vector kernels through CBLAS, for callers that hold raw column memory.
package enum BLAS {
    /// xᵀy by `ddot` over `count` contiguous entries.
    @inlinable
    package static func dot(_ count: Int, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>) -> Double {
        precondition(count >= 0 && count <= Int(Int32.max), "BLAS.dot: count out of range")
        return cblas_ddot(Int32(count), x, 1, y, 1)
    }

    /// y ← a·x + y by `daxpy` over `count` contiguous entries.
    @inlinable
    package static func axpy(_ count: Int, _ a: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
        precondition(count >= 0 && count <= Int(Int32.max), "BLAS.axpy: count out of range")
        cblas_daxpy(Int32(count), a, x, 1, y, 1)
    }

    /// xᵀy for two arrays of equal length.
    package static func dot(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "BLAS.dot: lengths \(x.count) and \(y.count) differ")
        return x.withUnsafeBufferPointer { xp in
            y.withUnsafeBufferPointer { yp in
                guard let a = xp.baseAddress, let b = yp.baseAddress else { return 0 }
                return dot(x.count, a, b)
            }
        }
    }

    /// The Euclidean norm ‖x‖₂ by `dnrm2` (scaled, so it neither overflows nor underflows).
    package static func norm(_ x: [Double]) -> Double {
        precondition(x.count <= Int(Int32.max), "BLAS.norm: count out of range")
        return x.withUnsafeBufferPointer { xp in
            guard let a = xp.baseAddress else { return 0 }
            return cblas_dnrm2(Int32(x.count), a, 1)
        }
    }
}
