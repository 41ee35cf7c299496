import ArgumentParser
import RidgeLasso
import RidgeLassoCSV

/// The options every fitting subcommand shares: the CSV file, the response column, the intercept
/// and standardization.
struct DataOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "CSV file: a header row of column names, then numeric rows (at most \(CSVReader.maximumColumns) columns and \(CSVReader.maximumLineBytes >> 20) MiB per line).",
        valueName: "file.csv"))
    var csvFile: String?

    /// The CSV file; every command that reads one calls ``requireFile()`` in `validate()`
    /// (only `fit --stats` reads none).
    var file: String { csvFile ?? "" }

    /// Throws the parser's own message when the CSV file is missing.
    func requireFile() throws {
        guard csvFile != nil else { throw ValidationError("Missing expected argument '<file.csv>'") }
    }

    @Option(help: ArgumentHelp("The response column (default: the last column).", valueName: "name"))
    var target: String?

    @Flag(name: .customLong("no-intercept"), help: "Fit no intercept: b = 0, X and y are not centered.")
    var noIntercept = false

    @Flag(help: "Scale each feature to unit variance before fitting (coefficients are reported on the original scale).")
    var standardize = false

    /// Whether an intercept is fitted.
    var fitIntercept: Bool { !noIntercept }
}
