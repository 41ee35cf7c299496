/// The full one-hot encoding of one categorical column: one 0/1 indicator feature per level,
/// named `column=level`, in the order of ``levels`` (sorted when fitted, so the encoding does not
/// depend on row order).
///
/// Why full one-hot rather than dropping a reference level: with an unpenalized intercept and a
/// ridge, lasso or elastic-net penalty, every level then gets its own penalized coefficient, so
/// the fit does not depend on which level would have been the reference (scikit-learn's
/// `OneHotEncoder()` default, and what glmnet users get from `model.matrix` with all contrasts
/// off). The indicators sum to 1, so without a penalty (α = 0) and with an intercept they are
/// collinear with it: ridge's SVD solver then returns the minimum-norm solution.
///
/// A model file stores it as `{"column": "Species", "levels": ["setosa", "versicolor", "virginica"]}`
/// so that `predict` encodes new rows the same way; a level not in ``levels`` is an error there.
public struct CategoricalEncoding: Codable, Sendable, Equatable {
    /// The CSV column it encodes.
    public let column: String
    /// The levels, in the order of the indicator features.
    public let levels: [String]

    /// The encoding of `column` with these levels, in this order.
    public init(column: String, levels: [String]) {
        self.column = column
        self.levels = levels
    }

    /// The indicator features' names: `column=level` for each level.
    public var featureNames: [String] { levels.map { Self.featureName(column: column, level: $0) } }

    /// The name of the indicator of `level` in `column`.
    public static func featureName(column: String, level: String) -> String { "\(column)=\(level)" }

    /// The indicator columns, column-major (n × ``levels``.count), for level indices `codes`
    /// (values 0, 1, … into ``levels``, as ``CSVTable`` holds a column read with
    /// ``CSVColumnType/levels(_:)``).
    public func indicators(codes: [Double]) -> [Double] {
        let n = codes.count
        var out = [Double](repeating: 0, count: n * levels.count)
        // A code that is not a level index (NaN, negative, too large) sets no indicator.
        for (i, code) in codes.enumerated() where code >= 0 && code < Double(levels.count) {
            out[i + Int(code) * n] = 1
        }
        return out
    }
}
