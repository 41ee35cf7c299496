import Foundation
import LinearAlgebra
import Testing
@testable import RidgeLasso

@Suite struct ProximalGradientDescentTests {
    /// With XcᵀXc = n·I the elastic net has the closed form wⱼ = S(zⱼ, αr)/(1 + α(1 − r)),
    /// z = Xcᵀyc/n; ISTA and FISTA must reach it.
    @Test(arguments: [1.0, 0.5])
    func reachesTheClosedFormOnAnOrthogonalDesign(l1Ratio: Double) throws {
        let x = GradientTestData.orthogonalDesign(logRows: 6, p: 10)
        var rng = GradientTestRandom(seed: 11)
        let beta: [Double] = [2, -1.5, 0, 0, 0.3, 0, 0, -0.05, 1, 0]
        var y = try x.times(beta)
        for i in 0..<y.count { y[i] += 7 + 0.2 * rng.gaussian() }
        let alpha = 0.25
        let n = Double(x.rows)
        let yMean = y.reduce(0, +) / n
        let z = try x.transposeTimes(y.map { $0 - yMean }).map { $0 / n }
        let l1 = alpha * l1Ratio, l2 = alpha * (1 - l1Ratio)
        let expected = z.map { (($0 > 0 ? 1 : -1) * max(abs($0) - l1, 0)) / (1 + l2) }
        #expect(expected.filter { $0 == 0 }.count >= 4)  // the penalty does zero out coefficients
        for acceleration in GradientAcceleration.allCases {
            let fit = try ProximalGradientDescent(alpha: alpha, l1Ratio: l1Ratio, acceleration: acceleration,
                                                  tolerance: 1e-14, maximumIterations: 5_000).fit(x, y)
            #expect(fit.converged)
            for j in 0..<10 { #expect(abs(fit.coefficients[j] - expected[j]) < 1e-8) }
            #expect(abs(fit.intercept - yMean) < 1e-8)  // x̄ = 0 here
            #expect(try #require(fit.dualityGap) <= 1e-14 * y.map { ($0 - yMean) * ($0 - yMean) }.reduce(0, +) / n)
        }
    }

    /// KKT conditions of the lasso at FISTA's answer on correlated data:
    /// xⱼᵀR/n = α·sign(wⱼ) where wⱼ ≠ 0 and |xⱼᵀR/n| ≤ α where wⱼ = 0 (R = yc − Xc w).
    @Test func satisfiesTheLassoOptimalityConditions() throws {
        let (x, y) = GradientTestData.problem(n: 120, p: 15, seed: 12, scales: (0..<15).map { 1 + Double($0) / 5 })
        let alpha = 2.0
        let fit = try ProximalGradientDescent.fista(alpha: alpha).fit(x, y)
        let strict = try ProximalGradientDescent(alpha: alpha, tolerance: 1e-16, maximumIterations: 50_000).fit(x, y)
        #expect(strict.converged || (strict.dualityGap ?? 1) < 1e-10)
        let data = try GradientDesign(x, y, fitIntercept: true)
        let r = try data.residual(strict.coefficients).map { -$0 }
        let c = try data.transposeTimes(r).map { $0 / Double(x.rows) }
        var active = 0
        for j in 0..<15 {
            if strict.coefficients[j] != 0 {
                active += 1
                #expect(abs(c[j] - alpha * (strict.coefficients[j] > 0 ? 1 : -1)) < 1e-6)
            } else {
                #expect(abs(c[j]) <= alpha * (1 + 1e-9))
            }
        }
        #expect(active > 0 && active < 15)
        // The default tolerance (1e-4 relative gap) already gives the objective to ~1e-4 relative.
        #expect(fit.converged)
        #expect(fit.objective - strict.objective <= 1e-4 * strict.objective)
    }

    /// Beck & Teboulle (2009): P(wₖ) − P* ≤ L‖w₀ − w*‖²/(2k) for ISTA (Thm 3.1) and
    /// ≤ 2L‖w₀ − w*‖²/(k + 1)² for FISTA (Thm 4.4); and FISTA is ahead after the same number of
    /// iterations on an ill-conditioned problem.
    @Test func istaAndFistaFollowTheirRates() throws {
        let scales = (0..<12).map { pow(10, -2.5 * Double($0) / 11) }
        let (x, y) = GradientTestData.problem(n: 150, p: 12, seed: 13, scales: scales)
        let alpha = 0.01
        let reference = try ProximalGradientDescent(alpha: alpha, tolerance: 1e-18, maximumIterations: 300_000,
                                                    gapCheckInterval: 100).fit(x, y)
        let pStar = reference.objective
        let distance2 = reference.coefficients.reduce(0) { $0 + $1 * $1 }
        var after300: [GradientAcceleration: Double] = [:]
        for acceleration in GradientAcceleration.allCases {
            let fit = try ProximalGradientDescent(alpha: alpha, acceleration: acceleration, tolerance: 1e-18,
                                                  maximumIterations: 300, gapCheckInterval: 1, historyInterval: 1).fit(x, y)
            let lipschitz = try #require(fit.lipschitzConstant)
            for point in fit.history.dropFirst() {
                let k = Double(point.iteration)
                let bound = acceleration == .plain ? lipschitz * distance2 / (2 * k) : 2 * lipschitz * distance2 / ((k + 1) * (k + 1))
                let objective = try #require(point.objective)
                #expect(objective - pStar <= bound * (1 + 1e-9) + 1e-12, "k = \(k)")
                // The duality gap bounds the suboptimality from above.
                #expect(try #require(point.dualityGap) >= objective - pStar - 1e-12)
            }
            after300[acceleration] = fit.objective - pStar
        }
        let ista = try #require(after300[.plain]), fista = try #require(after300[.nesterov])
        #expect(fista < ista / 10, "FISTA \(fista) vs ISTA \(ista)")
    }

    @Test func alphaAboveAlphaMaxGivesZeroAtOnce() throws {
        let (x, y) = GradientTestData.problem(n: 40, p: 5, seed: 14)
        let data = try GradientDesign(x, y, fitIntercept: true)
        let alphaMax = try data.transposeTimes(data.yc).map { abs($0) / 40 }.max() ?? 0
        let fit = try ProximalGradientDescent.ista(alpha: alphaMax * 1.0001).fit(x, y)
        #expect(fit.coefficients.allSatisfy { $0 == 0 })
        #expect(fit.converged)
        #expect(fit.iterations == 0)
    }

    @Test func badParametersThrow() throws {
        let (x, y) = GradientTestData.problem(n: 10, p: 3, seed: 15)
        #expect(throws: RegressionError.invalidParameter(name: "l1Ratio", value: 1.5, requirement: "must lie in [0, 1]")) {
            try ProximalGradientDescent(alpha: 1, l1Ratio: 1.5).fit(x, y)
        }
        #expect(throws: RegressionError.invalidParameter(name: "gapCheckInterval", value: 0, requirement: "must be ≥ 1")) {
            try ProximalGradientDescent(gapCheckInterval: 0).fit(x, y)
        }
    }
}

