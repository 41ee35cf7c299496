/// Centered Gram matrices of a sparse X, formed without ever storing a centered (dense) column.
///
/// Centering a sparse column at its mean fills it in, so the centered products are assembled
/// from the nonzeros alone. The naive route, XᵀSX − W·x̄x̄ᵀ, subtracts two large numbers when a
/// column's mean is large next to its spread (a one-hot column present in 99% of rows, values
/// shifted far from 0) and loses digits as (mean/spread)². Here every entry is instead split by
/// which of the two vectors is nonzero on a row:
///
///     Σᵢ sᵢaᵢbᵢ = Σ_{both nonzero} sᵢaᵢbᵢ + Σ_{only a} sᵢaᵢ(−μ_b) + Σ_{only b} sᵢ(−μ_a)bᵢ + μ_aμ_b·Σ_{neither} sᵢ
///
/// with aᵢ = xᵢⱼ − μⱼ and so on. Each part is a partial sum of the same terms sᵢaᵢbᵢ that a dense
/// centered product adds up, so the rounding error is bounded as for the dense product
/// (ε·Σ sᵢ|aᵢbᵢ| up to a small factor), whatever the offsets.
extension SparseMatrix {
    /// The transpose, p × n, in compressed columns (that is, X in compressed rows).
    /// - Throws: ``LinearAlgebraError/tooLarge(_:)`` when p exceeds 2³¹ − 1.
    /// - Complexity: O(n + p + nnz).
    public func transposed() throws(LinearAlgebraError) -> SparseMatrix {
        try Self.checkTransposeShape(columns)
        var starts = [Int](repeating: 0, count: rows + 1)
        for i in rowIndices { starts[Int(i) + 1] += 1 }
        for i in 0..<rows { starts[i + 1] += starts[i] }
        var next = starts
        var newRows = [Int32](repeating: 0, count: nonzeroCount)
        var newValues = [Double](repeating: 0, count: nonzeroCount)
        // Columns are visited in order, so each row's column indices come out increasing.
        for j in 0..<columns {
            for k in columnStarts[j]..<columnStarts[j + 1] {
                let i = Int(rowIndices[k])
                newRows[next[i]] = Int32(j)
                newValues[next[i]] = values[k]
                next[i] += 1
            }
        }
        return SparseMatrix(unchecked: columns, rows, starts, newRows, newValues)
    }

    private static func checkTransposeShape(_ columns: Int) throws(LinearAlgebraError) {
        guard columns <= Int(Int32.max) else {
            throw .tooLarge("a transpose with \(columns) rows (32-bit row indices)")
        }
    }

