import LinearAlgebra
import RidgeLasso
import Testing
import _TestSupport

/// Cases whose exact answer is known in closed form.
@Suite("Ridge: closed forms")
struct RidgeAnalyticTests {
    static let solvers = RidgeSolver.allCases

    /// Columns 1…3 of the 8 × 8 Sylvester–Hadamard matrix divided by √8: orthonormal and of
    /// zero mean, so with or without an intercept w = Xᵀy/(1 + α).
    static func orthonormal() throws -> Matrix {
        var h: [[Double]] = [[1]]
        for _ in 0..<3 { h = h.map { $0 + $0 } + h.map { $0 + $0.map { -$0 } } }
        let s = 8.0.squareRoot()
        return try Matrix(rows: h.map { [$0[1] / s, $0[2] / s, $0[3] / s] })
    }

    @Test("orthonormal design: w = Xᵀy / (1 + α)", arguments: solvers, [0.0, 0.5, 3.0])
    func orthonormalDesign(solver: RidgeSolver, alpha: Double) throws {
        let x = try Self.orthonormal()
        let y = [3.0, -1.0, 2.5, 0.25, 7.0, -4.0, 1.0, 0.5]
        let xty = try x.transposeTimes(y)
        for intercept in [true, false] {
            let model = try Ridge(alpha: alpha, fitIntercept: intercept, solver: solver).fit(x, y)
            for j in 0..<3 {
                #expect(abs(model.coefficients[j] - xty[j] / (1 + alpha)) <= 1e-14 * max(1, abs(xty[j])),
                        "\(solver) α=\(alpha) intercept=\(intercept) j=\(j): \(model.coefficients[j]) vs \(xty[j] / (1 + alpha))")
            }
            let mean = y.reduce(0, +) / 8
            #expect(abs(model.intercept - (intercept ? mean : 0)) <= 1e-14 * 8)
        }
    }

    @Test("duplicated columns share the weight equally", arguments: [RidgeSolver.automatic, .cholesky, .qr, .svd])
    func duplicatedColumns(solver: RidgeSolver) throws {
        var rng = SplitMix64(seed: 11)
        let a = rng.vector(30), b = rng.vector(30)
        let y = (0..<30).map { 2 * a[$0] - b[$0] + 0.1 * rng.normal() }
        let x3 = try Matrix(columns: [a, a, b])
        let x2 = try Matrix(columns: [a, b])
        let m3 = try Ridge(alpha: 0.8, solver: solver).fit(x3, y)
        #expect(abs(m3.coefficients[0] - m3.coefficients[1]) <= 1e-12 * abs(m3.coefficients[0]))
        // [a a b] with penalty α on (w₀, w₁) equals [a b] with (w₀ + w₁) = u, w₀ = w₁ = u/2:
        // penalty α(u²/4 + u²/4) = (α/2)u², i.e. [√2·a, b] at penalty α, u = √2·u'.
        let scaled = try Matrix(columns: [a.map { $0 * 2.0.squareRoot() }, b])
        let m2 = try Ridge(alpha: 0.8, solver: .qr).fit(scaled, y)
        let u = m2.coefficients[0] * 2.0.squareRoot()
        #expect(abs(m3.coefficients[0] - u / 2) <= 1e-10 * abs(u))
        #expect(abs(m3.coefficients[2] - m2.coefficients[1]) <= 1e-10 * abs(m2.coefficients[1]))
        // α = 0: the minimum-norm least-squares solution splits the LS coefficient of a in two.
        if solver == .svd || solver == .automatic {
            let ls = try Ridge(alpha: 0, solver: .qr).fit(x2, y)
            let m0 = try Ridge(alpha: 0, solver: solver).fit(x3, y)
            #expect(m0.solverUsed == .svd)
            #expect(m0.rank == 2)
            #expect(abs(m0.coefficients[0] - ls.coefficients[0] / 2) <= 1e-10 * abs(ls.coefficients[0]))
            #expect(abs(m0.coefficients[1] - ls.coefficients[0] / 2) <= 1e-10 * abs(ls.coefficients[0]))
            #expect(abs(m0.coefficients[2] - ls.coefficients[1]) <= 1e-10 * abs(ls.coefficients[1]))
            #expect(abs(m0.intercept - ls.intercept) <= 1e-10 * max(1, abs(ls.intercept)))
        }
    }

    @Test("a constant column with an intercept gets exactly 0", arguments: solvers, [0.0, 1.0])
    func constantColumn(solver: RidgeSolver, alpha: Double) throws {
        var rng = SplitMix64(seed: 12)
        let a = rng.vector(25), b = rng.vector(25)
        let y = (0..<25).map { a[$0] + 3 * b[$0] + 5 }
        let x = try Matrix(columns: [a, [Double](repeating: 0.1, count: 25), b])
        let weights = (0..<25).map { Double($0 % 3) }
        for w in [nil, weights] {
            let model = try Ridge(alpha: alpha, solver: solver).fit(x, y, sampleWeights: w)
            #expect(model.coefficients[1] == 0)
            #expect(model.coefficients.allSatisfy { $0.isFinite })
            #expect(model.intercept.isFinite)
            let reduced = try Ridge(alpha: alpha, solver: solver).fit(try Matrix(columns: [a, b]), y, sampleWeights: w)
            #expect(relativeDifference([model.coefficients[0], model.coefficients[2], model.intercept],
                                       reduced.coefficients + [reduced.intercept]) <= 1e-13)
        }
        // Without an intercept the constant column is an ordinary feature; an all-zero one gets 0.
        let zero = try Matrix(columns: [a, [Double](repeating: 0, count: 25), b])
        let noIntercept = try Ridge(alpha: alpha, fitIntercept: false, solver: solver).fit(zero, y)
        #expect(noIntercept.coefficients[1] == 0)
    }

    @Test("p = 1: w = Σv(x − x̄)(y − ȳ) / (Σv(x − x̄)² + α)", arguments: solvers)
    func singleFeature(solver: RidgeSolver) throws {
        let x = [1.0, 2, 4, 7, 11, 16], y = [2.0, 3.5, 3, 9, 12, 15]
        let v = [1.0, 2, 0.5, 1, 3, 1]
        for (weights, alpha) in [(nil as [Double]?, 0.0), (nil, 2.5), (v, 0.0), (v, 2.5)] {
            let vv = weights ?? [Double](repeating: 1, count: 6)
            let total = vv.reduce(0, +)
            let xm = zip(vv, x).map(*).reduce(0, +) / total, ym = zip(vv, y).map(*).reduce(0, +) / total
            var sxy = 0.0, sxx = 0.0
            for i in 0..<6 { sxy += vv[i] * (x[i] - xm) * (y[i] - ym); sxx += vv[i] * (x[i] - xm) * (x[i] - xm) }
            let w = sxy / (sxx + alpha)
            let model = try Ridge(alpha: alpha, solver: solver).fit(try Matrix(columns: [x]), y, sampleWeights: weights)
            #expect(abs(model.coefficients[0] - w) <= 1e-14 * abs(w), "\(solver) α=\(alpha)")
            #expect(abs(model.intercept - (ym - w * xm)) <= 1e-13 * abs(ym))
            // Without intercept: w = Σvxy / (Σvx² + α).
            let w0 = zip(vv, zip(x, y)).map { $0 * $1.0 * $1.1 }.reduce(0, +) / (zip(vv, x).map { $0 * $1 * $1 }.reduce(0, +) + alpha)
            let m0 = try Ridge(alpha: alpha, fitIntercept: false, solver: solver).fit(try Matrix(columns: [x]), y, sampleWeights: weights)
            #expect(abs(m0.coefficients[0] - w0) <= 1e-14 * abs(w0))
            #expect(m0.intercept == 0)
        }
    }
}
