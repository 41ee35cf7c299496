import LinearAlgebra

// Defaults for designs whose column shifts act along the all-ones vector and that keep the
// Newton steps' centered columns densely (``PreparedDesign``).
extension CoordinateDescentDesign {
    var shiftNormSquared: Double { Double(rows) }

    func shiftSum(_ v: UnsafePointer<Double>) -> Double {
        var sum = 0.0
        for i in 0..<rows { sum += v[i] }
        return sum
    }

    func addShift(_ amount: Double, to v: UnsafeMutablePointer<Double>) {
        for i in 0..<rows { v[i] += amount }
    }

    /// Appends the centered columns of `fresh` to `columns`, then one `dgemm` of them against
    /// every kept column.
    func newtonProducts(_ fresh: [Int], against all: [Int], columns: inout [Double]) -> [Double] {
        let n = rows, old = all.count - fresh.count, total = all.count
        if columns.capacity < n * total { columns.reserveCapacity(max(n * total, 2 * columns.capacity)) }
        for j in fresh { appendCenteredColumn(j, to: &columns) }
        var product = [Double](repeating: 0, count: fresh.count * total)
        columns.withUnsafeBufferPointer { kept in
            product.withUnsafeMutableBufferPointer { out in
                BLAS.transposeProduct(rows: n, aColumns: fresh.count, bColumns: total, kept.baseAddress! + old * n,
                                      kept.baseAddress!, into: out.baseAddress!)
            }
        }
        return product
    }
}
