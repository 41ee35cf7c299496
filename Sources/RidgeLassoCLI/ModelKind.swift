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

/// `path --model`: the models that have a path. Its help lists only lasso and elasticnet; `ridge`
/// still parses, so that `validate()` can say why it is refused (ridge is exact at any α: `fit`).
struct PathModel: ExpressibleByArgument {
    /// The model named.
    let kind: ModelKind

    init?(argument: String) {
        guard let kind = ModelKind(rawValue: argument) else { return nil }
        self.kind = kind
    }

    static var allValueStrings: [String] { [ModelKind.lasso.rawValue, ModelKind.elasticnet.rawValue] }
}
