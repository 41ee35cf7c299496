import LinearAlgebra
import RidgeLasso

/// A seeded regression problem: the design, the target and the coefficients that made it.
public struct RegressionProblem: Sendable {
    public var x: Matrix
    public var y: [Double]
    public var trueCoefficients: [Double]

    public init(x: Matrix, y: [Double], trueCoefficients: [Double]) {
        self.x = x
        self.y = y
        self.trueCoefficients = trueCoefficients
    }
}

/// Seeded regression problems, each a pure function of its arguments.
public enum Problems {
    /// n × p AR(1) design (corr(xⱼ, xₖ) = ρ^|j−k|) plus offset·(j mod 3) per column (so centering
    /// matters); `nonzeros` true coefficients of ±(1…2) at columns 7919k mod p; y = 2 + Xβ + σ·noise.
    public static func correlated(n: Int, p: Int, rho: Double = 0.5, nonzeros: Int = 5, noise: Double = 0.5,
                                  offset: Double = 1, seed: UInt64) -> RegressionProblem {
        var rng = SplitMix64(seed: seed)
        var x = Matrix(rows: n, columns: p)
        let s = (1 - rho * rho).squareRoot()
        for i in 0..<n {
            var prev = rng.gaussian()
            x[i, 0] = prev
            for j in 1..<max(p, 1) where j < p {
                prev = rho * prev + s * rng.gaussian()
                x[i, j] = prev
            }
        }
        for j in 0..<p { for i in 0..<n { x[i, j] += offset * Double(j % 3) } }
        var beta = [Double](repeating: 0, count: p)
        for k in 0..<min(nonzeros, p) {
            let j = (k * 7919) % p
            beta[j] = (rng.uniform() < 0.5 ? -1 : 1) * (1 + rng.uniform())
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var acc = 2.0
            for j in 0..<p where beta[j] != 0 { acc += x[i, j] * beta[j] }
            y[i] = acc + noise * rng.gaussian()
        }
        return RegressionProblem(x: x, y: y, trueCoefficients: beta)
    }

    /// X with shifted, unequal-scale columns (shift uniform in [−2, 2), scale 0.5 + (j mod 3)),
    /// y = Xβ + 3 + σ·noise with β = (1, −2, 3, −4, 5, 0, …).
    public static func shiftedColumns(rows n: Int, columns p: Int, seed: UInt64, noise: Double = 0.5) -> RegressionProblem {
        var g = SplitMix64(seed: seed)
        var x = Matrix(rows: n, columns: p)
        for j in 0..<p {
            let shift = 2 * (g.nextUniform() * 2 - 1), scale = 0.5 + Double(j % 3)
            for i in 0..<n { x[i, j] = shift + scale * g.normal() }
        }
        var beta = [Double](repeating: 0, count: p)
        for j in 0..<min(p, 5) { beta[j] = Double(j + 1) * (j % 2 == 0 ? 1 : -1) }
        var y = [Double](repeating: 3, count: n)
        for i in 0..<n {
            for j in 0..<p { y[i] += x[i, j] * beta[j] }
            y[i] += noise * g.normal()
        }
        return RegressionProblem(x: x, y: y, trueCoefficients: beta)
    }

    /// X (n × p) Gaussian + 0.5 with column j scaled by `scales[j]` (ill-conditioning on demand),
    /// y = Xβ + 3 + 0.1·noise with β = (1, −2, 3, −4, 5, 1, …).
    public static func scaledGaussian(n: Int, p: Int, seed: UInt64, scales: [Double]? = nil) -> RegressionProblem {
        var rng = SplitMix64(seed: seed)
        var x = Matrix(rows: n, columns: p)
        for j in 0..<p {
            let s = scales?[j] ?? 1
            for i in 0..<n { x[i, j] = s * rng.gaussian() + 0.5 }
        }
        let beta: [Double] = (0..<p).map { (j: Int) -> Double in
            let magnitude = Double(j % 5 + 1)
            return j % 2 == 0 ? magnitude : -magnitude
        }
        var y = (try? x.times(beta)) ?? []
        for i in 0..<n { y[i] += 3 + 0.1 * rng.gaussian() }
        return RegressionProblem(x: x, y: y, trueCoefficients: beta)
    }

    /// A design whose centered columns are exactly orthogonal with XcᵀXc = n·I (±1 Walsh columns
    /// of a Sylvester construction, the constant one skipped), so the lasso and elastic net have
    /// closed forms.
    public static func orthogonalDesign(logRows: Int, p: Int) -> Matrix {
        let n = 1 << logRows
        var x = Matrix(rows: n, columns: p)
        for j in 0..<p {
            let col = j + 1
            for i in 0..<n { x[i, j] = (i & col).nonzeroBitCount % 2 == 0 ? 1 : -1 }
        }
        return x
    }

    /// Positive sample weights uniform in (0.2, 2).
    public static func weights(_ n: Int, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { _ in 0.2 + 1.8 * rng.uniform() }
    }
}
