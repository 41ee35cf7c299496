import LinearAlgebra
import RidgeLasso
import _TestSupport


/// A rows × columns matrix of uniform entries in [-1, 1).
func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
    var g = SplitMix64(seed: seed)
    return g.uniformMatrix(rows, columns)
}

/// The textbook triple loop, as an independent reference for BLAS products.
func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
    var c = Matrix(rows: a.rows, columns: b.columns)
    for i in 0..<a.rows {
        for j in 0..<b.columns {
            var s = 0.0
            for k in 0..<a.columns { s += a[i, k] * b[k, j] }
            c[i, j] = s
        }
    }
    return c
}

/// max |aᵢⱼ − bᵢⱼ|.
func maxAbsDifference(_ a: Matrix, _ b: Matrix) -> Double {
    zip(a.storage, b.storage).map { abs($0 - $1) }.max() ?? 0
}
