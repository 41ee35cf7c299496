import LinearAlgebra

// One cyclic coordinate-descent sweep, for either update scheme. Each coordinate update is the
// penalty's proximal step (``ElasticNetPenalty/prox(_:curvature:l1:l2:positive:)``) at
// z = dⱼwⱼ + ρⱼ; the schemes differ only in how ρⱼ is read and kept current.
extension CoordinateDescentSolver {
    /// One cyclic sweep over `features`; returns maxⱼ dⱼ(Δwⱼ)² and counts the sign changes in
    /// ``signChanges``.
    func sweep(_ features: [Int], penalty: ElasticNetPenalty) -> Double {
        var maxChange = 0.0
        var flips = 0
        let lam1 = penalty.l1, lam2 = penalty.l2, positive = penalty.positive
        let c = design.c
        features.withUnsafeBufferPointer { idx in
            penalty.l1Weights.withUnsafeBufferPointer { a in
                penalty.l2Weights.withUnsafeBufferPointer { b in
                    curvature.withUnsafeBufferPointer { d in
                        /// The proximal step of coordinate j at z; records the change.
                        @inline(__always)
                        func update(_ j: Int, _ wj: Double, _ z: Double) -> Double {
                            let t = ElasticNetPenalty.prox(z, curvature: d[j], l1: lam1 * a[j], l2: lam2 * b[j],
                                                           positive: positive)
                            if t != wj {
                                let delta = t - wj
                                if (t > 0) != (wj > 0) || (t < 0) != (wj < 0) { flips += 1 }
                                w[j] = t
                                let change = d[j] * delta * delta
                                if change > maxChange { maxChange = change }
                            }
                            return t
                        }
                        if scheme == .naive {
                            // The true residual is r + pending: the shifts of modest-shift features
                            // (``CoordinateDescentDesign/addColumn(_:times:into:)``) are summed here
                            // and added to r once (along the shift direction e), after the sweep, so an
                            // update is a `daxpy`; eᵀr = −pending·‖e‖², taking the true residual's eᵀr
                            // as 0 as the sweep always has.
                            let rows = rowDesign, count = rows.shiftNormSquared
                            var pending = 0.0
                            for j in idx {
                                let dj = d[j]
                                if dj == 0 { continue }
                                let wj = w[j]
                                let rhoj = c * rows.shiftedDot(j, r, rowSum: -pending * count)
                                let t = update(j, wj, dj * wj + rhoj)
                                if t != wj { pending += rows.addColumn(j, times: -(t - wj), into: r) }
                            }
                            if pending != 0 { rows.addShift(pending, to: r) }
                        } else {
                            for j in idx {
                                let dj = d[j]
                                if dj == 0 { continue }
                                let wj = w[j]
                                let t = update(j, wj, dj * wj + g[j])
                                if t != wj { BLAS.axpy(p, -(t - wj), cache + slotOf[j] * p, g) }
                            }
                        }
                    }
                }
            }
        }
        signChanges = flips
        return maxChange
    }
}
