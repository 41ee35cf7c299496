import Foundation
import LinearAlgebra
import RidgeLasso

/// The sparse side of `Benchmarks/compare/sparse_compare.py`: a problem written by that script
/// (DIR holds indptr.i64, indices.i32, data.f64 — scipy's CSC arrays — y.f64 and meta.json with
/// n, p and each task's l1 ratio and α list) and its solves on ``SparseMatrix``.
public enum SparseComparison {
    /// A loaded problem: X in compressed sparse columns, y, and the tasks' settings.
    public struct Problem: Sendable {
        public let x: SparseMatrix
        public let y: [Double]
        /// Task name → (l1 ratio, α list in the order given).
        public let tasks: [String: (l1Ratio: Double, alphas: [Double])]
    }

    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    /// Reads DIR's arrays (little-endian) and meta.json; the matrix is validated by
    /// ``SparseMatrix/init(rows:columns:columnStarts:rowIndices:values:)``.
    public static func load(_ directory: String) throws -> Problem {
        let metaData = try Data(contentsOf: URL(fileURLWithPath: directory + "/meta.json"))
        guard let meta = try JSONSerialization.jsonObject(with: metaData) as? [String: Any],
              let n = meta["n"] as? Int, let p = meta["p"] as? Int, let nnz = meta["nnz"] as? Int,
              let taskList = meta["tasks"] as? [String: Any] else {
            throw FormatError(description: "\(directory)/meta.json: no n, p, nnz and tasks")
        }
        func array<T>(_ name: String, _ count: Int, as _: T.Type) throws -> [T] {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            let size = MemoryLayout<T>.size
            guard data.count == count * size else {
                throw FormatError(description: "\(directory)/\(name): \(data.count) bytes, expected \(count * size)")
            }
            return data.withUnsafeBytes { raw in (0..<count).map { raw.loadUnaligned(fromByteOffset: $0 * size, as: T.self) } }
        }
        let starts = try array("indptr.i64", p + 1, as: Int64.self).map { Int($0) }
        let x = try SparseMatrix(rows: n, columns: p, columnStarts: starts,
                                 rowIndices: try array("indices.i32", nnz, as: Int32.self),
                                 values: try array("data.f64", nnz, as: Double.self))
        var tasks: [String: (l1Ratio: Double, alphas: [Double])] = [:]
        for (name, value) in taskList {
            guard let entry = value as? [String: Any], let ratio = entry["l1_ratio"] as? Double,
                  let alphas = entry["alphas"] as? [Double], !alphas.isEmpty else {
                throw FormatError(description: "\(directory)/meta.json: task \(name) has no l1_ratio and alphas")
            }
            tasks[name] = (ratio, alphas)
        }
        return Problem(x: x, y: try array("y.f64", n, as: Double.self), tasks: tasks)
    }

    /// A solve's points: coefficients and intercept per α, certified relative gaps.
    public struct Solution: Sendable {
        public var coefficients: [[Double]] = []
        public var intercepts: [Double] = []
        /// Duality gap / objective at each α.
        public var relativeGaps: [Double] = []
    }

    /// One task's solve at `tolerance`: the path over its α list (two or more α), or the single fit
    /// at its one α, from zero.
    public static func solve(_ problem: Problem, task: String, tolerance: Double) throws -> Solution {
        guard let setting = problem.tasks[task] else { throw FormatError(description: "no task \(task)") }
        let model = ElasticNet(alpha: setting.alphas[0], l1Ratio: setting.l1Ratio, tolerance: tolerance)
        if setting.alphas.count == 1 {
            let m = try model.fit(problem.x, problem.y)
            return Solution(coefficients: [m.coefficients], intercepts: [m.intercept],
                            relativeGaps: [m.dualityGap / m.objective])
        }
        let path = try model.path(problem.x, problem.y, alphas: setting.alphas)
        return Solution(coefficients: path.coefficients, intercepts: path.intercepts,
                        relativeGaps: zip(path.dualityGaps, path.objectives).map { $0 / $1 })
    }

    /// Writes a solution's coefficients (k × p, one α after another), intercepts and relative
    /// gaps as DIR/LABEL_TASK_{coef,intercept,gap}.f64.
    public static func write(_ solution: Solution, to directory: String, task: String, label: String) throws {
        func bytes(_ values: [Double]) -> Data { values.withUnsafeBufferPointer { Data(buffer: $0) } }
        let base = directory + "/\(label)_\(task)"
        try bytes(solution.coefficients.flatMap { $0 }).write(to: URL(fileURLWithPath: base + "_coef.f64"))
        try bytes(solution.intercepts).write(to: URL(fileURLWithPath: base + "_intercept.f64"))
        try bytes(solution.relativeGaps).write(to: URL(fileURLWithPath: base + "_gap.f64"))
    }
}
