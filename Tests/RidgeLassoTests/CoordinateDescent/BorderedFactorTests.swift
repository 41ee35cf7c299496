import Testing
import LinearAlgebra
@testable import RidgeLasso

/// Bordered solves from one factor equal fresh factorizations of each support's system.
@Suite struct BorderedFactorTests {
    /// A random SPD matrix G (p × p, entries G[i * p + j]) with a ridge of 0.1 on every diagonal.
    static func system(p: Int, seed: UInt64) -> (gram: [Double], ridge: Double) {
        var rng = SplitMix64(seed: seed)
        let n = p + 10
        let x = (0..<(n * p)).map { _ in 2 * rng.nextUniform() - 1 }
        var g = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            for j in 0..<p {
                var acc = 0.0
                for r in 0..<n { acc += x[i * n + r] * x[j * n + r] }
                g[i * p + j] = acc / Double(n)
            }
        }
        return (g, 0.1)
    }

    /// The factor of support B (gathered the way the solver gathers it).
    static func factored(_ b: [Int], _ g: [Double], p: Int, ridge: Double) throws -> BorderedFactor {
        var factor = BorderedFactor(featureCount: p)
        let m = b.count
        factor.storage = [Double](repeating: 0, count: m * m)
        for (k, i) in b.enumerated() {
            for (l, j) in b.enumerated() where l >= k { factor.storage[k * m + l] = g[i * p + j] }
            factor.storage[k * m + k] += ridge
        }
        try factor.factor(b, l2: 1)
        return factor
    }

    /// x = H_AA⁻¹ rhs by a dense Cholesky solve of A's own system.
    static func dense(_ a: [Int], _ rhs: [Double], _ g: [Double], p: Int, ridge: Double) throws -> [Double] {
        var h = Matrix(rows: a.count, columns: a.count)
        for (k, i) in a.enumerated() {
            for (l, j) in a.enumerated() { h[k, l] = g[i * p + j] + (k == l ? ridge : 0) }
        }
        return try CholeskyFactorization(h).solve(rhs)
    }

    @Test func borderedSolvesEqualFreshFactors() throws {
        let p = 60
        let (g, ridge) = Self.system(p: p, seed: 3)
        var factor = try Self.factored(Array(0..<48), g, p: p, ridge: ridge)
        var rng = SplitMix64(seed: 4)
        func vector(_ m: Int) -> [Double] { (0..<m).map { _ in 2 * rng.nextUniform() - 1 } }
        let entry = { (i: Int, j: Int) in g[i * p + j] }
        // Supports that remove and add features, in any order; the second and third reuse
        // border columns the first computed, the third adds new ones.
        let supports: [[Int]] = [
            [50] + Array(0..<46).filter { $0 != 7 } + [7, 49],             // − {46, 47} + {49, 50}
            Array(0..<46) + [49],                                          // − {46, 47} + {49}
            Array(0..<40) + [50, 55, 56] + Array(41..<46),                 // − {40, 46, 47} + {50, 55, 56}
            Array(0..<48),                                                 // B itself: the factor alone
        ]
        for a in supports {
            let rhs = vector(a.count)
            let solved = factor.solve(a, rhs, l2: 1, limit: 8, entry: entry, l2Weight: { _ in ridge })
            let x = try #require(solved)
            let reference = try Self.dense(a, rhs, g, p: p, ridge: ridge)
            #expect(relativeDifference(x, reference) <= 1e-11, "support \(a)")
            #expect(factor.features == Array(0..<48))                     // the factor is not replaced
        }
        // λ₂ drifted by up to half of the factored one (H = G + λ₂·ridge·I): conjugate gradients
        // preconditioned by the factor at λ₂ = 1 solve the new system as exactly.
        for l2 in [0.55, 0.9, 1.4] {
            let a = supports[2], rhs = vector(a.count)
            let solved = factor.solve(a, rhs, l2: l2, limit: 8, entry: entry, l2Weight: { _ in ridge })
            let x = try #require(solved, "λ₂ \(l2)")
            #expect(relativeDifference(x, try Self.dense(a, rhs, g, p: p, ridge: l2 * ridge)) <= 1e-10, "λ₂ \(l2)")
        }
        #expect(factor.accepts(l2: 1.5) && factor.accepts(l2: 0.5) && !factor.accepts(l2: 0.45) && !factor.accepts(l2: 0))
        // Beyond the limit, at a λ₂ too far off, or after clear(): no bordered solve.
        let overLimit = factor.solve(Array(0..<40), vector(40), l2: 1, limit: 4, entry: entry, l2Weight: { _ in ridge })
        #expect(overLimit == nil)
        let otherL2 = factor.solve(Array(0..<48), vector(48), l2: 2, limit: 8, entry: entry, l2Weight: { _ in ridge })
        #expect(otherL2 == nil)
        factor.clear()
        #expect(factor.features.isEmpty && !factor.contains(0))
        let cleared = factor.solve(Array(0..<48), vector(48), l2: 1, limit: 8, entry: entry, l2Weight: { _ in ridge })
        #expect(cleared == nil)
    }

    @Test func aFullBorderCacheDeclinesInsteadOfGrowing() throws {
        let p = 300
        let (g, ridge) = Self.system(p: p, seed: 5)
        var factor = try Self.factored(Array(0..<290), g, p: p, ridge: ridge)
        let entry = { (i: Int, j: Int) in g[i * p + j] }
        // 257 removed features need 257 border columns: more than the cache keeps.
        let a = Array(257..<290)
        #expect(BorderedFactor.borderCacheLimit == 256)
        let full = factor.solve(a, [Double](repeating: 1, count: a.count), l2: 1, limit: 300, entry: entry, l2Weight: { _ in ridge })
        #expect(full == nil)
        // A support within the cache's reach still solves exactly.
        let near = Array(0..<280)
        let rhs = (0..<280).map { Double($0 % 5) - 2 }
        let solved = factor.solve(near, rhs, l2: 1, limit: 300, entry: entry, l2Weight: { _ in ridge })
        let x = try #require(solved)
        #expect(relativeDifference(x, try Self.dense(near, rhs, g, p: p, ridge: ridge)) <= 1e-10)
    }
}
