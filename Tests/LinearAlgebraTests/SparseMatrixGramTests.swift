import Testing
import LinearAlgebra
import RidgeLasso
import _TestSupport

/// The centered Gram matrices of a sparse X against the same products of the dense, explicitly
/// centered copy.
@Suite("SparseMatrix: centered Gram matrices")
struct SparseMatrixGramTests {
    /// S^½(X − 1μᵀ), dense.
    static func centered(_ x: Matrix, means: [Double], weights: [Double]?) -> Matrix {
        var c = x
        for j in 0..<x.columns {
            for i in 0..<x.rows { c[i, j] = (weights?[i] ?? 1).squareRoot() * (x[i, j] - means[j]) }
        }
        return c
    }

    static func maxRelative(_ a: Matrix, _ b: Matrix) -> Double {
        let scale = max(1e-300, b.storage.map(abs).max() ?? 0)
        return zip(a.storage, b.storage).map { abs($0 - $1) }.max()! / scale
    }

    @Test("transposed() is the transpose, and transposing twice gives X back")
    func transpose() throws {
        var rng = SplitMix64(seed: 3)
        let x = try rng.sparseMatrix(9, 14, density: 0.3)
        let t = try x.transposed()
        #expect(t.rows == 14 && t.columns == 9)
        for i in 0..<9 { for j in 0..<14 { #expect(t[j, i] == x[i, j]) } }
        #expect(try t.transposed() == x)
    }

    @Test("centeredGram and centeredOuterGram equal the dense centered products to 1e-13",
          arguments: [false, true])
    func againstDense(weighted: Bool) throws {
        var rng = SplitMix64(seed: 11)
        let x = try rng.sparseMatrix(30, 12, density: 0.25, offset: 3)
        let weights: [Double]? = weighted ? (0..<30).map { i in i % 7 == 0 ? 0 : 0.5 + rng.uniform() } : nil
        let dense = x.dense()
        let means = Centering.means(dense, weights: weights)
        let xc = Self.centered(dense, means: means, weights: weights)
        let gram = try x.centeredGram(means: means, weights: weights)
        let outer = try x.centeredOuterGram(means: means, weights: weights)
        #expect(Self.maxRelative(gram, try xc.multiplied(by: xc, transposingSelf: true)) <= 1e-13)
        #expect(Self.maxRelative(outer, try xc.multiplied(by: xc, transposingOther: true)) <= 1e-13)
        // No centering: plain XᵀSX.
        let zero = [Double](repeating: 0, count: 12)
        let raw = Self.centered(dense, means: zero, weights: weights)
        #expect(Self.maxRelative(try x.centeredGram(means: nil, weights: weights),
                                 try raw.multiplied(by: raw, transposingSelf: true)) <= 1e-13)
    }

    /// Columns stored in every row, near 10⁴ with spread 1: XᵀX − n·x̄x̄ᵀ keeps about 8 digits;
    /// the split by nonzero pattern keeps what the dense centered product keeps.
    @Test("large offsets: no cancellation between XᵀX and n·x̄x̄ᵀ")
    func largeOffsets() throws {
        var rng = SplitMix64(seed: 5)
        let x = try rng.sparseMatrix(200, 6, density: 1, offset: 1e4)
        let dense = x.dense()
        let means = Centering.means(dense, weights: nil)
        let xc = Self.centered(dense, means: means, weights: nil)
        let reference = try xc.multiplied(by: xc, transposingSelf: true)
        let gram = try x.centeredGram(means: means, weights: nil)
        #expect(Self.maxRelative(gram, reference) <= 1e-11)
        // The naive formula on the same data, to show what is at stake.
        let raw = try dense.multiplied(by: dense, transposingSelf: true)
        var naive = raw
        for j in 0..<6 { for k in 0..<6 { naive[j, k] = raw[j, k] - 200 * means[j] * means[k] } }
        #expect(Self.maxRelative(naive, reference) > 1e-10)
    }
}
