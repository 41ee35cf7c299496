import LinearAlgebra

// The checks of the one-α loop: correlations of all features from scratch, the KKT test of the
// features outside the working set, and the duality gaps that decide convergence.
extension CoordinateDescentSolver {
    /// Recomputes ρ = c X̃ᵀr for all features from scratch, and c‖r‖²; resets the maintained
    /// residual (naive) or gradient (covariance) to these exact values: from a fresh residual and
    /// one `dgemv` (naive, and covariance with the single-precision cache), or as
    /// g = c X̃ᵀỹ − G w from the cache (covariance).
    ///
    /// With a `penalty` and ``SolverOptions/singlePrecisionChecks`` (naive scheme), the products
    /// xⱼᵀr come from the single-precision copy of X, and every feature for which they could
    /// matter is recomputed in double: the nonzero ones, those without an l1 weight, those whose
    /// shift is not modest, and those with |ρ̃ⱼ| + boundⱼ ≥ λ₁aⱼ. The others are certain to satisfy
    /// |ρⱼ| < λ₁aⱼ and keep ρ̃ⱼ: they cannot violate the KKT condition, add nothing to the duality
    /// gap (wⱼ = 0 and |κρⱼ| ≤ λ₁aⱼ) nor set its scaling κ, so the checks, the gap and the answer
    /// are those of the exact correlations; only the next strong rule sees ρ̃ⱼ. Not used when a
    /// feature is unpenalized (its projection touches every ρⱼ).
    func refreshCorrelations(penalty: ElasticNetPenalty? = nil) throws(RegressionError) {
        let c = design.c
        if scheme == .naive || cacheIsApproximate {
            // r = ỹ − Σⱼ wⱼ (xⱼ − mⱼ) over the nonzero coefficients.
            let rows = rowDesign
            rows.y.withUnsafeBufferPointer { y in r.update(from: y.baseAddress!, count: n) }
            let nonzero = (0..<p).filter { w[$0] != 0 }
            addShiftedColumns(nonzero, nonzero.map { -w[$0] }, into: r)
            var q = 0.0, absSum = 0.0
            for i in 0..<n { q += r[i] * r[i]; absSum += abs(r[i]) }
            let sumR = rows.hasShift ? rows.shiftSum(r) : 0
            residualNormSquared = c * q
            if let penalty, let shadow = checkShadow(penalty) {
                shadowScratch.withUnsafeMutableBufferPointer { f in shadow.transposeTimes(r, into: rho, scratch: f.baseAddress!) }
                let rNorm = q.squareRoot()
                var exact = 0
                for j in 0..<p {
                    let threshold = penalty.l1 * penalty.l1Weights[j]
                    let approximate = c * (rho[j] - rows.shift[j] * sumR)
                    let bound = c * shadow.errorBound(column: j, vectorNorm: rNorm, vectorAbsSum: absSum)
                    if w[j] != 0 || !rows.modestShift[j] || !(abs(approximate) + bound < threshold) {
                        rho[j] = c * rows.shiftedDot(j, r, rowSum: sumR)
                        exact += 1
                    } else {
                        rho[j] = approximate
                    }
                }
                exactCorrelationsAtLastCheck = exact
            } else {
                rows.correlations(r, rowSum: sumR, into: rho)
            }
        } else {
            let nonzero = (0..<p).filter { w[$0] != 0 }
            try ensureCached(nonzero)
            // g = c X̃ᵀỹ − Σ over cached slots of wⱼ G[:, slot].
            design.correlations0.withUnsafeBufferPointer { b in rho.update(from: b.baseAddress!, count: p) }
            let k = cachedFeatures.count
            if k > 0 {
                for (slot, j) in cachedFeatures.enumerated() { scratch[slot] = w[j] }
                BLAS.times(rows: p, columns: k, alpha: -1, cache, scratch, beta: 1, into: rho)
            }
            g.update(from: rho, count: p)
            // c‖r‖² = c‖ỹ‖² − wᵀ(cX̃ᵀỹ) − wᵀg.
            var wb = 0.0, wg = 0.0
            for j in 0..<p where w[j] != 0 {
                wb += w[j] * design.correlations0[j]
                wg += w[j] * rho[j]
            }
            residualNormSquared = max(design.yy - wb - wg, 0)
        }
        for j in 0..<p where curvature[j] == 0 { rho[j] = 0 }
        // The single-precision cache's model restarts from the exact gradient.
        if scheme == .covariance && cacheIsApproximate { g.update(from: rho, count: p) }
    }

    /// The single-precision copy of X when this check may use it: naive scheme, the option set,
    /// an l1 part (without one every correlation would be recomputed), and no unpenalized
    /// feature (made once, on first use).
    func checkShadow(_ penalty: ElasticNetPenalty) -> SinglePrecisionMatrix? {
        guard options.singlePrecisionChecks, scheme == .naive, penalty.l1 > 0 else { return nil }
        for j in 0..<p where curvature[j] > 0 && penalty.isUnpenalized(j) { return nil }
        if !shadowTried {
            shadowTried = true
            shadow = rowDesign.singlePrecisionCopy()
            if shadow != nil { shadowScratch = [Float](repeating: 0, count: n + p) }
        }
        return shadow
    }

