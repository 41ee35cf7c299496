import Foundation

/// The human-readable report printed on stdout.
public enum ReportTable {
    public static func render(_ results: BenchmarkResults) -> String {
        var out = ""
        let m = results.machine
        out += "RidgeLasso benchmark (\(results.scale.rawValue)): \(m.cpu), \(m.cores) cores, BLAS \(m.blas) [\(m.blasEnvironment)]\n"
        if let kernels = m.blasKernels { out += "BLAS: \(kernels)\n" }
        out += "gradient budget \(Format.seconds(results.budgetSeconds)) per method (stochastic: half), exact solvers: median of \(results.repeats)\n"
        for problem in results.problems {
            out += "\n== \(problem.description)\n"
            out += "   reference: \(problem.reference)\n"
            let errorHeader = problem.kind == .ridge ? "rel. error" : "rel. subopt"
            var rows: [[String]] = [["method", "time", "iters", "conv", errorHeader, problem.kind == .lasso ? "gap" : "",
                                     "t(1e-2)", "t(1e-4)", "t(1e-6)", "t(1e-8)"]]
            for method in problem.methods {
                let error = problem.kind == .ridge ? method.relativeError : method.relativeSuboptimality
                var row = [method.method, Format.seconds(method.seconds), method.iterations.map(String.init) ?? "—",
                           method.converged ? "yes" : "no", error.map(Format.sci) ?? "—",
                           problem.kind == .lasso ? (method.dualityGap.map(Format.sci) ?? "—") : ""]
                for target in accuracyTargets {
                    if method.timeToAccuracy.isEmpty { row.append("") ; continue }
                    let t = method.timeToAccuracy.first { $0.target == target }?.seconds
                    row.append(t.map(Format.seconds) ?? "not reached")
                }
                rows.append(row)
            }
            out += table(rows)
            for line in problem.comparisons { out += "   • \(line)\n" }
        }
        if let decay = results.weightDecay {
            out += "\n== L2 vs weight decay: \(decay.description)\n"
            out += "   SGD + L2 vs SGD + decay: largest relative difference of the iterates over all epochs \(Format.sci(decay.sgdLargestDifference)) (rounding)\n"
            out += "   Adam + L2 vs AdamW: relative difference of the final coefficients \(Format.sci(decay.adamRelativeDifference))\n"
            for curve in decay.curves {
                let final = curve.relativeError.last ?? .nan
                out += "   \(curve.method.padding(toLength: 20, withPad: " ", startingAt: 0)) relative error vs ridge at the end: \(Format.sci(final))\n"
            }
        }
        out += "\n(t(ε): seconds until the error first fell to ε; \"not reached\": not within the budget.)\n"
        return out
    }

    /// Columns padded to their widest cell; the first column left-aligned, the others right-aligned.
    static func table(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], cell.count) } }
        var out = ""
        for row in rows {
            var line = "   "
            for (k, cell) in row.enumerated() where widths[k] > 0 {
                let pad = String(repeating: " ", count: widths[k] - cell.count)
                line += k == 0 ? cell + pad : "  " + pad + cell
            }
            out += line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        return out
    }
}
