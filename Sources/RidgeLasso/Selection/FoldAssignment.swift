/// How rows are split into cross-validation folds.
///
/// - ``shuffled(count:seed:)``: glmnet's convention. The labels 0, 1, …, K−1, 0, 1, … (repeated to
///   length n) are shuffled by a seeded Fisher–Yates pass, so fold sizes differ by at most one and the
///   same seed gives the same folds on every machine.
/// - ``contiguous(count:)``: scikit-learn's `KFold(n_splits=K)` without shuffling: consecutive blocks,
///   the first n mod K of them one row longer.
/// - ``given(_:)``: one fold label per row, any integers (glmnet's `foldid`); folds are numbered by
///   the sorted distinct labels.
public enum CrossValidationFolds: Sendable, Equatable, Hashable {
    case shuffled(count: Int, seed: UInt64)
    case contiguous(count: Int)
    case given([Int])
}

/// A resolved split of n rows into K folds: the fold of every row, and each fold's held-out rows.
///
/// Fold k trains on every row not in fold k and is evaluated on the rows in fold k. Rows keep
/// their original order inside each fold, so the work done per fold does not depend on how folds
/// were labelled.
public struct FoldAssignment: Sendable, Equatable {
    /// The fold (0..<``count``) of every row.
    public let foldOfRow: [Int]
    /// The number of folds K.
    public let count: Int

    /// Splits `rows` rows as `folds` says.
    /// - Throws: ``RegressionError/invalidParameter(name:value:requirement:)`` when K < 2 or
    ///   K > n, ``RegressionError/dimensionMismatch(_:)`` when given labels do not have one per
    ///   row, and ``RegressionError/invalidParameter(name:value:requirement:)`` when they name
    ///   fewer than two folds.
    public init(_ folds: CrossValidationFolds, rows: Int) throws(RegressionError) {
        switch folds {
        case .shuffled(let k, let seed):
            try FoldAssignment.checkCount(k, rows: rows)
            var labels = (0..<rows).map { $0 % k }
            var g = SplitMix64(seed: seed)
            if rows > 1 {
                for i in stride(from: rows - 1, to: 0, by: -1) {
                    labels.swapAt(i, g.nextIndex(below: i + 1))
                }
            }
            self.foldOfRow = labels
            self.count = k
        case .contiguous(let k):
            try FoldAssignment.checkCount(k, rows: rows)
            var labels = [Int](repeating: 0, count: rows)
            let base = rows / k, extra = rows % k
            var start = 0
            for f in 0..<k {
                let size = base + (f < extra ? 1 : 0)
                for i in start..<(start + size) { labels[i] = f }
                start += size
            }
            self.foldOfRow = labels
            self.count = k
        case .given(let ids):
            guard ids.count == rows else {
                throw .dimensionMismatch("X has \(rows) rows but there are \(ids.count) fold ids")
            }
            let distinct = Array(Set(ids)).sorted()
            guard distinct.count >= 2 else {
                throw .invalidParameter(name: "foldIDs", value: Double(distinct.count),
                                        requirement: "must name at least 2 distinct folds")
            }
            var index: [Int: Int] = [:]
            for (k, label) in distinct.enumerated() { index[label] = k }
            self.foldOfRow = ids.map { index[$0] ?? 0 }
            self.count = distinct.count
        }
    }

    /// K folds whose rows were never seen here (cross-validation from per-fold
    /// ``SufficientStatistics``): ``foldOfRow`` is empty.
    init(statisticsFolds k: Int) {
        foldOfRow = []
        count = k
    }

    /// The held-out rows of fold `k`, in increasing order.
    public func testRows(_ k: Int) -> [Int] {
        foldOfRow.indices.filter { foldOfRow[$0] == k }
    }

    /// The training rows of fold `k` (every row outside it), in increasing order.
    public func trainingRows(_ k: Int) -> [Int] {
        foldOfRow.indices.filter { foldOfRow[$0] != k }
    }

    private static func checkCount(_ k: Int, rows: Int) throws(RegressionError) {
        guard k >= 2 else {
            throw .invalidParameter(name: "folds", value: Double(k), requirement: "must be ≥ 2")
        }
        guard k <= rows else {
            throw .invalidParameter(name: "folds", value: Double(k),
                                    requirement: "must be ≤ the number of rows (\(rows))")
        }
    }
}
