import LinearAlgebra

/// One eigendecomposition that gives ridge fits, leave-one-out residuals and generalized
/// cross-validation for every α at once.
///
/// Sample weights s are applied the way weighted least squares defines them: rows are scaled by
/// √sᵢ before anything is decomposed, X̃ = S^½(X − 1x̄ᵀ), ỹ = S^½(y − ȳ) with weighted means x̄, ȳ.
/// With an intercept the hat matrix of the transformed problem is H = P₀ + X̃(X̃ᵀX̃ + αI)⁻¹X̃ᵀ,
/// where P₀ = √s√sᵀ/Σs is the unpenalized intercept direction ("centering inside the hat
/// matrix"); its diagonal is the weighted leverage Hᵢᵢ = sᵢ zᵢᵀ(ZᵀSZ + diag(0, αI))⁻¹zᵢ with
/// zᵢ = (1, xᵢ). The leave-one-out residual of row i is then eᵢ/(1 − Hᵢᵢ) exactly (the
/// Sherman–Morrison identity holds for weighted least squares), eᵢ = yᵢ − ŷᵢ on the original scale.
///
/// Two forms, whichever is smaller:
/// - primal (p ≤ m): X̃ᵀX̃ = VΛVᵀ (p × p). With R = (X − 1x̄ᵀ)V (built block by block, never stored
///   whole) Hᵢᵢ = sᵢ/Σs + sᵢ Σₖ Rᵢₖ²/(λₖ + α) and ŷᵢ − ȳ = Σₖ Rᵢₖ zₖ/(λₖ + α), z = VᵀX̃ᵀỹ.
/// - dual (p > m): the intercept direction √s is first removed exactly by a Householder reflection Q
///   (Q√s ∝ e₁; the first row of QX̃ is zero), leaving X̂ with m = n⁺ − 1 rows (n⁺ = rows of positive
///   weight); X̂X̂ᵀ = UΛUᵀ. With Ū = Qᵀ[0; U], I − H = Ū diag(α/(λ+α)) Ūᵀ, so both 1 − Hᵢᵢ and the
///   residuals are sums of positive terms, with no cancellation even when H → I.
///
/// Rows of zero weight do not change the fit: their leverage is 0 and their LOO residual is their
/// ordinary residual.
struct RidgeSpectrum: Sendable {
    enum Form: Sendable { case primal, dual }

    let form: Form
    let fitIntercept: Bool
    let x: Matrix
    let y: Matrix
    let weights: [Double]?
    let totalWeight: Double
    /// Rows with positive weight, in order.
    let positiveRows: [Int]
    let centering: Centering
    /// Eigenvalues λ ≥ 0 (negative rounding noise clamped to 0), ascending.
    let eigenvalues: [Double]
    /// V (p × p, primal) or U (m × m, dual).
    let basis: Matrix
    /// z = VᵀX̃ᵀỹ (p × T, primal) or g = UᵀŶ (m × T, dual).
    let projections: Matrix
    /// Dual only: X̂ (m × p), the weighted, centered, deflated design.
    let deflated: Matrix
    /// Dual only: Ū (n⁺ × m), the eigenvectors mapped back to the rows of positive weight.
    let fullBasis: Matrix
    /// Primal, no weights, modest offsets (``CenteredCrossProducts/Method/rawProducts``): the
    /// leave-one-out pass may form (X − 1x̄ᵀ)V as XV − 1(Vᵀx̄)ᵀ from X's own rows, no centered copy.
    let centerAfterProduct: Bool
    /// The primal form's Gram and cross products X̃ᵀX̃, X̃ᵀỹ (nil for the dual form), kept so a
    /// refit by Cholesky at the chosen α does not form them again (``RidgeCV``).
    let crossProducts: CenteredCrossProducts?

    var rows: Int { x.rows }
    var features: Int { x.columns }
    var targets: Int { y.columns }
    func weight(_ i: Int) -> Double { weights?[i] ?? 1 }

