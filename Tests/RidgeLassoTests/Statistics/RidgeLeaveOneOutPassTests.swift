import LinearAlgebra
@testable import RidgeLasso
import Testing

/// Exact ridge leave-one-out as a second streaming pass over the rows, against RidgeCV's exact
/// leave-one-out on the rows in memory.
@Suite("Ridge leave-one-out pass")
struct RidgeLeaveOneOutPassTests {
    typealias P = StatisticsProblems

    @Test("the second pass equals RidgeCV's exact leave-one-out to 1e-10 relative, for blocks of 1, 7 and all rows",
          arguments: [(false, true), (true, true), (true, false), (false, false)], [1, 7, 0])
    func matchesRidgeCV(_ setting: (weighted: Bool, fitIntercept: Bool), block: Int) throws {
        let n = 50, p = 4
        let (x, y, w) = P.problem(n: n, p: p, k: 2, seed: 17, constantColumn: true)
        let weights = setting.weighted ? w : nil
        let s = try P.statistics(x, y, weights: weights, block: 9)
        let cv = RidgeCV(alphas: RidgeCV.logarithmicGrid(minimum: 1e-3, maximum: 1e3, count: 9),
                         fitIntercept: setting.fitIntercept, criterion: .leaveOneOut, threads: 1)
        let rows = try cv.evaluate(x, targets: y, sampleWeights: weights)
        var pass = try RidgeLeaveOneOutPass(statistics: s, selection: cv)
        // The rows in another order than the statistics saw them: the pass does not depend on it.
        let z = P.joined(x, y), size = block == 0 ? n : block
        for start in stride(from: 0, to: n, by: size) {
            let order = Array(start..<min(n, start + size)).reversed().map { n - 1 - $0 }
            try pass.add(rows: z.selectingRows(order), weights: weights.map { w in order.map { w[$0] } })
        }
        let streamed = try pass.evaluation()
        #expect(streamed.indicesOfChosenAlpha == rows.indicesOfChosenAlpha)
        for t in 0..<2 {
            #expect(P.relative(streamed.curves[t].meanErrors, rows.curves[t].meanErrors) <= 1e-10, "target \(t)")
            let a = try #require(streamed.curves[t].standardErrors), b = try #require(rows.curves[t].standardErrors)
            #expect(P.relative(a, b) <= 1e-10)
            let g = try #require(streamed.generalizedCrossValidation?[t]), h = try #require(rows.generalizedCrossValidation?[t])
            #expect(P.relative(g, h) <= 1e-10)
        }
        #expect(P.relative(try #require(streamed.degreesOfFreedom), try #require(rows.degreesOfFreedom)) <= 1e-10)
    }

    @Test("a pass over other rows, or a block of the wrong shape, is refused")
    func errors() throws {
        let (x, y, w) = P.problem(n: 20, p: 3, k: 1, seed: 3)
        let s = try P.statistics(x, y, weights: w, block: 20)
        let cv = RidgeCV(alphas: [0.1, 1], criterion: .leaveOneOut)
        var pass = try RidgeLeaveOneOutPass(statistics: s, selection: cv)
        let z = P.joined(x, y)
        #expect(throws: RegressionError.self) { try pass.add(rows: z, weights: nil) }
        #expect(throws: RegressionError.self) { try pass.add(rows: x, weights: w) }
        try pass.add(rows: z.selectingRows(Array(0..<10)), weights: Array(w[0..<10]))
        #expect(throws: RegressionError.self) { try pass.evaluation() }
        #expect(throws: RegressionError.self) { try RidgeLeaveOneOutPass(statistics: s, selection: RidgeCV(alphas: [0])) }
        // As many rows as the statistics, but not theirs: one value changed, or other weights.
        var other = z
        other[4, 1] += 0.5
        var changed = try RidgeLeaveOneOutPass(statistics: s, selection: cv)
        try changed.add(rows: other, weights: w)
        #expect(throws: RegressionError.self) { try changed.evaluation() }
        var reweighted = try RidgeLeaveOneOutPass(statistics: s, selection: cv)
        try reweighted.add(rows: z, weights: w.map { 2 * $0 })
        #expect(throws: RegressionError.self) { try reweighted.evaluation() }
        var same = try RidgeLeaveOneOutPass(statistics: s, selection: cv)
        try same.add(rows: z, weights: w)
        _ = try same.evaluation()
    }
}
