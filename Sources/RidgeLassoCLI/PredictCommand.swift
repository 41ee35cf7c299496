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
        
        A model fitted with --categorical records each column's levels: its rows are one-hot \
        encoded the same way, and a level the model has not seen is an error naming the cell.
        
        Output: CSV with the header `prediction` and one value per data row, in row order, each \
        written so that it reads back exactly. When the file has row names (an empty first header \
        cell) they come first, under an empty name, and the --keep columns follow, as read; rows \
        left out by --na omit have no line.
        
        \(ExitStatus.text)
        """
    )

    @Option(help: ArgumentHelp("The model JSON written by `ridgelasso fit --output`.", valueName: "model.json"))
    var model: String

    @Argument(help: ArgumentHelp("CSV file with a header row and the model's feature columns.", valueName: "file.csv"))
    var file: String

    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Columns copied to the output before the prediction (repeat it or give a comma-separated list).", valueName: "col,…"))
    var keep: [String] = []

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var input: SVMLightOptions

    func standardOutput() throws -> String {
        let saved = try ModelFile.read(model)
        if input.format(of: file) == .svmlight {
            if !keep.isEmpty { throw CLIError.usage("--keep names CSV columns; an svmlight file has none") }
            return try sparsePredictions(saved)
        }
        try input.checkApplies(to: file)
        let source = try CSVSource(contentsOf: file, options: reading.csvOptions)
        let names = source.columnNames
        // Where each feature of the model comes from: a numeric column, or one level of a
        // categorical column.
        var indicator: [String: (encoding: Int, level: Int)] = [:]
        for (e, encoding) in saved.categorical.enumerated() {
            for (l, name) in encoding.featureNames.enumerated() { indicator[name] = (e, l) }
        }
        var types: [Int: CSVColumnType] = [:]
        var origins: [(column: Int, level: Int?)] = []
        for name in saved.features {
            if let (e, l) = indicator[name] {
                let encoding = saved.categorical[e]
                guard let j = names.firstIndex(of: encoding.column) else {
                    throw CLIError.data("\(file): no column \(quoted(encoding.column)), a categorical column of the model in \(model)")
                }
                types[j] = .levels(encoding.levels)
                origins.append((j, l))
            } else {
                guard let j = names.firstIndex(of: name) else {
                    throw CLIError.data("\(file): no column \(quoted(name)), a feature of the model in \(model) "
                        + "(the model needs \(list(saved.features)))")
                }
                origins.append((j, nil))
            }
        }
        let kept = try Design.resolveColumns(keep, in: names, option: "--keep", file: file)
        // Rows left out have no prediction line: without ids beside them the output would no
        // longer line up with the input rows.
        if reading.na == .omitRow, !source.hasRowNames, kept.isEmpty {
            throw CLIError.usage("predict --na omit leaves rows out, so each prediction needs its row's id: "
                + "use a row-name column or --keep COL")
        }
        let used = Set(origins.map(\.column))
        for j in kept where !used.contains(j) { types[j] = .text }
        let chosen = used.union(kept).sorted()
        let table: CSVTable
        do { table = try source.read(columns: chosen, types: types) } catch {
            throw Design.explainReading(error, target: nil, columnOptions: [])
        }
        if !table.omittedRows.isEmpty {
            Notes.add("\(file): \(table.omittedRows.count) row\(table.omittedRows.count == 1 ? "" : "s") with a missing value left out (--na omit)")
        }
        let position = Dictionary(uniqueKeysWithValues: chosen.enumerated().map { ($1, $0) })
        let n = table.values.rows
        var storage = [Double](repeating: 0, count: n * origins.count)
        for (f, origin) in origins.enumerated() {
            let column = table.values.column(position[origin.column] ?? 0)
            if let level = origin.level {
                for i in 0..<n where Int(column[i]) == level { storage[i + f * n] = 1 }
            } else {
                for i in 0..<n { storage[i + f * n] = column[i] }
            }
        }
        let x: Matrix
        do { x = try Matrix(rows: n, columns: origins.count, columnMajor: storage) } catch {
            throw CLIError.data("\(file): \(error)")
        }
        let predictor = SavedPredictor(coefficients: saved.coefficients, intercept: saved.intercept)
        let predictions: [Double]
        do {
            predictions = try predictor.predict(x)
        } catch {
            throw CLIError.data("\(file): \(error.description)")
        }
        // The columns passed through: row names, then --keep (text as read, numbers exactly).
        var passed: [(header: String, cell: (Int) -> String)] = []
        if let rowNames = table.rowNames { passed.append(("", { rowNames[$0] })) }
        for j in kept {
            let k = position[j] ?? 0
            let values = table.values.column(k)
            if let levels = table.levels[k] {
                passed.append((names[j], { levels[Int(values[$0])] }))
            } else {
                passed.append((names[j], { values[$0].description }))
            }
        }
        var out = passed.isEmpty ? "prediction\n" : passed.map { csvField($0.header, header: true) }.joined(separator: ",") + ",prediction\n"
        out.reserveCapacity(predictions.count * 22)
        for (i, value) in predictions.enumerated() {
            for column in passed {
                out += csvField(column.cell(i), header: false)
                out += ","
            }
            out += value.description
            out += "\n"
        }
        return out
    }
}

/// `text` as one CSV field: quoted (with `""` for a quote) when it holds a comma, a quote, a line
/// break or surrounding blanks, and an empty header name written `""` as R writes it.
func csvField(_ text: String, header: Bool) -> String {
    let needsQuotes = (header && text.isEmpty) || text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        || text.first == " " || text.last == " " || text.first == "\t" || text.last == "\t"
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// A linear model rebuilt from stored coefficients.
struct SavedPredictor: LinearPredictor {
    let coefficients: [Double]
    let intercept: Double
}
