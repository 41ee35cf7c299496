import Foundation
import LinearAlgebra
@testable import RidgeLasso
import Testing
import _TestSupport

/// Ridge and GCV from statistics against ``Ridge`` and ``RidgeCV`` on the rows themselves.
@Suite("Ridge from statistics")
struct StatisticsRidgeTests {
    typealias P = StatisticsProblems

    @Test("streaming equals in-memory Ridge to 1e-10 relative: blocks 1, 7, all; weights; 3 targets; intercept or not",
          arguments: [true, false], [true, false])
    func streamingEqualsInMemory(weighted: Bool, fitIntercept: Bool) throws {
        let n = 61
        let (x, y, w) = P.problem(n: n, p: 5, k: 3, seed: 21, constantColumn: true)
        let weights = weighted ? w : nil
        let ridge = Ridge(alpha: 0.7, fitIntercept: fitIntercept)
        let rows = try ridge.fit(x, targets: y, sampleWeights: weights)
        for block in [1, 7, n] {
            let s = try P.statistics(x, y, weights: weights, block: block)
            let models = try ridge.fit(s)
            #expect(models.count == 3)
            for t in 0..<3 {
                #expect(P.relative(models[t].coefficients, rows[t].coefficients) <= 1e-10, "block \(block) target \(t)")
                #expect(abs(models[t].intercept - rows[t].intercept) <= 1e-10 * max(1, abs(rows[t].intercept)))
                #expect(models[t].coefficients[2] == 0 || !fitIntercept, "the constant column is set aside")
                #expect(models[t].solverUsed == .cholesky)
                let rcond = try #require(models[t].reciprocalCondition)
                #expect(rcond > 1e-6 && rcond <= 1)
            }
        }
    }

    @Test("many α from one eigendecomposition equal Ridge's path to 1e-10 relative", arguments: [true, false])
    func manyAlphas(fitIntercept: Bool) throws {
        let (x, y, w) = P.problem(n: 45, p: 6, k: 2, seed: 4)
        let alphas = [1e-3, 0.1, 1, 10, 1e3]
        let s = try P.statistics(x, y, weights: w, block: 7)
        let path = try Ridge(fitIntercept: fitIntercept).fit(s, alphas: alphas)
        #expect(path.count == alphas.count)
        for (a, alpha) in alphas.enumerated() {
            let rows = try Ridge(alpha: alpha, fitIntercept: fitIntercept).fit(x, targets: y, sampleWeights: w)
            for t in 0..<2 {
                #expect(path[a][t].alpha == alpha)
                #expect(P.relative(path[a][t].coefficients, rows[t].coefficients) <= 1e-10, "α = \(alpha), target \(t)")
                #expect(abs(path[a][t].intercept - rows[t].intercept) <= 1e-10 * max(1, abs(rows[t].intercept)))
            }
        }
    }

    /// Columns offset by 10⁸ standard deviations (σ = 1): the statistics keep the data's own
    /// location as the shift K, so z − K is exact (Sterbenz) and the fit keeps ≥ 13 digits.
    /// Raw sums XᵀX − n·x̄x̄ᵀ keep none: each entry of XᵀX is about n·10¹⁶, rounded to units of
    /// about n·2, while the centered Gram entries are about n·1; the contrast is computed below.
    @Test("offsets of 1e8 standard deviations keep ≥ 13 digits; raw sums keep none")
    func largeOffsets() throws {
        let n = 200, p = 4
        var random = SplitMix64(seed: 77)
        var centered = Matrix(rows: n, columns: p)
        for j in 0..<p { for i in 0..<n { centered[i, j] = random.normal() } }
        let truth = [1.5, -2, 0.25, 3]
        var yc = [Double](repeating: 0, count: n)
        for i in 0..<n { yc[i] = (0..<p).reduce(0.3 * random.normal()) { $0 + centered[i, $1] * truth[$1] } }
        let offset = 1e8
        var x = centered, y = yc
        for j in 0..<p { for i in 0..<n { x[i, j] = centered[i, j] + offset } }
        for i in 0..<n { y[i] = yc[i] + offset }
        // The reference: Ridge on the exactly shifted data (x − 10⁸ is exact: Sterbenz), same w.
        var shifted = x
        for j in 0..<p { for i in 0..<n { shifted[i, j] = x[i, j] - offset } }
        let reference = try Ridge(alpha: 1).fit(shifted, y.map { $0 - offset })
        let ym = try Matrix(rows: n, columns: 1, columnMajor: y)
        for block in [1, 7, n] {
            let model = try Ridge(alpha: 1).fit(P.statistics(x, ym, weights: nil, block: block))[0]
            let digits = correctDigits(model, coefficients: reference.coefficients, intercept: nil)
            #expect(digits >= 13, "block \(block): \(digits) digits")
        }
        // Raw sums: G = XᵀX − n·x̄x̄ᵀ, q = Xᵀy − n·x̄ȳ, then (G + I)w = q.
        var g = Matrix(rows: p, columns: p), q = [Double](repeating: 0, count: p)
        let xbar = (0..<p).map { j in x.column(j).reduce(0, +) / Double(n) }, ybar = y.reduce(0, +) / Double(n)
        for a in 0..<p {
            for b in 0..<p {
                g[a, b] = (0..<n).reduce(0.0) { $0 + x[$1, a] * x[$1, b] } - Double(n) * xbar[a] * xbar[b]
            }
            g[a, a] += 1
            q[a] = (0..<n).reduce(0.0) { $0 + x[$1, a] * y[$1] } - Double(n) * xbar[a] * ybar
        }
        let raw = (try? LinearAlgebra.CholeskyFactorization(g).solve(q)) ?? [Double](repeating: .nan, count: p)
        let rawDigits = zip(raw, reference.coefficients).map { $0.isFinite ? correctDigits($0, $1) : 0 }.min() ?? 0
        #expect(rawDigits < 2, "raw sums kept \(rawDigits) digits")
    }

