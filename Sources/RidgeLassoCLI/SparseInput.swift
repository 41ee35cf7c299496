import LinearAlgebra
import RidgeLasso
import RidgeLassoCSV

/// The regression problem read from an svmlight file: a sparse X, the labels y, features named
/// by their index ("1", "2", …).
struct SparseDesign {
    /// The file it came from (as given on the command line).
    let file: String
    /// "1" … "P".
    let features: [String]
    let x: SparseMatrix
    let y: [Double]
    /// The response's name in messages and plots.
    let targetName = "label"

    /// Reads `data.file` when it is svmlight (``SVMLightOptions/format(of:)``), else returns nil.
    /// - Throws: ``CLIError``: exit status 2 for CSV-only options (`--target`, `--weights`), 1 for
    ///   a bad file (the reader's one-line message naming file, line and pair).
    static func loadIfSVMLight(_ data: DataOptions, _ input: SVMLightOptions, weights: String?) throws -> SparseDesign? {
        guard input.format(of: data.file) == .svmlight else { return nil }
        if data.target != nil {
            throw CLIError.usage("--target does not apply to svmlight input: the label is the first field of each line")
        }
        if weights != nil {
            throw CLIError.usage("--weights does not apply to svmlight input: it has no weights column")
        }
        let read = try load(data.file, features: input.featureCount)
        return SparseDesign(file: read.source, features: read.featureNames, x: read.x, y: read.labels)
    }

    /// Reads an svmlight file, its errors restated as one-line ``CLIError``s (exit status 1).
    static func load(_ file: String, features: Int?) throws -> SVMLightData {
        do { return try SVMLightReader.read(contentsOf: file, features: features) } catch {
            throw CLIError.data(error.description)
        }
    }

    /// Runs a library call, naming the file in its error.
    func explainingErrors<T>(_ body: () throws(RegressionError) -> T) throws(CLIError) -> T {
        do { return try body() } catch {
            if case .constantColumn(let j) = error, j >= 0, j < features.count {
                throw .data("\(file): feature \(quoted(features[j])) is constant and cannot be standardized")
            }
            throw .data("\(file): \(error.description)")
        }
    }
}

/// Where every model meets a sparse X: the one dispatch point of `fit`, `path` and `cv` on
/// svmlight input, each call naming the file in its error.
enum SparseModels {
    /// `estimator.fit(x, y)` on the sparse design.
    static func elasticNet(_ estimator: ElasticNet, _ design: SparseDesign) throws(CLIError) -> ElasticNetModel {
        try design.explainingErrors { () throws(RegressionError) in try estimator.fit(design.x, design.y) }
    }

    /// `estimator.path(x, y, alphas:count:epsilon:)` on the sparse design.
    static func elasticNetPath(
        _ estimator: ElasticNet, _ design: SparseDesign, alphas: [Double]?, count: Int, epsilon: Double
    ) throws(CLIError) -> ElasticNetPath {
        try design.explainingErrors { () throws(RegressionError) in
            try estimator.path(design.x, design.y, alphas: alphas, count: count, epsilon: epsilon)
        }
    }

    /// `cv.fit(x, y)` on the sparse design.
    static func elasticNetCV(_ cv: ElasticNetCV, _ design: SparseDesign) throws(CLIError) -> ElasticNetCVResult {
        try design.explainingErrors { () throws(RegressionError) in try cv.fit(design.x, design.y) }
    }

    /// Ridge at `alpha` with `--standardize` handled by scaling the stored values.
    static func ridge(_ ridge: Ridge, _ design: SparseDesign, standardize: Bool) throws(CLIError) -> RidgeModel {
        try design.explainingErrors { () throws(RegressionError) -> RidgeModel in
            guard standardize else { return try ridge.fit(design.x, design.y) }
            let scaling = try SparseColumnScaling(design.x, fitIntercept: ridge.fitIntercept)
            let model = try ridge.fit(scaling.scaled, design.y)
            return model.withCoefficients(scaling.originalScale(model.coefficients))
        }
    }
}

/// `--standardize` for ridge on a sparse X: each column's stored values divided by its scale sⱼ
/// (the 1/n standard deviation, or the root mean square without an intercept, as
/// ``ColumnScaling`` for a dense X); the pattern is unchanged, so the copy stays sparse.
///
/// A constant column (the same value stored in every row with an intercept; nothing stored
/// without one) has no scale: it keeps sⱼ = 1, and since centered (or all zero) it carries no
/// signal, its coefficient is 0, as glmnet reports it.
struct SparseColumnScaling {
    let scales: [Double]
    let scaled: SparseMatrix

