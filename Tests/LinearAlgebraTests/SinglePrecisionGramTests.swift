import Testing
import LinearAlgebra

@Suite struct SinglePrecisionGramTests {
    /// c Σᵢ (xᵢⱼ − mⱼ)(xᵢₖ − mₖ) in double precision, by the triple loop.
    static func exactGram(_ x: Matrix, shifts: [Double], scale c: Double) -> [Double] {
        let n = x.rows, p = x.columns
        var g = [Double](repeating: 0, count: p * p)
        for j in 0..<p {
            for k in 0..<p {
                var s = 0.0
                for i in 0..<n { s += (x[i, j] - shifts[j]) * (x[i, k] - shifts[k]) }
                g[k * p + j] = c * s
            }
        }
        return g
    }

    static func norms(_ x: Matrix, shifts: [Double]) -> [Double] {
        (0..<x.columns).map { j in
            (0..<x.rows).reduce(0.0) { $0 + (x[$1, j] - shifts[j]) * (x[$1, j] - shifts[j]) }.squareRoot()
        }
    }

    /// Every entry within √n·2⁻²⁴ (with room) of the exact one, relative to √(GⱼⱼGₖₖ); symmetric;
    /// columns whose mean is 10⁸ times their spread are centered before rounding, so they are as
    /// accurate as the others (rounding the raw values to Float would lose all their digits).
    @Test func matchesTheExactGramToSinglePrecision() throws {
        let n = 300, p = 12
        var x = randomMatrix(n, p, seed: 5)
        for i in 0..<n { x[i, 3] += 1e8; x[i, 7] *= 1e-20; x[i, 9] *= 1e20 }
        var shifts = (0..<p).map { j in (0..<n).reduce(0.0) { $0 + x[$1, j] } / Double(n) }
        shifts[5] = 0   // a column left uncentered
        let c = 1 / Double(n)
        let exact = Self.exactGram(x, shifts: shifts, scale: c)
        let scales = Self.norms(x, shifts: shifts)
        let approximate = try #require(x.storage.withUnsafeBufferPointer { s in
            SinglePrecisionGram.compute(rows: n, columns: p, s.baseAddress!, shifts: shifts, scales: scales, scale: c)
        })
        var worst = 0.0
        for j in 0..<p {
            for k in 0..<p {
                #expect(approximate[k * p + j] == approximate[j * p + k])
                let size = (exact[j * p + j] * exact[k * p + k]).squareRoot()
                worst = max(worst, abs(approximate[k * p + j] - exact[k * p + j]) / size)
            }
        }
        #expect(worst <= 4 * Double(n).squareRoot() * 0x1p-24)
        #expect(worst > 1e-12)   // it is single precision: double would agree to ~1e-15
    }

    /// A column of scale 0 is a zero row and column; mismatched lengths or empty shapes give nil.
    @Test func zeroScaleColumnsAndBadShapes() throws {
        let x = randomMatrix(20, 3, seed: 9)
        let g = try #require(x.storage.withUnsafeBufferPointer { s in
            SinglePrecisionGram.compute(rows: 20, columns: 3, s.baseAddress!, shifts: [0, 0, 0], scales: [1, 0, 2], scale: 1)
        })
        for j in 0..<3 { #expect(g[1 * 3 + j] == 0 && g[j * 3 + 1] == 0) }
        #expect(g[0] > 0 && g[8] > 0)
        x.storage.withUnsafeBufferPointer { s in
            #expect(SinglePrecisionGram.compute(rows: 20, columns: 3, s.baseAddress!, shifts: [0, 0], scales: [1, 1, 1], scale: 1) == nil)
            #expect(SinglePrecisionGram.compute(rows: 0, columns: 3, s.baseAddress!, shifts: [0, 0, 0], scales: [1, 1, 1], scale: 1) == nil)
        }
    }
}
