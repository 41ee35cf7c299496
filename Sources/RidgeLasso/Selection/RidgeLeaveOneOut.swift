import LinearAlgebra

/// Exact leave-one-out errors of ridge for many α, from a ``RidgeSpectrum``.
struct RidgeLeaveOneOutScores: Sendable {
    /// Σᵢ sᵢ rᵢ² / Σᵢ sᵢ with rᵢ = eᵢ/(1 − Hᵢᵢ), per (target, α) at index t·A + a.
    var meanSquaredErrors: [Double]
    /// The standard error of that mean, treating each row as a fold of its own (glmnet's formula
    /// with n⁺ folds): √(Σ sᵢ(rᵢ² − mean)² / Σ sᵢ / (n⁺ − 1)).
    var standardErrors: [Double]
    /// Σᵢ sᵢ eᵢ², the weighted residual sum of squares of the full fit.
    var residualSumsOfSquares: [Double]
    /// Per target, the n × A matrix of LOO residuals rᵢ = yᵢ − ŷᵢ⁽⁻ⁱ⁾ (when asked for).
    var residuals: [Matrix]?
}

extension RidgeSpectrum {
    /// The leave-one-out residuals of every row, target and α, reduced to weighted means.
    ///
    /// A row whose 1 − Hᵢᵢ is not positive (only possible through rounding at extreme α) makes
    /// that α's error +∞ rather than a division by zero.
    /// `blockRows` (primal) overrides the rows per block of the pass over X; any value ≥ 1 gives
    /// the same result up to rounding (tests use small blocks to cover several of them).
    /// - Complexity: primal: one more pass over X, 2np² + 4npA(T+1) flops; dual: n⁺m·A(T+1).
    func leaveOneOut(alphas: [Double], storeResiduals: Bool, blockRows: Int? = nil) throws(RegressionError) -> RidgeLeaveOneOutScores {
        let a = alphas.count, t = targets, n = rows, k = eigenvalues.count
        var sum = [Double](repeating: 0, count: t * a)
        var sumSquares = [Double](repeating: 0, count: t * a)
        var rss = [Double](repeating: 0, count: t * a)
        var stored: [Matrix]? = storeResiduals ? Array(repeating: Matrix(rows: n, columns: a), count: t) : nil
        let s = totalWeight

        switch form {
        case .primal:
            // D[j, a] = 1/(λⱼ + α), C[j, t·A + a] = zⱼₜ/(λⱼ + α).
            var d = Matrix(rows: k, columns: a)
            var c = Matrix(rows: k, columns: t * a)
            for (ai, alpha) in alphas.enumerated() {
                for j in 0..<k { d[j, ai] = 1 / (eigenvalues[j] + alpha) }
                for tt in 0..<t {
                    for j in 0..<k { c[j, tt * a + ai] = projections[j, tt] * d[j, ai] }
                }
            }
            let block = max(1, blockRows ?? RidgeSpectrum.blockRows(features: features))
            // R = (X − 1x̄ᵀ)V block by block, into buffers reused across blocks: from X's own rows
            // less 1(Vᵀx̄)ᵀ when the offsets are modest, else from a centered copy of the block.
            let shift = centerAfterProduct
                ? try la { () throws(LinearAlgebraError) in try basis.transposeTimes(centering.xMean) } : []
            var r = Matrix(rows: min(n, block), columns: k), r2 = r
            var start = 0
            while start < n {
                let end = min(n, start + block), b = end - start
                if r.rows != b { r = Matrix(rows: b, columns: k); r2 = r }
                if centerAfterProduct {
                    try la { () throws(LinearAlgebraError) in try x.rowBlock(start, count: b, times: basis, into: &r) }
                    r.storage.withUnsafeMutableBufferPointer { rp in
                        for q in 0..<k {
                            let v = shift[q]
                            for i in 0..<b { rp[q * b + i] -= v }
                        }
                    }
                } else {
                    let xb = RidgeSpectrum.centeredBlock(x, centering.xMean, start, end, weights: nil, scaled: false)
                    r = try la { () throws(LinearAlgebraError) in try xb.multiplied(by: basis) }
                }
                r.storage.withUnsafeBufferPointer { rp in
                    r2.storage.withUnsafeMutableBufferPointer { sp in
                        for q in 0..<(b * k) { sp[q] = rp[q] * rp[q] }
                    }
                }
                let lev = try la { () throws(LinearAlgebraError) in try r2.multiplied(by: d) }
                let fit = try la { () throws(LinearAlgebraError) in try r.multiplied(by: c) }
                for i in 0..<b {
                    let row = start + i, si = weight(row)
                    let h0 = fitIntercept ? si / s : 0
                    for ai in 0..<a {
                        let oneMinusH = 1 - (h0 + si * lev[i, ai])
                        for tt in 0..<t {
                            let e = (y[row, tt] - centering.yMean[tt]) - fit[i, tt * a + ai]
                            let loo = oneMinusH > 0 ? e / oneMinusH : Double.infinity
                            let idx = tt * a + ai
                            if si > 0 {
                                let sq = loo * loo
                                sum[idx] += si * sq
                                sumSquares[idx] += si * sq * sq
                                rss[idx] += si * e * e
                            }
                            if storeResiduals { stored![tt][row, ai] = loo }
                        }
                    }
                }
                start = end
            }
        case .dual:
            // Dα[j, a] = α/(λⱼ + α); Ẽ = Ū C with C[j, t·A + a] = gⱼₜ α/(λⱼ + α).
            var d = Matrix(rows: k, columns: a)
            var c = Matrix(rows: k, columns: t * a)
            for (ai, alpha) in alphas.enumerated() {
                for j in 0..<k { d[j, ai] = alpha / (eigenvalues[j] + alpha) }
                for tt in 0..<t {
                    for j in 0..<k { c[j, tt * a + ai] = projections[j, tt] * d[j, ai] }
                }
            }
            var u2 = fullBasis
            for q in 0..<u2.storage.count { u2.storage[q] *= u2.storage[q] }
            let oneMinusH = try la { () throws(LinearAlgebraError) in try u2.multiplied(by: d) }
            let scaledResiduals = try la { () throws(LinearAlgebraError) in try fullBasis.multiplied(by: c) }
            for (r, row) in positiveRows.enumerated() {
                let si = weight(row), root = si.squareRoot()
                for ai in 0..<a {
                    let omh = oneMinusH[r, ai]
                    for tt in 0..<t {
                        let idx = tt * a + ai
                        let et = scaledResiduals[r, idx]          // √sᵢ eᵢ
                        let loo = omh > 0 ? et / (root * omh) : Double.infinity
                        let sq = loo * loo
                        sum[idx] += si * sq
                        sumSquares[idx] += si * sq * sq
                        rss[idx] += et * et
                        if storeResiduals { stored![tt][row, ai] = loo }
                    }
                }
            }
            if storeResiduals, positiveRows.count < n {
                // Zero-weight rows: their LOO residual is the ordinary residual of the full fit.
                let (w, b) = try coefficients(alphas: alphas)
                let isPositive = Set(positiveRows)
                for row in 0..<n where !isPositive.contains(row) {
                    for tt in 0..<t {
                        for ai in 0..<a {
                            let col = tt * a + ai
                            var pred = b[col]
                            for j in 0..<features { pred += x[row, j] * w[j, col] }
                            stored![tt][row, ai] = y[row, tt] - pred
                        }
                    }
                }
            }
        }

        let folds = Double(positiveRows.count)
        var mean = [Double](repeating: 0, count: t * a)
        var se = [Double](repeating: 0, count: t * a)
        for idx in 0..<(t * a) {
            let m = sum[idx] / s
            mean[idx] = m
            let variance = max(0, sumSquares[idx] / s - m * m)
            se[idx] = m.isFinite && folds > 1 ? (variance / (folds - 1)).squareRoot() : .infinity
        }
        return RidgeLeaveOneOutScores(meanSquaredErrors: mean, standardErrors: se,
                                      residualSumsOfSquares: rss, residuals: stored)
    }

