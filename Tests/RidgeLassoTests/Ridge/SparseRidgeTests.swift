import LinearAlgebra
@testable import RidgeLasso
import Testing
import _TestSupport

/// Ridge on a sparse X against ridge on its dense copy, and the conjugate-gradient path against
/// its stated residual.
@Suite("Ridge: sparse X")
struct SparseRidgeTests {
    /// A seeded sparse problem: y = X·w + 2 + noise.
    static func problem(_ n: Int, _ p: Int, seed: UInt64, density: Double = 0.3, offset: Double = 0.5)
        throws -> (x: SparseMatrix, y: [Double], weights: [Double]) {
        var rng = SplitMix64(seed: seed)
        let x = try rng.sparseMatrix(n, p, density: density, offset: offset)
        let w = rng.vector(p)
        let y = try x.multiply(w).map { $0 + 2 + 0.3 * rng.normal() }
        // Weights with some zeros: rows that take no part.
        let weights = (0..<n).map { i in i % 9 == 4 ? 0 : 0.3 + 1.5 * rng.uniform() }
        return (x, y, weights)
    }

    static func parameters(_ m: RidgeModel) -> [Double] { m.coefficients + [m.intercept] }

    /// The relative residual of the normal equations at `model`, computed from the dense,
    /// explicitly centered and weighted copy: ‖X̃ᵀỹ − (X̃ᵀX̃ + αI)w‖ / ‖X̃ᵀỹ‖.
    static func denseRelativeResidual(_ model: RidgeModel, _ x: Matrix, _ y: [Double], weights: [Double]?,
                                      intercept: Bool) throws -> Double {
        let xm = intercept ? Centering.means(x, weights: weights) : [Double](repeating: 0, count: x.columns)
        let ym = intercept ? (0..<x.rows).reduce(0.0) { $0 + (weights?[$1] ?? 1) * y[$1] } / (weights?.reduce(0, +) ?? Double(x.rows)) : 0
        var r = [Double](repeating: 0, count: x.columns), q = r
        for i in 0..<x.rows {
            let s = weights?[i] ?? 1
            var fitted = 0.0
            for j in 0..<x.columns { fitted += (x[i, j] - xm[j]) * model.coefficients[j] }
            for j in 0..<x.columns {
                q[j] += s * (x[i, j] - xm[j]) * (y[i] - ym)
                r[j] += s * (x[i, j] - xm[j]) * ((y[i] - ym) - fitted)
            }
        }
        for j in 0..<x.columns { r[j] -= model.alpha * model.coefficients[j] }
        return BLAS.norm(r) / BLAS.norm(q)
    }