    init(_ x: SparseMatrix, fitIntercept: Bool) throws(RegressionError) {
        let n = Double(x.rows)
        var scales = [Double](repeating: 1, count: x.columns)
        var values = x.values
        for j in 0..<x.columns {
            let (_, v) = x.column(j)
            let constant = v.isEmpty || (fitIntercept && v.count == x.rows && v.allSatisfy { $0 == v.first })
            if constant { continue }
            let mean = fitIntercept ? v.reduce(0, +) / n : 0
            // Σᵢ (xᵢⱼ − x̄ⱼ)²: the stored entries, and x̄ⱼ² for each row that stores none.
            var squares = v.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) }
            squares += mean * mean * (n - Double(v.count))
            let s = (squares / n).squareRoot()
            guard s > 0, s.isFinite else { continue }
            scales[j] = s
            for k in x.columnStarts[j]..<x.columnStarts[j + 1] { values[k] /= s }
        }
        self.scales = scales
        do {
            scaled = try SparseMatrix(rows: x.rows, columns: x.columns, columnStarts: x.columnStarts,
                                      rowIndices: x.rowIndices, values: values)
        } catch {
            throw .linearAlgebra(error)
        }
    }

    /// Coefficients of the scaled columns mapped back to the original ones: wⱼ = βⱼ/sⱼ.
    func originalScale(_ coefficients: [Double]) -> [Double] {
        zip(coefficients, scales).map { $0 / $1 }
    }
}

extension FitCommand {
    /// `fit` on svmlight input.
    func sparseObject(_ design: SparseDesign) throws -> JSONValue {
        switch model {
        case .ridge:
            let ridge = Ridge(alpha: alpha, fitIntercept: data.fitIntercept, solver: (solver ?? .auto).ridgeSolver)
            let fitted = try SparseModels.ridge(ridge, design, standardize: data.standardize)
            return .object(ridgeMembers(fitted, features: design.features, target: design.targetName))
        case .lasso, .elasticnet:
            let fitted = try SparseModels.elasticNet(elasticNet, design)
            return .object(elasticNetMembers(model, fitted, features: design.features, target: design.targetName))
        }
    }
}

extension CVCommand {
    /// `cv` on svmlight input.
    func sparseSelection(_ design: SparseDesign, grid: [Double]?, ratios: [Double]) throws -> Selection {
        switch model {
        case .ridge:
            return try design.explainingErrors { () throws(RegressionError) -> Selection in
                var scaling: SparseColumnScaling? = nil
                if data.standardize { scaling = try SparseColumnScaling(design.x, fitIntercept: data.fitIntercept) }
                let x = scaling?.scaled ?? design.x
                var alphas: [Double]
                if let grid { alphas = grid } else {
                    alphas = try RidgeCV.defaultAlphas(for: x, fitIntercept: data.fitIntercept, count: alphaCount)
                }
                let result = try ridgeCV(alphas).fit(x, design.y)
                return ridgeSelection(result, features: design.features, target: design.targetName,
                                      originalScale: scaling.map { s in s.originalScale })
            }
        case .lasso, .elasticnet:
            let cv = elasticNetCV(grid: grid, ratios: ratios, folds: .shuffled(count: folds ?? 5, seed: seed))
            let result = try SparseModels.elasticNetCV(cv, design)
            return elasticNetSelection(result, features: design.features, target: design.targetName, ratios: ratios,
                                       criterion: kFoldCriterion(folds: folds ?? 5, seed: seed))
        }
    }
}

extension PredictCommand {
    /// `predict` on svmlight input: the model's features must be svmlight indices ("1", "2", …);
    /// an index beyond the file's largest one is a feature that is 0 in every row.
    func sparsePredictions(_ saved: ModelFile) throws -> String {
        let data = try SparseDesign.load(file, features: input.featureCount)
        var w = [Double](repeating: 0, count: data.x.columns)
        for (name, coefficient) in zip(saved.features, saved.coefficients) {
            guard let index = Int(name), index >= 1, String(index) == name else {
                throw CLIError.data("\(model): feature \(quoted(name)) is not an svmlight index (1, 2, …), so \(file) cannot supply it")
            }
            if index <= w.count { w[index - 1] = coefficient }
        }
        let products: [Double]
        do { products = try data.x.multiply(w) } catch { throw CLIError.data("\(file): \(error.description)") }
        var out = "prediction\n"
        out.reserveCapacity(products.count * 22)
        for value in products {
            out += (value + saved.intercept).description
            out += "\n"
        }
        return out
    }
}
