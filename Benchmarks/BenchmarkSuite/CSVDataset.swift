import Foundation
import LinearAlgebra
import RidgeLasso
import RidgeLassoCSV
import _TestSupport

/// A numeric CSV table for the benchmark: a header row, then rows of numbers; the last column is
/// the target y, the others the features X. Parsed by the library's ``CSVReader`` (the same
/// rules and messages as the `ridgelasso` command line: RFC 4180 quoting in the header, LF or
/// CRLF, exact decimal conversion). Features are standardized (mean 0, standard deviation 1) so
/// that one α rule fits every data set and gradient methods are not handicapped by units;
/// constant columns are rejected.
public struct CSVDataset: Sendable {
    public let featureNames: [String]
    public let targetName: String
    /// Standardized features.
    public let x: Matrix
    public let y: [Double]

    /// An error naming the file, line and column (``CSVError``'s message), or what is wrong with
    /// the table as benchmark data.
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public let message: String
        public var description: String { message }
    }

    /// Parses `text`.
    public init(text: String, source: String = "CSV") throws(ParseError) {
        let table: CSVTable
        do { table = try CSVReader.parse(text, source: source) } catch { throw ParseError(message: error.description) }
        try self.init(table: table)
    }

    /// Reads and parses the file at `path`.
    public init(contentsOfFile path: String) throws(ParseError) {
        let table: CSVTable
        do { table = try CSVReader.read(contentsOf: path) } catch { throw ParseError(message: error.description) }
        try self.init(table: table)
    }

    private init(table: CSVTable) throws(ParseError) {
        let source = table.source, names = table.columnNames
        guard names.count >= 2 else {
            throw ParseError(message: "\(source): line 1: need at least one feature column and a target column")
        }
        let n = table.values.rows, p = names.count - 1
        guard n >= 2 else { throw ParseError(message: "\(source): need at least 2 data rows, found \(n)") }
        var x = Matrix(rows: n, columns: p)
        for j in 0..<p {
            let column = table.values.column(j)
            let mean = column.reduce(0, +) / Double(n)
            let sd = (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
            guard sd > 0 else { throw ParseError(message: "\(source): column \(j + 1) (\(names[j])) is constant") }
            for i in 0..<n { x.storage[i + j * n] = (column[i] - mean) / sd }
        }
        featureNames = Array(names.prefix(p))
        targetName = names[p]
        self.x = x
        y = table.values.column(p)
    }

    /// scikit-learn's diabetes data (442 × 10, target: disease progression), the copy the tests
    /// use too (a resource of _TestSupport).
    public static func diabetes() throws(ParseError) -> CSVDataset {
        try CSVDataset(table: diabetesTable())
    }

    /// The shipped diabetes file as read, in raw units (the lasso comparison uses it unscaled).
    static func diabetesTable() throws(ParseError) -> CSVTable {
        do { return try CSVReader.read(contentsOf: Datasets.diabetesPath) } catch { throw ParseError(message: error.description) }
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
