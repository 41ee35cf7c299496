import LinearAlgebra

/// Mergeable sufficient statistics of a weighted linear regression: everything ridge needs,
/// computed block by block or shard by shard and merged exactly, so that a fit never needs the
/// rows in memory at once.
///
/// For rows zᵢ = [xᵢ, yᵢ] (p features then k targets, d = p + k) with weights wᵢ ≥ 0 (1 when
/// unweighted), the statistics hold
///
/// - the row count n, the rows of positive weight n⁺, W = Σwᵢ and Σwᵢ²;
/// - a shift K, one row of the data (the first one seen), so that everything else is stored
///   relative to the data's own location;
/// - the weighted mean m = Σwᵢ(zᵢ − K)/W of z − K (so the mean of z is μ = K + m);
/// - the co-moment C = Σwᵢ(zᵢ − K − m)(zᵢ − K − m)ᵀ (d × d, symmetric);
/// - per-column minimum and maximum over every row seen (+∞ and −∞ while empty).
///
/// Raw sums (Σwz, ΣwzzᵀW) are never formed and parts are never subtracted: with columns offset
/// by c standard deviations, XᵀX − n·x̄x̄ᵀ loses about 2·log₁₀(c) digits to cancellation (all 16
/// at c = 10⁸), while centered co-moments keep them.
///
/// Adding a block centers it on its own weighted mean (two passes over the block), forms its
/// co-moment with one `dsyrk` on the √w-scaled centered rows, and merges. Merging A ⊕ B uses
/// the pairwise update of Chan, Golub & LeVeque (1979), in the weighted form of Pébay (2008) and
/// Schubert & Gertz (2018):
///
///     δ = (K_B − K_A) + (m_B − m_A),   W = W_A + W_B,
///     m = m_A + (W_B/W)·δ,             C = C_A + C_B + (W_A·W_B/W)·δδᵀ,
///
/// keeping K = K_A. An empty part (no rows) is the identity. ``merge(_:)`` combines many parts in
/// a balanced binary tree in the order given, so the rounding does not grow with the number of
/// parts and does not depend on anything but that order.
///
/// References: T. F. Chan, G. H. Golub, R. J. LeVeque, "Updating formulae and a pairwise
/// algorithm for computing sample variances", Stanford CS report STAN-CS-79-773, 1979.
/// P. Pébay, "Formulas for robust, one-pass parallel computation of covariances and arbitrary-order
/// statistical moments", Sandia report SAND2008-6212, 2008. E. Schubert, M. Gertz, "Numerically
/// stable parallel computation of (co-)variance", SSDBM 2018.
public struct SufficientStatistics: Sendable, Equatable {
    /// The feature names, in column order (the first p columns of z).
    public let featureNames: [String]
    /// The target names, in column order (the last k columns of z).
    public let targetNames: [String]
    /// Whether rows carry sample weights. Parts merge only with parts of the same weighting.
    public let isWeighted: Bool
    /// Rows seen (zero-weight rows included).
    public internal(set) var rowCount: Int
    /// Rows seen with positive weight.
    public internal(set) var positiveRowCount: Int
    /// W = Σwᵢ.
    public internal(set) var totalWeight: Double
    /// Σwᵢ².
    public internal(set) var sumOfSquaredWeights: Double
    /// The shift K (d values): a row of the data, all zero while empty.
    public internal(set) var shift: [Double]
    /// The weighted mean m of z − K (d values).
    public internal(set) var mean: [Double]
    /// The co-moment C = Σwᵢ(zᵢ − K − m)(zᵢ − K − m)ᵀ, d × d, both triangles filled.
    public internal(set) var comoment: Matrix
    /// Per-column minimum over every row seen (+∞ while empty).
    public internal(set) var minimum: [Double]
    /// Per-column maximum over every row seen (−∞ while empty).
    public internal(set) var maximum: [Double]

