import LinearAlgebra
import RidgeLasso

// Model-selection timings: choosing ridge's α from 50 candidates against one ridge fit,
// and K-fold lasso cross-validation against one lasso path, each baseline measured in the same
// run on the same data. Medians of repeated runs, release build; see `measureRidgeSelection` and
// `measureLassoSelection`. Benchmarks/compare/cv_compare.py times scikit-learn and glmnet on the
// very same lasso problem (same generator, folds and grid).

/// Ridge selection over many α against a single ridge fit on the same data.
public struct RidgeSelectionTiming: Sendable, CustomStringConvertible {
    public let rows: Int
    public let columns: Int
    public let alphaCount: Int
    /// Median seconds of one `Ridge(alpha:).fit` (automatic solver) — the baseline.
    public let ridgeFitSeconds: Double
    /// Median seconds of `RidgeCV(criterion: .leaveOneOut).evaluate`: exact LOO for every α.
    public let leaveOneOutSeconds: Double
    /// Median seconds of `RidgeCV(criterion: .generalizedCrossValidation).evaluate`.
    public let generalizedCrossValidationSeconds: Double
    /// Median seconds of `RidgeCV(criterion: .leaveOneOut).fit`: LOO for every α plus the refit.
    public let leaveOneOutWithRefitSeconds: Double
    /// Median seconds of `RidgeCV(criterion: .generalizedCrossValidation).fit`: GCV plus the refit.
    public let gcvWithRefitSeconds: Double
    /// Median seconds of `Ridge().fit(x, y, alphas:)`: the same α fitted (not scored) from one
    /// decomposition, for context.
    public let ridgePathSeconds: Double
    /// The α chosen by LOO and by GCV.
    public let chosenAlphaLeaveOneOut: Double
    public let chosenAlphaGCV: Double

    public var leaveOneOutRatio: Double { leaveOneOutSeconds / ridgeFitSeconds }
    public var gcvRatio: Double { generalizedCrossValidationSeconds / ridgeFitSeconds }
    public var leaveOneOutWithRefitRatio: Double { leaveOneOutWithRefitSeconds / ridgeFitSeconds }
    public var gcvWithRefitRatio: Double { gcvWithRefitSeconds / ridgeFitSeconds }

    public var description: String {
        func f(_ x: Double, _ d: Int = 3) -> String { selectionFormat(x, d) }
        return "ridge selection \(rows)×\(columns), \(alphaCount) α: one ridge fit \(f(ridgeFitSeconds)) s; "
            + "exact LOO \(f(leaveOneOutSeconds)) s (\(f(leaveOneOutRatio, 2))× one fit), "
            + "GCV \(f(generalizedCrossValidationSeconds)) s (\(f(gcvRatio, 2))×), "
            + "LOO + refit \(f(leaveOneOutWithRefitSeconds)) s (\(f(leaveOneOutWithRefitRatio, 2))×), "
            + "GCV + refit \(f(gcvWithRefitSeconds)) s (\(f(gcvWithRefitRatio, 2))×), "
            + "ridge path over the α \(f(ridgePathSeconds)) s (\(f(ridgePathSeconds / ridgeFitSeconds, 2))×); "
            + "α(LOO) = \(f(chosenAlphaLeaveOneOut, 4)), α(GCV) = \(f(chosenAlphaGCV, 4))"
    }
}

/// Times ridge selection over `alphaCount` α (log-spaced 1e-3 … 1e4 times n) on a seeded
/// `rows × columns` problem against one ridge fit on the same data; every figure is the median
/// of `repetitions` runs.
public func measureRidgeSelection(
    rows: Int = 100_000, columns: Int = 500, alphaCount: Int = 50, repetitions: Int = 3, seed: UInt64 = 7
) throws -> RidgeSelectionTiming {
    let (x, y) = selectionProblem(rows: rows, columns: columns, nonzeros: min(columns, 50), noise: 2, seed: seed)
    let alphas = RidgeCV.logarithmicGrid(minimum: 1e-3, maximum: 1e4, count: alphaCount).map { $0 * Double(rows) / 1000 }
    let target = try Matrix(rows: rows, columns: 1, columnMajor: y)
    let fit = try selectionMedian(repetitions) { try Ridge(alpha: alphas[alphaCount / 2]).fit(x, y) }
    let loo = try selectionMedian(repetitions) { try RidgeCV(alphas: alphas).evaluate(x, targets: target) }
    let gcv = try selectionMedian(repetitions) {
        try RidgeCV(alphas: alphas, criterion: .generalizedCrossValidation).evaluate(x, targets: target)
    }
    let full = try selectionMedian(repetitions) { try RidgeCV(alphas: alphas).fit(x, y) }
    let gcvFull = try selectionMedian(repetitions) {
        try RidgeCV(alphas: alphas, criterion: .generalizedCrossValidation).fit(x, y)
    }
    let path = try selectionMedian(repetitions) { try Ridge().fit(x, y, alphas: alphas) }
    return RidgeSelectionTiming(
        rows: rows, columns: columns, alphaCount: alphaCount, ridgeFitSeconds: fit.seconds,
        leaveOneOutSeconds: loo.seconds, generalizedCrossValidationSeconds: gcv.seconds,
        leaveOneOutWithRefitSeconds: full.seconds, gcvWithRefitSeconds: gcvFull.seconds, ridgePathSeconds: path.seconds,
        chosenAlphaLeaveOneOut: loo.value.chosenAlphas[0], chosenAlphaGCV: gcv.value.chosenAlphas[0])
}

