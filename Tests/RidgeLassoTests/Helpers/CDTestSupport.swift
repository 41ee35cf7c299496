import Foundation
import LinearAlgebra
@testable import RidgeLasso
import _TestSupport

/// The coordinate-descent tests' problems (built in _TestSupport) and references from the definitions.
typealias CDProblem = RegressionProblem

enum CDTestSupport {
    /// See ``Problems/correlated(n:p:rho:nonzeros:noise:offset:seed:)``.
    static func problem(n: Int, p: Int, rho: Double = 0.5, nonzeros: Int = 5, noise: Double = 0.5,
                        offset: Double = 1, seed: UInt64) -> CDProblem {
        Problems.correlated(n: n, p: p, rho: rho, nonzeros: nonzeros, noise: noise, offset: offset, seed: seed)
    }

    /// Positive sample weights in (0.2, 2).
    static func weights(_ n: Int, seed: UInt64) -> [Double] { Problems.weights(n, seed: seed) }

    /// The objective P(w, b) = (1/2)Σ vᵢ(yᵢ − xᵢᵀw − b)² + Σⱼ fⱼ[αr|wⱼ| + α(1−r)/2 wⱼ²], v = s/Σs,
    /// computed directly from the definition (standardization not included).
    static func objective(_ x: Matrix, _ y: [Double], w: [Double], b: Double, alpha: Double, l1Ratio r: Double,
                          weights: [Double]? = nil, factors: [Double]? = nil) -> Double {
        let n = x.rows
        let v = weights.map { ws in ws.map { $0 / ws.reduce(0, +) } } ?? [Double](repeating: 1 / Double(n), count: n)
        var loss = 0.0
        for i in 0..<n {
            var pred = b
            for j in 0..<x.columns { pred += x[i, j] * w[j] }
            loss += v[i] * (y[i] - pred) * (y[i] - pred)
        }
        var pen = 0.0
        for j in 0..<w.count {
            let f = factors?[j] ?? 1
            pen += f * (alpha * r * abs(w[j]) + 0.5 * alpha * (1 - r) * w[j] * w[j])
        }
        return 0.5 * loss + pen
    }

    /// The largest KKT violation maxⱼ dist(ρⱼ, ∂hⱼ(wⱼ)), ρⱼ = Σᵢ vᵢ(xᵢⱼ − x̄ⱼ)rᵢ, from the definition.
    static func kktViolation(_ x: Matrix, _ y: [Double], model: ElasticNetModel, weights: [Double]? = nil,
                             factors: [Double]? = nil, positive: Bool = false, fitIntercept: Bool = true) -> Double {
        let n = x.rows, p = x.columns
        let v = weights.map { ws in ws.map { $0 / ws.reduce(0, +) } } ?? [Double](repeating: 1 / Double(n), count: n)
        var r = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var pred = model.intercept
            for j in 0..<p { pred += x[i, j] * model.coefficients[j] }
            r[i] = y[i] - pred
        }
        let penalty = ElasticNetPenalty(alpha: model.alpha, l1Ratio: model.l1Ratio,
                                        l1Weights: factors ?? [Double](repeating: 1, count: p),
                                        l2Weights: factors ?? [Double](repeating: 1, count: p), positive: positive)
        var worst = 0.0
        for j in 0..<p {
            var rho = 0.0
            for i in 0..<n { rho += v[i] * x[i, j] * r[i] }
            worst = max(worst, penalty.subdifferentialDistance(model.coefficients[j], correlation: rho, feature: j))
        }
        if fitIntercept {
            var s = 0.0
            for i in 0..<n { s += v[i] * r[i] }
            worst = max(worst, abs(s))
        }
        return worst
    }

    /// (1/n)‖y − ȳ‖² (weighted when weights are given): the scale of the stopping rule.
    static func targetVariance(_ y: [Double], weights: [Double]? = nil) -> Double {
        let n = y.count
        let v = weights.map { ws in ws.map { $0 / ws.reduce(0, +) } } ?? [Double](repeating: 1 / Double(n), count: n)
        var mean = 0.0
        for i in 0..<n { mean += v[i] * y[i] }
        var s = 0.0
        for i in 0..<n { s += v[i] * (y[i] - mean) * (y[i] - mean) }
        return s
    }

    /// Exact ridge on centered data: w = (XcᵀXc + λI)⁻¹Xcᵀyc, via Cholesky; b = ȳ − x̄ᵀw.
    static func ridge(_ x: Matrix, _ y: [Double], lambda: Double) throws -> (w: [Double], b: Double) {
        let means = Centering.means(x, weights: nil)
        let xc = Centering.subtracting(means, from: x)
        let ym = y.reduce(0, +) / Double(y.count)
        var gram = try xc.gram()
        for j in 0..<x.columns { gram[j, j] += lambda }
        let rhs = try xc.transposeTimes(y.map { $0 - ym })
        let w = try CholeskyFactorization(gram).solve(rhs)
        var b = ym
        for j in 0..<w.count { b -= means[j] * w[j] }
        return (w, b)
    }

    /// Loads a fixture file from the test bundle's Fixtures/cd folder.
    static func fixtureURL(_ name: String) -> URL? {
        Bundle.module.url(forResource: "Fixtures/cd/\(name)", withExtension: nil)
            ?? Bundle.module.resourceURL?.appendingPathComponent("Fixtures/cd/\(name)")
    }

    /// Largest |aᵢ − bᵢ|.
    static func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }
}

