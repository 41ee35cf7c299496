import LinearAlgebra
@testable import RidgeLasso
import Testing

/// Adding blocks and merging parts: against a direct two-pass computation, across split points
/// and orders, and the errors bad rows and incompatible parts raise.
@Suite("SufficientStatistics")
struct SufficientStatisticsTests {
    typealias P = StatisticsProblems

    /// The weighted mean and co-moment computed directly (two passes over all rows).
    static func direct(_ z: Matrix, _ w: [Double]) -> (mean: [Double], comoment: Matrix) {
        let n = z.rows, d = z.columns
        let total = w.reduce(0, +)
        let mean = (0..<d).map { j in (0..<n).reduce(0.0) { $0 + w[$1] * z[$1, j] } / total }
        var c = Matrix(rows: d, columns: d)
        for a in 0..<d {
            for b in 0..<d {
                c[a, b] = (0..<n).reduce(0.0) { $0 + w[$1] * (z[$1, a] - mean[a]) * (z[$1, b] - mean[b]) }
            }
        }
        return (mean, c)
    }

    @Test("blocks of 1, 7 and all rows give the direct weighted mean and co-moment")
    func blocksMatchDirect() throws {
        let (x, y, w) = P.problem(n: 53, p: 4, k: 2, seed: 11)
        let (mean, c) = Self.direct(P.joined(x, y), w)
        for block in [1, 7, 53] {
            let s = try P.statistics(x, y, weights: w, block: block)
            #expect(s.rowCount == 53)
            #expect(s.positiveRowCount == 53 - 10)   // rows 3, 8, …, 48 weigh 0
            #expect(abs(s.totalWeight - w.reduce(0, +)) <= 1e-13 * s.totalWeight)
            #expect(abs(s.sumOfSquaredWeights - w.map { $0 * $0 }.reduce(0, +)) <= 1e-13 * s.sumOfSquaredWeights)
            #expect(P.relative(s.means, mean) <= 1e-13, "block \(block)")
            #expect(P.relative(s.comoment.storage, c.storage) <= 1e-13, "block \(block)")
            #expect(s.comoment == s.comoment.transposed)
            for j in 0..<6 {
                let column = P.joined(x, y).column(j)
                #expect(s.minimum[j] == column.min() && s.maximum[j] == column.max())
            }
        }
    }

    @Test("merge is associative, order-insensitive and equal to one pass, to 1e-13 relative")
    func mergeAssociativeAndCommutative() throws {
        let (x, y, w) = P.problem(n: 90, p: 5, k: 2, seed: 5)
        let a = try P.statistics(x, y, weights: w, block: 7, rows: 0..<20)
        let b = try P.statistics(x, y, weights: w, block: 7, rows: 20..<61)
        let c = try P.statistics(x, y, weights: w, block: 7, rows: 61..<90)
        let whole = try P.statistics(x, y, weights: w, block: 90)
        let left = try a.merged(with: b).merged(with: c)
        let right = try a.merged(with: b.merged(with: c))
        let shuffled = try SufficientStatistics.merge([c, a, b])
        let reversed = try SufficientStatistics.merge([c, b, a])
        for other in [right, shuffled, reversed, whole] {
            #expect(other.rowCount == left.rowCount && other.positiveRowCount == left.positiveRowCount)
            #expect(abs(other.totalWeight - left.totalWeight) <= 1e-13 * left.totalWeight)
            #expect(P.relative(other.means, left.means) <= 1e-13)
            #expect(P.relative(other.comoment.storage, left.comoment.storage) <= 1e-13)
            #expect(other.minimum == left.minimum && other.maximum == left.maximum)
        }
        // The same order gives the same bits.
        #expect(try SufficientStatistics.merge([c, a, b]) == shuffled)
    }

