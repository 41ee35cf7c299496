import Foundation
import RidgeLasso

/// The jobs `ridgelasso-benchmark` can run. The default is ``gradient`` (the README's
/// benchmark); the others drive the timing code the ridge, coordinate-descent, selection and CLI
/// work left in `Ridge/`, `Lasso/`, `Selection/` and `Data/`, and are chosen with `--task NAME`
/// (repeatable).
public enum BenchmarkTask: String, Sendable, CaseIterable, Equatable {
    /// Exact ridge and coordinate descent against gradient methods (tables, JSON, plots).
    case gradient
    /// Every ridge solver's time, the Gram product's GFLOP/s against `dgemm` (``ridgeSolverTiming(n:p:repeats:seed:alpha:solvers:)``).
    case ridgeSolvers = "ridge-solvers"
    /// Writes the lasso comparison problems and RidgeLasso's times and coefficients into
    /// `--output DIR`/lasso-compare for `Benchmarks/compare/lasso_compare.py` (``LassoComparison``).
    case lassoCompare = "lasso-compare"
    /// RidgeCV (leave-one-out, GCV) and LassoCV timings (``measureRidgeSelection(rows:columns:alphaCount:repetitions:seed:)``).
    case selection
    /// CSV reader throughput against raw reading (``measureCSVReadThroughput(rows:columns:repetitions:directory:seed:)``).
    case csvRead = "csv-read"
    /// Times one solve per request on standard input, for the interleaved comparison scripts
    /// (``TimingServer``); the executable runs it instead of printing a report.
    case serve

    /// Runs a task other than ``gradient`` and returns its report for stdout.
    public func runReport(options: BenchmarkOptions, progress: @escaping @Sendable (String) -> Void) throws -> String {
        let scale = options.scale
        let repeats = options.repeats ?? scale.repeats
        switch self {
        case .gradient:
            let results = try BenchmarkRunner(options: options, progress: progress).run()
            return ReportTable.render(results)
        case .ridgeSolvers:
            var out = ""
            for shape in scale.ridgeShapes {
                progress("ridge solvers on \(shape.n)×\(shape.p), \(repeats) repeats")
                out += "\(try ridgeSolverTiming(n: shape.n, p: shape.p, repeats: repeats))\n\n"
            }
            return out
        case .lassoCompare:
            guard let directory = options.outputDirectory else {
                throw BenchmarkOptions.ParseError(message: "--task lasso-compare needs --output DIR")
            }
            let target = URL(fileURLWithPath: directory).appendingPathComponent("lasso-compare").path
            let rows = try LassoComparison.run(outputDirectory: target, repeats: repeats, quick: scale != .full,
                                               tolerance: options.lassoTolerance ?? ElasticNet.defaultTolerance,
                                               log: { progress($0) })
            var table: [[String]] = [["problem", "task", "n", "p", "median time", "converged"]]
            for row in rows {
                table.append([row.problem, row.task, String(row.rows), String(row.columns),
                              Format.seconds(row.seconds), row.converged ? "yes" : "no"])
            }
            return "RidgeLasso's side of the lasso comparison (data and coefficients in \(target); "
                + "run python3 Benchmarks/compare/lasso_compare.py \(target)):\n" + ReportTable.table(table)
        case .selection:
            let ridgeShape = scale.ridgeShapes[0]
            let lassoShape = scale.lassoShapes[1]
            progress("ridge selection on \(ridgeShape.n)×\(ridgeShape.p)")
            let ridge = try measureRidgeSelection(rows: ridgeShape.n, columns: ridgeShape.p, repetitions: repeats)
            progress("lasso selection on \(lassoShape.n)×\(lassoShape.p)")
            let lasso = try measureLassoSelection(rows: lassoShape.n, columns: lassoShape.p, repetitions: max(1, repeats / 3))
            return "\(ridge)\n\(lasso)\n"
        case .serve:
            TimingServer.run(readLine: { Swift.readLine() }, reply: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) })
            return ""
        case .csvRead:
            let shape = scale.ridgeShapes[0]
            progress("CSV read throughput on \(shape.n)×\(shape.p)")
            return "\(try measureCSVReadThroughput(rows: shape.n, columns: shape.p, repetitions: repeats))\n"
        }
    }
}
