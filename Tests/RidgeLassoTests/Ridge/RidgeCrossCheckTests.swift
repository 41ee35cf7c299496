import LinearAlgebra
@testable import RidgeLasso
import Testing
import _TestSupport

/// Identities between solvers, forms and entry points.
@Suite("Ridge: cross-checks")
struct RidgeCrossCheckTests {
    static let shapes: [(n: Int, p: Int)] = [(80, 12), (40, 40), (25, 60), (12, 13)]

    @Test("all solvers agree to 1e-10 on well-conditioned data")
    func solversAgree() throws {
        var rng = SplitMix64(seed: 21)
        for (n, p) in Self.shapes {
            let x = rng.design(n, p), y = rng.vector(n)
            let weights = (0..<n).map { _ in rng.nextUniform() * 2 }
            for alpha in [0.3, 4.0] {
                for intercept in [true, false] {
                    for w in [nil, weights] {
                        let models = try RidgeSolver.allCases.map {
                            try Ridge(alpha: alpha, fitIntercept: intercept, solver: $0).fit(x, y, sampleWeights: w)
                        }
                        let reference = models[3].coefficients + [models[3].intercept]   // svd
                        for m in models {
                            #expect(relativeDifference(m.coefficients + [m.intercept], reference) <= 1e-10,
                                    "\(n)×\(p) α=\(alpha) intercept=\(intercept) \(m.solverUsed)")
                        }
                    }
                }
            }
            if n > p {   // α = 0 is well posed only for full column rank
                let models = try RidgeSolver.allCases.map { try Ridge(alpha: 0, solver: $0).fit(x, y) }
                for m in models {
                    #expect(relativeDifference(m.coefficients, models[2].coefficients) <= 1e-10)
                }
            }
        }
    }

    /// α = 0 with p > n: infinitely many interpolants; every solver that accepts the problem
    /// returns the minimum-norm one. Without an intercept XXᵀ is invertible (Cholesky, QR, SVD
    /// all apply); with one, Xc has rank n − 1, only svd/auto apply, and the answer equals the
    /// no-intercept minimum-norm solution on the explicitly centered data.
    @Test("α = 0, p > n: the minimum-norm interpolant")
    func minimumNormWide() throws {
        var rng = SplitMix64(seed: 27)
        let n = 12, p = 30
        let x = rng.design(n, p), y = rng.vector(n)
        let models = try RidgeSolver.allCases.map { try Ridge(alpha: 0, fitIntercept: false, solver: $0).fit(x, y) }
        for m in models {
            #expect(relativeDifference(try m.predict(x), y) <= 1e-12, "\(m.solverUsed) interpolates")
            #expect(relativeDifference(m.coefficients, models[3].coefficients) <= 1e-11)
        }
        // Minimum norm: w lies in the row space of X, w = Xᵀc with (XXᵀ)c = y.
        let c = try CholeskyFactorization(try x.outerGram()).solve(y)
        #expect(relativeDifference(models[3].coefficients, try x.transposeTimes(c)) <= 1e-11)

        let centered = Ridge(alpha: 0, solver: .svd)
        let withIntercept = try centered.fit(x, y)
        #expect(withIntercept.rank == n - 1)
        #expect(try Ridge(alpha: 0).fit(x, y).solverUsed == .svd)
        var xc = x
        for j in 0..<p { let mean = x.column(j).reduce(0, +) / Double(n); for i in 0..<n { xc[i, j] -= mean } }
        let ym = y.reduce(0, +) / Double(n)
        let reference = try Ridge(alpha: 0, fitIntercept: false, solver: .svd).fit(xc, y.map { $0 - ym })
        #expect(relativeDifference(withIntercept.coefficients, reference.coefficients) <= 1e-11)
        #expect(relativeDifference(try withIntercept.predict(x), y) <= 1e-12)
        for solver in [RidgeSolver.cholesky, .qr] {
            #expect(throws: RegressionError.self) { try Ridge(alpha: 0, solver: solver).fit(x, y) }
        }
    }

    /// The dual Gram matrix comes from one dsyrk on X, centered afterwards (``CenteredOuterGram``),
    /// when every row is used without weights and the offsets are modest; otherwise it is
    /// accumulated over blocks of max(2048, 524288/n) centered columns: with n = 300 and
    /// p = 5000 that is 3 blocks (2048, 2048 and 904 columns). Both agree with QR.
    @Test("dual Cholesky equals QR on a wide problem: direct, weighted (blocks), offset (blocks)")
    func dualBlocks() throws {
        var rng = SplitMix64(seed: 28)
        let n = 300, p = 5000
        let x = rng.design(n, p, offset: false), y = rng.vector(n)
        var offset = x
        for k in offset.storage.indices { offset.storage[k] += 40 }
        let weights = (0..<n).map { i in i % 7 == 0 ? 0 : rng.nextUniform() * 2 }
        let target = try Matrix(rows: n, columns: 1, columnMajor: y)
        #expect(try CenteredOuterGram(x: x, center: true) != nil)        // direct
        #expect(try CenteredOuterGram(x: offset, center: true) == nil)   // declined: blocks
        for (design, w) in [(x, nil), (x, weights), (offset, nil)] {
            #expect(RidgeCholesky.usesDual(RidgeData(x: design, y: target, weights: w, fitIntercept: true)))
            for intercept in [true, false] {
                let chol = try Ridge(alpha: 3, fitIntercept: intercept, solver: .cholesky).fit(design, y, sampleWeights: w)
                let qr = try Ridge(alpha: 3, fitIntercept: intercept, solver: .qr).fit(design, y, sampleWeights: w)
                #expect(relativeDifference(chol.coefficients + [chol.intercept], qr.coefficients + [qr.intercept]) <= 1e-10)
            }
        }
    }

    @Test("direct dual Cholesky: set-aside columns get 0, several targets equal single fits")
    func dualDirectColumnsAndTargets() throws {
        var rng = SplitMix64(seed: 29)
        let n = 40, p = 120
        var x = rng.design(n, p)
        for i in 0..<n { x[i, 5] = 2.5; x[i, 77] = 0 }   // constant, and all zero
        let y1 = rng.vector(n), y2 = rng.vector(n)
        let targets = try Matrix(columns: [y1, y2])
        for intercept in [true, false] {
            let ridge = Ridge(alpha: 0.4, fitIntercept: intercept, solver: .cholesky)
            let both = try ridge.fit(x, targets: targets)
            for (model, y) in zip(both, [y1, y2]) {
                let single = try ridge.fit(x, y)
                #expect(relativeDifference(model.coefficients + [model.intercept], single.coefficients + [single.intercept]) <= 1e-13)
                let qr = try Ridge(alpha: 0.4, fitIntercept: intercept, solver: .qr).fit(x, y)
                #expect(relativeDifference(model.coefficients + [model.intercept], qr.coefficients + [qr.intercept]) <= 1e-10)
                if intercept { #expect(model.coefficients[5] == 0) }   // constant: set aside
                #expect(model.coefficients[77] == 0)
            }
        }
    }

    @Test("dual Cholesky (p > n) equals the primal p × p system")
    func primalDual() throws {
        var rng = SplitMix64(seed: 22)
        let x = rng.design(15, 45), y = rng.vector(15)
        let alpha = 0.7
        let dual = try Ridge(alpha: alpha, solver: .cholesky).fit(x, y)
        // Primal, by hand: (XcᵀXc + αI) w = Xcᵀyc.
        let xm = (0..<45).map { j in x.column(j).reduce(0, +) / 15 }, ym = y.reduce(0, +) / 15
        var xc = x
        for j in 0..<45 { for i in 0..<15 { xc[i, j] -= xm[j] } }
        var g = try xc.gram()
        for j in 0..<45 { g[j, j] += alpha }
        let w = try CholeskyFactorization(g).solve(try xc.transposeTimes(y.map { $0 - ym }))
        #expect(relativeDifference(dual.coefficients, w) <= 1e-11)
        let target = try Matrix(rows: 15, columns: 1, columnMajor: y)
        #expect(RidgeCholesky.usesDual(RidgeData(x: x, y: target, weights: nil, fitIntercept: true)))
    }

    @Test("many α at once equal one fit per α, in the order given", arguments: RidgeSolver.allCases)
    func alphaPath(solver: RidgeSolver) throws {
        var rng = SplitMix64(seed: 23)
        for (n, p) in [(50, 8), (10, 30)] {
            let x = rng.design(n, p), y = rng.vector(n)
            let weights = (0..<n).map { _ in rng.nextUniform() + 0.1 }
            var alphas = [10.0, 0.01, 1, 0.01, 250]
            if n > p, solver != .cholesky { alphas.append(0) }
            let ridge = Ridge(solver: solver)
            let path = try ridge.fit(x, y, alphas: alphas, sampleWeights: weights)
            #expect(path.map(\.alpha) == alphas)
            for (a, m) in zip(alphas, path) {
                var single = ridge
                single.alpha = a
                let s = try single.fit(x, y, sampleWeights: weights)
                #expect(relativeDifference(m.coefficients + [m.intercept], s.coefficients + [s.intercept]) <= 1e-12)
                #expect(m.solverUsed == s.solverUsed)
            }
        }
    }

    @Test("several targets equal one fit per target", arguments: RidgeSolver.allCases)
    func multiTarget(solver: RidgeSolver) throws {
        var rng = SplitMix64(seed: 24)
        for (n, p) in [(50, 8), (10, 30)] {
            let x = rng.design(n, p)
            let ys = (0..<3).map { _ in rng.vector(n) }
            let weights = (0..<n).map { _ in rng.nextUniform() * 3 }
            let ridge = Ridge(alpha: 0.4, solver: solver)
            let models = try ridge.fit(x, targets: try Matrix(columns: ys), sampleWeights: weights)
            #expect(models.count == 3)
            for (t, m) in models.enumerated() {
                let s = try ridge.fit(x, ys[t], sampleWeights: weights)
                #expect(relativeDifference(m.coefficients + [m.intercept], s.coefficients + [s.intercept]) <= 1e-12)
            }
        }
    }

    @Test("the gradient 2Xcᵀ(Xcw − yc) + 2αw vanishes", arguments: RidgeSolver.allCases)
    func stationarity(solver: RidgeSolver) throws {
        var rng = SplitMix64(seed: 25)
        for (n, p) in Self.shapes {
            let x = rng.design(n, p), y = rng.vector(n).map { 10 * $0 }
            let weights = (0..<n).map { _ in rng.nextUniform() * 2 }
            for w in [nil, weights] {
                let model = try Ridge(alpha: 1.3, solver: solver).fit(x, y, sampleWeights: w)
                let (g, gb) = try ridgeGradient(model, x, y, weights: w)
                // Scale: 2‖X‖·‖y‖-sized terms cancel; allow 1e-10 of that.
                let scale = 2 * BLAS.norm(x.storage) * BLAS.norm(y)
                #expect((g.map(abs).max() ?? 0) <= 1e-11 * scale, "\(n)×\(p) \(solver)")
                #expect(abs(gb) <= 1e-11 * scale)
            }
        }
    }

    @Test("integer sample weights equal repeated rows", arguments: RidgeSolver.allCases)
    func integerWeights(solver: RidgeSolver) throws {
        var rng = SplitMix64(seed: 26)
        for (n, p) in [(30, 6), (8, 20)] {
            let x = rng.design(n, p), y = rng.vector(n)
            let counts = (0..<n).map { Double($0 % 4) }   // 0, 1, 2, 3 copies
            var rows: [Int] = []
            for i in 0..<n { rows += Array(repeating: i, count: Int(counts[i])) }
            let repeated = x.selectingRows(rows), ry = rows.map { y[$0] }
            for alpha in [0.5, 3.0] {
                let weighted = try Ridge(alpha: alpha, solver: solver).fit(x, y, sampleWeights: counts)
                let copied = try Ridge(alpha: alpha, solver: solver).fit(repeated, ry)
                #expect(relativeDifference(weighted.coefficients + [weighted.intercept], copied.coefficients + [copied.intercept]) <= 1e-11,
                        "\(n)×\(p) α=\(alpha) \(solver)")
            }
        }
    }
}
