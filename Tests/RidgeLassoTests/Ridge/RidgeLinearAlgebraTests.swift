import LinearAlgebra
import RidgeLasso
import Testing
import _TestSupport

/// The linear-algebra pieces the ridge solvers added: one-pass centered cross products,
/// triangular solves, and applying Q of a QR.
@Suite("Ridge: linear-algebra additions")
struct RidgeLinearAlgebraTests {
    /// Explicit two-pass reference: center at the weighted mean, scale by √v, multiply.
    static func reference(_ x: Matrix, _ y: Matrix, _ v: [Double]?, _ cols: [Int], center: Bool) throws -> (Matrix, Matrix, [Double]) {
        let n = x.rows
        let vv = v ?? [Double](repeating: 1, count: n)
        let total = vv.reduce(0, +)
        func centered(_ m: Matrix, _ columns: [Int]) -> (Matrix, [Double]) {
            var c = Matrix(rows: n, columns: columns.count)
            var means: [Double] = []
            for (jj, j) in columns.enumerated() {
                var mean = 0.0
                if center {
                    for i in 0..<n { mean += vv[i] * m[i, j] }
                    mean /= total
                    var r = 0.0
                    for i in 0..<n { r += vv[i] * (m[i, j] - mean) }
                    mean += r / total
                }
                means.append(mean)
                for i in 0..<n { c[i, jj] = (m[i, j] - mean) * vv[i].squareRoot() }
            }
            return (c, means)
        }
        let (xc, xm) = centered(x, cols)
        let (yc, _) = centered(y, Array(0..<y.columns))
        return (try xc.gram(), try xc.multiplied(by: yc, transposingSelf: true), xm)
    }

