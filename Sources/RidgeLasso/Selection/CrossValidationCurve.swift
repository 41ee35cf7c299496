/// Which α to keep from a cross-validation curve.
public enum SelectionRule: String, Sendable, Equatable, CaseIterable {
    /// α_min: the α of lowest mean cross-validated error (scikit-learn's `alpha_`, glmnet's `lambda.min`).
    case minimum = "min"
    /// α_1se: the largest α whose mean error is within one standard error of the minimum
    /// (glmnet's `lambda.1se`; Hastie, Tibshirani & Friedman, *Elements of Statistical Learning*, §7.10):
    /// the sparsest / most regularized model that is statistically as good as the best one.
    case oneStandardError = "1se"
}

/// Mean cross-validated error and its standard error for every α of a grid, with α_min and α_1se.
///
/// From the errors errₖ(α) of K folds with total sample weights Wₖ (glmnet's conventions):
///
///     mean(α) = Σₖ Wₖ errₖ(α) / Σₖ Wₖ
///     se(α)   = √( Σₖ Wₖ (errₖ(α) − mean(α))² / Σₖ Wₖ / (K − 1) )
///
/// With equal folds these are the plain mean over folds and the sample standard deviation / √K;
/// mean(α) is also the weighted mean squared error over all held-out rows.
public struct CrossValidationCurve: Sendable, Equatable {
    /// The α grid, in the order errors are reported (for paths: decreasing).
    public let alphas: [Double]
    /// The mean error per α.
    public let meanErrors: [Double]
    /// The standard error of ``meanErrors`` per α, or `nil` when the criterion has none (GCV).
    public let standardErrors: [Double]?
    /// errₖ(α) per fold (outer index) and α (inner index), when the curve comes from folds.
    public let foldErrors: [[Double]]?
    /// The index of α_min (the first α of smallest mean error).
    public let indexOfMinimum: Int
    /// The index of α_1se, or `nil` without standard errors.
    public let indexOfOneStandardError: Int?

    /// α_min.
    public var alphaMin: Double { alphas[indexOfMinimum] }
    /// α_1se (≥ α_min), or `nil` without standard errors.
    public var alphaOneStandardError: Double? { indexOfOneStandardError.map { alphas[$0] } }

    /// The α that `rule` picks; falls back to α_min when there are no standard errors.
    public func alpha(for rule: SelectionRule) -> Double {
        index(for: rule).map { alphas[$0] } ?? alphaMin
    }

    /// The index that `rule` picks, or `nil` for ``SelectionRule/oneStandardError`` without
    /// standard errors.
    public func index(for rule: SelectionRule) -> Int? {
        switch rule {
        case .minimum: return indexOfMinimum
        case .oneStandardError: return indexOfOneStandardError
        }
    }

    /// A curve from precomputed means and standard errors (NaN means are never chosen).
    public init(alphas: [Double], meanErrors: [Double], standardErrors: [Double]?, foldErrors: [[Double]]? = nil) {
        precondition(!alphas.isEmpty && alphas.count == meanErrors.count
                     && (standardErrors == nil || standardErrors?.count == alphas.count),
                     "CrossValidationCurve: needs ≥ 1 α and one mean (and standard error) per α")
        self.alphas = alphas
        self.meanErrors = meanErrors
        self.standardErrors = standardErrors
        self.foldErrors = foldErrors
        var best = 0
        for i in meanErrors.indices where meanErrors[i] < meanErrors[best] || meanErrors[best].isNaN {
            best = i
        }
        self.indexOfMinimum = best
        if let se = standardErrors {
            let bound = meanErrors[best] + se[best]
            var chosen = best
            for i in alphas.indices where meanErrors[i] <= bound && alphas[i] > alphas[chosen] {
                chosen = i
            }
            self.indexOfOneStandardError = chosen
        } else {
            self.indexOfOneStandardError = nil
        }
    }

    /// A curve from per-fold errors (fold × α) and fold weights, with glmnet's weighted mean and
    /// standard error (see the type's documentation).
    public init(alphas: [Double], foldErrors: [[Double]], foldWeights: [Double]) {
        precondition(foldErrors.count == foldWeights.count && foldErrors.count >= 2
                     && foldErrors.allSatisfy { $0.count == alphas.count },
                     "CrossValidationCurve: need ≥ 2 folds with one weight each and one error per α in every fold")
        let total = foldWeights.reduce(0, +)
        let k = Double(foldErrors.count)
        var mean = [Double](repeating: 0, count: alphas.count)
        var se = [Double](repeating: 0, count: alphas.count)
        for a in alphas.indices {
            var m = 0.0
            for f in foldErrors.indices { m += foldWeights[f] * foldErrors[f][a] }
            m /= total
            var v = 0.0
            for f in foldErrors.indices {
                let d = foldErrors[f][a] - m
                v += foldWeights[f] * d * d
            }
            mean[a] = m
            se[a] = (v / total / (k - 1)).squareRoot()
        }
        self.init(alphas: alphas, meanErrors: mean, standardErrors: se, foldErrors: foldErrors)
    }
}
