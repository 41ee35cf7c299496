import ArgumentParser
import Foundation
import LinearAlgebra
import RidgeLasso

/// `ridgelasso fit`: one model at one α, printed as one JSON object.
struct FitCommand: OutputProducingCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit ridge, lasso or elastic net at one α and print the model as JSON.",
        discussion: """
        \(Objectives.text)
        
        Output: one JSON object on one line, for example
          {"model":"lasso","alpha":0.1,"l1_ratio":1.0,"intercept":152.13,
           "features":["age",…],"coefficients":[…],"iterations":37,
           "converged":true,"duality_gap":1.2e-09}
        l1_ratio is 1.0 for lasso and absent for ridge; iterations, converged and duality_gap \
        (in objective units) are given for lasso and elastic net; ridge adds "solver" (the solver \
        actually used) and "rank" when the SVD found the design rank-deficient (rank < number of \
        features). Numbers are written so that they read back exactly; a non-finite value is null.
        --output writes the same object to a file that `ridgelasso predict --model` reads.
        
        --standardize penalizes the coefficients of columns scaled to unit standard deviation \
        (1/n convention; root mean square with --no-intercept), as glmnet does; coefficients are \
        reported on the original scale.
        
        \(ExitStatus.text)
        """
    )

    @Option(help: ArgumentHelp("ridge, lasso or elasticnet.", valueName: "model"))
    var model: ModelKind

    @Option(parsing: .unconditional, help: ArgumentHelp("The regularization strength α ≥ 0.", valueName: "A"))
    var alpha: Double

    @Option(name: .customLong("l1-ratio"), parsing: .unconditional, help: ArgumentHelp(
        "Elastic net's r ∈ [0, 1] (default 0.5; lasso is r = 1).", valueName: "R"))
    var l1Ratio: Double?

    @OptionGroup var data: DataOptions

    @OptionGroup var input: SVMLightOptions

    @Option(help: ArgumentHelp("Ridge solver: auto, cholesky, qr or svd (default auto).", valueName: "solver"))
    var solver: SolverChoice?

    @OptionGroup var stopping: CoordinateDescentOptions

    @Option(help: ArgumentHelp("Column of non-negative sample weights (not a feature).", valueName: "column"))
    var weights: String?

    @Option(help: ArgumentHelp("Also write the model JSON to this file.", valueName: "model.json"))
    var output: String?

    @Option(help: ArgumentHelp(
        "Fit from statistics written by `ridgelasso stats` instead of a CSV file (lasso and elastic net by covariance updates; the JSON adds \"duality_gap_floor\").", valueName: "S.rlstats"))
    var stats: String?

    mutating func validate() throws {
        if stats == nil { try data.requireFile() }
        try StatisticsFit.validate(self)
        try OptionChecks.alpha(alpha)
        _ = try OptionChecks.l1Ratio(l1Ratio, for: model)
        if solver != nil, model != .ridge {
            throw ValidationError("--solver applies to --model ridge, not \(model.rawValue)")
        }
        if stopping.isSet, model == .ridge {
            throw ValidationError("--tol and --max-iter apply to lasso and elasticnet; ridge is solved exactly")
        }
    }

    func standardOutput() throws -> String {
        if let stats {
            let object = model == .ridge
                ? try StatisticsFit.ridge(stats, alpha: alpha, fitIntercept: data.fitIntercept, target: data.target)
                : try StatisticsFit.elasticNet(self, path: stats)
            let json = object.encoded() + "\n"
            if let output { try OutputFile.write(json, to: output, what: "model") }
            return json
        }
        try OutputFile.checkDistinct(input: data.file, outputs: [("--output", output)])
        let object: JSONValue
        if let sparse = try SparseDesign.loadIfSVMLight(data, input, weights: weights) {
            object = try sparseObject(sparse)
        } else {
            try input.checkApplies(to: data.file)
            let design = try Design.load(data, weightsColumn: weights)
            object = try design.explainingErrors { () throws(RegressionError) in
                switch model {
                case .ridge: return try fitRidge(design)
                case .lasso, .elasticnet: return try fitElasticNet(design)
                }
            }
        }
        let json = object.encoded() + "\n"
        if let output { try OutputFile.write(json, to: output, what: "model") }
        return json
    }

    private func fitRidge(_ design: Design) throws(RegressionError) -> JSONValue {
        let ridge = Ridge(alpha: alpha, fitIntercept: data.fitIntercept, solver: (solver ?? .auto).ridgeSolver)
        let fitted: RidgeModel
        if data.standardize {
            let scaling = ColumnScaling(design: design, fitIntercept: data.fitIntercept)
            let m = try ridge.fit(scaling.scaled, design.y, sampleWeights: design.weights)
            fitted = m.withCoefficients(scaling.originalScale(m.coefficients))
        } else {
            fitted = try ridge.fit(design.x, design.y, sampleWeights: design.weights)
        }
        return .object(ridgeMembers(fitted, features: design.features, target: design.targetName, encodings: design.encodings))
    }

    /// The lasso or elastic net of the options (the l1 ratio checked in validate()).
    var elasticNet: ElasticNet {
        let r = model == .lasso ? 1 : (l1Ratio ?? 0.5)
        return stopping.configured(
            ElasticNet(alpha: alpha, l1Ratio: r, fitIntercept: data.fitIntercept, standardize: data.standardize))
    }

    private func fitElasticNet(_ design: Design) throws(RegressionError) -> JSONValue {
        let fitted = try elasticNet.fit(design.x, design.y, sampleWeights: design.weights)
        return .object(elasticNetMembers(model, fitted, features: design.features, target: design.targetName,
                                         encodings: design.encodings))
    }
}
