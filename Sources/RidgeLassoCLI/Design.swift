import LinearAlgebra
import RidgeLasso
import RidgeLassoCSV

/// The regression problem read from a CSV file: features X, response y, optional sample weights.
struct Design {
    /// The CSV file it came from (as given on the command line).
    let file: String
    /// Names of the feature columns, in file order.
    let features: [String]
    /// 1-based column numbers in the file of the features, for messages.
    let featureColumns: [Int]
    /// The features, n × p.
    let x: Matrix
    /// The response column's name.
    let targetName: String
    /// The response, n values.
    let y: [Double]
    /// The sample weights, when a weights column was named.
    let weights: [Double]?

    /// Reads `file` and splits it into the response (`target`, default the last column), the
    /// weights (`weightsColumn`, if given) and the features (all other columns, in file order).
    /// - Throws: ``CSVError`` for a bad file; ``CLIError`` (exit status 1) for an unknown
    ///   column, a file with no feature column, or negative / all-zero weights.
    static func load(file: String, target: String?, weightsColumn: String? = nil) throws -> Design {
        let table = try CSVReader.read(contentsOf: file)
        let names = table.columnNames
        let (targetIndex, weightIndex, featureIndices) = try columnRoles(names, target: target, weights: weightsColumn, file: file)
        let n = table.values.rows
        let file = table.source
        // Take the storage over without a copy, read y and the weights out of it, then move the
        // feature columns down over the others in place: the features never exist twice.
        let storage = (consume table).values.storage
        let y = Array(storage[(targetIndex * n)..<((targetIndex + 1) * n)])
        var weights: [Double]?
        if let weightIndex {
            let w = Array(storage[(weightIndex * n)..<((weightIndex + 1) * n)])
            if let i = w.firstIndex(where: { $0 < 0 }) {
                throw CLIError.data("\(file): line \(i + 2) (row \(i + 1)), column \(weightIndex + 1) "
                    + "\(quoted(names[weightIndex])): negative weight \(w[i])")
            }
            guard w.contains(where: { $0 > 0 }) else {
                throw CLIError.data("\(file): every weight in column \(quoted(names[weightIndex])) is zero")
            }
            weights = w
        }
        let x: Matrix
        do { x = try ColumnCompaction.columns(featureIndices, of: storage, rows: n) } catch {
            throw CLIError.data("\(file): \(error)")
        }
        return Design(
            file: file,
            features: featureIndices.map { names[$0] },
            featureColumns: featureIndices.map { $0 + 1 },
            x: x,
            targetName: names[targetIndex],
            y: y,
            weights: weights
        )
    }

    /// The columns' roles from the command line: the response (`target`, default the last
    /// column), the weights (`weights`, if given) and the features (all other columns, in order).
    /// - Throws: ``CLIError`` (exit status 1) for an unknown column, a column that would be both
    ///   target and weights, or no feature column left; `file` names the input in the message.
    static func columnRoles(
        _ names: [String], target: String?, weights: String?, file: String
    ) throws -> (target: Int, weights: Int?, features: [Int]) {
        let targetIndex: Int
        if let target {
            guard let index = names.firstIndex(of: target) else {
                throw CLIError.data("\(file): no column named \(quoted(target)) for --target (columns: \(list(names)))")
            }
            targetIndex = index
        } else {
            targetIndex = names.count - 1
        }
        var weightIndex: Int?
        if let weights {
            guard let index = names.firstIndex(of: weights) else {
                throw CLIError.data("\(file): no column named \(quoted(weights)) for --weights (columns: \(list(names)))")
            }
            guard index != targetIndex else {
                throw CLIError.data("\(file): column \(quoted(weights)) cannot be both the target and the weights")
            }
            weightIndex = index
        }
        let featureIndices = (0..<names.count).filter { $0 != targetIndex && $0 != weightIndex }
        guard !featureIndices.isEmpty else {
            throw CLIError.data("\(file): no feature columns (the file has only \(list(names)))")
        }
        return (targetIndex, weightIndex, featureIndices)
    }

    /// Runs a library call, restating its ``RegressionError`` with ``explain(_:)``.
    func explainingErrors<T>(_ body: () throws(RegressionError) -> T) throws(CLIError) -> T {
        do { return try body() } catch { throw explain(error) }
    }

    /// A library error restated with the feature's name where it names a column of X.
    func explain(_ error: RegressionError) -> CLIError {
        switch error {
        case .constantColumn(let j) where j >= 0 && j < features.count:
            return .data("\(file): feature \(quoted(features[j])) (column \(featureColumns[j])) is constant "
                + "and cannot be standardized")
        default:
            return .data("\(file): \(error.description)")
        }
    }
}

/// `name` in double quotes, control characters escaped, shortened: one line (as in CSV errors).
func quoted(_ name: String) -> String { CSVError.quoted(name) }

/// Column names for a message, quoted, at most 10 of them.
func list(_ names: [String]) -> String {
    let shown = names.prefix(10).map(quoted).joined(separator: ", ")
    return names.count > 10 ? shown + ", … (\(names.count) columns)" : shown
}
