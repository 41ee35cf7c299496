import LinearAlgebra
import Testing
import _TestSupport
@testable import RidgeLasso

/// ``ElasticNetCV`` and ``LassoCV`` on ``SparseMatrix`` against the same procedure on `x.dense()`.
@Suite struct SparseCrossValidationTests {
    @Test("sparse CV equals dense CV: same grid, fold errors within the paths' certified accuracy, same choice")
    func crossValidationEqualsDense() throws {
        let (x, y) = try SparseElasticNetTests.problem(n: 90, p: 60, density: 0.2, seed: 17)
        var g = SplitMix64(seed: 4)
        let weights = (0..<90).map { _ in 0.3 + g.uniform() }
        for (weighted, standardize) in [(false, false), (true, true)] {
            let cv = ElasticNetCV(l1Ratios: [0.5, 1], alphaCount: 25, epsilon: 1e-2, standardize: standardize,
                                  tolerance: 1e-10, threads: 2)
            let w = weighted ? weights : nil
            let s = try cv.fit(x, y, sampleWeights: w)
            let d = try cv.fit(x.dense(), y, sampleWeights: w)
            #expect(s.allConverged && d.allConverged)
            for r in 0..<2 {
                for k in 0..<25 {
                    #expect(abs(s.curves[r].alphas[k] - d.curves[r].alphas[k]) <= 1e-12 * d.curves[r].alphas[k])
                    // Held-out errors of certified fits: differences of the order of the coefficients' error.
                    #expect(abs(s.curves[r].meanErrors[k] - d.curves[r].meanErrors[k]) <= 1e-6 * d.curves[r].meanErrors[k])
                }
            }
            #expect(s.indexOfChosenL1Ratio == d.indexOfChosenL1Ratio && s.indexOfChosenAlpha == d.indexOfChosenAlpha)
            #expect(abs(s.model.objective - d.model.objective) <= s.model.dualityGap + d.model.dualityGap + 1e-13 * d.model.objective)
        }
    }

    @Test("sparse CV results are bit-identical whatever the thread count")
    func threadIndependent() throws {
        let (x, y) = try SparseElasticNetTests.problem(n: 80, p: 50, density: 0.12, seed: 23)
        let one = try LassoCV(alphaCount: 15, threads: 1).fit(x, y)
        let three = try LassoCV(alphaCount: 15, threads: 3).fit(x, y)
        #expect(one.curves == three.curves)
        #expect(one.model == three.model)
        #expect(one.foldDiagnostics == three.foldDiagnostics)
    }

    @Test("bad input to sparse CV is a typed error")
    func badInput() throws {
        let (x, y) = try SparseElasticNetTests.problem(n: 30, p: 10, density: 0.3, seed: 2)
        #expect(throws: RegressionError.self) { try LassoCV().fit(x, Array(y.prefix(10))) }
        #expect(throws: RegressionError.self) { try LassoCV(threads: 0).fit(x, y) }
        #expect(throws: RegressionError.self) { try LassoCV().fit(x, y, sampleWeights: [Double](repeating: -1, count: 30)) }
    }
}
