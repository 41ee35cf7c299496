import LinearAlgebra
import Testing
import _TestSupport
@testable import RidgeLasso

/// The elastic net on ``SparseMatrix`` against the dense solver on `x.dense()`: the same problem
/// (implicit centering and weights against the dense design's), so the certified objectives
/// agree within the two duality gaps and the coefficients within the strong-convexity radius.
@Suite struct SparseElasticNetTests {
    /// One sparse problem: X with column means away from 0 (offset 0.5), y from 5 of its columns.
    static func problem(n: Int, p: Int, density: Double, seed: UInt64) throws -> (x: SparseMatrix, y: [Double]) {
        var g = SplitMix64(seed: seed)
        let drawn = try g.sparseMatrix(n, p, density: density, offset: 0.5)
        // Every column gets at least two stored rows, so that standardization is defined.
        var triplets: [(row: Int, column: Int, value: Double)] = []
        for j in 0..<p {
            let column = drawn.column(j)
            for (i, value) in zip(column.rows, column.values) { triplets.append((Int(i), j, value)) }
            if column.rows.count < 2 {
                for i in [j % n, (j + n / 2) % n] where !column.rows.contains(Int32(i)) { triplets.append((i, j, 1 + g.uniform())) }
            }
        }
        let x = try SparseMatrix(rows: n, columns: p, triplets: triplets)
        var w = [Double](repeating: 0, count: p)
        for j in stride(from: 0, to: p, by: max(1, p / 5)).prefix(5) { w[j] = g.normal() * 2 }
        var y = try x.multiply(w)
        for i in 0..<n { y[i] += 0.5 * g.normal() + 3 }
        return (x, y)
    }

    /// The objective from its definition, with standardization's penalty weights: P(w, b) =
    /// (1/2)Σvᵢ(yᵢ − xᵢᵀw − b)² + Σⱼ fⱼ[αr sⱼ|wⱼ| + α(1 − r)/2 sⱼ²wⱼ²], sⱼ the (weighted) standard
    /// deviation (root mean square without an intercept) when standardizing, else 1.
    static func objective(_ x: Matrix, _ y: [Double], _ m: ElasticNetModel, _ model: ElasticNet, weights: [Double]?) -> Double {
        let n = x.rows, p = x.columns
        let v = weights.map { ws in ws.map { $0 / ws.reduce(0, +) } } ?? [Double](repeating: 1 / Double(n), count: n)
        var loss = 0.0
        for i in 0..<n {
            var pred = m.intercept
            for j in 0..<p { pred += x[i, j] * m.coefficients[j] }
            loss += v[i] * (y[i] - pred) * (y[i] - pred)
        }
        var penalty = 0.0
        for j in 0..<p {
            var s = 1.0
            if model.standardize {
                var mean = 0.0
                if model.fitIntercept { for i in 0..<n { mean += v[i] * x[i, j] } }
                var q = 0.0
                for i in 0..<n { q += v[i] * (x[i, j] - mean) * (x[i, j] - mean) }
                s = q.squareRoot()
            }
            let f = model.penaltyFactors?[j] ?? 1, wj = m.coefficients[j]
            penalty += f * (m.alpha * model.l1Ratio * s * abs(wj) + 0.5 * m.alpha * (1 - model.l1Ratio) * s * s * wj * wj)
        }
        return 0.5 * loss + penalty
    }

    /// Every combination of the options that change the problem, on a p > n problem (naive
    /// scheme) and an n ≫ p one (covariance scheme by the density rule).
    static let variants: [(intercept: Bool, standardize: Bool, weighted: Bool, positive: Bool, factors: Bool)] = [
        (true, false, false, false, false), (false, false, false, false, false), (true, true, false, false, false),
        (true, false, true, false, false), (false, true, true, false, false), (true, false, false, true, false),
        (true, false, false, false, true), (true, true, true, true, true),
    ]

