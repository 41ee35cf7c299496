import LinearAlgebra
import Testing
@testable import RidgeLasso

@Suite struct ElasticNetDualityGapTests {
    /// Weak duality: the gap at any w is at least P(w) − P*, and it is 0 at the optimum
    /// (closed form on an orthogonal design).
    @Test(arguments: [1.0, 0.3])
    func boundsTheSuboptimalityAndVanishesAtTheOptimum(l1Ratio: Double) throws {
        let x = GradientTestData.orthogonalDesign(logRows: 5, p: 6)
        let y: [Double] = (0..<32).map { (i: Int) -> Double in
            let a = Double((i * 7) % 11)
            return a - 4 + 0.1 * Double(i)
        }
        let data = try GradientDesign(x, y, fitIntercept: true)
        let n = 32.0, alpha = 0.4, l1 = alpha * l1Ratio, l2 = alpha * (1 - l1Ratio)
        let z = try data.transposeTimes(data.yc).map { $0 / n }
        let optimum = z.map { (($0 > 0 ? 1 : -1) * max(abs($0) - l1, 0)) / (1 + l2) }
        let (pStar, gapStar) = try ElasticNetDualityGap.evaluate(data, w: optimum, l1: l1, l2: l2)
        #expect(gapStar < 1e-12)
        var rng = GradientTestRandom(seed: 21)
        for _ in 0..<20 {
            let w = optimum.map { $0 + 0.3 * rng.gaussian() }
            let (primal, gap) = try ElasticNetDualityGap.evaluate(data, w: w, l1: l1, l2: l2)
            #expect(primal > pStar)
            #expect(gap >= primal - pStar - 1e-12)
        }
    }

    /// At w = 0 the lasso gap is exactly 0 when α = α_max, and clearly positive below it.
    @Test func isZeroAtTheOriginForAlphaMax() throws {
        let (x, y) = GradientTestData.problem(n: 30, p: 4, seed: 22)
        let data = try GradientDesign(x, y, fitIntercept: true)
        let alphaMax = try data.transposeTimes(data.yc).map { abs($0) / 30 }.max() ?? 0
        let zero = [Double](repeating: 0, count: 4)
        let (primal, gap) = try ElasticNetDualityGap.evaluate(data, w: zero, l1: alphaMax, l2: 0)
        #expect(abs(primal - BLAS.dot(data.yc, data.yc) / 60) < 1e-12 * primal)
        #expect(gap < 1e-12 * primal)
        let (_, gapBelow) = try ElasticNetDualityGap.evaluate(data, w: zero, l1: alphaMax / 2, l2: 0)
        #expect(gapBelow > 1e-3 * primal)
    }

    /// The baselines' gap is the models' gap: at coordinate descent's answer, ISTA/FISTA's
    /// certificate reports the same objective and the same duality gap (a loose tolerance keeps
    /// the gap far above rounding).
    @Test(arguments: [1.0, 0.5])
    func isTheCoordinateDescentGap(l1Ratio: Double) throws {
        let (x, y) = GradientTestData.problem(n: 40, p: 6, seed: 23)
        let alpha = 0.1 * (try ElasticNet.alphaMax(x, y, l1Ratio: l1Ratio))
        let fit = try ElasticNet(alpha: alpha, l1Ratio: l1Ratio, tolerance: 1e-3).fit(x, y)
        let (objective, gap) = try ProximalGradientDescent(alpha: alpha, l1Ratio: l1Ratio)
            .objectiveAndDualityGap(x, y, coefficients: fit.coefficients)
        #expect(abs(objective - fit.objective) <= 1e-12 * fit.objective)
        #expect(abs(gap - fit.dualityGap) <= 1e-10 * fit.objective)
        #expect(gap > 0)
    }
}