    /// The weighted, centered Gram matrix G = Σᵢ sᵢ(xᵢ − μ)(xᵢ − μ)ᵀ (p × p), xᵢ the rows of X,
    /// μ = `means` (0 when nil), s = `weights` (1 when nil). With μ the weighted column means this
    /// is X̃ᵀX̃ for X̃ = S^½(X − 1μᵀ), formed as the type's discussion describes.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` for means or weights of the wrong
    ///   length; ``LinearAlgebraError/tooLarge(_:)`` as ``transposed()``.
    /// - Complexity: O(p² + Σᵢ rᵢ²) for rᵢ nonzeros in row i, and p² doubles.
    public func centeredGram(means: [Double]?, weights: [Double]?) throws(LinearAlgebraError) -> Matrix {
        try checkLengths(means: means, meansCount: columns, weights: weights)
        let p = columns
        let mu = means ?? [Double](repeating: 0, count: p)
        let s = weights ?? [Double](repeating: 1, count: rows)
        let total = s.reduce(0, +)
        // Per column j over its nonzeros: Sⱼ = Σ sᵢ, Cⱼ = Σ sᵢ(xᵢⱼ − μⱼ).
        var weightOf = [Double](repeating: 0, count: p)
        var centeredSum = [Double](repeating: 0, count: p)
        for j in 0..<p {
            for k in columnStarts[j]..<columnStarts[j + 1] {
                let si = s[Int(rowIndices[k])]
                weightOf[j] += si
                centeredSum[j] += si * (values[k] - mu[j])
            }
        }
        let byRow = try transposed()
        var gram = Matrix(rows: p, columns: p)
        // Sums over the rows where both columns j and k are nonzero, for the current k.
        var both = [Double](repeating: 0, count: p), onlyA = both, onlyB = both, weightBoth = both
        var touched: [Int] = []
        for k in 0..<p {
            for e in columnStarts[k]..<columnStarts[k + 1] {
                let i = Int(rowIndices[e])
                let si = s[i]
                guard si != 0 else { continue }
                let b = values[e] - mu[k]
                for f in byRow.columnStarts[i]..<byRow.columnStarts[i + 1] {
                    let j = Int(byRow.rowIndices[f])
                    guard j >= k else { continue }
                    let a = byRow.values[f] - mu[j]
                    if weightBoth[j] == 0 { touched.append(j) }   // sᵢ > 0: nonzero once touched
                    both[j] += si * a * b
                    onlyA[j] += si * a
                    onlyB[j] += si * b
                    weightBoth[j] += si
                }
            }
            for j in k..<p {
                // Σ over rows with only xⱼ nonzero of sᵢaᵢ(−μₖ), only xₖ: sᵢ(−μⱼ)bᵢ, neither: sᵢμⱼμₖ.
                let neither = total - weightOf[j] - weightOf[k] + weightBoth[j]
                let g = both[j] - mu[k] * (centeredSum[j] - onlyA[j]) - mu[j] * (centeredSum[k] - onlyB[j])
                    + mu[j] * mu[k] * neither
                gram[j, k] = g
                gram[k, j] = g
            }
            for j in touched {
                both[j] = 0; onlyA[j] = 0; onlyB[j] = 0; weightBoth[j] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return gram
    }

    /// The weighted, centered outer Gram matrix K = X̃X̃ᵀ (n × n) of X̃ = S^½(X − 1μᵀ):
    /// Kᵢₗ = √(sᵢsₗ) Σⱼ (xᵢⱼ − μⱼ)(xₗⱼ − μⱼ), μ = `means` (0 when nil), s = `weights` (1 when nil),
    /// split by nonzero pattern as the type's discussion describes (here over columns).
    /// - Throws: as ``centeredGram(means:weights:)``.
    /// - Complexity: O(n² + Σⱼ nnzⱼ²), and n² doubles.
    public func centeredOuterGram(means: [Double]?, weights: [Double]?) throws(LinearAlgebraError) -> Matrix {
        try checkLengths(means: means, meansCount: columns, weights: weights)
        let n = rows
        let mu = means ?? [Double](repeating: 0, count: columns)
        let squaresOfMeans = mu.reduce(0) { $0 + $1 * $1 }
        let byRow = try transposed()
        // Per row i over its nonzeros: Dᵢ = Σⱼ (−μⱼ)(xᵢⱼ − μⱼ), Qᵢ = Σⱼ μⱼ².
        var cross = [Double](repeating: 0, count: n), squares = cross
        for i in 0..<n {
            for f in byRow.columnStarts[i]..<byRow.columnStarts[i + 1] {
                let j = Int(byRow.rowIndices[f])
                cross[i] -= mu[j] * (byRow.values[f] - mu[j])
                squares[i] += mu[j] * mu[j]
            }
        }
        var outer = Matrix(rows: n, columns: n)
        var both = [Double](repeating: 0, count: n), crossI = both, crossL = both, squaresBoth = both
        var seen = [Bool](repeating: false, count: n)
        var touched: [Int] = []
        for i in 0..<n {
            for f in byRow.columnStarts[i]..<byRow.columnStarts[i + 1] {
                let j = Int(byRow.rowIndices[f])
                let a = byRow.values[f] - mu[j]
                for e in columnStarts[j]..<columnStarts[j + 1] {
                    let l = Int(rowIndices[e])
                    guard l >= i else { continue }
                    let b = values[e] - mu[j]
                    if !seen[l] { seen[l] = true; touched.append(l) }
                    both[l] += a * b
                    crossI[l] -= mu[j] * a
                    crossL[l] -= mu[j] * b
                    squaresBoth[l] += mu[j] * mu[j]
                }
            }
            let si = weights?[i] ?? 1
            for l in i..<n {
                let neither = squaresOfMeans - squares[i] - squares[l] + squaresBoth[l]
                let k = both[l] + (cross[i] - crossI[l]) + (cross[l] - crossL[l]) + neither
                let value = (si * (weights?[l] ?? 1)).squareRoot() * k
                outer[l, i] = value
                outer[i, l] = value
            }
            for l in touched {
                both[l] = 0; crossI[l] = 0; crossL[l] = 0; squaresBoth[l] = 0; seen[l] = false
            }
            touched.removeAll(keepingCapacity: true)
        }
        return outer
    }

    private func checkLengths(means: [Double]?, meansCount: Int, weights: [Double]?) throws(LinearAlgebraError) {
        if let means, means.count != meansCount {
            throw .dimensionMismatch("\(means.count) means for \(meansCount) columns")
        }
        if let weights, weights.count != rows {
            throw .dimensionMismatch("\(weights.count) weights for \(rows) rows")
        }
    }
}
