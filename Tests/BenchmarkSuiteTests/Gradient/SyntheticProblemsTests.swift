import Foundation
import LinearAlgebra
import Testing
@testable import BenchmarkSuite

@Suite struct SyntheticProblemsTests {
    /// The decaying designs have exactly the prescribed singular values √n·10^(−3k/(m−1)).
    @Test(arguments: [(60, 12), (15, 40)])
    func decayingDesignHasThePrescribedSpectrum(n: Int, p: Int) throws {
        let problem = try SyntheticProblems.ridge(n: n, p: p, decaying: true, seed: 5)
        let m = min(n, p)
        let s = try SingularValueDecomposition(problem.x).singularValues
        for k in 0..<m {
            let expected = Double(n).squareRoot() * pow(10, -3 * Double(k) / Double(m - 1))
            #expect(abs(s[k] - expected) <= 1e-10 * s[0], "σ\(k) = \(s[k]), expected \(expected)")
        }
        #expect(abs(problem.alpha - 1e-3 * Double(n)) < 1e-9 * Double(n))
        if n >= p {  // already centered
            for j in 0..<p { #expect(abs(problem.x.column(j).reduce(0, +)) < 1e-9 * Double(n)) }
        }
    }

    @Test func gaussianDesignIsReproducibleFromItsSeed() throws {
        let a = try SyntheticProblems.ridge(n: 30, p: 4, decaying: false, seed: 9)
        let b = try SyntheticProblems.ridge(n: 30, p: 4, decaying: false, seed: 9)
        let c = try SyntheticProblems.ridge(n: 30, p: 4, decaying: false, seed: 10)
        #expect(a.x == b.x && a.y == b.y)
        #expect(a.x != c.x)
    }

    /// AR(1) columns: neighbouring correlation ≈ ρ = 0.5, lag 2 ≈ 0.25; 20 true nonzeros;
    /// α = 0.05·α_max.
    @Test func lassoDesignIsAR1() throws {
        let problem = try SyntheticProblems.lasso(n: 20_000, p: 6, seed: 3, nonzeros: 3)
        func corr(_ a: [Double], _ b: [Double]) -> Double {
            let n = Double(a.count)
            let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
            var sab = 0.0, saa = 0.0, sbb = 0.0
            for i in 0..<a.count { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) * (a[i] - ma); sbb += (b[i] - mb) * (b[i] - mb) }
            return sab / (saa * sbb).squareRoot()
        }
        #expect(abs(corr(problem.x.column(2), problem.x.column(3)) - 0.5) < 0.03)
        #expect(abs(corr(problem.x.column(1), problem.x.column(3)) - 0.25) < 0.03)
        let alphaMax = try SyntheticProblems.alphaMax(problem.x, problem.y)
        #expect(abs(problem.alpha - 0.05 * alphaMax) < 1e-12 * alphaMax)
    }
}
