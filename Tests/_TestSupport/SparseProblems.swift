import LinearAlgebra
import RidgeLasso

/// Seeded sparse designs shared by the sparse tests and benchmarks.
extension SplitMix64 {
    /// An n × p sparse matrix: each entry is stored with probability `density`, its value a
    /// ``normal()`` draw shifted by `offset` (so that column means are not 0 and implicit
    /// centering matters).
    public mutating func sparseMatrix(_ n: Int, _ p: Int, density: Double, offset: Double = 0.5) throws -> SparseMatrix {
        var triplets: [(row: Int, column: Int, value: Double)] = []
        for j in 0..<p {
            for i in 0..<n where uniform() < density {
                triplets.append((i, j, normal() + offset))
            }
        }
        return try SparseMatrix(rows: n, columns: p, triplets: triplets)
    }

    /// A one-hot column present in all rows but a fraction `absent` of them: its mean is close to
    /// 1 and its spread small, the hard case for implicit centering.
    public mutating func nearlyConstantIndicator(_ n: Int, absent: Double) -> [Double] {
        (0..<n).map { _ in uniform() < absent ? 0 : 1 }
    }
}
