import LinearAlgebra

// One cyclic coordinate-descent sweep, for either update scheme.
extension CoordinateDescentSolver {
    /// One cyclic sweep over `features`; returns maxⱼ dⱼ(Δwⱼ)².
    func sweep(_ features: [Int], penalty: ElasticNetPenalty) -> Double {
        var maxChange = 0.0
        var flips = 0
        let c = design.c
        features.withUnsafeBufferPointer { idx in
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
                                        let t = penalty.prox(z, curvature: dj, feature: j)
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
                                let t = penalty.prox(z, curvature: dj, feature: j)
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
        signChanges = flips
        return maxChange
    }
}
