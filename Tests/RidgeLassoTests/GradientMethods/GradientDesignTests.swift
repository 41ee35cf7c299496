import LinearAlgebra
import Testing
@testable import RidgeLasso

@Suite struct GradientDesignTests {
    /// The implicit centering gives what the explicitly centered matrix gives.
    @Test func implicitCenteringMatchesExplicit() throws {
        let (x, y) = GradientTestData.problem(n: 30, p: 4, seed: 71)
        let data = try GradientDesign(x, y, fitIntercept: true)
        let xc = Centering.subtracting(data.xMean, from: x)
        let w: [Double] = [0.5, -1, 2, 0.25]
        let r: [Double] = (0..<30).map { Double($0 % 7) - 3 }
        for (a, b) in zip(try data.times(w), try xc.times(w)) { #expect(abs(a - b) < 1e-12) }
        for (a, b) in zip(try data.transposeTimes(r), try xc.transposeTimes(r)) { #expect(abs(a - b) < 1e-11) }
        let batch = [3, 17, 4, 29]
        let g = try data.batchGradient(w, rows: batch)
        let xb = xc.selectingRows(batch)
        let rb = zip(try xb.times(w), batch.map { data.yc[$0] }).map { $0 - $1 }
        for (a, b) in zip(g, try xb.transposeTimes(rb).map { $0 / 4 }) { #expect(abs(a - b) < 1e-11) }
        let fromRows = data.batchGradient(w, rows: batch, rowMajor: data.rowMajorCopy())
        for (a, b) in zip(g, fromRows) { #expect(abs(a - b) < 1e-11) }
        #expect(abs(data.yc.reduce(0, +)) < 1e-10)
    }

    @Test func withoutInterceptNothingIsCentered() throws {
        let (x, y) = GradientTestData.problem(n: 10, p: 2, seed: 72)
        let data = try GradientDesign(x, y, fitIntercept: false)
        #expect(data.xMean == [0, 0])
        #expect(data.yc == y)
        #expect(data.intercept([1, 2]) == 0)
    }
}
