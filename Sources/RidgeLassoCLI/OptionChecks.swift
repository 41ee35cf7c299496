import Foundation
import ArgumentParser

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

    /// A comma-separated list of α values, each finite and ≥ 0.
    static func alphaList(_ text: String) throws -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !(parts.count == 1 && parts[0].isEmpty) else { throw ValidationError("--alphas is empty") }
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
