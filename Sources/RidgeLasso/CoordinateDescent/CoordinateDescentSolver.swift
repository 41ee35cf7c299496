import LinearAlgebra

/// What one solve at one α reports.
struct CoordinateDescentOutcome {
    var iterations: Int
    var dualityGap: Double
    var converged: Bool
}

/// Switches of the solver's speed machinery (each can be turned off so tests compare with and without).
struct SolverOptions {
    var scheme: UpdateScheme
    var screening: Bool
    var activeSetCycling: Bool
    /// Stop when the duality gap ≤ tolerance · c‖ỹ‖².
    var tolerance: Double
    var maximumIterations: Int
}

/// Cyclic coordinate descent for
///
///     minimize (c/2)‖ỹ − X̃w‖² + Σⱼ λ₁aⱼ|wⱼ| + (λ₂bⱼ/2)wⱼ²   (wⱼ ≥ 0 if positive)
///
/// on a ``PreparedDesign``, warm-started from its current coefficients (so a path is a sequence of
/// ``solve(penalty:previousL1:)`` calls). Each coordinate update is the exact minimizer
/// wⱼ ← S(dⱼwⱼ + ρⱼ, λ₁aⱼ)/(dⱼ + λ₂bⱼ), ρⱼ = c x̃ⱼᵀr (Friedman, Hastie & Tibshirani 2010).
///
/// One solve:
/// 1. **Working set** S: with screening, the sequential strong rule (Tibshirani et al. 2012) keeps
///    j when |ρⱼ| ≥ aⱼ(2λ₁ − λ₁′) at the previous solution (λ₁′ the previous l1 strength), plus
///    every nonzero and every feature without an l1 weight; without screening S is every feature.
/// 2. **Sweeps** over S; with active-set cycling, after a sweep over S the solver sweeps only the
///    nonzero coefficients until their largest change maxⱼ dⱼΔwⱼ² falls below the inner
///    threshold, then sweeps S again to confirm (glmnet's scheme).
/// 3. **Check** when a sweep over S changes nothing beyond the inner threshold: the correlations ρ
///    of *all* features are recomputed from scratch (a fresh residual and one `dgemv`, or a fresh
///    g = c X̃ᵀỹ − G w from the Gram cache); features outside S violating the KKT condition
///    |ρⱼ| ≤ λ₁aⱼ join S and sweeping resumes — screening never changes the answer. Otherwise the
///    duality gap (``DualityGap``) decides: ≤ tolerance · c‖ỹ‖² ends the solve (converged); else
///    the inner threshold shrinks tenfold and sweeping resumes.
/// Every sweep (over S or over the active set) counts as one iteration; reaching
/// `maximumIterations` ends the solve with `converged = false` and the gap at that point.
///
/// No allocation happens per coordinate update: state lives in buffers allocated once, and the
/// inner loops run over contiguous column-major memory.
final class CoordinateDescentSolver {
    let design: PreparedDesign
    let options: SolverOptions
    let scheme: UpdateScheme
    let n: Int
    let p: Int

    /// Coefficients (original scale).
    let w: UnsafeMutablePointer<Double>
    /// Residual r = ỹ − X̃w (naive scheme only).
    let r: UnsafeMutablePointer<Double>
    /// Gradient g = c X̃ᵀr, maintained by the covariance scheme.
    let g: UnsafeMutablePointer<Double>
    /// Correlations ρ = c X̃ᵀr of all features at the last check (used by the strong rule).
    let rho: UnsafeMutablePointer<Double>
    let scratch: UnsafeMutablePointer<Double>
    let curvature: [Double]

    // Gram cache (covariance scheme): column `slot` holds c X̃ᵀx̃ⱼ for j = cachedFeature[slot].
    var slotOf: [Int]
    var cachedFeatures: [Int] = []
    var cache: UnsafeMutablePointer<Double>
    var cacheCapacity: Int = 0

    // Working set bookkeeping.
    var inSet: [Bool]
    var setList: [Int] = []
    var activeList: [Int] = []

    var projection: UnpenalizedProjection?
    var projectionKey: [Int] = []
    /// c‖r‖² at the last check.
    var residualNormSquared: Double = 0

