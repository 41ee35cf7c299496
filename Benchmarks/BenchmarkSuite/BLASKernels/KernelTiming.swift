import Foundation
import LinearAlgebra
import RidgeLasso

/// The BLAS-bound rows whose speed depends on the OpenBLAS kernels: `dgemm` and `dsyrk` alone,
/// then exact ridge and the lasso rows of the comparison with scikit-learn, timed in one process.
///
/// One process runs one set of kernels (OpenBLAS reads `OPENBLAS_CORETYPE` when it loads), so
/// comparing kernels means running this task once per setting, alternating the settings
/// (`Benchmarks/compare/kernels_compare.py` does that and reports paired ratios).
///
/// Rows (seeded data; each the median of `repeats` runs after one untimed warm-up):
/// - `dgemm 2000²`: C = AᵀA for a 2000 × 2000 A (reported as GFLOP/s too);
/// - `dsyrk Gram 100000×500`: XᵀX (GFLOP/s too);
/// - `ridge 100000×500`: `Ridge(alpha: 1, solver: .cholesky)` with an intercept;
/// - `lasso path 100000×200`: 100 α from α_max to 1e-3·α_max, AR(1) data as in the comparison;
/// - `lasso fit 5000×500`: one fit at α_max/100;
/// - `lasso path 1000×10000`: as the first path.
/// `quick` divides every dimension by 10 (for smoke tests).
public struct KernelTimingReport: Sendable, CustomStringConvertible {
    /// One timed row.
    public struct Row: Sendable {
        public let name: String
        /// Median wall time, seconds.
        public let seconds: Double
        /// Floating-point rate of the BLAS rows, GFLOP/s.
        public let gflops: Double?
    }

    /// ``BLASLibrary/summary`` of the process that measured.
    public let blas: String
    public let repeats: Int
    public let rows: [Row]

    /// A table, then one `row<TAB>name<TAB>seconds` line per row for scripts.
    public var description: String {
        var table: [[String]] = [["row", "median", "GFLOP/s"]]
        for row in rows {
            table.append([row.name, Format.seconds(row.seconds), row.gflops.map { String(format: "%.1f", $0) } ?? ""])
        }
        var out = "BLAS-bound rows, median of \(repeats); BLAS: \(blas)\n" + ReportTable.table(table)
        for row in rows { out += "row\t\(row.name)\t\(row.seconds)\n" }
        return out
    }
}

/// Times the rows of ``KernelTimingReport`` under the kernels this process runs.
public func measureKernelRows(repeats: Int, quick: Bool) throws -> KernelTimingReport {
    let scale = quick ? 10 : 1
    var rows: [KernelTimingReport.Row] = []
    func time(_ name: String, flops: Double? = nil, _ body: () throws -> Void) rethrows {
        try body()
        let seconds = try Timing.median(repeats: repeats) { try body() }.seconds
        rows.append(.init(name: name, seconds: seconds, gflops: flops.map { $0 / seconds / 1e9 }))
    }
    let m = 2000 / scale
    let a = try ridgeTimingProblem(rows: m, columns: m, seed: 7).x
    try time("dgemm \(m)²", flops: 2 * pow(Double(m), 3)) { _ = try a.multiplied(by: a, transposingSelf: true) }

    let (n, p) = (100_000 / scale, 500 / scale)
    let (x, y) = try ridgeTimingProblem(rows: n, columns: p, seed: 42)
    try time("dsyrk Gram \(n)×\(p)", flops: Double(n) * Double(p) * Double(p + 1)) { _ = try x.gram() }
    let ridge = Ridge(alpha: 1, solver: .cholesky)
    try time("ridge \(n)×\(p)") { _ = try ridge.fit(x, y) }

    for (rowCount, columnCount, single) in [(100_000, 200, false), (5000, 500, true), (1000, 10_000, false)] {
        let (n, p) = (rowCount / scale, columnCount / scale)
        let (x, y) = LassoComparison.ar1Problem(n: n, p: p, seed: UInt64(n * 31 + p))
        if single {
            let lasso = Lasso(alpha: try Lasso.alphaMax(x, y) / 100)
            try time("lasso fit \(n)×\(p)") { _ = try lasso.fit(x, y) }
        } else {
            try time("lasso path \(n)×\(p)") { _ = try Lasso().path(x, y) }
        }
    }
    return KernelTimingReport(blas: BLASLibrary.current.summary, repeats: repeats, rows: rows)
}
