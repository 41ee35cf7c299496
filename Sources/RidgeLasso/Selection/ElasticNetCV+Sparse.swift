import LinearAlgebra

extension ElasticNetCV {
    /// Cross-validates every (l1 ratio, α) on sparse X and refits at the chosen pair: the
    /// procedure of ``fit(_:_:sampleWeights:)`` (same grid from the full data, same folds, same
    /// bit-identical results whatever the thread count), each path on the implicitly centered
    /// sparse design of its training rows (``ElasticNet/path(_:_:alphas:count:epsilon:sampleWeights:)-(SparseMatrix,_,_,_,_,_)``).
    /// - Throws: as ``fit(_:_:sampleWeights:)``.
    /// - Complexity: K + 1 paths; each fold holds its rows' nonzeros once (a copy of its part of X).
    public func fit(_ x: SparseMatrix, _ y: [Double], sampleWeights: [Double]? = nil) throws(RegressionError) -> ElasticNetCVResult {
        try Validation.shape(x, y)
        return try crossValidate(x, y, sampleWeights: sampleWeights)
    }
}

extension LassoCV {
    /// Cross-validates the lasso path on sparse X and refits; see ``ElasticNetCV/fit(_:_:sampleWeights:)-(SparseMatrix,_,_)``.
    public func fit(_ x: SparseMatrix, _ y: [Double], sampleWeights: [Double]? = nil) throws(RegressionError) -> ElasticNetCVResult {
        try elasticNetCV.fit(x, y, sampleWeights: sampleWeights)
    }
}
