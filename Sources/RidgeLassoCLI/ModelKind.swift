import ArgumentParser

/// The model named by `--model`.
enum ModelKind: String, CaseIterable, ExpressibleByArgument {
    /// ‖y − Xw − b‖² + α‖w‖², solved exactly.
    case ridge
    /// (1/(2n))‖y − Xw − b‖² + α‖w‖₁, by coordinate descent.
    case lasso
    /// (1/(2n))‖y − Xw − b‖² + αr‖w‖₁ + (α(1 − r)/2)‖w‖², by coordinate descent.
    case elasticnet
}
