import LinearAlgebra

// Conveniences for data held as an array of rows, `[[Double]]`, as written on paper or read from
// a JSON array. Each builds the column-major `Matrix` once (O(n·p) copy) and calls the `Matrix`
// form, so results, validation and errors are exactly those of that form.

/// `rows` as a column-major matrix, with a ragged row reported as a ``RegressionError``.
func designMatrix(_ rows: [[Double]]) throws(RegressionError) -> Matrix {
    do { return try Matrix(rows: rows) } catch { throw RegressionError(error) }
}

extension Ridge {
    /// Fits one target from the rows of X: `fit(Matrix(rows: rows), y, sampleWeights:)`.
    /// - Throws: as ``fit(_:_:sampleWeights:)-(Matrix,_,_)``; ``RegressionError/dimensionMismatch(_:)`` for rows of different lengths.
    public func fit(_ rows: [[Double]], _ y: [Double], sampleWeights: [Double]? = nil) throws(RegressionError) -> RidgeModel {
        try fit(designMatrix(rows), y, sampleWeights: sampleWeights)
    }
}

extension ElasticNet {
    /// Fits at ``alpha`` from the rows of X: `fit(Matrix(rows: rows), y, sampleWeights:)`.
    /// - Throws: as ``fit(_:_:sampleWeights:initialCoefficients:)``; ``RegressionError/dimensionMismatch(_:)``
    ///   for rows of different lengths.
    public func fit(_ rows: [[Double]], _ y: [Double], sampleWeights: [Double]? = nil) throws(RegressionError) -> ElasticNetModel {
        try fit(designMatrix(rows), y, sampleWeights: sampleWeights)
    }
}

extension Lasso {
    /// Fits at ``alpha`` from the rows of X: `fit(Matrix(rows: rows), y, sampleWeights:)`.
    /// - Throws: as ``fit(_:_:sampleWeights:initialCoefficients:)``; ``RegressionError/dimensionMismatch(_:)``
    ///   for rows of different lengths.
    public func fit(_ rows: [[Double]], _ y: [Double], sampleWeights: [Double]? = nil) throws(RegressionError) -> ElasticNetModel {
        try fit(designMatrix(rows), y, sampleWeights: sampleWeights)
    }
}

extension RidgeCV {
    /// Chooses α and refits, from the rows of X: `fit(Matrix(rows: rows), y, sampleWeights:)`.
    /// - Throws: as ``fit(_:_:sampleWeights:)-(Matrix,_,_)``; ``RegressionError/dimensionMismatch(_:)`` for rows of different lengths.
    public func fit(_ rows: [[Double]], _ y: [Double], sampleWeights: [Double]? = nil) throws(RegressionError) -> RidgeCVResult {
        try fit(designMatrix(rows), y, sampleWeights: sampleWeights)
    }
}

extension LassoCV {
    /// Cross-validates the lasso path and refits, from the rows of X.
    /// - Throws: as ``fit(_:_:sampleWeights:)-(Matrix,_,_)``; ``RegressionError/dimensionMismatch(_:)`` for rows of different lengths.
    public func fit(_ rows: [[Double]], _ y: [Double], sampleWeights: [Double]? = nil) throws(RegressionError) -> ElasticNetCVResult {
        try fit(designMatrix(rows), y, sampleWeights: sampleWeights)
    }
}

extension ElasticNetCV {
    /// Cross-validates (l1 ratio, α) and refits, from the rows of X.
    /// - Throws: as ``fit(_:_:sampleWeights:)-(Matrix,_,_)``; ``RegressionError/dimensionMismatch(_:)`` for rows of different lengths.
    public func fit(_ rows: [[Double]], _ y: [Double], sampleWeights: [Double]? = nil) throws(RegressionError) -> ElasticNetCVResult {
        try fit(designMatrix(rows), y, sampleWeights: sampleWeights)
    }
}

extension LinearPredictor {
    /// The prediction ŷ = xᵀw + b for one row `x`: the same value as
    /// `predict(Matrix(rows: [x]))[0]`, computed the same way.
    /// - Throws: as ``predict(_:)-(Matrix)``: the row has the wrong length, a NaN/Inf, or the prediction overflows.
    public func predict(_ row: [Double]) throws(RegressionError) -> Double {
        let values = try predict(designMatrix([row]))
        guard let value = values.first else { throw .emptyData("no prediction was computed") }
        return value
    }

    /// Predictions ŷ = Xw + b for `rows`, one per row: `predict(Matrix(rows: rows))`.
    /// - Throws: as ``predict(_:)-(Matrix)``; ``RegressionError/dimensionMismatch(_:)`` for rows of different lengths.
    public func predict(_ rows: [[Double]]) throws(RegressionError) -> [Double] {
        try predict(designMatrix(rows))
    }
}