    /// Generalized cross-validation, per (target, α) at index t·A + a:
    ///
    ///     GCV(α) = (Σᵢ sᵢeᵢ² / Σᵢ sᵢ) / (1 − tr H(α)/n⁺)²
    ///
    /// (Golub, Heath & Wahba, Technometrics 21, 1979), tr H = [1] + Σₖ λₖ/(λₖ + α), n⁺ the rows of
    /// positive weight: the LOO error with every Hᵢᵢ replaced by their mean. `rss` gives Σ sᵢeᵢ²
    /// when already known (from ``leaveOneOut(alphas:storeResiduals:)``); otherwise it comes from
    /// the spectrum. +∞ when tr H ≥ n⁺.
    func generalizedCrossValidation(alphas: [Double], rss known: [Double]? = nil) -> [Double] {
        let rss = known ?? residualSumsOfSquares(alphas: alphas)
        let a = alphas.count, n = Double(positiveRows.count)
        var out = [Double](repeating: 0, count: targets * a)
        for (ai, alpha) in alphas.enumerated() {
            let shrink = 1 - degreesOfFreedom(alpha: alpha) / n
            for tt in 0..<targets {
                let idx = tt * a + ai
                out[idx] = shrink > 0 ? (rss[idx] / totalWeight) / (shrink * shrink) : .infinity
            }
        }
        return out
    }
}
