import ArgumentParser
import Foundation
import RidgeLasso
import RidgeLassoCSV

/// `ridgelasso path`: the lasso or elastic-net solutions along a decreasing α grid, as JSON,
/// and optionally the coefficient-path picture as SVG.
struct PathCommand: OutputProducingCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Compute the lasso or elastic-net regularization path and print it as JSON.",
        discussion: """
        \(Objectives.text)
        
        The path solves the objective at each α of a decreasing grid, each fit warm-started from \
        the previous one. Default grid: α_max = maxⱼ |xⱼᵀ(y − ȳ)|/(n r), the smallest α whose \
        solution is all zeros (nothing is centered with --no-intercept; with --standardize each \
        column is measured in its own standard deviations), then --n-alphas values log-spaced \
        down to --eps·α_max. --alphas gives the grid instead (any order; sorted descending).
        
        Output: one JSON object on one line:
          {"alphas":[… descending …],"intercepts":[…],
           "coefficients":[[p values] per α],"features":[…],
           "model":"lasso","l1_ratio":1.0,
           "iterations":[…],"converged":[…],"duality_gaps":[…]}
        The last three report, per α, the coordinate-descent sweeps, whether the stopping rule \
        was met, and the duality gap (objective units). With --stats (statistics written by \
        `ridgelasso stats`, no rows) the path is solved by covariance updates on their Gram \
        matrix, on the same default grid, and "duality_gap_floors" gives each gap's rounding \
        floor (a gap computed from the statistics is never reported below it).
        --plot also writes the coefficient-path picture as a standalone SVG file: each \
        coefficient against −log₁₀ α (α decreasing to the right, from α_max where all are \
        zero), one labelled line per feature.
        
        \(ExitStatus.text)
        """
    )

    @Option(name: .customLong("model"), help: ArgumentHelp("lasso or elasticnet.", valueName: "model"))
    var modelChoice: PathModel

    /// The model named by --model (ridge is refused in `validate()` with a pointer to `fit`).
    var model: ModelKind { modelChoice.kind }

    @Option(name: .customLong("l1-ratio"), parsing: .unconditional, help: ArgumentHelp(
        "Elastic net's r ∈ [0, 1] (default 0.5; lasso is r = 1). r = 0 needs --alphas.", valueName: "R"))
    var l1Ratio: Double?

    @Option(name: .customLong("n-alphas"), parsing: .unconditional, help: ArgumentHelp("Number of α values in the default grid (at most \(AlphaGrid.maximumCount)).", valueName: "N"))
    var alphaCount: Int = 100

    @Option(name: .customLong("eps"), parsing: .unconditional, help: ArgumentHelp("α_min / α_max of the default grid, in (0, 1).", valueName: "E"))
    var epsilon: Double = 1e-3

    @Option(parsing: .unconditional, help: ArgumentHelp("Comma-separated α values to use instead of the default grid (at most \(AlphaGrid.maximumCount)).", valueName: "a,b,c"))
    var alphas: String?

    @OptionGroup var data: DataOptions

    @OptionGroup var input: SVMLightOptions

    @OptionGroup var stopping: CoordinateDescentOptions

    @Option(help: ArgumentHelp("Column of non-negative sample weights (not a feature).", valueName: "column"))
    var weights: String?

    @Option(help: ArgumentHelp("Also write the coefficient-path plot to this SVG file.", valueName: "path.svg"))
    var plot: String?

    @Option(help: ArgumentHelp(
        "Compute the path from statistics written by `ridgelasso stats` instead of a CSV file (covariance updates; the JSON adds \"duality_gap_floors\").",
        valueName: "S.rlstats"))
    var stats: String?

    mutating func validate() throws {
        if stats != nil {
            try checkStatisticsOptions(csvFile: data.csvFile, model: model, weights: weights, standardize: data.standardize)
        } else {
            try data.requireFile()
        }
        guard model != .ridge else {
            throw ValidationError("path supports --model lasso or elasticnet (ridge is solved exactly at any α with fit)")
        }
        let r = try OptionChecks.l1Ratio(l1Ratio, for: model) ?? 1
        guard alphaCount >= 1, alphaCount <= AlphaGrid.maximumCount else {
            throw ValidationError("--n-alphas must lie in [1, \(AlphaGrid.maximumCount)] (got \(alphaCount))")
        }
        guard epsilon.isFinite, epsilon > 0, epsilon < 1 else {
            throw ValidationError("--eps must lie in (0, 1) (got \(epsilon))")
        }
        if let alphas {
            _ = try OptionChecks.alphaList(alphas)
        } else if r == 0 {
            throw ValidationError("--l1-ratio 0 has no α_max (it is infinite for pure l2): give the grid with --alphas")
        }
    }

    func standardOutput() throws -> String {
        try OutputFile.checkDistinct(input: stats ?? data.file, outputs: [("--plot", plot)])
        let r = try OptionChecks.l1Ratio(l1Ratio, for: model) ?? 1
        let grid = try alphas.map(OptionChecks.alphaList)
        let estimator = stopping.configured(
            ElasticNet(alpha: 1, l1Ratio: r, fitIntercept: data.fitIntercept, standardize: data.standardize))
        let path: ElasticNetPath, features: [String], targetName: String
        var encodings: [CategoricalEncoding] = []
        if let stats {
            let all = try StatisticsFiles.load(stats, target: data.target).all
            do { path = try estimator.path(all, alphas: grid, count: alphaCount, epsilon: epsilon) } catch {
                throw CLIError.data("\(stats): \(error)")
            }
            (features, targetName) = (all.featureNames, all.targetNames[0])
        } else if let sparse = try SparseDesign.loadIfSVMLight(data, input, weights: weights) {
            path = try SparseModels.elasticNetPath(estimator, sparse, alphas: grid, count: alphaCount, epsilon: epsilon)
            (features, targetName) = (sparse.features, sparse.targetName)
        } else {
            try input.checkApplies(to: data.file)
            let design = try Design.load(data, weightsColumn: weights)
            path = try design.explainingErrors { () throws(RegressionError) in
                try estimator.path(design.x, design.y, alphas: grid, count: alphaCount, epsilon: epsilon,
                                   sampleWeights: design.weights)
            }
            (features, targetName) = (design.features, design.targetName)
            encodings = design.encodings
        }
        var members: [(String, JSONValue)] = [
            ("alphas", .numbers(path.alphas)),
            ("intercepts", .numbers(path.intercepts)),
            ("coefficients", .array(path.coefficients.map(JSONValue.numbers))),
            ("features", .strings(features)),
            ("model", .string(model.rawValue)),
            ("l1_ratio", .number(r)),
            ("iterations", .array(path.iterations.map { .integer($0) })),
            ("converged", .array(path.converged.map { .bool($0) })),
            ("duality_gaps", .numbers(path.dualityGaps)),
        ]
        if let floors = path.dualityGapFloors { members.append(("duality_gap_floors", .numbers(floors))) }
        members += targetMembers(targetName, encodings: encodings)
        let json = JSONValue.object(members).encoded() + "\n"
        if let plot {
            let svg = PathPlot.svg(path: path, features: features, model: model, target: targetName)
            try OutputFile.write(svg, to: plot, what: "plot")
        }
        return json
    }
}
