import LinearAlgebra

/// A fitted linear model ŷ = Xw + b: what every fitted RidgeLasso model can do with new data.
public protocol LinearPredictor: Sendable {
    /// The coefficients w, one per feature, on the scale of the original features.
    var coefficients: [Double] { get }
    /// The unpenalized intercept b (0 when no intercept was fitted).
    var intercept: Double { get }
}

extension LinearPredictor {
    /// Predictions ŷ = Xw + b for the rows of `x`.
    /// - Throws: ``RegressionError/dimensionMismatch(_:)`` when `x` has the wrong number of
    ///   columns, ``RegressionError/nonFinite(input:row:column:)`` on NaN/Inf in `x`, and
    ///   ``RegressionError/overflow(_:)`` when a prediction is not finite.
    public func predict(_ x: Matrix) throws(RegressionError) -> [Double] {
        guard x.columns == coefficients.count else {
            throw .dimensionMismatch("model has \(coefficients.count) features but X has \(x.columns) columns")
        }
        if let (i, j) = x.firstNonFinite() { throw .nonFinite(input: "X", row: i, column: j) }
        let xw = try la { () throws(LinearAlgebraError) in try x.times(coefficients) }
        let predictions = xw.map { $0 + intercept }
        if let i = predictions.firstIndex(where: { !$0.isFinite }) {
            throw .overflow("the prediction for row \(i) is \(predictions[i]) (the model's coefficients or intercept are not finite, or Xw + b exceeds the largest Double)")
        }
        return predictions
    }
}