    /// p, the number of features.
    public var featureCount: Int { featureNames.count }
    /// k, the number of targets.
    public var targetCount: Int { targetNames.count }
    /// d = p + k.
    public var dimension: Int { featureNames.count + targetNames.count }
    /// The weighted mean of z, μ = K + m.
    public var means: [Double] { zip(shift, mean).map { $0 + $1 } }
    /// Whether no row was seen.
    public var isEmpty: Bool { rowCount == 0 }

    /// Empty statistics (the identity of ``merged(with:)``) for these columns.
    /// - Throws: ``StatisticsError/invalidNames(_:)`` when there is no feature or no target, or a
    ///   name is empty or appears twice among features and targets.
    public init(featureNames: [String], targetNames: [String], weighted: Bool) throws(StatisticsError) {
        guard !featureNames.isEmpty else { throw .invalidNames("there is no feature column") }
        guard !targetNames.isEmpty else { throw .invalidNames("there is no target column") }
        var seen = Set<String>()
        for name in featureNames + targetNames {
            guard !name.isEmpty else { throw .invalidNames("a column name is empty") }
            guard seen.insert(name).inserted else { throw .invalidNames("the name \"\(name)\" appears twice") }
        }
        self.featureNames = featureNames
        self.targetNames = targetNames
        self.isWeighted = weighted
        let d = featureNames.count + targetNames.count
        rowCount = 0
        positiveRowCount = 0
        totalWeight = 0
        sumOfSquaredWeights = 0
        shift = [Double](repeating: 0, count: d)
        mean = [Double](repeating: 0, count: d)
        comoment = Matrix(rows: d, columns: d)
        minimum = [Double](repeating: .infinity, count: d)
        maximum = [Double](repeating: -.infinity, count: d)
    }

