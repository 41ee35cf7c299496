import LinearAlgebra
import RidgeLasso
import Testing

/// NIST StRD linear least squares (certified to 15 digits): α = 0 must reproduce the certified
/// coefficients to at least 9 significant digits with `qr`, `svd` and `auto`.
@Suite("Ridge: NIST StRD at α = 0")
struct RidgeNISTTests {
    static let datasets = ["Longley", "Norris", "NoInt1", "Wampler1"]

    @Test("certified values to ≥ 9 digits", arguments: datasets, [RidgeSolver.qr, .svd, .automatic])
    func certified(name: String, solver: RidgeSolver) throws {
        let d = try RidgeFixtures.nist(name)
        let model = try Ridge(alpha: 0, fitIntercept: d.fitIntercept, solver: solver).fit(d.x, d.y)
        let digits = correctDigits(model, coefficients: d.coefficients, intercept: d.intercept)
        #expect(digits >= 9, "\(name) with \(solver): \(digits) digits, coefficients \(model.coefficients), intercept \(model.intercept)")
        #expect(model.solverUsed != .automatic)
        if !d.fitIntercept { #expect(model.intercept == 0) }
    }

    /// Longley is the classic trap for the normal equations; the auto rule must not pick
    /// Cholesky for it unless Cholesky is safe, and whatever it picks keeps 9 digits (above).
    @Test("Longley: what each solver gets")
    func longleyDigits() throws {
        let d = try RidgeFixtures.nist("Longley")
        let qr = try Ridge(alpha: 0, solver: .qr).fit(d.x, d.y)
        let svd = try Ridge(alpha: 0, solver: .svd).fit(d.x, d.y)
        #expect(correctDigits(qr, coefficients: d.coefficients, intercept: d.intercept) >= 10)
        #expect(correctDigits(svd, coefficients: d.coefficients, intercept: d.intercept) >= 10)
        #expect(svd.rank == 6)
    }

    /// The auto rule at work: Longley's equilibrated Gram matrix has reciprocal condition 4.9e-5,
    /// so Cholesky is safe (12.8 digits); Wampler1's has 2.9e-7, where Cholesky keeps only
    /// about 7 digits, so auto takes QR (9.3 digits).
    @Test("auto: Cholesky for Longley, QR for Wampler1")
    func autoRule() throws {
        let longley = try RidgeFixtures.nist("Longley")
        let l = try Ridge(alpha: 0).fit(longley.x, longley.y)
        #expect(l.solverUsed == .cholesky)
        #expect(try #require(l.reciprocalCondition) >= Ridge.choleskyReciprocalConditionThreshold)
        let wampler = try RidgeFixtures.nist("Wampler1")
        let w = try Ridge(alpha: 0).fit(wampler.x, wampler.y)
        #expect(w.solverUsed == .qr)
        let chol = try Ridge(alpha: 0, solver: .cholesky).fit(wampler.x, wampler.y)
        #expect(try #require(chol.reciprocalCondition) < Ridge.choleskyReciprocalConditionThreshold)
        let cholDigits = correctDigits(chol, coefficients: wampler.coefficients, intercept: wampler.intercept)
        #expect(cholDigits < 9, "cholesky on Wampler1: \(cholDigits) digits")
    }

    /// Wampler1 is an exact fit of a degree-5 polynomial: y = 1 + x + … + x⁵.
    @Test("Wampler1: residual zero, all coefficients one")
    func wampler1Exact() throws {
        let d = try RidgeFixtures.nist("Wampler1")
        let model = try Ridge(alpha: 0).fit(d.x, d.y)
        let prediction = try model.predict(d.x)
        for (p, y) in zip(prediction, d.y) { #expect(abs(p - y) <= 1e-9 * max(1, abs(y))) }
    }
}