    /// Decomposes the (already validated) data.
    /// `keepingCrossProducts`: hold the primal form's Gram and cross products in ``crossProducts``
    /// (for a refit; otherwise they are freed once decomposed).
    init(x: Matrix, y: Matrix, weights: [Double]?, fitIntercept: Bool, keepingCrossProducts: Bool = false) throws(RegressionError) {
        self.x = x
        self.y = y
        self.weights = weights
        self.fitIntercept = fitIntercept
        let n = x.rows, p = x.columns, t = y.columns
        let positive = (0..<n).filter { (weights?[$0] ?? 1) > 0 }
        self.positiveRows = positive
        self.totalWeight = weights?.reduce(0, +) ?? Double(n)
        let m = positive.count - (fitIntercept ? 1 : 0)
        guard m >= 1 else {
            throw .emptyData("ridge selection needs at least \(fitIntercept ? 2 : 1) rows with positive weight")
        }

        if p <= m {
            // Primal: G = X̃ᵀX̃ and q = X̃ᵀỹ in one pass over X (``CenteredCrossProducts``: one
            // dsyrk on X centered afterwards when that is safe, else blocks of centered rows).
            self.form = .primal
            let products = try la { () throws(LinearAlgebraError) in
                try CenteredCrossProducts(x: x, y: y, weights: weights, center: fitIntercept)
            }
            let gram = products.gram, q = products.cross
            // Its pass already gave the (weighted) means: no second pass over X for them.
            self.centering = Centering(xMean: products.xMean, yMean: products.yMean)
            self.centerAfterProduct = weights == nil && products.method == .rawProducts
            self.crossProducts = keepingCrossProducts ? products : nil
            let e = try la { () throws(LinearAlgebraError) in try SymmetricEigendecomposition(gram) }
            self.eigenvalues = e.eigenvalues.map { max(0, $0) }
            self.basis = e.eigenvectors
            self.projections = try la { () throws(LinearAlgebraError) in
                try e.eigenvectors.multiplied(by: q, transposingSelf: true)
            }
            self.deflated = Matrix(rows: 0, columns: 0)
            self.fullBasis = Matrix(rows: 0, columns: 0)
        } else {
            // Dual: work on the n⁺ rows of positive weight.
            self.form = .dual
            let c = Centering(x: x, y: y, weights: weights, fitIntercept: fitIntercept)
            self.centering = c
            self.centerAfterProduct = false
            self.crossProducts = nil
            let np = positive.count
            var xt = Matrix(rows: np, columns: p)
            var yt = Matrix(rows: np, columns: t)
            var sq = [Double](repeating: 1, count: np)
            for (r, i) in positive.enumerated() { sq[r] = (weights?[i] ?? 1).squareRoot() }
            for j in 0..<p {
                let mu = c.xMean[j]
                for (r, i) in positive.enumerated() { xt[r, j] = sq[r] * (x[i, j] - mu) }
            }
            for j in 0..<t {
                let mu = c.yMean[j]
                for (r, i) in positive.enumerated() { yt[r, j] = sq[r] * (y[i, j] - mu) }
            }
            var v: [Double] = []
            if fitIntercept {
                // Householder reflection Q = I − βvvᵀ with Q(√s/‖√s‖) = −e₁.
                let norm = BLAS.norm(sq)
                v = sq.map { $0 / norm }
                v[0] += 1
                xt = RidgeSpectrum.reflect(xt, v, droppingFirstRow: true)
                yt = RidgeSpectrum.reflect(yt, v, droppingFirstRow: true)
            }
            let k = try la { () throws(LinearAlgebraError) in try xt.outerGram() }
            let e = try la { () throws(LinearAlgebraError) in try SymmetricEigendecomposition(k) }
            self.eigenvalues = e.eigenvalues.map { max(0, $0) }
            self.basis = e.eigenvectors
            self.projections = try la { () throws(LinearAlgebraError) in
                try e.eigenvectors.multiplied(by: yt, transposingSelf: true)
            }
            self.deflated = xt
            if fitIntercept {
                var z = Matrix(rows: np, columns: m)
                for j in 0..<m {
                    for r in 0..<m { z[r + 1, j] = e.eigenvectors[r, j] }
                }
                self.fullBasis = RidgeSpectrum.reflect(z, v, droppingFirstRow: false)
            } else {
                self.fullBasis = e.eigenvectors
            }
        }
    }

    // MARK: Fits

    /// Ridge coefficients and intercepts for every (target, α): column t·A + a of the returned
    /// p × (T·A) matrix holds w for target t at `alphas[a]`; `intercepts` is in the same order.
    func coefficients(alphas: [Double]) throws(RegressionError) -> (w: Matrix, intercepts: [Double]) {
        let a = alphas.count, t = targets, k = eigenvalues.count
        var scaled = Matrix(rows: k, columns: t * a)
        for tt in 0..<t {
            for (ai, alpha) in alphas.enumerated() {
                let col = tt * a + ai
                for j in 0..<k { scaled[j, col] = projections[j, tt] / (eigenvalues[j] + alpha) }
            }
        }
        let w: Matrix
        switch form {
        case .primal:
            w = try la { () throws(LinearAlgebraError) in try basis.multiplied(by: scaled) }
        case .dual:
            let inner = try la { () throws(LinearAlgebraError) in try basis.multiplied(by: scaled) }
            w = try la { () throws(LinearAlgebraError) in try deflated.multiplied(by: inner, transposingSelf: true) }
        }
        var intercepts = [Double](repeating: 0, count: t * a)
        if fitIntercept {
            for tt in 0..<t {
                for ai in 0..<a {
                    let col = tt * a + ai
                    var dot = 0.0
                    for j in 0..<features { dot += centering.xMean[j] * w[j, col] }
                    intercepts[col] = centering.yMean[tt] - dot
                }
            }
        }
        return (w, intercepts)
    }

