import Testing
import LinearAlgebra
@testable import RidgeLasso

/// Optimality on many seeded problems, and agreement of every switch of the speed machinery.
@Suite struct CoordinateDescentSolverTests {
    struct Configuration: CustomStringConvertible, Sendable {
        var n: Int, p: Int, rho: Double, l1Ratio: Double, fraction: Double
        var intercept = true, weighted = false, positive = false, factors = false
        var description: String { "n\(n) p\(p) ρ\(rho) r\(l1Ratio) f\(fraction) b\(intercept) w\(weighted) +\(positive) F\(factors)" }
    }

    static let configurations: [Configuration] = {
        var all: [Configuration] = []
        for (n, p) in [(100, 20), (40, 120), (200, 60)] {
            for rho in [0.0, 0.8] {
                for r in [1.0, 0.5] {
                    for fraction in [0.3, 0.01] {
                        all.append(Configuration(n: n, p: p, rho: rho, l1Ratio: r, fraction: fraction))
                    }
                }
            }
            all.append(Configuration(n: n, p: p, rho: 0.5, l1Ratio: 0.9, fraction: 0.05, intercept: false))
            all.append(Configuration(n: n, p: p, rho: 0.5, l1Ratio: 1, fraction: 0.05, weighted: true))
            all.append(Configuration(n: n, p: p, rho: 0.5, l1Ratio: 1, fraction: 0.02, positive: true))
            all.append(Configuration(n: n, p: p, rho: 0.5, l1Ratio: 0.7, fraction: 0.05, factors: true))
        }
        return all
    }()

    static func factors(_ p: Int) -> [Double] { (0..<p).map { j in j == 0 ? 0 : (j % 4 == 1 ? 2 : 1) } }

