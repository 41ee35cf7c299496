/// The members of a model file, as `ridgelasso fit --output` and `ridgelasso cv --output` write
/// them and `ridgelasso predict --model` reads them: one JSON object,
///
///     {"model":"lasso","alpha":0.1,"l1_ratio":1.0,"intercept":152.13,"features":["age",…],
///      "coefficients":[…],"iterations":37,"converged":true,"duality_gap":1.2e-09}
///
/// (ridge: `"solver"` and, when the SVD found the design rank-deficient, `"rank"` instead of the
/// l1 ratio and the solver's account). `"target"` names the response when it is known, and
/// `"categorical"` lists the one-hot encoded columns with their levels (``CategoricalLevels``). The
/// library also writes `"objective"` (lasso, elastic net) and `"reciprocal_condition"` (ridge) so
/// that a decoded model equals the encoded one; `predict` ignores members it does not use, and
/// decoding ignores unknown members, so files from newer writers still load.
enum ModelFileKey: String, CodingKey {
    case model, alpha, intercept, features, coefficients, target, categorical
    case l1Ratio = "l1_ratio"
    case iterations, converged
    case dualityGap = "duality_gap"
    case objective
    case solver, rank
    case reciprocalCondition = "reciprocal_condition"
}

/// The kind of model a file holds: its `"model"` member.
enum ModelFileKind: String {
    case ridge, lasso, elasticnet
}

/// The checks `ridgelasso predict` applies to a model file, for decoding: the same conditions,
/// thrown as `DecodingError.dataCorrupted` with the CLI's wording.
enum ModelFileCheck {
    /// Reads the members every model has: features, coefficients, intercept, target, categorical.
    static func linearPart(
        _ c: KeyedDecodingContainer<ModelFileKey>
    ) throws -> (features: [String], coefficients: [Double], intercept: Double, target: String?,
                 categorical: [CategoricalLevels]?) {
        let features = try c.decode([String].self, forKey: .features)
        let coefficients = try c.decode([Double?].self, forKey: .coefficients)
        let intercept = try c.decodeIfPresent(Double.self, forKey: .intercept)
        guard c.contains(.intercept) else {
            throw corrupted(c, .intercept, "no \"intercept\"")
        }
        guard features.count == coefficients.count else {
            throw corrupted(c, .coefficients, "the model has \(features.count) features but \(coefficients.count) coefficients")
        }
        guard !features.isEmpty else { throw corrupted(c, .features, "the model has no features") }
        var seen = Set<String>()
        for name in features where !seen.insert(name).inserted {
            throw corrupted(c, .features, "the model names feature \"\(name)\" twice")
        }
        var values: [Double] = []
        values.reserveCapacity(coefficients.count)
        for (j, value) in coefficients.enumerated() {
            guard let value, value.isFinite else {
                throw corrupted(c, .coefficients, "the coefficient of \"\(features[j])\" is not a finite number")
            }
            values.append(value)
        }
        guard let intercept, intercept.isFinite else {
            throw corrupted(c, .intercept, "the intercept is not a finite number")
        }
        return (features, values, intercept, try c.decodeIfPresent(String.self, forKey: .target),
                try c.decodeIfPresent([CategoricalLevels].self, forKey: .categorical))
    }

    /// The `"model"` member, which must be one of `allowed`.
    static func kind(_ c: KeyedDecodingContainer<ModelFileKey>, allowed: [ModelFileKind]) throws -> ModelFileKind {
        let text = try c.decode(String.self, forKey: .model)
        guard let kind = ModelFileKind(rawValue: text), allowed.contains(kind) else {
            let names = allowed.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
            throw corrupted(c, .model, "the file holds a \"\(text)\" model, expected \(names)")
        }
        return kind
    }

    static func corrupted(_ c: KeyedDecodingContainer<ModelFileKey>, _ key: ModelFileKey, _ message: String) -> DecodingError {
        .dataCorruptedError(forKey: key, in: c, debugDescription: message)
    }

