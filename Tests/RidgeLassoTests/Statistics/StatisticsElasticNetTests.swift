import LinearAlgebra
@testable import RidgeLasso
import Testing

/// Lasso and elastic net from ``SufficientStatistics`` (the covariance scheme on their Gram
/// matrix, no rows) against the same fits on the rows: objectives within the certified tolerance,
/// the same α grid, K-fold CV from fold statistics equal to CV on the rows with the same folds.
@Suite("Elastic net from statistics")
struct StatisticsElasticNetTests {
    typealias P = StatisticsProblems

    /// The objective of ``ElasticNet`` evaluated on the rows at (w, b):
    /// ½Σᵢ vᵢ(yᵢ − xᵢᵀw − b)² + penalty, vᵢ = sᵢ/Σs (1/n unweighted), with the model's penalty weights.
    static func rowsObjective(_ model: ElasticNet, _ x: Matrix, _ y: [Double], weights: [Double]?,
                              w: [Double], b: Double, alpha: Double) throws -> Double {
        let n = x.rows
        let total = weights?.reduce(0, +) ?? Double(n)
        var data = 0.0
        for i in 0..<n {
            var e = y[i] - b
            for j in 0..<x.columns { e -= x[i, j] * w[j] }
            data += (weights?[i] ?? 1) / total * e * e
        }
        let design = try PreparedDesign(x, y, weights: weights, fitIntercept: model.fitIntercept)
        let (a, c) = try Standardization.penaltyWeights(design: design, factors: model.penaltyFactors, standardize: model.standardize)
        let penalty = ElasticNetPenalty(alpha: alpha, l1Ratio: model.l1Ratio, l1Weights: a, l2Weights: c, positive: model.positive)
        return 0.5 * data + penalty.value(w)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let weighted: Bool, fitIntercept: Bool, standardize: Bool, l1Ratio: Double, positive: Bool
        var testDescription: String {
            "weighted \(weighted), intercept \(fitIntercept), standardize \(standardize), r \(l1Ratio), positive \(positive)"
        }
    }

    static let cases = [
        Case(weighted: false, fitIntercept: true, standardize: false, l1Ratio: 1, positive: false),
        Case(weighted: true, fitIntercept: true, standardize: true, l1Ratio: 0.5, positive: false),
        Case(weighted: true, fitIntercept: false, standardize: false, l1Ratio: 1, positive: true),
        Case(weighted: false, fitIntercept: false, standardize: true, l1Ratio: 0.3, positive: false),
    ]

