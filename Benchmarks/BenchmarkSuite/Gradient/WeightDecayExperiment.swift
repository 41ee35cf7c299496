import Foundation
import LinearAlgebra
import RidgeLasso

/// L2 regularization versus decoupled weight decay, for SGD and for Adam, on one seeded
/// least-squares problem with features on different scales (column j multiplied by 2^−(j mod 6)).
///
/// All four runs see the same mini-batches (same seed). SGD + L2(λ) and SGD with decay ρ = ηλ
/// are the same iteration (their curves coincide); Adam + L2(λ) and AdamW(ρ = ηλ) are not, and
/// only Adam + L2 approaches the ridge solution of (1/2n)‖y − Xw − b‖² + (λ/2)‖w‖², i.e. ridge
/// with α = nλ, computed in closed form as the reference.
public struct WeightDecayExperiment: Sendable {
    public let n: Int
    public let p: Int
    public let epochs: Int
    public let lambda: Double
    public let seed: UInt64
    public var progress: @Sendable (String) -> Void = { _ in }

    public init(n: Int, p: Int, epochs: Int, lambda: Double = 0.1, seed: UInt64 = 2019) {
        self.n = n
        self.p = p
        self.epochs = epochs
        self.lambda = lambda
        self.seed = seed
    }

    public func run() throws -> WeightDecayResult {
        var rng = BenchmarkRandom(seed: seed)
        var x = Matrix(rows: n, columns: p)
        for j in 0..<p {
            let scale = pow(2, -Double(j % 6))
            for i in 0..<n { x.storage[i + j * n] = scale * rng.gaussian() }
        }
        let beta = (0..<p).map { _ in 2 * rng.gaussian() }
        var y = try x.times(beta)
        for i in 0..<n { y[i] += 0.5 * rng.gaussian() }
        let exact = try ExactSolvers.ridge(x, y, alpha: Double(n) * lambda)
        let norm = BLAS.norm(exact.coefficients)
        func relativeError(_ w: [Double]) -> Double {
            var s = 0.0
            for j in 0..<w.count { let d = w[j] - exact.coefficients[j]; s += d * d }
            return s.squareRoot() / norm
        }
        let batch = 32
        let stepsPerEpoch = (n + batch - 1) / batch
        let batchesPerEpoch = Double(stepsPerEpoch)
        let etaSGD = 0.05, etaAdam = 0.005
        var snapshotsL2: [[Double]] = [], snapshotsDecay: [[Double]] = []
        progress("[weight decay] SGD + L2 and SGD + decay, \(epochs) epochs")
        let sgdL2 = try StochasticGradientDescent(learningRate: etaSGD, batchSize: batch, epochs: epochs,
                                                  regularization: .l2(lambda), seed: seed, historyInterval: stepsPerEpoch)
            .fit(x, y) { w, _ in snapshotsL2.append(w); return relativeError(w) }
        let sgdDecay = try StochasticGradientDescent(learningRate: etaSGD, batchSize: batch, epochs: epochs,
                                                     regularization: .decoupledWeightDecay(etaSGD * lambda), seed: seed,
                                                     historyInterval: stepsPerEpoch)
            .fit(x, y) { w, _ in snapshotsDecay.append(w); return relativeError(w) }
        progress("[weight decay] Adam + L2 and AdamW, \(epochs) epochs")
        let adamL2 = try Adam(learningRate: etaAdam, batchSize: batch, epochs: epochs, regularization: .l2(lambda),
                              seed: seed, historyInterval: stepsPerEpoch).fit(x, y) { w, _ in relativeError(w) }
        let adamW = try Adam(learningRate: etaAdam, batchSize: batch, epochs: epochs,
                             regularization: .decoupledWeightDecay(etaAdam * lambda), seed: seed, historyInterval: stepsPerEpoch)
            .fit(x, y) { w, _ in relativeError(w) }
        var largest = 0.0
        for (u, v) in zip(snapshotsL2, snapshotsDecay) {
            for (a, b) in zip(u, v) { largest = max(largest, abs(a - b) / max(1, abs(a))) }
        }
        let adamDifference = zip(adamL2.coefficients, adamW.coefficients).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            .squareRoot() / max(BLAS.norm(adamL2.coefficients), .leastNormalMagnitude)
        func curve(_ name: String, _ fit: GradientMethodResult) -> WeightDecayCurve {
            WeightDecayCurve(method: name, epochs: fit.history.map { Double($0.iteration) / batchesPerEpoch },
                             relativeError: fit.history.map { $0.error ?? .nan })
        }
        return WeightDecayResult(
            description: "n=\(n) p=\(p), feature scales 1…1/32, λ=\(lambda) (ridge α = nλ), batches of \(batch), \(epochs) epochs; "
                + "SGD η=\(etaSGD) with L2 λ vs decay ρ=ηλ; Adam η=\(etaAdam) with L2 λ vs AdamW ρ=ηλ",
            sgdLargestDifference: largest, adamRelativeDifference: adamDifference,
            curves: [curve("SGD + L2", sgdL2), curve("SGD + weight decay", sgdDecay),
                     curve("Adam + L2", adamL2), curve("AdamW", adamW)])
    }
}
