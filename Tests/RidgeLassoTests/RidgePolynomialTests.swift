import Foundation
import LinearAlgebra
import RidgeLasso
import Testing

/// Polynomial designs of degree 8–10 with κ₂([1 X]) ≥ 1e12, against an 80-digit mpmath
/// reference (Fixtures/ridge/make_polynomial_reference.py).
@Suite("Ridge: ill-conditioned polynomial designs vs mpmath")
struct RidgePolynomialTests {
    struct Case: Decodable {
        let name: String
        let degree: Int
        let alpha: Double
        let x: [[Double]]
        let y: [Double]
        let conditionWithIntercept: Double
        let conditionCenteredEquilibrated: Double
        let coefficients: [String]
        let intercept: String
    }
    struct File: Decodable { let cases: [Case] }

    static func cases() throws -> [Case] {
        try JSONDecoder().decode(File.self, from: RidgeFixtures.data("polynomial_reference.json")).cases
    }

    static func digits(_ c: Case, _ solver: RidgeSolver) throws -> (Double, RidgeModel) {
        let x = try Matrix(rows: c.x)
        let model = try Ridge(alpha: c.alpha, solver: solver).fit(x, c.y)
        let reference = try c.coefficients.map { try #require(Double($0)) }
        let intercept = try #require(Double(c.intercept))
        return (correctDigits(model, coefficients: reference, intercept: intercept), model)
    }

    @Test("the designs are as ill-conditioned as claimed")
    func conditioning() throws {
        let cases = try Self.cases()
        #expect(cases.count == 6)
        #expect(Set(cases.map(\.degree)) == [8, 9, 10])
        for c in cases { #expect(c.conditionWithIntercept >= 1e12, "\(c.name)") }
    }

    @Test("auto, qr and svd keep ≥ 6 digits", arguments: [RidgeSolver.auto, .qr, .svd])
    func accurateSolvers(solver: RidgeSolver) throws {
        for c in try Self.cases() {
            let (digits, model) = try Self.digits(c, solver)
            #expect(digits >= 6, "\(c.name) with \(solver) (used \(model.solverUsed)): \(digits) digits")
        }
    }

    /// What Cholesky gets: on these designs the equilibrated Gram matrix has κ ≈ κ(Xc)² ≥ 2.7e11,
    /// so the normal equations lose twice the digits QR loses. At α = 0 the degree-9 and -10
    /// designs keep fewer than 6 digits (or are not even numerically positive definite), and the
    /// reported reciprocal condition tells the user so: the auto rule never picks Cholesky here.
    @Test("cholesky loses digits, and says so")
    func choleskyLosesDigits() throws {
        for c in try Self.cases() where c.alpha == 0 {
            let chol: (Double, RidgeModel)?
            do { chol = try Self.digits(c, .cholesky) } catch RegressionError.singular { chol = nil }
            let (qrDigits, _) = try Self.digits(c, .qr)
            if let (digits, model) = chol {
                let rcond = try #require(model.reciprocalCondition)
                #expect(rcond < Ridge.choleskyReciprocalConditionThreshold, "\(c.name): rcond \(rcond)")
                #expect(digits < qrDigits, "\(c.name): cholesky \(digits) digits, qr \(qrDigits)")
                if c.degree >= 9 { #expect(digits < 6, "\(c.name): cholesky \(digits) digits") }
            }
            let (_, auto) = try Self.digits(c, .auto)
            #expect(auto.solverUsed != .cholesky, "\(c.name)")
        }
    }
}
