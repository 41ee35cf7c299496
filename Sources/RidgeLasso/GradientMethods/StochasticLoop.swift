import LinearAlgebra

/// The epoch/batch loop shared by ``StochasticGradientDescent`` and ``Adam``: seeded batches,
/// the time budget, history every `historyInterval` mini-batch steps, and the final report.
///
/// `converged` for a stochastic method means: after the last epoch, the full gradient of the
/// ridge objective F(w) = (1/2n)‖yc − Xc w‖² + (λ/2)‖w‖² satisfies ‖∇F(w)‖₂ ≤ tolerance·‖∇F(0)‖₂.
struct StochasticLoop {
    let data: GradientDesign
    let lambda: Double
    let epochs: Int
    let batchSize: Int
    let seed: UInt64
    let tolerance: Double
    let maximumSeconds: Double?
    let historyInterval: Int
    var recordsObjective = true

    /// F(w).
    func objective(_ w: [Double]) -> Double {
        guard let r = try? data.residual(w) else { return .nan }
        return BLAS.dot(r, r) / (2 * Double(data.n)) + lambda / 2 * BLAS.dot(w, w)
    }

    /// ‖∇F(w)‖₂.
    func gradientNorm(_ w: [Double]) throws(RegressionError) -> Double {
        let r = try data.residual(w)
        var g = try data.transposeTimes(r)
        let n = Double(data.n)
        for j in 0..<g.count { g[j] = g[j] / n + lambda * w[j] }
        return BLAS.norm(g)
    }

    /// Runs `update(&w, batchGradient, step)` for every batch of every epoch.
    func run(
        method: String, objectiveDescription: String, stepSize: Double, lipschitz: Double?,
        monitor: GradientMonitor?,
        update: (inout [Double], [Double], Int) -> Void
    ) throws(RegressionError) -> GradientMethodResult {
        var recorder = HistoryRecorder(interval: historyInterval, monitor: monitor)
        recorder.recordsObjective = recordsObjective
        var sampler = MiniBatchSampler(rows: data.n, batchSize: batchSize, seed: seed)
        var w = [Double](repeating: 0, count: data.p)
        var steps = 0
        let rows = data.rowMajorCopy()  // on the clock: part of the method's cost
        if historyInterval > 0 {
            recorder.record(iteration: 0, objective: { objective(w) }, coefficients: { (w, data.intercept(w)) })
        }
        epochLoop: for _ in 1...max(1, epochs) {
            for batch in sampler.nextEpoch() {
                if let budget = maximumSeconds, recorder.clock.seconds >= budget { break epochLoop }
                let g = data.batchGradient(w, rows: batch, rowMajor: rows)
                steps += 1
                update(&w, g, steps)
                if recorder.isDue(steps) {
                    recorder.record(iteration: steps, objective: { objective(w) }, coefficients: { (w, data.intercept(w)) })
                }
            }
        }
        let seconds = recorder.clock.seconds
        if historyInterval > 0, recorder.points.last?.iteration != steps {
            recorder.record(iteration: steps, objective: { objective(w) }, coefficients: { (w, data.intercept(w)) })
        }
        let g0 = try gradientNorm([Double](repeating: 0, count: data.p))
        let stopping = g0 > 0 ? try gradientNorm(w) / g0 : 0
        let finite = w.allSatisfy(\.isFinite)
        return GradientMethodResult(
            method: method, objectiveDescription: objectiveDescription,
            coefficients: w, intercept: data.intercept(w), iterations: steps,
            converged: finite && stopping <= tolerance, stepSize: stepSize, lipschitzConstant: lipschitz,
            objective: objective(w), dualityGap: nil, stoppingValue: stopping, history: recorder.points,
            seconds: seconds)
    }
}
