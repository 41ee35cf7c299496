import Foundation
import LinearAlgebra
@testable import RidgeLasso
import _TestSupport
import Testing

enum RidgeFixtures {
    /// The test bundle's `Fixtures/ridge` folder.
    static func url(_ name: String) throws -> URL {
        let base = try #require(Bundle.module.resourceURL)
        return base.appendingPathComponent("Fixtures/ridge/\(name)")
    }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// A NIST StRD data set: X (all columns but `y`), y, the certified coefficients (in X's column
    /// order), the certified intercept (nil without one).
    static func nist(_ name: String) throws -> (x: Matrix, y: [Double], coefficients: [Double], intercept: Double?, fitIntercept: Bool) {
        let text = try String(contentsOf: url("nist/\(name).csv"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        let yIndex = try #require(header.firstIndex(of: "y"))
        var rows: [[Double]] = [], y: [Double] = []
        for line in lines where !line.isEmpty {
            let values = line.split(separator: ",").map { Double(String($0).trimmingCharacters(in: .whitespaces)) }
            var row: [Double] = []
            for (k, v) in values.enumerated() {
                let value = try #require(v)
                if k == yIndex { y.append(value) } else { row.append(value) }
            }
            rows.append(row)
        }
        let json = try JSONSerialization.jsonObject(with: data("nist/\(name).json")) as? [String: Any]
        let certified = try #require(json?["certified"] as? [String: String])
        let fit = try #require(json?["fit_intercept"] as? Bool)
        let names = header.filter { $0 != "y" }
        let coefficients = try names.map { name -> Double in
            let text = try #require(certified[name])
            return try #require(Double(text))
        }
        let intercept = certified["intercept"].flatMap(Double.init)
        return (try Matrix(rows: rows), y, coefficients, intercept, fit)
    }
}

/// The number of correct significant digits of `value` against `reference` (the log relative
/// error, LRE, as used by McCullough for NIST StRD), capped at 16.
func correctDigits(_ value: Double, _ reference: Double) -> Double {
    if value == reference { return 16 }
    let error = abs(value - reference)
    let lre = reference == 0 ? -log10(error) : -log10(error / abs(reference))
    return min(16, max(0, lre))
}

/// The smallest number of correct digits over the coefficients and the intercept.
func correctDigits(_ model: RidgeModel, coefficients: [Double], intercept: Double?) -> Double {
    var d = zip(model.coefficients, coefficients).map { correctDigits($0, $1) }.min() ?? 16
    if let intercept { d = min(d, correctDigits(model.intercept, intercept)) }
    return d
}

/// max |a − b| / max(1, max |b|).
func relativeDifference(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "relativeDifference: lengths differ")
    let scale = max(1, b.map(abs).max() ?? 0)
    return zip(a, b).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
}

/// The gradient of the (weighted) ridge objective with respect to w at the fitted model:
/// 2Xcᵀ(Xcw − yc) + 2αw, written as −2Σᵢvᵢ(yᵢ − xᵢᵀw − b)xᵢ + 2αw (the b-gradient is zero at b = ȳ − x̄ᵀw).
func ridgeGradient(_ model: RidgeModel, _ x: Matrix, _ y: [Double], weights: [Double]? = nil) throws -> (w: [Double], b: Double) {
    let prediction = try model.predict(x)
    var g = model.coefficients.map { 2 * model.alpha * $0 }
    var gb = 0.0
    for i in 0..<x.rows {
        let r = (y[i] - prediction[i]) * (weights?[i] ?? 1)
        gb -= 2 * r
        for j in 0..<x.columns { g[j] -= 2 * r * x[i, j] }
    }
    return (g, gb)
}
