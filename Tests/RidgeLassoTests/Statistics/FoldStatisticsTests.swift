import LinearAlgebra
@testable import RidgeLasso
import Testing

/// Fold statistics: the hashed fold of each row, and K-fold ridge CV from per-fold statistics
/// against RidgeCV's K-fold on the rows with the same fold of every row.
@Suite("Fold statistics")
struct FoldStatisticsTests {
    typealias P = StatisticsProblems

    @Test("the fold of row i is output i + 1 of SplitMix64(seed), reduced by multiply-shift; folds are balanced")
    func rowFold() {
        var stream = SplitMix64(seed: 2024)
        var counts = [Int](repeating: 0, count: 5)
        for i in 0..<20_000 {
            let expected = Int(stream.next().multipliedFullWidth(by: 5).high)
            let fold = RowFold.fold(ofRow: i, seed: 2024, folds: 5)
            #expect(fold == expected)
            counts[fold] += 1
        }
        // Binomial(20000, 1/5): standard deviation about 57; 5 of them is far outside chance.
        for c in counts { #expect(abs(c - 4000) < 5 * 57, "\(counts)") }
        #expect(RowFold.fold(ofRow: 7, seed: 1, folds: 1) == 0)
    }

    @Test("K-fold CV from fold statistics equals RidgeCV's K-fold on the rows with the same folds",
          arguments: [true, false], [true, false])
    func kFoldMatchesRows(weighted: Bool, fitIntercept: Bool) throws {
        let n = 80, folds = 4
        let (x, y, w) = P.problem(n: n, p: 5, k: 2, seed: 13)
        let weights = weighted ? w : nil
        let ids = (0..<n).map { RowFold.fold(ofRow: $0, seed: 99, folds: folds) }
        #expect(Set(ids).count == folds)
        let z = P.joined(x, y)
        let (names, targets) = P.names(5, 2)
        var parts = try (0..<folds).map { _ in try SufficientStatistics(featureNames: names, targetNames: targets, weighted: weighted) }
        for start in stride(from: 0, to: n, by: 7) {
            let rows = Array(start..<min(n, start + 7))
            for f in 0..<folds {
                let mine = rows.filter { ids[$0] == f }
                try parts[f].add(rows: z.selectingRows(mine), weights: weights.map { w in mine.map { w[$0] } })
            }
        }
        let alphas = RidgeCV.logarithmicGrid(minimum: 1e-2, maximum: 1e3, count: 12)
        let cv = RidgeCV(alphas: alphas, fitIntercept: fitIntercept, criterion: .kFold(.given(ids)), threads: 1)
        let rows = try cv.evaluate(x, targets: y, sampleWeights: weights)
        let stats = try cv.evaluate(folds: parts)
        #expect(stats.indicesOfChosenAlpha == rows.indicesOfChosenAlpha)
        for t in 0..<2 {
            #expect(P.relative(stats.curves[t].meanErrors, rows.curves[t].meanErrors) <= 1e-9, "target \(t)")
            let a = try #require(stats.curves[t].standardErrors), b = try #require(rows.curves[t].standardErrors)
            #expect(P.relative(a, b) <= 1e-8)
        }
        #expect(throws: RegressionError.self) { try cv.evaluate(folds: [parts[0]]) }
    }
}
