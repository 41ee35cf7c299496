/// Small dense linear systems (k of a few dozen at most: bordered Newton solves, Anderson
/// extrapolation), solved in place without LAPACK's call overhead.
enum SmallDenseSystem {
    /// Gaussian elimination with partial pivoting on a small dense system (row-major `a`), or
    /// nil when a pivot vanishes or the result is not finite.
    static func solve(_ aIn: [Double], _ bIn: [Double], _ k: Int) -> [Double]? {
        var a = aIn, x = bIn
        for col in 0..<k {
            var pivot = col
            for row in (col + 1)..<max(col + 1, k) where abs(a[row * k + col]) > abs(a[pivot * k + col]) { pivot = row }
            guard a[pivot * k + col] != 0 else { return nil }
            if pivot != col {
                for j in 0..<k { a.swapAt(col * k + j, pivot * k + j) }
                x.swapAt(col, pivot)
            }
            for row in (col + 1)..<max(col + 1, k) {
                let f = a[row * k + col] / a[col * k + col]
                if f == 0 { continue }
                for j in col..<k { a[row * k + j] -= f * a[col * k + j] }
                x[row] -= f * x[col]
            }
        }
        for row in stride(from: k - 1, through: 0, by: -1) {
            var sum = x[row]
            for j in (row + 1)..<max(row + 1, k) { sum -= a[row * k + j] * x[j] }
            x[row] = sum / a[row * k + row]
        }
        return x.allSatisfy { $0.isFinite } ? x : nil
    }
}
