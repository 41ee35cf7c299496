import Testing
import LinearAlgebra
@testable import RidgeLasso

@Suite struct PreparedDesignTests {
    @Test func constantColumnsHaveExactlyZeroCurvature() throws {
        // 0.1 is not representable: a mean computed by summation would leave residues.
        let x = try Matrix(columns: [[0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], [1, 2, 3, 4, 5, 6, 8]])
        let y: [Double] = [1, 2, 3, 4, 5, 6, 7]
        let d = try PreparedDesign(x, y, weights: nil, fitIntercept: true)
        #expect(d.curvature[0] == 0)
        #expect(d.shift[0] == 0.1)
        #expect(d.correlations0.count == 2)
        let weighted = try PreparedDesign(x, y, weights: [1, 2, 3, 0, 1, 1, 1], fitIntercept: true)
        #expect(weighted.curvature[0] == 0)
        #expect(weighted.c == 1)
    }

    @Test func weightedMatchesRepeatedRows() throws {
        // Integer weights = repeated rows.
        let x = try Matrix(columns: [[1, 2, 4], [0, 1, 1]])
        let y: [Double] = [1, 0, 3]
        let weighted = try PreparedDesign(x, y, weights: [2, 1, 1], fitIntercept: true)
        let repeated = try PreparedDesign(try Matrix(columns: [[1, 1, 2, 4], [0, 0, 1, 1]]), [1, 1, 0, 3],
                                          weights: nil, fitIntercept: true)
        for j in 0..<2 {
            #expect(abs(weighted.curvature[j] - repeated.curvature[j]) < 1e-15)
            #expect(abs(weighted.correlations0[j] - repeated.correlations0[j]) < 1e-15)
            #expect(abs(weighted.xMean[j] - repeated.xMean[j]) < 1e-15)
        }
        #expect(abs(weighted.yy - repeated.yy) < 1e-15)
    }

    @Test func gramColumnsMatchCenteredProducts() throws {
        let prob = CDTestSupport.problem(n: 40, p: 6, seed: 3)
        let d = try PreparedDesign(prob.x, prob.y, weights: nil, fitIntercept: true)
        let xc = Centering.subtracting(Centering.means(prob.x, weights: nil), from: prob.x)
        let gram = try xc.gram()
        let cols = try d.gramColumns([4, 1])
        for l in 0..<6 {
            #expect(abs(cols[l] - gram[l, 4] / 40) < 1e-12)
            #expect(abs(cols[6 + l] - gram[l, 1] / 40) < 1e-12)
        }
    }

    /// The statistics pass splits a large X's columns over the cores; every column's mean, sums
    /// and first non-finite row are those of the one-column routine, bit for bit, and the
    /// correlations at 0 equal the centered products.
    @Test func columnStatisticsAreTheSameWhateverTheSplit() throws {
        let n = 2100, p = 1000                                   // 2.1M values: two workers
        #expect(n * p >= 2 * PreparedDesign.parallelStatisticsValues)
        var rng = SplitMix64(seed: 17)
        var x = (0..<(n * p)).map { _ in 3 * rng.nextUniform() + 1 }
        for i in 0..<n { x[7 * n + i] = 2.5 }                    // a constant column
        x[900 * n + 33] = .nan                                   // in the second worker's half
        let y = (0..<n).map { _ in rng.nextUniform() }
        let ym = y.reduce(0, +) / Double(n), yc = y.map { $0 - ym }
        var split = [PreparedDesign.ColumnStatistics](repeating: .init(), count: p)
        x.withUnsafeBufferPointer { xs in
            yc.withUnsafeBufferPointer { t in
                split.withUnsafeMutableBufferPointer { out in
                    PreparedDesign.columnStatistics(xs.baseAddress!, t.baseAddress!, rows: n, columns: p,
                                                    fitIntercept: true, into: out.baseAddress!)
                }
                for j in 0..<p {
                    let one = PreparedDesign.statistics(of: xs.baseAddress! + j * n, t.baseAddress!, rows: n, fitIntercept: true)
                    let s = split[j]
                    #expect(s.mean.bitPattern == one.mean.bitPattern && s.squares.bitPattern == one.squares.bitPattern
                            && s.cross.bitPattern == one.cross.bitPattern && s.nonFiniteRow == one.nonFiniteRow, "column \(j)")
                }
            }
        }
        #expect(split[7].mean == 2.5 && split[7].squares == 0 && split[7].cross == 0)
        #expect(split[900].nonFiniteRow == 33 && split.filter { $0.nonFiniteRow >= 0 }.count == 1)
        #expect(throws: RegressionError.nonFinite(input: "X", row: 33, column: 900)) {
            try PreparedDesign(try Matrix(rows: n, columns: p, columnMajor: x), y, weights: nil, fitIntercept: true)
        }
        // Without the NaN: the correlations at 0 are the centered products c X̃ᵀỹ.
        x[900 * n + 33] = 1
        let m = try Matrix(rows: n, columns: p, columnMajor: x)
        let d = try PreparedDesign(m, y, weights: nil, fitIntercept: true)
        let xc = Centering.subtracting(Centering.means(m, weights: nil), from: m)
        let reference = try xc.transposeTimes(yc)
        for j in stride(from: 0, to: p, by: 37) {
            #expect(abs(d.correlations0[j] - reference[j] / Double(n)) <= 1e-13 * max(1, abs(reference[j]) / Double(n)))
        }
        #expect(d.correlations0[7] == 0 && d.curvature[7] == 0)
    }
}
