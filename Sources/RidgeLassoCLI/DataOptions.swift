import ArgumentParser
import RidgeLasso
import RidgeLassoCSV

/// The options every fitting subcommand shares: the CSV file, how it is read and which of its
/// columns are used, the response column, the intercept and standardization.
struct DataOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "CSV file: a header row of column names (an empty first name makes the first column row names), then the rows (at most \(CSVReader.maximumColumns) columns and \(CSVReader.maximumLineBytes >> 20) MiB per line).",
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

    @OptionGroup var columns: ColumnSelection

    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Text columns to one-hot encode (one 0/1 feature per level, named col=level), or 'auto' for every feature column that holds text.",
        valueName: "col,…|auto"))
    var categorical: [String] = []

    @OptionGroup var reading: ReadingOptions

    @Flag(name: .customLong("no-intercept"), help: "Fit no intercept: b = 0, X and y are not centered.")
    var noIntercept = false

    @Flag(help: "Scale each feature to unit variance before fitting (coefficients are reported on the original scale).")
    var standardize = false

    /// Whether an intercept is fitted.
    var fitIntercept: Bool { !noIntercept }
}

/// Which columns of a CSV file are used: `--drop` and `--features`, shared by every command that
/// reads one (`stats` included).
struct ColumnSelection: ParsableArguments {
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Columns that are not used at all (repeat it or give a comma-separated list).", valueName: "col,…"))
    var drop: [String] = []

    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "The feature columns (default: every column but the target, the weights and those dropped).", valueName: "col,…"))
    var features: [String] = []
}