    @Test("sparse fits equal dense fits: objectives within the certified gaps, coefficients within the radius",
          arguments: [(60, 90, 0.08), (240, 20, 0.3)])
    func fitsEqualDense(n: Int, p: Int, density: Double) throws {
        let (x, y) = try Self.problem(n: n, p: p, density: density, seed: UInt64(n * 1000 + p))
        let dense = x.dense()
        var g = SplitMix64(seed: 7)
        let weights = (0..<n).map { i in i % 11 == 0 ? 0 : 0.2 + 1.8 * g.uniform() }
        // Feature 0 unpenalized, except with the sign constraint: there the dense solver's dual
        // point (the projection of a free unpenalized feature) does not certify a coefficient held
        // at its bound 0, on either design, so the comparison uses a small positive factor.
        let factors: [Double] = (0..<p).map { j in j == 0 ? 0 : (j % 3 == 0 ? 2 : 1) }
        let positiveFactors = factors.map { $0 == 0 ? 0.25 : $0 }
        for variant in Self.variants {
            for l1Ratio in [1.0, 0.5] {
                var model = ElasticNet(alpha: 1, l1Ratio: l1Ratio, fitIntercept: variant.intercept,
                                       standardize: variant.standardize, tolerance: 1e-10,
                                       positive: variant.positive,
                                       penaltyFactors: variant.factors ? (variant.positive ? positiveFactors : factors) : nil)
                let w = variant.weighted ? weights : nil
                let amax = try ElasticNet.alphaMax(x, y, l1Ratio: l1Ratio, fitIntercept: variant.intercept, sampleWeights: w,
                                                   positive: variant.positive, penaltyFactors: model.penaltyFactors,
                                                   standardize: variant.standardize)
                let denseMax = try ElasticNet.alphaMax(dense, y, l1Ratio: l1Ratio, fitIntercept: variant.intercept,
                                                       sampleWeights: w, positive: variant.positive,
                                                       penaltyFactors: model.penaltyFactors, standardize: variant.standardize)
                #expect(abs(amax - denseMax) <= 1e-12 * denseMax, "\(variant) r\(l1Ratio)")
                for fraction in [0.3, 0.03] {
                    model.alpha = fraction * amax
                    let s = try model.fit(x, y, sampleWeights: w)
                    let d = try model.fit(dense, y, sampleWeights: w)
                    let label = "\(variant) r\(l1Ratio) α/αmax \(fraction)"
                    #expect(s.converged && d.converged, "\(label)")
                    // The reported objective is the true one, and both certify the same optimum.
                    let direct = Self.objective(dense, y, s, model, weights: w)
                    #expect(abs(s.objective - direct) <= 1e-11 * direct, "\(label)")
                    let certified: Double = s.dualityGap + d.dualityGap + 1e-13 * d.objective
                    #expect(abs(s.objective - d.objective) <= certified, "\(label)")
                    #expect(s.dualityGap <= 1e-10 * s.objective + 1e-14, "\(label)")
                    if variant.positive { #expect(s.coefficients.allSatisfy { $0 >= 0 }, "\(label)") }
                    if variant.factors && !variant.positive { #expect(s.coefficients[0] != 0, "\(label): the unpenalized feature") }
                    let distance = zip(s.coefficients, d.coefficients).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
                    if l1Ratio < 1 {
                        // P is μ-strongly convex in w with μ ≥ α(1 − r)·minⱼ fⱼsⱼ² over penalized j.
                        #expect(distance <= 1e-5, "\(label)")
                    } else {
                        #expect(distance <= 1e-3, "\(label)")
                    }
                    #expect(abs(s.intercept - d.intercept) <= 1e-3 * (1 + abs(d.intercept)), "\(label)")
                }
            }
        }
    }

    @Test("both update schemes on sparse X reach the dense optimum", arguments: [UpdateScheme.naive, .covariance])
    func schemesAgree(_ scheme: UpdateScheme) throws {
        let (x, y) = try Self.problem(n: 150, p: 40, density: 0.2, seed: 11)
        let model = ElasticNet(alpha: 0.02, l1Ratio: 0.8, tolerance: 1e-11, updateScheme: scheme)
        let s = try model.fit(x, y)
        let d = try model.fit(x.dense(), y)
        #expect(s.converged && d.converged)
        #expect(abs(s.objective - d.objective) <= s.dualityGap + d.dualityGap + 1e-13 * d.objective)
        #expect(abs(s.objective - Self.objective(x.dense(), y, s, model, weights: nil)) <= 1e-11 * s.objective)
    }

    @Test("the density rule: covariance only for tall X with dense enough columns")
    func schemeByShapeAndDensity() throws {
        var g = SplitMix64(seed: 3)
        let tall = try g.sparseMatrix(400, 20, density: 0.3)
        let tallSparse = try g.sparseMatrix(400, 100, density: 0.01)
        let wide = try g.sparseMatrix(50, 400, density: 0.3)
        #expect(SparseDesign.scheme(.automatic, for: tall) == .covariance)
        #expect(SparseDesign.scheme(.automatic, for: tallSparse) == .naive)
        #expect(SparseDesign.scheme(.automatic, for: wide) == .naive)
        #expect(SparseDesign.scheme(.covariance, for: wide) == .covariance)
    }

    @Test("sparse paths equal dense paths point by point, warm starts included")
    func pathsEqualDense() throws {
        let (x, y) = try Self.problem(n: 70, p: 120, density: 0.06, seed: 5)
        for l1Ratio in [1.0, 0.5] {
            let model = ElasticNet(l1Ratio: l1Ratio, standardize: true, tolerance: 1e-10)
            let s = try model.path(x, y, count: 30, epsilon: 1e-2)
            let d = try model.path(x.dense(), y, count: 30, epsilon: 1e-2)
            #expect(s.alphas.count == 30 && s.allConverged && d.allConverged)
            for k in 0..<30 {
                #expect(abs(s.alphas[k] - d.alphas[k]) <= 1e-12 * d.alphas[k])
                #expect(abs(s.objectives[k] - d.objectives[k]) <= s.dualityGaps[k] + d.dualityGaps[k] + 1e-13 * d.objectives[k])
            }
            #expect(s.coefficients[0].allSatisfy { $0 == 0 })
            // A warm start from the path's last point converges at once to the same point.
            var single = model
            single.alpha = s.alphas[29]
            let warm = try single.fit(x, y, initialCoefficients: s.coefficients[29])
            let slack = warm.dualityGap + s.dualityGaps[29] + 1e-13 * s.objectives[29]
            #expect(warm.converged && abs(warm.objective - s.objectives[29]) <= slack)
            #expect(warm.iterations <= 3)
        }
    }

    @Test("implicit centering of a column present in 99% of rows converges as the dense centered problem")
    func nearlyConstantColumn() throws {
        let n = 2000, p = 30
        var g = SplitMix64(seed: 99)
        let indicator = g.nearlyConstantIndicator(n, absent: 0.01)
        var triplets: [(row: Int, column: Int, value: Double)] = []
        for i in 0..<n where indicator[i] != 0 { triplets.append((i, 0, 1)) }
        for j in 1..<p { for i in 0..<n where g.uniform() < 0.05 { triplets.append((i, j, g.normal() + 1)) } }
        let x = try SparseMatrix(rows: n, columns: p, triplets: triplets)
        // y depends strongly on the rare absence of the indicator.
        let y = (0..<n).map { i in 4 * indicator[i] + (x[i, 3] - x[i, 7]) + 0.1 * g.normal() }
        let design = SparseDesign(x, y, weights: nil, fitIntercept: true)
        #expect(!design.modestShift[0])   // m² ≈ 0.98 > 100·(0.0099): handled on its shifted values
        for scheme in [UpdateScheme.naive, .covariance] {
            let model = Lasso(alpha: 1e-3, tolerance: 1e-12, updateScheme: scheme)
            let s = try model.fit(x, y)
            let d = try model.fit(x.dense(), y)
            #expect(s.converged && d.converged)
            #expect(s.dualityGap <= 1e-12 * s.objective)
            // Each objective is a sum over n squared residuals, evaluated in another order by each
            // design and BLAS: up to n·ε of it is rounding (reference BLAS shows 2.9e-15 here).
            let rounding = Double(n) * Double.ulpOfOne * d.objective
            #expect(abs(s.objective - d.objective) <= s.dualityGap + d.dualityGap + rounding)
            #expect(abs(s.coefficients[0] - d.coefficients[0]) <= 1e-6 * abs(d.coefficients[0]))
            #expect(abs(s.coefficients[0] - 4) < 0.1)
            #expect(s.iterations <= 2 * d.iterations + 10)
        }
    }

    @Test("a constant sparse column (stored in every row with one value) gets exactly 0 and curvature 0")
    func constantColumn() throws {
        var triplets: [(row: Int, column: Int, value: Double)] = []
        for i in 0..<30 { triplets.append((i, 1, 2.5)); if i % 3 == 0 { triplets.append((i, 0, Double(i))) } }
        let x = try SparseMatrix(rows: 30, columns: 3, triplets: triplets)
        let y = (0..<30).map { Double($0 % 5) + x[$0, 0] * 0.3 }
        let design = SparseDesign(x, y, weights: nil, fitIntercept: true)
        #expect(design.curvature[1] == 0 && design.curvature[2] == 0 && design.shift[1] == 2.5)
        let m = try Lasso(alpha: 0.01).fit(x, y)
        #expect(m.coefficients[1] == 0 && m.coefficients[2] == 0 && m.coefficients[0] != 0)
        // Standardizing leaves a constant column's coefficient at 0 (glmnet's rule), as on dense X.
        let standardized = try Lasso(alpha: 0.01, standardize: true).fit(x, y)
        let dense = try Lasso(alpha: 0.01, standardize: true).fit(x.dense(), y)
        #expect(standardized.coefficients[1] == 0 && standardized.coefficients[2] == 0)
        #expect(abs(standardized.coefficients[0] - dense.coefficients[0]) <= 1e-6 * abs(dense.coefficients[0]))
    }

    @Test("bad input to the sparse entry points is a typed error naming it")
    func badInput() throws {
        let (x, y) = try Self.problem(n: 20, p: 10, density: 0.3, seed: 1)
        #expect(throws: RegressionError.self) { try Lasso().fit(x, Array(y.dropLast())) }
        var bad = y
        bad[4] = .nan
        #expect(throws: RegressionError.nonFinite(input: "y", row: 4, column: 0)) { try Lasso().fit(x, bad) }
        #expect(throws: RegressionError.self) { try Lasso(alpha: -1).fit(x, y) }
        #expect(throws: RegressionError.self) { try Lasso().fit(x, y, sampleWeights: [Double](repeating: 0, count: 20)) }
        #expect(throws: RegressionError.self) { try Lasso(penaltyFactors: [1]).fit(x, y) }
        #expect(throws: RegressionError.self) { try Lasso().fit(x, y, initialCoefficients: [1]) }
        let empty = try SparseMatrix(zeros: 0, 3)
        #expect(throws: RegressionError.emptyData("X has no rows")) { try Lasso().fit(empty, []) }
    }

    @Test("a 1000 × 100000 problem with 5 nonzeros per row runs on its nonzeros (densified it would be 800 MB)")
    func wideProblemStaysSparse() throws {
        let n = 1000, p = 100_000
        var g = SplitMix64(seed: 21)
        var triplets: [(row: Int, column: Int, value: Double)] = []
        for i in 0..<n { for _ in 0..<5 { triplets.append((i, Int(g.next() % UInt64(p)), 1 + g.uniform())) } }
        let x = try SparseMatrix(rows: n, columns: p, triplets: triplets)
        var y = [Double](repeating: 0, count: n)
        for j in 0..<20 { for k in x.columnStarts[j * 97]..<x.columnStarts[j * 97 + 1] { y[Int(x.rowIndices[k])] += x.values[k] } }
        for i in 0..<n { y[i] += 0.1 * g.normal() }
        let path = try Lasso().path(x, y, count: 10, epsilon: 0.05)
        #expect(path.allConverged)
        #expect(path.nonzeroCounts.last! > 0)
        #expect(path.dualityGaps.last! <= 1e-6 * path.objectives.last!)
    }
}