    @Test("exact sparse fits equal dense fits on x.dense() to 1e-10 (primal p ≤ n, dual p > n)",
          arguments: [(60, 8), (15, 40), (30, 30)])
    func equalsDense(n: Int, p: Int) throws {
        let (x, y, weights) = try Self.problem(n, p, seed: UInt64(n * 100 + p))
        let dense = x.dense()
        for alpha in [0.5, 3.0] {
            for intercept in [true, false] {
                for w in [nil, weights] {
                    let ridge = Ridge(alpha: alpha, fitIntercept: intercept)
                    let sparse = try ridge.fit(x, y, sampleWeights: w)
                    let reference = try Ridge(alpha: alpha, fitIntercept: intercept, solver: .svd).fit(dense, y, sampleWeights: w)
                    #expect(relativeDifference(Self.parameters(sparse), Self.parameters(reference)) <= 1e-10,
                            "\(n)×\(p) α=\(alpha) intercept=\(intercept) weighted=\(w != nil)")
                    #expect(sparse.solverUsed == .cholesky && sparse.iterativeSolve == nil && sparse.reciprocalCondition != nil)
                }
            }
        }
    }

    @Test("several targets equal one fit per target")
    func targets() throws {
        let (x, y, weights) = try Self.problem(40, 10, seed: 8)
        let y2 = y.enumerated().map { $0.element * 0.5 - Double($0.offset % 5) }
        let ys = try Matrix(columns: [y, y2])
        for solver in [RidgeSolver.automatic, .conjugateGradient] {
            let ridge = Ridge(alpha: 1.5, solver: solver)
            let both = try ridge.fit(x, targets: ys, sampleWeights: weights)
            for (t, target) in [y, y2].enumerated() {
                let single = try ridge.fit(x, target, sampleWeights: weights)
                #expect(relativeDifference(Self.parameters(both[t]), Self.parameters(single)) <= 1e-12)
            }
        }
    }

    @Test("conjugate gradients reach their stated residual, and the dense residual confirms it",
          arguments: [1e-8, 1e-12])
    func conjugateGradient(tolerance: Double) throws {
        let (x, y, weights) = try Self.problem(120, 50, seed: 21, density: 0.1)
        let dense = x.dense()
        for intercept in [true, false] {
            for w in [nil, weights] {
                let ridge = Ridge(alpha: 0.8, fitIntercept: intercept, solver: .conjugateGradient)
                let model = try ridge.fit(x, y, sampleWeights: w, tolerance: tolerance)
                let report = try #require(model.iterativeSolve)
                #expect(model.solverUsed == .conjugateGradient && model.reciprocalCondition == nil)
                #expect(report.converged && report.relativeResidual <= tolerance && report.tolerance == tolerance)
                #expect(report.iterations >= 1 && report.iterations <= 2 * 50 + 100)
                let independent = try Self.denseRelativeResidual(model, dense, y, weights: w, intercept: intercept)
                #expect(independent <= 2 * tolerance, "dense residual \(independent)")
                let exact = try Ridge(alpha: 0.8, fitIntercept: intercept).fit(dense, y, sampleWeights: w)
                // κ(X̃ᵀX̃ + αI) is below 10³ here: the solution is within about κ·tolerance.
                #expect(relativeDifference(Self.parameters(model), Self.parameters(exact)) <= 1e3 * tolerance)
            }
        }
    }

    @Test("an iteration limit too small is reported, not hidden")
    func notConverged() throws {
        let (x, y, _) = try Self.problem(120, 50, seed: 22, density: 0.1)
        let model = try Ridge(alpha: 1e-3, solver: .conjugateGradient).fit(x, y, tolerance: 1e-12, maximumIterations: 2)
        let report = try #require(model.iterativeSolve)
        #expect(report.iterations == 2 && !report.converged && report.relativeResidual > 1e-12)
    }

    /// scikit-learn #4710: Ridge on sparse X with fit_intercept gave a wrong intercept because the
    /// sparse columns were not centered. Here the nonzeros sit at 50 ± 1 and one indicator column is
    /// present in 99% of the rows, the hard cases for implicit centering.
    @Test("intercept with shifted sparse columns (scikit-learn #4710) equals the dense fit")
    func shiftedColumnsIntercept() throws {
        var rng = SplitMix64(seed: 4710)
        let n = 300, p = 6
        let shifted = try rng.sparseMatrix(n, p, density: 0.4, offset: 50)
        let indicator = rng.nearlyConstantIndicator(n, absent: 0.01)
        var triplets: [(row: Int, column: Int, value: Double)] = []
        for j in 0..<p {
            let (r, v) = shifted.column(j)
            for (i, value) in zip(r, v) { triplets.append((Int(i), j, value)) }
        }
        for (i, v) in indicator.enumerated() where v != 0 { triplets.append((i, p, v)) }
        let x = try SparseMatrix(rows: n, columns: p + 1, triplets: triplets)
        let truth = (0...p).map { Double($0) - 2.5 }
        let y = try x.multiply(truth).map { $0 + 7 + 0.1 * rng.normal() }
        for solver in [RidgeSolver.automatic, .conjugateGradient] {
            let sparse = try Ridge(alpha: 0.1, solver: solver).fit(x, y, tolerance: 1e-13)
            let dense = try Ridge(alpha: 0.1, solver: .svd).fit(x.dense(), y)
            let bound = solver == .automatic ? 1e-10 : 1e-7
            #expect(relativeDifference(Self.parameters(sparse), Self.parameters(dense)) <= bound, "\(solver)")
            #expect(abs(sparse.intercept - dense.intercept) <= bound * max(1, abs(dense.intercept)))
        }
        // The model is right, not merely equal to the dense one: the intercept is near 7 once the
        // columns are centered (an uncentered fit puts it near 0 and the column means absorb it).
        let model = try Ridge(alpha: 1e-6).fit(x, y)
        #expect(abs(model.intercept - 7) < 0.5)
    }

    @Test("constant and empty columns get exactly 0, as on a dense X")
    func setAsideColumns() throws {
        let n = 20
        var rng = SplitMix64(seed: 9)
        var triplets: [(row: Int, column: Int, value: Double)] = []
        for i in 0..<n {
            triplets.append((i, 0, 3))                        // constant 3: no information with an intercept
            if i % 3 == 0 { triplets.append((i, 2, rng.normal())) }
            triplets.append((i, 3, rng.normal() + 1))
        }                                                        // column 1 is empty
        let x = try SparseMatrix(rows: n, columns: 4, triplets: triplets)
        let y = rng.vector(n)
        let model = try Ridge(alpha: 1).fit(x, y)
        #expect(model.coefficients[0] == 0 && model.coefficients[1] == 0)
        let dense = try Ridge(alpha: 1).fit(x.dense(), y)
        #expect(relativeDifference(Self.parameters(model), Self.parameters(dense)) <= 1e-10)
        let noIntercept = try Ridge(alpha: 1, fitIntercept: false).fit(x, y)
        #expect(noIntercept.coefficients[1] == 0 && noIntercept.coefficients[0] != 0)
    }

    @Test("bad requests are refused with the parameter named")
    func refusals() throws {
        let (x, y, _) = try Self.problem(10, 30, seed: 2)
        #expect(throws: RegressionError.self) { try Ridge(solver: .qr).fit(x, y) }
        #expect(throws: RegressionError.self) { try Ridge(solver: .svd).fit(x, y) }
        #expect(throws: RegressionError.dimensionMismatch("X has 10 rows but y has 9 values")) {
            try Ridge().fit(x, Array(y.dropLast()))
        }
        #expect(throws: RegressionError.nonFinite(input: "y", row: 3, column: 0)) {
            var bad = y
            bad[3] = .nan
            return try Ridge().fit(x, bad)
        }
        #expect(throws: RegressionError.self) { try Ridge(alpha: -1).fit(x, y) }
        #expect(throws: RegressionError.self) { try Ridge().fit(x, y, tolerance: 0) }
        // Cholesky on the dual needs α > 0; p > n at α = 0 has no dual and a singular primal.
        #expect(throws: RegressionError.self) { try Ridge(alpha: 0, solver: .cholesky).fit(x, y) }
        // A dense X refuses conjugate gradients.
        #expect(throws: RegressionError.self) { try Ridge(solver: .conjugateGradient).fit(x.dense(), y) }
    }
}
