import LinearAlgebra

// Active-set cycling with Anderson extrapolation, and the objective-decrease test every
// extrapolated, predicted or Newton step passes before it is kept.
extension CoordinateDescentSolver {
    /// Sweeps `activeList` until its largest change is below `innerTolerance`. With acceleration,
    /// every `andersonDepth` sweeps the last iterates are combined by Anderson extrapolation
    /// (the combination of the last iterates whose successive differences have the smallest norm,
    /// Bertrand & Massias 2021, as in celer/skglm); the extrapolated point is kept only if it
    /// lowers the objective, so convergence is never harmed.
    func cycleActiveSet(penalty: ElasticNetPenalty, innerTolerance: Double, iterations: inout Int, budget: Int) {
        let m = activeList.count
        let depth = Tuning.andersonDepth
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
        let newtonWait = max(Tuning.newtonAfterSweeps, Int((newtonCost * Tuning.blasSpeedup).rounded(.up)))
        var nextNewton = newtonAccepted ? Tuning.newtonAfterAccepted : newtonWait
        while activeChange > innerTolerance && iterations < budget {
            activeChange = sweep(activeList, penalty: penalty)
            iterations += 1
            sweeps += 1
            // Newton only once the signs have settled (no sign change in the last sweep).
            if options.acceleration && sweeps >= nextNewton && activeChange > innerTolerance && signChanges == 0 {
                let accepted = newtonStep(penalty: penalty)
                newtonAccepted = accepted
                // A rejected step waits twice as long before the next try (each costs n·|A|²).
                nextNewton = sweeps + (accepted ? Tuning.newtonAfterAccepted : 2 * nextNewton)
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

    func extrapolate(history: [Double], size m: Int, depth: Int, penalty: ElasticNetPenalty) {
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
    func tryStep(_ deltaIn: [Double], penalty: ElasticNetPenalty, lineSearch: Bool = false) -> Double {
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
}
