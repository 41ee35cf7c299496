import Foundation
import LinearAlgebra
import RidgeLasso
import RidgeLassoPlots

/// The lasso / elastic-net side of the comparison with scikit-learn and glmnet.
///
/// ``LassoComparison/run(outputDirectory:repeats:quick:problems:tolerance:log:)`` builds the seeded problems, writes
/// each one to `outputDirectory/<problem>/` (raw little-endian `Float64` files that
/// `Benchmarks/compare/lasso_compare.py` and `lasso_compare.R` read), times RidgeLasso on the three
/// tasks of every problem (median of `repeats` runs, release build) and writes its coefficients,
/// intercepts and times next to the data, together with a tolerance-1e-12 reference solve.
/// Times are medians of `repeats` runs after one untimed warm-up run, with the default settings
/// (tolerance 1e-6 relative to the objective, unless `tolerance` says otherwise: a looser one
/// asks how fast RidgeLasso is at the anchors' accuracy). Problems can be restricted with `problems`.
///
/// Problems: AR(1) features with ρ = 0.5 (corr(xⱼ, xₖ) = 0.5^|j−k|), 20 true coefficients ±1
/// at evenly spaced positions, y = Xβ + 2ε + 3 (seeded SplitMix64 + Box–Muller), for
/// n × p = 1000 × 100, 5000 × 500, 100000 × 200, 1000 × 10000; plus scikit-learn's diabetes
/// data (442 × 10, raw units). Tasks:
/// - `lasso_path`: 100 α from α_max down to 1e-3·α_max (log-spaced), r = 1;
/// - `enet_path`: the same grid for r = 0.5;
/// - `lasso_single`: one lasso fit at α_max/100 from zero.
///
/// Files per problem: `X.f64` (n × p, column-major), `y.f64`, `meta.json` (n, p, the α lists),
/// and per task `ridgelasso_<task>_coef.f64` (k × p, one α after another), `_intercept.f64`,
/// `reference_<task>_coef.f64`/`_intercept.f64` (tolerance 1e-12), and `ridgelasso_times.json`
/// (per task: the median, the samples, the tolerance, whether every α converged).
public enum LassoComparison {
    /// One timed task.
    public struct Row: Sendable {
        public let problem: String
        public let task: String
        public let rows: Int
        public let columns: Int
        /// Median wall time in seconds.
        public let seconds: Double
        /// Whether every α converged at the tolerance of the run.
        public let converged: Bool
    }

    /// The problem names, in table order.
    public static let problemNames = ["n1000_p100", "n5000_p500", "n100000_p200", "n1000_p10000", "diabetes"]

    /// Builds, writes and times everything; returns one row per problem and task.
    /// - Parameters:
    ///   - outputDirectory: where the problems and results go (created if needed).
    ///   - repeats: timed repetitions per task (median reported).
    ///   - quick: small versions of the problems (for smoke tests).
    ///   - problems: a subset of ``problemNames`` (nil = all).
    ///   - tolerance: stopping tolerance of the timed fits (the reference solves use 1e-12).
    public static func run(
        outputDirectory: String, repeats: Int = 5, quick: Bool = false, problems: [String]? = nil,
        tolerance: Double = ElasticNet.defaultTolerance, log: (String) -> Void = { print($0) }
    ) throws -> [Row] {
        let fm = FileManager.default
        try fm.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        var rows: [Row] = []
        for name in problems ?? problemNames {
            let (x, y) = try makeProblem(name, quick: quick)
            let dir = (outputDirectory as NSString).appendingPathComponent(name)
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try write(x.storage, to: dir + "/X.f64")
            try write(y, to: dir + "/y.f64")
            let lassoMax = try Lasso.alphaMax(x, y)
            let enetMax = try ElasticNet.alphaMax(x, y, l1Ratio: 0.5)
            let lassoGrid = AlphaGrid.logSpaced(maximum: lassoMax, count: 100, epsilon: 1e-3)
            let enetGrid = AlphaGrid.logSpaced(maximum: enetMax, count: 100, epsilon: 1e-3)
            let single = lassoMax / 100
            let meta: [String: Any] = [
                "n": x.rows, "p": x.columns,
                "lasso_path": ["l1_ratio": 1.0, "alphas": lassoGrid],
                "enet_path": ["l1_ratio": 0.5, "alphas": enetGrid],
                "lasso_single": ["l1_ratio": 1.0, "alphas": [single]],
            ]
            let json = try JSONSerialization.data(withJSONObject: meta, options: [.prettyPrinted, .sortedKeys])
            try AtomicFile.write([UInt8](json), to: dir + "/meta.json")
            var times: [String: Any] = [:]
            let tasks: [(String, Double, [Double])] = [("lasso_path", 1, lassoGrid), ("enet_path", 0.5, enetGrid),
                                                      ("lasso_single", 1, [single])]
            for (task, r, grid) in tasks {
                let model = ElasticNet(alpha: grid[0], l1Ratio: r, tolerance: tolerance)
                var samples: [Double] = []
                // One untimed warm-up run (page faults, BLAS thread start-up), then the timed ones.
                var result = try solve(model, x, y, grid: grid)
                for _ in 0..<max(1, repeats) {
                    let start = DispatchTime.now().uptimeNanoseconds
                    result = try solve(model, x, y, grid: grid)
                    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                }
                let seconds = samples.sorted()[samples.count / 2]
                try write(result.coefficients.flatMap { $0 }, to: dir + "/ridgelasso_\(task)_coef.f64")
                try write(result.intercepts, to: dir + "/ridgelasso_\(task)_intercept.f64")
                var reference = model
                reference.tolerance = 1e-12
                let ref = try solve(reference, x, y, grid: grid)
                try write(ref.coefficients.flatMap { $0 }, to: dir + "/reference_\(task)_coef.f64")
                try write(ref.intercepts, to: dir + "/reference_\(task)_intercept.f64")
                times[task] = ["seconds": seconds, "samples": samples, "tolerance": tolerance, "converged": result.converged,
                               "reference_converged": ref.converged]
                rows.append(Row(problem: name, task: task, rows: x.rows, columns: x.columns, seconds: seconds,
                                converged: result.converged))
                let label = name.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + task.padding(toLength: 14, withPad: " ", startingAt: 0)
                log(label + String(format: "%9.4f s", seconds) + "  converged=" + (result.converged ? "yes" : "NO"))
            }
            let tj = try JSONSerialization.data(withJSONObject: times, options: [.prettyPrinted, .sortedKeys])
            try AtomicFile.write([UInt8](tj), to: dir + "/ridgelasso_times.json")
        }
        return rows
    }

