import Foundation

/// A model written by `ridgelasso fit --output`: what `predict` needs from it.
struct ModelFile {
    /// The feature names, in the order of ``coefficients``.
    let features: [String]
    /// The coefficients w, one per feature.
    let coefficients: [Double]
    /// The intercept b.
    let intercept: Double

    private struct Stored: Decodable {
        let features: [String]?
        let coefficients: [Double?]?
        let intercept: Double??
    }

    /// Reads and checks the model file at `path`.
    /// - Throws: ``CLIError`` (exit status 1) when the file cannot be read, is not JSON, or lacks
    ///   (or has inconsistent) `features`, `coefficients` and `intercept`.
    static func read(_ path: String) throws -> ModelFile {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "No such file or directory" : isDirectory.boolValue ? "is a directory" : "cannot read it"
            throw CLIError.data("\(path): cannot read the model file: \(reason)")
        }
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
        return ModelFile(features: features, coefficients: values, intercept: intercept)
    }
}
