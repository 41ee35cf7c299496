import Foundation
import LinearAlgebra

/// The built-in seeded problems.
///
/// - Ridge, well conditioned: X has i.i.d. N(0, 1) entries (singular values within
///   √n ± √p, so κ(X) ≈ (√n + √p)/(√n − √p) when n > p).
/// - Ridge, decaying: X = G·M with the singular values of X set exactly to
///   σₖ = √n·10^(−3k/(m−1)), k = 0…m−1, m = min(n, p): from √n down to 10⁻³√n.
///   For n ≥ p, G is Gaussian with centered columns, GᵀG = EΛEᵀ and M = E·diag(σ/√λ)·Eᵀ
///   (so XᵀX = E·diag(σ²)·Eᵀ and X is already centered). For p > n, X = E·diag(σ/√λ)·Eᵀ·H with
///   H Gaussian and HHᵀ = EΛEᵀ (so XXᵀ = E·diag(σ²)·Eᵀ).
///   In both, y = Xβ + 0.5ε + 1 with β, ε ~ N(0, 1); α = 10⁻³·σ₁² (= 10⁻³·n for the decaying
///   design, so the ridge problem's condition number is (σ₁² + α)/(σₘ² + α) ≈ 10³).
/// - Lasso: rows of X are AR(1) with ρ = 0.5 (corr(xⱼ, xₖ) = ρ^|j−k|), β has 20 nonzeros
///   ±(1 + U(0,1)) at evenly spaced positions, y = Xβ + σε with σ = ‖Xβ‖/(3√n) (signal-to-noise
///   3), α = 0.05·α_max.
public enum SyntheticProblems {
    /// Relative ridge strength: α = `ridgeAlphaFactor`·σ₁(X)².
    public static let ridgeAlphaFactor = 1e-3
    /// Relative lasso strength: α = `lassoAlphaFraction`·α_max.
    public static let lassoAlphaFraction = 0.05

    public static func ridge(n: Int, p: Int, decaying: Bool, seed: UInt64) throws -> BenchmarkProblem {
        var rng = BenchmarkRandom(seed: seed)
        var x: Matrix
        let sigmaMax: Double
        if !decaying {
            x = gaussianMatrix(rows: n, columns: p, rng: &rng)
            sigmaMax = Double(n).squareRoot() + Double(p).squareRoot()
        } else {
            let m = min(n, p)
            let sigma = (0..<m).map { Double(n).squareRoot() * pow(10, -3 * Double($0) / Double(max(1, m - 1))) }
            sigmaMax = sigma[0]
            if n >= p {
                var g = gaussianMatrix(rows: n, columns: p, rng: &rng)
                let means = (0..<p).map { j in g.storage[(j * n)..<((j + 1) * n)].reduce(0, +) / Double(n) }
                for j in 0..<p { for i in 0..<n { g.storage[i + j * n] -= means[j] } }
                let eig = try SymmetricEigendecomposition(try g.gram())
                let m = try scaledRotation(eig, sigma: sigma)
                x = try g.multiplied(by: m)
            } else {
                let h = gaussianMatrix(rows: n, columns: p, rng: &rng)
                let eig = try SymmetricEigendecomposition(try h.outerGram())
                let m = try scaledRotation(eig, sigma: sigma)
                x = try m.multiplied(by: h)
            }
        }
        let beta = (0..<p).map { _ in rng.gaussian() }
        var y = try x.times(beta)
        for i in 0..<n { y[i] += 0.5 * rng.gaussian() + 1 }
        let alpha = ridgeAlphaFactor * sigmaMax * sigmaMax
        let shape = decaying ? "singular values √n…10⁻³√n" : "Gaussian, well conditioned"
        return BenchmarkProblem(
            name: "ridge-\(n)x\(p)-\(decaying ? "decaying" : "gaussian")", kind: .ridge,
            description: "ridge n=\(n) p=\(p), \(shape), α=\(format(alpha))", x: x, y: y, alpha: alpha)
    }

    public static func lasso(n: Int, p: Int, seed: UInt64, rho: Double = 0.5, nonzeros: Int = 20) throws -> BenchmarkProblem {
        var rng = BenchmarkRandom(seed: seed)
        var x = Matrix(rows: n, columns: p)
        let c = (1 - rho * rho).squareRoot()
        x.storage.withUnsafeMutableBufferPointer { s in
            for i in 0..<n { s[i] = rng.gaussian() }
            for j in 1..<max(1, p) {
                for i in 0..<n { s[i + j * n] = rho * s[i + (j - 1) * n] + c * rng.gaussian() }
            }
        }
        var beta = [Double](repeating: 0, count: p)
        let k = min(nonzeros, p)
        for t in 0..<k {
            let j = (t * p) / k
            beta[j] = (rng.uniform() < 0.5 ? -1 : 1) * (1 + rng.uniform())
        }
        let signal = try x.times(beta)
        let sigma = (signal.reduce(0) { $0 + $1 * $1 }).squareRoot() / (3 * Double(n).squareRoot())
        let y = signal.map { $0 + sigma * rng.gaussian() }
        let alpha = lassoAlphaFraction * (try alphaMax(x, y))
        return BenchmarkProblem(
            name: "lasso-\(n)x\(p)-ar1", kind: .lasso,
            description: "lasso n=\(n) p=\(p), AR(1) ρ=\(rho), \(k) nonzeros, α=\(lassoAlphaFraction)·α_max=\(format(alpha))",
            x: x, y: y, alpha: alpha)
    }

    /// α_max = maxⱼ |xⱼᵀ(y − ȳ)|/n for centered columns: the smallest α with an all-zero lasso.
    public static func alphaMax(_ x: Matrix, _ y: [Double]) throws -> Double {
        let n = Double(x.rows)
        let ym = y.reduce(0, +) / n
        let yc = y.map { $0 - ym }
        // Σᵢ (xᵢⱼ − x̄ⱼ)·ycᵢ = Σᵢ xᵢⱼ·ycᵢ because Σ ycᵢ = 0.
        return try x.transposeTimes(yc).map { abs($0) / n }.max() ?? 0
    }

    static func gaussianMatrix(rows: Int, columns: Int, rng: inout BenchmarkRandom) -> Matrix {
        var g = Matrix(rows: rows, columns: columns)
        g.storage.withUnsafeMutableBufferPointer { s in
            for k in 0..<s.count { s[k] = rng.gaussian() }
        }
        return g
    }

    /// E·diag(σₖ/√λₖ)·Eᵀ, pairing the largest σ with the largest λ.
    static func scaledRotation(_ eig: SymmetricEigendecomposition, sigma: [Double]) throws -> Matrix {
        let m = eig.eigenvalues.count
        var scaled = eig.eigenvectors
        for k in 0..<m {
            let lambda = eig.eigenvalues[k]           // ascending
            let s = sigma[m - 1 - k]                   // descending → ascending
            let f = lambda > 0 ? s / lambda.squareRoot() : 0
            for i in 0..<m { scaled.storage[i + k * m] *= f }
        }
        return try scaled.multiplied(by: eig.eigenvectors, transposingOther: true)
    }

    static func format(_ v: Double) -> String { String(format: "%.3g", v) }
}
