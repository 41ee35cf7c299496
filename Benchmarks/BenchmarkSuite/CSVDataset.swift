import Foundation
import LinearAlgebra

/// A numeric CSV table for the benchmark: a header row, then rows of numbers; the last column is
/// the target y, the others the features X. Features are standardized (mean 0, standard
/// deviation 1) so that one α rule fits every data set and gradient methods are not handicapped
/// by units; constant columns are rejected.
public struct CSVDataset: Sendable {
    public let featureNames: [String]
    public let targetName: String
    /// Standardized features.
    public let x: Matrix
    public let y: [Double]

    /// An error naming the line (1-based, header = line 1) and column (1-based).
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public let message: String
        public var description: String { message }
    }

    /// Parses `text`.
    public init(text: String, source: String = "CSV") throws(ParseError) {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        guard let header = lines.first else { throw ParseError(message: "\(source): empty file") }
        let names = header.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        guard names.count >= 2 else {
            throw ParseError(message: "\(source): line 1: need at least one feature column and a target column")
        }
        let p = names.count - 1
        var columns = [[Double]](repeating: [], count: names.count)
        for (index, line) in lines.dropFirst().enumerated() {
            let lineNumber = index + 2
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == names.count else {
                throw ParseError(message: "\(source): line \(lineNumber): \(fields.count) fields, the header has \(names.count)")
            }
            for (j, field) in fields.enumerated() {
                let text = field.trimmingCharacters(in: .whitespaces)
                guard let v = Double(text), v.isFinite else {
                    throw ParseError(message: "\(source): line \(lineNumber), column \(j + 1) (\(names[j])): '\(text)' is not a finite number")
                }
                columns[j].append(v)
            }
        }
        let n = columns[0].count
        guard n >= 2 else { throw ParseError(message: "\(source): need at least 2 data rows, found \(n)") }
        var x = Matrix(rows: n, columns: p)
        for j in 0..<p {
            let mean = columns[j].reduce(0, +) / Double(n)
            let sd = (columns[j].reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
            guard sd > 0 else { throw ParseError(message: "\(source): column \(j + 1) (\(names[j])) is constant") }
            for i in 0..<n { x.storage[i + j * n] = (columns[j][i] - mean) / sd }
        }
        featureNames = Array(names.prefix(p))
        targetName = names[p]
        self.x = x
        y = columns[p]
    }

    /// Reads and parses the file at `path`.
    public init(contentsOfFile path: String) throws(ParseError) {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ParseError(message: "\(path): cannot read: \(error.localizedDescription)")
        }
        try self.init(text: text, source: path)
    }

    /// scikit-learn's diabetes data (442 × 10, target: disease progression), shipped with the
    /// benchmark as a resource.
    public static func diabetes() throws(ParseError) -> CSVDataset {
        guard let url = Bundle.module.url(forResource: "diabetes", withExtension: "csv") else {
            throw ParseError(message: "diabetes.csv is missing from the benchmark's resources")
        }
        return try CSVDataset(contentsOfFile: url.path)
    }

    /// The ridge and lasso problems of this data set, with the benchmark's α rules
    /// (ridge α = 10⁻³·σ₁(X)², lasso α = 0.05·α_max) unless α's are given.
    public func problems(name: String, ridgeAlpha: Double? = nil, lassoAlpha: Double? = nil) throws -> [BenchmarkProblem] {
        let n = Double(x.rows)
        let xm = (0..<x.columns).map { j in x.storage[(j * x.rows)..<((j + 1) * x.rows)].reduce(0, +) / n }
        var xc = x
        for j in 0..<x.columns { for i in 0..<x.rows { xc.storage[i + j * x.rows] -= xm[j] } }
        let cross = x.columns > x.rows ? try xc.outerGram() : try xc.gram()
        let sigma1Squared = try SymmetricEigendecomposition(cross).eigenvalues.last ?? 0
        let rAlpha = ridgeAlpha ?? SyntheticProblems.ridgeAlphaFactor * sigma1Squared
        let lAlpha = try lassoAlpha ?? SyntheticProblems.lassoAlphaFraction * SyntheticProblems.alphaMax(x, y)
        let shape = "n=\(x.rows) p=\(x.columns), standardized features"
        return [
            BenchmarkProblem(name: "ridge-\(name)", kind: .ridge,
                             description: "ridge \(name) \(shape), α=\(SyntheticProblems.format(rAlpha))",
                             x: x, y: y, alpha: rAlpha),
            BenchmarkProblem(name: "lasso-\(name)", kind: .lasso,
                             description: "lasso \(name) \(shape), α=\(SyntheticProblems.format(lAlpha))",
                             x: x, y: y, alpha: lAlpha),
        ]
    }
}
