import ArgumentParser
import Foundation
import LinearAlgebra
import RidgeLasso
import RidgeLassoCSV
import RidgeLassoPlots

/// `ridgelasso cv`: chooses α (and the l1 ratio) by cross-validation, refits, and prints the
/// model with the whole cross-validation curve as one JSON object.
struct CVCommand: OutputProducingCommand {
    static let configuration = CommandConfiguration(
        commandName: "cv",
        abstract: "Choose α by cross-validation (exact leave-one-out for ridge), refit, and print JSON.",
        discussion: """
        \(Objectives.text)
        
        Ridge: every α of the grid is scored by exact leave-one-out from one eigendecomposition \
        (the residual of row i under the model fitted without it, eᵢ/(1 − Hᵢᵢ), intercept \
        included); with --folds K by K-fold cross-validation instead. Default grid: --n-alphas \
        values log-spaced from 10⁴·t down to 10⁻⁶·t, t = tr(XcᵀXc)/p.
        Lasso and elastic net: K-fold cross-validation (default 5 folds) along one α grid \
        computed on all rows (glmnet's cv.glmnet): α_max = maxⱼ |xⱼᵀ(y − ȳ)|/(n r), then \
        --n-alphas values log-spaced down to --eps·α_max; each fold's path is warm-started. \
        --l1-ratio may be repeated (or given as a comma-separated list): the ratio with the \
        lowest cross-validated error wins. Folds are a seeded shuffle (--seed), the same on \
        every machine.
        
        The error of a fold is the (weighted) mean squared error on its held-out rows; the \
        curve is the weighted mean over folds with its standard error (glmnet's cvm, cvsd). \
        α_min has the lowest mean error; α_1se is the largest α within one standard error of \
        it (--rule 1se picks it: a simpler model that is statistically as good).
        
        Output: one JSON object on one line, the fields of `fit` for the refit model at the \
        chosen α (so --output writes a file `ridgelasso predict --model` reads), then
          "criterion":"leave_one_out" or "kfold","folds":K,"seed":S,"rule":"min",
          "alpha_min":…,"alpha_1se":…,"alphas":[…],"mean_errors":[…],"standard_errors":[…]
        and, for lasso and elastic net, "all_converged" (every fold path and the full path met \
        the stopping rule at every α) and, with several l1 ratios, "curves" (one per ratio). \
        Ridge's leave-one-out standard error treats each row as a fold. --timing adds \
        "selection_seconds" (the selection and refit, without reading the file).
        --plot writes the cross-validation curve (mean error ± one standard error against \
        log α, α_min and α_1se marked) as a standalone SVG file.
        
        \(ExitStatus.text)
        """
    )

    @Option(help: ArgumentHelp("ridge, lasso or elasticnet.", valueName: "model"))
    var model: ModelKind

    @Option(parsing: .unconditional, help: ArgumentHelp("Comma-separated α values to use instead of the default grid (at most \(AlphaGrid.maximumCount)).", valueName: "a,b,c"))
    var alphas: String?

    @Option(name: .customLong("n-alphas"), parsing: .unconditional, help: ArgumentHelp("Number of α values in the default grid (at most \(AlphaGrid.maximumCount)).", valueName: "N"))
    var alphaCount: Int = 100

    @Option(name: .customLong("eps"), parsing: .unconditional, help: ArgumentHelp("α_min / α_max of the default lasso and elastic-net grid, in (0, 1).", valueName: "E"))
    var epsilon: Double = 1e-3