    @Test(arguments: configurations)
    func kktHoldsWithinTheGapBound(_ c: Configuration) throws {
        for seed in UInt64(1)...3 {
            let prob = CDTestSupport.problem(n: c.n, p: c.p, rho: c.rho, nonzeros: 8, seed: seed * 101 + UInt64(c.n))
            let weights = c.weighted ? CDTestSupport.weights(c.n, seed: seed) : nil
            let factors = c.factors ? Self.factors(c.p) : nil
            let amax = try ElasticNet.alphaMax(prob.x, prob.y, l1Ratio: c.l1Ratio, fitIntercept: c.intercept,
                                               sampleWeights: weights, penaltyFactors: factors)
            for tolerance in [1e-6, 1e-10] {
                let model = ElasticNet(alpha: amax * c.fraction, l1Ratio: c.l1Ratio, fitIntercept: c.intercept,
                                       tolerance: tolerance, positive: c.positive, penaltyFactors: factors)
                let fit = try model.fit(prob.x, prob.y, sampleWeights: weights)
                #expect(fit.converged, "\(c) seed \(seed)")
                #expect(fit.dualityGap >= 0)
                // The stopping rule: gap ≤ tol · max(P, 1e-4·P(0)).
                let p0 = 0.5 * CDTestSupport.targetVariance(prob.y, weights: c.intercept ? weights : nil)
                #expect(fit.dualityGap <= tolerance * max(fit.objective, 1e-4 * p0) * (1 + 1e-9) || !c.intercept)
                let bad = CDTestSupport.kktViolations(prob.x, prob.y, model: fit, weights: weights, factors: factors,
                                                      positive: c.positive, fitIntercept: c.intercept)
                #expect(bad.isEmpty, "\(c) seed \(seed) tol \(tolerance): KKT fails at \(bad)")
                if c.positive { #expect(fit.coefficients.allSatisfy { $0 >= 0 }) }
                if c.factors { #expect(fit.coefficients[0] != 0) } // unpenalized feature
                // The reported objective is the true one.
                let direct = CDTestSupport.objective(prob.x, prob.y, w: fit.coefficients, b: fit.intercept,
                                                     alpha: fit.alpha, l1Ratio: c.l1Ratio, weights: weights,
                                                     factors: factors)
                #expect(abs(direct - fit.objective) <= 1e-9 * direct)
            }
        }
    }

    @Test func gapBoundsTheSuboptimality() throws {
        let prob = CDTestSupport.problem(n: 60, p: 90, rho: 0.7, nonzeros: 10, seed: 5)
        let amax = try Lasso.alphaMax(prob.x, prob.y)
        let exact = try Lasso(alpha: amax / 30, tolerance: 1e-13).fit(prob.x, prob.y)
        for budget in [1, 2, 3, 5, 8] {
            let rough = try Lasso(alpha: amax / 30, maximumIterations: budget, acceleration: false).fit(prob.x, prob.y)
            #expect(rough.dualityGap >= rough.objective - exact.objective - 1e-12)
            #expect(rough.iterations <= budget + 1)
        }
    }

    @Test(arguments: [UpdateScheme.naive, .covariance])
    func everySwitchGivesTheSameSolution(_ scheme: UpdateScheme) throws {
        for (n, p) in [(120, 30), (30, 100)] {
            let prob = CDTestSupport.problem(n: n, p: p, rho: 0.6, nonzeros: 6, seed: UInt64(n + p))
            let amax = try ElasticNet.alphaMax(prob.x, prob.y, l1Ratio: 0.8)
            let reference = try ElasticNet(alpha: amax / 20, l1Ratio: 0.8, tolerance: 1e-12).fit(prob.x, prob.y)
            for screening in [true, false] {
                for cycling in [true, false] {
                    for acceleration in [true, false] {
                        let fit = try ElasticNet(alpha: amax / 20, l1Ratio: 0.8, tolerance: 1e-12, updateScheme: scheme,
                                                 screening: screening, activeSetCycling: cycling,
                                                 acceleration: acceleration).fit(prob.x, prob.y)
                        #expect(fit.converged)
                        // Certified: P is α(1 − r)-strongly convex, so both lie within √(2·gap/μ)
                        // of the unique solution.
                        let mu = amax / 20 * 0.2
                        let radius = (2 * fit.dualityGap / mu).squareRoot() + (2 * reference.dualityGap / mu).squareRoot()
                        let distance = zip(fit.coefficients, reference.coefficients).map { ($0 - $1) * ($0 - $1) }
                            .reduce(0, +).squareRoot()
                        #expect(distance <= radius + 1e-12, "\(scheme) s\(screening) c\(cycling) a\(acceleration)")
                        #expect(distance < 1e-5)
                        let xm = Centering.means(prob.x, weights: nil)
                        #expect(abs(fit.intercept - reference.intercept)
                                <= xm.map { $0 * $0 }.reduce(0, +).squareRoot() * radius + 1e-12)
                    }
                }
            }
        }
    }

    /// A solver on a seeded problem with every Gram column cached, for the Newton-system tests.
    static func newtonSolver(scheme: UpdateScheme, n: Int, p: Int, rho: Double, seed: UInt64) throws
        -> (CoordinateDescentSolver<PreparedDesign>, PreparedDesign) {
        let prob = CDTestSupport.problem(n: n, p: p, rho: rho, nonzeros: 8, seed: seed)
        let design = try PreparedDesign(prob.x, prob.y, weights: nil, fitIntercept: true)
        let options = SolverOptions(scheme: scheme, screening: true, activeSetCycling: true, acceleration: true)
        let solver = try CoordinateDescentSolver(design: design, options: options, initial: nil)
        try solver.ensureCached(Array(0..<p))
        return (solver, design)
    }

    /// The Newton system of a support A solved from the factor of an earlier support B
    /// (bordering) equals a fresh factorization of A's system, for both schemes.
    @Test(arguments: [UpdateScheme.naive, .covariance])
    func borderedNewtonSolveEqualsAFreshFactor(scheme: UpdateScheme) throws {
        let (solver, _) = try Self.newtonSolver(scheme: scheme, n: 60, p: 40, rho: 0.5, seed: 7)
        let penalty = ElasticNetPenalty(alpha: 0.05, l1Ratio: 0.5, count: 40)   // λ₂ > 0: the diagonal counts
        var rng = SplitMix64(seed: 11)
        func vector(_ m: Int) -> [Double] { (0..<m).map { _ in 2 * rng.nextUniform() - 1 } }
        let b = Array(0..<36)
        let a = [37] + Array(0..<34).filter { $0 != 5 } + [5, 38]   // B − {34, 35} + {37, 38}, reordered
        _ = try #require(solver.factorNewtonSystem(b, vector(36), penalty: penalty))
        let rhs = vector(36)
        let bordered = try #require(solver.borderedNewtonSolve(a, rhs, penalty: penalty))
        #expect(solver.newtonFactor.features == b)                      // the factor is not replaced
        let fresh = try #require(solver.factorNewtonSystem(a, rhs, penalty: penalty))
        #expect(relativeDifference(bordered, fresh) <= 1e-10)
        // Same support (k = 0): the stored factor alone.
        let again = vector(36)
        let zeroBorder = try #require(solver.borderedNewtonSolve(a, again, penalty: penalty))
        let direct = try #require(solver.factorNewtonSystem(a, again, penalty: penalty))
        #expect(relativeDifference(zeroBorder, direct) <= 1e-12)
        // More changes than 1/8 of the factored support, or a λ₂ more than 1.5 times the
        // factored one: no bordered solve.
        #expect(solver.borderedNewtonSolve(Array(0..<30), vector(30), penalty: penalty) == nil)
        let far = ElasticNetPenalty(alpha: 0.2, l1Ratio: 0.5, count: 40)
        #expect(solver.borderedNewtonSolve(a, rhs, penalty: far) == nil)
        // A nearby λ₂ (an elastic-net path's next α): the drift iterations give the new system's
        // solution, which a fresh factor at that λ₂ confirms.
        let near = ElasticNetPenalty(alpha: 0.065, l1Ratio: 0.5, count: 40)
        let drifted = try #require(solver.borderedNewtonSolve(a, rhs, penalty: near))
        #expect(solver.newtonFactor.l2 == penalty.l2)
        let freshNear = try #require(solver.factorNewtonSystem(a, rhs, penalty: near))
        #expect(relativeDifference(drifted, freshNear) <= 1e-10)
    }

    /// A Newton step whose targets cross 0 holds those coordinates at 0 and solves again on the
    /// rest: the result solves (H_RR) d_R = rhs_R + H_Rh w_h (checked against a dense solve of
    /// the Gram matrix) and no remaining target crosses, for both schemes.
    @Test(arguments: [UpdateScheme.naive, .covariance])
    func crossingCoordinatesAreHeldAndTheRestSolvedAgain(scheme: UpdateScheme) throws {
        let (solver, design) = try Self.newtonSolver(scheme: scheme, n: 200, p: 100, rho: 0, seed: 5)
        let penalty = ElasticNetPenalty(alpha: 0.02, l1Ratio: 0.5, count: 100)
        let features = Array(0..<80)
        for j in features { solver.w[j] = j % 2 == 0 ? 1 : -1 }
        // The first solution d*: small moves, except features 3, 17 and 40, whose targets cross 0.
        var first = features.map { j in 0.01 * Double(j % 7 - 3) }
        for j in [3, 17, 40] { first[j] = -2 * solver.w[j] }
        let gram = try design.fullGram()
        func h(_ i: Int, _ j: Int) -> Double { gram[j * 100 + i] + (i == j ? penalty.l2 * penalty.l2Weights[j] : 0) }
        let rhs = features.map { i in features.reduce(0.0) { $0 + h(i, $1) * first[$1] } }
        let solved = try #require(solver.factorNewtonSystem(features, rhs, penalty: penalty))
        #expect(relativeDifference(solved, first) <= 1e-10)
        let (support, held, solution) = solver.holdCrossings(features, rhs, first: solved, penalty: penalty)
        #expect(held.sorted() == [3, 17, 40])
        #expect(support == features.filter { ![3, 17, 40].contains($0) })
        // Dense reference: H_RR d_R = rhs_R + H_Rh w_h.
        let m = support.count
        var hrr = Matrix(rows: m, columns: m)
        var right = [Double](repeating: 0, count: m)
        for (a, i) in support.enumerated() {
            for (b, j) in support.enumerated() { hrr[a, b] = h(i, j) }
            right[a] = rhs[i] + held.reduce(0.0) { $0 + h(i, $1) * solver.w[$1] }
        }
        let reference = try CholeskyFactorization(hrr).solve(right)
        #expect(relativeDifference(solution, reference) <= 1e-10)
        for (k, j) in support.enumerated() {
            let target = solver.w[j] + solution[k]
            #expect((target > 0) == (solver.w[j] > 0) && target != 0, "feature \(j) crosses 0")
        }
        // Nothing crosses: the first solution is returned as it is.
        let calm = features.map { j in 0.01 * Double(j % 5 - 2) }
        let calmRHS = features.map { i in features.reduce(0.0) { $0 + h(i, $1) * calm[$1] } }
        let none = solver.holdCrossings(features, calmRHS, first: calm, penalty: penalty)
        #expect(none.held.isEmpty && none.support == features && none.solution == calm)
    }

    /// With an intercept, shifting columns by constants leaves the coefficients unchanged. The
    /// naive sweep defers the shifts of modest-mean columns (means up to 10 standard deviations
    /// here) to one constant per sweep, and forms products on the shifted values of large-mean
    /// columns (10⁴ standard deviations, where raw products carry rounding of order ε·10⁴‖r‖₁:
    /// with them this fit's gap stalled near 5e-7 and it ran 100000 sweeps to the iteration
    /// limit, even at tolerance 1e-8). Both give the coefficients of the unshifted data, to the
    /// digits the shifted data keep (y is ≈ 10⁴ there too, so about 12).
    @Test(arguments: [3.0, 1e4])
    func columnShiftsLeaveTheNaiveSolutionUnchanged(offset: Double) throws {
        let base = CDTestSupport.problem(n: 60, p: 150, rho: 0.5, nonzeros: 10, offset: 0, seed: 21)
        let shifted = CDTestSupport.problem(n: 60, p: 150, rho: 0.5, nonzeros: 10, offset: offset, seed: 21)
        let alpha = 0.05 * (try Lasso.alphaMax(base.x, base.y))
        let model = Lasso(alpha: alpha, tolerance: offset > 100 ? 1e-10 : 1e-12, updateScheme: .naive)
        let reference = try model.fit(base.x, base.y)
        let fit = try model.fit(shifted.x, shifted.y)
        #expect(reference.converged && fit.converged)
        #expect(fit.iterations < 100)
        #expect(reference.coefficients.filter { $0 != 0 }.count > 10)
        #expect(relativeDifference(fit.coefficients, reference.coefficients) <= (offset > 100 ? 1e-8 : 1e-10))
    }

    /// A tolerance below what rounding allows (1e-14 here, where the gap floors near 3e-13) ends
    /// the solve once the gap stops improving at the smallest inner threshold, reported as not
    /// converged, instead of sweeping the last bits until the iteration limit (100000 sweeps
    /// before); the coefficients are those of a converged fit.
    @Test func aGapStalledAtTheRoundingFloorEndsTheSolveUnconverged() throws {
        let prob = CDTestSupport.problem(n: 300, p: 60, rho: 0.5, nonzeros: 10, offset: 3, seed: 21)
        let alpha = 0.01 * (try Lasso.alphaMax(prob.x, prob.y))
        let reference = try Lasso(alpha: alpha, tolerance: 1e-12, updateScheme: .naive).fit(prob.x, prob.y)
        let fit = try Lasso(alpha: alpha, tolerance: 1e-14, updateScheme: .naive).fit(prob.x, prob.y)
        #expect(reference.converged)
        #expect(!fit.converged)
        #expect(fit.iterations < 200)
        #expect(fit.dualityGap > 1e-14 * fit.objective && fit.dualityGap < 1e-11 * fit.objective)
        #expect(relativeDifference(fit.coefficients, reference.coefficients) <= 1e-12)
    }

    @Test func iterationLimitIsReportedNotThrown() throws {
        let prob = CDTestSupport.problem(n: 50, p: 200, rho: 0.9, nonzeros: 20, seed: 9)
        let amax = try Lasso.alphaMax(prob.x, prob.y)
        let fit = try Lasso(alpha: amax / 1000, tolerance: 1e-12, maximumIterations: 3).fit(prob.x, prob.y)
        #expect(!fit.converged)
        #expect(fit.iterations <= 4)
        #expect(fit.dualityGap > 0 && fit.dualityGap.isFinite)
        #expect(fit.coefficients.allSatisfy { $0.isFinite })
    }

    @Test func duplicatedColumnsDoNotStall() throws {
        var prob = CDTestSupport.problem(n: 80, p: 10, seed: 4)
        var columns = (0..<10).map { prob.x.column($0) }
        columns.append(columns[3])
        columns.append(columns[3])
        prob.x = try Matrix(columns: columns)
        for scheme in [UpdateScheme.naive, .covariance] {
            let fit = try Lasso(alpha: 0.01, tolerance: 1e-12, updateScheme: scheme).fit(prob.x, prob.y)
            #expect(fit.converged)
            #expect(fit.iterations < 10_000)
            // The three copies share one coefficient's worth of signal, all with the same sign.
            let copies = [fit.coefficients[3], fit.coefficients[10], fit.coefficients[11]]
            #expect(copies.allSatisfy { $0 >= 0 } || copies.allSatisfy { $0 <= 0 })
            let single = try Lasso(alpha: 0.01, tolerance: 1e-12).fit(
                try Matrix(columns: (0..<10).map { prob.x.column($0) }), prob.y)
            #expect(abs(copies.reduce(0, +) - single.coefficients[3]) < 1e-6)
        }
    }

    @Test func constantAndZeroColumnsGetExactZeros() throws {
        let prob = CDTestSupport.problem(n: 50, p: 5, seed: 8)
        var columns = (0..<5).map { prob.x.column($0) }
        columns.insert([Double](repeating: 0.1, count: 50), at: 2)
        columns.append([Double](repeating: 0, count: 50))
        let x = try Matrix(columns: columns)
        for scheme in [UpdateScheme.naive, .covariance] {
            for r in [1.0, 0.5, 0.0] {
                let fit = try ElasticNet(alpha: 0.01, l1Ratio: r, tolerance: 1e-12, updateScheme: scheme).fit(x, prob.y)
                #expect(fit.coefficients[2] == 0 && fit.coefficients[6] == 0)
                #expect(fit.coefficients.allSatisfy { !$0.isNaN })
                #expect(fit.converged)
            }
            // Even unpenalized, a constant column stays at 0.
            let free = try Lasso(alpha: 0.01, tolerance: 1e-12, penaltyFactors: [1, 1, 0, 1, 1, 1, 0], updateScheme: scheme)
                .fit(x, prob.y)
            #expect(free.coefficients[2] == 0 && free.coefficients[6] == 0 && free.converged)
        }
    }

    @Test func warmStartReachesTheSameSolutionFaster() throws {
        let prob = CDTestSupport.problem(n: 100, p: 40, rho: 0.5, seed: 12)
        let cold = try Lasso(alpha: 0.02, tolerance: 1e-10).fit(prob.x, prob.y)
        let warm = try Lasso(alpha: 0.02, tolerance: 1e-10).fit(prob.x, prob.y, initialCoefficients: cold.coefficients)
        #expect(CDTestSupport.maxAbsDifference(cold.coefficients, warm.coefficients) < 1e-8)
        #expect(warm.iterations <= cold.iterations)
    }

    /// How far apart two solutions with these duality gaps can be: P is μ-strongly convex with
    /// μ = λ_min(c X̃ᵀX̃) + λ₂ (n > p here), so ‖w − w*‖ ≤ √(2·gap/μ) for each.
    static func certifiedDistance(_ design: PreparedDesign, penalty: ElasticNetPenalty, gaps: [Double]) throws -> Double {
        let p = design.columns
        let gram = try Matrix(rows: p, columns: p, columnMajor: try design.fullGram())
        let mu = try #require(try SymmetricEigendecomposition(gram).eigenvalues.min()) + penalty.l2
        #expect(mu > 0)
        return gaps.reduce(0) { $0 + (2 * max($1, 0) / mu).squareRoot() }
    }

    /// A covariance solve from a cold start (every feature in the working set, so the whole Gram
    /// matrix is cached at once), with or without the single-precision Gram matrix.
    static func coldCovarianceSolve(
        _ design: PreparedDesign, penalty: ElasticNetPenalty, singlePrecision: Bool, tolerance: Double,
        corrupt: ((CoordinateDescentSolver<PreparedDesign>) -> Void)? = nil
    ) throws -> (CoordinateDescentSolver<PreparedDesign>, CoordinateDescentOutcome) {
        var options = SolverOptions(scheme: .covariance, screening: true, activeSetCycling: true, acceleration: true)
        options.singlePrecisionGram = singlePrecision
        let solver = try CoordinateDescentSolver(design: design, options: options, initial: nil)
        try solver.ensureCached(Array(0..<design.columns))
        corrupt?(solver)
        let outcome = try solver.solve(penalty: penalty, previousL1: 1e3 * penalty.l1,
                                       stopping: StoppingRule(tolerance: tolerance, maximumIterations: 100_000))
        return (solver, outcome)
    }

    /// With the single-precision Gram matrix, each check re-anchors the model at the exact gradient
    /// (iterative refinement), so the solve reaches the exact problem's solution: tolerance 1e-12 is
    /// met, the gap is the exact one, the coefficients are those of the exact-cache solve, and on a
    /// well-conditioned problem the cache stays single precision to the end (no fallback).
    @Test(arguments: [(1.0, 0.01), (0.5, 0.05), (1.0, 0.2)])
    func singlePrecisionGramRefinesToTheExactSolution(l1Ratio: Double, fraction: Double) throws {
        let prob = CDTestSupport.problem(n: 400, p: 150, rho: 0.5, nonzeros: 8, seed: 21)
        let design = try PreparedDesign(prob.x, prob.y, weights: nil, fitIntercept: true)
        let amax = try ElasticNet.alphaMax(prob.x, prob.y, l1Ratio: l1Ratio)
        let penalty = ElasticNetPenalty(alpha: fraction * amax, l1Ratio: l1Ratio, count: 150)
        let (exact, exactOutcome) = try Self.coldCovarianceSolve(design, penalty: penalty, singlePrecision: false, tolerance: 1e-12)
        let (single, outcome) = try Self.coldCovarianceSolve(design, penalty: penalty, singlePrecision: true, tolerance: 1e-12)
        #expect(exactOutcome.converged && outcome.converged)
        #expect(single.cacheIsApproximate && !exact.cacheIsApproximate)
        let distance = try Self.certifiedDistance(design, penalty: penalty, gaps: [outcome.dualityGap, exactOutcome.dualityGap])
        #expect(CDTestSupport.maxAbsDifference(single.coefficients, exact.coefficients) <= distance)
        // The reported gap is the exact one at the returned coefficients.
        let objective = CDTestSupport.objective(prob.x, prob.y, w: single.coefficients,
                                                b: prob.y.reduce(0, +) / 400 - zip(Centering.means(prob.x, weights: nil), single.coefficients).reduce(0) { $0 + $1.0 * $1.1 },
                                                alpha: fraction * amax, l1Ratio: l1Ratio)
        #expect(outcome.dualityGap >= 0 && outcome.dualityGap <= 1e-12 * objective)
        try single.refreshCorrelations()
        #expect(abs(try single.currentGap(penalty) - outcome.dualityGap) <= 1e-3 * outcome.dualityGap + 1e-18)
    }

    /// When the single-precision model is too far off for refinement to contract (emulated by a
    /// cache whose off-diagonal entries are tripled), the solver switches to the exact Gram
    /// matrix and still converges; ``CoordinateDescentSolver/makeCacheExact()`` restores exactly
    /// the double-precision columns.
    @Test func aModelThatDoesNotContractFallsBackToTheExactGram() throws {
        let prob = CDTestSupport.problem(n: 300, p: 60, rho: 0.5, nonzeros: 8, seed: 23)
        let design = try PreparedDesign(prob.x, prob.y, weights: nil, fitIntercept: true)
        let amax = try ElasticNet.alphaMax(prob.x, prob.y, l1Ratio: 1)
        let penalty = ElasticNetPenalty(alpha: 0.01 * amax, l1Ratio: 1, count: 60)
        let (solver, outcome) = try Self.coldCovarianceSolve(design, penalty: penalty, singlePrecision: true, tolerance: 1e-10) { s in
            #expect(s.cacheIsApproximate)
            for (slot, j) in s.cachedFeatures.enumerated() {
                for l in 0..<60 where l != j { s.cache[slot * 60 + l] *= 3 }
            }
        }
        #expect(outcome.converged && !solver.cacheIsApproximate)
        let (exact, exactOutcome) = try Self.coldCovarianceSolve(design, penalty: penalty, singlePrecision: false, tolerance: 1e-10)
        let distance = try Self.certifiedDistance(design, penalty: penalty, gaps: [outcome.dualityGap, exactOutcome.dualityGap])
        #expect(CDTestSupport.maxAbsDifference(solver.coefficients, exact.coefficients) <= distance)
        let full = try design.fullGram()
        for (slot, j) in solver.cachedFeatures.enumerated() {
            for l in 0..<60 { #expect(solver.cache[slot * 60 + l] == full[j * 60 + l]) }
        }
    }

    /// A check from the single-precision copy of X decides exactly as the double-precision one:
    /// at a solution and at a smaller α (where features violate), the same violators, the same
    /// duality gap (to rounding), correlations that differ by no more than the rounding bound,
    /// and fewer than p correlations recomputed in double.
    @Test(arguments: [1.0, 0.5])
    func singlePrecisionChecksDecideAsExactOnes(l1Ratio: Double) throws {
        let n = 60, p = 500
        let prob = CDTestSupport.problem(n: n, p: p, rho: 0.5, nonzeros: 8, seed: 29)
        let design = try PreparedDesign(prob.x, prob.y, weights: nil, fitIntercept: true)
        var options = SolverOptions(scheme: .naive, screening: true, activeSetCycling: true, acceleration: true)
        let stopping = StoppingRule(tolerance: 1e-10, maximumIterations: 100_000)
        options.singlePrecisionChecks = true
        let solver = try CoordinateDescentSolver(design: design, options: options, initial: nil)
        let amax = try ElasticNet.alphaMax(prob.x, prob.y, l1Ratio: l1Ratio)
        let solved = ElasticNetPenalty(alpha: 0.05 * amax, l1Ratio: l1Ratio, count: p)
        let outcome = try solver.solve(penalty: solved, previousL1: 0.06 * amax * l1Ratio, stopping: stopping)
        #expect(outcome.converged)
        for penalty in [solved, ElasticNetPenalty(alpha: 0.03 * amax, l1Ratio: l1Ratio, count: p)] {
            try solver.refreshCorrelations(penalty: penalty)
            let shadowRho = (0..<p).map { solver.rho[$0] }
            let shadowGap = try solver.currentGap(penalty)
            let recomputed = solver.exactCorrelationsAtLastCheck
            try solver.refreshCorrelations()
            let exactRho = (0..<p).map { solver.rho[$0] }
            let exactGap = try solver.currentGap(penalty)
            #expect(recomputed < p && recomputed >= solver.coefficients.filter { $0 != 0 }.count)
            #expect(abs(shadowGap - exactGap) <= 1e-9 * exactGap + 1e-15)
            for j in 0..<p {
                let lam = penalty.l1 * penalty.l1Weights[j]
                #expect((abs(shadowRho[j]) > lam) == (abs(exactRho[j]) > lam), "feature \(j)")
                #expect(abs(shadowRho[j] - exactRho[j]) <= 1e-4 * lam)
            }
        }
    }

    /// A p ≫ n path with and without the single-precision checks: the same certified answers.
    @Test func pathWithSinglePrecisionChecksMatchesTheExactChecks() throws {
        let n = 100, p = ElasticNet.singlePrecisionChecksMinimumSize / 100 + 1
        let prob = CDTestSupport.problem(n: n, p: p, rho: 0.5, nonzeros: 10, seed: 37)
        var model = ElasticNet(l1Ratio: 0.8, tolerance: 1e-9)
        let fast = try model.path(prob.x, prob.y, count: 25, epsilon: 0.05)
        model.singlePrecisionChecks = false
        let exact = try model.path(prob.x, prob.y, count: 25, epsilon: 0.05)
        #expect(fast.allConverged && exact.allConverged)
        for k in 0..<fast.count {
            #expect(abs(fast.objectives[k] - exact.objectives[k]) <= 2e-9 * exact.objectives[k])
        }
    }
}