    init(design: PreparedDesign, options: SolverOptions, initial: [Double]?) throws(RegressionError) {
        self.design = design
        self.options = options
        n = design.rows
        p = design.columns
        scheme = options.scheme.resolved(rows: n, columns: p)
        curvature = design.curvature
        w = .allocate(capacity: max(p, 1)); w.initialize(repeating: 0, count: max(p, 1))
        r = .allocate(capacity: max(n, 1)); r.initialize(repeating: 0, count: max(n, 1))
        g = .allocate(capacity: max(p, 1)); g.initialize(repeating: 0, count: max(p, 1))
        rho = .allocate(capacity: max(p, 1)); rho.initialize(repeating: 0, count: max(p, 1))
        scratch = .allocate(capacity: max(p, 1)); scratch.initialize(repeating: 0, count: max(p, 1))
        cache = .allocate(capacity: 1)
        slotOf = [Int](repeating: -1, count: p)
        inSet = [Bool](repeating: false, count: p)
        if let initial {
            for j in 0..<p where curvature[j] > 0 { w[j] = initial[j] }
        }
        try refreshCorrelations()
    }

    deinit {
        w.deallocate(); r.deallocate(); g.deallocate(); rho.deallocate(); scratch.deallocate()
        cache.deallocate()
    }

    var coefficients: [Double] { Array(UnsafeBufferPointer(start: w, count: p)) }

    // MARK: - Gram cache

    /// Makes sure the Gram columns of `features` are cached (one batched `dgemm` for the missing ones).
    func ensureCached(_ features: [Int]) throws(RegressionError) {
        let missing = features.filter { slotOf[$0] < 0 && curvature[$0] > 0 }
        guard !missing.isEmpty else { return }
        let block = try design.gramColumns(missing)
        let needed = cachedFeatures.count + missing.count
        if needed > cacheCapacity {
            let newCapacity = min(max(needed, 2 * cacheCapacity, 8), max(p, needed))
            let fresh = UnsafeMutablePointer<Double>.allocate(capacity: newCapacity * p)
            fresh.update(from: cache, count: cachedFeatures.count * p)
            cache.deallocate()
            cache = fresh
            cacheCapacity = newCapacity
        }
        block.withUnsafeBufferPointer { b in
            for (k, j) in missing.enumerated() {
                let slot = cachedFeatures.count
                (cache + slot * p).update(from: b.baseAddress! + k * p, count: p)
                slotOf[j] = slot
                cachedFeatures.append(j)
            }
        }
    }

    // MARK: - Fresh correlations

