import LinearAlgebra

/// What one solve at one α reports.
struct CoordinateDescentOutcome {
    var iterations: Int
    var dualityGap: Double
    var converged: Bool
}

/// Where one solve stops, passed to each call (a cold fit's warm-up steps stop earlier than its
/// last one): when the duality gap certifies a relative suboptimality of at most `tolerance`,
/// gap ≤ tolerance · max(P(w), 1e-4·P(0)), or after `maximumIterations` sweeps.
struct StoppingRule {
    var tolerance: Double
    var maximumIterations: Int
}

/// Switches of the solver's speed machinery (each can be turned off so tests compare with and without).
struct SolverOptions {
    var scheme: UpdateScheme
    var screening: Bool
    var activeSetCycling: Bool
    /// Anderson extrapolation during active-set cycling.
    var acceleration: Bool
    /// Covariance scheme: when the whole Gram matrix is needed at once, form it in single
    /// precision (``CoordinateDescentStatistics/singlePrecisionGram()``) and compute every check's gradient
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
/// on a ``CoordinateDescentStatistics`` design (the dense ``PreparedDesign``, the sparse
/// ``SparseDesign``, or ``StatisticsDesign`` without rows, which runs the covariance scheme only),
/// warm-started from its current coefficients (so a path is a sequence of
/// ``solve(penalty:previousL1:stopping:)`` calls). Each coordinate update is the exact minimizer
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
final class CoordinateDescentSolver<Design: CoordinateDescentStatistics> {
    typealias Tuning = CoordinateDescentTuning

    let design: Design
    /// The design's rows (``CoordinateDescentStatistics/rowLevel``): nil for statistics alone,
    /// and then ``scheme`` is the covariance scheme and the Gram cache is exact.
    let rowLevel: Design.Rows?
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
    var cacheIsApproximate = false
    /// The single-precision copy of X for the checks (``SolverOptions/singlePrecisionChecks``),
    /// made at the first check that uses it; nil when not used or not representable.
    var shadow: SinglePrecisionMatrix?
    var shadowTried = false
    var shadowScratch: [Float] = []
    /// Correlations recomputed in double at the last check made with the shadow (for tests).
    var exactCorrelationsAtLastCheck = 0

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
    /// ``solve(penalty:previousL1:stopping:)``).
    var innerScale = 1.0

    init(design: Design, options: SolverOptions, initial: [Double]?) throws(RegressionError) {
        self.design = design
        self.options = options
        rowLevel = design.rowLevel
        n = rowLevel?.rows ?? 0
        p = design.columns
        scheme = rowLevel == nil ? .covariance : options.scheme.resolved(rows: n, columns: p)
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

    /// The design's rows, for the naive scheme and the checks made from a residual, which run
    /// only when there are rows (``scheme`` is the covariance scheme and the cache exact otherwise).
    @inline(__always)
    var rowDesign: Design.Rows {
        guard let rows = rowLevel else { preconditionFailure("CoordinateDescentSolver: a row operation on a design without rows") }
        return rows
    }

    // MARK: - Newton state

    /// The factor of the last Newton system, which later steps border (``BorderedFactor``). Not
    /// `lazy`: a lazy property has no in-place modify accessor, so every mutation would copy it.
    var newtonFactor: BorderedFactor

    // a Newton step, kept along the path so each step only computes the columns of new features.
    var newtonFeatures: [Int] = []
    var newtonSlot: [Int]
    /// The centered columns x̃ⱼ of `newtonFeatures`, in slot order (n × count, column-major).
    var newtonColumns: [Double] = []
    /// c X̃ᵀX̃ of `newtonFeatures`, in slot order.
    var newtonGram = GrowingSymmetricMatrix(minimumCapacity: 64, limit: Tuning.newtonCacheLimit)

    // MARK: - One α

    /// Solves at `penalty`, warm-started from the current coefficients. `previousL1` is the l1
    /// strength at which ρ was last computed (λ₁ at the previous path point, or λ₁,max).
    func solve(penalty: ElasticNetPenalty, previousL1: Double, stopping: StoppingRule) throws(RegressionError) -> CoordinateDescentOutcome {
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
        var tolScale = stopping.tolerance * max(0.5 * residualNormSquared + penalty.value(coefficients), 1e-4 * nullObjective)
        // After a small step in λ₁ (a path grid), the inner threshold starts where the last solve's
        // ended (relative to its gap target), relaxed threefold: the ratio of sweep changes to gap
        // changes little from one α to the next, and starting at the gap target itself costs a
        // check per factor of 1000. After a large step (a cold start, a coarse grid) the support
        // is still far off, and a tight start would polish the wrong active set.
        var innerTolerance = tolScale * (lam1 >= Tuning.carriedThresholdStep * previousL1 ? innerScale : 1)
        var gap = Double.infinity
        // Stall detection at the rounding floor: the inner threshold never goes below
        // `roundingChange` times the objective scale (smaller coordinate changes are rounding
        // noise), and once there, checks that do not improve the best gap by 10% are counted.
        var bestGap = Double.infinity, stalledChecks = 0
        let budget = stopping.maximumIterations
        if scheme == .covariance { try ensureCached(setList, penalty: penalty) }
        // With the single-precision cache: the coefficients at the best exact check so far, to
        // return to should the model mislead the sweeps (an indefinite model can diverge).
        var anchor: [Double] = cacheIsApproximate ? coefficients : []
        var anchorObjective = 0.5 * residualNormSquared + penalty.value(coefficients)
        // Sweeps allowed before the next check: with the single-precision cache at most
        // ``approximateSweepLimit`` (a model that is not positive definite, as with duplicated
        // unpenalized columns, need not settle below the inner threshold).
        var sweepLimit = cacheIsApproximate ? min(budget, Tuning.approximateSweepLimit) : budget
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
                tolScale = stopping.tolerance * max(objective, 1e-4 * nullObjective)
                let floor = Tuning.roundingChange * max(objective, 1e-4 * nullObjective)
                if gapS > tolScale && change != 0 && innerTolerance > floor {
                    innerTolerance = max(floor, min(innerTolerance, tolScale) * min(0.1, max(1e-3, tolScale / gapS)))
                    continue
                }
            }
            // Check all features from scratch.
            sweepLimit = cacheIsApproximate ? min(budget, iterations + Tuning.approximateSweepLimit) : budget
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
            tolScale = stopping.tolerance * max(objective, 1e-4 * nullObjective)
            // (An infinite objective would make any gap pass the relative rule.)
            if gap <= tolScale && objective.isFinite {
                innerScale = min(1, Tuning.carriedThresholdRelaxation * innerTolerance / tolScale)
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
            let floor = Tuning.roundingChange * max(objective, 1e-4 * nullObjective)
            if innerTolerance <= floor {
                stalledChecks = gap < Tuning.stallProgress * bestGap ? 0 : stalledChecks + 1
            }
            // A sweep over the working set that moved nothing (a fixed point) or three stalled
            // checks: the rounding floor.
            if change == 0 || stalledChecks >= Tuning.stallChecks || modelFailed {
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
            let shrink = cacheIsApproximate ? Tuning.approximateModelShrink : min(0.1, max(1e-3, tolScale / gap))
            innerTolerance = max(floor, min(innerTolerance, tolScale) * shrink)
        }
        return CoordinateDescentOutcome(iterations: iterations, dualityGap: gap, converged: false)
    }
}
