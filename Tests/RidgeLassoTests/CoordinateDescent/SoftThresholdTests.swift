import Testing
@testable import RidgeLasso

@Suite struct SoftThresholdTests {
    @Test func valuesOnBothSidesAndInsideTheDeadZone() {
        #expect(softThreshold(3, 1) == 2)
        #expect(softThreshold(-3, 1) == -2)
        #expect(softThreshold(0.5, 1) == 0)
        #expect(softThreshold(-1, 1) == 0)
        #expect(softThreshold(2, 0) == 2)
    }

    @Test func positiveVariantClampsNegativeSide() {
        #expect(softThreshold(3, 1, positive: true) == 2)
        #expect(softThreshold(-3, 1, positive: true) == 0)
        #expect(softThreshold(1, 1, positive: true) == 0)
    }

    @Test func isTheProximalMapOfTheAbsoluteValue() {
        // argmin_t ½(t − z)² + λ|t| checked against a fine grid.
        for z in stride(from: -2.0, through: 2.0, by: 0.37) {
            let lambda = 0.6
            let t = softThreshold(z, lambda)
            let f = { (u: Double) in 0.5 * (u - z) * (u - z) + lambda * abs(u) }
            for u in stride(from: -3.0, through: 3.0, by: 0.001) { #expect(f(t) <= f(u) + 1e-12) }
        }
    }
}
