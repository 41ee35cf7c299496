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
    /// Anderson extrapolation during active-set cycling.
    var acceleration: Bool
    /// Stop when the duality gap ≤ tolerance · max(P(w), 1e-4·P(0)).
    var tolerance: Double
    var maximumIterations: Int
    /// Covariance scheme: when the whole Gram matrix is needed at once, form it in single
    /// precision (``PreparedDesign/singlePrecisionGram()``) and compute every check's gradient
    /// exactly from the residual (see ``CoordinateDescentSolver/cacheIsApproximate``).
    var singlePrecisionGram = false
    /// Naive scheme: the checks form the correlations of all features from a single-precision
    /// copy of X (one `sgemv`, half the memory traffic of `dgemv`) and recompute in double every
    /// one whose error bound could matter (see ``CoordinateDescentSolver/refreshCorrelations(penalty:)``).
    var singlePrecisionChecks = false
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
///    duality gap (``DualityGap``) decides: ≤ tolerance · max(P(w), 1e-4·P(0)) ends the solve
///    (converged); else the inner threshold shrinks 10–1000× (by how far the gap is from its
///    target) and sweeping resumes. The inner threshold starts at the gap target, or, after a
///    step in λ₁ of at most 2× (a path grid), at the previous solve's final ratio to its target,
///    relaxed threefold (``carriedThresholdRelaxation``).
/// 4. **Acceleration** (optional): Anderson extrapolation of the active-set iterates, and
///    sign-fixed Newton steps on the active set (coordinates whose target crosses 0 held at 0,
///    ``holdCrossings(_:_:first:penalty:)``), each kept only when it lowers the objective (see
///    ``cycleActiveSet``).
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
    /// n- or p-vector for the extrapolation step.
    let extrapolationScratch: UnsafeMutablePointer<Double>
    let curvature: [Double]

    // Gram cache (covariance scheme): column `slot` holds c X̃ᵀx̃ⱼ for j = cachedFeature[slot].
    var slotOf: [Int]
    var cachedFeatures: [Int] = []
    var cache: UnsafeMutablePointer<Double>
    var cacheCapacity: Int = 0
    /// Whether the cache holds the single-precision Gram matrix. The sweeps and Newton steps then
    /// minimize a model whose Hessian is off by ≈ √n·2⁻²⁴ relative, but every check recomputes
    /// the residual and the gradient exactly (``refreshCorrelations()``), so each check re-anchors
    /// the model at the true gradient (iterative refinement: the error contracts by about
    /// κ·√n·2⁻²⁴ per check) and the duality gap that decides convergence is exact. Should the
    /// gap stop improving, the solver forms the exact Gram matrix and carries on
    /// (``makeCacheExact()``).
    private(set) var cacheIsApproximate = false
    /// The single-precision copy of X for the checks (``SolverOptions/singlePrecisionChecks``),
    /// made at the first check that uses it; nil when not used or not representable.
    private var shadow: SinglePrecisionMatrix?
    private var shadowTried = false
    private var shadowScratch: [Float] = []
    /// Correlations recomputed in double at the last check made with the shadow (for tests).
    private(set) var exactCorrelationsAtLastCheck = 0

    // Working set bookkeeping.
    var inSet: [Bool]
    var setList: [Int] = []
    var activeList: [Int] = []

    var projection: UnpenalizedProjection?
    var projectionKey: [Int] = []
    /// Whether the last Newton step tried was accepted: the next active-set cycle (at this α or
    /// the next one) then tries Newton early, as the end of a p ≫ n path needs it at every α.
    var newtonAccepted = false
    /// Whether the last Newton step was taken whole with no target crossing 0 (it solved the
    /// sign-fixed problem on the active set exactly).
    var newtonLanded = false
    /// Sign or zero/nonzero changes of coefficients in the last sweep.
    var signChanges = 0
    /// c‖r‖² at the last check.
    var residualNormSquared: Double = 0
    /// The inner threshold relative to the gap target at which the next solve starts (see
    /// ``solve(penalty:previousL1:options:)``).
    var innerScale = 1.0
    /// Smallest λ₁/λ₁′ between successive solves for which ``innerScale`` is carried over
    /// (the default path grid steps by 0.93; a cold fit's warm-up by 0.3).
    static let carriedThresholdStep = 0.5
    /// How much looser than where the last solve ended the next one's inner threshold starts.
    /// Measured on the p = 10000 elastic-net path (interleaved): 3 takes 829 sweeps and
    /// ≈ 5% less time than 10 (1203 sweeps, the Newton steps it enables bordered across λ₂);
    /// 1 takes fewer sweeps but more Newton factors; the other paths are unchanged.
    static let carriedThresholdRelaxation = 3.0
    /// Smallest inner threshold relative to the objective: a coordinate change dⱼΔwⱼ² below it
    /// is at the rounding level of the objective (ε² ≈ 5e-32, with room).
    static let roundingChange = 1e-26
    /// Checks at the smallest inner threshold without a gap improvement of 10% (`stallProgress`)
    /// after which a solve ends unconverged: the gap has stalled at the rounding floor.
    static let stallChecks = 3
    static let stallProgress = 0.9
    /// Inner-threshold shrink after a failed check with the single-precision cache. Measured on
    /// n = 5000, p = 500 at α_max/100: the adaptive 10–1000× took 7 checks (15.4 ms), 1e-6
    /// and 1e-9 took 2 (12.6 ms; at 1e-9 the second check had the gap at 8e-4 of its target,
    /// at 1e-6 at 0.44).
    static let approximateModelShrink = 1e-9
    /// Most sweeps of the single-precision model between two checks.
    static let approximateSweepLimit = 200

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
        extrapolationScratch = .allocate(capacity: max(n, p, 1))
        slotOf = [Int](repeating: -1, count: p)
        newtonFactor = BorderedFactor(featureCount: p)
        newtonSlot = [Int](repeating: -1, count: p)
        inSet = [Bool](repeating: false, count: p)
        if let initial {
            for j in 0..<p where curvature[j] > 0 { w[j] = initial[j] }
        }
        try refreshCorrelations()
    }

    deinit {
        w.deallocate(); r.deallocate(); extrapolationScratch.deallocate(); g.deallocate(); rho.deallocate(); scratch.deallocate()
        cache.deallocate()
    }

    var coefficients: [Double] { Array(UnsafeBufferPointer(start: w, count: p)) }

    // MARK: - Gram cache

    /// Makes sure the Gram columns of `features` are cached, in one batched `dgemm` for the missing
    /// ones. As each batch reads all of X, a batch is padded (when a penalty is given) with the
    /// uncached features of largest |ρⱼ|/aⱼ — the likeliest to enter next — up to the size of the
    /// cache so far (at least 16): the cache grows geometrically, in O(log p) passes over X.
    func ensureCached(_ features: [Int], penalty: ElasticNetPenalty? = nil) throws(RegressionError) {
        var missing = features.filter { slotOf[$0] < 0 && curvature[$0] > 0 }
        guard !missing.isEmpty else { return }
        if let penalty {
            let target = max(missing.count, cachedFeatures.count, 16)
            if target > missing.count {
                var isMissing = [Bool](repeating: false, count: p)
                for j in missing { isMissing[j] = true }
                var candidates: [(Double, Int)] = []
                for j in 0..<p where slotOf[j] < 0 && !isMissing[j] && curvature[j] > 0 {
                    let a = penalty.l1Weights[j]
                    candidates.append((a > 0 ? abs(rho[j]) / a : .infinity, j))
                }
                candidates.sort { $0.0 > $1.0 }
                for (_, j) in candidates.prefix(target - missing.count) { missing.append(j) }
            }
        }
        // Half or more of the features at once, from an empty cache: one dsyrk for all of them.
        if cachedFeatures.isEmpty && 2 * missing.count >= p {
            missing = (0..<p).filter { curvature[$0] > 0 }
            let gram: [Double]
            if options.singlePrecisionGram, let approximate = design.singlePrecisionGram() {
                gram = approximate
                cacheIsApproximate = true
            } else {
                gram = try design.fullGram()
            }
            var block = [Double](repeating: 0, count: missing.count * p)
            for (k, j) in missing.enumerated() {
                for l in 0..<p { block[k * p + l] = gram[j * p + l] }
            }
            try store(block, for: missing)
            return
        }
        try store(try design.gramColumns(missing), for: missing)
    }

    /// Replaces the single-precision cache by exact Gram columns (one `dsyrk`), forgets the Newton
    /// factor made from it, and refreshes the gradient.
    func makeCacheExact() throws(RegressionError) {
        guard cacheIsApproximate else { return }
        let gram = try design.fullGram()
        for (slot, j) in cachedFeatures.enumerated() {
            gram.withUnsafeBufferPointer { b in (cache + slot * p).update(from: b.baseAddress! + j * p, count: p) }
        }
        cacheIsApproximate = false
        newtonFactor.clear()
        try refreshCorrelations()
    }

    /// Appends Gram columns (p × missing.count, column-major) to the cache.
    private func store(_ block: [Double], for missing: [Int]) throws(RegressionError) {
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
            design.y.withUnsafeBufferPointer { y in r.update(from: y.baseAddress!, count: n) }
            let nonzero = (0..<p).filter { w[$0] != 0 }
            addShiftedColumns(nonzero, nonzero.map { -w[$0] }, into: r)
            var sumR = 0.0, q = 0.0, absSum = 0.0
            for i in 0..<n { sumR += r[i]; q += r[i] * r[i]; absSum += abs(r[i]) }
            if !design.hasShift { sumR = 0 }
            residualNormSquared = c * q
            if let penalty, let shadow = checkShadow(penalty) {
                shadowScratch.withUnsafeMutableBufferPointer { f in shadow.transposeTimes(r, into: rho, scratch: f.baseAddress!) }
                let rNorm = q.squareRoot()
                var exact = 0
                for j in 0..<p {
                    let threshold = penalty.l1 * penalty.l1Weights[j]
                    let approximate = c * (rho[j] - design.shift[j] * sumR)
                    let bound = c * shadow.errorBound(column: j, vectorNorm: rNorm, vectorAbsSum: absSum)
                    if w[j] != 0 || !design.modestShift[j] || !(abs(approximate) + bound < threshold) {
                        rho[j] = c * design.shiftedDot(j, r, rowSum: sumR)
                        exact += 1
                    } else {
                        rho[j] = approximate
                    }
                }
                exactCorrelationsAtLastCheck = exact
            } else {
                design.x.storage.withUnsafeBufferPointer { xs in
                    BLAS.transposeTimes(rows: n, columns: p, xs.baseAddress!, r, into: rho)
                }
                for j in 0..<p {
                    rho[j] = design.modestShift[j] ? c * (rho[j] - design.shift[j] * sumR) : c * design.centeredDot(j, r)
                }
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
    private func checkShadow(_ penalty: ElasticNetPenalty) -> SinglePrecisionMatrix? {
        guard options.singlePrecisionChecks, scheme == .naive, penalty.l1 > 0 else { return nil }
        for j in 0..<p where curvature[j] > 0 && penalty.isUnpenalized(j) { return nil }
        if !shadowTried {
            shadowTried = true
            shadow = design.x.storage.withUnsafeBufferPointer { xs in
                SinglePrecisionMatrix(rows: n, columns: p, xs.baseAddress!)
            }
            if shadow != nil { shadowScratch = [Float](repeating: 0, count: n + p) }
        }
        return shadow
    }

    /// v ← v + Σₖ aₖ x̃ⱼ (j = features[k], x̃ⱼ = xⱼ − mⱼ) over the nonzero aₖ: a `daxpy` per raw
    /// column, the shifts of ``PreparedDesign/modestShift`` features added as one constant at the
    /// end (it costs at most a few bits there), the others shifted column by column.
    func addShiftedColumns(_ features: [Int], _ a: [Double], into v: UnsafeMutablePointer<Double>) {
        var constant = 0.0
        design.x.storage.withUnsafeBufferPointer { xs in
            for (k, j) in features.enumerated() where a[k] != 0 {
                let col = xs.baseAddress! + j * n, ak = a[k], mj = design.shift[j]
                if design.modestShift[j] {
                    BLAS.axpy(n, ak, col, v)
                    constant -= ak * mj
                } else {
                    for i in 0..<n { v[i] += ak * (col[i] - mj) }
                }
            }
        }
        if constant != 0 { for i in 0..<n { v[i] += constant } }
    }

    // MARK: - Sweeps

    /// One cyclic sweep over `features`; returns maxⱼ dⱼ(Δwⱼ)².
    func sweep(_ features: [Int], penalty: ElasticNetPenalty) -> Double {
        var maxChange = 0.0
        var flips = 0
        let lam1 = penalty.l1, lam2 = penalty.l2, positive = penalty.positive
        let c = design.c
        features.withUnsafeBufferPointer { idx in
            penalty.l1Weights.withUnsafeBufferPointer { a in
                penalty.l2Weights.withUnsafeBufferPointer { b in
                    curvature.withUnsafeBufferPointer { d in
                        if scheme == .naive {
                            design.x.storage.withUnsafeBufferPointer { xs in
                                design.shift.withUnsafeBufferPointer { m in
                                  design.modestShift.withUnsafeBufferPointer { modest in
                                    let x0 = xs.baseAddress!, count = Double(n)
                                    // The true residual is r + pending: shifts of modest-shift
                                    // features are summed here and added to r once, after the sweep,
                                    // so the update itself is a `daxpy` (x̃ⱼᵀ(r + s1) = xⱼᵀr + s·n·mⱼ,
                                    // taking the true residual's sum as 0 as the sweep always has).
                                    var pending = 0.0
                                    defer { if pending != 0 { for i in 0..<n { r[i] += pending } } }
                                    for j in idx {
                                        let dj = d[j]
                                        if dj == 0 { continue }
                                        let col = x0 + j * n
                                        let wj = w[j]
                                        let rhoj = c * design.shiftedDot(j, r, rowSum: -pending * count)
                                        let z = dj * wj + rhoj
                                        let lam = lam1 * a[j]
                                        var t = z > lam ? z - lam : (positive || z >= -lam ? 0 : z + lam)
                                        if t != 0 { t /= dj + lam2 * b[j] }
                                        if t != wj {
                                            let delta = t - wj
                                            if modest[j] {
                                                BLAS.axpy(n, -delta, col, r)
                                                pending += delta * m[j]
                                            } else {
                                                let mj = m[j]
                                                for i in 0..<n { r[i] -= delta * (col[i] - mj) }
                                            }
                                            if (t > 0) != (wj > 0) || (t < 0) != (wj < 0) { flips += 1 }
                                            w[j] = t
                                            let change = dj * delta * delta
                                            if change > maxChange { maxChange = change }
                                        }
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
                                    BLAS.axpy(p, -delta, cache + slotOf[j] * p, g)
                                    if (t > 0) != (wj > 0) || (t < 0) != (wj < 0) { flips += 1 }
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
        signChanges = flips
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

    /// The duality gap of the problem restricted to the working set (naive scheme), from a fresh
    /// residual and the correlations of the working-set features only; nil when some feature is
    /// unpenalized (the full check handles the projection).
    private func workingSetGap(_ penalty: ElasticNetPenalty) -> Double? {
        let m = setList.count
        for j in setList where penalty.isUnpenalized(j) { return nil }
        let c = design.c
        design.y.withUnsafeBufferPointer { y in r.update(from: y.baseAddress!, count: n) }
        var wS = [Double](repeating: 0, count: m), rhoS = wS, dS = wS
        var a = wS, b = wS
        let nonzero = setList.filter { w[$0] != 0 }
        addShiftedColumns(nonzero, nonzero.map { -w[$0] }, into: r)
        var sumR = 0.0, q = 0.0
        for i in 0..<n { sumR += r[i]; q += r[i] * r[i] }
        if !design.hasShift { sumR = 0 }
        residualNormSquared = c * q
        for (k, j) in setList.enumerated() {
            wS[k] = w[j]
            dS[k] = curvature[j]
            rhoS[k] = c * design.shiftedDot(j, r, rowSum: sumR)
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
    func zeroOutcome(penalty: ElasticNetPenalty) throws(RegressionError) -> CoordinateDescentOutcome {
        for j in 0..<p { w[j] = 0 }
        try refreshCorrelations()
        let gap = try currentGap(penalty)
        let target = options.tolerance * max(0.5 * residualNormSquared, 1e-4 * 0.5 * design.yy)
        return CoordinateDescentOutcome(iterations: 1, dualityGap: gap, converged: gap <= target)
    }

    /// Whether feature j with wⱼ = 0 violates its KKT condition at the current ρ.
    @inline(__always)
    private func violates(_ j: Int, _ penalty: ElasticNetPenalty) -> Bool {
        let lam = penalty.l1 * penalty.l1Weights[j]
        return penalty.positive ? rho[j] > lam : abs(rho[j]) > lam
    }

    /// Solves at `penalty`, warm-started from the current coefficients. `previousL1` is the l1
    /// strength at which ρ was last computed (λ₁ at the previous path point, or λ₁,max).
    func solve(penalty: ElasticNetPenalty, previousL1: Double, options override: SolverOptions? = nil) throws(RegressionError) -> CoordinateDescentOutcome {
        let options = override ?? self.options
        let nullObjective = 0.5 * design.yy
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
        // The first checks use the gap target at the current point.
        var tolScale = options.tolerance * max(0.5 * residualNormSquared + penalty.value(coefficients), 1e-4 * nullObjective)
        // After a small step in λ₁ (a path grid), the inner threshold starts where the last solve's
        // ended (relative to its gap target), relaxed threefold: the ratio of sweep changes to gap
        // changes little from one α to the next, and starting at the gap target itself costs a
        // check per factor of 1000. After a large step (a cold start, a coarse grid) the support
        // is still far off, and a tight start would polish the wrong active set.
        var innerTolerance = tolScale * (lam1 >= Self.carriedThresholdStep * previousL1 ? innerScale : 1)
        var gap = Double.infinity
        // Stall detection at the rounding floor: the inner threshold never goes below
        // `roundingChange` times the objective scale (smaller coordinate changes are rounding
        // noise), and once there, checks that do not improve the best gap by 10% are counted.
        var bestGap = Double.infinity, stalledChecks = 0
        let budget = options.maximumIterations
        if scheme == .covariance { try ensureCached(setList, penalty: penalty) }
        // With the single-precision cache: the coefficients at the best exact check so far, to
        // return to should the model mislead the sweeps (an indefinite model can diverge).
        var anchor: [Double] = cacheIsApproximate ? coefficients : []
        var anchorObjective = 0.5 * residualNormSquared + penalty.value(coefficients)
        // Sweeps allowed before the next check: with the single-precision cache at most
        // ``approximateSweepLimit`` (a model that is not positive definite, as with duplicated
        // unpenalized columns, need not settle below the inner threshold).
        var sweepLimit = cacheIsApproximate ? min(budget, Self.approximateSweepLimit) : budget
        while true {
            var change = sweep(setList, penalty: penalty)
            iterations += 1
            while change > innerTolerance && iterations < sweepLimit {
                if options.activeSetCycling {
                    activeList.removeAll(keepingCapacity: true)
                    for j in setList where w[j] != 0 { activeList.append(j) }
                    cycleActiveSet(penalty: penalty, innerTolerance: innerTolerance, iterations: &iterations, budget: sweepLimit)
                    if iterations >= sweepLimit { break }
                }
                change = sweep(setList, penalty: penalty)
                iterations += 1
            }
            // Naive scheme: first the gap of the problem restricted to S (n·|S| work instead of n·p);
            // only when it meets the target are all features checked.
            if scheme == .naive && options.screening && setList.count < p / 2,
               let gapS = workingSetGap(penalty), iterations < budget {
                let objective = 0.5 * residualNormSquared + penalty.value(coefficients)
                tolScale = options.tolerance * max(objective, 1e-4 * nullObjective)
                let floor = Self.roundingChange * max(objective, 1e-4 * nullObjective)
                if gapS > tolScale && change != 0 && innerTolerance > floor {
                    innerTolerance = max(floor, min(innerTolerance, tolScale) * min(0.1, max(1e-3, tolScale / gapS)))
                    continue
                }
            }
            // Check all features from scratch.
            sweepLimit = cacheIsApproximate ? min(budget, iterations + Self.approximateSweepLimit) : budget
            try refreshCorrelations(penalty: penalty)
            var added: [Int] = []
            if options.screening {
                for j in 0..<p where !inSet[j] && curvature[j] > 0 && violates(j, penalty) { added.append(j) }
            }
            if !added.isEmpty {
                for j in added { inSet[j] = true; setList.append(j) }
                setList.sort()
                if scheme == .covariance { try ensureCached(added, penalty: penalty) }
                if iterations >= budget { gap = try currentGap(penalty); break }
                continue
            }
            gap = try currentGap(penalty)
            let objective = 0.5 * residualNormSquared + penalty.value(coefficients)
            tolScale = options.tolerance * max(objective, 1e-4 * nullObjective)
            // (An infinite objective would make any gap pass the relative rule.)
            if gap <= tolScale && objective.isFinite {
                innerScale = min(1, Self.carriedThresholdRelaxation * innerTolerance / tolScale)
                return CoordinateDescentOutcome(iterations: iterations, dualityGap: gap, converged: true)
            }
            // Single precision: a check that does not improve on the best gap (or is NaN), or whose
            // objective rose above the last good check's, means the model misled the sweeps; they
            // are undone.
            let modelFailed = cacheIsApproximate && (!(gap < bestGap) || !(objective <= anchorObjective + tolScale))
            if modelFailed && anchor.count == p {
                for j in 0..<p { w[j] = anchor[j] }
                try refreshCorrelations()
                gap = try currentGap(penalty)
            }
            if iterations >= budget { break }
            // Changes at the rounding level that no longer lower the gap: the floor (without this,
            // sweeps that shuffle the last bits would run to the iteration limit).
            let floor = Self.roundingChange * max(objective, 1e-4 * nullObjective)
            if innerTolerance <= floor {
                stalledChecks = gap < Self.stallProgress * bestGap ? 0 : stalledChecks + 1
            }
            // A sweep over the working set that moved nothing (a fixed point) or three stalled
            // checks: the rounding floor.
            if change == 0 || stalledChecks >= Self.stallChecks || modelFailed {
                // With the single-precision cache, this is the floor of the model, not of the
                // data: carry on with the exact Gram matrix.
                guard cacheIsApproximate else { break }
                try makeCacheExact()
                stalledChecks = 0
                bestGap = .infinity
                continue
            }
            if cacheIsApproximate { anchor = coefficients; anchorObjective = objective }
            bestGap = min(bestGap, gap)
            // Shrink the inner threshold by up to 1000× when the gap is far from its target. With the
            // single-precision cache a check (two passes over X) costs far more than a sweep of the
            // model (p per coordinate update, no pass over X): the model is solved far below the
            // target first, so that the next check sees only the model's error.
            let shrink = cacheIsApproximate ? Self.approximateModelShrink : min(0.1, max(1e-3, tolScale / gap))
            innerTolerance = max(floor, min(innerTolerance, tolScale) * shrink)
        }
        return CoordinateDescentOutcome(iterations: iterations, dualityGap: gap, converged: false)
    }

    // MARK: - Active-set cycling with Anderson extrapolation

    /// Sweeps `activeList` until its largest change is below `innerTolerance`. With acceleration,
    /// every `andersonDepth` sweeps the last iterates are combined by Anderson extrapolation
    /// (the combination of the last iterates whose successive differences have the smallest norm,
    /// Bertrand & Massias 2021, as in celer/skglm); the extrapolated point is kept only if it
    /// lowers the objective, so convergence is never harmed.
    private func cycleActiveSet(penalty: ElasticNetPenalty, innerTolerance: Double, iterations: inout Int, budget: Int) {
        let m = activeList.count
        let depth = Self.andersonDepth
        let accelerate = options.acceleration && m > 1
        var history: [Double] = []
        var stored = 0
        if accelerate {
            history = [Double](repeating: 0, count: (depth + 1) * m)
            for (k, j) in activeList.enumerated() { history[k] = w[j] }
            stored = 1
        }
        var activeChange = Double.infinity
        var sweeps = 0
        // A Newton step costs n·|A'|·|A| + |A|³/3 flops (A' the active features not yet in the Newton
        // Gram cache, whose columns it must form; then factoring G_AA), i.e. about
        // `newtonCost · blasSpeedup` sweeps of the active set in time; it is tried only after that
        // many (at least 10) sweeps have not converged, twice as late after a rejected step, and
        // ``newtonAfterAccepted`` sweeps after an accepted one.
        let mD = Double(m)
        let uncached = Double(activeList.filter { newtonSlot[$0] < 0 }.count)
        let newtonCost = scheme == .naive ? uncached / 2 + mD * mD / (6 * Double(n)) : mD * mD / (3 * Double(max(p, 1)))
        let newtonWait = max(Self.newtonAfterSweeps, Int((newtonCost * Self.blasSpeedup).rounded(.up)))
        var nextNewton = newtonAccepted ? Self.newtonAfterAccepted : newtonWait
        while activeChange > innerTolerance && iterations < budget {
            activeChange = sweep(activeList, penalty: penalty)
            iterations += 1
            sweeps += 1
            // Newton only once the signs have settled (no sign change in the last sweep).
            if options.acceleration && sweeps >= nextNewton && activeChange > innerTolerance && signChanges == 0 {
                let accepted = newtonStep(penalty: penalty)
                newtonAccepted = accepted
                // A rejected step waits twice as long before the next try (each costs n·|A|²).
                nextNewton = sweeps + (accepted ? Self.newtonAfterAccepted : 2 * nextNewton)
                if accepted {
                    // A full step with no sign change solved the active set exactly: a sweep of
                    // it would move nothing, so the next sweep is over S (entrants).
                    if newtonLanded { break }
                    stored = 0
                    if accelerate { for (k, j) in activeList.enumerated() { history[k] = w[j] }; stored = 1 }
                    continue
                }
            }
            guard accelerate else { continue }
            let base = stored * m
            for (k, j) in activeList.enumerated() { history[base + k] = w[j] }
            stored += 1
            if stored == depth + 1 {
                extrapolate(history: history, size: m, depth: depth, penalty: penalty)
                for (k, j) in activeList.enumerated() { history[k] = w[j] }
                stored = 1
            }
        }
    }

    static let andersonDepth = 5

    private func extrapolate(history: [Double], size m: Int, depth: Int, penalty: ElasticNetPenalty) {
        // U = [x₁ − x₀, …, x_K − x_{K−1}] (m × K); solve (UᵀU) c = 1, normalize Σc = 1.
        var utu = [Double](repeating: 0, count: depth * depth)
        history.withUnsafeBufferPointer { h in
            for a in 0..<depth {
                for b in a..<depth {
                    var acc = 0.0
                    for k in 0..<m {
                        let ua = h[(a + 1) * m + k] - h[a * m + k]
                        let ub = h[(b + 1) * m + k] - h[b * m + k]
                        acc += ua * ub
                    }
                    utu[a * depth + b] = acc
                    utu[b * depth + a] = acc
                }
            }
        }
        var trace = 0.0
        for a in 0..<depth { trace += utu[a * depth + a] }
        guard trace > 0, trace.isFinite else { return }
        for a in 0..<depth { utu[a * depth + a] += 1e-10 * trace }
        guard var coef = SmallDenseSystem.solve(utu, [Double](repeating: 1, count: depth), depth) else { return }
        let total = coef.reduce(0, +)
        guard total != 0, total.isFinite else { return }
        for a in 0..<depth { coef[a] /= total }
        // δ = Σ cₐ x_{a+1} − w.
        var delta = [Double](repeating: 0, count: m)
        for (k, j) in activeList.enumerated() {
            var value = 0.0
            for a in 0..<depth { value += coef[a] * history[(a + 1) * m + k] }
            delta[k] = value - w[j]
        }
        tryStep(delta, penalty: penalty)
    }

    /// Moves the active coefficients by `delta` (clamped at 0 when `positive`) if that lowers the
    /// objective; returns the step length t it took along `delta` (0: none). Costs one pass over
    /// the active columns (naive) or the active Gram columns (covariance).
    @discardableResult
    private func tryStep(_ deltaIn: [Double], penalty: ElasticNetPenalty, lineSearch: Bool = false) -> Double {
        var delta = deltaIn
        let lam1 = penalty.l1, lam2 = penalty.l2
        guard delta.allSatisfy({ $0.isFinite }) else { return 0 }
        // The penalty change at step t along delta.
        func penaltyChange(_ t: Double) -> Double {
            var total = 0.0
            for (k, j) in activeList.enumerated() {
                var value = w[j] + t * delta[k]
                if penalty.positive && value < 0 { value = 0 }
                let a = penalty.l1Weights[j], b = penalty.l2Weights[j]
                total += lam1 * a * (abs(value) - abs(w[j])) + 0.5 * lam2 * b * (value * value - w[j] * w[j])
            }
            return total
        }
        if penalty.positive {
            for (k, j) in activeList.enumerated() where w[j] + delta[k] < 0 { delta[k] = -w[j] }
        }
        // Candidate steps: 1, the first sign change (the end of the sign-fixed model), halvings.
        var steps: [Double] = [1]
        if lineSearch {
            var first = 1.0
            for (k, j) in activeList.enumerated() where delta[k] != 0 {
                let t = -w[j] / delta[k]
                if t > 0 && t < first { first = t }
            }
            if first < 1 { steps.append(first) }
            steps += [0.5, 0.25, 0.125]
        }
        let c = design.c
        var bestT = 0.0, bestChange = 0.0
        if scheme == .naive {
            // v = Σⱼ δⱼ (xⱼ − mⱼ); ΔP = c(−vᵀr + ½vᵀv) + Δh.
            let v = extrapolationScratch
            for i in 0..<n { v[i] = 0 }
            addShiftedColumns(activeList, delta, into: v)
            var vr = 0.0, vv = 0.0
            for i in 0..<n { vr += v[i] * r[i]; vv += v[i] * v[i] }
            for t in steps {
                let change = c * (-t * vr + 0.5 * t * t * vv) + penaltyChange(t)
                if change < bestChange { bestChange = change; bestT = t }
            }
            guard bestT > 0 else { return 0 }
            for i in 0..<n { r[i] -= bestT * v[i] }
        } else {
            // u = G_{·A} δ; ΔP = −δᵀg_A + ½δᵀu_A + Δh.
            let u = extrapolationScratch
            for l in 0..<p { u[l] = 0 }
            for (k, j) in activeList.enumerated() where delta[k] != 0 {
                BLAS.axpy(p, delta[k], cache + slotOf[j] * p, u)
            }
            var dg = 0.0, du = 0.0
            for (k, j) in activeList.enumerated() { dg += delta[k] * g[j]; du += delta[k] * u[j] }
            for t in steps {
                let change = -t * dg + 0.5 * t * t * du + penaltyChange(t)
                if change < bestChange { bestChange = change; bestT = t }
            }
            guard bestT > 0 else { return 0 }
            for l in 0..<p { g[l] -= bestT * u[l] }
        }
        for (k, j) in activeList.enumerated() {
            var value = w[j] + bestT * delta[k]
            if penalty.positive && value < 0 { value = 0 }
            w[j] = value
        }
        return bestT
    }

    /// Path predictor: moves the nonzero coefficients by `delta` (a p-vector; entries that would
    /// cross 0 stop at 0) if that lowers the objective at `penalty`. Between two kinks of the path
    /// the solution is linear in α, so extrapolating the last two path points along the grid is
    /// exact until the active set changes (Efron et al. 2004; Rosset & Zhu 2007).
    func tryPrediction(_ delta: [Double], penalty: ElasticNetPenalty) -> Bool {
        activeList.removeAll(keepingCapacity: true)
        var step: [Double] = []
        for j in 0..<p where w[j] != 0 && delta[j] != 0 && curvature[j] > 0 {
            activeList.append(j)
            let target = w[j] + delta[j]
            step.append((target > 0) == (w[j] > 0) ? delta[j] : -w[j])
        }
        guard !activeList.isEmpty else { return false }
        return tryStep(step, penalty: penalty) > 0
    }

    /// A Newton step on the active set with the signs fixed: solves
    /// (G_AA + λ₂B_A) d = ρ_A − λ₂B_A w_A − λ₁ a_A ∘ sign(w_A), the optimality conditions of the
    /// problem restricted to A (Cholesky, LAPACK), and takes it if it lowers the objective. When
    /// the support and signs are right this lands on the solution at once — the cure for the
    /// slow, ill-conditioned end of a p ≫ n path, where hundreds of CD sweeps would be needed.
    private func newtonStep(penalty: ElasticNetPenalty) -> Bool {
        // Coordinates that reached 0 during the sweeps stay at 0: the sign-fixed model is that of
        // the nonzero ones (positions `live` in `activeList`).
        let live = activeList.indices.filter { w[activeList[$0]] != 0 }
        let features = live.map { activeList[$0] }
        let m = features.count
        guard m > 0, m <= Self.newtonMaximumSize else { return false }
        let c = design.c
        var rhs = [Double](repeating: 0, count: m)
        if scheme == .naive {
            guard extendNewtonGram(features) else { return false }
            for (k, j) in features.enumerated() { rhs[k] = c * design.shiftedDot(j, r, rowSum: 0) }
        } else {
            for (k, j) in features.enumerated() { rhs[k] = g[j] }
        }
        for (k, j) in features.enumerated() {
            let mu = penalty.l2 * penalty.l2Weights[j]
            rhs[k] -= mu * w[j] + penalty.l1 * penalty.l1Weights[j] * (w[j] > 0 ? 1 : -1)
        }
        // From the factor of an earlier support when it differs from A in few features; otherwise
        // H = G_AA + λ₂B_A is factored anew and becomes the factor later steps border.
        var solved = borderedNewtonSolve(features, rhs, penalty: penalty)
        if solved == nil { solved = factorNewtonSystem(features, rhs, penalty: penalty) }
        guard let first = solved, first.allSatisfy({ $0.isFinite }) else { return false }
        let (current, held, solution) = holdCrossings(features, rhs, first: first, penalty: penalty)
        var d = [Double](repeating: 0, count: activeList.count)
        var positionOf = [Int: Int](minimumCapacity: live.count)
        for position in live { positionOf[activeList[position]] = position }
        for (k, j) in current.enumerated() { d[positionOf[j]!] = solution[k] }
        for j in held { d[positionOf[j]!] = -w[j] }
        // Coordinates whose Newton target crosses 0 stop at 0 (the sign-fixed model ends there):
        // this clipped point is tried first, then the line search along d.
        var clipped = d, crossings = 0
        for position in live {
            let j = activeList[position], target = w[j] + d[position]
            if target != 0 && (target > 0) != (w[j] > 0) { clipped[position] = -w[j]; crossings += 1 }
        }
        newtonLanded = false
        if crossings > 0 && tryStep(clipped, penalty: penalty, lineSearch: true) > 0 { return true }
        let t = tryStep(d, penalty: penalty, lineSearch: true)
        newtonLanded = crossings == 0 && t == 1
        return t > 0
    }

    /// The Newton solution with the coordinates whose target crosses 0 held there: given the
    /// solution `first` of H_AA d = rhs (A = `features`, d the step from w), the crossing
    /// coordinates h are fixed at d_h = −w_h and the system is solved again on the rest R
    /// (bordered from the same factor), H_RR d_R = rhs_R + H_Rh w_h, up to ``crossingRounds``
    /// times, until no target crosses: the step then lands on the minimizer of the sign-fixed
    /// model on R instead of stopping part-way at the first kink. Returns R, the held features and
    /// d_R; stops early (keeping the last consistent solve) when a bordered solve is not possible.
    func holdCrossings(
        _ features: [Int], _ rhs: [Double], first: [Double], penalty: ElasticNetPenalty
    ) -> (support: [Int], held: [Int], solution: [Double]) {
        var current = features, held: [Int] = [], solution = first
        let originalIndex = Dictionary(uniqueKeysWithValues: features.enumerated().map { ($1, $0) })
        for round in 0...Self.crossingRounds {
            var keep: [Int] = [], crossing: [Int] = []
            for (k, j) in current.enumerated() {
                let target = w[j] + solution[k]
                if target == 0 || (target > 0) != (w[j] > 0) { crossing.append(j) } else { keep.append(j) }
            }
            guard !crossing.isEmpty, round < Self.crossingRounds, !keep.isEmpty else { break }
            let nowHeld = held + crossing
            var reducedRHS = [Double](repeating: 0, count: keep.count)
            for (k, j) in keep.enumerated() {
                var value = rhs[originalIndex[j]!]
                for h in nowHeld { value += gramEntry(j, h) * w[h] }
                reducedRHS[k] = value
            }
            guard let next = borderedNewtonSolve(keep, reducedRHS, penalty: penalty),
                  next.allSatisfy({ $0.isFinite }) else { break }
            current = keep
            held = nowHeld
            solution = next
        }
        return (current, held, solution)
    }

    /// The factor of the last Newton system, which later steps border (``BorderedFactor``). Not
    /// `lazy`: a lazy property has no in-place modify accessor, so every mutation would copy it.
    var newtonFactor: BorderedFactor

    /// Most features by which a support may differ from the factored one (removed plus added)
    /// for a bordered solve; also at most 1/8 of the factored support. With the border columns
    /// kept per factor, a bordered solve costs a triangular solve pair and a k × k system,
    /// against b³/3 for a new factor.
    static let borderLimit = 32

    /// c x̃ᵢᵀx̃ⱼ from whichever Gram cache the scheme keeps (both features must be in it).
    @inline(__always)
    func gramEntry(_ i: Int, _ j: Int) -> Double {
        scheme == .naive ? newtonGram[newtonSlot[i], newtonSlot[j]] : cache[slotOf[j] * p + i]
    }

    /// Solves (G_AA + λ₂B_A) x = rhs, A = `features`, from the factor of an earlier support
    /// (``BorderedFactor``) instead of a new one; nil when there is no usable factor, A differs
    /// from it in too many features, or a Gram column cannot be formed.
    func borderedNewtonSolve(_ features: [Int], _ rhs: [Double], penalty: ElasticNetPenalty) -> [Double]? {
        let b = newtonFactor.features.count
        guard newtonFactor.accepts(l2: penalty.l2) else { return nil }
        let added = features.filter { !newtonFactor.contains($0) }
        let k = added.count + b - (features.count - added.count)
        guard k <= min(Self.borderLimit, max(1, b / 8)) else { return nil }
        if scheme == .naive {
            guard added.isEmpty || extendNewtonGram(newtonFactor.features + added) else { return nil }
        } else {
            guard added.allSatisfy({ slotOf[$0] >= 0 }) else { return nil }
        }
        return newtonFactor.solve(features, rhs, l2: penalty.l2, limit: k,
                                  entry: { gramEntry($0, $1) }, l2Weight: { penalty.l2Weights[$0] })
    }

    /// Gathers H = G_AA + λ₂B_A (lower triangle, column-major) into the factor's storage, factors it
    /// there (it becomes the factor that later steps border) and solves H x = rhs; nil when H
    /// is not numerically positive definite or a Gram column cannot be formed.
    func factorNewtonSystem(_ features: [Int], _ rhs: [Double], penalty: ElasticNetPenalty) -> [Double]? {
        let m = features.count
        if scheme == .naive { guard extendNewtonGram(features) else { return nil } }
        newtonFactor.clear()
        if newtonFactor.storage.count < m * m {
            newtonFactor.storage = [Double](repeating: 0, count: max(m * m, 2 * newtonFactor.storage.count))
        }
        if scheme == .naive {
            let stride = newtonGram.stride
            let slots = features.map { newtonSlot[$0] }
            newtonGram.storage.withUnsafeBufferPointer { gp in
                newtonFactor.storage.withUnsafeMutableBufferPointer { hp in
                    for k in 0..<m {
                        let row = slots[k] * stride
                        for l in k..<m { hp[k * m + l] = gp[row + slots[l]] }
                    }
                }
            }
        } else {
            newtonFactor.storage.withUnsafeMutableBufferPointer { hp in
                for (k, j) in features.enumerated() {
                    let column = cache + slotOf[j] * p
                    for l in k..<m { hp[k * m + l] = column[features[l]] }
                }
            }
        }
        for (k, j) in features.enumerated() { newtonFactor.storage[k * m + k] += penalty.l2 * penalty.l2Weights[j] }
        // No condition estimate: the step is kept only if it lowers the objective (tryStep).
        guard (try? newtonFactor.factor(features, l2: penalty.l2)) != nil else { return nil }
        return newtonFactor.solveFactored(rhs)
    }

    // Newton Gram cache (naive scheme): c X̃ᵀX̃ restricted to every feature that has been active in
    // a Newton step, kept along the path so each step only computes the columns of new features.
    var newtonFeatures: [Int] = []
    var newtonSlot: [Int]
    /// The centered columns x̃ⱼ of `newtonFeatures`, in slot order (n × count, column-major).
    var newtonColumns: [Double] = []
    /// c X̃ᵀX̃ of `newtonFeatures`, in slot order.
    var newtonGram = GrowingSymmetricMatrix(minimumCapacity: 64, limit: CoordinateDescentSolver.newtonCacheLimit)

    /// Adds the features of `features` missing from the Newton Gram cache, by one `dgemm`
    /// (n·|new|·k flops against the kept centered columns `newtonColumns`); a cache that
    /// would exceed ``newtonCacheLimit`` features restarts from `features`. False if `features`
    /// alone exceed the limit.
    private func extendNewtonGram(_ features: [Int]) -> Bool {
        if newtonFeatures.count + features.filter({ newtonSlot[$0] < 0 }).count > Self.newtonCacheLimit {
            for j in newtonFeatures { newtonSlot[j] = -1 }
            newtonFeatures.removeAll()
            newtonGram.removeAll()
            newtonColumns = []
        }
        let missing = features.filter { newtonSlot[$0] < 0 }
        if missing.isEmpty { return true }
        let old = newtonFeatures.count, total = old + missing.count
        guard total <= Self.newtonCacheLimit else { return false }
        // Append the new features' centered columns to the kept ones, then G_new,all = X̃_newᵀX̃_all
        // in one dgemm on the kept buffer itself (no copy of the old columns).
        if newtonColumns.capacity < n * total {
            newtonColumns.reserveCapacity(max(n * total, 2 * newtonColumns.capacity))
        }
        design.x.storage.withUnsafeBufferPointer { xs in
            for j in missing {
                let col = xs.baseAddress! + j * n, mj = design.shift[j]
                for i in 0..<n { newtonColumns.append(col[i] - mj) }
            }
        }
        let mc = missing.count
        var product = [Double](repeating: 0, count: mc * total)
        newtonColumns.withUnsafeBufferPointer { columns in
            product.withUnsafeMutableBufferPointer { out in
                BLAS.transposeProduct(rows: n, aColumns: mc, bColumns: total, columns.baseAddress! + old * n,
                                      columns.baseAddress!, into: out.baseAddress!)
            }
        }
        newtonGram.append(rows: mc, products: product, scale: design.c)
        for (k, j) in missing.enumerated() {
            newtonSlot[j] = old + k
            newtonFeatures.append(j)
        }
        return true
    }

    /// Most features kept in the Newton Gram cache (its memory is 8·limit² bytes).
    static let newtonCacheLimit = 2 * newtonMaximumSize
    /// Largest active set for a Newton step (its cost is n·|A|² + |A|³/3).
    static let newtonMaximumSize = 2000
    /// How much faster BLAS-3 (`dsyrk`, `dpotrf`) runs per flop than the memory-bound sweeps,
    /// used to convert a Newton step's flops into sweeps (measured ≈ 20× on the benchmark machine).
    static let blasSpeedup = 0.05
    /// Active-set sweeps before a Newton step is tried.
    static let newtonAfterSweeps = 10
    /// Sweeps after an accepted Newton step before the next one is tried: few, since at the
    /// ill-conditioned end of a p ≫ n path the Newton steps, not the sweeps, make the progress
    /// (measured on n = 1000, p = 10000: 2 sweeps 3.2 s, 8 sweeps 3.4 s, 32 sweeps 3.6 s).
    static let newtonAfterAccepted = 2
    /// Most re-solves of a Newton step with the coordinates that cross 0 held there.
    static let crossingRounds = 3
}
