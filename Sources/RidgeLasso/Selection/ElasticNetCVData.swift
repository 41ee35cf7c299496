import LinearAlgebra

/// What cross-validation needs from X, dense or sparse: its shape, the rows of a fold, the path
/// and α_max of a model on it, and predictions of held-out rows.
protocol ElasticNetCVData: Sendable {
    var rows: Int { get }
    var columns: Int { get }
    func selectingRows(_ indices: [Int]) -> Self
    /// `model`'s warm-started path over `alphas`.
    func path(_ model: ElasticNet, _ y: [Double], alphas: [Double], sampleWeights: [Double]?) throws(RegressionError) -> ElasticNetPath
    /// α_max of `model` (its l1 ratio and penalty options) on this X.
    func alphaMax(_ model: ElasticNet, _ y: [Double], sampleWeights: [Double]?) throws(RegressionError) -> Double
    /// X·wₖ for each coefficient vector (rows × count, column-major), without intercepts.
    func predictions(_ coefficients: [[Double]]) throws(RegressionError) -> [Double]
}

extension Matrix: ElasticNetCVData {
    func path(_ model: ElasticNet, _ y: [Double], alphas: [Double], sampleWeights: [Double]?) throws(RegressionError) -> ElasticNetPath {
        try model.path(self, y, alphas: alphas, sampleWeights: sampleWeights)
    }

    func alphaMax(_ model: ElasticNet, _ y: [Double], sampleWeights: [Double]?) throws(RegressionError) -> Double {
        try model.alphaMax(model.prepare(self, y, sampleWeights: sampleWeights, initialCoefficients: nil))
    }

    /// One `dgemm`: X · [w₁ … w_A].
    func predictions(_ coefficients: [[Double]]) throws(RegressionError) -> [Double] {
        let p = columns, a = coefficients.count
        var block = Matrix(rows: p, columns: a)
        for k in 0..<a { block.storage.replaceSubrange((k * p)..<((k + 1) * p), with: coefficients[k]) }
        return try la { () throws(LinearAlgebraError) in try multiplied(by: block) }.storage
    }
}

extension SparseMatrix: ElasticNetCVData {
    func path(_ model: ElasticNet, _ y: [Double], alphas: [Double], sampleWeights: [Double]?) throws(RegressionError) -> ElasticNetPath {
        try model.path(self, y, alphas: alphas, sampleWeights: sampleWeights)
    }

    func alphaMax(_ model: ElasticNet, _ y: [Double], sampleWeights: [Double]?) throws(RegressionError) -> Double {
        try model.alphaMax(model.prepare(self, y, sampleWeights: sampleWeights, initialCoefficients: nil))
    }

    /// Over the nonzeros of each wₖ's columns.
    func predictions(_ coefficients: [[Double]]) throws(RegressionError) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(rows * coefficients.count)
        for w in coefficients { out += try la { () throws(LinearAlgebraError) in try multiply(w) } }
        return out
    }
}
