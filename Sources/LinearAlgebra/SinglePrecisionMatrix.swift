import CLAPACK

/// A single-precision copy of a column-major matrix A, for products Aᵀv at half the memory
/// traffic of `dgemv` (one `sgemv`), with a rigorous bound on each entry's error so that callers
/// can resolve exactly the entries where the error could matter.
///
/// For every column j, |(Aᵀv)ⱼ computed − aⱼᵀv| ≤ ``errorBound(column:vectorNorm:vectorAbsSum:)``:
/// rounding A and v to `Float` costs a relative 2⁻²⁴ each, the `Float` sum of n products at most
/// γₙ = n·2⁻²⁴/(1 − n·2⁻²⁴) of Σᵢ|aᵢⱼvᵢ| ≤ ‖aⱼ‖‖v‖ in any summation order (Higham, §3.1), and
/// values below `Float`'s normal range at most 2⁻¹²⁶ each in absolute terms.
package struct SinglePrecisionMatrix: Sendable {
    /// The number of rows of the original matrix.
    package let rows: Int
    /// The number of columns of the original matrix.
    package let columns: Int
    private let storage: [Float]
    /// ‖aⱼ‖₂ of the original columns (double precision).
    package let columnNorms: [Double]
    /// (γₙ + 2⁻²²) with room: the relative part of the bound.
    package let relativeError: Double

    /// Nil for an empty matrix, dimensions beyond 32-bit BLAS, a row count for which γₙ would
    /// exceed 1% (n > 160 000), or a value beyond `Float`'s range.
    package init?(rows n: Int, columns p: Int, _ a: UnsafePointer<Double>) {
        guard n > 0, p > 0, n <= 160_000, p <= Int(Int32.max), n <= Int.max / p else { return nil }
        var copy = [Float](repeating: 0, count: n * p)
        var norms = [Double](repeating: 0, count: p)
        let limit = Double(Float.greatestFiniteMagnitude)
        let fits = copy.withUnsafeMutableBufferPointer { f -> Bool in
            for j in 0..<p {
                let column = a + j * n, out = f.baseAddress! + j * n
                var sum = 0.0, largest = 0.0
                for i in 0..<n {
                    let value = column[i]
                    out[i] = Float(value)
                    sum += value * value
                    largest = max(largest, abs(value))
                }
                guard largest < limit else { return false }
                norms[j] = sum.squareRoot()
            }
            return true
        }
        guard fits else { return nil }
        let u = 0x1p-24, count = Double(n)
        rows = n
        columns = p
        storage = copy
        columnNorms = norms
        relativeError = 1.01 * (count * u / (1 - count * u) + 4 * u)
    }

    /// y ← Aᵀv computed in single precision (v rounded to `Float`); entries that overflow
    /// `Float` come back as ±∞. `scratch` holds n + p floats.
    package func transposeTimes(
        _ v: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Float>
    ) {
        let n = rows, p = columns
        for i in 0..<n { scratch[i] = Float(v[i]) }
        let out = scratch + n
        storage.withUnsafeBufferPointer { a in
            cblas_sgemv(CblasColMajor, CblasTrans, Int32(n), Int32(p), 1, a.baseAddress!, Int32(n), scratch, 1, 0, out, 1)
        }
        for j in 0..<p { y[j] = Double(out[j]) }
    }

    /// The bound on |(Aᵀv)ⱼ computed − aⱼᵀv| given ‖v‖₂ and ‖v‖₁ (see the type's documentation).
    @inline(__always)
    package func errorBound(column j: Int, vectorNorm: Double, vectorAbsSum: Double) -> Double {
        relativeError * columnNorms[j] * vectorNorm + 0x1p-125 * (vectorAbsSum + Double(rows) * (1 + columnNorms[j]))
    }
}