    @Test("an ill-conditioned system is refused with its condition and digits, never answered wrongly")
    func insufficientAccuracy() throws {
        let n = 40
        var random = SplitMix64(seed: 9)
        var x = Matrix(rows: n, columns: 2), y = Matrix(rows: n, columns: 1)
        for i in 0..<n {
            x[i, 0] = random.normal()
            x[i, 1] = x[i, 0] + 1e-6 * random.normal()   // κ(X̃ᵀX̃) ≈ 10¹²
            y[i, 0] = x[i, 0] + random.normal()
        }
        let s = try P.statistics(x, y, weights: nil, block: 7)
        do {
            _ = try Ridge(alpha: 0).fit(s)
            Issue.record("a system with about 4 correct digits was solved")
        } catch {
            guard case .insufficientAccuracy(let rcond, let digits, let required) = error else {
                Issue.record("\(error)"); return
            }
            #expect(rcond > 0 && rcond < 1e-10)
            #expect(digits > 2 && digits < 6)
            #expect(required == 9)
            #expect(error.description.contains("correct digits"))
        }
        // Asking for fewer digits, the answer is the rows' QR answer to the digits promised.
        let loose = try Ridge(alpha: 0).fit(s, minimumDigits: 2)[0]
        let rows = try Ridge(alpha: 0, solver: .qr).fit(x, y.column(0))
        let digits = Ridge.correctDigits(reciprocalCondition: try #require(loose.reciprocalCondition))
        #expect(P.relative(loose.coefficients, rows.coefficients) <= 100 * pow(10, -digits))
        // Exactly collinear at α = 0: no digit at all.
        var collinear = x
        collinear.setColumn(1, to: x.column(0).map { 2 * $0 })
        let c = try P.statistics(collinear, y, weights: nil, block: 7)
        #expect(throws: RegressionError.self) { try Ridge(alpha: 0).fit(c) }
        #expect(throws: RegressionError.self) { try Ridge(alpha: 0).fit(c, alphas: [0, 1]) }
        // A penalty makes it well-posed again.
        #expect(try Ridge(alpha: 1).fit(c)[0].coefficients.allSatisfy(\.isFinite))
    }

    @Test("GCV from statistics equals RidgeCV's GCV and picks the same α", arguments: [true, false], [true, false])
    func generalizedCrossValidation(weighted: Bool, fitIntercept: Bool) throws {
        let (x, y, w) = P.problem(n: 50, p: 6, k: 2, seed: 31)
        let weights = weighted ? w : nil
        let alphas = RidgeCV.logarithmicGrid(minimum: 1e-3, maximum: 1e3, count: 25)
        let cv = RidgeCV(alphas: alphas, fitIntercept: fitIntercept, criterion: .generalizedCrossValidation)
        let rows = try cv.evaluate(x, targets: y, sampleWeights: weights)
        let stats = try cv.evaluate(P.statistics(x, y, weights: weights, block: 7))
        #expect(stats.indicesOfChosenAlpha == rows.indicesOfChosenAlpha)
        let a = try #require(rows.generalizedCrossValidation), b = try #require(stats.generalizedCrossValidation)
        for t in 0..<2 { #expect(P.relative(b[t], a[t]) <= 1e-9, "target \(t)") }
        #expect(P.relative(try #require(stats.degreesOfFreedom), try #require(rows.degreesOfFreedom)) <= 1e-10)
        var perTarget = cv
        perTarget.alphaPerTarget = true
        #expect(try perTarget.evaluate(P.statistics(x, y, weights: weights, block: 60)).indicesOfChosenAlpha
                == perTarget.evaluate(x, targets: y, sampleWeights: weights).indicesOfChosenAlpha)
        #expect(throws: RegressionError.self) { try RidgeCV(alphas: alphas).evaluate(P.statistics(x, y, weights: weights, block: 7)) }
    }
}
