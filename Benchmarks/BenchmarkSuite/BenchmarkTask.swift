import Foundation
import LinearAlgebra
import RidgeLasso

/// The jobs `ridgelasso-benchmark` can run, each in its own folder (`Gradient/`, `RidgeSolvers/`,
/// `LassoCompare/`, `Selection/`, `CSVRead/`, `BLASKernels/`). The default is ``gradient``; the others are chosen
/// with `--task NAME` (repeatable).
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
    /// The BLAS-bound rows under this process's OpenBLAS kernels (``measureKernelRows(repeats:quick:)``).
    case blasKernels = "blas-kernels"

    /// Times one solve per request on standard input, for the interleaved comparison scripts
    /// (``TimingServer``); the executable runs it instead of printing a report.
    case serve

    /// One line for `--help`.
    var summary: String {
        switch self {
        case .gradient: "exact ridge and coordinate descent vs gradient methods"
        case .ridgeSolvers: "every ridge solver's time; Gram GFLOP/s vs dgemm"
        case .lassoCompare: "data + RidgeLasso results for compare/lasso_compare.py (needs --output DIR)"
        case .selection: "RidgeCV and LassoCV timings"
        case .csvRead: "CSV reader throughput vs raw reading"
        case .serve: "time one solve per request line on stdin, for the interleaved scripts in compare/"
        case .blasKernels: "dgemm, dsyrk, ridge and lasso rows under this process's OpenBLAS kernels (compare/kernels_compare.py)"
        }
    }

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
        case .blasKernels:
            progress("BLAS-bound rows under \(BLASLibrary.current.kernels)")
            return "\(try measureKernelRows(repeats: repeats, quick: scale != .full))\n"
        }
    }
}
