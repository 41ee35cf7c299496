import Testing
import LinearAlgebra
import RidgeLasso

@Suite struct SinglePrecisionMatrixTests {
    /// Every entry of the single-precision Aᵀv lies within its bound of the double-precision
    /// product, on columns of ordinary, tiny (below Float's normal range) and huge scale; the
    /// bound is small enough to be useful (≤ 1e-4·‖aⱼ‖‖v‖ at n = 500); the column norms are exact.
    @Test func productsWithinTheirBounds() throws {
        let n = 500, p = 40
        var a = randomMatrix(n, p, seed: 17)
        for i in 0..<n { a[i, 3] *= 1e-40; a[i, 4] *= 1e30; a[i, 5] = 0 }
        for i in 0..<n where i % 7 == 0 { a[i, 6] = 1e-44 }
        var rng = SplitMix64(seed: 18)
        let v = (0..<n).map { _ in Double.random(in: -1..<1, using: &rng) * (1 + Double.random(in: 0..<100, using: &rng)) }
        let shadow = try #require(a.storage.withUnsafeBufferPointer { SinglePrecisionMatrix(rows: n, columns: p, $0.baseAddress!) })
        var y = [Double](repeating: 0, count: p)
        var scratch = [Float](repeating: 0, count: n + p)
        v.withUnsafeBufferPointer { vp in
            y.withUnsafeMutableBufferPointer { yp in
                scratch.withUnsafeMutableBufferPointer { shadow.transposeTimes(vp.baseAddress!, into: yp.baseAddress!, scratch: $0.baseAddress!) }
            }
        }
        let vNorm = v.reduce(0) { $0 + $1 * $1 }.squareRoot(), vAbs = v.reduce(0) { $0 + abs($1) }
        for j in 0..<p {
            var exact = 0.0, norm = 0.0
            for i in 0..<n { exact += a[i, j] * v[i]; norm += a[i, j] * a[i, j] }
            #expect(abs(shadow.columnNorms[j] - norm.squareRoot()) <= 1e-14 * norm.squareRoot())
            let bound = shadow.errorBound(column: j, vectorNorm: vNorm, vectorAbsSum: vAbs)
            #expect(abs(y[j] - exact) <= bound, "column \(j)")
            if j != 3 && j != 5 && j != 6 { #expect(bound <= 1e-4 * norm.squareRoot() * vNorm) }
        }
        #expect(y[5] == 0)
    }

    /// Values beyond Float's range, or an empty matrix: no copy.
    @Test func unrepresentableMatrices() {
        var a = randomMatrix(10, 3, seed: 19)
        a[4, 1] = 1e39
        a.storage.withUnsafeBufferPointer { s in
            #expect(SinglePrecisionMatrix(rows: 10, columns: 3, s.baseAddress!) == nil)
            #expect(SinglePrecisionMatrix(rows: 0, columns: 3, s.baseAddress!) == nil)
        }
    }
}
