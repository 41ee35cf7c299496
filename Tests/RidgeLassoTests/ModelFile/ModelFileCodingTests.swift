import Foundation
import LinearAlgebra
import RidgeLasso
import Testing
import _TestSupport

/// `Codable` models in the model-file format of `ridgelasso fit --output`: lossless round trips,
/// the members written, the checks applied when decoding, and feature names.
@Suite("Model file coding")
struct ModelFileCodingTests {
    static let names = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]

    static func fitted() throws -> (ridge: RidgeModel, lasso: ElasticNetModel, net: ElasticNetModel, svd: RidgeModel) {
        let (x, y) = try Datasets.diabetes()
        return (try Ridge(alpha: 0.3).fit(x, y), try Lasso(alpha: 0.2).fit(x, y),
                try ElasticNet(alpha: 0.2, l1Ratio: 0.25).fit(x, y), try Ridge(alpha: 0.3, solver: .svd).fit(x, y))
    }

    /// The top-level members of an encoded model.
    static func members(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("encoding then decoding gives the same model, bit for bit (ridge, svd ridge, lasso, elastic net)")
    func roundTrip() throws {
        let m = try Self.fitted()
        let ridge = try m.ridge.named(features: Self.names, target: "progression")
        let svd = try m.svd.named(features: Self.names)
        let lasso = try m.lasso.named(features: Self.names, target: "progression")
        let net = try m.net.named(features: Self.names)
        #expect(try JSONDecoder().decode(RidgeModel.self, from: JSONEncoder().encode(ridge)) == ridge)
        #expect(try JSONDecoder().decode(RidgeModel.self, from: JSONEncoder().encode(svd)) == svd)
        #expect(try JSONDecoder().decode(ElasticNetModel.self, from: JSONEncoder().encode(lasso)) == lasso)
        #expect(try JSONDecoder().decode(ElasticNetModel.self, from: JSONEncoder().encode(net)) == net)
        #expect(try JSONDecoder().decode(FittedModel.self, from: JSONEncoder().encode(net)) == .elasticNet(net))
        #expect(try JSONDecoder().decode(FittedModel.self, from: JSONEncoder().encode(ridge)) == .ridge(ridge))
        // Equality of Doubles here is exact: every coefficient read back to the same bits.
        let back = try JSONDecoder().decode(ElasticNetModel.self, from: JSONEncoder().encode(lasso))
        #expect(zip(back.coefficients, lasso.coefficients).allSatisfy { $0.bitPattern == $1.bitPattern })
    }

    @Test("the members are the CLI's model file: kind, α, l1 ratio, intercept, features, coefficients, solver account")
    func members() throws {
        let m = try Self.fitted()
        let lasso = try Self.members(JSONEncoder().encode(m.lasso))
        #expect(Set(lasso.keys) == ["model", "alpha", "l1_ratio", "intercept", "features", "coefficients",
                                    "iterations", "converged", "duality_gap", "objective"])
        #expect(lasso["model"] as? String == "lasso")
        #expect(lasso["features"] as? [String] == (1...10).map { "x\($0)" })   // no names: x1 … x10
        #expect((lasso["coefficients"] as? [Double])?.count == 10)   // exact values: roundTrip, through JSONDecoder
        #expect(lasso["iterations"] as? Int == m.lasso.iterations)
        let net = try Self.members(JSONEncoder().encode(m.net))
        #expect(net["model"] as? String == "elasticnet" && net["l1_ratio"] as? Double == 0.25)
        let ridge = try Self.members(JSONEncoder().encode(try m.ridge.named(features: Self.names, target: "y")))
        #expect(Set(ridge.keys) == ["model", "alpha", "intercept", "features", "coefficients", "solver",
                                    "reciprocal_condition", "target"])
        #expect(ridge["model"] as? String == "ridge" && ridge["solver"] as? String == m.ridge.solverUsed.rawValue)
        #expect(ridge["features"] as? [String] == Self.names && ridge["target"] as? String == "y")
        let svd = try Self.members(JSONEncoder().encode(m.svd))
        #expect(svd["solver"] as? String == "svd" && svd["rank"] as? Int == 10)
    }

    @Test("a model file as the CLI writes it decodes; unknown members are ignored; no objective reads as NaN")
    func decodesCLIText() throws {
        let text = """
            {"model":"lasso","alpha":0.1,"l1_ratio":1.0,"intercept":152.13,"features":["a","b"],\
            "coefficients":[1.5,-0.0],"iterations":37,"converged":true,"duality_gap":1.2e-09,"target":"y",\
            "categorical":[{"column":"c","levels":["u","v"]}],"future":[1,2]}
            """
        let model = try JSONDecoder().decode(FittedModel.self, from: Data(text.utf8))
        guard case .elasticNet(let lasso) = model else { Issue.record("not a lasso: \(model)"); return }
        #expect(lasso.coefficients == [1.5, 0] && lasso.intercept == 152.13 && lasso.alpha == 0.1)
        #expect(lasso.iterations == 37 && lasso.converged && lasso.dualityGap == 1.2e-09 && lasso.objective.isNaN)
        #expect(lasso.featureNames == ["a", "b"] && lasso.targetName == "y")
        #expect(lasso.categorical == [CategoricalLevels(column: "c", levels: ["u", "v"])])
        #expect(try lasso.predict([2, 7]) == 152.13 + 3)
        let ridge = try JSONDecoder().decode(FittedModel.self, from: Data("""
            {"model":"ridge","alpha":4.0,"intercept":1.0,"features":["x"],"coefficients":[2.0],"solver":"cholesky"}
            """.utf8))
        #expect(ridge == .ridge(RidgeModel(coefficients: [2], intercept: 1, alpha: 4, solverUsed: .cholesky,
                                           featureNames: ["x"])))
    }

    @Test("decoding applies predict's checks and says which member is wrong", arguments: [
        (#"{"model":"ridge","alpha":1,"intercept":0,"features":["a"],"coefficients":[1],"solver":"qr"}"#, "ElasticNet", "\"ridge\" model, expected \"lasso\" or \"elasticnet\""),
        (#"{"model":"lasso","alpha":1,"intercept":0,"features":["a","b"],"coefficients":[1],"iterations":1,"converged":true}"#, "ElasticNet", "2 features but 1 coefficients"),
        (#"{"model":"lasso","alpha":1,"intercept":0,"features":["a","a"],"coefficients":[1,2],"iterations":1,"converged":true}"#, "ElasticNet", "names feature \"a\" twice"),
        (#"{"model":"lasso","alpha":1,"intercept":0,"features":["a","b"],"coefficients":[1,null],"iterations":1,"converged":true}"#, "ElasticNet", "coefficient of \"b\" is not a finite number"),
        (#"{"model":"ridge","alpha":1,"intercept":null,"features":["a"],"coefficients":[1],"solver":"qr"}"#, "Ridge", "the intercept is not a finite number"),
        (#"{"model":"ridge","alpha":1,"features":["a"],"coefficients":[1],"solver":"qr"}"#, "Ridge", "no \"intercept\""),
        (#"{"model":"ridge","alpha":1,"intercept":0,"features":[],"coefficients":[],"solver":"qr"}"#, "Ridge", "the model has no features"),
        (#"{"model":"ridge","alpha":1,"intercept":0,"features":["a"],"coefficients":[1],"solver":"lu"}"#, "Ridge", "unknown solver \"lu\""),
        (#"{"model":"tree","alpha":1,"intercept":0,"features":["a"],"coefficients":[1]}"#, "Fitted", "\"tree\" model, expected \"ridge\" or \"lasso\" or \"elasticnet\""),
    ])
    func decodingErrors(_ text: String, _ type: String, _ message: String) throws {
        let data = Data(text.utf8)
        do {
            switch type {
            case "Ridge": _ = try JSONDecoder().decode(RidgeModel.self, from: data)
            case "ElasticNet": _ = try JSONDecoder().decode(ElasticNetModel.self, from: data)
            default: _ = try JSONDecoder().decode(FittedModel.self, from: data)
            }
            Issue.record("decoded \(text)")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription.contains(message), "\(context.debugDescription)")
        }
    }

    @Test("named(features:) needs one distinct, non-empty name per coefficient")
    func naming() throws {
        let m = try Self.fitted()
        #expect(throws: RegressionError.dimensionMismatch("2 feature names for 10 coefficients")) {
            try m.ridge.named(features: ["a", "b"])
        }
        var repeated = Self.names
        repeated[3] = "age"
        #expect(throws: RegressionError.invalidNames("\"age\" names two features")) { try m.lasso.named(features: repeated) }
        var empty = Self.names
        empty[9] = ""
        #expect(throws: RegressionError.invalidNames("feature name 9 is empty")) { try m.net.named(features: empty) }
        // Naming changes nothing else.
        let named = try m.lasso.named(features: Self.names)
        #expect(named.coefficients == m.lasso.coefficients && named.objective == m.lasso.objective)
        #expect(named.featureNames == Self.names && named.targetName == nil)
    }

    @Test("a non-finite coefficient is refused when encoding instead of writing a file predict rejects")
    func nonFiniteEncoding() throws {
        let bad = RidgeModel(coefficients: [1, .nan], intercept: 0, alpha: 1, solverUsed: .qr)
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(bad) }
    }
}
