import Foundation
import LinearAlgebra
import RidgeLasso

/// Test draws on the library's one seeded generator, ``SplitMix64``: every random test problem
/// (and every benchmark problem built from it) is the same on every run and machine.
///
/// Two Gaussian draws exist because fixed test problems were built on each and their expected
/// values depend on the exact sequence: ``gaussian()`` (Box–Muller on the open interval) and
/// ``normal()`` (Box–Muller on [0, 1) with the logarithm's argument kept away from 0).
extension SplitMix64 {
    /// Uniform in the open interval (0, 1): the top 53 bits, offset by half a step.
    public mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }

    /// Standard normal by Box–Muller from two ``uniform()`` draws (never log 0).
    public mutating func gaussian() -> Double {
        let u = uniform(), v = uniform()
        return (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * Double.pi * v)
    }

    /// Standard normal by Box–Muller from two ``nextUniform()`` draws in [0, 1), the first
    /// clamped to 2⁻⁶⁰ so the logarithm stays finite.
    public mutating func normal() -> Double {
        let u1 = max(nextUniform(), 0x1.0p-60), u2 = nextUniform()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    /// A vector of `n` ``normal()`` draws.
    public mutating func vector(_ n: Int) -> [Double] { (0..<n).map { _ in normal() } }

    /// An n × p matrix of ``normal()`` entries, column j scaled by 1 + j/p and, with `offset`,
    /// shifted by (j mod 7) − 3 (so centering matters).
    public mutating func design(_ n: Int, _ p: Int, offset: Bool = true) -> Matrix {
        var m = Matrix(rows: n, columns: p)
        for j in 0..<p {
            for i in 0..<n { m[i, j] = normal() * (1 + Double(j) / Double(p)) + (offset ? Double(j % 7) - 3 : 0) }
        }
        return m
    }

    /// A rows × columns matrix of uniform entries in [−1, 1) (the standard library's
    /// `Double.random(in:using:)` on this generator).
    public mutating func uniformMatrix(_ rows: Int, _ columns: Int) -> Matrix {
        var m = Matrix(rows: rows, columns: columns)
        for k in 0..<(rows * columns) { m.storage[k] = Double.random(in: -1..<1, using: &self) }
        return m
    }
}
