/// How coordinate descent keeps the gradient xⱼᵀr/n current between updates.
///
/// - ``naive``: keeps the residual r = y − Xw (n numbers); a coordinate update costs one dot
///   product and one column update over n rows. Best when p ≫ n.
/// - ``covariance``: keeps the gradient g = Xᵀr/n (p numbers) through Gram columns XᵀX/n of the
///   features that enter the working set, computed on demand in batches with BLAS (`dgemm`) and
///   cached; an update that changes wⱼ costs p. Best when n ≫ p.
/// - ``automatic``: covariance when n ≥ 2p and p ≤ 4096 (the cache holds at most p² numbers),
///   naive otherwise — the rule scikit-learn's `precompute="auto"` and glmnet's `type.gaussian`
///   default use in spirit.
public enum UpdateScheme: String, Sendable, CaseIterable {
    case automatic
    case naive
    case covariance

    /// The scheme actually used for an n × p design.
    public func resolved(rows n: Int, columns p: Int) -> UpdateScheme {
        switch self {
        case .automatic: return (n >= 2 * p && p <= 4096) ? .covariance : .naive
        default: return self
        }
    }
}