    /// A path for grids of more than one α, a single fit otherwise (what a user would call).
    static func solve(_ model: ElasticNet, _ x: Matrix, _ y: [Double], grid: [Double]) throws
        -> (coefficients: [[Double]], intercepts: [Double], converged: Bool)
    {
        if grid.count == 1 {
            var m = model
            m.alpha = grid[0]
            let fit = try m.fit(x, y)
            return ([fit.coefficients], [fit.intercept], fit.converged)
        }
        let path = try model.path(x, y, alphas: grid)
        return (path.coefficients, path.intercepts, path.allConverged)
    }

    /// The named problem (see the type's documentation).
    public static func makeProblem(_ name: String, quick: Bool = false) throws -> (Matrix, [Double]) {
        let shapes: [String: (Int, Int)] = [
            "n1000_p100": (1000, 100), "n5000_p500": (5000, 500), "n100000_p200": (100_000, 200),
            "n1000_p10000": (1000, 10_000),
        ]
        if name == "diabetes" { return try diabetes() }
        guard var (n, p) = shapes[name] else {
            throw NSError(domain: "LassoComparison", code: 1, userInfo: [NSLocalizedDescriptionKey: "unknown problem \(name)"])
        }
        if quick { n = max(50, n / 50); p = max(25, p / 50) }
        return ar1Problem(n: n, p: p, seed: UInt64(n * 31 + p))
    }

    /// AR(1) design with ρ = 0.5, 20 true coefficients ±1, noise σ = 2, intercept 3.
    static func ar1Problem(n: Int, p: Int, seed: UInt64, rho: Double = 0.5, nonzeros: Int = 20) -> (Matrix, [Double]) {
        var rng = Seeded(seed: seed)
        var x = Matrix(rows: n, columns: p)
        let innovation = (1 - rho * rho).squareRoot()
        x.storage.withUnsafeMutableBufferPointer { s in
            for i in 0..<n { s[i] = rng.gaussian() }
            for j in 1..<max(p, 1) {
                for i in 0..<n { s[i + j * n] = rho * s[i + (j - 1) * n] + innovation * rng.gaussian() }
            }
        }
        var beta = [Double](repeating: 0, count: p)
        let k = min(nonzeros, p)
        for t in 0..<k { beta[(t * p) / k] = rng.uniform() < 0.5 ? -1 : 1 }
        var y = (try? x.times(beta)) ?? [Double](repeating: 0, count: n)
        for i in 0..<n { y[i] += 3 + 2 * rng.gaussian() }
        return (x, y)
    }

    /// scikit-learn's diabetes data in raw units (442 × 10; target: disease progression).
    static func diabetes() throws -> (Matrix, [Double]) {
        let table = try CSVDataset.diabetesTable()   // a malformed row is an error, never skipped
        let p = table.columnNames.count - 1
        let x = try Matrix(columns: (0..<p).map { table.values.column($0) })
        return (x, table.values.column(p))
    }

    static func write(_ values: [Double], to path: String) throws {
        try values.withUnsafeBytes { bytes in
            Result { () throws(AtomicFileError) in try AtomicFile.write(bytes, to: path) }
        }.get()
    }

    /// SplitMix64 with Box–Muller normals: the benchmark's seeded generator.
    struct Seeded {
        private var source: SplitMix64
        init(seed: UInt64) { source = SplitMix64(seed: seed) }
        mutating func next() -> UInt64 { source.next() }
        mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }
        mutating func gaussian() -> Double {
            (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
        }
    }
}