    /// Recomputes ρ = c X̃ᵀr for all features from scratch, and c‖r‖²; resets the maintained
    /// residual (naive) or gradient (covariance) to these exact values.
    func refreshCorrelations() throws(RegressionError) {
        let c = design.c
        if scheme == .naive {
            // r = ỹ − Σⱼ wⱼ (xⱼ − mⱼ) over the nonzero coefficients.
            design.y.withUnsafeBufferPointer { y in r.update(from: y.baseAddress!, count: n) }
            design.x.storage.withUnsafeBufferPointer { xs in
                for j in 0..<p where w[j] != 0 {
                    let col = xs.baseAddress! + j * n, wj = w[j], shiftTerm = wj * design.shift[j]
                    for i in 0..<n { r[i] = r[i] - wj * col[i] + shiftTerm }
                }
                BLAS.transposeTimes(rows: n, columns: p, xs.baseAddress!, r, into: rho)
            }
            var sumR = 0.0, q = 0.0
            for i in 0..<n { sumR += r[i]; q += r[i] * r[i] }
            if !design.hasShift { sumR = 0 }
            for j in 0..<p { rho[j] = c * (rho[j] - design.shift[j] * sumR) }
            residualNormSquared = c * q
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
    }

    // MARK: - Sweeps

    /// One cyclic sweep over `features`; returns maxⱼ dⱼ(Δwⱼ)².
    func sweep(_ features: [Int], penalty: ElasticNetPenalty) -> Double {
        var maxChange = 0.0
        let lam1 = penalty.l1, lam2 = penalty.l2, positive = penalty.positive
        let c = design.c
        features.withUnsafeBufferPointer { idx in
            penalty.l1Weights.withUnsafeBufferPointer { a in
                penalty.l2Weights.withUnsafeBufferPointer { b in
                    curvature.withUnsafeBufferPointer { d in
                        if scheme == .naive {
                            design.x.storage.withUnsafeBufferPointer { xs in
                                design.shift.withUnsafeBufferPointer { m in
                                    let x0 = xs.baseAddress!
                                    for j in idx {
                                        let dj = d[j]
                                        if dj == 0 { continue }
                                        let col = x0 + j * n
                                        let wj = w[j]
                                        let rhoj = c * BLAS.dot(n, col, r)
                                        let z = dj * wj + rhoj
                                        let lam = lam1 * a[j]
                                        var t = z > lam ? z - lam : (positive || z >= -lam ? 0 : z + lam)
                                        if t != 0 { t /= dj + lam2 * b[j] }
                                        if t != wj {
                                            let delta = t - wj
                                            let shiftTerm = delta * m[j]
                                            for i in 0..<n { r[i] = r[i] - delta * col[i] + shiftTerm }
                                            w[j] = t
                                            let change = dj * delta * delta
                                            if change > maxChange { maxChange = change }
                                        }
                                    }
                                }
                            }
                        } else {
                            for j in idx {
                                let dj = d[j]
                                if dj == 0 { continue }
                                let wj = w[j]
                                let z = dj * wj + g[j]
                                let lam = lam1 * a[j]
                                var t = z > lam ? z - lam : (positive || z >= -lam ? 0 : z + lam)
                                if t != 0 { t /= dj + lam2 * b[j] }
                                if t != wj {
                                    let delta = t - wj
                                    let column = cache + slotOf[j] * p
                                    for l in 0..<p { g[l] -= delta * column[l] }
                                    w[j] = t
                                    let change = dj * delta * delta
                                    if change > maxChange { maxChange = change }
                                }
                            }
                        }
                    }
                }
            }
        }
        return maxChange
    }

    // MARK: - One α

    /// The unpenalized features at this penalty (nonzero curvature only).
    private func unpenalizedFeatures(_ penalty: ElasticNetPenalty) -> [Int] {
        (0..<p).filter { curvature[$0] > 0 && penalty.isUnpenalized($0) }
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

    /// Whether feature j with wⱼ = 0 violates its KKT condition at the current ρ.
    @inline(__always)
    private func violates(_ j: Int, _ penalty: ElasticNetPenalty) -> Bool {
        let lam = penalty.l1 * penalty.l1Weights[j]
        return penalty.positive ? rho[j] > lam : abs(rho[j]) > lam
    }

    /// Solves at `penalty`, warm-started from the current coefficients. `previousL1` is the l1
    /// strength at which ρ was last computed (λ₁ at the previous path point, or λ₁,max).
    func solve(penalty: ElasticNetPenalty, previousL1: Double) throws(RegressionError) -> CoordinateDescentOutcome {
        let tolScale = options.tolerance * design.yy
        // Working set.
        for j in setList { inSet[j] = false }
        setList.removeAll(keepingCapacity: true)
        let lam1 = penalty.l1
        let threshold = 2 * lam1 - previousL1
        for j in 0..<p where curvature[j] > 0 {
            let a = penalty.l1Weights[j]
            let keep: Bool
            if !options.screening || w[j] != 0 || lam1 * a == 0 {
                keep = true
            } else {
                let value = penalty.positive ? rho[j] : abs(rho[j])
                keep = value >= a * threshold
            }
            if keep { inSet[j] = true; setList.append(j) }
        }
        var iterations = 0
        var innerTolerance = tolScale
        var gap = Double.infinity
        let budget = options.maximumIterations
        if scheme == .covariance { try ensureCached(setList) }
        while true {
            var change = sweep(setList, penalty: penalty)
            iterations += 1
            var sweptSetClean = change <= innerTolerance
            while change > innerTolerance && iterations < budget {
                if options.activeSetCycling {
                    activeList.removeAll(keepingCapacity: true)
                    for j in setList where w[j] != 0 { activeList.append(j) }
                    var activeChange = Double.infinity
                    while activeChange > innerTolerance && iterations < budget {
                        activeChange = sweep(activeList, penalty: penalty)
                        iterations += 1
                    }
                    if iterations >= budget { break }
                }
                change = sweep(setList, penalty: penalty)
                iterations += 1
                sweptSetClean = change <= innerTolerance
            }
            // Check all features from scratch.
            try refreshCorrelations()
            var added: [Int] = []
            if options.screening {
                for j in 0..<p where !inSet[j] && curvature[j] > 0 && violates(j, penalty) { added.append(j) }
            }
            if !added.isEmpty {
                for j in added { inSet[j] = true; setList.append(j) }
                setList.sort()
                if scheme == .covariance { try ensureCached(added) }
                if iterations >= budget { gap = try currentGap(penalty); break }
                continue
            }
            gap = try currentGap(penalty)
            if gap <= tolScale { return CoordinateDescentOutcome(iterations: iterations, dualityGap: gap, converged: true) }
            if iterations >= budget { break }
            // Nothing moved at all and the gap still exceeds the target: rounding floor reached.
            if sweptSetClean && change == 0 && innerTolerance < 1e-30 * max(design.yy, .leastNormalMagnitude) { break }
            innerTolerance *= 0.1
        }
        return CoordinateDescentOutcome(iterations: iterations, dualityGap: gap, converged: false)
    }
}
