import LinearAlgebra

/// SplitMix64: a tiny seeded generator so random tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A rows × columns matrix of uniform entries in [-1, 1).
func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
    var g = SeededGenerator(seed: seed)
    var m = Matrix(rows: rows, columns: columns)
    for k in 0..<(rows * columns) { m.storage[k] = Double.random(in: -1..<1, using: &g) }
    return m
}

/// The textbook triple loop, as an independent reference for BLAS products.
func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
    var c = Matrix(rows: a.rows, columns: b.columns)
    for i in 0..<a.rows {
        for j in 0..<b.columns {
            var s = 0.0
            for k in 0..<a.columns { s += a[i, k] * b[k, j] }
            c[i, j] = s
        }
    }
    return c
}

/// max |aᵢⱼ − bᵢⱼ|.
func maxAbsDifference(_ a: Matrix, _ b: Matrix) -> Double {
    zip(a.storage, b.storage).map { abs($0 - $1) }.max() ?? 0
}
