import Foundation
import LinearAlgebra
import RidgeLasso

/// Wall-clock times of every ridge solver on one seeded problem, next to the machine's own BLAS
/// speed measured in the same run.
public struct RidgeSolverTimingReport: Sendable, CustomStringConvertible {
    /// One timed configuration: a solver, with or without an intercept.
    public struct Entry: Sendable {
        public var solver: RidgeSolver
        public var fitIntercept: Bool
        /// The solver `automatic` picked (the solver itself otherwise).
        public var solverUsed: RidgeSolver
        /// Median wall time of `Ridge.fit`, seconds.
        public var seconds: Double
        /// Fastest of the runs, seconds (less sensitive to other load on the machine).
        public var bestSeconds: Double
    }

    public var rows: Int
    public var columns: Int
    public var alpha: Double
    public var repeats: Int
    public var seed: UInt64
    public var entries: [Entry]
    /// "XᵀX" (p × p, n ≥ p) or "XXᵀ" (n × n, p > n): the Gram product the Cholesky path forms.
    public var gramForm: String
    /// Median time of that Gram product alone (`dsyrk` on X), seconds.
    public var gramSeconds: Double
    /// Fastest run of the Gram product alone, seconds.
    public var gramBestSeconds: Double
    /// Its rate: n·p·(p+1) (or p·n·(n+1)) flops per second, in GFLOP/s.
    public var gramGFLOPS: Double
    /// `dgemm` on two 2000 × 2000 matrices in the same run: the machine's BLAS ceiling, GFLOP/s.
    public var dgemmGFLOPS: Double
    /// n ≥ p only: median time of the centered Gram product exactly as the Cholesky fit with an
    /// intercept forms it — XcᵀXc and Xcᵀy by `CenteredCrossProducts` (one `dsyrk` on X centered
    /// afterwards when that is safe, else one blocked pass), centering included — and its
    /// GFLOP/s (n·p·(p+1) flops).
    public var centeredGramSeconds: Double?
    public var centeredGramGFLOPS: Double?
    /// The share of the Cholesky fit (with an intercept) spent forming its Gram product: the
    /// median, over `repeats` back-to-back runs of (raw `dsyrk`, centered Gram product, fit), of
    /// centered-Gram time / fit time (p > n: raw `dsyrk` XXᵀ time / fit time). Target ≥ 0.85.
    public var choleskyGramFraction: Double
    /// The stricter share: raw `dsyrk` on X alone (no centering) / fit time, same runs.
    public var choleskyRawSyrkFraction: Double
    /// The BLAS this process runs: vendor, version, kernels and who chose them, threads.
    public var blasLibrary: String
    /// X[0,0], X[n−1,p−1] and Σy: the numpy script prints the same numbers for the same seed.
    public var checksum: (first: Double, last: Double, ySum: Double)

    public var description: String {
        var s = "ridge solvers, n = \(rows), p = \(columns), α = \(alpha), median of \(repeats), seed \(seed)\n"
        s += "BLAS: \(blasLibrary)\n"
        s += "data check: X[0,0] = \(checksum.first), X[n-1,p-1] = \(checksum.last), sum(y) = \(checksum.ySum)\n"
        for e in entries {
            let label = "\(e.solver.rawValue)\(e.fitIntercept ? "" : " (no intercept)")"
            let used = e.solver == .automatic ? " → \(e.solverUsed.rawValue)" : ""
            s += "  \(label.padding(toLength: 26, withPad: " ", startingAt: 0)) median \(fmt(e.seconds, 4)) s, best \(fmt(e.bestSeconds, 4)) s\(used)\n"
        }
        s += "  Gram product \(gramForm), raw dsyrk on X: median \(fmt(gramSeconds, 4)) s, best \(fmt(gramBestSeconds, 4)) s, \(fmt(gramGFLOPS, 1)) GFLOP/s\n"
        if let c = centeredGramSeconds, let g = centeredGramGFLOPS {
            s += "  Gram product as the fit forms it (centered XcᵀXc and Xcᵀy): median \(fmt(c, 4)) s, \(fmt(g, 1)) GFLOP/s\n"
        }
        s += "  dgemm 2000×2000 in the same run: \(fmt(dgemmGFLOPS, 1)) GFLOP/s\n"
        s += "  Cholesky fit (with intercept) spends \(fmt(100 * choleskyGramFraction, 1))% of its time forming its Gram product"
        s += " (raw dsyrk alone / fit: \(fmt(100 * choleskyRawSyrkFraction, 1))%)\n"
        return s
    }
}

private func fmt(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }

