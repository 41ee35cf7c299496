import CLAPACK

/// Matrix–vector kernels on raw column-major memory, for solvers that keep their state in
/// preallocated buffers (coordinate descent). Dimensions come from already validated matrices;
/// they are still checked here (32-bit range, leading dimension), so XERBLA is never reached.
extension BLAS {
    /// y ← Aᵀx for a column-major `rows × columns` matrix A (`dgemv`, transposed). Returns at once
    /// for an empty matrix (after zeroing y).
    package static func transposeTimes(
        rows: Int, columns: Int, _ a: UnsafePointer<Double>, _ x: UnsafePointer<Double>,
        into y: UnsafeMutablePointer<Double>
    ) {
        precondition(rows >= 0 && columns >= 0 && rows <= Int(Int32.max) && columns <= Int(Int32.max),
                     "BLAS.transposeTimes: dimensions out of range")
        guard rows > 0, columns > 0 else {
            for j in 0..<columns { y[j] = 0 }
            return
        }
        cblas_dgemv(CblasColMajor, CblasTrans, Int32(rows), Int32(columns), 1.0, a, Int32(rows),
                    x, 1, 0.0, y, 1)
    }

    /// y ← β y + α A x for a column-major `rows × columns` matrix A (`dgemv`, not transposed).
    package static func times(
        rows: Int, columns: Int, alpha: Double, _ a: UnsafePointer<Double>, _ x: UnsafePointer<Double>,
        beta: Double, into y: UnsafeMutablePointer<Double>
    ) {
        precondition(rows >= 0 && columns >= 0 && rows <= Int(Int32.max) && columns <= Int(Int32.max),
                     "BLAS.times: dimensions out of range")
        guard rows > 0 else { return }
        guard columns > 0 else {
            for i in 0..<rows { y[i] *= beta }
            return
        }
        cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(rows), Int32(columns), alpha, a, Int32(rows),
                    x, 1, beta, y, 1)
    }

    /// C ← AᵀB for column-major A (`rows × aColumns`) and B (`rows × bColumns`), C `aColumns ×
    /// bColumns` with leading dimension `aColumns` (`dgemm`, A transposed). A and B may be
    /// parts of one buffer. Returns at once (after zeroing C) when `rows` is 0.
    package static func transposeProduct(
        rows: Int, aColumns: Int, bColumns: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
        into c: UnsafeMutablePointer<Double>
    ) {
        precondition(rows >= 0 && aColumns >= 0 && bColumns >= 0 && rows <= Int(Int32.max)
                     && aColumns <= Int(Int32.max) && bColumns <= Int(Int32.max),
                     "BLAS.transposeProduct: dimensions out of range")
        guard aColumns > 0, bColumns > 0 else { return }
        guard rows > 0 else {
            for k in 0..<(aColumns * bColumns) { c[k] = 0 }
            return
        }
        cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, Int32(aColumns), Int32(bColumns), Int32(rows),
                    1.0, a, Int32(rows), b, Int32(rows), 0.0, c, Int32(aColumns))
    }
}
