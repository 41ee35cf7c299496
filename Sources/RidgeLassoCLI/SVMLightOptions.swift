import ArgumentParser
import RidgeLassoCSV

/// The format of a data file.
enum InputFormat: String, CaseIterable, ExpressibleByArgument {
    /// A header row of column names, then numeric rows (``CSVReader``).
    case csv
    /// svmlight / libsvm: `label index:value …` per line, 1-based indices (``SVMLightReader``).
    case svmlight
}

/// `--format` and `--n-features`, shared by `fit`, `path`, `cv` and `predict`.
struct SVMLightOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "csv or svmlight (default: svmlight for the extensions .svm, .svmlight and .libsvm, csv otherwise).",
        valueName: "format"))
    var format: InputFormat?

    @Option(name: .customLong("n-features"), parsing: .unconditional, help: ArgumentHelp(
        "svmlight: the number of features P (indices 1…P; a larger index is an error). Default: the largest index in the file.",
        valueName: "P"))
    var featureCount: Int?

    /// The extensions read as svmlight unless `--format` says otherwise.
    static let svmlightExtensions = ["svm", "svmlight", "libsvm"]

    mutating func validate() throws {
        if let featureCount, featureCount < 1 || featureCount > SVMLightReader.maximumFeatures {
            throw ValidationError("--n-features must lie in [1, \(SVMLightReader.maximumFeatures)] (got \(featureCount))")
        }
    }

    /// The format of `file`: `--format` when given, else by the extension.
    func format(of file: String) -> InputFormat {
        if let format { return format }
        guard let dot = file.lastIndex(of: "."), !file[dot...].contains("/") else { return .csv }
        let ext = file[file.index(after: dot)...].lowercased()
        return Self.svmlightExtensions.contains(ext) ? .svmlight : .csv
    }

    /// Refuses `--n-features` for a CSV file (its header gives the width).
    /// - Throws: ``CLIError`` (exit status 2).
    func checkApplies(to file: String) throws {
        if format(of: file) == .csv, featureCount != nil {
            throw CLIError.usage("--n-features applies to svmlight input, not to the CSV file \(file)")
        }
    }
}
