import LinearAlgebra
import RidgeLasso
import Foundation
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

    /// The one-hot encodings of the categorical features, in feature order (their indicator
    /// features are among ``features``).
    let encodings: [CategoricalEncoding]

    /// Reads the CSV file of `data` with its reading options and splits it into the response
    /// (`--target`, default the last column not dropped), the weights (`weightsColumn`, if given)
    /// and the features (`--features`, default all other columns not dropped, in file order), the
    /// categorical ones one-hot encoded (full one-hot, levels sorted; see ``CategoricalEncoding``).
    /// Queues a note when the target was not named, or rows with missing values were left out.
    /// - Throws: ``CSVError`` for a bad file; ``CLIError`` (exit status 1) for an unknown
    ///   column, a text or missing cell (with a hint naming the option that handles it), a file
    ///   with no feature column, or negative / all-zero weights.
    /// The most levels a categorical column may have (each becomes a dense indicator column).
    static let maximumLevels = 1000

    static func load(_ data: DataOptions, weightsColumn: String? = nil) throws -> Design {
        let source = try CSVSource(contentsOf: data.file, options: data.reading.csvOptions)
        let names = source.columnNames
        let file = source.source
        let roles = try columnRoles(names, target: data.target, weights: weightsColumn, drop: data.columns.drop,
                                    features: data.columns.features, file: file)
        var types: [Int: CSVColumnType] = [:]
        if data.categorical == ["auto"] {
            for j in roles.features { types[j] = .numericOrCategorical }
        } else {
            for j in try resolveColumns(data.categorical, in: names, option: "--categorical", file: file) {
                guard roles.features.contains(j) else {
                    throw CLIError.data("\(file): column \(quoted(names[j])) given to --categorical is not a feature "
                        + "(the target and the weights must be numeric)")
                }
                types[j] = .categorical
            }
        }
        let chosen = Set(roles.features + [roles.target] + (roles.weights.map { [$0] } ?? [])).sorted()
        let table: CSVTable
        do { table = try source.read(columns: chosen, types: types) } catch {
            throw explainReading(error, target: names[roles.target])
        }
        if data.target == nil {
            Notes.add("the target is the last column, \(quoted(names[roles.target])) (name another with --target)")
        }
        if !table.omittedRows.isEmpty {
            let rows = table.omittedRows
            let shown = rows.prefix(5).map(String.init).joined(separator: ", ") + (rows.count > 5 ? ", …" : "")
            Notes.add("\(file): left out \(rows.count) row\(rows.count == 1 ? "" : "s") with a missing value (--na omit): row\(rows.count == 1 ? "" : "s") \(shown)")
        }
        let position = Dictionary(uniqueKeysWithValues: chosen.enumerated().map { ($1, $0) })
        let n = table.values.rows
        let targetPosition = position[roles.target] ?? 0
        let weightPosition = roles.weights.flatMap { position[$0] }
        let featurePositions = roles.features.compactMap { position[$0] }
        let levels = table.levels
        let rowNumbers = table.omittedRows.isEmpty ? nil : Self.keptRows(n + table.omittedRows.count, omitted: table.omittedRows)
        // Take the storage over without a copy, read y and the weights out of it, then move the
        // feature columns down over the others in place: numeric features never exist twice.
        let storage = (consume table).values.storage
        let y = Array(storage[(targetPosition * n)..<((targetPosition + 1) * n)])
        var weights: [Double]?
        if let weightIndex = roles.weights, let weightPosition {
            let w = Array(storage[(weightPosition * n)..<((weightPosition + 1) * n)])
            if let i = w.firstIndex(where: { $0 < 0 }) {
                let row = rowNumbers?[i] ?? i + 1
                throw CLIError.data("\(file): line \(row + 1) (row \(row)), column \(weightIndex + 1 + (source.hasRowNames ? 1 : 0)) "
                    + "\(quoted(names[weightIndex])): negative weight \(w[i])")
            }
            guard w.contains(where: { $0 > 0 }) else {
                throw CLIError.data("\(file): every weight in column \(quoted(names[weightIndex])) is zero")
            }
            weights = w
        }
        var features: [String] = []
        var featureColumns: [Int] = []
        var encodings: [CategoricalEncoding] = []
        let x: Matrix
        do {
            if featurePositions.allSatisfy({ levels[$0] == nil }) {
                features = roles.features.map { names[$0] }
                featureColumns = roles.features.map { $0 + 1 + (source.hasRowNames ? 1 : 0) }
                x = try ColumnCompaction.columns(featurePositions, of: storage, rows: n)
            } else {
                var columns: [Double] = []
                for (j, k) in zip(roles.features, featurePositions) {
                    let column = storage[(k * n)..<((k + 1) * n)]
                    let fileColumn = j + 1 + (source.hasRowNames ? 1 : 0)
                    guard let seen = levels[k] else {
                        columns += column
                        features.append(names[j])
                        featureColumns.append(fileColumn)
                        continue
                    }
                    let sorted = seen.sorted()
                    // An identifier or free-text column is not a category: n indicator columns
                    // would make the design n × n.
                    guard sorted.count <= Self.maximumLevels else {
                        throw CLIError.data("\(file): column \(quoted(names[j])) has \(sorted.count) distinct values, more than "
                            + "the \(Self.maximumLevels) levels a categorical column may have; --drop it if it is an identifier")
                    }
                    let rank = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
                    let recode = seen.map { Double(rank[$0] ?? 0) }
                    let encoding = CategoricalEncoding(column: names[j], levels: sorted)
                    columns += encoding.indicators(codes: column.map { recode[Int($0)] })
                    features += encoding.featureNames
                    featureColumns += Array(repeating: fileColumn, count: sorted.count)
                    encodings.append(encoding)
                }
                x = try Matrix(rows: n, columns: features.count, columnMajor: columns)
            }
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.data("\(file): \(error)")
        }
        var seen = Set<String>()
        for name in features where !seen.insert(name).inserted {
            throw CLIError.data("\(file): two features are named \(quoted(name)) (an indicator of --categorical and a column); rename the column")
        }
        return Design(
            file: file,
            features: features,
            featureColumns: featureColumns,
            x: x,
            targetName: names[roles.target],
            y: y,
            weights: weights,
            encodings: encodings
        )
    }

    /// The 1-based data row numbers of the rows kept out of `total`, `omitted` left out.
    private static func keptRows(_ total: Int, omitted: [Int]) -> [Int] {
        let left = Set(omitted)
        return (1...max(total, 1)).filter { !left.contains($0) }
    }

    /// A reader's error restated for the command line: a text cell or a missing value gets a
    /// hint naming the option that handles it.
    /// `columnOptions` are those the command has (`--drop`, `--categorical`).
    static func explainReading(_ error: CSVError, target: String?,
                               columnOptions: Set<String> = ["--drop", "--categorical"]) -> any Error {
        switch error {
        case .notANumber(_, _, _, _, let name, let text) where !text.isEmpty && columnOptions.contains("--drop"):
            if name == target { return CLIError.data("\(error.description) (the target must be numeric)") }
            let encode = columnOptions.contains("--categorical") ? " or one-hot encode it with --categorical \(quoted(name))" : ""
            return CLIError.data("\(error.description); drop the column with --drop \(quoted(name))\(encode)")
        case .missingValue:
            return CLIError.data("\(error.description); --na omit leaves out the rows with missing values")
        default:
            return error
        }
    }

    /// The columns `values` name, each a column name or a comma-separated list of them.
    /// - Throws: ``CLIError`` (exit status 1) naming `option` and the unknown column.
    static func resolveColumns(_ values: [String], in names: [String], option: String, file: String) throws -> [Int] {
        var out: [Int] = []
        for value in values {
            let parts = names.contains(value) ? [value]
                : value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            for part in parts {
                guard let j = names.firstIndex(of: part) else {
                    throw CLIError.data("\(file): no column named \(quoted(part)) for \(option) (columns: \(list(names)))")
                }
                if !out.contains(j) { out.append(j) }
            }
        }
        return out
    }

    /// The columns' roles from the command line: the response (`target`, default the last
    /// column not dropped), the weights (`weights`, if given) and the features (`features`, or
    /// all other columns not dropped, in file order).
    /// - Throws: ``CLIError`` (exit status 1) for an unknown column, a column that would have two
    ///   roles (or be dropped and used), or no feature column left; `file` names the input in the message.
    static func columnRoles(
        _ names: [String], target: String?, weights: String?, drop: [String] = [], features: [String] = [], file: String
    ) throws -> (target: Int, weights: Int?, features: [Int]) {
        let dropped = Set(try resolveColumns(drop, in: names, option: "--drop", file: file))
        func checkNotDropped(_ j: Int, _ option: String) throws {
            if dropped.contains(j) {
                throw CLIError.data("\(file): column \(quoted(names[j])) is given to both \(option) and --drop")
            }
        }
        let targetIndex: Int
        if let target {
            guard let index = names.firstIndex(of: target) else {
                throw CLIError.data("\(file): no column named \(quoted(target)) for --target (columns: \(list(names)))")
            }
            try checkNotDropped(index, "--target")
            targetIndex = index
        } else {
            guard let last = names.indices.last(where: { !dropped.contains($0) }) else {
                throw CLIError.data("\(file): --drop leaves no column (the file has only \(list(names)))")
            }
            targetIndex = last
        }
        var weightIndex: Int?
        if let weights {
            guard let index = names.firstIndex(of: weights) else {
                throw CLIError.data("\(file): no column named \(quoted(weights)) for --weights (columns: \(list(names)))")
            }
            guard index != targetIndex else {
                throw CLIError.data("\(file): column \(quoted(weights)) cannot be both the target and the weights")
            }
            try checkNotDropped(index, "--weights")
            weightIndex = index
        }
        var featureIndices: [Int]
        if features.isEmpty {
            featureIndices = (0..<names.count).filter { $0 != targetIndex && $0 != weightIndex && !dropped.contains($0) }
        } else {
            featureIndices = try resolveColumns(features, in: names, option: "--features", file: file).sorted()
            for j in featureIndices {
                try checkNotDropped(j, "--features")
                if j == targetIndex {
                    throw CLIError.data("\(file): column \(quoted(names[j])) is the target and cannot also be a feature"
                        + (target == nil ? " (the target is the last column unless --target names another)" : ""))
                }
                if j == weightIndex {
                    throw CLIError.data("\(file): column \(quoted(names[j])) is the weights and cannot also be a feature")
                }
            }
        }
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