/// K-fold lasso cross-validation against one lasso path on the full data.
public struct LassoSelectionTiming: Sendable, CustomStringConvertible {
    public let rows: Int
    public let columns: Int
    public let folds: Int
    public let alphaCount: Int
    public let tolerance: Double
    /// Median seconds of one full-data `Lasso.path` over the same grid — the baseline.
    public let pathSeconds: Double
    /// Thread counts tried, and the median seconds of `LassoCV.fit` (CV + refit) with each.
    public let threadCounts: [Int]
    public let crossValidationSeconds: [Double]
    /// Whether every thread count gave bit-identical curves and refit.
    public let identicalAcrossThreads: Bool
    /// Whether every fold path and the refit converged.
    public let allConverged: Bool
    public let alphaMin: Double
    public let alphaOneStandardError: Double
    /// Nonzero coefficients of the refit at α_min.
    public let nonzeros: Int

    public var description: String {
        func f(_ x: Double, _ d: Int = 3) -> String { selectionFormat(x, d) }
        let runs = zip(threadCounts, crossValidationSeconds).map { "\($0) thread\($0 == 1 ? "" : "s") \(f($1)) s (\(f($1 / pathSeconds, 2))× one path)" }
        return "lasso CV \(rows)×\(columns), \(folds) folds × \(alphaCount) α, tolerance \(tolerance): "
            + "one full path \(f(pathSeconds)) s; " + runs.joined(separator: ", ")
            + "; identical across threads: \(identicalAcrossThreads), all converged: \(allConverged); "
            + "α_min = \(f(alphaMin, 5)), α_1se = \(f(alphaOneStandardError, 5)), \(nonzeros) nonzeros"
    }
}

/// Times `LassoCV` (`folds` shuffled folds, seed `foldSeed`, `alphaCount` α from the full data)
/// on a seeded `rows × columns` problem with each thread count in `threadCounts`, against one
/// lasso path over the same grid. The problem is the one cv_compare.py rebuilds in Python:
/// xᵢⱼ uniform in [−1, 1) from SplitMix64(seed) in column-major order, then y = Xβ + noise with
/// βⱼ = ±(1 + j/10) on the first 20 columns and noise 0.5·u, u uniform in [−1, 1).
///
/// `tolerance` is ``ElasticNet``'s (duality gap ≤ tolerance·max(P(w), 10⁻⁴P(0)), relative to the
/// objective). The default 1e-3 is at least as strict as scikit-learn's default `tol=1e-4`
/// (gap ≤ 1e-4·‖y − ȳ‖²/n = 2·10⁻⁴P(0)) wherever P(w) ≥ 0.2·P(0), and somewhat looser at the
/// smallest α of this problem (P(w) ≈ 0.05·P(0) at α_min); 1e-2 matches the gaps measured on
/// glmnet's solutions at its default `thresh=1e-7`.
public func measureLassoSelection(
    rows: Int = 1000, columns: Int = 10_000, folds: Int = 5, alphaCount: Int = 100,
    tolerance: Double = 1e-3, threadCounts: [Int] = [1, 2], repetitions: Int = 1, seed: UInt64 = 7, foldSeed: UInt64 = 0
) throws -> LassoSelectionTiming {
    let (x, y) = selectionProblem(rows: rows, columns: columns, nonzeros: min(columns, 20), noise: 0.5, seed: seed)
    let lasso = Lasso(tolerance: tolerance)
    let path = try selectionMedian(repetitions) { try lasso.path(x, y, count: alphaCount) }
    var seconds: [Double] = []
    var results: [ElasticNetCVResult] = []
    for t in threadCounts {
        let cv = LassoCV(alphaCount: alphaCount, folds: .shuffled(count: folds, seed: foldSeed), tolerance: tolerance, threads: t)
        let run = try selectionMedian(repetitions) { try cv.fit(x, y) }
        seconds.append(run.seconds)
        results.append(run.value)
    }
    let first = results[0]
    let identical = results.allSatisfy { $0.curves == first.curves && $0.model == first.model }
    return LassoSelectionTiming(
        rows: rows, columns: columns, folds: folds, alphaCount: alphaCount, tolerance: tolerance,
        pathSeconds: path.seconds, threadCounts: threadCounts, crossValidationSeconds: seconds,
        identicalAcrossThreads: identical, allConverged: results.allSatisfy(\.allConverged),
        alphaMin: first.alphaMin, alphaOneStandardError: first.alphaOneStandardError,
        nonzeros: first.model.activeSet.count)
}

// MARK: - Shared pieces (file-private names, so they cannot clash with the rest of the suite)

/// The seeded problem described at ``measureLassoSelection``.
private func selectionProblem(rows n: Int, columns p: Int, nonzeros k: Int, noise: Double, seed: UInt64) -> (Matrix, [Double]) {
    var source = SplitMix64(seed: seed)
    func uniform() -> Double { source.nextUniform() * 2 - 1 }
    var x = Matrix(rows: n, columns: p)
    for k in 0..<(n * p) { x.storage[k] = uniform() }
    var y = [Double](repeating: 0, count: n)
    for j in 0..<k {
        let beta = (j % 2 == 0 ? 1.0 : -1.0) * (1 + Double(j) / 10)
        for i in 0..<n { y[i] += x[i, j] * beta }
    }
    for i in 0..<n { y[i] += noise * uniform() }
    return (x, y)
}

private func selectionMedian<T>(_ repetitions: Int, _ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
    var times: [Double] = []
    var value: T? = nil
    for _ in 0..<max(1, repetitions) {
        let start = ContinuousClock.now
        value = try body()
        let (s, atto) = (ContinuousClock.now - start).components
        times.append(Double(s) + Double(atto) * 1e-18)
    }
    times.sort()
    let m = times.count / 2
    let median = times.count % 2 == 1 ? times[m] : (times[m - 1] + times[m]) / 2
    return (median, value!)
}

private func selectionFormat(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return "\(x)" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let r = (x * scale).rounded() / scale
    return "\(r)"
}
