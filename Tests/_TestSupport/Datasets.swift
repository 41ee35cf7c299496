import Foundation
import LinearAlgebra

/// Data sets shared by the tests and the benchmark, each stored once in this target.
public enum Datasets {
    /// The diabetes data (scikit-learn's `load_diabetes` in original units: 442 patients, ten
    /// features and the target `progression`, disease progression after one year) as a CSV file with a header.
    /// Efron, Hastie, Johnstone & Tibshirani, "Least angle regression", Annals of Statistics 2004.
    public static var diabetesURL: URL {
        Bundle.module.url(forResource: "diabetes", withExtension: "csv")
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Data/diabetes.csv")
    }

    /// The path of ``diabetesURL``, for code that takes a path (the CSV reader, the CLI).
    public static var diabetesPath: String { diabetesURL.path }

    /// A numeric CSV file whose last column is the target, read with a plain split (no quoting):
    /// the design, the target and the header's names (empty when the first line is numbers).
    public static func numericCSV(_ url: URL) throws -> (x: Matrix, y: [Double], names: [String]) {
        let text = try String(contentsOf: url, encoding: .utf8)
        var names: [String] = []
        var rows: [[Double]] = []
        var y: [Double] = []
        for (k, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            let fields = cells.compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            if k == 0, fields.count != cells.count {
                names = cells.map { String($0) }
                continue
            }
            guard fields.count == cells.count, fields.count > 1 else { throw CocoaError(.fileReadCorruptFile) }
            rows.append(Array(fields.dropLast()))
            y.append(fields[fields.count - 1])
        }
        return (try Matrix(rows: rows), y, names)
    }

    /// The diabetes design (442 × 10, raw units) and target.
    public static func diabetes() throws -> (x: Matrix, y: [Double]) {
        let d = try numericCSV(diabetesURL)
        return (d.x, d.y)
    }
}
