import Foundation
import LinearAlgebra

/// The scikit-learn fixtures in Fixtures/cv, written by Fixtures/cv/make_cv_fixtures.py.
enum CVFixtures {
    struct RidgeFile: Decodable { let cases: [RidgeCase] }
    struct RidgeCase: Decodable {
        let name: String
        let fitIntercept: Bool
        let x: [[Double]]
        let y: [[Double]]                 // targets × n
        let weights: [Double]?
        let alphas: [Double]
        let alpha: [Double]               // chosen α per target
        let squaredErrors: [[[Double]]]   // targets × n × alphas: sᵢ rᵢ²
        let coefficients: [[Double]]      // targets × p
        let intercept: [Double]
    }

    struct LassoFile: Decodable { let cases: [LassoCase] }
    struct LassoCase: Decodable {
        let name: String
        let x: [[Double]]
        let y: [Double]
        let foldIDs: [Int]
        let fits: [LassoFit]
    }
    struct LassoFit: Decodable {
        let l1Ratio: Double
        let alphas: [Double]
        let msePath: [[Double]]           // folds × alphas
        let alpha: Double
        let coefficients: [Double]
        let intercept: Double
    }

    static func load<T: Decodable>(_ name: String, as: T.Type) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/cv") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }
}