    /// v ← v + Σₖ aₖ x̃ⱼ (j = features[k], x̃ⱼ = xⱼ − mⱼ) over the nonzero aₖ: a `daxpy` per raw
    /// column, the shifts of ``CoordinateDescentDesign/modestShift`` features added as one constant
    /// at the end (it costs at most a few bits there), the others shifted column by column.
    func addShiftedColumns(_ features: [Int], _ a: [Double], into v: UnsafeMutablePointer<Double>) {
        var constant = 0.0
        let rows = rowDesign
        for (k, j) in features.enumerated() where a[k] != 0 {
            constant += rows.addColumn(j, times: a[k], into: v)
        }
        if constant != 0 { rows.addShift(constant, to: v) }
    }

    /// The unpenalized features at this penalty (nonzero curvature only).
    /// (``ElasticNetPenalty/isUnpenalized(_:)`` written out over the weights: every check scans all p.)
    func unpenalizedFeatures(_ penalty: ElasticNetPenalty) -> [Int] {
        var features: [Int] = []
        let lam1 = penalty.l1, lam2 = penalty.l2
        curvature.withUnsafeBufferPointer { d in
            penalty.l1Weights.withUnsafeBufferPointer { a in
                penalty.l2Weights.withUnsafeBufferPointer { b in
                    for j in 0..<p where d[j] > 0 && lam1 * a[j] == 0 && lam2 * b[j] == 0 { features.append(j) }
                }
            }
        }
        return features
    }

    func currentGap(_ penalty: ElasticNetPenalty) throws(RegressionError) -> Double {
        let u = unpenalizedFeatures(penalty)
        if u != projectionKey {
            projection = u.isEmpty ? nil : try UnpenalizedProjection(features: u, design: design)
            projectionKey = u
            if !u.isEmpty && projection == nil { return .infinity }
        } else if !u.isEmpty && projection == nil {
            return .infinity
        }
        return curvature.withUnsafeBufferPointer { d in
            DualityGap.compute(coefficients: w, correlations: rho, count: p,
                               residualNormSquared: residualNormSquared, curvature: d.baseAddress!,
                               penalty: penalty, projection: projection, scratch: scratch)
        }
    }

    /// The duality gap of the problem restricted to the working set (naive scheme), from a fresh
    /// residual and the correlations of the working-set features only; nil when some feature is
    /// unpenalized (the full check handles the projection).
    func workingSetGap(_ penalty: ElasticNetPenalty) -> Double? {
        let m = setList.count
        for j in setList where penalty.isUnpenalized(j) { return nil }
        let c = design.c, rows = rowDesign
        rows.y.withUnsafeBufferPointer { y in r.update(from: y.baseAddress!, count: n) }
        var wS = [Double](repeating: 0, count: m), rhoS = wS, dS = wS
        var a = wS, b = wS
        let nonzero = setList.filter { w[$0] != 0 }
        addShiftedColumns(nonzero, nonzero.map { -w[$0] }, into: r)
        var q = 0.0
        for i in 0..<n { q += r[i] * r[i] }
        let sumR = rows.hasShift ? rows.shiftSum(r) : 0
        residualNormSquared = c * q
        for (k, j) in setList.enumerated() {
            wS[k] = w[j]
            dS[k] = curvature[j]
            rhoS[k] = c * rows.shiftedDot(j, r, rowSum: sumR)
            a[k] = penalty.l1Weights[j]
            b[k] = penalty.l2Weights[j]
        }
        var restricted = penalty
        restricted.l1Weights = a
        restricted.l2Weights = b
        var scratchS = [Double](repeating: 0, count: m)
        return wS.withUnsafeBufferPointer { wp in
            rhoS.withUnsafeBufferPointer { rp in
                dS.withUnsafeBufferPointer { dp in
                    scratchS.withUnsafeMutableBufferPointer { sp in
                        DualityGap.compute(coefficients: wp.baseAddress!, correlations: rp.baseAddress!, count: m,
                                           residualNormSquared: residualNormSquared, curvature: dp.baseAddress!,
                                           penalty: restricted, projection: nil, scratch: sp.baseAddress!)
                    }
                }
            }
        }
    }

    /// The outcome at w = 0 when the caller has established that 0 is the solution (α ≥ α_max):
    /// sets w = 0, refreshes the correlations and reports the duality gap there. The KKT check of
    /// every feature at 0 does the work of one sweep that moves nothing, and counts as one iteration.
    func zeroOutcome(penalty: ElasticNetPenalty, stopping: StoppingRule) throws(RegressionError) -> CoordinateDescentOutcome {
        for j in 0..<p { w[j] = 0 }
        try refreshCorrelations()
        let gap = try currentGap(penalty)
        let target = stopping.tolerance * max(0.5 * residualNormSquared, 1e-4 * 0.5 * design.yy)
        return CoordinateDescentOutcome(iterations: 1, dualityGap: gap, converged: gap <= target)
    }

    /// Whether feature j with wⱼ = 0 violates its KKT condition at the current ρ.
    @inline(__always)
    func violates(_ j: Int, _ penalty: ElasticNetPenalty) -> Bool {
        let lam = penalty.l1 * penalty.l1Weights[j]
        return penalty.positive ? rho[j] > lam : abs(rho[j]) > lam
    }
}