    @Test("one-pass centered cross products equal explicit centering, for every block size")
    func centeredCrossProducts() throws {
        var rng = SplitMix64(seed: 31)
        let n = 53
        var x = rng.design(n, 5)
        for i in 0..<n { x[i, 2] += 1e6; x[i, 4] = x[i, 4] * 1e-3 - 250 }   // large offsets
        let y = rng.design(n, 2)
        let v = (0..<n).map { i in i % 5 == 0 ? 0 : rng.nextUniform() * 4 }
        for weights in [nil, v] {
            for center in [true, false] {
                for cols in [[0, 1, 2, 3, 4], [4, 2, 0]] {
                    let (g, c, m) = try Self.reference(x, y, weights, cols, center: center)
                    for block in [nil, 1, 7, 53, 1000] as [Int?] {
                        let ccp = try CenteredCrossProducts(x: x, y: y, weights: weights, columns: cols, center: center, blockRows: block)
                        #expect(relativeDifference(ccp.gram.storage, g.storage) <= 1e-13,
                                "block \(String(describing: block)) center \(center) weights \(weights != nil)")
                        #expect(relativeDifference(ccp.cross.storage, c.storage) <= 1e-13)
                        #expect(relativeDifference(ccp.xMean, m) <= 1e-15)
                        #expect(ccp.gram == ccp.gram.transposed)
                        #expect(abs(ccp.totalWeight - (weights?.reduce(0, +) ?? Double(n))) <= 1e-12 * Double(n))
                    }
                }
            }
        }
    }

    @Test("raw products centered afterwards: used when the offsets are modest, equal to explicit centering")
    func centeredAfterRawProducts() throws {
        var rng = SplitMix64(seed: 32)
        let n = 300
        var x = rng.design(n, 12, offset: false)
        for i in 0..<n { x[i, 3] += 0.5; x[i, 7] -= 0.3 }   // modest offsets: spread ≥ 1
        var y = rng.design(n, 2)
        for i in 0..<n { y[i, 1] += 1e5 }                    // a target offset costs nothing
        for cols in [Array(0..<12), Array(0..<12).filter { $0 != 5 }] {
            let (g, c, m) = try Self.reference(x, y, nil, cols, center: true)
            let ccp = try CenteredCrossProducts(x: x, y: y, columns: cols, center: true)
            #expect(ccp.method == .rawProducts)
            #expect(relativeDifference(ccp.gram.storage, g.storage) <= 1e-14)
            #expect(relativeDifference(ccp.cross.storage, c.storage) <= 1e-12)
            #expect(relativeDifference(ccp.xMean, m) <= 1e-15)
            #expect(abs(ccp.yMean[1] - y.column(1).reduce(0, +) / Double(n)) <= 1e-15 * 1e5)
            #expect(ccp.gram == ccp.gram.transposed)
        }
        // Fewer than 90% of the columns, a large offset, or weights: the blocked pass.
        #expect(try CenteredCrossProducts(x: x, y: y, columns: [0, 1, 2], center: true).method == .blocks)
        var offset = x
        for i in 0..<n { offset[i, 4] += 3 }                 // mean² ≈ 5·spread²: loss ≈ 6
        #expect(try CenteredCrossProducts(x: offset, y: y, center: true).method == .blocks)
        #expect(try CenteredCrossProducts(x: x, y: y, weights: [Double](repeating: 2, count: n), center: true).method == .blocks)
        #expect(try CenteredCrossProducts(x: x, y: y, center: false).method == .rawProducts)
    }

    @Test("centered copy: selected rows and columns, weighted two-pass means, √v scaling")
    func centeredCopy() throws {
        var rng = SplitMix64(seed: 33)
        var a = rng.design(40, 4)
        for i in 0..<40 { a[i, 1] += 1e6 }
        let v = (0..<40).map { _ in rng.nextUniform() * 2 }
        let rows = Array(stride(from: 1, to: 40, by: 2)), cols = [3, 1]
        let c = try CenteredCopy(of: a, rows: rows, columns: cols, weights: v, center: true)
        #expect(c.matrix.rows == rows.count && c.matrix.columns == 2)
        for (jj, j) in cols.enumerated() {
            let total = rows.map { v[$0] }.reduce(0, +)
            let m0 = rows.map { v[$0] * a[$0, j] }.reduce(0, +) / total
            let mean = m0 + rows.map { v[$0] * (a[$0, j] - m0) }.reduce(0, +) / total
            #expect(abs(c.means[jj] - mean) <= 1e-15 * abs(mean) + 1e-15)
            for (ii, i) in rows.enumerated() {
                let expected = (a[i, j] - mean) * v[i].squareRoot()
                #expect(abs(c.matrix[ii, jj] - expected) <= 1e-15 * max(1, abs(a[i, j])), "rounding of the offset, not more")
            }
            // The weighted centered column sums to zero (to rounding of the spread, not the offset).
            let s = (0..<rows.count).map { c.matrix[$0, jj] * v[rows[$0]].squareRoot() }.reduce(0, +)
            #expect(abs(s) <= 1e-12)
        }
        let plain = try CenteredCopy(of: a, center: false)
        #expect(plain.matrix == a && plain.means == [0, 0, 0, 0])
        #expect(throws: LinearAlgebraError.dimensionMismatch("row 40 is outside 0..<40")) {
            try CenteredCopy(of: a, rows: [40], center: true)
        }
    }

    @Test("cross products reject bad shapes and weights")
    func crossProductErrors() throws {
        let x = Matrix(rows: 4, columns: 2), y = Matrix(rows: 3, columns: 1)
        #expect(throws: LinearAlgebraError.dimensionMismatch("X has 4 rows but Y has 3")) {
            try CenteredCrossProducts(x: x, y: y, center: true)
        }
        #expect(throws: LinearAlgebraError.dimensionMismatch("column 2 is outside 0..<2")) {
            try CenteredCrossProducts(x: x, y: Matrix(rows: 4, columns: 1), columns: [0, 2], center: true)
        }
        #expect(throws: LinearAlgebraError.nonFinite(row: 1, column: 0)) {
            try CenteredCrossProducts(x: x, y: Matrix(rows: 4, columns: 1), weights: [1, -1, 1, 1], center: true)
        }
    }

    @Test("triangular solves: T⁻¹B and T⁻ᵀB, condition, singularity")
    func triangular() throws {
        let u = try Matrix(rows: [[2, 1, -1], [0, 3, 0.5], [0, 0, 4]])
        let b = try Matrix(rows: [[1, 0], [2, 1], [3, -2]])
        let t = try TriangularSystem(u, upper: true)
        let x = try t.solve(b)
        #expect(relativeDifference(try u.multiplied(by: x).storage, b.storage) <= 1e-15)
        let xt = try t.solve(b, transposed: true)
        #expect(relativeDifference(try u.multiplied(by: xt, transposingSelf: true).storage, b.storage) <= 1e-15)
        let lower = try TriangularSystem(u.transposed, upper: false)
        #expect(relativeDifference(try lower.solve(b).storage, xt.storage) <= 1e-15)
        #expect(try TriangularSystem(Matrix.identity(4), upper: true).reciprocalCondition() == 1)
        var singular = u
        singular[1, 1] = 0
        #expect(throws: LinearAlgebraError.singular(index: 2)) { try TriangularSystem(singular, upper: true).solve(b) }
        #expect(try TriangularSystem(singular, upper: true).reciprocalCondition() == 0)
        #expect(throws: LinearAlgebraError.dimensionMismatch("a triangular system needs a square matrix, got 2×3")) {
            try TriangularSystem(Matrix(rows: 2, columns: 3), upper: true)
        }
    }

    @Test("applying Q: QᵀA = [R; 0] and Q(Qᵀb) = b")
    func applyQ() throws {
        var rng = SplitMix64(seed: 32)
        let a = rng.design(9, 4), b = rng.design(9, 2)
        let f = try QRFactorization(a)
        let qta = try f.applyingQ(to: a, transposed: true)
        for j in 0..<4 {
            for i in 0..<9 {
                let expected = i < 4 ? f.r[i, j] : 0
                #expect(abs(qta[i, j] - expected) <= 1e-13 * 10)
            }
        }
        let back = try f.applyingQ(to: try f.applyingQ(to: b, transposed: true), transposed: false)
        #expect(relativeDifference(back.storage, b.storage) <= 1e-14)
        #expect(f.rowCount == 9 && f.columnCount == 4)
        #expect(throws: LinearAlgebraError.dimensionMismatch("Q of a 9×4 QR cannot multiply 8×1")) {
            try f.applyingQ(to: Matrix(rows: 8, columns: 1), transposed: false)
        }
    }
}
