import LinearAlgebra
@testable import RidgeLasso

/// Problems and helpers shared by the statistics tests.
enum StatisticsProblems {
    /// [X, Y] side by side, n × (p + k).
    static func joined(_ x: Matrix, _ y: Matrix) -> Matrix {
        var z = Matrix(rows: x.rows, columns: x.columns + y.columns)
        for j in 0..<x.columns { z.setColumn(j, to: x.column(j)) }
        for t in 0..<y.columns { z.setColumn(x.columns + t, to: y.column(t)) }
        return z
    }

    static func names(_ p: Int, _ k: Int) -> (features: [String], targets: [String]) {
        ((0..<p).map { "x\($0)" }, (0..<k).map { "y\($0)" })
    }

    /// Statistics of rows `range` of [X, Y], added in blocks of `block` rows.
    static func statistics(
        _ x: Matrix, _ y: Matrix, weights: [Double]?, block: Int, rows range: Range<Int>? = nil
    ) throws -> SufficientStatistics {
        let (f, t) = names(x.columns, y.columns)
        var s = try SufficientStatistics(featureNames: f, targetNames: t, weighted: weights != nil)
        let z = joined(x, y)
        let range = range ?? 0..<x.rows
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(range.upperBound, start + block)
            try s.add(rows: z.selectingRows(Array(start..<end)), weights: weights.map { Array($0[start..<end]) })
            start = end
        }
        return s
    }

    /// A seeded problem: X (n × p, offsets and scales differing per column, column 2 constant
    /// when `constantColumn`), k targets from a linear model plus noise, weights in [0, 2)
    /// with every fifth row at weight 0.
    static func problem(n: Int, p: Int, k: Int, seed: UInt64, constantColumn: Bool = false)
        -> (x: Matrix, y: Matrix, weights: [Double]) {
        var random = SplitMix64(seed: seed)
        var x = random.design(n, p)
        if constantColumn, p > 2 { x.setColumn(2, to: [Double](repeating: 3.25, count: n)) }
        var y = Matrix(rows: n, columns: k)
        for t in 0..<k {
            let w = random.vector(p)
            for i in 0..<n {
                var v = 0.5 * Double(t) + 0.3 * random.normal()
                for j in 0..<p { v += x[i, j] * w[j] }
                y[i, t] = v
            }
        }
        let weights = (0..<n).map { i in i % 5 == 3 ? 0 : 2 * random.uniform() }
        return (x, y, weights)
    }

    /// max over entries |a − b| / max |b| (the scale of the whole array).
    static func relative(_ a: [Double], _ b: [Double]) -> Double {
        let scale = b.map(abs).max() ?? 0
        let error = zip(a, b).map { abs($0 - $1) }.max() ?? 0
        return scale > 0 ? error / scale : error
    }
}