/// The reference fixtures of Fixtures/cd (see make_fixtures.py and make_glmnet_fixtures.R).
enum CDFixtures {
    struct Reference {
        var dataset: String
        var caseName: String
        var alpha: Double
        var l1Ratio: Double
        var fitIntercept = true
        var positive = false
        var standardize = false
        var weights: String
        var factors = "none"
        var intercept: Double
        var coefficients: [Double]
    }

    static func text(_ name: String) throws -> String {
        guard let url = CDTestSupport.fixtureURL(name) else { throw FixtureError.missing(name) }
        return try String(contentsOf: url, encoding: .utf8)
    }

    enum FixtureError: Error { case missing(String), malformed(String) }

    /// The design and target of a data set (diabetes: raw units, 442 × 10, stored once in _TestSupport).
    static func dataset(_ name: String) throws -> (Matrix, [Double]) {
        if name == "diabetes" { return try Datasets.diabetes() }
        guard let url = CDTestSupport.fixtureURL("data_\(name).csv") else { throw FixtureError.missing(name) }
        let d = try Datasets.numericCSV(url)
        return (d.x, d.y)
    }

    static func weights(_ dataset: String) throws -> [Double] {
        for line in try text("weights_w1.csv").split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ",")
            if fields.first.map(String.init) == dataset { return fields.dropFirst().compactMap { Double($0) } }
        }
        throw FixtureError.missing("weights for \(dataset)")
    }

    static func sklearn() throws -> [Reference] {
        try text("sklearn_reference.csv").split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }.map { line in
            let f = line.split(separator: ",").map(String.init)
            return Reference(dataset: f[0], caseName: f[1], alpha: Double(f[2])!, l1Ratio: Double(f[3])!,
                             fitIntercept: f[4] == "1", positive: f[5] == "1", weights: f[6],
                             intercept: Double(f[7])!, coefficients: f[8...].map { Double($0)! })
        }
    }

    static func glmnet() throws -> [Reference] {
        try text("glmnet_reference.csv").split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }.map { line in
            let f = line.split(separator: ",").map(String.init)
            return Reference(dataset: f[0], caseName: f[1], alpha: Double(f[2])!, l1Ratio: Double(f[3])!,
                             standardize: f[4] == "1", weights: f[5], factors: f[6],
                             intercept: Double(f[7])!, coefficients: f[8...].map { Double($0)! })
        }
    }
}

extension CDTestSupport {
    /// The KKT conditions implied by a duality gap, checked coordinate by coordinate from the
    /// definition. Along coordinate j the objective is (Lⱼ = dⱼ + λ₂fⱼ)-strongly convex with at most
    /// one kink (at 0), and its excess over its minimum is ≤ gap. Hence either
    /// dist(ρⱼ, ∂hⱼ(wⱼ)) ≤ √(2Lⱼ·gap), or the kink lies between wⱼ and the coordinate minimizer and
    /// |wⱼ| ≤ √(2·gap/Lⱼ). Returns the coordinates that violate both (with a rounding allowance).
    static func kktViolations(_ x: Matrix, _ y: [Double], model: ElasticNetModel, weights: [Double]? = nil,
                              factors: [Double]? = nil, positive: Bool = false, fitIntercept: Bool = true) -> [Int] {
        let n = x.rows, p = x.columns
        let v = weights.map { ws in ws.map { $0 / ws.reduce(0, +) } } ?? [Double](repeating: 1 / Double(n), count: n)
        var means = [Double](repeating: 0, count: p)
        if fitIntercept { for j in 0..<p { for i in 0..<n { means[j] += v[i] * x[i, j] } } }
        var r = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var pred = model.intercept
            for j in 0..<p { pred += x[i, j] * model.coefficients[j] }
            r[i] = y[i] - pred
        }
        let f = factors ?? [Double](repeating: 1, count: p)
        let penalty = ElasticNetPenalty(alpha: model.alpha, l1Ratio: model.l1Ratio, l1Weights: f, l2Weights: f,
                                        positive: positive)
        let gap = max(model.dualityGap, 0)
        var bad: [Int] = []
        for j in 0..<p {
            var rho = 0.0, d = 0.0
            for i in 0..<n {
                let xc = x[i, j] - means[j]
                rho += v[i] * xc * r[i]
                d += v[i] * xc * xc
            }
            let lj = d + penalty.l2 * f[j]
            guard lj > 0 else {
                if model.coefficients[j] != 0 { bad.append(j) }
                continue
            }
            let scale = abs(rho) + penalty.l1 * f[j] + 1e-300
            let dist = penalty.subdifferentialDistance(model.coefficients[j], correlation: rho, feature: j)
            let ok = dist <= (2 * lj * gap).squareRoot() + 1e-9 * scale
                || abs(model.coefficients[j]) <= (2 * gap / lj).squareRoot() + 1e-12
            if !ok { bad.append(j) }
        }
        return bad
    }
}