    @Test("the empty part is the identity, on either side, bit for bit")
    func emptyIsIdentity() throws {
        let (x, y, w) = P.problem(n: 30, p: 3, k: 1, seed: 8)
        let s = try P.statistics(x, y, weights: w, block: 7)
        let empty = try SufficientStatistics(featureNames: s.featureNames, targetNames: s.targetNames, weighted: true)
        #expect(empty.isEmpty && empty.totalWeight == 0)
        #expect(try empty.merged(with: s) == s)
        #expect(try s.merged(with: empty) == s)
        #expect(try SufficientStatistics.merge([empty, s, empty, empty]) == s)
        var same = s
        try same.add(rows: Matrix(rows: 0, columns: 4), weights: [])
        #expect(same == s)
        #expect(throws: StatisticsError.noParts) { try SufficientStatistics.merge([]) }
    }

    @Test("a constant column has a co-moment of exactly 0, across blocks and merges")
    func constantColumnExactlyZero() throws {
        let (x, y, w) = P.problem(n: 40, p: 4, k: 1, seed: 3, constantColumn: true)
        let a = try P.statistics(x, y, weights: w, block: 7, rows: 0..<17)
        let b = try P.statistics(x, y, weights: w, block: 3, rows: 17..<40)
        let s = try SufficientStatistics.merge([b, a])
        for j in 0..<5 { #expect(s.comoment[2, j] == 0 && s.comoment[j, 2] == 0) }
        #expect(s.means[2] == 3.25)
    }

    @Test("bad rows: non-finite values and weights, negative weights, wrong shapes")
    func badRows() throws {
        var s = try SufficientStatistics(featureNames: ["a", "b"], targetNames: ["y"], weighted: true)
        try s.add(rows: Matrix(rows: [[1, 2, 3], [4, 5, 6]]), weights: [1, 1])
        let before = s
        #expect(throws: StatisticsError.nonFinite(row: 3, column: "b")) {
            try s.add(rows: Matrix(rows: [[1, 2, 3], [1, .nan, 3]]), weights: [1, 1])
        }
        #expect(throws: StatisticsError.nonFinite(row: 2, column: "weights")) {
            try s.add(rows: Matrix(rows: [[1, 2, 3]]), weights: [.infinity])
        }
        #expect(throws: StatisticsError.negativeWeight(row: 3, value: -0.5)) {
            try s.add(rows: Matrix(rows: [[1, 2, 3], [1, 2, 3]]), weights: [1, -0.5])
        }
        #expect(throws: StatisticsError.self) { try s.add(rows: Matrix(rows: [[1, 2]]), weights: [1]) }
        #expect(throws: StatisticsError.self) { try s.add(rows: Matrix(rows: [[1, 2, 3]]), weights: nil) }
        #expect(s == before, "a failed add leaves the statistics unchanged")
        #expect(throws: StatisticsError.self) { try SufficientStatistics(featureNames: ["a", "a"], targetNames: ["y"], weighted: false) }
        #expect(throws: StatisticsError.self) { try SufficientStatistics(featureNames: [], targetNames: ["y"], weighted: false) }
        #expect(throws: StatisticsError.self) { try SufficientStatistics(featureNames: ["a"], targetNames: [], weighted: false) }
    }

    @Test("merges refuse other feature names, order, targets or weighting, naming the difference")
    func incompatibleMerges() throws {
        let base = try SufficientStatistics(featureNames: ["a", "b"], targetNames: ["y"], weighted: false)
        let cases: [(SufficientStatistics, String)] = [
            (try SufficientStatistics(featureNames: ["b", "a"], targetNames: ["y"], weighted: false), "different order"),
            (try SufficientStatistics(featureNames: ["a", "c"], targetNames: ["y"], weighted: false), "different features"),
            (try SufficientStatistics(featureNames: ["a", "b"], targetNames: ["z"], weighted: false), "different targets"),
            (try SufficientStatistics(featureNames: ["a", "b"], targetNames: ["y"], weighted: true), "weighted"),
        ]
        for (other, phrase) in cases {
            do {
                _ = try base.merged(with: other)
                Issue.record("merge with \(phrase) succeeded")
            } catch {
                guard case .incompatible(let message) = error else { Issue.record("\(error)"); continue }
                #expect(message.contains(phrase), "\(message)")
            }
        }
    }
}
