import LinearAlgebra

// Sign-fixed Newton steps on the active set: the bordered factor, the hold of coordinates whose
// target crosses 0, and the Gram cache of the naive scheme.
extension CoordinateDescentSolver {
    /// A Newton step on the active set with the signs fixed: solves
    /// (G_AA + λ₂B_A) d = ρ_A − λ₂B_A w_A − λ₁ a_A ∘ sign(w_A), the optimality conditions of the
    /// problem restricted to A (Cholesky, LAPACK), and takes it if it lowers the objective. When
    /// the support and signs are right this lands on the solution at once — the cure for the
    /// slow, ill-conditioned end of a p ≫ n path, where hundreds of CD sweeps would be needed.
    func newtonStep(penalty: ElasticNetPenalty) -> Bool {
        // Coordinates that reached 0 during the sweeps stay at 0: the sign-fixed model is that of
        // the nonzero ones (positions `live` in `activeList`).
        let live = activeList.indices.filter { w[activeList[$0]] != 0 }
        let features = live.map { activeList[$0] }
        let m = features.count
        guard m > 0, m <= Tuning.newtonMaximumSize else { return false }
        let c = design.c
        var rhs = [Double](repeating: 0, count: m)
        if scheme == .naive {
            guard extendNewtonGram(features) else { return false }
            let rows = rowDesign
            for (k, j) in features.enumerated() { rhs[k] = c * rows.shiftedDot(j, r, rowSum: 0) }
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
        for round in 0...Tuning.crossingRounds {
            var keep: [Int] = [], crossing: [Int] = []
            for (k, j) in current.enumerated() {
                let target = w[j] + solution[k]
                if target == 0 || (target > 0) != (w[j] > 0) { crossing.append(j) } else { keep.append(j) }
            }
            guard !crossing.isEmpty, round < Tuning.crossingRounds, !keep.isEmpty else { break }
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
        guard k <= min(Tuning.borderLimit, max(1, b / 8)) else { return nil }
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

    /// Adds the features of `features` missing from the Newton Gram cache, by one `dgemm`
    /// (n·|new|·k flops against the kept centered columns `newtonColumns`); a cache that
    /// would exceed ``newtonCacheLimit`` features restarts from `features`. False if `features`
    /// alone exceed the limit.
    func extendNewtonGram(_ features: [Int]) -> Bool {
        if newtonFeatures.count + features.filter({ newtonSlot[$0] < 0 }).count > Tuning.newtonCacheLimit {
            for j in newtonFeatures { newtonSlot[j] = -1 }
            newtonFeatures.removeAll()
            newtonGram.removeAll()
            newtonColumns = []
        }
        let missing = features.filter { newtonSlot[$0] < 0 }
        if missing.isEmpty { return true }
        let old = newtonFeatures.count, total = old + missing.count
        guard total <= Tuning.newtonCacheLimit else { return false }
        // The new features' rows of the Gram matrix against every kept feature (for the dense
        // design: their centered columns appended to the kept ones, one dgemm on that buffer).
        let mc = missing.count
        let product = rowDesign.newtonProducts(missing, against: newtonFeatures + missing, columns: &newtonColumns)
        newtonGram.append(rows: mc, products: product, scale: design.c)
        for (k, j) in missing.enumerated() {
            newtonSlot[j] = old + k
            newtonFeatures.append(j)
        }
        return true
    }
}