/// The seeded timing problem, generated exactly as Benchmarks/compare/ridge_numpy.py does:
/// u_k = (SplitMix64 output k) >> 11 · 2⁻⁵³ for k = 0, 1, 2, …; X (column-major, entry k = i + j·n)
/// = 2u_k − 1, then y_i = 2u_{np+i} − 1 + Σⱼ X[i,j]·(−1)ʲ/√p.
public func ridgeTimingProblem(rows n: Int, columns p: Int, seed: UInt64) throws -> (x: Matrix, y: [Double]) {
    var source = SplitMix64(seed: seed)
    func next() -> Double { 2 * source.nextUniform() - 1 }
    let storage = [Double](unsafeUninitializedCapacity: n * p) { buffer, count in
        for k in 0..<(n * p) { buffer[k] = next() }
        count = n * p
    }
    let x = try Matrix(rows: n, columns: p, columnMajor: storage)
    var y = (0..<n).map { _ in next() }
    let scale = 1 / Double(p).squareRoot()
    x.storage.withUnsafeBufferPointer { s in
        for j in 0..<p {
            let sign = j % 2 == 0 ? scale : -scale
            for i in 0..<n { y[i] += sign * s[i + j * n] }
        }
    }
    return (x, y)
}

/// Times every ridge solver on the seeded problem ``ridgeTimingProblem(rows:columns:seed:)``.
///
/// For each of `cholesky` (with and without intercept), `qr`, `svd` and `automatic` it reports the
/// median wall time of `Ridge(alpha:fitIntercept:solver:).fit` over `repeats` runs; then the
/// Gram product alone (`dsyrk`: XᵀX when n ≥ p, XXᵀ when p > n) and, for n ≥ p, the centered
/// Gram product as the fit forms it, their GFLOP/s, the machine's `dgemm` GFLOP/s in the same
/// run, and the share of the Cholesky fit spent in the Gram product. Build in release mode (`swift build -c release`); the solvers skipped in `solvers`
/// are not timed.
public func ridgeSolverTiming(
    n: Int, p: Int, repeats: Int = 3, seed: UInt64 = 42, alpha: Double = 1,
    solvers: [RidgeSolver] = [.cholesky, .qr, .svd, .automatic]
) throws -> RidgeSolverTimingReport {
    let (x, y) = try ridgeTimingProblem(rows: n, columns: p, seed: seed)
    let runs = max(1, repeats)
    func median(_ body: () throws -> Void) rethrows -> Double { try timed(body).median }
    func timed(_ body: () throws -> Void) rethrows -> (median: Double, best: Double) {
        var times: [Double] = []
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let start = clock.now
            try body()
            let d = clock.now - start
            times.append(Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
        }
        let sorted = times.sorted()
        return (sorted[sorted.count / 2], sorted[0])
    }
    var entries: [RidgeSolverTimingReport.Entry] = []
    var configurations: [(RidgeSolver, Bool)] = solvers.map { ($0, true) }
    if solvers.contains(.cholesky) { configurations.insert((.cholesky, false), at: 1) }
    for (solver, intercept) in configurations {
        var used = solver
        let ridge = Ridge(alpha: alpha, fitIntercept: intercept, solver: solver)
        let t = try timed { used = try ridge.fit(x, y).solverUsed }
        entries.append(.init(solver: solver, fitIntercept: intercept, solverUsed: used, seconds: t.median, bestSeconds: t.best))
    }
    let dual = p > n
    let gram = try timed { _ = try dual ? x.outerGram() : x.gram() }
    let gramSeconds = gram.median
    let gramFlops = dual ? Double(p) * Double(n) * Double(n + 1) : Double(n) * Double(p) * Double(p + 1)
    let a = try ridgeTimingProblem(rows: 2000, columns: 2000, seed: seed &+ 1).x
    let gemmSeconds = try median { _ = try a.multiplied(by: a, transposingSelf: true) }
    // Back-to-back runs: raw dsyrk, the centered Gram product as the fit forms it, the fit.
    var gramRatios: [Double] = [], rawRatios: [Double] = [], centeredTimes: [Double] = []
    let clock = ContinuousClock()
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    let cholesky = Ridge(alpha: alpha, solver: .cholesky)
    let target = try Matrix(rows: n, columns: 1, columnMajor: y)
    for _ in 0..<runs {
        let t0 = clock.now
        _ = try dual ? x.outerGram() : x.gram()
        let t1 = clock.now
        if !dual { _ = try CenteredCrossProducts(x: x, y: target, center: true) }
        let t2 = clock.now
        _ = try cholesky.fit(x, y)
        let t3 = clock.now
        let fit = seconds(t3 - t2)
        rawRatios.append(seconds(t1 - t0) / fit)
        gramRatios.append((dual ? seconds(t1 - t0) : seconds(t2 - t1)) / fit)
        centeredTimes.append(seconds(t2 - t1))
    }
    func med(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
    return RidgeSolverTimingReport(
        rows: n, columns: p, alpha: alpha, repeats: runs, seed: seed, entries: entries,
        gramForm: dual ? "XXᵀ (n×n)" : "XᵀX (p×p)", gramSeconds: gramSeconds, gramBestSeconds: gram.best,
        gramGFLOPS: gramFlops / gramSeconds / 1e9, dgemmGFLOPS: 2 * 8e9 / gemmSeconds / 1e9,
        centeredGramSeconds: dual ? nil : med(centeredTimes),
        centeredGramGFLOPS: dual ? nil : gramFlops / med(centeredTimes) / 1e9,
        choleskyGramFraction: med(gramRatios), choleskyRawSyrkFraction: med(rawRatios),
        blasLibrary: BLASLibrary.current.summary,
        checksum: (x[0, 0], x[n - 1, p - 1], y.reduce(0, +)))
}
