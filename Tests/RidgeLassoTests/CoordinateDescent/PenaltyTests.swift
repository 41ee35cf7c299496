import Testing
@testable import RidgeLasso

@Suite struct PenaltyTests {
    let penalty = ElasticNetPenalty(alpha: 0.8, l1Ratio: 0.25, l1Weights: [1, 2, 0], l2Weights: [1, 4, 0])

    @Test func strengthsAndValue() {
        #expect(penalty.l1 == 0.2)
        #expect(abs(penalty.l2 - 0.6) < 1e-15)
        // 0.2·(1·1 + 2·2) + 0.3·(1·1 + 4·4) = 1.0 + 5.1
        #expect(abs(penalty.value([-1, 2, 5]) - 6.1) < 1e-12)
        #expect(ElasticNetPenalty.lasso(alpha: 1, count: 2, positive: true).value([1, -1]) == .infinity)
        #expect(ElasticNetPenalty.ridge(alpha: 2, count: 1).value([3]) == 9)
        #expect(penalty.isUnpenalized(2) && !penalty.isUnpenalized(0))
    }

    @Test func proxIsTheCoordinateMinimizer() {
        // minimize (d/2)t² − z t + h_j(t) on a grid.
        for j in 0..<3 {
            for z in stride(from: -1.5, through: 1.5, by: 0.3) {
                let d = 0.7
                let t = penalty.prox(z, curvature: d, feature: j)
                let f = { (u: Double) in
                    0.5 * d * u * u - z * u + penalty.l1 * penalty.l1Weights[j] * abs(u)
                        + 0.5 * penalty.l2 * penalty.l2Weights[j] * u * u
                }
                for u in stride(from: -4.0, through: 4.0, by: 0.001) { #expect(f(t) <= f(u) + 1e-12) }
            }
        }
        #expect(penalty.prox(1, curvature: 0, feature: 2) == 0) // constant column, no l2: exactly 0
    }

    @Test func fenchelYoungGapIsNonNegativeAndZeroAtConjugatePairs() {
        for j in 0..<2 {
            for w in stride(from: -2.0, through: 2.0, by: 0.25) {
                for s in stride(from: -2.0, through: 2.0, by: 0.25) {
                    #expect(penalty.fenchelYoungGap(w, s, feature: j) >= 0)
                }
                // s in ∂h(w) gives equality: s = λ₁a sign(w) + λ₂b w for w ≠ 0.
                if w != 0 {
                    let s = penalty.l1 * penalty.l1Weights[j] * (w > 0 ? 1 : -1) + penalty.l2 * penalty.l2Weights[j] * w
                    #expect(abs(penalty.fenchelYoungGap(w, s, feature: j)) < 1e-14)
                }
            }
        }
        // Pure l1: h(w) + h*(s) − ws = λ|w| − s w for feasible s.
        let lasso = ElasticNetPenalty.lasso(alpha: 0.5, count: 1)
        #expect(abs(lasso.fenchelYoungGap(2, 0.1, feature: 0) - (1.0 - 0.2)) < 1e-15)
    }

    @Test func subdifferentialDistance() {
        let lasso = ElasticNetPenalty.lasso(alpha: 0.5, count: 1)
        #expect(lasso.subdifferentialDistance(0, correlation: 0.3, feature: 0) == 0)
        #expect(abs(lasso.subdifferentialDistance(0, correlation: -0.8, feature: 0) - 0.3) < 1e-15)
        #expect(abs(lasso.subdifferentialDistance(1, correlation: 0.5, feature: 0)) < 1e-15)
        #expect(abs(lasso.subdifferentialDistance(-1, correlation: 0.5, feature: 0) - 1.0) < 1e-15)
        let positive = ElasticNetPenalty.lasso(alpha: 0.5, count: 1, positive: true)
        #expect(positive.subdifferentialDistance(0, correlation: -3, feature: 0) == 0)
    }
}