    /// Writes features (``FeatureNames/defaults(count:)`` without names), coefficients, intercept
    /// and target.
    static func encodeLinearPart(
        _ c: inout KeyedEncodingContainer<ModelFileKey>, _ model: some LinearPredictor,
        names: [String]?, target: String?, categorical: [CategoricalLevels]?
    ) throws {
        for (j, value) in model.coefficients.enumerated() where !value.isFinite {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: c.codingPath + [ModelFileKey.coefficients],
                debugDescription: "coefficient \(j) is \(value); a model file holds finite coefficients"))
        }
        guard model.intercept.isFinite else {
            throw EncodingError.invalidValue(model.intercept, EncodingError.Context(
                codingPath: c.codingPath + [ModelFileKey.intercept],
                debugDescription: "the intercept is \(model.intercept); a model file holds a finite intercept"))
        }
        try c.encode(model.intercept, forKey: .intercept)
        try c.encode(names ?? FeatureNames.defaults(count: model.coefficients.count), forKey: .features)
        try c.encode(model.coefficients, forKey: .coefficients)
        try c.encodeIfPresent(target, forKey: .target)
        if let categorical, !categorical.isEmpty { try c.encode(categorical, forKey: .categorical) }
    }
}

extension RidgeModel: Codable {
    /// Reads a ridge model file (`"model":"ridge"`), with the checks of `ridgelasso predict`.
    /// - Throws: `DecodingError` naming the member at fault: another kind of model, features and
    ///   coefficients of different lengths or none, a repeated feature name, a coefficient or
    ///   intercept that is not a finite number, an unknown solver.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: ModelFileKey.self)
        _ = try ModelFileCheck.kind(c, allowed: [.ridge])
        let part = try ModelFileCheck.linearPart(c)
        let solverName = try c.decode(String.self, forKey: .solver)
        guard let solver = RidgeSolver(rawValue: solverName), solver != .automatic else {
            throw ModelFileCheck.corrupted(c, .solver, "unknown solver \"\(solverName)\" (cholesky, qr or svd)")
        }
        self.init(coefficients: part.coefficients, intercept: part.intercept,
                  alpha: try c.decode(Double.self, forKey: .alpha), solverUsed: solver,
                  rank: try c.decodeIfPresent(Int.self, forKey: .rank),
                  reciprocalCondition: try c.decodeIfPresent(Double.self, forKey: .reciprocalCondition),
                  featureNames: part.features, targetName: part.target, categorical: part.categorical)
    }

    /// Writes the model file `ridgelasso predict --model` reads; features without
    /// ``featureNames`` are named `x1`, `x2`, ….
    /// - Throws: `EncodingError` when a coefficient or the intercept is not finite.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ModelFileKey.self)
        try c.encode(ModelFileKind.ridge.rawValue, forKey: .model)
        try c.encode(alpha, forKey: .alpha)
        try ModelFileCheck.encodeLinearPart(&c, self, names: featureNames, target: targetName,
                                             categorical: categorical)
        try c.encode(solverUsed.rawValue, forKey: .solver)
        try c.encodeIfPresent(rank, forKey: .rank)
        if let reciprocalCondition, reciprocalCondition.isFinite {
            try c.encode(reciprocalCondition, forKey: .reciprocalCondition)
        }
    }
}

