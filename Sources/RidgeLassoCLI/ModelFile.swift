import Foundation
import RidgeLassoCSV
#if canImport(Glibc)
import Glibc
#endif

/// A model written by `ridgelasso fit --output`: what `predict` needs from it.
struct ModelFile {
    /// The feature names, in the order of ``coefficients``.
    let features: [String]
    /// The coefficients w, one per feature.
    let coefficients: [Double]
    /// The intercept b.
    let intercept: Double
    /// The response column's name (absent from model files written before it was recorded).
    var target: String? = nil
    /// The one-hot encodings of categorical columns, whose indicators are among ``features``.
    var categorical: [CategoricalEncoding] = []

    private struct Stored: Decodable {
        let features: [String]?
        let coefficients: [Double?]?
        let intercept: Double??
        let target: String?
        let categorical: [CategoricalEncoding]?
    }

    /// The largest model file read: 256 MiB, five times a model of 10⁶ features with long
    /// names, so that a huge file named by mistake is refused before it is read into memory.
    static let maximumBytes = 256 << 20

    /// Reads and checks the model file at `path`.
    /// - Throws: ``CLIError`` (exit status 1) when the file cannot be read, is larger than
    ///   ``maximumBytes``, is not JSON, or lacks (or has inconsistent) `features`,
    ///   `coefficients` and `intercept`.
    static func read(_ path: String) throws -> ModelFile {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > maximumBytes {
            throw CLIError.data("\(path): the model file has \(info.st_size) bytes, more than the limit of \(maximumBytes)")
        }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "No such file or directory" : isDirectory.boolValue ? "is a directory" : "cannot read it"
            throw CLIError.data("\(path): cannot read the model file: \(reason)")
        }
        return try parse(bytes, path: path)
    }

    /// Checks the bytes of a model file; `path` names it in messages.
    /// - Throws: ``CLIError`` (exit status 1), as ``read(_:)``.
    static func parse(_ bytes: Data, path: String) throws -> ModelFile {
        let notAModel = "\(path): not a model file written by `ridgelasso fit --output`"
        let stored: Stored
        do {
            stored = try JSONDecoder().decode(Stored.self, from: bytes)
        } catch {
            throw CLIError.data("\(notAModel) (not a JSON object with features, coefficients and intercept)")
        }
        guard let features = stored.features else { throw CLIError.data("\(notAModel) (no \"features\")") }
        guard let coefficients = stored.coefficients else { throw CLIError.data("\(notAModel) (no \"coefficients\")") }
        guard let interceptField = stored.intercept else { throw CLIError.data("\(notAModel) (no \"intercept\")") }
        guard features.count == coefficients.count else {
            throw CLIError.data("\(path): the model has \(features.count) features but \(coefficients.count) coefficients")
        }
        guard !features.isEmpty else { throw CLIError.data("\(path): the model has no features") }
        var seen = Set<String>()
        for name in features where !seen.insert(name).inserted {
            throw CLIError.data("\(path): the model names feature \(quoted(name)) twice")
        }
        var values: [Double] = []
        for (j, c) in coefficients.enumerated() {
            guard let c, c.isFinite else {
                throw CLIError.data("\(path): the coefficient of \(quoted(features[j])) is not a finite number")
            }
            values.append(c)
        }
        guard let intercept = interceptField, intercept.isFinite else {
            throw CLIError.data("\(path): the intercept is not a finite number")
        }
        let categorical = stored.categorical ?? []
        for encoding in categorical {
            guard !encoding.levels.isEmpty, Set(encoding.levels).count == encoding.levels.count,
                  encoding.featureNames.allSatisfy(seen.contains) else {
                throw CLIError.data("\(path): the encoding of column \(quoted(encoding.column)) does not match the model's features")
            }
        }
        return ModelFile(features: features, coefficients: values, intercept: intercept,
                         target: stored.target, categorical: categorical)
    }
}
