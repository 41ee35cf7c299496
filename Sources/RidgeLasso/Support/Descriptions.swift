// One-line summaries for `print(model)`: what was fitted, how well it was solved, and the numbers
// written in Swift's shortest round-trip form, so a printed value reads back exactly.

extension ElasticNetModel: CustomStringConvertible {
    /// `lasso (α = 0.05): objective 0.43, 2 of 2 coefficients nonzero, converged, duality gap 1.2e-12,
    /// 9 iterations, intercept 1.1` (elastic net also shows its l1 ratio). A decoded model file has no
    /// objective (it needs the data) and omits it.
    public var description: String {
        let name = l1Ratio == 1 ? "lasso (α = \(alpha))" : "elastic net (α = \(alpha), l1 ratio \(l1Ratio))"
        var parts: [String] = []
        if objective.isFinite { parts.append("objective \(objective)") }
        parts.append("\(activeSet.count) of \(coefficients.count) coefficients nonzero")
        parts.append(converged ? "converged" : "NOT converged")
        parts.append("duality gap \(dualityGap)")
        parts.append("\(iterations) iteration\(iterations == 1 ? "" : "s")")
        parts.append("intercept \(intercept)")
        return "\(name): " + parts.joined(separator: ", ")
    }
}

extension RidgeModel: CustomStringConvertible {
    /// `ridge (α = 0.01, solver cholesky): 2 of 2 coefficients nonzero, intercept 1.0, reciprocal
    /// condition 0.31` (and the rank when the SVD measured it). Ridge is solved exactly: there is no
    /// gap or convergence to report.
    public var description: String {
        var parts = ["\(coefficients.filter { $0 != 0 }.count) of \(coefficients.count) coefficients nonzero",
                     "intercept \(intercept)"]
        if let rank { parts.append("rank \(rank)") }
        if let reciprocalCondition { parts.append("reciprocal condition \(reciprocalCondition)") }
        return "ridge (α = \(alpha), solver \(solverUsed.rawValue)): " + parts.joined(separator: ", ")
    }
}

extension CrossValidationCurve {
    /// `100 α from 1e+04 to 0.01, α_min 0.5 (mean error 3.1), α_1se 2.0`: the curve in one phrase.
    var summary: String {
        guard let first = alphas.first, let last = alphas.last else { return "no α" }
        var text = "\(alphas.count) α from \(first) to \(last), α_min \(alphaMin) (mean error \(meanErrors[indexOfMinimum]))"
        if let oneSE = alphaOneStandardError { text += ", α_1se \(oneSE)" }
        return text
    }
}

extension RidgeCVResult: CustomStringConvertible {
    /// `ridge CV (leave-one-out, rule min): α = 0.5 chosen among 100 α from … ; refit: ridge (α = 0.5, …)`.
    public var description: String {
        let how: String
        switch criterion {
        case .leaveOneOut: how = "leave-one-out"
        case .generalizedCrossValidation: how = "GCV"
        case .kFold: how = "K-fold"
        }
        return "ridge CV (\(how), rule \(rule.rawValue)): α = \(alpha) chosen among \(curve.summary); refit: \(model)"
    }
}

extension ElasticNetCVResult: CustomStringConvertible {
    /// `lasso CV (5 folds, rule min): α = 0.1 chosen among …, all paths converged; refit: lasso (…)`.
    public var description: String {
        let name = l1Ratios == [1] ? "lasso" : "elastic net"
        let ratios = l1Ratios.count > 1 ? ", l1 ratio \(l1Ratio) of \(l1Ratios.count)" : ""
        let health = allConverged ? "all paths converged" : "NOT every path converged"
        return "\(name) CV (\(folds.count) folds, rule \(rule.rawValue)): α = \(alpha)\(ratios) chosen among "
            + "\(curve.summary), \(health); refit: \(model)"
    }
}

extension ElasticNetPath: CustomStringConvertible {
    /// `lasso path: 100 α from 2.1 to 0.0021, 0 to 10 coefficients nonzero, all converged, largest
    /// duality gap 3.1e-09` (elastic net also shows its l1 ratio).
    public var description: String {
        let name = l1Ratio == 1 ? "lasso path" : "elastic-net path (l1 ratio \(l1Ratio))"
        guard let first = alphas.first, let last = alphas.last else { return "\(name): no α" }
        let counts = nonzeroCounts
        let health = allConverged ? "all converged" : "\(converged.filter { !$0 }.count) of \(count) NOT converged"
        return "\(name): \(count) α from \(first) to \(last), \(counts.min() ?? 0) to \(counts.max() ?? 0) "
            + "coefficients nonzero, \(health), largest duality gap \(dualityGaps.max() ?? 0)"
    }
}

extension GradientMethodResult: CustomStringConvertible {
    /// `FISTA: objective 0.43, 8 of 10 coefficients nonzero, converged after 120 iterations, duality
    /// gap 1e-07, step 0.5`: the baseline's run in one line.
    public var description: String {
        var parts = ["objective \(objective)",
                     "\(coefficients.filter { $0 != 0 }.count) of \(coefficients.count) coefficients nonzero",
                     "\(converged ? "converged" : "NOT converged") after \(iterations) iteration\(iterations == 1 ? "" : "s")"]
        if let dualityGap { parts.append("duality gap \(dualityGap)") }
        parts.append("step \(stepSize)")
        return "\(method): " + parts.joined(separator: ", ")
    }
}