extension ElasticNetModel: Codable {
    /// Reads a lasso or elastic-net model file (`"model":"lasso"` or `"elasticnet"`), with the
    /// checks of `ridgelasso predict`. A file without `"objective"` (the CLI's) decodes with
    /// ``objective`` = NaN: the objective needs the data, which the file does not hold.
    /// - Throws: `DecodingError` naming the member at fault, as ``RidgeModel/init(from:)``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: ModelFileKey.self)
        let kind = try ModelFileCheck.kind(c, allowed: [.lasso, .elasticnet])
        let part = try ModelFileCheck.linearPart(c)
        let r = try c.decodeIfPresent(Double.self, forKey: .l1Ratio) ?? (kind == .lasso ? 1 : 0.5)
        self.init(coefficients: part.coefficients, intercept: part.intercept,
                  alpha: try c.decode(Double.self, forKey: .alpha), l1Ratio: r,
                  iterations: try c.decode(Int.self, forKey: .iterations),
                  dualityGap: try c.decodeIfPresent(Double.self, forKey: .dualityGap) ?? .nan,
                  converged: try c.decode(Bool.self, forKey: .converged),
                  objective: try c.decodeIfPresent(Double.self, forKey: .objective) ?? .nan,
                  featureNames: part.features, targetName: part.target, categorical: part.categorical)
    }

    /// Writes the model file `ridgelasso predict --model` reads (`"model":"lasso"` when r = 1);
    /// features without ``featureNames`` are named `x1`, `x2`, …; a non-finite gap is `null`.
    /// - Throws: `EncodingError` when a coefficient or the intercept is not finite.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ModelFileKey.self)
        try c.encode((l1Ratio == 1 ? ModelFileKind.lasso : .elasticnet).rawValue, forKey: .model)
        try c.encode(alpha, forKey: .alpha)
        try c.encode(l1Ratio, forKey: .l1Ratio)
        try ModelFileCheck.encodeLinearPart(&c, self, names: featureNames, target: targetName,
                                             categorical: categorical)
        try c.encode(iterations, forKey: .iterations)
        try c.encode(converged, forKey: .converged)
        if dualityGap.isFinite { try c.encode(dualityGap, forKey: .dualityGap) } else { try c.encodeNil(forKey: .dualityGap) }
        if objective.isFinite { try c.encode(objective, forKey: .objective) }
    }
}

/// Any model file `ridgelasso` writes: decode one when the kind is not known in advance
/// (`ridgelasso fit` and `cv` write ridge, lasso or elastic-net models).
///
/// ```swift
/// let model = try JSONDecoder().decode(FittedModel.self, from: Data(contentsOf: url))
/// let yHat = try model.predict(x)
/// ```
public enum FittedModel: LinearPredictor, Codable, Equatable, CustomStringConvertible {
    /// A ridge model (`"model":"ridge"`).
    case ridge(RidgeModel)
    /// A lasso or elastic-net model (`"model":"lasso"` or `"elasticnet"`).
    case elasticNet(ElasticNetModel)

    /// The model's coefficients w, in the order of its features.
    public var coefficients: [Double] {
        switch self {
        case .ridge(let m): return m.coefficients
        case .elasticNet(let m): return m.coefficients
        }
    }

    /// The model's intercept b.
    public var intercept: Double {
        switch self {
        case .ridge(let m): return m.intercept
        case .elasticNet(let m): return m.intercept
        }
    }

    /// The feature names the file gives (`nil` only for a model built in Swift without them).
    public var featureNames: [String]? {
        switch self {
        case .ridge(let m): return m.featureNames
        case .elasticNet(let m): return m.featureNames
        }
    }

    public var description: String {
        switch self {
        case .ridge(let m): return m.description
        case .elasticNet(let m): return m.description
        }
    }

    /// Reads a model file of any kind, by its `"model"` member.
    /// - Throws: `DecodingError`, as ``RidgeModel/init(from:)`` and ``ElasticNetModel/init(from:)``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: ModelFileKey.self)
        switch try ModelFileCheck.kind(c, allowed: [.ridge, .lasso, .elasticnet]) {
        case .ridge: self = .ridge(try RidgeModel(from: decoder))
        case .lasso, .elasticnet: self = .elasticNet(try ElasticNetModel(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .ridge(let m): try m.encode(to: encoder)
        case .elasticNet(let m): try m.encode(to: encoder)
        }
    }
}