    /// Effective degrees of freedom tr(H) = [1 if intercept] + Σₖ λₖ/(λₖ + α).
    func degreesOfFreedom(alpha: Double) -> Double {
        var df = fitIntercept ? 1.0 : 0.0
        for l in eigenvalues { df += l / (l + alpha) }
        return df
    }

    /// The weighted residual sum of squares Σ sᵢeᵢ² of every (target, α) from the spectrum alone
    /// (index t·A + a). Dual: Σₖ gₖ²α²/(λₖ+α)², a sum of positive terms. Primal:
    /// ‖ỹ‖² − Σₖ zₖ²(λₖ + 2α)/(λₖ + α)², clamped at 0.
    func residualSumsOfSquares(alphas: [Double]) -> [Double] {
        let a = alphas.count
        var out = [Double](repeating: 0, count: targets * a)
        for tt in 0..<targets {
            var total = 0.0
            if form == .primal {
                for i in 0..<rows {
                    let d = y[i, tt] - centering.yMean[tt]
                    total += weight(i) * d * d
                }
            }
            for (ai, alpha) in alphas.enumerated() {
                out[tt * a + ai] = Self.residualSumOfSquares(projections, target: tt, eigenvalues: eigenvalues,
                                                             alpha: alpha, primal: form == .primal, total: total)
            }
        }
        return out
    }

    // MARK: Helpers

    /// Σ sᵢeᵢ² of one target at α from a spectrum: primal ‖ỹ‖² − Σₖ zₖ²(λₖ + 2α)/(λₖ + α)²
    /// (`total` = ‖ỹ‖², clamped at 0), dual Σₖ gₖ²α²/(λₖ + α)² (`total` unused).
    static func residualSumOfSquares(
        _ projections: Matrix, target t: Int, eigenvalues: [Double], alpha: Double, primal: Bool, total: Double
    ) -> Double {
        var acc = 0.0
        for j in 0..<eigenvalues.count {
            let z = projections[j, t], l = eigenvalues[j]
            if primal {
                acc += z * z * (l + 2 * alpha) / ((l + alpha) * (l + alpha))
            } else {
                let f = alpha / (l + alpha)
                acc += z * z * f * f
            }
        }
        return primal ? max(0, total - acc) : acc
    }

    /// Rows per block in the primal passes: about 8 MB of doubles per block.
    static func blockRows(features p: Int) -> Int {
        max(64, (1 << 20) / max(1, p))
    }

    /// Rows start..<end of `m` with `means` subtracted, each row scaled by √sᵢ when `scaled`.
    static func centeredBlock(
        _ m: Matrix, _ means: [Double], _ start: Int, _ end: Int, weights: [Double]?, scaled: Bool
    ) -> Matrix {
        let b = end - start, n = m.rows
        var out = Matrix(rows: b, columns: m.columns)
        m.storage.withUnsafeBufferPointer { src in
            out.storage.withUnsafeMutableBufferPointer { dst in
                for j in 0..<m.columns {
                    let mu = means[j]
                    let s = j * n + start, d = j * b
                    for i in 0..<b { dst[d + i] = src[s + i] - mu }
                    if scaled, let w = weights {
                        for i in 0..<b { dst[d + i] *= w[start + i].squareRoot() }
                    }
                }
            }
        }
        return out
    }

    /// Applies Q = I − βvvᵀ (β = 2/vᵀv) to the columns of `m`, optionally dropping the first row.
    static func reflect(_ m: Matrix, _ v: [Double], droppingFirstRow: Bool) -> Matrix {
        let n = m.rows
        let beta = 2 / BLAS.dot(v, v)
        var out = m
        for j in 0..<m.columns {
            var dot = 0.0
            for i in 0..<n { dot += v[i] * m[i, j] }
            let f = beta * dot
            for i in 0..<n { out[i, j] -= f * v[i] }
        }
        guard droppingFirstRow else { return out }
        return out.selectingRows(Array(1..<n))
    }
}
