/// The members `ridgelasso cv` adds after the refit model's: how α was chosen and the curve.
enum CrossValidationKey: String, CodingKey {
    case criterion, folds, seed, rule
    case alphaMin = "alpha_min"
    case alphaOneStandardError = "alpha_1se"
    case alphas
    case meanErrors = "mean_errors"
    case standardErrors = "standard_errors"
    case generalizedCrossValidation = "gcv"
    case allConverged = "all_converged"
    case curves
    case l1Ratio = "l1_ratio"
}

extension CrossValidationCurve {
    /// α_min, α_1se (null when undefined), the α grid, the mean errors and their standard errors.
    func encodeMembers(_ c: inout KeyedEncodingContainer<CrossValidationKey>) throws {
        try c.encode(alphaMin, forKey: .alphaMin)
        try c.encode(alphaOneStandardError, forKey: .alphaOneStandardError)
        try c.encode(alphas, forKey: .alphas)
        try c.encode(meanErrors, forKey: .meanErrors)
        try c.encode(standardErrors, forKey: .standardErrors)
    }
}

extension RidgeCVResult: Encodable {
    /// Writes what `ridgelasso cv --model ridge` prints: the refit model's members (so the JSON is a
    /// model file `ridgelasso predict --model` reads and ``RidgeModel`` decodes), then
    /// `"criterion"` (`"leave_one_out"`, `"gcv"` or `"kfold"` with `"folds"` and, when shuffled,
    /// `"seed"`), `"rule"`, `"alpha_min"`, `"alpha_1se"`, `"alphas"`, `"mean_errors"`,
    /// `"standard_errors"` and, with leave-one-out, `"gcv"`.
    /// - Throws: `EncodingError` when a coefficient or the intercept is not finite.
    public func encode(to encoder: any Encoder) throws {
        try model.encode(to: encoder)
        var c = encoder.container(keyedBy: CrossValidationKey.self)
        switch criterion {
        case .leaveOneOut: try c.encode("leave_one_out", forKey: .criterion)
        case .generalizedCrossValidation: try c.encode("gcv", forKey: .criterion)
        case .kFold(let folds):
            try c.encode("kfold", forKey: .criterion)
            switch folds {
            case .shuffled(let count, let seed):
                try c.encode(count, forKey: .folds)
                try c.encode(seed, forKey: .seed)
            case .contiguous(let count): try c.encode(count, forKey: .folds)
            case .given(let labels): try c.encode(Set(labels).count, forKey: .folds)
            }
        }
        try c.encode(rule.rawValue, forKey: .rule)
        try curve.encodeMembers(&c)
        if criterion == .leaveOneOut { try c.encodeIfPresent(generalizedCrossValidation, forKey: .generalizedCrossValidation) }
    }
}

extension ElasticNetCVResult: Encodable {
    /// Writes what `ridgelasso cv --model lasso|elasticnet` prints: the refit model's members (so
    /// the JSON is a model file `ridgelasso predict --model` reads and ``ElasticNetModel``
    /// decodes), then `"criterion":"kfold"`, `"folds"`, `"rule"`, the chosen ratio's curve
    /// (`"alpha_min"`, `"alpha_1se"`, `"alphas"`, `"mean_errors"`, `"standard_errors"`),
    /// `"all_converged"` and, with several l1 ratios, `"curves"` (one per ratio). The fold seed is
    /// not part of the result (it holds the resolved folds), so `"seed"` is not written.
    /// - Throws: `EncodingError` when a coefficient or the intercept is not finite.
    public func encode(to encoder: any Encoder) throws {
        try model.encode(to: encoder)
        var c = encoder.container(keyedBy: CrossValidationKey.self)
        try c.encode("kfold", forKey: .criterion)
        try c.encode(folds.count, forKey: .folds)
        try c.encode(rule.rawValue, forKey: .rule)
        try curve.encodeMembers(&c)
        try c.encode(allConverged, forKey: .allConverged)
        if l1Ratios.count > 1 {
            var list = c.nestedUnkeyedContainer(forKey: .curves)
            for (r, curve) in zip(l1Ratios, curves) {
                var item = list.nestedContainer(keyedBy: CrossValidationKey.self)
                try item.encode(r, forKey: .l1Ratio)
                try curve.encodeMembers(&item)
            }
        }
    }
}
