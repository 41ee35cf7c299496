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
}
