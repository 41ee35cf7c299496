import LinearAlgebra

/// The data of a gradient method with the centering done implicitly: Xc = X − 1x̄ᵀ and
/// yc = y − ȳ are never formed, so a 100 000 × 500 design is not copied.
///
/// Xc·w = X·w − (x̄ᵀw)·1 and Xcᵀ·r = Xᵀ·r − x̄·(1ᵀr). Without an intercept x̄ = 0 and ȳ = 0.
struct GradientDesign {
    let x: Matrix
    let xMean: [Double]
    let yMean: Double
    /// y − ȳ.
    let yc: [Double]
    var n: Int { x.rows }
    var p: Int { x.columns }

    /// Validates X and y (finite, shapes, centered sums of squares within range) and computes the means.
    init(_ x: Matrix, _ y: [Double], fitIntercept: Bool) throws(RegressionError) {
        try Validation.design(x, y)
        self.x = x
        if fitIntercept {
            xMean = Centering.means(x, weights: nil)
            let ym = y.reduce(0, +) / Double(y.count)
            yMean = ym
            yc = y.map { $0 - ym }
        } else {
            xMean = [Double](repeating: 0, count: x.columns)
            yMean = 0
            yc = y
        }
        // One pass: centered sums of squares finite, else every iterate would be NaN.
        var squares = [Double](repeating: 0, count: x.columns)
        x.storage.withUnsafeBufferPointer { s in
            for j in 0..<x.columns {
                let base = j * x.rows, m = xMean[j]
                var acc = 0.0
                for i in 0..<x.rows { let d = s[base + i] - m; acc += d * d }
                squares[j] = acc
            }
        }
        try Validation.secondMoments(columnSquares: squares, targetSquares: yc.reduce(0) { $0 + $1 * $1 })
    }

    /// Xc·w.
    func times(_ w: [Double]) throws(RegressionError) -> [Double] {
        var v = try la { () throws(LinearAlgebraError) in try x.times(w) }
        let shift = BLAS.dot(xMean, w)
        if shift != 0 { for i in 0..<v.count { v[i] -= shift } }
        return v
    }

    /// Xcᵀ·r.
    func transposeTimes(_ r: [Double]) throws(RegressionError) -> [Double] {
        var g = try la { () throws(LinearAlgebraError) in try x.transposeTimes(r) }
        let total = r.reduce(0, +)
        if total != 0 { for j in 0..<g.count { g[j] -= xMean[j] * total } }
        return g
    }

    /// The residual Xc·w − yc (prediction minus target).
    func residual(_ w: [Double]) throws(RegressionError) -> [Double] {
        var r = try times(w)
        for i in 0..<r.count { r[i] -= yc[i] }
        return r
    }

    /// The mean-squared gradient on the rows `batch`: (1/|B|)·Xc,Bᵀ(Xc,B·w − yc,B).
    func batchGradient(_ w: [Double], rows batch: [Int]) throws(RegressionError) -> [Double] {
        let xb = x.selectingRows(batch)
        var r = try la { () throws(LinearAlgebraError) in try xb.times(w) }
        let shift = BLAS.dot(xMean, w)
        for (k, i) in batch.enumerated() { r[k] -= shift + yc[i] }
        var g = try la { () throws(LinearAlgebraError) in try xb.transposeTimes(r) }
        let total = r.reduce(0, +)
        let scale = 1 / Double(batch.count)
        for j in 0..<g.count { g[j] = (g[j] - xMean[j] * total) * scale }
        return g
    }

    /// X stored row by row (Xᵀ column-major), so a mini-batch reads contiguous rows: gathering
    /// rows of a column-major X touches one cache line per entry and dominated SGD's time.
    func rowMajorCopy() -> Matrix { x.transposed }

    /// ``batchGradient(_:rows:)`` from a ``rowMajorCopy()``: one dot and one axpy per row.
    func batchGradient(_ w: [Double], rows batch: [Int], rowMajor xt: Matrix) -> [Double] {
        let p = self.p
        var g = [Double](repeating: 0, count: p)
        let shift = BLAS.dot(xMean, w)
        var total = 0.0
        xt.storage.withUnsafeBufferPointer { s in
            w.withUnsafeBufferPointer { wp in
                g.withUnsafeMutableBufferPointer { gp in
                    guard let base = s.baseAddress, let wb = wp.baseAddress, let gb = gp.baseAddress else { return }
                    for i in batch {
                        let row = base + i * p
                        let r = BLAS.dot(p, row, wb) - shift - yc[i]
                        total += r
                        BLAS.axpy(p, r, row, gb)
                    }
                }
            }
        }
        let scale = 1 / Double(batch.count)
        for j in 0..<p { g[j] = (g[j] - xMean[j] * total) * scale }
        return g
    }

    /// The intercept b = ȳ − x̄ᵀw.
    func intercept(_ w: [Double]) -> Double { yMean - BLAS.dot(xMean, w) }

    /// λmax(XcᵀXc / n) by power iteration (see `PowerIteration`).
    func largestScaledGramEigenvalue() throws(RegressionError) -> Double {
        try PowerIteration.largestEigenvalue(dimension: p) { v throws(RegressionError) in
            let u = try times(v)
            var g = try transposeTimes(u)
            let scale = 1 / Double(n)
            for j in 0..<g.count { g[j] *= scale }
            return g
        }
    }
}
