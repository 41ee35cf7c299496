import Foundation
import LinearAlgebra
import RidgeLasso

/// `ridgelasso-benchmark --task serve`: times one solve per request read from standard input, so
/// that the comparison scripts in `Benchmarks/compare` can alternate RidgeLasso with the anchors
/// (A, B, C, A, B, C … for every repeat) and a burst of load on the machine hits every side
/// alike, instead of timing all of one side's repeats before the other's.
///
/// Requests, one per line; each is answered by one line holding the seconds of one timed solve
/// (the first request for a problem also runs one untimed warm-up: page faults, BLAS threads):
///
///     lasso DIR TASK [TOL]   a problem written by `--task lasso-compare` (DIR holds X.f64, y.f64,
///                            meta.json) and its task (lasso_path, enet_path or lasso_single), at
///                            stopping tolerance TOL (default ElasticNet.defaultTolerance)
///     ridge N P SEED ALPHA   ridgeTimingProblem(rows: N, columns: P, seed: SEED), solved by
///                            Ridge(alpha: ALPHA, solver: .cholesky) with an intercept
///     sparse DIR TASK [TOL]  a sparse problem written by `compare/sparse_compare.py`
///                            (``SparseComparison``), its task solved on the CSC matrix
///     sparse-write DIR TASK TOL LABEL  the same solve, untimed, its solution written to DIR
///                            (``SparseComparison/write(_:to:task:label:)``); answered with "0"
///
/// A request that cannot be served is answered `error: MESSAGE`; an empty line or end of input
/// ends the loop. Problems are kept in memory between requests (loaded once).
public enum TimingServer {
    /// Serves requests from `readLine` until it returns nil or an empty line.
    public static func run(readLine: () -> String?, reply: (String) -> Void) {
        var lasso: [String: (x: Matrix, y: [Double], meta: [String: Any])] = [:]
        var ridge: [String: (x: Matrix, y: [Double])] = [:]
        var sparse: [String: SparseComparison.Problem] = [:]
        var warmed: Set<String> = []
        while let line = readLine(), !line.isEmpty {
            let words = line.split(separator: " ").map(String.init)
            do {
                let key = words.joined(separator: " ")
                let solve: () throws -> Void
                switch words.first {
                case "lasso" where words.count == 3 || words.count == 4:
                    let directory = words[1], task = words[2]
                    if lasso[directory] == nil { lasso[directory] = try loadLassoProblem(directory) }
                    let problem = lasso[directory]!
                    guard let entry = problem.meta[task] as? [String: Any], let ratio = entry["l1_ratio"] as? Double,
                          let alphas = entry["alphas"] as? [Double], !alphas.isEmpty else {
                        throw ServerError(message: "\(directory)/meta.json has no task \(task)")
                    }
                    let tolerance = words.count == 4 ? Double(words[3]) ?? .nan : ElasticNet.defaultTolerance
                    let model = ElasticNet(alpha: alphas[0], l1Ratio: ratio, tolerance: tolerance)
                    solve = { _ = try LassoComparison.solve(model, problem.x, problem.y, grid: alphas) }
                case "sparse" where words.count == 3 || words.count == 4,
                     "sparse-write" where words.count == 5:
                    let directory = words[1], task = words[2]
                    if sparse[directory] == nil { sparse[directory] = try SparseComparison.load(directory) }
                    let problem = sparse[directory]!
                    let tolerance = words.count >= 4 ? Double(words[3]) ?? .nan : ElasticNet.defaultTolerance
                    if words[0] == "sparse-write" {
                        try SparseComparison.write(try SparseComparison.solve(problem, task: task, tolerance: tolerance),
                                                   to: directory, task: task, label: words[4])
                        reply("0")
                        continue
                    }
                    solve = { _ = try SparseComparison.solve(problem, task: task, tolerance: tolerance) }
                case "ridge" where words.count == 5:
                    guard let n = Int(words[1]), let p = Int(words[2]), let seed = UInt64(words[3]),
                          let alpha = Double(words[4]) else { throw ServerError(message: "bad ridge request: \(line)") }
                    let shape = words[1...3].joined(separator: " ")
                    if ridge[shape] == nil { ridge[shape] = try ridgeTimingProblem(rows: n, columns: p, seed: seed) }
                    let problem = ridge[shape]!
                    let model = Ridge(alpha: alpha, fitIntercept: true, solver: .cholesky)
                    solve = { _ = try model.fit(problem.x, problem.y) }
                default:
                    throw ServerError(message: "unknown request: \(line)")
                }
                if !warmed.contains(key) {
                    try solve()
                    warmed.insert(key)
                }
                let start = DispatchTime.now().uptimeNanoseconds
                try solve()
                reply(String(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            } catch {
                reply("error: \(error)".replacingOccurrences(of: "\n", with: " "))
            }
        }
    }

    private struct ServerError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    private static func loadLassoProblem(_ directory: String) throws -> (x: Matrix, y: [Double], meta: [String: Any]) {
        let metaData = try Data(contentsOf: URL(fileURLWithPath: directory + "/meta.json"))
        guard let meta = try JSONSerialization.jsonObject(with: metaData) as? [String: Any],
              let n = meta["n"] as? Int, let p = meta["p"] as? Int else {
            throw ServerError(message: "\(directory)/meta.json: no n and p")
        }
        func doubles(_ name: String, _ count: Int) throws -> [Double] {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            guard data.count == count * 8 else { throw ServerError(message: "\(directory)/\(name): \(data.count) bytes, expected \(count * 8)") }
            return data.withUnsafeBytes { raw in (0..<count).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self) } }
        }
        let x = try Matrix(rows: n, columns: p, columnMajor: try doubles("X.f64", n * p))
        return (x, try doubles("y.f64", n), meta)
    }
}