    /// Adds a block of rows: `rows` is b × d (features then targets, in the order of the names),
    /// `weights` b values ≥ 0 exactly when the statistics are weighted.
    ///
    /// The block is centered on its own weighted mean (relative to K), its co-moment is formed by
    /// one `dsyrk` on the √w-scaled centered rows, and the result is merged in. The statistics
    /// are unchanged when it throws. Each column is read twice, contiguously (column-major): once
    /// for its minimum, maximum, finiteness, weighted sum and constancy, once for the mean's
    /// correction and the centered copy that `dsyrk` reads.
    /// - Throws: ``StatisticsError/dimensionMismatch(_:)`` for a block of the wrong width or
    ///   weights of the wrong length (or given to unweighted statistics, or missing for weighted
    ///   ones); ``StatisticsError/nonFinite(row:column:)`` naming the global row and column;
    ///   ``StatisticsError/negativeWeight(row:value:)``; ``StatisticsError/overflow(_:)``.
    /// - Complexity: b·d²/2 flops (the `dsyrk`) and a b × d copy of the block.
    public mutating func add(rows z: Matrix, weights: [Double]? = nil) throws(StatisticsError) {
        let d = dimension, b = z.rows
        guard z.columns == d else {
            throw .dimensionMismatch("a block has \(z.columns) columns, the statistics have \(d) (\(featureCount) features, \(targetCount) targets)")
        }
        if isWeighted {
            guard let weights else { throw .dimensionMismatch("weighted statistics need a weight for every row") }
            guard weights.count == b else {
                throw .dimensionMismatch("a block has \(b) rows but \(weights.count) weights")
            }
        } else if weights != nil {
            throw .dimensionMismatch("unweighted statistics cannot take weights")
        }
        guard b > 0 else { return }
        let names = featureNames + targetNames
        if let weights {
            if let i = weights.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(row: rowCount + i, column: "weights") }
            if let i = weights.firstIndex(where: { $0 < 0 }) { throw .negativeWeight(row: rowCount + i, value: weights[i]) }
        }
        let w = weights ?? [Double](repeating: 1, count: b)
        var block = self
        block.rowCount = b
        if rowCount == 0 { block.shift = z.row(0) }
        let k = block.shift
        var blockWeight = 0.0, squares = 0.0, positive = 0
        for v in w {
            blockWeight += v
            squares += v * v
            if v > 0 { positive += 1 }
        }
        guard blockWeight.isFinite, squares.isFinite else {
            throw .overflow("the sum of the weights (or of their squares) exceeds the largest Double; rescale them")
        }
        block.totalWeight = blockWeight
        block.sumOfSquaredWeights = squares
        block.positiveRowCount = positive
        block.mean = [Double](repeating: 0, count: d)
        // Pass 1 per column: minimum, maximum, a finiteness probe (v − v is 0 unless v is ±∞ or
        // NaN), and the weighted sum of z − K with whether it is constant over positive weights.
        // The first of them at a positive weight is the reference of the constancy test.
        let firstPositive = w.firstIndex { $0 > 0 }
        var sums = [Double](repeating: 0, count: d), constant = [Bool](repeating: true, count: d)
        var nonFiniteColumn: Int? = nil
        z.storage.withUnsafeBufferPointer { zs in w.withUnsafeBufferPointer { w in
            for j in 0..<d {
                let column = zs.baseAddress! + j * b, kj = k[j], wp = w.baseAddress!
                let summary = Self.summarize(column, weights: wp, count: b, shift: kj)
                if !summary.isFinite && nonFiniteColumn == nil { nonFiniteColumn = j }
                block.minimum[j] = summary.minimum
                block.maximum[j] = summary.maximum
                sums[j] = summary.weightedSum
                if let f = firstPositive {
                    constant[j] = Self.isConstant(column, weights: wp, count: b, shift: kj, reference: column[f] - kj)
                } else {
                    constant[j] = false
                }
            }
        } }
        if let j = nonFiniteColumn, let i = z.column(j).firstIndex(where: { !$0.isFinite }) {
            throw .nonFinite(row: rowCount + i, column: names[j])
        }
        block.comoment = Matrix(rows: d, columns: d)
        if blockWeight > 0 {
            // Pass 2: two-pass weighted means of z − K per column (a column constant over the
            // rows of positive weight gets its value exactly, so that its co-moment is exactly 0),
            // and the √w-scaled centered block, b × d column-major, for one `dsyrk` (CᵀC).
            let roots = w.map { $0.squareRoot() }
            var centered = Matrix(rows: b, columns: d)
            z.storage.withUnsafeBufferPointer { zs in
                centered.storage.withUnsafeMutableBufferPointer { cs in w.withUnsafeBufferPointer { w in roots.withUnsafeBufferPointer { roots in
                    for j in 0..<d {
                        let column = zs.baseAddress! + j * b, out = cs.baseAddress! + j * b, kj = k[j]
                        var mj = sums[j] / blockWeight
                        if constant[j], let i = firstPositive {
                            mj = column[i] - kj
                        } else {
                            mj += Self.correction(column, weights: w.baseAddress!, count: b, shift: kj, mean: mj) / blockWeight
                        }
                        block.mean[j] = mj
                        Self.center(column, roots: roots.baseAddress!, count: b, shift: kj, mean: mj, into: out)
                    }
                } } }
            }
            do { block.comoment = try centered.gram() } catch {
                throw .overflow("the co-moment of a block could not be formed: \(error)")
            }
            // A centered, weighted value that overflowed makes its diagonal entry non-finite.
            guard (0..<d).allSatisfy({ block.comoment[$0, $0].isFinite }) else {
                throw .overflow("a centered, weighted value exceeds the largest Double; rescale the data or the weights")
            }
        }
        let merged = Self.combine(self, block)
        guard merged.totalWeight.isFinite, merged.comoment.firstNonFinite() == nil else {
            throw .overflow("the total weight or a co-moment exceeds the largest Double; rescale the data or the weights")
        }
        self = merged
    }

    /// A ⊕ B: the statistics of the rows of both parts.
    /// - Throws: ``StatisticsError/incompatible(_:)`` when the parts differ in feature names or
    ///   order, target names, or weighting; ``StatisticsError/overflow(_:)``.
    public func merged(with other: SufficientStatistics) throws(StatisticsError) -> SufficientStatistics {
        try Self.merge([self, other])
    }

    /// The statistics of all parts' rows, merged in a balanced binary tree in the order given
    /// (parts i and i+1 first): the same order always gives the same bits, and the rounding error
    /// grows with log₂ of the number of parts, not linearly.
    /// - Throws: ``StatisticsError/noParts`` for an empty list; ``StatisticsError/incompatible(_:)``
    ///   naming the first part (0-based) that differs from part 0 and how;
    ///   ``StatisticsError/overflow(_:)``.
    public static func merge(_ parts: [SufficientStatistics]) throws(StatisticsError) -> SufficientStatistics {
        guard let first = parts.first else { throw .noParts }
        for (i, part) in parts.enumerated().dropFirst() {
            if let difference = first.incompatibility(with: part) {
                throw .incompatible("part \(i) differs from part 0: \(difference)")
            }
        }
        let result = tree(parts[...])
        guard result.totalWeight.isFinite, result.comoment.firstNonFinite() == nil else {
            throw .overflow("the total weight or a co-moment exceeds the largest Double; rescale the data or the weights")
        }
        return result
    }

    /// How `other` differs from these statistics in what a merge requires equal, or `nil`.
    func incompatibility(with other: SufficientStatistics) -> String? {
        if featureNames != other.featureNames {
            if Set(featureNames) == Set(other.featureNames) { return "the same features in a different order" }
            return "different features (\(Self.list(featureNames)) vs \(Self.list(other.featureNames)))"
        }
        if targetNames != other.targetNames {
            return "different targets (\(Self.list(targetNames)) vs \(Self.list(other.targetNames)))"
        }
        if isWeighted != other.isWeighted {
            return "one is weighted and the other is not"
        }
        return nil
    }

    private static func list(_ names: [String]) -> String {
        let shown = names.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ")
        return names.count > 5 ? shown + ", … (\(names.count) names)" : shown
    }

    private static func tree(_ parts: ArraySlice<SufficientStatistics>) -> SufficientStatistics {
        if parts.count == 1 { return parts[parts.startIndex] }
        let middle = parts.startIndex + parts.count / 2
        return combine(tree(parts[..<middle]), tree(parts[middle...]))
    }

    /// The pairwise update for compatible parts (no checks).
    static func combine(_ a: SufficientStatistics, _ b: SufficientStatistics) -> SufficientStatistics {
        if b.rowCount == 0 { return a }
        if a.rowCount == 0 { return b }
        let d = a.dimension
        var out = a
        out.rowCount = a.rowCount + b.rowCount
        out.positiveRowCount = a.positiveRowCount + b.positiveRowCount
        out.sumOfSquaredWeights = a.sumOfSquaredWeights + b.sumOfSquaredWeights
        for j in 0..<d {
            out.minimum[j] = Swift.min(a.minimum[j], b.minimum[j])
            out.maximum[j] = Swift.max(a.maximum[j], b.maximum[j])
        }
        if b.totalWeight == 0 { return out }
        if a.totalWeight == 0 {
            // Only zero-weight rows so far: the moments are B's, around B's shift.
            out.shift = b.shift
            out.mean = b.mean
            out.comoment = b.comoment
            out.totalWeight = b.totalWeight
            return out
        }
        let total = a.totalWeight + b.totalWeight
        let share = b.totalWeight / total
        let factor = a.totalWeight * share   // W_A·W_B/W without forming the product W_A·W_B
        var delta = [Double](repeating: 0, count: d)
        for j in 0..<d {
            delta[j] = (b.shift[j] - a.shift[j]) + (b.mean[j] - a.mean[j])
            out.mean[j] = a.mean[j] + share * delta[j]
        }
        out.totalWeight = total
        a.comoment.storage.withUnsafeBufferPointer { ca in
            b.comoment.storage.withUnsafeBufferPointer { cb in
                out.comoment.storage.withUnsafeMutableBufferPointer { c in
                    for j in 0..<d {
                        let fj = factor * delta[j]
                        for i in j..<d {
                            let value = ca[i + j * d] + cb[i + j * d] + fj * delta[i]
                            c[i + j * d] = value
                            c[j + i * d] = value
                        }
                    }
                }
            }
        }
        return out
    }
}