    @Test("fits from statistics reach the rows' objective within the certified gaps, for blocks of 1, 7 and all rows",
          arguments: cases, [1, 7, 0])
    func fitMatchesRows(_ c: Case, block: Int) throws {
        let n = 60, p = 6
        let (x, yy, w) = P.problem(n: n, p: p, k: 1, seed: 21, constantColumn: !c.standardize)
        let y = yy.column(0), weights = c.weighted ? w : nil
        let s = try P.statistics(x, yy, weights: weights, block: block == 0 ? n : block)
        var model = ElasticNet(l1Ratio: c.l1Ratio, fitIntercept: c.fitIntercept, standardize: c.standardize,
                               tolerance: 1e-10, positive: c.positive, penaltyFactors: [1, 0.5, 1, 2, 1, 1])
        let alphaMax = try ElasticNet.alphaMax(x, y, l1Ratio: c.l1Ratio, fitIntercept: c.fitIntercept, sampleWeights: weights,
                                               positive: c.positive, penaltyFactors: model.penaltyFactors, standardize: c.standardize)
        let fromStatistics = try ElasticNet.alphaMax(s, l1Ratio: c.l1Ratio, fitIntercept: c.fitIntercept, positive: c.positive,
                                                     penaltyFactors: model.penaltyFactors, standardize: c.standardize)
        #expect(abs(fromStatistics - alphaMax) <= 1e-12 * alphaMax)
        for fraction in [0.5, 0.1, 0.01] {
            model.alpha = fraction * alphaMax
            let rows = try model.fit(x, y, sampleWeights: weights)
            let stats = try model.fit(s)
            #expect(rows.converged && stats.converged)
            let floor = try #require(stats.dualityGapFloor)
            #expect(floor > 0 && stats.dualityGap >= floor)
            #expect(rows.dualityGapFloor == nil)
            // Both objectives are certified within their gaps of the same optimum P*; the rows'
            // objective at the statistics' solution must be too.
            let atStats = try Self.rowsObjective(model, x, y, weights: weights, w: stats.coefficients,
                                                 b: stats.intercept, alpha: model.alpha)
            let slack = rows.dualityGap + stats.dualityGap + 1e-13 * rows.objective
            #expect(abs(atStats - rows.objective) <= slack, "α = \(model.alpha): \(atStats) vs \(rows.objective)")
            #expect(abs(stats.objective - rows.objective) <= slack)
            if c.positive { #expect(stats.coefficients.allSatisfy { $0 >= 0 }) }
            if !c.standardize && c.fitIntercept { #expect(stats.coefficients[2] == 0) }   // the constant column
        }
    }

    @Test("a path from statistics has the rows' α grid and objectives; a warm start is honoured")
    func pathMatchesRows() throws {
        let n = 80, p = 5
        let (x, yy, w) = P.problem(n: n, p: p, k: 1, seed: 5)
        let y = yy.column(0)
        let s = try P.statistics(x, yy, weights: w, block: 7)
        let model = ElasticNet(l1Ratio: 0.8, tolerance: 1e-10)
        let rows = try model.path(x, y, count: 20, sampleWeights: w)
        let stats = try model.path(s, count: 20)
        #expect(P.relative(stats.alphas, rows.alphas) <= 1e-12)
        let floors = try #require(stats.dualityGapFloors)
        #expect(floors.count == 20 && rows.dualityGapFloors == nil)
        for k in 0..<20 {
            #expect(abs(stats.objectives[k] - rows.objectives[k]) <= stats.dualityGaps[k] + rows.dualityGaps[k] + 1e-13 * rows.objectives[k])
            #expect(stats.dualityGaps[k] >= floors[k])
        }
        #expect(stats.nonzeroCounts.first == 0)
        var warm = model
        warm.alpha = stats.alphas[10]
        let restarted = try warm.fit(s, initialCoefficients: stats.coefficients[10])
        #expect(abs(restarted.objective - stats.objectives[10]) <= restarted.dualityGap + stats.dualityGaps[10])
        #expect(restarted.iterations <= 3)
    }

    @Test("columns offset by 1e8 standard deviations: the lasso from statistics keeps the objective to the certified tolerance")
    func largeOffsets() throws {
        // Raw sums keep no digits here: XᵀX − n·x̄x̄ᵀ cancels 2·log₁₀(1e8) = 16 digits of the
        // co-moment, so a Gram matrix formed from Σx and Σxxᵀ is rounding noise. The centered,
        // shifted co-moments of SufficientStatistics lose nothing to the offset.
        let n = 200, p = 4
        let (x, yy, _) = P.problem(n: n, p: p, k: 1, seed: 8)
        var shifted = x
        for j in 0..<p {
            let column = x.column(j)
            let mean = column.reduce(0, +) / Double(n)
            let sd = (column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)).squareRoot()
            shifted.setColumn(j, to: column.map { $0 + 1e8 * sd })
        }
        let y = yy.column(0)
        let s = try P.statistics(shifted, yy, weights: nil, block: 7)
        var model = ElasticNet(l1Ratio: 1, tolerance: 1e-10)
        model.alpha = 0.05 * (try ElasticNet.alphaMax(x, y, l1Ratio: 1))
        // Against the rows holding the same (rounded) shifted values: the same problem.
        let rows = try model.fit(shifted, y)
        let stats = try model.fit(s)
        #expect(stats.converged && rows.converged)
        #expect(abs(stats.objective - rows.objective) <= stats.dualityGap + rows.dualityGap + 1e-12 * rows.objective)
        // The intercept absorbs the offset, so the unshifted rows pose the same problem up to the
        // rounding of the shifted values themselves (ε·1e8 ≈ 2e-8 of each column's spread).
        let reference = try model.fit(x, y)
        #expect(abs(stats.objective - reference.objective) <= 1e-6 * reference.objective)
        #expect(P.relative(stats.coefficients, reference.coefficients) <= 1e-5)
    }

    @Test("K-fold CV from fold statistics equals ElasticNetCV on the rows with the same folds", arguments: [1.0, 0.5])
    func crossValidationMatchesRows(l1Ratio: Double) throws {
        let n = 90, p = 5, folds = 3
        let (x, yy, w) = P.problem(n: n, p: p, k: 1, seed: 31)
        let ids = (0..<n).map { RowFold.fold(ofRow: $0, seed: 4, folds: folds) }
        let z = P.joined(x, yy)
        let (names, targets) = P.names(p, 1)
        var parts = try (0..<folds).map { _ in try SufficientStatistics(featureNames: names, targetNames: targets, weighted: true) }
        for f in 0..<folds {
            let mine = (0..<n).filter { ids[$0] == f }
            try parts[f].add(rows: z.selectingRows(mine), weights: mine.map { w[$0] })
        }
        let cv = ElasticNetCV(l1Ratios: [l1Ratio], alphaCount: 15, folds: .given(ids), tolerance: 1e-12, threads: 1)
        let rows = try cv.fit(x, yy.column(0), sampleWeights: w)
        let stats = try cv.fit(folds: parts)
        #expect(P.relative(stats.curve.alphas, rows.curve.alphas) <= 1e-12)
        #expect(P.relative(stats.curve.meanErrors, rows.curve.meanErrors) <= 1e-6)
        #expect(stats.indexOfChosenAlpha == rows.indexOfChosenAlpha)
        #expect(stats.folds.count == folds && stats.folds.foldOfRow.isEmpty)
        #expect(abs(stats.model.objective - rows.model.objective) <= stats.model.dualityGap + rows.model.dualityGap + 1e-13)
        #expect(throws: RegressionError.self) { try cv.fit(folds: [parts[0]]) }
        var empty = parts
        empty[1] = try SufficientStatistics(featureNames: names, targetNames: targets, weighted: true)
        #expect(throws: RegressionError.invalidWeights("fold 1 has zero total weight")) { try cv.fit(folds: empty) }
    }

    @Test("bad statistics and parameters are typed errors")
    func errors() throws {
        let (names, targets) = P.names(3, 1)
        let empty = try SufficientStatistics(featureNames: names, targetNames: targets, weighted: false)
        #expect(throws: RegressionError.emptyData("the statistics hold no row of positive weight")) { try ElasticNet(alpha: 1).fit(empty) }
        let (x, yy, _) = P.problem(n: 20, p: 3, k: 1, seed: 2)
        let s = try P.statistics(x, yy, weights: nil, block: 20)
        #expect(throws: RegressionError.self) { try ElasticNet(alpha: 1).fit(s, target: 1) }
        #expect(throws: RegressionError.self) { try ElasticNet(alpha: -1).fit(s) }
        #expect(throws: RegressionError.self) { try ElasticNet(alpha: 1, penaltyFactors: [1]).fit(s) }
        #expect(throws: RegressionError.self) { try ElasticNet(l1Ratio: 0).path(s) }
    }
}
