/// Parameter checks shared by the gradient-method baselines (run at the start of `fit`).
enum GradientOptionsValidation {
    /// A wall-clock budget: `nil` (none) or finite and > 0.
    static func maximumSeconds(_ s: Double?) throws(RegressionError) {
        guard let s else { return }
        guard s.isFinite, s > 0 else {
            throw .invalidParameter(name: "maximumSeconds", value: s, requirement: "must be finite and > 0")
        }
    }

    /// A recording interval ≥ 0 (0 records nothing but the final point).
    static func historyInterval(_ k: Int) throws(RegressionError) {
        guard k >= 0 else {
            throw .invalidParameter(name: "historyInterval", value: Double(k), requirement: "must be ≥ 0")
        }
    }

    /// A positive count (batch size, epochs, check interval).
    static func positive(_ k: Int, name: String) throws(RegressionError) {
        guard k >= 1 else { throw .invalidParameter(name: name, value: Double(k), requirement: "must be ≥ 1") }
    }

    /// A positive finite real (learning rate, ε).
    static func positive(_ v: Double, name: String) throws(RegressionError) {
        guard v.isFinite, v > 0 else {
            throw .invalidParameter(name: name, value: v, requirement: "must be finite and > 0")
        }
    }

    /// A moment decay rate β in [0, 1).
    static func decayRate(_ v: Double, name: String) throws(RegressionError) {
        guard v.isFinite, v >= 0, v < 1 else {
            throw .invalidParameter(name: name, value: v, requirement: "must lie in [0, 1)")
        }
    }
}
