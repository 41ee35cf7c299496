import Foundation
import ArgumentParser
import RidgeLasso

/// Checks of option values shared by the subcommands; each throws a `ValidationError` whose
/// message names the option (reported on one line, exit status 2).
enum OptionChecks {
    /// α finite and ≥ 0.
    static func alpha(_ a: Double, option: String = "--alpha") throws {
        guard a.isFinite, a >= 0 else { throw ValidationError("\(option) must be a finite number ≥ 0 (got \(a))") }
    }

    /// r in [0, 1].
    static func l1Ratio(_ r: Double) throws {
        guard r.isFinite, r >= 0, r <= 1 else { throw ValidationError("--l1-ratio must lie in [0, 1] (got \(r))") }
    }

    /// The l1 ratio for `model`: `given` for elasticnet (default 0.5), 1 for lasso (where only 1
    /// may be given); ridge takes none.
    static func l1Ratio(_ given: Double?, for model: ModelKind) throws -> Double? {
        if let given { try l1Ratio(given) }
        switch model {
        case .ridge:
            if given != nil { throw ValidationError("--l1-ratio applies to --model elasticnet, not ridge") }
            return nil
        case .lasso:
            if let given, given != 1 {
                throw ValidationError("--l1-ratio is 1 for --model lasso (got \(given)); use --model elasticnet")
            }
            return 1
        case .elasticnet:
            return given ?? 0.5
        }
    }

    /// The most folds `--folds` accepts: 10⁵, checked before the data is read. K-fold
    /// cross-validation fits K + 1 models, so K beyond a few hundred is already leave-one-out in
    /// all but name (ridge has exact leave-one-out for that); the data's row count is the other
    /// bound, checked once it is read.
    static let maximumFolds = 100_000

    /// 2 ≤ K ≤ ``maximumFolds``.
    static func folds(_ k: Int) throws {
        guard k >= 2 else { throw ValidationError("--folds must be ≥ 2 (got \(k))") }
        guard k <= maximumFolds else {
            throw ValidationError("--folds must be ≤ \(maximumFolds) (got \(k)); for leave-one-out ridge, omit --folds")
        }
    }

    /// A comma-separated list of α values, each finite and ≥ 0, at most ``AlphaGrid/maximumCount``
    /// of them (the same bound as `--n-alphas`: every α costs a fit and a row of output).
    static func alphaList(_ text: String) throws -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !(parts.count == 1 && parts[0].isEmpty) else { throw ValidationError("--alphas is empty") }
        guard parts.count <= AlphaGrid.maximumCount else {
            throw ValidationError("--alphas has \(parts.count) values, more than the limit of \(AlphaGrid.maximumCount)")
        }
        var values: [Double] = []
        for part in parts {
            guard let v = Double(part) else {
                throw ValidationError("--alphas: \(quoted(part)) is not a number (expected a comma-separated list like 1,0.1,0.01)")
            }
            try alpha(v, option: "--alphas")
            values.append(v)
        }
        return values
    }
}