@Suite struct ProximalCertificateTests {
    /// The public certificate agrees with what the solver reports about its own answer.
    @Test func objectiveAndDualityGapMatchTheFit() throws {
        let (x, y) = GradientTestData.problem(n: 60, p: 8, seed: 16)
        let solver = ProximalGradientDescent(alpha: 0.5, l1Ratio: 0.7, tolerance: 1e-8)
        let fit = try solver.fit(x, y)
        let (objective, gap) = try solver.objectiveAndDualityGap(x, y, coefficients: fit.coefficients)
        #expect(abs(objective - fit.objective) <= 1e-12 * objective)
        #expect(abs(gap - (fit.dualityGap ?? -1)) <= 1e-12 * objective)
        #expect(throws: RegressionError.self) { try solver.objectiveAndDualityGap(x, y, coefficients: [1]) }
    }
}

@Suite struct ProximalAgainstCoordinateDescentTests {
    /// ISTA and FISTA reach the coordinate-descent answer (``Lasso``/``ElasticNet`` at
    /// tolerance 1e-12) on correlated data, for the lasso and an elastic net.
    @Test(arguments: [1.0, 0.5])
    func reachesTheCoordinateDescentAnswer(l1Ratio: Double) throws {
        let (x, y) = GradientTestData.problem(n: 90, p: 12, seed: 17, scales: (0..<12).map { 1 / (1 + Double($0)) })
        let alpha = 0.3
        let cd = try ElasticNet(alpha: alpha, l1Ratio: l1Ratio, tolerance: 1e-12).fit(x, y)
        #expect(cd.converged)
        for acceleration in GradientAcceleration.allCases {
            let fit = try ProximalGradientDescent(alpha: alpha, l1Ratio: l1Ratio, acceleration: acceleration,
                                                  tolerance: 1e-13, maximumIterations: 500_000).fit(x, y)
            #expect(fit.converged)
            #expect(abs(fit.objective - cd.objective) <= 1e-10 * cd.objective)
            for j in 0..<12 { #expect(abs(fit.coefficients[j] - cd.coefficients[j]) < 1e-5, "j = \(j)") }
            #expect(abs(fit.intercept - cd.intercept) < 1e-5)
            // Both certify the same zero pattern (up to coefficients at rounding level).
            for j in 0..<12 where cd.coefficients[j] == 0 { #expect(abs(fit.coefficients[j]) < 1e-8) }
        }
    }
}
