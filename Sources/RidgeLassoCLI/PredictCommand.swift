import ArgumentParser
import Foundation
import LinearAlgebra
import RidgeLasso
import RidgeLassoCSV

/// `ridgelasso predict`: predictions ŷ = Xw + b of a saved model for the rows of a CSV file.
struct PredictCommand: OutputProducingCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict with a model written by `fit --output`, one value per CSV row.",
        discussion: """
        Computes ŷ = Xw + b for every row, where w and b come from the model file (whichever \
        objective produced them: ridge ‖y − Xw − b‖² + α‖w‖², lasso (1/(2n))‖y − Xw − b‖² + α‖w‖₁, \
        or elastic net). Feature columns are matched by name: the file may hold them in any order \
        and extra columns (such as the response) are ignored; a missing one is an error.
        
        Output: CSV with the header `prediction` and one value per data row, in row order, each \
        written so that it reads back exactly.
        
        \(ExitStatus.text)
        """
    )

    @Option(help: ArgumentHelp("The model JSON written by `ridgelasso fit --output`.", valueName: "model.json"))
    var model: String

    @Argument(help: ArgumentHelp("CSV file with a header row and the model's feature columns.", valueName: "file.csv"))
    var file: String

    @OptionGroup var input: SVMLightOptions

    func standardOutput() throws -> String {
        let saved = try ModelFile.read(model)
        if input.format(of: file) == .svmlight { return try sparsePredictions(saved) }
        try input.checkApplies(to: file)
        let table = try CSVReader.read(contentsOf: file)
        var indices: [Int] = []
        for name in saved.features {
            guard let j = table.columnIndex(named: name) else {
                throw CLIError.data("\(file): no column \(quoted(name)), a feature of the model in \(model) "
                    + "(the model needs \(list(saved.features)))")
            }
            indices.append(j)
        }
        let n = table.values.rows
        let x: Matrix
        do { x = try ColumnCompaction.columns(indices, of: (consume table).values.storage, rows: n) } catch {
            throw CLIError.data("\(file): \(error)")
        }
        let predictor = SavedPredictor(coefficients: saved.coefficients, intercept: saved.intercept)
        let predictions: [Double]
        do {
            predictions = try predictor.predict(x)
        } catch {
            throw CLIError.data("\(file): \(error.description)")
        }
        var out = "prediction\n"
        out.reserveCapacity(predictions.count * 22)
        for value in predictions {
            out += value.description
            out += "\n"
        }
        return out
    }
}

/// A linear model rebuilt from stored coefficients.
struct SavedPredictor: LinearPredictor {
    let coefficients: [Double]
    let intercept: Double
}