    @Option(name: .customLong("l1-ratio"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Elastic net's r ∈ [0, 1] (default 0.5); repeat it or give a comma-separated list to choose among several.", valueName: "R"))
    var l1Ratios: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of folds, 2 ≤ K ≤ min(rows, \(OptionChecks.maximumFolds)) (lasso and elastic net: default 5; ridge: default exact leave-one-out).", valueName: "K"))
    var folds: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed of the fold shuffle.", valueName: "S"))
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Which α to refit at: min (α_min) or 1se (α_1se).", valueName: "rule"))
    var rule: SelectionRule = .minimum

    @OptionGroup var data: DataOptions

    @OptionGroup var input: SVMLightOptions

    @OptionGroup var stopping: CoordinateDescentOptions

    @Option(help: ArgumentHelp("Column of non-negative sample weights (not a feature).", valueName: "column"))
    var weights: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Threads for the folds (default: all cores); the results do not depend on it.", valueName: "N"))
    var threads: Int?

    @Option(help: ArgumentHelp("Also write the refit model JSON to this file.", valueName: "model.json"))
    var output: String?

    @Option(help: ArgumentHelp("Also write the cross-validation curve to this SVG file.", valueName: "cv.svg"))
    var plot: String?

    @Option(help: ArgumentHelp(
        "Select α from statistics written by `ridgelasso stats` instead of a CSV file: K-fold when they hold folds (lasso and elastic net need them), otherwise GCV for ridge.",
        valueName: "S.rlstats"))
    var stats: String?

    @Option(name: .customLong("loo-data"), help: ArgumentHelp(
        "With --model ridge --stats: read the rows again from this CSV file (- for standard input) for exact leave-one-out; weighted statistics need --weights.",
        valueName: "file.csv"))
    var looData: String?

    @Flag(help: "Add \"selection_seconds\" to the output.")
    var timing = false

    mutating func validate() throws {
        if stats == nil { try data.requireFile() }
        try StatisticsCV.validate(self)
        guard alphaCount >= 1, alphaCount <= AlphaGrid.maximumCount else {
            throw ValidationError("--n-alphas must lie in [1, \(AlphaGrid.maximumCount)] (got \(alphaCount))")
        }
        guard epsilon.isFinite, epsilon > 0, epsilon < 1 else {
            throw ValidationError("--eps must lie in (0, 1) (got \(epsilon))")
        }
        if let folds { try OptionChecks.folds(folds) }
        if let threads, threads < 1 { throw ValidationError("--threads must be ≥ 1 (got \(threads))") }
        let grid = try alphas.map(OptionChecks.alphaList)
        let ratios = try ratioList()
        switch model {
        case .ridge:
            if stopping.isSet { throw ValidationError("--tol and --max-iter apply to lasso and elasticnet; ridge is solved exactly") }
            if let grid, let bad = grid.first(where: { $0 <= 0 }) {
                throw ValidationError("--alphas for ridge cross-validation must be > 0 (got \(bad))")
            }
        case .lasso, .elasticnet:
            if grid == nil, ratios.contains(0) {
                throw ValidationError("--l1-ratio 0 has no α_max (it is infinite for pure l2): give the grid with --alphas")
            }
        }
    }

    /// The l1 ratios: none for ridge, [1] for lasso, the given ones (default [0.5]) for elastic net.
    func ratioList() throws -> [Double] {
        var values: [Double] = []
        for text in l1Ratios {
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                let item = part.trimmingCharacters(in: .whitespaces)
                guard let r = Double(item) else {
                    throw ValidationError("--l1-ratio: \(quoted(item)) is not a number (expected e.g. 0.5 or 0.2,0.8)")
                }
                try OptionChecks.l1Ratio(r)
                values.append(r)
            }
        }
        switch model {
        case .ridge:
            if !values.isEmpty { throw ValidationError("--l1-ratio applies to --model elasticnet, not ridge") }
            return []
        case .lasso:
            if values.contains(where: { $0 != 1 }) {
                throw ValidationError("--l1-ratio is 1 for --model lasso; use --model elasticnet")
            }
            return [1]
        case .elasticnet:
            return values.isEmpty ? [0.5] : values
        }
    }

    func standardOutput() throws -> String {
        try OutputFile.checkDistinct(input: data.file, outputs: [("--output", output), ("--plot", plot)])
        let grid = try alphas.map(OptionChecks.alphaList)
        let ratios = try ratioList()
        let start = ContinuousClock.now
        var selection: Selection
        let targetName: String
        if let stats {
            (selection, targetName) = model == .ridge
                ? try StatisticsCV.ridge(self, path: stats, grid: grid)
                : try StatisticsCV.elasticNet(self, path: stats, grid: grid, ratios: ratios)
        } else if let sparse = try SparseDesign.loadIfSVMLight(data, input, weights: weights) {
            targetName = sparse.targetName
            selection = try sparseSelection(sparse, grid: grid, ratios: ratios)
        } else {
            try input.checkApplies(to: data.file)
            let design = try Design.load(data, weightsColumn: weights)
            targetName = design.targetName
            selection = try design.explainingErrors { () throws(RegressionError) -> Selection in
                switch model {
                case .ridge: return try selectRidge(design, grid: grid)
                case .lasso, .elasticnet: return try selectElasticNet(design, grid: grid, ratios: ratios)
                }
            }
        }
        if timing {
            let (s, atto) = (ContinuousClock.now - start).components
            selection.members.append(("selection_seconds", .number(Double(s) + Double(atto) * 1e-18)))
        }
        let json = JSONValue.object(selection.members).encoded() + "\n"
        if let output { try OutputFile.write(json, to: output, what: "model") }
        if let plot {
            try OutputFile.write(CVPlot.svg(curves: selection.curves, model: model, target: targetName,
                                            chosenAlpha: selection.alpha), to: plot, what: "plot")
        }
        return json
    }

    /// The JSON members and the curves to draw.
    struct Selection {
        var members: [(String, JSONValue)]
        let curves: [(label: String?, curve: CrossValidationCurve)]
        let alpha: Double
    }

    private func selectRidge(_ design: Design, grid: [Double]?) throws(RegressionError) -> Selection {
        var scaling: ColumnScaling? = nil
        if data.standardize { scaling = ColumnScaling(design: design, fitIntercept: data.fitIntercept) }
        let x = scaling?.scaled ?? design.x
        let alphaGrid: [Double]
        if let grid { alphaGrid = grid } else {
            alphaGrid = try RidgeCV.defaultAlphas(for: x, sampleWeights: design.weights,
                                                  fitIntercept: data.fitIntercept, count: alphaCount)
        }
        let result = try ridgeCV(alphaGrid).fit(x, design.y, sampleWeights: design.weights)
        return ridgeSelection(result, features: design.features, target: design.targetName, encodings: design.encodings,
                              originalScale: scaling.map { s in s.originalScale })
    }

    /// The ridge selection this command describes, over `alphas`.
    func ridgeCV(_ alphas: [Double]) -> RidgeCV {
        let criterion: RidgeSelectionCriterion = folds.map { .kFold(.shuffled(count: $0, seed: seed)) } ?? .leaveOneOut
        return RidgeCV(alphas: alphas, fitIntercept: data.fitIntercept, criterion: criterion, rule: rule, threads: threads)
    }

    /// The JSON members of a ridge selection; `originalScale` maps standardized coefficients back.
    func ridgeSelection(
        _ result: RidgeCVResult, features: [String], target: String, encodings: [CategoricalEncoding] = [],
        originalScale: (([Double]) -> [Double])?
    ) -> Selection {
        var refit = result.model
        if let originalScale { refit = refit.withCoefficients(originalScale(refit.coefficients)) }
        var members = ridgeMembers(refit, features: features, target: target, encodings: encodings)
        members += curveMembers(result.curve, criterion: folds == nil ? "leave_one_out" : "kfold")
        if let gcv = result.generalizedCrossValidation { members.append(("gcv", .numbers(gcv))) }
        return Selection(members: members, curves: [(nil, result.curve)], alpha: result.alpha)
    }

    private func selectElasticNet(_ design: Design, grid: [Double]?, ratios: [Double]) throws(RegressionError) -> Selection {
        let cv = elasticNetCV(grid: grid, ratios: ratios, folds: .shuffled(count: folds ?? 5, seed: seed))
        let result = try cv.fit(design.x, design.y, sampleWeights: design.weights)
        return elasticNetSelection(result, features: design.features, target: design.targetName,
                                   encodings: design.encodings, ratios: ratios,
                                   criterion: kFoldCriterion(folds: folds ?? 5, seed: seed))
    }

    /// The lasso and elastic-net cross-validation of the options, on a grid and l1 ratios
    /// checked in validate() (folds set by the caller).
    func elasticNetCV(grid: [Double]?, ratios: [Double], folds: CrossValidationFolds) -> ElasticNetCV {
        var cv = ElasticNetCV(l1Ratios: ratios, alphas: grid, alphaCount: alphaCount, epsilon: epsilon,
                              folds: folds, rule: rule,
                              fitIntercept: data.fitIntercept, standardize: data.standardize, threads: threads)
        let configured = stopping.configured(ElasticNet(tolerance: cv.tolerance, maximumIterations: cv.maximumIterations))
        cv.tolerance = configured.tolerance
        cv.maximumIterations = configured.maximumIterations
        return cv
    }

    /// The members `"criterion":"kfold","folds":K,"seed":S` (S null for folds from a column).
    func kFoldCriterion(folds: Int, seed: UInt64?) -> [(String, JSONValue)] {
        let seedValue: JSONValue = seed.map { $0 <= UInt64(Int.max) ? .integer(Int($0)) : .string(String($0)) } ?? .null
        return [("criterion", .string("kfold")), ("folds", .integer(folds)), ("seed", seedValue)]
    }

    /// The JSON and curves of a lasso or elastic-net cross-validation (from rows or statistics).
    func elasticNetSelection(
        _ result: ElasticNetCVResult, features: [String], target: String, encodings: [CategoricalEncoding] = [],
        ratios: [Double], criterion: [(String, JSONValue)]
    ) -> Selection {
        var members = elasticNetMembers(model, result.model, features: features, target: target, encodings: encodings)
        members += criterion + [("rule", .string(rule.rawValue))] + curveFields(result.curve)
        members.append(("all_converged", .bool(result.allConverged)))
        if ratios.count > 1 {
            members.append(("curves", .array(zip(result.l1Ratios, result.curves).map { r, c in
                .object([("l1_ratio", .number(r))] + curveFields(c))
            })))
        }
        let labelled = zip(result.l1Ratios, result.curves).map { r, c in
            (label: ratios.count > 1 ? "l1 ratio \(r)" : nil as String?, curve: c)
        }
        return Selection(members: members, curves: labelled, alpha: result.alpha)
    }

    private func curveMembers(_ c: CrossValidationCurve, criterion: String) -> [(String, JSONValue)] {
        let members = criterion == "kfold" ? kFoldCriterion(folds: folds ?? 5, seed: seed) : [("criterion", .string(criterion))]
        return members + [("rule", .string(rule.rawValue))] + curveFields(c)
    }

    func curveFields(_ c: CrossValidationCurve) -> [(String, JSONValue)] {
        [
            ("alpha_min", .number(c.alphaMin)),
            ("alpha_1se", c.alphaOneStandardError.map { .number($0) } ?? .null),
            ("alphas", .numbers(c.alphas)),
            ("mean_errors", .numbers(c.meanErrors)),
            ("standard_errors", c.standardErrors.map { .numbers($0) } ?? .null),
        ]
    }
}

extension SelectionRule: ExpressibleByArgument {}
