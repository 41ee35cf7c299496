import Testing
@testable import LinearAlgebra

/// XcXcᵀ formed the slow, obvious way: center a copy (two-pass means), then multiply.
private func centeredReference(_ x: Matrix) -> (gram: Matrix, means: [Double]) {
    var c = x
    var means = [Double](repeating: 0, count: x.columns)
    for j in 0..<x.columns {
        let mean = (0..<x.rows).reduce(0.0) { $0 + x[$1, j] } / Double(x.rows)
        let fix = (0..<x.rows).reduce(0.0) { $0 + (x[$1, j] - mean) } / Double(x.rows)
        means[j] = mean + fix
        for i in 0..<x.rows { c[i, j] = x[i, j] - means[j] }
    }
    return (naiveProduct(c, c.transposed), means)
}

@Suite("CenteredOuterGram: XcXcᵀ from one dsyrk on X")
struct CenteredOuterGramTests {
    @Test("equals the product of a centered copy, with and without centering", arguments: [true, false])
    func matchesCenteredCopy(center: Bool) throws {
        var x = randomMatrix(9, 40, seed: 3)
        for j in 0..<40 { for i in 0..<9 { x[i, j] += 0.1 * Double(j % 5) } }   // modest offsets
        let outer = try #require(try CenteredOuterGram(x: x, center: center))
        let reference: (gram: Matrix, means: [Double]) = center
            ? centeredReference(x) : (naiveProduct(x, x.transposed), [Double](repeating: 0, count: 40))
        var worst = 0.0
        for i in 0..<9 {
            for j in 0..<9 {
                let scale = (reference.gram[i, i] * reference.gram[j, j]).squareRoot()
                worst = max(worst, abs(outer.gram[i, j] - reference.gram[i, j]) / scale)
                #expect(outer.gram[i, j] == outer.gram[j, i])
            }
        }
        #expect(worst < 1e-14)
        for j in 0..<40 { #expect(abs(outer.means[j] - reference.means[j]) <= 1e-14 * (1 + abs(reference.means[j]))) }
        if center {
            // Centered rows: every row and column of XcXcᵀ sums to 0.
            for i in 0..<9 { #expect(abs((0..<9).reduce(0.0) { $0 + outer.gram[i, $1] }) < 1e-13) }
        }
    }

    @Test("declines (nil) when the offsets dominate, before forming the product")
    func declinesLargeOffsets() throws {
        var x = randomMatrix(6, 30, seed: 4)
        for j in 0..<30 { for i in 0..<6 { x[i, j] += 10 } }
        // ‖X‖²_F ≈ 100·180 while ‖Xc‖²_F ≈ 180/3·(5/6): far above a loss of 4.
        #expect(try CenteredOuterGram(x: x, center: true) == nil)
        // Without centering there is nothing to lose.
        #expect(try CenteredOuterGram(x: x, center: false) != nil)
        // A generous enough allowance accepts it.
        #expect(try CenteredOuterGram(x: x, center: true, maximumLoss: 1e4) != nil)
    }

    @Test("declines (nil) when one row sits at the mean, even though the whole passes")
    func declinesRowAtTheMean() throws {
        var x = randomMatrix(8, 50, seed: 5)
        for j in 0..<50 { x[0, j] += 1 }
        // Row 7 := the mean of the other rows' column means, so that its centered norm is tiny
        // while its raw norm is not.
        for j in 0..<50 {
            let othersMean = (0..<7).reduce(0.0) { $0 + x[$1, j] } / 7
            x[7, j] = othersMean + 1e-6
        }
        #expect(try CenteredOuterGram(x: x, center: true) == nil)
    }

    @Test("a non-finite entry gives nil, not NaN")
    func nonFinite() throws {
        var x = randomMatrix(4, 10, seed: 6)
        x[2, 3] = .nan
        #expect(try CenteredOuterGram(x: x, center: true) == nil)
        #expect(try CenteredOuterGram(x: x, center: false) == nil)
    }

    @Test("maximumLoss below 1 is an error")
    func badLoss() {
        #expect(throws: LinearAlgebraError.self) { try CenteredOuterGram(x: randomMatrix(3, 4, seed: 7), center: true, maximumLoss: 0.5) }
    }
}
